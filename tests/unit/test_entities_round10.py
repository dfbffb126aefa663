"""Round 10 body rules: formal names and acronym long forms (invented sentences)."""

import polars as pl
import pytest

from newsgate.nlp.annotate import MENTION_SCHEMA
from newsgate.nlp.names.resolve import mentions_from_doc, resolve_entities
from newsgate.nlp.pipeline import make_doc


def _ents(nlp, text):
    doc = nlp(make_doc(nlp, text, None))
    return {(e.text, e.label_) for e in doc.ents}


def _orgs(nlp, text):
    return {t for t, label in _ents(nlp, text) if label == "ORG"}


def test_possessive_inside_an_acronyms_long_form(nlp):
    # the shortest pairing of the letters P-P-P would be "People's Party" (p of "People")
    text = "Ana Ruiz of the Popular People's Party (PPP) spoke on Monday."
    orgs = _orgs(nlp, text)
    assert "Popular People's Party" in orgs
    assert "People's Party" not in orgs
    doc = nlp(make_doc(nlp, text, None))
    short = [e for e in doc.ents if e.text == "PPP"]
    assert short and short[0].kb_id_ == "Popular People's Party"


@pytest.mark.parametrize(
    "text, body",
    [
        ("Staff waited outside the Office of the Ombudsman on Monday.", "Office of the Ombudsman"),
        (
            "The Commission for the Protection of Rivers filed a case.",
            "Commission for the Protection of Rivers",
        ),
        # a party adjective the gazetteer knows is a word of the formal name
        (
            "Tomas Berg leads the Alliance for Democratic Renewal in the north.",
            "Alliance for Democratic Renewal",
        ),
        # a place after a formal name whose head is inside it closes the name
        (
            "They set up the Forum for the Growth of Kenya last year.",
            "Forum for the Growth of Kenya",
        ),
    ],
)
def test_formal_names_joined_by_of_the_and_for(nlp, text, body):
    assert body in _orgs(nlp, text)


def test_of_the_joins_only_after_a_head_word(nlp):
    # "President" heads no body: the office's holder is no organisation
    assert not _orgs(nlp, "The President of the Republic spoke on Tuesday.")
    assert not _orgs(nlp, "She is Minister for the Environment.")


def test_last_part_of_a_formal_name_is_no_speaker(nlp):
    ents = _ents(nlp, "The Ministry of Roads and Infrastructure said 20 bridges were shut.")
    assert ("Ministry of Roads and Infrastructure", "ORG") in ents
    assert not any(label == "PERSON" for _, label in ents)


def test_surname_after_and_a_formal_name_still_speaks(nlp):
    ents = _ents(nlp, "Officials at the Bank of England and Bailey said rates would hold.")
    assert ("Bailey", "PERSON") in ents


def test_member_of_a_long_form_makes_it_a_body(nlp):
    # "Convention" ends the names of treaties; a person "of the" convention names a party
    text = "Tomas Berg of the Popular National Convention (PNC) won 300 votes."
    doc = nlp(make_doc(nlp, text, None))
    ents = {(e.text, e.label_, e.kb_id_) for e in doc.ents}
    assert ("Popular National Convention", "ORG", "Popular National Convention") in ents
    assert ("PNC", "ORG", "Popular National Convention") in ents


def test_concepts_and_treaties_stay_terms(nlp):
    assert not _orgs(nlp, "Growth of the Gross Domestic Product (GDP) slowed in May.")
    assert not _orgs(nlp, "Signatories of the Paris Convention (PC) met in May.")


def test_title_inside_a_bodys_name_is_no_role_reference(nlp):
    text = (
        "Governor Ana Ruiz spoke on Monday. Tomas Berg said, “We had a call from the Office "
        "of the Governor on Friday.” The Governor said she would reply."
    )
    doc = nlp(make_doc(nlp, text, None))
    names = {(m["local_name"], m["label"]) for m in mentions_from_doc(doc, "a")}
    assert ("Office of the Governor", "ORG") in names
    # the later "The Governor" is still the role reference to the one governor
    roles = [e for e in doc.ents if e.text == "Governor" and e.label_ == "PERSON"]
    assert [e.kb_id_ for e in roles] == ["Ana Ruiz"]


def test_empty_and_malformed_text(nlp):
    assert _ents(nlp, "") == set()
    assert _orgs(nlp, "of the for the ( ) Office of the") == set()


@pytest.mark.parametrize(
    "text, body",
    [
        ("Protesters gathered outside the Chilean Embassy on Monday.", "Chilean Embassy"),
        ("The French Consulate in Lyon closed early.", "French Consulate"),
        ("The Supreme People's Procuratorate filed charges.", "Supreme People's Procuratorate"),
        ("Officers of the National Gendarmerie arrested two men.", "National Gendarmerie"),
    ],
)
def test_institution_heads_of_the_phoenix_agents(nlp, text, body):
    assert body in _orgs(nlp, text)


def test_embassy_alone_names_no_body(nlp):
    assert not _orgs(nlp, "A spokesman for the embassy said the road was closed.")


def test_a_name_keeps_its_diacritics_from_any_mention(nlp):
    text = (
        "Candidate Tomas Ribeiro spoke first. Later Tomás Ribeiro said he would stay. Ribeiro left."
    )
    doc = nlp(make_doc(nlp, text, None))
    persons = {e.kb_id_ for e in doc.ents if e.label_ == "PERSON"}
    assert persons == {"Tomás Ribeiro"}


def test_across_articles_a_tie_keeps_the_spelling_with_diacritics(nlp):
    rows = [
        *mentions_from_doc(nlp(make_doc(nlp, "Minister Tomas Ribeiro said no.", None)), "a"),
        *mentions_from_doc(nlp(make_doc(nlp, "Minister Tomás Ribeiro said yes.", None)), "b"),
    ]
    frame = pl.DataFrame(rows, schema=MENTION_SCHEMA)
    names = resolve_entities(frame).filter(pl.col("label") == "PERSON")["canonical_name"]
    assert set(names) == {"Tomás Ribeiro"}


def test_translated_acronym_after_a_body_is_its_short_form(nlp):
    text = (
        "The Supreme Electoral Tribunal (TSE) released results on Monday. The TSE said "
        "turnout was high."
    )
    doc = nlp(make_doc(nlp, text, None))
    shorts = [e for e in doc.ents if e.text == "TSE"]
    assert len(shorts) == 2
    assert {e.kb_id_ for e in shorts} == {"Supreme Electoral Tribunal"}


def test_acronym_after_a_place_or_a_lower_case_phrase_is_no_short_form(nlp):
    doc = nlp(make_doc(nlp, "Prices rose in Lima (PE) and the index (CPI) fell.", None))
    assert not any(e.label_ == "ORG" and e.kb_id_ == "Lima" for e in doc.ents)


def test_owner_before_an_acronyms_long_form_stays_a_place(nlp):
    text = "Peru's National Electoral Board (JNE) said the count was over."
    ents = _ents(nlp, text)
    assert ("Peru", "GPE") in ents
    assert ("National Electoral Board", "ORG") in ents
    assert not any(t.startswith("Peru's") for t, _ in ents)
