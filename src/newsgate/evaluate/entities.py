"""Entity scores: micro precision/recall/F1 of distinct entities per article and type."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from newsgate.evaluate import Score, articles_by_file, f1, normalize

GOLD_KEYS = {"PERSON": "persons", "ORG": "organizations", "GPE/LOC": "places"}
LABEL_GROUP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE/LOC", "LOC": "GPE/LOC"}


def predicted_names(tables: dict[str, pl.DataFrame]) -> dict[str, dict[str, set[str]]]:
    """Return, per article_id and label group, the canonical names of the entities mentioned."""
    mentions = tables["entity_mention"].join(
        tables["entity"].select("entity_id", "name"), on="entity_id", how="left"
    )
    out: dict[str, dict[str, set[str]]] = {}
    for row in mentions.iter_rows(named=True):
        group = LABEL_GROUP.get(row["label"])
        if group:
            out.setdefault(row["article_id"], {}).setdefault(group, set()).add(
                normalize(row["name"])
            )
    return out


def score(
    tables: dict[str, pl.DataFrame], gold: dict[str, dict], input_dir: Path | None
) -> list[Score]:
    """Return micro P/R/F1 per type over (article, type, entity name) triples."""
    published = articles_by_file(tables)
    predicted = predicted_names(tables)
    scores = []
    totals = [0, 0, 0]
    for group, key in GOLD_KEYS.items():
        tp = fp = fn = 0
        for name, g in gold.items():
            row = published.get(name)
            got = predicted.get(row["article_id"], {}).get(group, set()) if row else set()
            want = {normalize(n) for n in g.get(key, [])}
            tp += len(got & want)
            fp += len(got - want)
            fn += len(want - got)
        p, r, f = f1(tp, fp, fn)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        scores.append(
            Score("entity", f"{group} F1", f, f"P={p:.2f} R={r:.2f} tp={tp} fp={fp} fn={fn}")
        )
    p, r, f = f1(*totals)
    scores.append(Score("entity", "all types micro-F1", f, f"P={p:.2f} R={r:.2f}"))
    return scores
