"""Score published tables against gold annotations (one JSON file per input file)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from newsgate.config import Settings
from newsgate.nlp.names.fold import fold
from newsgate.publish import create_views, current_publication


@dataclass
class Score:
    """One measured figure: section, metric name, value, and the counts behind it."""

    section: str
    metric: str
    value: float | None
    detail: str = ""


def normalize(text: str | None) -> str:
    """Return `text` folded for comparison (the one name fold), spaces squeezed."""
    if text is None:
        return ""
    return re.sub(r"\s+", " ", fold(text)).strip()


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Return precision, recall and F1 from counts (1.0 when there is nothing to find or find)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Return the gold annotations keyed by the input file name they describe."""
    return {
        (data := json.loads(path.read_text(encoding="utf-8")))["file"]: data
        for path in sorted(gold_dir.glob("*.json"))
    }


def load_published(settings: Settings) -> dict[str, pl.DataFrame]:
    """Return every published table of the warehouse as a polars frame."""
    current_publication(settings)
    con = duckdb.connect(":memory:")
    try:
        create_views(con, settings)
        names = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_type = 'VIEW'"
            ).fetchall()
        ]
        return {name: con.sql(f"select * from {name}").pl() for name in names}
    finally:
        con.close()


def evaluate_warehouse(
    settings: Settings, gold_dir: Path, input_dir: Path | None = None
) -> list[Score]:
    """Return every score of the published tables against the gold files in `gold_dir`."""
    from newsgate.evaluate import articles, entities, events, quotes

    gold = load_gold(gold_dir)
    tables = load_published(settings)
    scores: list[Score] = []
    for section in (articles, entities, quotes, events):
        scores.extend(section.score(tables, gold, input_dir))
    return scores


def format_scores(scores: list[Score]) -> str:
    """Return the scores as an aligned text table."""
    lines = [f"{'section':<10} {'metric':<38} {'value':>7}  detail"]
    for s in scores:
        value = "n/a" if s.value is None else f"{s.value:.3f}"
        lines.append(f"{s.section:<10} {s.metric:<38} {value:>7}  {s.detail}")
    return "\n".join(lines)


def articles_by_file(tables: dict[str, pl.DataFrame]) -> dict[str, dict]:
    """Return published article rows keyed by the source file's name."""
    return {Path(row["source_path"]).name: row for row in tables["article"].iter_rows(named=True)}
