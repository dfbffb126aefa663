"""What the model build scripts share: the gold sets' pages and the reference scorer's matching.

A gold set is a folder with `articles/` (page texts) and `gold/` (one JSON per page, see
shared/gold/CONVENTIONS.md). `norm`, `tokens`, `same_person` and `same_quote` restate the reference
scorer's comparisons (shared/tools/score.py: `norm`, `toks`, `person_match`, `quote_match`) so that
labels are made as the scorer will count them, without needing the shared folder at test time.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path


def gold_pages(set_dir: Path) -> Iterator[tuple[dict, str]]:
    """Yield (gold annotation, page text) for every page of a gold set, in file order."""
    for gold_path in sorted((set_dir / "gold").glob("*.json")):
        if gold_path.name == "duplicates.json":  # the scorer's near-duplicate pairs, not a page
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (set_dir / "articles" / gold["file"]).read_text(encoding="utf-8", errors="replace")
        yield gold, text


def norm(text: str | None) -> str:
    """Return `text` normalised as the reference scorer compares names, lines and quotations."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = (
        s.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )
    s = re.sub(r"^the\s+", "", s.lower().strip())
    return re.sub(r"[\s\u00a0]+", " ", s).strip(" .,;:'\"")


def tokens(text: str | None) -> list[str]:
    """Return the scorer's word tokens of `text`."""
    return re.findall(r"[a-z0-9]+", norm(text))


def same_person(a: str | None, b: str | None) -> bool:
    """Return whether two person names match as the reference scorer matches them."""
    x, y = tokens(a), tokens(b)
    if not x or not y or x[-1] != y[-1]:
        return False
    return x == y or len(x) == 1 or len(y) == 1 or x[0][0] == y[0][0]


def same_quote(a: str, b: str) -> bool:
    """Return whether two quotations match as the reference scorer matches them."""
    x, y = norm(a), norm(b)
    if not x or not y:
        return False
    short, long_ = sorted([x, y], key=len)
    if short in long_ and len(short) >= 0.6 * len(long_):
        return True
    tx, ty = set(tokens(x)), set(tokens(y))
    return len(tx & ty) / max(1, len(tx | ty)) >= 0.6
