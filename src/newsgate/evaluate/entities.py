"""Entity scores: micro precision/recall/F1 of distinct entities per article and type.

Two figures per type. "all gold" scores every gold entity, including people and agencies named
only in photo captions, credit lines and bylines (which the article stage removes from the body),
against body mentions plus the entities the NLP stage found in those lines (entity.credited_in).
"body gold" drops the credit-only gold entities (none of their surface forms occurs in the clean
body but one occurs in the raw file) and scores body mentions only; it needs the raw input folder.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from newsgate.evaluate import Score, articles_by_file, f1, normalize
from newsgate.nlp.gazetteer import surface_index

GOLD_KEYS = {"PERSON": "persons", "ORG": "organizations", "GPE/LOC": "places"}
LABEL_GROUP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE/LOC", "LOC": "GPE/LOC"}


def predicted_names(
    tables: dict[str, pl.DataFrame], with_credits: bool = False
) -> dict[str, dict[str, set[str]]]:
    """Return, per article_id and label group, the canonical names of the entities mentioned.

    With `with_credits`, entities named only in an article's captions and credits count too.
    """
    entity = tables["entity"]
    mentions = tables["entity_mention"].join(
        entity.select("entity_id", "name"), on="entity_id", how="left"
    )
    pairs = [(r["article_id"], r["label"], r["name"]) for r in mentions.iter_rows(named=True)]
    if with_credits and "credited_in" in entity.columns:
        for row in entity.iter_rows(named=True):
            pairs.extend((a, row["label"], row["name"]) for a in row["credited_in"] or [])
    out: dict[str, dict[str, set[str]]] = {}
    for article_id, label, name in pairs:
        group = LABEL_GROUP.get(label)
        if group:
            out.setdefault(article_id, {}).setdefault(group, set()).add(normalize(name))
    return out


def surface_forms(name: str, group: str) -> set[str]:
    """Return the folded forms that can name a gold entity in text: its name, aliases, surname."""
    forms = {normalize(name)}
    for form, entry in surface_index().items():
        if entry.name == name:
            forms.add(normalize(form))
    if group == "PERSON" and len(name.split()) > 1:
        forms.add(normalize(name.split()[-1]))
    return {f for f in forms if f}


def _occurs(forms: set[str], text: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in forms)


def credit_only(name: str, group: str, body: str, raw: str | None) -> bool:
    """Return True when a gold entity is named in the raw file but nowhere in the clean body."""
    if raw is None:
        return False
    forms = surface_forms(name, group)
    return not _occurs(forms, normalize(body)) and _occurs(forms, normalize(raw))


def score(
    tables: dict[str, pl.DataFrame], gold: dict[str, dict], input_dir: Path | None
) -> list[Score]:
    """Return micro P/R/F1 per type over (article, type, entity name), for all and body gold."""
    published = articles_by_file(tables)
    scores = []
    for scope in ("all gold", "body gold"):
        if scope == "body gold" and input_dir is None:
            continue
        # credit-only entities are scored against all gold; body gold excludes them
        predicted = predicted_names(tables, with_credits=scope == "all gold")
        totals = [0, 0, 0]
        for group, key in GOLD_KEYS.items():
            tp = fp = fn = 0
            for name, g in gold.items():
                row = published.get(name)
                got = predicted.get(row["article_id"], {}).get(group, set()) if row else set()
                want = {normalize(n) for n in _gold_names(g, key, group, row, input_dir, scope)}
                tp += len(got & want)
                fp += len(got - want)
                fn += len(want - got)
            p, r, f = f1(tp, fp, fn)
            totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
            label = f"{group} F1" if scope == "all gold" else f"{group} F1 ({scope})"
            scores.append(Score("entity", label, f, f"P={p:.2f} R={r:.2f} tp={tp} fp={fp} fn={fn}"))
        p, r, f = f1(*totals)
        scores.append(Score("entity", f"all types micro-F1 ({scope})", f, f"P={p:.2f} R={r:.2f}"))
    return scores


def _gold_names(
    g: dict, key: str, group: str, row: dict | None, input_dir: Path | None, scope: str
) -> list[str]:
    names = g.get(key, [])
    if scope == "all gold" or row is None or input_dir is None:
        return names
    raw_path = input_dir / row["source_path"]
    raw = raw_path.read_text(encoding="utf-8", errors="replace") if raw_path.is_file() else None
    return [n for n in names if not credit_only(n, group, row["body"] or "", raw)]
