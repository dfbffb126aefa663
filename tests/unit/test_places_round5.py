"""Places below the gazetteer and bodies named after a place (invented sentences only)."""

from newsgate.nlp.names.places import local_places
from newsgate.nlp.pipeline import make_doc


def _ents(nlp, text):
    doc = nlp(make_doc(nlp, text, None))
    return {(e.text, e.label_) for e in doc.ents}


def _local(country_code_name: str) -> str:
    """Return a village of the local list in one country only, and in no other list."""
    for name, countries in sorted(local_places().items()):
        if countries == {country_code_name} and name.isalpha() and len(name) > 5:
            return name
    raise AssertionError(f"no local place of {country_code_name}")


def test_local_places_carry_canonical_countries():
    places = local_places()
    assert len(places) > 50_000
    countries = set().union(*places.values())
    assert {"Kenya", "Russia", "United States"} <= countries  # canonical, not "Russian Federation"


def test_village_after_preposition_in_a_country_the_article_names(nlp):
    village = _local("Kenya")
    ents = _ents(nlp, f"Kenyan police said the raid happened near {village} on Monday.")
    assert (village, "GPE") in ents


def test_village_followed_by_its_country(nlp):
    village = _local("Kenya")
    ents = _ents(nlp, f"Three people died in {village}, Kenya, after the storm.")
    assert (village, "GPE") in ents


def test_village_without_evidence_is_not_read(nlp):
    village = _local("Kenya")
    # no preposition and no country of the village in the text
    assert (village, "GPE") not in _ents(nlp, f"Later {village} told reporters nothing.")
    # a preposition, but the article is about another country
    other = _ents(nlp, f"Chilean officials met near {village} on Monday.")
    assert (village, "GPE") not in other
    # a village followed by a country it is not in
    assert (village, "GPE") not in _ents(nlp, f"They met in {village}, Chile, on Monday.")


def test_division_with_its_head_word(nlp):
    ents = _ents(nlp, "Police in Kogi State and officials in Harrison County closed the roads.")
    assert ("Kogi State", "GPE") in ents
    assert ("Harrison County", "GPE") in ents


def test_irish_county_prefix(nlp):
    ents = _ents(nlp, "Floods hit County Clare and Co Mayo overnight.")
    assert ("County Clare", "GPE") in ents
    assert ("Co Mayo", "GPE") in ents


def test_division_head_that_names_no_division(nlp):
    assert not _ents(nlp, "He served as Secretary of State until 2019.")
    ents = _ents(nlp, "The County Council met on Monday in the Electoral District.")
    assert ("County Council", "GPE") not in ents
    assert not any(label == "GPE" for _, label in ents)
    ents = _ents(nlp, "Shares of Merck & Co rose on Monday.")
    assert not any(label == "GPE" for _, label in ents)


def test_place_opens_a_bodys_name(nlp):
    ents = _ents(nlp, "Kenya Power said the outage in Lusaka would last a day.")
    assert ("Kenya Power", "ORG") in ents
    ents = _ents(nlp, "Toronto Police and the Lagos State Government issued statements.")
    assert {("Toronto Police", "ORG"), ("Lagos State Government", "ORG")} <= ents
    ents = _ents(nlp, "The strike was called by the Kenya National Union of Teachers.")
    assert ("Kenya National Union of Teachers", "ORG") in ents
    ents = _ents(nlp, "The Ethiopian Electric Utility cut supplies.")
    assert ("Ethiopian Electric Utility", "ORG") in ents


def test_place_stays_a_place_before_other_words(nlp):
    ents = _ents(nlp, "Kenya on Monday reopened its border, and Toronto Mayor Ana Ruiz agreed.")
    assert ("Kenya", "GPE") in ents
    assert ("Toronto", "GPE") in ents
    assert not any(label == "ORG" for _, label in ents)
    # a country's abbreviation stays a modifier of a body with its own name
    ents = _ents(nlp, "The U.S. Securities and Exchange Commission fined the firm.")
    assert ("U.S. Securities and Exchange Commission", "ORG") not in ents


def test_company_named_by_business_grammar(nlp):
    assert ("Zenith", "ORG") in _ents(nlp, "Zenith shares fell 4% after the results.")
    assert ("Halvorsen Group", "ORG") in _ents(nlp, "Shares in Halvorsen Group rose on Monday.")
    ents = _ents(nlp, "Brindle's chief executive, Tom Okafor, resigned.")
    assert ("Brindle", "ORG") in ents
    assert ("Kestrel", "ORG") in _ents(nlp, "Kestrel, the country's largest lender, cut jobs.")


def test_business_grammar_leaves_people_and_places(nlp):
    ents = _ents(nlp, "Ana Ruiz, the bank's chief, resigned.")
    assert ("Ana Ruiz", "ORG") not in ents
    assert not _ents(nlp, "Smith's shares were sold to a fund.")
    assert ("Kenya", "GPE") in _ents(nlp, "Kenya's shareholders in the port were paid.")
    ents = _ents(nlp, "Nobody knew, the manager said, what the firm would do.")
    assert not any(label == "ORG" for _, label in ents)


def test_place_and_body_words_before_a_title_name_an_office(nlp):
    ents = _ents(nlp, "Mirwala District Police Officer Ana Ruiz told reporters.")
    assert not any(label == "ORG" for _, label in ents)


def test_place_inside_a_longer_name_opens_no_body(nlp):
    ents = _ents(nlp, "Flights of Cathay Pacific Airways were cancelled.")
    assert ("Pacific Airways", "ORG") not in ents


def test_second_party_of_a_joint_body_opens_no_body(nlp):
    ents = _ents(nlp, "The Ruritania and Kenya Council met in Nairobi.")
    assert ("Kenya Council", "ORG") not in ents
