"""The NLP stage's plumbing: annotate the articles whose annotations are not kept yet (in batches,
on the worker pool), keep the annotations as typed tables, then resolve entities, speakers and
events across all current articles and build the entity, quote and event tables.

Kept between runs, keyed by cache_key (a hash of the extractor's version and everything the
per-article annotation reads: article id, publication date, body, credits and credit lines):
work.nlp_annotated (one row per annotated article), work.nlp_mention, work.nlp_credit,
work.nlp_quote and work.nlp_event (one row per annotation, `ordinal` keeps the extractor's order).
The cross-article step reruns only when the set of current cache keys (or its code) changed.

Annotating can start ahead of the article gate, from the parsed articles, while the main
process flags near-duplicates and runs the gate (`annotate_ahead`): its results are keyed by
content, so the stage proper, planning from the gated tables, finds them kept and annotates only
what the gate changed (normally nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl
import pyarrow as pa

from newsgate import article_stage, warehouse
from newsgate.config import Settings
from newsgate.errors import StageCacheError
from newsgate.nlp.annotate import (
    CREDIT_SCHEMA,
    EVENT_FIELDS,
    EVENT_SET_FIELDS,
    MENTION_SCHEMA,
    QUOTE_SCHEMA,
    TABLES,
    annotate_batch,
    extractor_version,
    pipeline,
)
from newsgate.nlp.cross_article import cross_article_version, resolve
from newsgate.stage_cache import (
    append_tables,
    create_empty,
    drop_tables,
    fingerprint,
    store_fingerprint,
    stored_fingerprint,
)
from newsgate.tables import stage_tables
from newsgate.workers import BatchJob, InlinePool, Pool, run_job, split_batches

__all__ = [
    "annotate_ahead",
    "annotate_articles",
    "annotate_batch",
    "annotation",
    "extractor_version",
    "pipeline",
    "resolve_annotations",
]

STAGE = "nlp"
AHEAD = "nlp"
CROSS_ARTICLE_STEP = "nlp.cross_article"
CREDIT_LINE_REASONS = ("caption", "credit", "byline", "dateline")
# what the credit extractor reads of an article_line row
CREDIT_LINE_COLUMNS = ("article_id", "line_no", "reason", "text")
# the gated tables: articles (article_id, body, published_date, credited) and their lines
GATED = ("work.article", "work.article_line")
RAW_TABLES = (
    "raw_entity_mention",
    "raw_entity_credit",
    "raw_entity_implied",
    "raw_quote",
    "raw_event_mention",
)


def _cache_keys_sql(version: str, source: tuple[str, str] = GATED) -> str:
    """Return a SELECT of (article_id, cache_key) for every article of `source`."""
    articles, lines = source
    reasons = ", ".join(f"'{r}'" for r in CREDIT_LINE_REASONS)
    quoted = version.replace("'", "''")
    return f"""
        with credit_lines as (
            select
                l.article_id,
                string_agg(
                    l.line_no::varchar || ':' || coalesce(l.reason, '') || ':'
                    || coalesce(l.text, ''),
                    chr(10) order by l.line_no
                ) as lines
            from {lines} as l
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
        from {articles} as a
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


def _current_keys(
    con: duckdb.DuckDBPyConnection, version: str, source: tuple[str, str] = GATED
) -> None:
    con.execute(f"create or replace temp table _current as {_cache_keys_sql(version, source)}")


def _batch_payload(
    con: duckdb.DuckDBPyConnection, keys: list[str], source: tuple[str, str] = GATED
) -> list[dict]:
    """Return what annotating the articles of `keys` reads: body, date, credits, credit lines."""
    articles_rel, lines_rel = source
    articles = con.execute(
        f"""
        select c.cache_key, a.article_id, a.body, a.published_date, a.credited
        from _current as c inner join {articles_rel} as a on a.article_id = c.article_id
        where c.cache_key in (select unnest(?::varchar[]))
        order by a.article_id
        """,
        [keys],
    ).fetchall()
    ids = [a[1] for a in articles]
    lines = (
        con.sql(
            f"""
            select {", ".join(f"l.{c}" for c in CREDIT_LINE_COLUMNS)} from {lines_rel} as l
            where l.article_id in (select unnest(?::varchar[]))
              and l.kind = 'boilerplate' and l.reason in (select unnest(?::varchar[]))
            order by l.article_id, l.line_no
            """,
            params=[ids, list(CREDIT_LINE_REASONS)],
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


def _store_batch(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> int:
    """Keep one batch's annotations in the work tables."""
    return append_tables(con, tables)


@contextmanager
def annotation(
    settings: Settings,
    run_id: str,
    full_refresh: bool = False,
    source: tuple[str, str] = GATED,
) -> Iterator[BatchJob]:
    """Yield the job that annotates every article of `source` whose annotations are not kept;
    results are kept as they come."""
    version = extractor_version(settings.spacy_model)
    con = warehouse.connect(settings)
    try:
        _prepare(con, full_refresh)
        _current_keys(con, version, source)
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
                yield _batch_payload(con, keys, source), settings.spacy_model, run_id

        yield BatchJob(
            work=annotate_batch,
            payloads=payloads(),
            store=lambda tables: _store_batch(con, tables),
            sizes=[len(batch) for batch in planned],
            desc="nlp",
            unit="article",
        )
    finally:
        con.close()


def annotate_ahead(settings: Settings, run_id: str, full_refresh: bool, pool: Pool) -> None:
    """Start annotating the parsed articles on a thread (the stage proper joins it)."""

    def work() -> None:
        with annotation(settings, run_id, full_refresh, article_stage.parsed_source()) as job:
            run_job(pool, job)

    # DuckDB connections of two threads are safe while the database stays open; connections
    # opened and closed by both at once can catch it closing (then registering Arrow fails),
    # so one stays open until the work is joined
    keeper = warehouse.connect(settings)
    pool.run_ahead(AHEAD, work, cleanup=keeper.close)


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
    # a set-valued field (an article's shingles) is the same for most of an article's events:
    # each distinct value is read and made a frozenset once, and its events share it, instead
    # of one Python list of ints per event (hundreds of MB at 10,000 articles)
    plain = [f"t.{c}" for c in EVENT_FIELDS if c not in EVENT_SET_FIELDS]
    ids, values = [], []
    for n, field in enumerate(EVENT_SET_FIELDS):
        con.execute(
            f"""
            create or replace temp table _set_{n} as
            select row_number() over () as set_id, article_id, {field} as value from (
                select distinct t.article_id, t.{field} from work.nlp_event as t
                where t.cache_key in (select cache_key from _current) and t.{field} is not null
            )
            """
        )
        values.append(
            {
                set_id: frozenset(value)
                for set_id, value in con.execute(f"select set_id, value from _set_{n}").fetchall()
            }
        )
        ids.append(
            f"(select s.set_id from _set_{n} as s where s.article_id = t.article_id "
            f"and s.value = t.{field}) as _set_{n}"
        )
    rows = con.sql(
        f"select {', '.join(plain + ids)} from work.nlp_event as t "
        "where t.cache_key in (select cache_key from _current) order by t.article_id, t.ordinal"
    ).to_arrow_table()
    events = rows.to_pylist()
    for event in events:
        for n, field in enumerate(EVENT_SET_FIELDS):
            set_id = event.pop(f"_set_{n}")
            event[field] = None if set_id is None else values[n][set_id]
    return [{name: event[name] for name in EVENT_FIELDS} for event in events]


def _resolve_and_write(con: duckdb.DuckDBPyConnection) -> None:
    """Run the cross-article step over the kept annotations of the current articles and write
    the raw tables the stage's SQL reads."""
    mentions = pl.from_arrow(_select(con, "nlp_mention", MENTION_SCHEMA, "t.article_id, t.ordinal"))
    credits = pl.from_arrow(
        _select(con, "nlp_credit", CREDIT_SCHEMA, "t.line_no is null, t.article_id, t.ordinal")
    )
    quotes = _select(con, "nlp_quote", QUOTE_SCHEMA, "t.article_id, t.ordinal").to_pylist()
    resolved = resolve(
        mentions.cast(MENTION_SCHEMA), credits.cast(CREDIT_SCHEMA), quotes, _events(con)
    )
    for name, frame in resolved.tables.items():
        warehouse.write_frame(con, name, frame)


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
        kept = all(warehouse.table_exists(con, name) for name in RAW_TABLES)
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
    pool = pool or InlinePool(settings.spacy_model)
    if pool.join_ahead(AHEAD):
        # what was annotated ahead is kept: a full refresh already started from nothing
        full_refresh = False
    with annotation(settings, run_id, full_refresh) as job:
        run_job(pool, job)
    return resolve_annotations(settings, run_id)
