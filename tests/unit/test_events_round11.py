"""Round 11 of issue 14: verbs the lookup table reads as another word's comparative, and a
bare verb form after a named subject (invented text)."""

from newsgate.nlp.event_lexicon import _verb_phrase, lexicon
from newsgate.nlp.pipeline import make_doc


def _kinds(nlp, text):
    doc = nlp(make_doc(nlp, text, None))
    return [(e["event_type"], e["trigger"]) for e in doc._.events]


# --- "lower": keyed as its inflections are read ("lowered", "lowers": "lower") ---------------


def test_a_data_verb_is_keyed_by_the_lemma_of_its_inflections():
    assert _verb_phrase("lower") == ("lower",)
    assert _verb_phrase("raise") == ("raise",)
    assert _verb_phrase("take place") == ("take", "place")
    assert _verb_phrase("") == ()
    assert "lower" in lexicon().verbs


def test_a_rate_lowered_is_an_economic_measure(nlp):
    kinds = _kinds(nlp, "The Varnia Reserve Bank lowered its interest rate on Tuesday.")
    assert ("economic_measure", "lowered") in kinds


def test_a_lower_court_is_no_economic_measure(nlp):
    kinds = _kinds(nlp, "The lower court heard the interest rate case on Tuesday.")
    assert not any(kind == "economic_measure" for kind, _ in kinds)


def test_a_rate_not_lowered_is_no_event(nlp):
    kinds = _kinds(nlp, "The Varnia Reserve Bank has not lowered its interest rate this year.")
    assert not any(kind == "economic_measure" for kind, _ in kinds)


# --- "Varnia cut its rate": a bare form after a named subject, before an object's article ----


def test_a_bare_form_after_a_named_subject_before_a_possessive_is_the_verb(nlp):
    kinds = _kinds(nlp, "The Varnia Reserve Bank cut its interest rate by half a point.")
    assert ("economic_measure", "cut") in kinds


def test_a_noun_after_a_name_before_no_article_stays_a_noun(nlp):
    # "a Varnia Reserve Bank cut before ..." is a noun: no verb reading of "cut"
    kinds = _kinds(nlp, "Analysts expected a Varnia Reserve Bank cut before the summer.")
    assert all(trigger != "cut" for _, trigger in kinds)


def test_an_empty_text_has_no_event(nlp):
    assert _kinds(nlp, "") == []
