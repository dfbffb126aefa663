"""Abbreviation definitions: "Long Form (LF)" and "LF (Long Form)" pair a name with its short form.

The pairing is Schwartz and Hearst's algorithm ("A simple algorithm for identifying abbreviation
definitions in biomedical text", PSB 2003): the short form's letters are matched right to left
through the words before it, the first letter at the start of a word, inside a window of
min(|SF| + 5, 2 * |SF|) words. The algorithm, not punctuation, bounds the long form, so long forms
may hold "of", "and", commas and lower-case words ("Inter-parliamentary Assembly on Orthodoxy").
A news name adds two conditions of its own: the long form opens and closes with a capitalised word
(a lower-case expansion is a term: "liquefied petroleum gas (LPG)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

# a short form: one word of 2-10 letters or digits opening with a capital ("NATO", "Knut", "G7")
_SHORT_FORM = re.compile(r"^[A-Z][A-Za-z0-9&-]{1,9}$")
_MAX_LOWER_WORDS = 1  # lower-case words other than function words a name's long form may hold


@dataclass(frozen=True)
class Definition:
    """A long form `start:end` (token offsets) defined with the short form at token `short`."""

    start: int
    end: int
    short: int


def is_short_form(text: str) -> bool:
    """Return whether a word can be a short form: capitalised, with two capitals or digits
    ("NATO", "G7") or four characters ("Knut", "Unicef"); mixed-case forms count where defined."""
    if not _SHORT_FORM.match(text):
        return False
    return sum(c.isupper() or c.isdigit() for c in text) >= 2 or len(text) >= 4


def best_long_form(short: str, candidate: str) -> int | None:
    """Return the character offset in `candidate` where the long form of `short` starts, or None.

    Schwartz & Hearst's findBestLongForm: each letter or digit of the short form, right to left,
    is found in the candidate right to left; the short form's first letter must open a word.
    """
    s_index = len(short) - 1
    l_index = len(candidate) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while (l_index >= 0 and candidate[l_index].lower() != char) or (
            s_index == 0 and l_index > 0 and candidate[l_index - 1].isalnum()
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    return candidate.rfind(" ", 0, l_index + 1) + 1


def _window(short: str) -> int:
    return min(len(short) + 5, 2 * len(short))


def _long_form_tokens(doc: Doc, first: int, stop: int, short: str) -> int | None:
    """Return the token where the long form of `short` starts among the tokens first:stop."""
    if stop <= first:
        return None
    base = doc[first].idx
    candidate = doc.text[base : doc[stop - 1].idx + len(doc[stop - 1])]
    offset = best_long_form(short, candidate)
    if offset is None:
        return None
    for k in range(first, stop):
        if doc[k].idx - base >= offset:
            return k
    return None


def _name_like(doc: Doc, start: int, end: int, function: frozenset[str]) -> bool:
    """Return whether tokens start:end read as one name: capitalised at both ends, within a
    sentence, and with at most one lower-case word that is not a function word."""
    if end - start < 2 or not doc[start].text[:1].isupper() or not doc[end - 1].text[:1].isupper():
        return False
    lower = 0
    for k in range(start, end):
        token = doc[k]
        if token.text in {".", "(", ")", ";", ":", "!", "?"} or "\n" in token.text:
            return False
        if token.is_quote:
            return False
        hyphened = k > start and doc[k - 1].text in {"-", "‑", "‐"}
        if token.is_alpha and token.is_lower and not hyphened and token.lower_ not in function:
            lower += 1
    return lower <= _MAX_LOWER_WORDS


def find_definitions(doc: Doc, function: frozenset[str]) -> list[Definition]:
    """Return the abbreviation definitions of a text, "Long Form (LF)" and "LF (Long Form)"."""
    found: list[Definition] = []
    texts = [t.text for t in doc]
    for i, text in enumerate(texts):
        if text != "(":
            continue
        close = next((k for k in range(i + 1, min(i + 16, len(doc))) if texts[k] == ")"), None)
        if close is None:
            continue
        inside = close - i - 1
        if inside == 1 and is_short_form(texts[i + 1]):
            # "Long Form (LF)": the long form ends before the parenthesis (or a possessive)
            stop = i - 1 if i >= 2 and texts[i - 1] in {"'s", "’s"} else i
            short = texts[i + 1]
            letters = sum(c.isalnum() for c in short)
            first = stop
            words = 0
            while first > 0 and words < _window(short) and "\n" not in texts[first - 1]:
                first -= 1
                if doc[first].is_alpha:
                    words += 1
            start = _long_form_tokens(doc, first, stop, short)
            if (
                start is not None
                and stop - start >= 1
                and letters <= len(doc[start:stop].text) - 1
                and _name_like(doc, start, stop, function)
            ):
                found.append(Definition(start, stop, i + 1))
        elif inside >= 2 and i > 0 and is_short_form(texts[i - 1]):
            # "LF (Long Form)": the long form fills the parenthesis, perhaps after "the"
            short = texts[i - 1]
            opening = i + 2 if doc[i + 1].lower_ == "the" else i + 1
            start = _long_form_tokens(doc, opening, close, short)
            if start == opening and _name_like(doc, start, close, function):
                found.append(Definition(start, close, i - 1))
    return found


def _initials_match(initials: str, short: str) -> bool:
    """Return whether `short` is `initials` with at most one word left out, first and last kept."""
    if initials == short:
        return True
    if len(initials) != len(short) + 1:
        return False
    return any(initials[:k] + initials[k + 1 :] == short for k in range(1, len(initials) - 1))


def undefined_expansions(
    doc: Doc, shorts: set[str], function: frozenset[str]
) -> dict[str, tuple[int, int]]:
    """Return short form -> (start, end) of a capitalised run elsewhere whose word initials spell it.

    "the Comprehensive and Progressive Agreement for Trans-Pacific Partnership ... the CPTPP": a
    text may write a long form and, later, its acronym without pairing them in parentheses. Each
    letter must open a word of the run (one word of the run may give none, as in Schwartz and
    Hearst's matching), so the pairing is far stricter than for a bracketed definition.
    """
    found: dict[str, tuple[int, int]] = {}
    if not shorts:
        return found
    n = len(doc)
    i = 0
    while i < n:
        if not (doc[i].is_title and doc[i].is_alpha):
            i += 1
            continue
        end = i
        capital_end = i
        while end < n:
            token = doc[end]
            hyphen = token.text in {"-", "‑", "‐"} and end > i
            if token.is_alpha and (token.is_title or token.is_upper):
                end += 1
                capital_end = end
            elif hyphen or (token.lower_ in function and token.is_lower):
                end += 1
            else:
                break
        words = [t.text for t in doc[i:capital_end] if t.is_alpha and t.lower_ not in function]
        if len(words) >= 3:
            initials = "".join(w[0].upper() for w in words)
            for short in shorts:
                if short not in found and _initials_match(initials, short):
                    found[short] = (i, capital_end)
        i = max(end, i + 1)
    return found
