"""Round 6 rules for organisations and places, on invented sentences."""

import pytest

from newsgate.nlp.names.abbreviations import best_long_form, is_short_form
from newsgate.nlp.pipeline import load_pipeline, make_doc


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _ents(nlp, text):
    doc = nlp(make_doc(nlp, text, None))
    return {(e.text, e.label_, e.kb_id_) for e in doc.ents}


def test_schwartz_hearst_pairs_letters_right_to_left():
    candidate = "members of the Varda Union of Loom Workers"
    start = best_long_form("VULW", candidate)
    assert candidate[start:] == "Varda Union of Loom Workers"
    assert best_long_form("XQ", candidate) is None
    # the first letter must open a word: "Loom" gives no "o" start
    assert best_long_form("OLW", "cool Loom Workers") is None


def test_short_forms_are_capitalised_single_words():
    assert is_short_form("VULW") and is_short_form("Vulw") and is_short_form("G7")
    assert not is_short_form("Vu") and not is_short_form("vulw")


def test_long_form_with_lower_case_parts_defines_its_short_form(nlp):
    ents = _ents(
        nlp,
        "Delegates of the Inter-regional Council on Weaving (ICW) met in Lusaka. "
        "Later the ICW said it would meet again.",
    )
    orgs = {(t, kb) for t, label, kb in ents if label == "ORG"}
    assert ("Inter-regional Council on Weaving", "Inter-regional Council on Weaving") in orgs
    assert ("ICW", "Inter-regional Council on Weaving") in orgs


def test_mixed_case_short_form_resolves_to_its_long_form(nlp):
    ents = _ents(
        nlp,
        "The Varda National Union of Loom Workers (Vnulw) rejected the offer. "
        "Vnulw officials walked out.",
    )
    assert ("Vnulw", "ORG", "Varda National Union of Loom Workers") in ents


def test_short_form_before_its_long_form(nlp):
    ents = _ents(nlp, "Help came from VMA (the Varda Mountain Alliance) on Monday.")
    assert ("Varda Mountain Alliance", "ORG", "Varda Mountain Alliance") in ents
    assert ("VMA", "ORG", "Varda Mountain Alliance") in ents


def test_terms_and_documents_define_no_body(nlp):
    ents = _ents(
        nlp,
        "The cost of liquefied petroleum gas (LPG) rose. The Northern Loom Trade Agreement "
        "(NLTA) was signed, and the NLTA takes effect in May.",
    )
    assert not {t for t, label, _ in ents if label == "ORG"} & {"LPG", "NLTA"}
    assert not any("Agreement" in t for t, _, _ in ents)


def test_unrecognised_conjuncts_of_a_list_of_bodies_are_bodies(nlp):
    ents = _ents(nlp, "The deal hit shares of Samsung, Brightwell, Tolland Mining and Microsoft.")
    orgs = {t for t, label, _ in ents if label == "ORG"}
    assert {"Brightwell", "Tolland Mining"} <= orgs


def test_lists_with_people_or_places_add_no_body(nlp):
    ents = _ents(nlp, "Ana Lima, Juan Perez, Brightwell and Google staff attended.")
    assert ("Brightwell", "ORG", "Brightwell") not in ents
    ents = _ents(nlp, "Visitors came from Kenya, Brightwell, Uganda and Google.")
    assert ("Brightwell", "ORG", "Brightwell") not in ents
    # two conjuncts are too few to share a category by grammar alone
    ents = _ents(nlp, "Staff from Google and Brightwell attended.")
    assert ("Brightwell", "ORG", "Brightwell") not in ents


def test_collective_agent_heads_name_bodies(nlp):
    ents = _ents(nlp, "The Varda Air Force and the Varda Border Patrol searched the coast.")
    assert ("Varda Air Force", "ORG", "Varda Air Force") in ents
    assert ("Varda Border Patrol", "ORG", "Varda Border Patrol") in ents


def test_acronyms_used_as_common_nouns_are_no_bodies(nlp):
    ents = _ents(
        nlp, "A CBA is binding on both sides. Two new VPNs were sold; the VPN market grew."
    )
    assert not {t for t, label, _ in ents if label == "ORG"} & {"CBA", "VPN"}
    # a modifier after "a" still names a body
    ents = _ents(nlp, "A KRTV reporter said the KRTV station closed.")
    assert ("KRTV", "ORG", "KRTV") in ents
