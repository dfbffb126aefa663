"""Round 8: quotations over paragraphs, names in marks, surnames the entity layer left unnamed,
the speaker after the quotation, matrix reporters, opening pronouns, repeated fragments and
background paragraphs, on invented sentences (each with a case where the rule must not fire)."""

import pytest

from newsgate.nlp.pipeline import make_doc
from newsgate.nlp.quote_marks import find_quote_marks


def _quotes(nlp, text):
    quotes = nlp(make_doc(nlp, text, None))._.quotes
    for quote in quotes:
        assert text[quote["start_char"] : quote["end_char"]] == quote["text"]
    return quotes


def _speakers(nlp, text):
    return {q["text"]: q["speaker_name"] for q in _quotes(nlp, text)}


# --- marks ----------------------------------------------------------------------------------


def test_a_quotation_over_paragraphs_gives_the_words_of_its_closed_paragraph():
    text = "“The dam held all night.\n\n“We were lucky,” said Paul Okafor."
    [span] = find_quote_marks(text)
    assert text[span.start_char : span.end_char].startswith("The dam held")
    assert text[span.own_start : span.end_char] == "We were lucky,"


def test_a_quotation_in_one_paragraph_starts_where_its_words_start():
    text = "“We were lucky,” said Paul Okafor."
    [span] = find_quote_marks(text)
    assert span.own_start == span.start_char


def test_the_closed_paragraph_keeps_the_speaker_of_the_attribution(nlp):
    text = (
        "Engineer Paul Okafor said: “The dam held all night and the town stayed dry.\n\n"
        "“We were lucky.”"
    )
    assert _speakers(nlp, text) == {"We were lucky.": "Paul Okafor"}


# --- names in marks --------------------------------------------------------------------------


def test_a_name_in_quotation_marks_is_no_quotation(nlp):
    text = "The left-wing party “Green Future” tabled a motion on Monday."
    assert _quotes(nlp, text) == []


def test_a_title_case_phrase_someone_says_stays_a_quotation(nlp):
    text = "Mayor Ana Ruiz called the plan “Project for a Fair Harbour” on Monday."
    assert [q["text"] for q in _quotes(nlp, text)] == ["Project for a Fair Harbour"]


def test_a_lower_case_scare_quote_stays_a_quotation(nlp):
    text = "The party has tabled a “historic” motion on Monday."
    assert [q["text"] for q in _quotes(nlp, text)] == ["historic"]


# --- subjects ------------------------------------------------------------------------------


def test_an_honorific_and_a_month_surname_name_the_person(nlp):
    text = (
        "Prime Minister Rosa May won the vote on Tuesday.\n\n"
        "Mrs May told MPs she would “keep working for the country”."
    )
    assert _speakers(nlp, text) == {"keep working for the country": "Rosa May"}


def test_an_honorific_and_a_surname_nobody_has_name_nobody(nlp):
    text = "Prime Minister Rosa Lund won the vote.\n\nMrs May told MPs she would “keep working”."
    assert _speakers(nlp, text) == {"keep working": None}


def test_an_age_between_commas_is_no_subject(nlp):
    text = "Farmer Tomas Okafor lost his crop.\n\n“Everything is gone,” Okafor, 52, told reporters."
    assert _speakers(nlp, text) == {"Everything is gone,": "Tomas Okafor"}


def test_the_speaker_is_salient_after_the_quotation_not_the_object_of_the_verb(nlp):
    text = (
        "Prime Minister Rosa May won the vote on Tuesday.\n\n"
        "Mrs May told Ngata Pohe she would “keep working”.\n\n"
        "“We must find a solution,” she added."
    )
    assert _speakers(nlp, text)["We must find a solution,"] == "Rosa May"


def test_a_reporter_of_a_that_clause_speaks_for_a_subject_naming_no_person(nlp):
    text = "Minister Ana Ruiz said afterwards that the four agreed to “keep the truce”."
    assert _speakers(nlp, text) == {"keep the truce": "Ana Ruiz"}


def test_a_that_clause_with_a_named_subject_keeps_that_subject(nlp):
    text = "Minister Ana Ruiz said that Tomas Okafor had promised to “keep the truce”."
    assert _speakers(nlp, text) == {"keep the truce": "Tomas Okafor"}


def test_a_coordinated_verb_takes_the_pronoun_opening_the_sentence(nlp):
    text = (
        "Mayor Ana Ruiz spoke to the council on Monday.\n\n"
        "She invited every party to talks, but called for a “constructive spirit”."
    )
    assert _speakers(nlp, text) == {"constructive spirit": "Ana Ruiz"}


# --- repeated words and background paragraphs --------------------------------------------------


def test_an_uncredited_fragment_goes_to_the_speaker_who_says_it_in_full(nlp):
    text = (
        "The talks made some “real progress” on Monday.\n\n"
        "“There was real progress today,” Minister Ana Ruiz said."
    )
    assert _speakers(nlp, text)["real progress"] == "Ana Ruiz"


def test_an_uncredited_fragment_said_by_two_people_stays_unnamed(nlp):
    text = (
        "The talks made some “real progress” on Monday.\n\n"
        "“There was real progress today,” Minister Ana Ruiz said.\n\n"
        "“We saw real progress too,” Envoy Tomas Okafor said."
    )
    assert _speakers(nlp, text)["real progress"] is None


def test_a_quotation_paragraph_after_a_background_paragraph_goes_on_with_the_speaker(nlp):
    text = (
        "Union leader Ana Ruiz said there was still time for talks.\n\n"
        "The union has called strikes for March.\n\n"
        "“They have time to talk.”"
    )
    assert _speakers(nlp, text) == {"They have time to talk.": "Ana Ruiz"}


def test_a_background_paragraph_naming_a_person_ends_the_look_back(nlp):
    text = (
        "Union leader Ana Ruiz said there was still time for talks.\n\n"
        "Tomas Okafor, a teacher, has worked there for years.\n\n"
        "“They have time to talk.”"
    )
    assert _speakers(nlp, text) == {"They have time to talk.": "Tomas Okafor"}


# --- a colon after a clause without a reporting verb -------------------------------------------


def test_a_colon_hands_the_quotation_to_its_clause_subject(nlp):
    text = "Mayor Ana Ruiz spoke on Monday.\n\nEngineer Tomas Okafor disagreed: “It is not safe.”"
    assert _speakers(nlp, text) == {"It is not safe.": "Tomas Okafor"}


def test_a_person_after_a_preposition_before_the_colon_is_no_speaker(nlp):
    text = "The council had one message for Engineer Tomas Okafor: “Close the bridge.”"
    assert _speakers(nlp, text) == {"Close the bridge.": None}


# --- typewriter and low-high marks -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "``The bridge is safe,'' Mayor Ana Ruiz said.",
        "''The bridge is safe,'' Mayor Ana Ruiz said.",
        "„The bridge is safe“, Mayor Ana Ruiz said.",
    ],
)
def test_typewriter_and_low_high_marks_make_one_quotation(nlp, text):
    [quote] = _quotes(nlp, text)
    assert quote["text"].rstrip(",") == "The bridge is safe"
    assert quote["speaker_name"] == "Ana Ruiz"


def test_an_apostrophe_pair_inside_words_is_no_mark():
    assert find_quote_marks("The rivals'' plans and the union's view") == []
