"""Article scores: fields exact-match, boilerplate removed, body lines kept."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from newsgate.evaluate import Score, articles_by_file, normalize
from newsgate.near_duplicates import THRESHOLD, Candidate, compute_similarities

FIELDS = ("title", "outlet", "dateline", "published_date", "byline")


def _line_in_body(line: str, body: str) -> bool:
    line = line.strip()
    if not line:
        return True
    if line in (p.strip() for p in body.split("\n\n")):
        return True
    # A short line ("x", "Latest") is a substring of almost any body: only a whole paragraph counts.
    if len(line.split()) < 4:
        return False
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
    right = sum(
        sorted(map(normalize, (published.get(name) or {}).get("credited") or []))
        == sorted(map(normalize, g.get("credited") or []))
        for name, g in gold.items()
    )
    scores.append(
        Score(
            "article",
            "credited set exact",
            right / len(gold) if gold else None,
            f"{right}/{len(gold)}",
        )
    )
    scores.extend(_near_duplicate_scores(tables))
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


def _short(path: str) -> str:
    return Path(path).name.split("_")[0]


def _near_duplicate_scores(tables: dict[str, pl.DataFrame]) -> list[Score]:
    """Return the flagged near-duplicate pairs and the most similar pair left unflagged."""
    rows = list(tables["article"].iter_rows(named=True))
    names = {r["article_id"]: _short(r["source_path"]) for r in rows}
    flagged = {
        (r["article_id"], r["duplicate_of"]): r["similarity"] for r in rows if r["duplicate_of"]
    }
    pairs = ", ".join(
        f"{names.get(a, a)}->{names.get(b, b)} ({sim:.3f})" for (a, b), sim in flagged.items()
    )
    similarities = compute_similarities([Candidate(r["article_id"], r["body"] or "") for r in rows])
    unflagged = [
        (sim, a, b)
        for (a, b), sim in similarities.items()
        if (a, b) not in flagged and (b, a) not in flagged
    ]
    top = max(unflagged, default=None)
    return [
        Score("article", "near-duplicate pairs flagged", float(len(flagged)), pairs or "none"),
        Score(
            "article",
            "most similar unflagged pair",
            top[0] if top else None,
            f"{names[top[1]]}-{names[top[2]]}, threshold {THRESHOLD}" if top else "none",
        ),
    ]
