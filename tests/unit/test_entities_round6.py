"""Round 6 rules for organisations and places, on invented sentences."""

from newsgate.nlp.names.abbreviations import best_long_form, is_short_form
from newsgate.nlp.pipeline import make_doc


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


def test_a_name_put_in_a_known_place_is_a_place(nlp):
    ents = _ents(
        nlp, "A road in Brightwell, Kenya flooded, and a bus crashed near Tollamba in Ohio."
    )
    assert ("Brightwell", "GPE", "Brightwell") in ents
    assert ("Tollamba", "GPE", "Tollamba") in ents


def test_addresses_need_a_place_preposition_and_no_person_or_body(nlp):
    ents = _ents(
        nlp,
        "Brightwell, Kenya said so. He met Ana Lima in Nairobi. Shares in Varda Holdings, "
        "Kenya's lender, fell. It was reported in Ana Lima, Brazil's paper.",
    )
    assert ("Brightwell", "GPE", "Brightwell") not in ents
    assert ("Varda Holdings", "GPE", "Varda Holdings") not in ents
    assert not any(label == "GPE" and "Ana" in t for t, label, _ in ents)


def test_concepts_defined_with_an_acronym_are_no_bodies(nlp):
    ents = _ents(
        nlp,
        "The Gross Domestic Product (GDP) rose, and the Consumer Price Index (CPI) fell. "
        "The Varda Loom Authority (VLA) and the US Weaving Survey (USWS) said so.",
    )
    orgs = {t for t, label, _ in ents if label == "ORG"}
    assert not orgs & {"GDP", "CPI", "Gross Domestic Product", "Consumer Price Index"}
    assert {"VLA", "USWS", "Varda Loom Authority", "US Weaving Survey"} <= orgs


def test_an_ordinal_before_an_acronym_numbers_a_meeting_not_the_body(nlp):
    ents = _ents(nlp, "The 12th VLA session opened, and the 5th Circuit Court ruled.")
    orgs = {t for t, label, _ in ents if label == "ORG"}
    assert "VLA" in orgs and "12th VLA" not in orgs
    assert "5th Circuit Court" in orgs


def test_an_acronym_spelled_by_a_name_elsewhere_is_that_name(nlp):
    ents = _ents(
        nlp, "The opposition Varda Democratic Congress won. Later the VDC said it was pleased."
    )
    assert ("VDC", "ORG", "Varda Democratic Congress") in ents
    ents = _ents(
        nlp,
        "The Northern and Coastal Treaty on Trans-Pacific Weaving was signed. The NCTPW is "
        "historic, and the KRTV station said so.",
    )
    assert not any(t == "NCTPW" for t, _, _ in ents)
    assert not any(label in {"GPE", "LOC"} for _, label, _ in ents)
    # initials that spell the acronym only with two words left out are no expansion
    ents = _ents(nlp, "The Varda Loom Weavers Guild Trade Union met. The VLU said.")
    assert ("VLU", "ORG", "VLU") in ents


def test_an_acronym_known_as_another_name_of_a_body_is_its_alias(nlp):
    ents = _ents(
        nlp,
        "The Organization of Loom Research and Innovation, also known as SPVN, was named. "
        "SPVN denied it. The BZN union said so.",
    )
    spvn = {kb for t, _, kb in ents if t == "SPVN"}
    assert spvn == {"Organization of Loom Research and Innovation"}
    assert ("BZN", "ORG", "BZN") in ents
