"""What the model build scripts share: the gold sets' pages and the reference scorer's matching.

A gold set is a folder with `articles/` (page texts) and `gold/` (one JSON per page, see
shared/gold/CONVENTIONS.md). `norm`, `tokens`, `same_person` and `same_quote` restate the reference
scorer's comparisons (shared/tools/score.py: `norm`, `toks`, `person_match`, `quote_match`) so that
labels are made as the scorer will count them, without needing the shared folder at test time.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType


def gold_pages(set_dir: Path) -> Iterator[tuple[dict, str]]:
    """Yield (gold annotation, page text) for every page of a gold set, in file order."""
    for gold_path in sorted((set_dir / "gold").glob("*.json")):
        if gold_path.name == "duplicates.json":  # the scorer's near-duplicate pairs, not a page
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (set_dir / "articles" / gold["file"]).read_text(encoding="utf-8", errors="replace")
        yield gold, text


def load_scorer(path: Path | str) -> ModuleType:
    """Return the reference scorer (shared/tools/score.py) loaded as a module, to match as it does."""
    spec = importlib.util.spec_from_file_location("reference_score", path)
    if spec is None or spec.loader is None or not Path(path).is_file():
        raise SystemExit(f"cannot load the reference scorer {path} (pass --scorer)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class ScorerEvent:
    """A candidate event as the reference scorer reads a predicted event (fields overridable)."""

    def __init__(self, event: dict, **override) -> None:
        self.event_type = override.get("event_type", event["event_type"])
        self.event_date = override.get("event_date", event["event_date"])
        self.actor_names = override.get("actor_names", event["actor_names"])


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
