"""Round 9 place and body rules (invented sentences)."""

import pytest

from newsgate.nlp.names.resolve import mentions_from_doc
from newsgate.nlp.pipeline import make_doc


def _ents(nlp, text):
    doc = nlp(make_doc(nlp, text, None))
    return {(e.text, e.label_) for e in doc.ents}


def _names(nlp, text):
    doc = nlp(make_doc(nlp, text, None))
    return {(m["local_name"], m["label"]) for m in mentions_from_doc(doc, "a")}


def test_compass_region_of_a_country_also_names_the_country(nlp):
    text = "Heavy rain hit southwest China on Friday."
    names = _names(nlp, text)
    assert ("Southwest China", "LOC") in names
    assert ("China", "GPE") in names
    doc = nlp(make_doc(nlp, text, None))
    inner = [m for m in mentions_from_doc(doc, "a") if m["local_name"] == "China"]
    assert [text[m["start_char"] : m["end_char"]] for m in inner] == ["China"]


def test_lower_case_compass_word_before_a_city_makes_no_region(nlp):
    names = _names(nlp, "Shops closed in northern Mogadishu and in Mogadishu's port.")
    assert ("Mogadishu", "GPE") in names
    assert not any(n.startswith("Northern") for n, _ in names)


@pytest.mark.parametrize(
    "text, places",
    [
        (
            "Aid reached the nearby villages of Tumbaro, Kelpani and Osuri on Monday.",
            {"Tumbaro", "Kelpani", "Osuri"},
        ),
        # the first conjunct is a place the gazetteer knows; the others are read after it
        ("Shelling hit the provinces of Idlib, Tumbaro and Osuri.", {"Tumbaro", "Osuri"}),
        ("Workers gathered in the Kelpani and Tumbaro areas after 9am.", {"Kelpani", "Tumbaro"}),
        ("The violence broke out in the Kelpani area of the city.", {"Kelpani"}),
        ("Troops patrolled the general area of Osuri.", {"Osuri"}),
    ],
)
def test_places_listed_after_a_place_noun(nlp, text, places):
    found = {t for t, label in _ents(nlp, text) if label == "GPE"}
    assert places <= found


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose across the Metro area last year.",
        "Reforms in the Health and Education areas were delayed.",
    ],
)
def test_area_after_common_words_names_no_place(nlp, text):
    assert not any(label == "GPE" for _, label in _ents(nlp, text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Traffic stopped on Kelpani Road for five hours.", "Kelpani Road"),
        ("Protesters marched down Osuri Avenue on Sunday.", "Osuri Avenue"),
        ("Crowds gathered at the Tumbaro Monument.", "Tumbaro Monument"),
        # a place joined by a hyphen opens the name of a route
        ("Trucks blocked the Nairobi-Kelpani Highway.", "Nairobi-Kelpani Highway"),
    ],
)
def test_roads_and_landmarks_are_places(nlp, text, name):
    assert (name, "LOC") in _ents(nlp, text)


def test_owner_inside_a_place_name_is_a_body_of_its_own(nlp):
    ents = _ents(nlp, "The jets flew from the Kenya Air Force's Osuri Training Air Base.")
    assert ("Osuri Training Air Base", "LOC") in ents
    assert ("Kenya Air Force", "ORG") in ents


def test_long_form_of_common_words_names_a_body_when_its_short_form_speaks(nlp):
    text = "Joint Media Public Relations (JMPR) said the posts were attacked. The JMPR said more."
    assert ("Joint Media Public Relations", "ORG") in _ents(nlp, text)
    # a concept never speaks: its short form stays a term
    assert not _ents(nlp, "Gross Domestic Product (GDP) rose by two percent.")


def test_a_division_named_after_a_city_is_another_place(nlp):
    names = _names(nlp, "Gunmen struck in Kaduna State. Casualties were taken to Kaduna.")
    assert ("Kaduna State", "GPE") in names
    assert ("Kaduna", "GPE") in names


def test_a_country_written_in_full_opens_a_body_name(nlp):
    ents = _ents(nlp, "The Sudan People's Liberation Movement said the talks failed.")
    assert ("Sudan People's Liberation Movement", "ORG") in ents
    # a country's abbreviation stays a modifier and a place of its own
    ents = _ents(nlp, "The U.S. Securities and Exchange Commission fined the firm.")
    assert ("Securities and Exchange Commission", "ORG") in ents
    assert ("U.S.", "GPE") in ents
