"""Article scores: fields exact-match, boilerplate removed, body lines kept."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from newsgate.evaluate import Score, articles_by_file, normalize

FIELDS = ("title", "outlet", "dateline", "published_date")


def _line_in_body(line: str, body: str) -> bool:
    line = line.strip()
    if not line:
        return True
    if line in body:
        return True
    tail = line[len(line) // 3 :].strip()
    return len(tail) > 20 and tail in body


def score(
    tables: dict[str, pl.DataFrame], gold: dict[str, dict], input_dir: Path | None
) -> list[Score]:
    """Return field accuracy and boilerplate removal/retention for articles with gold."""
    published = articles_by_file(tables)
    scores = []
    for field in FIELDS:
        right = total = 0
        for name, g in gold.items():
            row = published.get(name)
            total += 1
            got = row.get(field) if row else None
            got = got.isoformat() if hasattr(got, "isoformat") else got
            right += normalize(got) == normalize(g.get(field))
        scores.append(
            Score("article", f"{field} exact", right / total if total else None, f"{right}/{total}")
        )
    if input_dir is None:
        return scores
    removed = boiler = kept = other = 0
    for name, g in gold.items():
        row = published.get(name)
        body = row["body"] if row else ""
        raw = (input_dir / name).read_text(encoding="utf-8", errors="replace").split("\n")
        gold_boiler = list(g.get("boilerplate_lines", []))
        for line in gold_boiler:
            boiler += 1
            removed += not _line_in_body(line, body) or line.strip() == (row or {}).get("title")
        remaining = list(gold_boiler)
        for line in raw:
            if line in remaining:
                remaining.remove(line)
                continue
            if not line.strip() or (row and line.strip() == row.get("title")):
                continue
            other += 1
            kept += _line_in_body(line, body)
    scores.append(
        Score(
            "article",
            "boilerplate lines removed",
            removed / boiler if boiler else None,
            f"{removed}/{boiler}",
        )
    )
    scores.append(
        Score(
            "article",
            "other lines kept in body",
            kept / other if other else None,
            f"{kept}/{other}",
        )
    )
    return scores
