"""Round 11: the names of a byline with several jobs, and plural titles (invented names)."""

import pytest

from newsgate.nlp.names.credits import byline_spans, credit_mentions
from newsgate.nlp.pipeline import make_doc


def _byline_names(text):
    return [text[start:end] for start, end in byline_spans(text)]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Reporting by Ana Ruiz; Editing by Tomas Berg", ["Ana Ruiz", "Tomas Berg"]),
        ("Author: Jane Roe", ["Jane Roe"]),
        ("By Ana Ruiz, Tomas Berg and Lee Kim", ["Ana Ruiz", "Tomas Berg", "Lee Kim"]),
        ("- By Jane Roe", ["Jane Roe"]),
        (
            "Additional reporting by Ana Ruiz in Lima; Writing by Tomas Berg",
            ["Ana Ruiz", "Tomas Berg"],
        ),
        ("Jane Roe", ["Jane Roe"]),
        ("", []),
        (";;", []),
        ("By", []),
        ("and , &", []),
    ],
)
def test_byline_spans_drop_role_labels_and_split_names(text, names):
    assert _byline_names(text) == names


def _byline_rows(nlp, text):
    line = {"article_id": "a", "line_no": 1, "reason": "byline", "text": text}
    return {(r["local_name"], r["label"]) for r in credit_mentions(nlp, [line], {})}


def test_every_person_of_a_byline_with_several_jobs_is_found(nlp):
    rows = _byline_rows(nlp, "Reporting by Ana Ruiz; Editing by Tomas Berg")
    assert ("Ana Ruiz", "PERSON") in rows
    assert ("Tomas Berg", "PERSON") in rows


def test_a_byline_label_is_no_persons_name(nlp):
    # before, the whole line "Written by …" was read as one name of three words
    rows = _byline_rows(nlp, "Written by example.com")
    assert not any(label == "PERSON" for _, label in rows)
    assert not _byline_rows(nlp, "Staff Reporter")


def _people(nlp, text):
    doc = nlp(make_doc(nlp, text, None))
    return {e.text for e in doc.ents if e.label_ == "PERSON"}


@pytest.mark.parametrize(
    "text, people",
    [
        (
            "The union's General Secretaries Anna Berg and Tomas Lind signed it.",
            {"Anna Berg", "Tomas Lind"},
        ),
        ("Deputy Governors Anna Berg and Tomas Lind said so.", {"Anna Berg", "Tomas Lind"}),
        ("The union's General Secretary Anna Berg signed it.", {"Anna Berg"}),
    ],
)
def test_a_plural_title_goes_on_with_the_title_before_it(nlp, text, people):
    assert _people(nlp, text) == people


def test_messrs_is_an_honorific_not_a_first_name(nlp):
    people = _people(nlp, "Mr Ana Ruiz and Mr Tomas Berg met. Messrs Ruiz and Berg agreed.")
    assert not any(p.startswith("Messrs") for p in people)
    assert {"Ruiz", "Berg"} <= people
