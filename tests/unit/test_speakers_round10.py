"""Round 10: sentence ends, subject heads, coordinated verbs, neutral roles, passive "quoted as
saying" and the '"…," X verbed' frame, on invented sentences (each with a case where the rule
must not fire)."""

from newsgate.nlp.pipeline import make_doc
from newsgate.nlp.quote_marks import find_quote_marks, mask_quotes, sentence_bounds


def _speakers(nlp, text):
    quotes = nlp(make_doc(nlp, text, None))._.quotes
    for quote in quotes:
        assert text[quote["start_char"] : quote["end_char"]] == quote["text"]
    return {q["text"]: q["speaker_name"] for q in quotes}


def _sentences(text):
    masked = mask_quotes(text, find_quote_marks(text))
    return [text[s:e].strip() for s, e in sentence_bounds(text, masked, 0, len(text))]


# --- an honorific's full stop ends no sentence ------------------------------------------------


def test_an_honorific_full_stop_from_the_data_file_ends_no_sentence():
    text = "The port reopened. It was welcomed by Hon. Omar Diaz on Monday."
    assert _sentences(text) == [
        "The port reopened.",
        "It was welcomed by Hon. Omar Diaz on Monday.",
    ]


def test_a_capitalised_word_like_an_honorific_in_lower_case_still_ends_a_sentence():
    # "hon" in lower case is no honorific as written
    text = "They called it a hon. Nobody laughed."
    assert _sentences(text) == ["They called it a hon.", "Nobody laughed."]


def test_an_empty_text_has_no_sentences():
    assert _sentences("") == []


def test_the_speaker_after_an_honorific_with_a_full_stop_is_named(nlp):
    text = 'Omar Diaz is the port minister.\n\n"The cranes are working again," Hon. Diaz told reporters.'
    assert _speakers(nlp, text) == {"The cranes are working again,": "Omar Diaz"}


# --- a role or an age that marks no gender ------------------------------------------------------


def test_an_age_that_marks_no_gender_refers_to_a_woman_in_subject_position(nlp):
    text = 'Ana Ruiz is the mayor of Tamsin. "We will rebuild the market," the 45-year-old said.'
    assert _speakers(nlp, text) == {"We will rebuild the market,": "Ana Ruiz"}


def test_a_neutral_role_refers_to_a_woman_when_nobody_has_a_title(nlp):
    text = 'Ana Ruiz led the march. "We will be back next week," the activist said.'
    assert _speakers(nlp, text) == {"We will be back next week,": "Ana Ruiz"}


def test_a_gendered_role_still_skips_a_person_of_the_other_gender(nlp):
    text = 'Ana Ruiz led the march. "We will be back next week," the spokesman said.'
    assert _speakers(nlp, text) == {"We will be back next week,": None}


# --- a time adverbial is no subject --------------------------------------------------------------


def test_a_coordinated_verb_after_a_time_adverbial_takes_the_sentence_subject(nlp):
    text = 'Omar Diaz criticised the plan and later this month asked voters to "reject" it.'
    assert _speakers(nlp, text) == {"reject": "Omar Diaz"}


def test_a_pronoun_after_a_time_adverbial_is_the_subject(nlp):
    text = (
        "Omar Diaz met Ana Ruiz on Sunday.\n\n"
        'The talks went on and on Monday she said the deal was "close."'
    )
    assert _speakers(nlp, text) == {"close.": "Ana Ruiz"}


def test_a_capitalised_month_is_no_time_adverbial(nlp):
    # "May" may be a surname: it is not stripped as a time word
    text = 'Prime Minister Theresa May spoke on Monday. "We will deliver," May said.'
    assert _speakers(nlp, text) == {"We will deliver,": "Theresa May"}


# --- the passive "was quoted as saying" --------------------------------------------------------


def test_a_pronoun_quoted_as_saying_after_the_quotation_speaks(nlp):
    text = 'Governor Omar Diaz reached the city on Sunday. "We are ready," he was quoted as saying.'
    assert _speakers(nlp, text) == {"We are ready,": "Omar Diaz"}


def test_a_name_quoted_by_a_source_as_saying_before_the_quotation_speaks(nlp):
    text = 'Omar Diaz was quoted by local radio as saying "the road is open."'
    assert _speakers(nlp, text) == {"the road is open.": "Omar Diaz"}


def test_a_participle_without_the_passive_still_has_no_subject_of_its_own(nlp):
    text = 'Omar Diaz rejected the claims on Monday, saying "they are false."'
    assert _speakers(nlp, text) == {"they are false.": "Omar Diaz"}


# --- a person after a preposition is a complement, not the subject's head -------------------


def test_a_person_after_a_preposition_in_the_subject_is_no_speaker(nlp):
    text = (
        'Omar Diaz was charged on Monday. "He will plead not guilty," a lawyer for Omar Diaz said.'
    )
    quotes = nlp(make_doc(nlp, text, None))._.quotes
    assert [(q["speaker_name"], q["speaker_description"]) for q in quotes] == [
        (None, "a lawyer for Omar Diaz")
    ]


def test_the_head_of_a_subject_with_a_complement_naming_a_person_speaks(nlp):
    text = 'Ana Ruiz from the office of Omar Diaz said: "The road is open."'
    assert _speakers(nlp, text) == {"The road is open.": "Ana Ruiz"}


def test_a_person_with_a_capitalised_place_before_the_name_still_speaks(nlp):
    text = 'Mayor Ana Ruiz said: "The road is open."'
    assert _speakers(nlp, text) == {"The road is open.": "Ana Ruiz"}


# --- the clause a comma-ended quotation runs into ------------------------------------------------


def test_a_comma_ended_quotation_goes_to_the_subject_of_any_verb_after_it(nlp):
    text = 'Ana Ruiz led the march. "We will be back next week," Ruiz smiled.'
    quotes = nlp(make_doc(nlp, text, None))._.quotes
    assert [(q["speaker_name"], q["verb"]) for q in quotes] == [("Ana Ruiz", None)]


def test_a_role_in_the_frame_refers_to_its_holder_and_the_next_quotation_continues(nlp):
    text = (
        "President Omar Diaz signed the deal with the delegation.\n\n"
        '"The bridge opens in May," the president surveyed the site. "Traffic will follow."'
    )
    assert _speakers(nlp, text) == {
        "The bridge opens in May,": "Omar Diaz",
        "Traffic will follow.": "Omar Diaz",
    }


def test_a_quotation_closed_by_a_full_stop_runs_into_no_clause(nlp):
    text = 'Ana Ruiz led the march. "We will be back next week." Omar Diaz smiled.'
    quotes = nlp(make_doc(nlp, text, None))._.quotes
    assert [q["speaker_name"] for q in quotes] != ["Omar Diaz"]


def test_a_frame_with_only_a_determiner_before_the_verb_reads_on_to_the_next_one(nlp):
    text = 'The crowd gathered. "Out, out," the tired crowd chanted.'
    quotes = nlp(make_doc(nlp, text, None))._.quotes
    assert [(q["speaker_name"], q["speaker_description"]) for q in quotes] == [
        (None, "the tired crowd")
    ]


# --- the agent of a passive reporting verb, "according to him", longer age phrases, the premier --


def test_the_agent_of_a_passive_reporting_verb_speaks(nlp):
    text = 'Ana Ruiz made an offer. It was described as "an insult" by union leader Omar Diaz.'
    assert _speakers(nlp, text) == {"an insult": "Omar Diaz"}


def test_a_passive_without_a_by_phrase_names_no_agent(nlp):
    text = 'Union leader Omar Diaz was described as "a hero" in the local press.'
    quotes = nlp(make_doc(nlp, text, None))._.quotes
    assert [q["verb"] for q in quotes] == ["described"]


def test_according_to_him_refers_to_the_person_before(nlp):
    text = 'Omar Diaz joined the march. According to him, the farmers are "not afraid."'
    assert _speakers(nlp, text) == {"not afraid.": "Omar Diaz"}


def test_an_age_heading_a_longer_noun_phrase_refers_to_the_person(nlp):
    text = (
        'Farmer Omar Diaz joined the march. "We are not afraid," says the 45-year-old father '
        "of three."
    )
    assert _speakers(nlp, text) == {"We are not afraid,": "Omar Diaz"}


def test_the_premier_is_the_prime_minister_not_another_minister(nlp):
    text = (
        "Prime Minister Omar Diaz and Finance Minister Ana Ruiz spoke in Lima on Monday.\n\n"
        '"The budget is balanced," the premier told reporters.'
    )
    assert _speakers(nlp, text) == {"The budget is balanced,": "Omar Diaz"}


# --- the helpers on empty and odd input ----------------------------------------------------------


def test_the_passive_helpers_on_empty_and_odd_input():
    from newsgate.nlp.attribution import left_subject, passive_agent, passive_quoted_as

    assert passive_quoted_as("", 0, 0) is None
    assert passive_agent("", 0, 0, 0, 0) is None
    assert passive_agent("was said by", 4, 8, 8, 4) is None  # ceiling before the verb's end
    assert left_subject("saying", 0, 0) is None
    # a time adverbial alone before a verb leaves no subject
    text = "and later this month asked"
    assert left_subject(text, 0, text.index("asked")) is None


def test_a_quotation_with_no_words_after_it_has_no_frame(nlp):
    assert _speakers(nlp, '"We will be back,"') == {"We will be back,": None}
    assert _speakers(nlp, '"We will be back," ') == {"We will be back,": None}
