"""Quote scores: overlap-matched recall and precision, and speaker accuracy."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from newsgate.evaluate import Score, articles_by_file, normalize


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", normalize(text)))


def overlap_score(a: str, b: str) -> float:
    """Return how much two quotation texts overlap: 2 when equal, 1 when nested, else word overlap."""
    na, nb = normalize(a).strip(" ,."), normalize(b).strip(" ,.")
    if not na or not nb:
        return 0.0
    if na == nb:
        return 2.0
    if na in nb or nb in na:
        return 1.0
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def overlaps(a: str, b: str) -> bool:
    """Return whether two quotation texts overlap enough to be the same quotation."""
    return overlap_score(a, b) >= 0.6


def best_match(want: str, got: list[dict]) -> dict | None:
    """Return the predicted quotation that overlaps the gold text most, None if none overlaps."""
    scored = [(overlap_score(q["text"], want), i) for i, q in enumerate(got)]
    best = max(scored, default=(0.0, -1))
    return got[best[1]] if best[0] >= 0.6 else None


def score(
    tables: dict[str, pl.DataFrame], gold: dict[str, dict], input_dir: Path | None
) -> list[Score]:
    """Return quote recall, precision and speaker accuracy on quotes with a named speaker."""
    published = articles_by_file(tables)
    quotes = tables["quote"]
    found = total = predicted = correct_pred = named = right_speaker = 0
    for name, g in gold.items():
        row = published.get(name)
        got = quotes.filter(pl.col("article_id") == row["article_id"]).to_dicts() if row else []
        want = g.get("quotes", [])
        total += len(want)
        predicted += len(got)
        correct_pred += sum(1 for q in got if any(overlaps(q["text"], w["text"]) for w in want))
        for w in want:
            match = best_match(w["text"], got)
            found += match is not None
            if w.get("speaker"):
                named += 1
                right_speaker += bool(match) and normalize(match["speaker_name"]) == normalize(
                    w["speaker"]
                )
    return [
        Score("quote", "recall (overlap)", found / total if total else None, f"{found}/{total}"),
        Score(
            "quote",
            "precision (overlap)",
            correct_pred / predicted if predicted else None,
            f"{correct_pred}/{predicted}",
        ),
        Score(
            "quote",
            "speaker accuracy (named speakers)",
            right_speaker / named if named else None,
            f"{right_speaker}/{named}",
        ),
    ]
