"""Near-duplicate articles: word 5-shingle containment between clean bodies.

Method: each body becomes the set of its lower-cased word 5-grams ("shingles"). The
similarity of two articles is the containment |A ∩ B| / min(|A|, |B|): the share of the
shorter article's shingles that also occur in the other. Containment (not Jaccard) is used
because a rewrite is often much shorter than its source; Jaccard would dilute it.

Threshold: 0.12. On the seeds the rewrite pair (000/001, which shares four whole sentences)
scores 0.24; every other pair, although all report the same meeting with the same stock
phrases, scores at most 0.013. Five-word shingles are long enough that shared names and set
phrases ("NATO-Russia Council", "annexation of Crimea") rarely make a match, and 0.12 leaves
a margin of about 10x above the unrelated pairs and 2x below the rewrite.

Direction: of two near-duplicates, the newer one points at the older. Articles are ordered by
published date (dated before undated, earlier first), then longer body first (a rewrite is
usually the shorter, derivative text), then article id; each article points at the most
similar article that comes before it in that order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

SHINGLE_SIZE = 5
THRESHOLD = 0.12
MAX_SHINGLE_ARTICLES = 50
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class Candidate:
    """One article as the near-duplicate detector sees it."""

    key: str
    body: str
    published_date: date | None = None


@dataclass(frozen=True)
class Match:
    """An article flagged as a near-duplicate of an earlier one, with their similarity."""

    key: str
    duplicate_of: str
    similarity: float


def make_shingles(text: str, size: int = SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """Return the set of lower-cased word n-grams of `text` (the whole text if it is shorter)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return set()
    if len(words) < size:
        return {tuple(words)}
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def measure_containment(a: set, b: set) -> float:
    """Return |a ∩ b| / min(|a|, |b|), 0.0 when either set is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def compute_similarities(candidates: list[Candidate]) -> dict[tuple[str, str], float]:
    """Return the containment of every pair of candidates that shares at least one shingle."""
    sets = {c.key: make_shingles(c.body) for c in candidates}
    index: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, items in sets.items():
        for item in items:
            index[item].append(key)
    pairs: set[tuple[str, str]] = set()
    for keys in index.values():
        # An inverted index keeps the work proportional to shared shingles, not to n². A
        # shingle found in very many articles is a stock phrase: it proposes no pairs (the
        # containment of proposed pairs still counts it).
        if len(keys) <= MAX_SHINGLE_ARTICLES:
            pairs.update(combinations(sorted(set(keys)), 2))
    return {(a, b): measure_containment(sets[a], sets[b]) for a, b in sorted(pairs)}


def _order_key(candidate: Candidate, length: int) -> tuple:
    dated = candidate.published_date is not None
    return (not dated, candidate.published_date or date.min, -length, candidate.key)


def find_near_duplicates(
    candidates: list[Candidate], threshold: float = THRESHOLD
) -> dict[str, Match]:
    """Return, for each article that rewrites an earlier one, the match keyed by its key."""
    lengths = {c.key: len(_WORD.findall(c.body)) for c in candidates}
    rank = {
        c.key: i
        for i, c in enumerate(sorted(candidates, key=lambda c: _order_key(c, lengths[c.key])))
    }
    matches: dict[str, Match] = {}
    for (a, b), similarity in compute_similarities(candidates).items():
        if similarity < threshold:
            continue
        newer, older = (a, b) if rank[a] > rank[b] else (b, a)
        best = matches.get(newer)
        if best is None or similarity > best.similarity:
            matches[newer] = Match(newer, older, round(similarity, 4))
    return matches
