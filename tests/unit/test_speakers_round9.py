"""Round 9: subjects set off by a relative or participle clause, a participle's reporter past a
"that" clause, and the inverted speaker of a verb after a comma, on invented sentences (each with
a case where the rule must not fire)."""

from newsgate.nlp.pipeline import make_doc


def _speakers(nlp, text):
    quotes = nlp(make_doc(nlp, text, None))._.quotes
    for quote in quotes:
        assert text[quote["start_char"] : quote["end_char"]] == quote["text"]
    return {q["text"]: q["speaker_name"] for q in quotes}


# --- a non-restrictive clause between the subject and its verb --------------------------------


def test_a_where_clause_after_the_apposition_is_no_subject(nlp):
    text = (
        '"Three houses were flooded," Paul Okafor, a fire officer in the district of Tamsin, '
        "where the river burst its banks, told reporters."
    )
    assert _speakers(nlp, text) == {"Three houses were flooded,": "Paul Okafor"}


def test_a_participle_clause_after_the_apposition_is_no_subject(nlp):
    text = (
        "Ana Ruiz, the head of Valmora village, described as the worst hit, told radio: "
        "“The bridge is gone.”"
    )
    assert _speakers(nlp, text) == {"The bridge is gone.": "Ana Ruiz"}


def test_a_subject_without_a_clause_keeps_its_speaker(nlp):
    text = "Mayor Ana Ruiz told radio: “The bridge is gone.”"
    assert _speakers(nlp, text) == {"The bridge is gone.": "Ana Ruiz"}


# --- a participle's reporter ---------------------------------------------------------------------


def test_a_participle_takes_the_person_before_the_that_clause(nlp):
    text = (
        "Trade Minister Paul Okafor announced that Norland and Estavia had agreed on a toll, "
        "noting that their plans were still “far apart.”"
    )
    assert _speakers(nlp, text) == {"far apart.": "Paul Okafor"}


def test_a_participle_after_a_body_alone_stays_unnamed(nlp):
    text = "The ministry announced that talks had ended, noting that the plans were “far apart.”"
    assert _speakers(nlp, text) == {"far apart.": None}


# --- the inverted speaker of a verb after a comma --------------------------------------------------


def test_a_verb_after_a_comma_takes_the_person_after_it(nlp):
    text = (
        "The defendant had been “warned in writing” about the spending cap, said the presiding "
        "judge of the regional court, Ana Ruiz."
    )
    assert _speakers(nlp, text) == {"warned in writing": "Ana Ruiz"}


def test_a_verb_after_a_comma_with_a_clause_after_it_keeps_no_speaker(nlp):
    text = "The defendant had been “warned in writing” about the cap, said that it was late."
    assert _speakers(nlp, text) == {"warned in writing": None}


# --- a judgement verb of the one list ---------------------------------------------------------


def test_a_judgement_verb_gives_the_fragment_its_subject(nlp):
    text = "Opposition leader Ana Ruiz denounced the “reckless” budget on Monday."
    assert _speakers(nlp, text) == {"reckless": "Ana Ruiz"}


# --- a title set off by a comma before the holder's name -------------------------------------


def test_a_title_before_an_apposed_name_refers_to_that_name(nlp):
    text = (
        "Paul Okafor, general secretary of the Dockers Union, said the talks had failed.\n\n"
        "The general secretary of the Joint Teachers Union (JTU), Mark Olsen, said they would "
        "strike.\n\n"
        "He said: “We have no choice.”"
    )
    assert _speakers(nlp, text) == {"We have no choice.": "Mark Olsen"}


def test_a_title_alone_still_refers_to_its_holder(nlp):
    text = (
        "Paul Okafor, general secretary of the Dockers Union, said the talks had failed.\n\n"
        "“We have no choice,” the general secretary said."
    )
    assert _speakers(nlp, text) == {"We have no choice,": "Paul Okafor"}


# --- marks ---------------------------------------------------------------------------------


def test_a_closing_mark_glued_to_the_verb_closes_the_open_quotation(nlp):
    text = "“We were treated with respect, ”said Ana Ruiz."
    assert _speakers(nlp, text) == {"We were treated with respect,": "Ana Ruiz"}


def test_a_right_mark_before_a_word_opens_when_nothing_is_open(nlp):
    text = "Mayor Ana Ruiz called the vote ”historic” on Monday."
    assert _speakers(nlp, text) == {"historic": "Ana Ruiz"}


# --- names and titles in marks --------------------------------------------------------------


def test_a_quotation_with_every_word_capitalised_is_a_name(nlp):
    text = "A coalition calling itself “Harbour Spring Now” said it would march on Monday."
    assert _speakers(nlp, text) == {}


def test_a_sentence_case_quotation_stays(nlp):
    text = "“Harbour spring is here,” said Ana Ruiz."
    assert _speakers(nlp, text) == {"Harbour spring is here,": "Ana Ruiz"}


def test_a_one_word_capitalised_quotation_stays(nlp):
    text = "“Never,” said Ana Ruiz."
    assert _speakers(nlp, text) == {"Never,": "Ana Ruiz"}


# --- the person opening a chain of appositions ------------------------------------------------


def test_the_person_after_the_quotation_speaks_through_a_chain_of_appositions(nlp):
    text = (
        "“It is bad for the port,” Paul Okafor, a professor at the University of Lima, Peru, "
        "who studies shipping, said on Monday."
    )
    assert _speakers(nlp, text) == {"It is bad for the port,": "Paul Okafor"}


def test_a_person_after_a_preposition_opens_no_apposition(nlp):
    text = (
        "“It is bad for the port,” according to a study for Paul Okafor, a professor, the "
        "ministry said."
    )
    assert _speakers(nlp, text)["It is bad for the port,"] != "Paul Okafor"
