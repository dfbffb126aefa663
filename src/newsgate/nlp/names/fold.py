"""The one fold for comparing names, and the name comparisons built on it."""

from __future__ import annotations

import unicodedata

NAME_SUFFIXES = frozenset({"II", "III", "IV", "V", "VI", "Jr", "Jr.", "Sr", "Sr."})


def fold(text: str) -> str:
    """Return `text` lower-cased with accents removed, for matching name variants."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def surname(words: list[str]) -> str:
    """Return the folded surname of a name's words, skipping "Jr." or "III"."""
    core = [w for w in words if w not in NAME_SUFFIXES] or words
    return fold(core[-1]) if core else ""


def first_names_compatible(a: str, b: str) -> bool:
    a, b = fold(a).rstrip("."), fold(b).rstrip(".")
    return a.startswith(b) or b.startswith(a) or (a[:4] == b[:4] and abs(len(a) - len(b)) <= 2)
