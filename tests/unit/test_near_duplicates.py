from datetime import date

import pytest

from newsgate.near_duplicates import (
    THRESHOLD,
    Candidate,
    compute_similarities,
    find_near_duplicates,
    make_shingles,
    measure_containment,
)

SHARED = (
    "The two delegations agreed to keep talking after the meeting in Geneva, although neither "
    "side reported any progress on the disputed border crossings."
)
STORY_A = f"{SHARED} Officials from both capitals are due to meet again in the spring."
STORY_B = (
    f"Talks ended without agreement on Tuesday. {SHARED} The foreign ministry said it would "
    "publish a statement, and analysts expect a tougher line from parliament next month."
)
UNRELATED = (
    "Heavy rain flooded the lower town overnight and the river rose above its banks, forcing "
    "schools to close while volunteers filled sandbags near the bridge."
)


def test_shingles_are_lower_cased_word_windows():
    assert make_shingles("One two Three four five six") == {
        ("one", "two", "three", "four", "five"),
        ("two", "three", "four", "five", "six"),
    }
    assert make_shingles("Too short") == {("too", "short")}
    assert make_shingles("") == set()


def test_containment_uses_the_smaller_set():
    assert measure_containment({1, 2}, {1, 2, 3, 4}) == 1.0
    assert measure_containment(set(), {1}) == 0.0


def test_rewrite_sharing_sentences_is_flagged_and_unrelated_story_is_not():
    matches = find_near_duplicates(
        [Candidate("a", STORY_A), Candidate("b", STORY_B), Candidate("c", UNRELATED)]
    )
    assert set(matches) == {"a"}
    assert matches["a"].duplicate_of == "b"
    assert matches["a"].similarity >= THRESHOLD


def test_newer_article_points_at_the_older_one():
    matches = find_near_duplicates(
        [
            Candidate("a", STORY_A, date(2024, 1, 2)),
            Candidate("b", STORY_B, date(2024, 1, 3)),
        ]
    )
    assert {k: m.duplicate_of for k, m in matches.items()} == {"b": "a"}


def test_pairs_without_shared_shingles_are_not_compared():
    sims = compute_similarities([Candidate("a", STORY_A), Candidate("c", UNRELATED)])
    assert sims == {}


def test_same_event_with_stock_phrases_stays_below_threshold():
    one = "Ministers met in Geneva on Monday to discuss the disputed border crossings and trade."
    two = "Farmers blocked roads near the disputed border crossings as prices fell sharply."
    sims = compute_similarities([Candidate("a", one), Candidate("b", two)])
    assert max(sims.values(), default=0.0) < THRESHOLD
    assert not find_near_duplicates([Candidate("a", one), Candidate("b", two)])


@pytest.mark.parametrize("body", ["", "   ", "“"])
def test_empty_bodies_are_never_duplicates(body):
    assert find_near_duplicates([Candidate("a", body), Candidate("b", body)]) == {}


def test_stock_phrase_in_many_articles_proposes_no_pairs():
    stock = "according to a statement released by the ministry"
    many = [Candidate(f"k{i}", f"{stock} story number {i}") for i in range(60)]
    assert compute_similarities(many) == {}
