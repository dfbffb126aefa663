"""The NLP stage: annotate article bodies in batches (cached per content and extractor version),
then resolve entities across articles and build the entity, quote and event tables."""

from __future__ import annotations

import hashlib
import pickle
from datetime import date
from functools import cache
from importlib import resources

import polars as pl

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.nlp.event_merge import merge_events
from newsgate.nlp.events import AGENT_LABEL
from newsgate.nlp.names.credits import CREDIT_SCHEMA, credit_mentions
from newsgate.nlp.names.resolve import mentions_from_doc, resolve_with_credits
from newsgate.nlp.pipeline import load_pipeline, make_doc
from newsgate.nlp.quotes import canonical_speaker
from newsgate.progress import progress
from newsgate.tables import stage_tables

STAGE = "nlp"
CREDIT_LINE_REASONS = ["caption", "credit", "byline", "dateline"]
BATCH_SIZE = 200
CACHE_SCHEMA = {
    "cache_key": pl.String,
    "article_id": pl.String,
    "annotations": pl.Binary,
    "run_id": pl.String,
}

MENTION_SCHEMA = {
    "article_id": pl.String,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "label": pl.String,
    "sentence_index": pl.Int64,
    "local_name": pl.String,
    "mention_kind": pl.String,
}
QUOTE_SCHEMA = {
    "article_id": pl.String,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "is_partial": pl.Boolean,
    "speaker_name": pl.String,
    "speaker_description": pl.String,
    "verb": pl.String,
    "speaker_label": pl.String,
    "speaker_entity": pl.String,
}
EVENT_SCHEMA = {
    "article_id": pl.String,
    "event_type": pl.String,
    "cameo_root": pl.String,
    "quad_class": pl.Int64,
    "trigger": pl.String,
    "trigger_start": pl.Int64,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "actor_names": pl.List(pl.String),
    "actor_labels": pl.List(pl.String),
    "actor_roles": pl.List(pl.String),
    "place": pl.String,
    "event_date": pl.Date,
    "date_precision": pl.String,
    "date_text": pl.String,
    "merge_key": pl.String,
    "merged_date": pl.Date,
    "merged_precision": pl.String,
}


@cache
def extractor_version(model: str | None = None) -> str:
    """Return a hash of the NLP code, data and config (and the model name) that made annotations."""
    digest = hashlib.sha256((model or "builtin").encode())
    root = resources.files("newsgate.nlp")
    for path in sorted(_package_files(root), key=str):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _package_files(folder):
    for item in folder.iterdir():
        if item.is_dir() and item.name != "__pycache__":
            yield from _package_files(item)
        elif item.is_file() and item.name.endswith(
            (".py", ".cfg", ".jsonl", ".json", ".txt", ".tsv")
        ):
            yield item


def _cache_key(article_id: str, body: str, version: str) -> str:
    return hashlib.sha256(f"{article_id}|{version}|{body}".encode()).hexdigest()[:24]


def plan_annotation(
    settings: Settings, run_id: str, full_refresh: bool = False
) -> list[list[tuple[str, str, str, date | None]]]:
    """Return batches of (cache_key, article_id, body, published_date) that still need NLP."""
    version = extractor_version(settings.spacy_model)
    con = warehouse.connect(settings)
    try:
        if full_refresh or not warehouse.table_exists(con, "nlp_cache"):
            warehouse.write_frame(con, "nlp_cache", pl.DataFrame(schema=CACHE_SCHEMA))
        done = set(warehouse.read_frame(con, "nlp_cache")["cache_key"].to_list())
        articles = warehouse.read_frame(con, "article").select(
            "article_id", "body", "published_date"
        )
    finally:
        con.close()
    todo = []
    for article_id, body, published in articles.sort("article_id").iter_rows():
        key = _cache_key(article_id, body, version)
        if key not in done:
            todo.append((key, article_id, body, published))
    return [todo[i : i + BATCH_SIZE] for i in range(0, len(todo), BATCH_SIZE)]


@cache
def _pipeline(model: str | None):
    return load_pipeline(model)


def annotate_batch(
    batch: list[tuple[str, str, str, date | None]], spacy_model: str | None = None
) -> list[dict]:
    """Return one cache row per article of `batch`: its mentions, quotes and events, pickled."""
    nlp = _pipeline(spacy_model)
    # bodies are already bounded by the ingest size limit; spaCy's own cap is for parsers
    nlp.max_length = max([nlp.max_length, *(len(body) + 1 for _, _, body, _ in batch)])
    docs = nlp.pipe(make_doc(nlp, body, published) for _, _, body, published in batch)
    rows = []
    for (key, article_id, _, _), doc in zip(batch, docs, strict=True):
        annotations = {
            "mentions": mentions_from_doc(doc, article_id),
            "quotes": [{"article_id": article_id, **q} for q in doc._.quotes],
            "events": [{"article_id": article_id, **e} for e in doc._.events],
        }
        rows.append(
            {
                "cache_key": key,
                "article_id": article_id,
                # pickle keeps dates, sets and tuples exactly; only newsgate writes and reads it
                "annotations": pickle.dumps(annotations, protocol=5),
            }
        )
    return rows


def _frame(rows: list[dict], schema: dict) -> pl.DataFrame:
    """Build a frame of the schema's columns from annotation rows that may carry extra keys."""
    return pl.DataFrame([{k: row.get(k) for k in schema} for row in rows], schema=schema)


def store_annotations(settings: Settings, run_id: str, batches: list[list[dict]]) -> dict[str, int]:
    """Cache new annotations, resolve entities across all current articles; return row counts."""
    version = extractor_version(settings.spacy_model)
    con = warehouse.connect(settings)
    try:
        new_rows = [dict(row, run_id=run_id) for batch in batches for row in batch]
        warehouse.append_frame(con, "nlp_cache", pl.DataFrame(new_rows, schema=CACHE_SCHEMA))
        cached = {
            key: annotations
            for key, annotations in warehouse.read_frame(con, "nlp_cache")
            .select("cache_key", "annotations")
            .iter_rows()
        }
        mentions, quotes, events = [], [], []
        current = (
            warehouse.read_frame(con, "article").select("article_id", "body").sort("article_id")
        )
        keys = [_cache_key(article_id, body, version) for article_id, body in current.iter_rows()]
        stale = sorted(set(cached) - set(keys))
        if stale:
            # superseded versions and old extractor output are never read again
            warehouse.delete_rows(con, "nlp_cache", "cache_key", stale)
        for key in keys:
            annotations = pickle.loads(cached[key])
            mentions.extend(annotations["mentions"])
            quotes.extend(annotations["quotes"])
            events.extend(annotations["events"])
        credits = _credit_mentions(con, settings, current["article_id"].to_list())
        counts = _resolve_and_write(con, run_id, mentions, quotes, events, credits)
        counts["articles_annotated"] = len(new_rows)
        return counts
    finally:
        con.close()


def annotate_articles(
    settings: Settings, run_id: str, full_refresh: bool = False
) -> dict[str, int]:
    """Annotate every article that needs it in this process and build the NLP tables."""
    batches = plan_annotation(settings, run_id, full_refresh)
    results = [
        annotate_batch(batch, settings.spacy_model)
        for batch in progress(batches, desc="nlp batches", unit="batch")
    ]
    return store_annotations(settings, run_id, results)


def _credit_mentions(con, settings: Settings, article_ids: list[str]) -> list[dict]:
    """Entities named only in removed captions, credits and bylines (they have no body offsets)."""
    credit_lines = warehouse.read_frame(con, "article_line").filter(
        pl.col("article_id").is_in(article_ids)
        & (pl.col("kind") == "boilerplate")
        & pl.col("reason").is_in(CREDIT_LINE_REASONS)
    )
    credited = dict(
        warehouse.read_frame(con, "article").select("article_id", "credited").iter_rows()
    )
    return credit_mentions(
        _pipeline(settings.spacy_model),
        credit_lines.sort("article_id", "line_no").to_dicts(),
        credited,
    )


def _canonical_speaker(
    quote: dict, canonical: dict[tuple[str, str], str], persons: dict[str, str]
) -> None:
    """Give a quote's speaker its cross-article canonical name and entity (in place)."""
    label = quote.get("speaker_label") or ("PERSON" if quote.get("speaker_name") else None)
    local = quote.get("speaker_entity") or quote.get("speaker_name")
    if label is None or not local:
        return
    name = canonical.get((label, local))
    if name is None and label == "PERSON":
        name = canonical_speaker(local, persons)
    quote["speaker_label"] = label
    quote["speaker_entity"] = name or local
    if label == "PERSON":
        quote["speaker_name"] = name or local


IMPLIED_SCHEMA = {"article_id": pl.String, "label": pl.String, "canonical_name": pl.String}


def _implied_actors(
    events: list[dict], mention_frame: pl.DataFrame, credit_frame: pl.DataFrame
) -> list[dict]:
    """Event actors no entity stands for ("Moscow said" acts for Russia): entity references."""
    known = set(mention_frame.select("label", "canonical_name").iter_rows())
    known |= set(credit_frame.select("label", "canonical_name").iter_rows())
    implied = {}
    for event in events:
        for label, name in zip(event["actor_labels"], event["actor_names"], strict=True):
            # unnamed agents ("police", "farmers") are no entities: their ids stay null
            if label != AGENT_LABEL and (label, name) not in known:
                implied[(event["article_id"], label, name)] = None
    return [{"article_id": a, "label": lab, "canonical_name": n} for a, lab, n in sorted(implied)]


def _resolve_and_write(
    con,
    run_id: str,
    mentions: list[dict],
    quotes: list[dict],
    events: list[dict],
    credits: list[dict],
) -> dict[str, int]:
    """Canonicalise names across articles, write the raw NLP tables and build the stage's tables."""
    mention_frame, credit_frame = resolve_with_credits(
        _frame(mentions, MENTION_SCHEMA), pl.DataFrame(credits, schema=CREDIT_SCHEMA)
    )
    canonical = {
        (label, local): name
        for label, local, name in mention_frame.select("label", "local_name", "canonical_name")
        .unique()
        .iter_rows()
    }
    persons: dict[str, dict[str, str]] = {}
    for article_id, local, name in (
        mention_frame.filter(pl.col("label") == "PERSON")
        .select("article_id", "local_name", "canonical_name")
        .unique()
        .iter_rows()
    ):
        persons.setdefault(article_id, {})[local] = name
    for quote in quotes:
        _canonical_speaker(quote, canonical, persons.get(quote["article_id"], {}))
    for event in events:
        event["actor_names"] = [
            canonical.get((label, name), name)
            for label, name in zip(event["actor_labels"], event["actor_names"], strict=True)
        ]
    events = merge_events(events)
    implied = _implied_actors(events, mention_frame, credit_frame)
    warehouse.write_frame(con, "raw_entity_mention", mention_frame)
    warehouse.write_frame(con, "raw_entity_credit", credit_frame)
    warehouse.write_frame(con, "raw_entity_implied", pl.DataFrame(implied, schema=IMPLIED_SCHEMA))
    warehouse.write_frame(con, "raw_quote", _frame(quotes, QUOTE_SCHEMA))
    warehouse.write_frame(con, "raw_event_mention", _frame(events, EVENT_SCHEMA))
    return {t.name: warehouse.build_table(con, t, run_id) for t in stage_tables(STAGE)}
