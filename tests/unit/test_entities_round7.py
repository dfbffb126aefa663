"""Round 7 place rule: a geographic generic before a name makes one place (invented sentences)."""

import pytest

from newsgate.nlp.pipeline import make_doc


def _ents(nlp, text):
    doc = nlp(make_doc(nlp, text, None))
    return {(e.text, e.label_) for e in doc.ents}


def test_generic_before_a_name_makes_one_place(nlp):
    ents = _ents(nlp, "Power failed in Port Varnholm and near Mount Kelbora on Monday.")
    assert ("Port Varnholm", "GPE") in ents
    assert ("Mount Kelbora", "LOC") in ents


def test_generic_of_a_name_swallows_the_place_inside(nlp):
    ents = _ents(nlp, "Cargo piled up at the Port of Long Beach and in the Gulf of California.")
    assert ("Port of Long Beach", "LOC") in ents
    assert ("Gulf of California", "LOC") in ents
    assert not any(text in {"Long Beach", "California"} for text, _ in ents)


def test_hyphenated_name_after_a_generic(nlp):
    assert ("Port Varn-Elsby", "GPE") in _ents(nlp, "Dockers at Port Varn-Elsby walked out.")


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Port officials said the terminal would reopen.", "Port"),
        ("The Port Authority said the terminal would reopen.", "Port Authority"),
        ("Staff at Mount Kelbora Hospital said the ward was full.", "Mount Kelbora"),
    ],
)
def test_generic_rule_must_not_fire(nlp, text, absent):
    assert not any(t == absent and label in {"GPE", "LOC"} for t, label in _ents(nlp, text))
