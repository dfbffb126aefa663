"""Event scores: a gold event is found when type, an actor and (where gold has one) the date agree."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from newsgate.evaluate import Score, articles_by_file, normalize
from newsgate.nlp.event_lexicon import conventions_types

# The gold annotates ten types (CONVENTIONS §6.2); each newsgate type declares the one it falls
# under (event_types.json, "conventions_type"). The seed gold's older force types and the
# accusation/statement pair count as one family, as in the reference scorer.
_FAMILY = {
    "military_action": "force",
    "exercise": "force",
    "annexation": "force",
    "deployment": "force",
    "incident": "force",
    "accusation": "statement",
}


def _family(gold_type: str) -> str:
    return _FAMILY.get(gold_type, gold_type)


def _matches(pred: dict, want: dict) -> bool:
    kind = conventions_types().get(pred["event_type"], "other")
    if _family(kind) != _family(want["type"]):
        return False
    actors = {normalize(a) for a in pred["actor_names"] or []}
    if want.get("actors") and not actors & {normalize(a) for a in want["actors"]}:
        return False
    if want.get("date"):
        return pred["event_date"] is not None and pred["event_date"].isoformat() == want["date"]
    return True


def _with_event_dates(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Date each mention by its merged event: the date all reports of the event agree on."""
    mentions = tables["event_mention"]
    events = tables.get("event")
    if events is None or "event_date" not in events.columns:
        return mentions
    dates = events.select("event_id", pl.col("event_date").alias("merged_date"))
    return mentions.join(dates, on="event_id", how="left").with_columns(
        pl.coalesce("merged_date", "event_date").alias("event_date")
    )


def score(
    tables: dict[str, pl.DataFrame], gold: dict[str, dict], input_dir: Path | None
) -> list[Score]:
    """Return event recall and precision (type + an actor + the event's date where gold has one)."""
    published = articles_by_file(tables)
    mentions = _with_event_dates(tables)
    found = total = predicted = correct = 0
    for name, g in gold.items():
        row = published.get(name)
        got = mentions.filter(pl.col("article_id") == row["article_id"]).to_dicts() if row else []
        want = g.get("events", [])
        total += len(want)
        predicted += len(got)
        found += sum(1 for w in want if any(_matches(p, w) for p in got))
        correct += sum(1 for p in got if any(_matches(p, w) for w in want))
    return [
        Score(
            "event",
            "recall (type+actor+date)",
            found / total if total else None,
            f"{found}/{total}",
        ),
        Score(
            "event",
            "precision (type+actor+date)",
            correct / predicted if predicted else None,
            f"{correct}/{predicted}",
        ),
    ]
