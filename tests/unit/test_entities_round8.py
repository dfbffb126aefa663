"""Round 8 organisation rules (invented sentences)."""

import pytest

from newsgate.nlp.pipeline import make_doc


def _ents(nlp, text):
    doc = nlp(make_doc(nlp, text, None))
    return {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize(
    "text, name",
    [
        # "front" is on spaCy's stop list, yet heads a body's name
        ("The Popular Front said the vote was rigged.", "Popular Front"),
        # a party adjective inside the name no longer cuts off the words before it
        (
            "A spokesman for the National Democratic Front said the talks failed.",
            "National Democratic Front",
        ),
        ("The United Democratic Front won four seats.", "United Democratic Front"),
    ],
)
def test_body_names_across_an_adjective(nlp, text, name):
    assert (name, "ORG") in _ents(nlp, text)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Senior Democratic Party officials met on Monday.", "Senior Democratic Party"),
        ("Yesterday Democratic Front leaders met.", "Yesterday Democratic Front"),
        ("Front page stories were about the vote.", "Front"),
    ],
)
def test_no_title_or_sentence_word_joins_the_body(nlp, text, absent):
    assert not any(t == absent for t, _ in _ents(nlp, text))


def test_headline_case_common_words_name_no_body(nlp):
    ents = _ents(nlp, "World News | Inflation Forces Varnholm Savings Bank to Raise Key Rate Again")
    assert not any(t in {"World News", "Inflation Forces"} for t, _ in ents)
    # the same words in running text still name a body by their head
    assert ("World News", "ORG") in _ents(
        nlp, "The editors of World News said the report was fair."
    )


def test_country_abbreviation_before_a_known_body_stays_a_place(nlp):
    ents = _ents(nlp, "The decision came a day after the U.S. Federal Reserve raised rates.")
    assert ("Federal Reserve", "ORG") in ents
    assert ("U.S.", "GPE") in ents


def test_settlement_noun_after_a_name(nlp):
    assert ("Polwire", "GPE") in _ents(nlp, "Gunmen invaded the base at Polwire village on Monday.")
    ents = _ents(nlp, "Members of the Kelbora village council met on Friday.")
    assert not any(t == "Kelbora" for t, _ in ents)


@pytest.mark.parametrize(
    "text, name",
    [
        ('The head of the rescue team told Metro TV: "The search goes on."', "Metro TV"),
        ("The Republican Bloc won four seats in the vote.", "Republican Bloc"),
        ("Officials said President Tomas Berg's Zanu-PF was cruising to a majority.", "Zanu-PF"),
        (
            "The Sudan People's Liberation Army-North attacked the garrison.",
            "Sudan People's Liberation Army-North",
        ),
    ],
)
def test_broadcaster_bloc_and_hyphen_suffix_bodies(nlp, text, name):
    ents = _ents(nlp, text)
    assert (name, "ORG") in ents
    assert not any(label == "PERSON" and t in name for t, label in ents)


def test_place_names_on_both_sides_of_a_hyphen_stay_places(nlp):
    ents = _ents(nlp, "The Kaduna-Abuja highway was closed on Sunday.")
    assert ("Kaduna", "GPE") in ents and ("Abuja", "GPE") in ents


def test_headline_line_names_count_for_the_article(nlp):
    from newsgate.nlp.names.credits import credit_mentions

    lines = [
        {
            "article_id": "a",
            "line_no": 1,
            "reason": "title",
            "text": "Floods hit Portugal as rivers rise",
        }
    ]
    rows = credit_mentions(nlp, lines, {})
    assert ("Portugal", "GPE", "title") in {
        (r["local_name"], r["label"], r["source"]) for r in rows
    }
