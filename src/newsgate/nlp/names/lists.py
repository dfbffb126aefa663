"""Coordination: the conjuncts of one list share a category.

In "A, B, C and D" the conjuncts are coordinated noun phrases of one kind (a general fact of
English grammar: coordination joins like categories). Where some conjuncts are recognised
organisations and the others are unrecognised, name-shaped runs, those runs are organisations
too ("Acme, Brightwell, Tolland Mining and Varda Holdings"). A list holding a person, a place or a
nationality is mixed or ambiguous, and nothing is added.
"""

from __future__ import annotations

from spacy.tokens import Span

from newsgate.nlp.lexicon import NOT_NAMES
from newsgate.nlp.names.shape import NameFinder, capitalised_free

_MAX_CONJUNCT = 4  # words of one unrecognised conjunct
_MIN_CONJUNCTS = 3
_OTHER_KINDS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT"})


def _entity_ending(finder: NameFinder, end: int) -> Span | None:
    ent = finder.ent_by_token.get(end - 1)
    if ent is None or ent.end != end:
        return None
    if ent in finder.ents and ent.start in finder.removed:
        return None
    return ent


def _name_word(finder: NameFinder, index: int) -> bool:
    return capitalised_free(finder, index) and finder.doc[index].text not in NOT_NAMES


def _conjunct_ending(finder: NameFinder, end: int) -> tuple[int, Span | None] | None:
    """Return (start, entity or None) of the conjunct that ends at token `end`."""
    ent = _entity_ending(finder, end)
    if ent is not None:
        return ent.start, ent
    start = end
    while start > 0 and end - start < _MAX_CONJUNCT and _name_word(finder, start - 1):
        start -= 1
    if start == end:
        return None
    return start, None


def _conjunct_starting(finder: NameFinder, start: int) -> tuple[int, Span | None] | None:
    """Return (end, entity or None) of the conjunct that starts at token `start`."""
    doc = finder.doc
    if start < len(doc) and finder.lower[start] == "the":
        start += 1
    ent = finder.ent_by_token.get(start)
    if (
        ent is not None
        and ent.start == start
        and not (ent in finder.ents and ent.start in finder.removed)
    ):
        return ent.end, ent
    end = start
    while end < len(doc) and end - start < _MAX_CONJUNCT and _name_word(finder, end):
        end += 1
    if end == start:
        return None
    return end, None


def _closes_conjunct(finder: NameFinder, end: int) -> bool:
    """Return whether a conjunct really ends at `end` (no name word runs on after it)."""
    doc = finder.doc
    return end >= len(doc) or not (doc[end].is_title or doc[end].is_upper) or doc[end].is_punct


def find_listed_bodies(finder: NameFinder) -> None:
    """Add the unrecognised name-shaped conjuncts of a list of organisations as organisations."""
    doc, lower = finder.doc, finder.lower
    for k, word in enumerate(lower):
        if word not in {"and", "or"} or k == 0:
            continue
        last = _conjunct_starting(finder, k + 1)
        if last is None or not _closes_conjunct(finder, last[0]):
            continue
        conjuncts: list[tuple[int, int, Span | None]] = [(k + 1, last[0], last[1])]
        if conjuncts[0][2] is None and lower[k + 1] == "the":
            conjuncts[0] = (k + 2, last[0], None)
        end = k - 1 if finder.text[k - 1] == "," else k  # the serial comma
        while end > 0:
            found = _conjunct_ending(finder, end)
            if found is None:
                break
            start, ent = found
            conjuncts.append((start, end, ent))
            before = start - 1 if start > 0 and lower[start - 1] == "the" else start
            if before > 0 and finder.text[before - 1] == ",":
                end = before - 1
                continue
            break
        if len(conjuncts) < _MIN_CONJUNCTS:
            continue
        ents = [ent for _, _, ent in conjuncts if ent is not None]
        if not any(e.label_ == "ORG" for e in ents) or any(e.label_ in _OTHER_KINDS for e in ents):
            continue
        for start, stop, ent in conjuncts:
            if ent is None and not doc[start].is_sent_start:
                finder.add(start, stop, "ORG", doc[start:stop].text)
