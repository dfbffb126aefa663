"""The near-duplicate counts are exactly the set intersections, whatever computes them."""

from itertools import combinations

from newsgate.bench.corpus import generate_corpus
from newsgate.near_duplicates import (
    MAX_SHINGLE_ARTICLES,
    Candidate,
    compute_similarities,
    make_shingles,
)


def _reference(candidates: list[Candidate]) -> dict[tuple[str, str], float]:
    """Every pair sharing a shingle found in at most MAX_SHINGLE_ARTICLES articles, by sets."""
    sets = {c.key: make_shingles(c.body) for c in candidates}
    holders: dict[tuple, list[str]] = {}
    for key, items in sets.items():
        for item in items:
            holders.setdefault(item, []).append(key)
    pairs = set()
    for keys in holders.values():
        if len(keys) <= MAX_SHINGLE_ARTICLES:
            pairs.update(combinations(sorted(keys), 2))
    return {
        (a, b): len(sets[a] & sets[b]) / min(len(sets[a]), len(sets[b])) for a, b in sorted(pairs)
    }


def test_sparse_counts_equal_set_intersections_in_the_same_order():
    # generated wire stories share many stock phrases: some propose pairs, some are too common
    candidates = [
        Candidate(f"doc{i:04d}", article.text)
        for i, article in enumerate(generate_corpus(240, seed=11))
    ]
    candidates += [
        Candidate("short", "Too short."),
        Candidate("empty", ""),
        Candidate("alone", "Nothing here is shared with any other story in this small corpus."),
    ]
    expected = _reference(candidates)
    assert len(expected) > 1000
    got = compute_similarities(list(reversed(candidates)))
    assert got == expected
    assert list(got) == list(expected)
