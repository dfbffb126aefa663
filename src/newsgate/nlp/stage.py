"""The NLP stage's plumbing: annotate the articles whose annotations are not kept yet (in batches,
on the worker pool), keep the annotations as typed tables, then resolve entities, speakers and
events across all current articles and build the entity, quote and event tables.

Kept between runs, keyed by cache_key (a hash of the extractor's version and everything the
per-article annotation reads: article id, publication date, body, credits and credit lines):
work.nlp_annotated (one row per annotated article), work.nlp_mention, work.nlp_credit,
work.nlp_quote and work.nlp_event (one row per annotation, `ordinal` keeps the extractor's order).
The cross-article step reruns only when the set of current cache keys (or its code) changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import duckdb
import polars as pl
import pyarrow as pa

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import AnnotationSchemaError, StageCacheError
from newsgate.stage_cache import (
    append_tables,
    code_version,
    create_empty,
    drop_tables,
    fingerprint,
    store_fingerprint,
    stored_fingerprint,
)
from newsgate.tables import stage_tables
from newsgate.workers import BatchJob, InlinePool, Pool, run_job, split_batches

# The extraction this stage runs but does not own; re-point these imports when they move.
from newsgate.nlp.entities import (  # isort: skip
    CREDIT_SCHEMA,
    credit_mentions,
    mentions_from_doc,
    resolve_with_credits,
)
from newsgate.nlp.event_merge import merge_events  # isort: skip
from newsgate.nlp.pipeline import load_pipeline, make_doc  # isort: skip
from newsgate.nlp.quotes import canonical_speaker  # isort: skip

# the modules whose code makes an article's annotations, and the cross-article results
_EXTRACTOR_MODULES = (
    "newsgate.nlp.pipeline",
    mentions_from_doc.__module__,
    credit_mentions.__module__,
    "newsgate.nlp.stage",
)
_CROSS_ARTICLE_MODULES = (
    "newsgate.nlp.stage",
    resolve_with_credits.__module__,
    canonical_speaker.__module__,
    merge_events.__module__,
)

STAGE = "nlp"
CROSS_ARTICLE_STEP = "nlp.cross_article"
CREDIT_LINE_REASONS = ("caption", "credit", "byline", "dateline")
# article_line columns handed to the credit extractor (run_id changes every run: not an input)
CREDIT_LINE_COLUMNS = (
    "line_id",
    "article_id",
    "doc_id",
    "line_no",
    "text",
    "kind",
    "reason",
    "signal",
)

MENTION_SCHEMA = {
    "article_id": pl.String,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "label": pl.String,
    "sentence_index": pl.Int64,
    "local_name": pl.String,
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
}
# Every field an article's event carries into the cross-article merge, typed.
EVENT_FIELDS = {
    "article_id": pl.String,
    "event_type": pl.String,
    "cameo_root": pl.String,
    "quad_class": pl.Int64,
    "trigger": pl.String,
    "sentence_index": pl.Int64,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "actor_names": pl.List(pl.String),
    "actor_labels": pl.List(pl.String),
    "actor_roles": pl.List(pl.String),
    "place": pl.String,
    "places": pl.List(pl.String),
    "event_date": pl.Date,
    "date_precision": pl.String,
    "date_text": pl.String,
    "date_parts": pl.Struct(
        {"year": pl.Int64, "month": pl.Int64, "day": pl.Int64, "weekday": pl.Int64}
    ),
    "date_ref": pl.Boolean,
    "horizon": pl.Date,
    "future": pl.Boolean,
    "published": pl.Date,
    "words": pl.List(pl.String),
    "article_shingles": pl.List(pl.Int64),
}
# fields the extractor gives as sets: kept as sorted lists, handed back as frozensets
EVENT_SET_FIELDS = ("article_shingles",)
# the raw_event_mention columns: the event fields the tables read, and what the merge decided
EVENT_SCHEMA = {
    **{
        name: EVENT_FIELDS[name]
        for name in (
            "article_id",
            "event_type",
            "cameo_root",
            "quad_class",
            "trigger",
            "sentence_index",
            "start_char",
            "end_char",
            "actor_names",
            "actor_labels",
            "actor_roles",
            "place",
            "event_date",
            "date_precision",
            "date_text",
        )
    },
    "merge_key": pl.String,
    "merged_date": pl.Date,
    "merged_precision": pl.String,
}
IMPLIED_SCHEMA = {"article_id": pl.String, "label": pl.String, "canonical_name": pl.String}
_KEYED = {"cache_key": pl.String, "ordinal": pl.Int64}
ANNOTATED_SCHEMA = {"cache_key": pl.String, "article_id": pl.String, "run_id": pl.String}
TABLES = {
    "nlp_annotated": ANNOTATED_SCHEMA,
    "nlp_mention": {**_KEYED, **MENTION_SCHEMA},
    "nlp_credit": {**_KEYED, **CREDIT_SCHEMA},
    "nlp_quote": {**_KEYED, **QUOTE_SCHEMA},
    "nlp_event": {**_KEYED, **EVENT_FIELDS},
}


def extractor_version(model: str | None = None) -> str:
    """Return a hash of the code, data and model that make an article's annotations."""
    import spacy

    return code_version(_EXTRACTOR_MODULES, model or "builtin", spacy.__version__)


def cross_article_version() -> str:
    """Return a hash of the code that resolves and merges across articles (and builds tables)."""
    return code_version(_CROSS_ARTICLE_MODULES)


@cache
def pipeline(model: str | None):
    """Return the NLP pipeline for `model`, loaded once per process."""
    return load_pipeline(model)


def _cache_keys_sql(version: str) -> str:
    """Return a SELECT of (article_id, cache_key) for every current article."""
    reasons = ", ".join(f"'{r}'" for r in CREDIT_LINE_REASONS)
    quoted = version.replace("'", "''")
    return f"""
        with credit_lines as (
            select
                l.article_id,
                string_agg(
                    l.line_no::varchar || ':' || coalesce(l.reason, '') || ':'
                    || coalesce(l.signal, '') || ':' || coalesce(l.text, ''),
                    chr(10) order by l.line_no
                ) as lines
            from work.article_line as l
            where l.kind = 'boilerplate' and l.reason in ({reasons})
            group by l.article_id
        )
        select
            a.article_id,
            substr(sha256(
                '{quoted}' || chr(31) || a.article_id || chr(31)
                || coalesce(a.published_date::varchar, '') || chr(31) || a.body || chr(31)
                || coalesce(array_to_string(a.credited, chr(30)), '') || chr(31)
                || coalesce(c.lines, '')
            ), 1, 24) as cache_key
        from work.article as a
        left join credit_lines as c on c.article_id = a.article_id
    """


def _empty(schema: dict) -> pa.Schema:
    return pl.DataFrame(schema=schema).to_arrow().schema


def _prepare(con: duckdb.DuckDBPyConnection, full_refresh: bool) -> None:
    # the pickled cache of earlier versions is never read again
    drop_tables(con, ["nlp_cache", *(TABLES if full_refresh else [])])
    if full_refresh:
        store_fingerprint(con, CROSS_ARTICLE_STEP, None)
    create_empty(con, {name: _empty(schema) for name, schema in TABLES.items()})


def _current_keys(con: duckdb.DuckDBPyConnection, version: str) -> None:
    con.execute(f"create or replace temp table _current as {_cache_keys_sql(version)}")


def _batch_payload(con: duckdb.DuckDBPyConnection, keys: list[str]) -> list[dict]:
    """Return what annotating the articles of `keys` reads: body, date, credits, credit lines."""
    articles = con.execute(
        """
        select c.cache_key, a.article_id, a.body, a.published_date, a.credited
        from _current as c inner join work.article as a on a.article_id = c.article_id
        where c.cache_key in (select unnest(?::varchar[]))
        order by a.article_id
        """,
        [keys],
    ).fetchall()
    ids = [a[1] for a in articles]
    reasons = list(CREDIT_LINE_REASONS)
    lines = (
        con.sql(
            f"""
        select {", ".join(CREDIT_LINE_COLUMNS)} from work.article_line
        where article_id in (select unnest(?::varchar[]))
          and kind = 'boilerplate' and reason in (select unnest(?::varchar[]))
        order by article_id, line_no
        """,
            params=[ids, reasons],
        )
        .to_arrow_table()
        .to_pylist()
    )
    by_article: dict[str, list[dict]] = {}
    for line in lines:
        by_article.setdefault(line["article_id"], []).append(line)
    return [
        {
            "cache_key": key,
            "article_id": article_id,
            "body": body,
            "published_date": published,
            "credited": credited or [],
            "lines": by_article.get(article_id, []),
        }
        for key, article_id, body, published, credited in articles
    ]


def _typed(rows: list[dict], schema: dict, what: str, set_fields: tuple = ()) -> pa.Table:
    """Return annotation rows as an Arrow table of `schema`; unknown fields are an error."""
    names = set(schema)
    for row in rows:
        extra = set(row) - names
        if extra:
            raise AnnotationSchemaError(
                f"{what} field(s) {', '.join(sorted(extra))} have no column: add them to the "
                f"schema in newsgate.nlp.stage so they are kept with the annotations"
            )
        for field in set_fields:
            if isinstance(row.get(field), set | frozenset):
                row[field] = sorted(row[field])
    return pl.DataFrame(rows, schema=schema).to_arrow()


def _keyed(rows: list[dict], keys: dict[str, str]) -> list[dict]:
    """Number each article's rows in the extractor's order and attach the article's cache key."""
    seen: dict[str, int] = {}
    out = []
    for row in rows:
        ordinal = seen.get(row["article_id"], 0)
        seen[row["article_id"]] = ordinal + 1
        out.append({"cache_key": keys[row["article_id"]], "ordinal": ordinal, **row})
    return out


def annotate_batch(batch: list[dict], spacy_model: str | None, run_id: str) -> dict[str, pa.Table]:
    """Return the annotations of a batch of articles as typed Arrow tables, by table name."""
    nlp = pipeline(spacy_model)
    # bodies are already bounded by the ingest size limit; spaCy's own cap is for parsers
    nlp.max_length = max([nlp.max_length, *(len(item["body"]) + 1 for item in batch)])
    keys = {item["article_id"]: item["cache_key"] for item in batch}
    docs = nlp.pipe(make_doc(nlp, item["body"], item["published_date"]) for item in batch)
    mentions, quotes, events = [], [], []
    for item, doc in zip(batch, docs, strict=True):
        article_id = item["article_id"]
        mentions.extend(mentions_from_doc(doc, article_id))
        quotes.extend({"article_id": article_id, **q} for q in doc._.quotes)
        events.extend({"article_id": article_id, **e} for e in doc._.events)
    credits = credit_mentions(
        nlp,
        [line for item in batch for line in item["lines"]],
        {item["article_id"]: item["credited"] for item in batch},
    )
    annotated = [
        {"cache_key": item["cache_key"], "article_id": item["article_id"], "run_id": run_id}
        for item in batch
    ]
    return {
        "nlp_annotated": _typed(annotated, TABLES["nlp_annotated"], "article"),
        "nlp_mention": _typed(_keyed(mentions, keys), TABLES["nlp_mention"], "mention"),
        "nlp_credit": _typed(_keyed(credits, keys), TABLES["nlp_credit"], "credit"),
        "nlp_quote": _typed(_keyed(quotes, keys), TABLES["nlp_quote"], "quote"),
        "nlp_event": _typed(_keyed(events, keys), TABLES["nlp_event"], "event", EVENT_SET_FIELDS),
    }


def _store_batch(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> int:
    """Keep one batch's annotations in the work tables."""
    return append_tables(con, tables)


@contextmanager
def annotation(settings: Settings, run_id: str, full_refresh: bool = False) -> Iterator[BatchJob]:
    """Yield the job that annotates every article that needs it; results are kept as they come."""
    version = extractor_version(settings.spacy_model)
    con = warehouse.connect(settings)
    try:
        _prepare(con, full_refresh)
        _current_keys(con, version)
        todo = [
            r[0]
            for r in con.execute(
                "select c.cache_key from _current as c anti join work.nlp_annotated as n "
                "on n.cache_key = c.cache_key order by c.article_id"
            ).fetchall()
        ]
        planned = split_batches(todo)

        def payloads() -> Iterator[tuple]:
            for keys in planned:
                yield _batch_payload(con, keys), settings.spacy_model, run_id

        yield BatchJob(
            work=annotate_batch,
            payloads=payloads(),
            store=lambda tables: _store_batch(con, tables),
            batches=len(planned),
            desc="nlp batches",
        )
    finally:
        con.close()


def _forget_stale(con: duckdb.DuckDBPyConnection) -> None:
    """Drop annotations of superseded article versions and of older extractor versions."""
    for name in TABLES:
        con.execute(
            f"delete from work.{name} where cache_key not in (select cache_key from _current)"
        )


def _select(con: duckdb.DuckDBPyConnection, name: str, columns: dict, order: str) -> pa.Table:
    """Return the current rows of work.<name> (its `columns`, in `order`) as Arrow."""
    select = ", ".join(f"t.{c}" for c in columns)
    return con.sql(
        f"select {select} from work.{name} as t "
        f"where t.cache_key in (select cache_key from _current) order by {order}"
    ).to_arrow_table()


def _events(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Return every current event as the dict the extractor made, sets restored."""
    rows = _select(con, "nlp_event", EVENT_FIELDS, "t.article_id, t.ordinal").to_pylist()
    shared: dict[str, tuple[list, frozenset]] = {}
    for row in rows:
        for field in EVENT_SET_FIELDS:
            value = row[field]
            if value is None:
                continue
            # an article's events share one set, as the extractor made them
            key = f"{field}|{row['article_id']}"
            last = shared.get(key)
            if last is None or last[0] != value:
                last = (value, frozenset(value))
                shared[key] = last
            row[field] = last[1]
    return rows


def resolve_annotations(settings: Settings, run_id: str) -> dict[str, int]:
    """Resolve entities, speakers and events across all current articles (unless the set of
    current annotations is the one already resolved) and build the stage's tables; return
    their row counts and how many articles this run annotated."""
    version = extractor_version(settings.spacy_model)
    con = warehouse.connect(settings)
    try:
        _prepare(con, full_refresh=False)
        _current_keys(con, version)
        missing = con.execute(
            "select count(*) from _current as c anti join work.nlp_annotated as n "
            "on n.cache_key = c.cache_key"
        ).fetchall()[0][0]
        if missing:
            raise StageCacheError(f"{missing} current articles have no annotations kept")
        _forget_stale(con)
        keys = [r[0] for r in con.execute("select cache_key from _current order by 1").fetchall()]
        current = fingerprint(cross_article_version(), *keys)
        raw = (
            "raw_entity_mention",
            "raw_entity_credit",
            "raw_entity_implied",
            "raw_quote",
            "raw_event_mention",
        )
        kept = all(warehouse.table_exists(con, name) for name in raw)
        if not kept or stored_fingerprint(con, CROSS_ARTICLE_STEP) != current:
            store_fingerprint(con, CROSS_ARTICLE_STEP, None)
            _resolve_and_write(con)
            store_fingerprint(con, CROSS_ARTICLE_STEP, current)
        counts = {t.name: warehouse.build_table(con, t, run_id) for t in stage_tables(STAGE)}
        counts["articles_annotated"] = con.execute(
            "select count(*) from work.nlp_annotated where run_id = ?", [run_id]
        ).fetchall()[0][0]
        return counts
    finally:
        con.close()


def annotate_articles(
    settings: Settings, run_id: str, full_refresh: bool = False, pool: Pool | None = None
) -> dict[str, int]:
    """Annotate every article that needs it on `pool` (default: this process) and build the
    NLP tables; return their row counts."""
    with annotation(settings, run_id, full_refresh) as job:
        run_job(pool or InlinePool(settings.spacy_model), job)
    return resolve_annotations(settings, run_id)


def _implied_actors(
    events: list[dict], mention_frame: pl.DataFrame, credit_frame: pl.DataFrame
) -> list[dict]:
    """Event actors no entity stands for ("Moscow said" acts for Russia): entity references."""
    known = set(mention_frame.select("label", "canonical_name").iter_rows())
    known |= set(credit_frame.select("label", "canonical_name").iter_rows())
    implied = {}
    for event in events:
        for label, name in zip(event["actor_labels"], event["actor_names"], strict=True):
            if (label, name) not in known:
                implied[(event["article_id"], label, name)] = None
    return [{"article_id": a, "label": lab, "canonical_name": n} for a, lab, n in sorted(implied)]


def _frame(rows: list[dict], schema: dict) -> pl.DataFrame:
    """Build a frame of the schema's columns from rows that may carry extra keys."""
    return pl.DataFrame([{k: row.get(k) for k in schema} for row in rows], schema=schema)


def _resolve_and_write(con: duckdb.DuckDBPyConnection) -> None:
    """Canonicalise names across articles, attribute speakers, merge events, and write the raw
    NLP tables the stage's SQL reads."""
    mentions = pl.from_arrow(_select(con, "nlp_mention", MENTION_SCHEMA, "t.article_id, t.ordinal"))
    credits = pl.from_arrow(
        _select(con, "nlp_credit", CREDIT_SCHEMA, "t.line_no is null, t.article_id, t.ordinal")
    )
    mention_frame, credit_frame = resolve_with_credits(
        mentions.cast(MENTION_SCHEMA), credits.cast(CREDIT_SCHEMA)
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
        .sort("article_id", "local_name")
        .iter_rows()
    ):
        persons.setdefault(article_id, {})[local] = name
    quotes = _select(con, "nlp_quote", QUOTE_SCHEMA, "t.article_id, t.ordinal").to_pylist()
    for quote in quotes:
        quote["speaker_name"] = canonical_speaker(
            quote["speaker_name"], persons.get(quote["article_id"], {})
        )
    events = _events(con)
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
