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
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import sparse

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
    # interned: the shingles of many articles then share one copy of each word
    words = [sys.intern(w.lower()) for w in _WORD.findall(text)]
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
    return {(a, b): value for a, b, value in _similarities(candidates)}


def _similarities(candidates: list[Candidate]) -> Iterator[tuple[str, str, float]]:
    """Yield (key, key, containment) of every proposed pair, ordered by the two keys."""
    # Each article is a row of a sparse 0/1 matrix over the distinct shingles. An inverted index
    # (the matrix's columns) keeps the work proportional to shared shingles, not to n²: a
    # shingle found in very many articles is a stock phrase and proposes no pairs (the
    # containment of proposed pairs still counts it). Counting shared shingles is a row-wise
    # product of the sparse rows: the same integers as intersecting the sets, in C.
    ordered = sorted(candidates, key=lambda c: c.key)
    keys = [c.key for c in ordered]
    ids: dict[tuple[str, ...], int] = {}
    indices: list[int] = []
    indptr = [0]
    for candidate in ordered:
        indices.extend(ids.setdefault(item, len(ids)) for item in make_shingles(candidate.body))
        indptr.append(len(indices))
    rows = _shingle_matrix(indices, indptr, len(ids))
    pairs = _proposed_pairs(rows, len(keys))
    sizes = np.diff(rows.indptr)
    for start in range(0, len(pairs), _PAIR_CHUNK):
        chunk = pairs[start : start + _PAIR_CHUNK]
        a, b = chunk // len(keys), chunk % len(keys)
        shared = np.asarray(rows[a].multiply(rows[b]).sum(axis=1)).ravel()
        similarity = shared / np.minimum(sizes[a], sizes[b])
        for i, j, value in zip(a.tolist(), b.tolist(), similarity.tolist(), strict=True):
            yield keys[i], keys[j], value


# pairs whose shared shingles are counted at once (bounds the memory of the row products)
_PAIR_CHUNK = 20_000


def _shingle_matrix(indices: list[int], indptr: list[int], columns: int) -> sparse.csr_matrix:
    data = np.ones(len(indices), dtype=np.int32)
    shape = (len(indptr) - 1, columns)
    return sparse.csr_matrix((data, np.asarray(indices), np.asarray(indptr)), shape=shape)


def _proposed_pairs(rows: sparse.csr_matrix, n: int) -> np.ndarray:
    """Return the sorted, distinct codes a * n + b (a < b) of the pairs a shingle found in at
    most MAX_SHINGLE_ARTICLES articles proposes."""
    columns = rows.tocsc()
    columns.sort_indices()
    counts = np.diff(columns.indptr)
    codes = [np.empty(0, dtype=np.int64)]
    for size in range(2, MAX_SHINGLE_ARTICLES + 1):
        chosen = np.nonzero(counts == size)[0]
        if not len(chosen):
            continue
        # the articles of every shingle found in exactly `size` articles, one row each
        starts = columns.indptr[chosen]
        members = columns.indices[starts[:, None] + np.arange(size)].astype(np.int64)
        first, second = np.triu_indices(size, k=1)
        codes.append((members[:, first] * n + members[:, second]).ravel())
    return np.unique(np.concatenate(codes))


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
    for a, b, similarity in _similarities(candidates):
        if similarity < threshold:
            continue
        newer, older = (a, b) if rank[a] > rank[b] else (b, a)
        best = matches.get(newer)
        if best is None or similarity > best.similarity:
            matches[newer] = Match(newer, older, round(similarity, 4))
    return matches
