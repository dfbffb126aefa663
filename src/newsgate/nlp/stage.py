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

from newsgate import article_stage, progress, warehouse
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
from newsgate.nlp.cross_article import (
    EVENT_SCHEMA,
    canonical_actors,
    cross_article_version,
    frame,
    implied_actors,
    merge,
    merge_groups,
    resolve_names,
)
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
# the removed lines whose names count for the article (CONVENTIONS §2, §4.1): the headline too,
# when the article stage took it out of the body
CREDIT_LINE_REASONS = ("caption", "credit", "byline", "dateline", "title")
# the kinds of line those reasons are read from: removed lines, and the headline line itself
# (the article's title is no body line, yet its names count: CONVENTIONS §2)
CREDIT_LINE_KINDS = ("boilerplate", "title")
# what the credit extractor reads of an article_line row
CREDIT_LINE_COLUMNS = ("article_id", "line_no", "reason", "text")
# the gated tables: articles (article_id, body, published_date, credited) and their lines
GATED = ("work.article", "work.article_line")
# the event fields that decide which events one event's merge can affect
GROUP_FIELDS = (
    "article_id",
    "event_type",
    "actor_names",
    "actor_labels",
    "actor_roles",
    "date_parts",
    "date_ref",
)
# raw_event_mention as kept between runs: each row's event and the merge group it was made in
EVENT_STATE = {
    **EVENT_SCHEMA,
    "cache_key": pl.String,
    "ordinal": pl.Int64,
    "merge_group": pl.String,
}
# events merged per batch when the merge runs again (bounds the Python objects held at once)
MERGE_BATCH = 5000
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
    kinds = ", ".join(f"'{k}'" for k in CREDIT_LINE_KINDS)
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
            where l.kind in ({kinds}) and l.reason in ({reasons})
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
    drop_tables(con, ["nlp_cache", *((*TABLES, *RAW_TABLES) if full_refresh else [])])
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
              and l.kind in (select unnest(?::varchar[]))
              and l.reason in (select unnest(?::varchar[]))
            order by l.article_id, l.line_no
            """,
            params=[ids, list(CREDIT_LINE_KINDS), list(CREDIT_LINE_REASONS)],
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


def _events(con: duckdb.DuckDBPyConnection, todo: str) -> list[dict]:
    """Return the current events listed in temp table `todo` (cache_key, ordinal) as the dicts
    the extractor made, sets restored, with their keys (`_key`, `_ordinal`)."""
    # a set-valued field (an article's shingles) is the same for most of an article's events:
    # each distinct value is read and made a frozenset once, and its events share it, instead
    # of one Python list of ints per event (hundreds of MB at 10,000 articles)
    plain = [f"t.{c}" for c in EVENT_FIELDS if c not in EVENT_SET_FIELDS]
    chosen = (
        f"from work.nlp_event as t inner join {todo} as k "
        "on k.cache_key = t.cache_key and k.ordinal = t.ordinal"
    )
    ids, values = [], []
    for n, field in enumerate(EVENT_SET_FIELDS):
        con.execute(
            f"""
            create or replace temp table _set_{n} as
            select row_number() over () as set_id, article_id, {field} as value from (
                select distinct t.article_id, t.{field} {chosen} where t.{field} is not null
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
        f"select t.cache_key as _key, t.ordinal as _ordinal, {', '.join(plain + ids)} {chosen} "
        "order by t.article_id, t.ordinal"
    ).to_arrow_table()
    events = rows.to_pylist()
    del rows
    for event in events:
        for n, field in enumerate(EVENT_SET_FIELDS):
            set_id = event.pop(f"_set_{n}")
            event[field] = None if set_id is None else values[n][set_id]
    return [{name: event[name] for name in ("_key", "_ordinal", *EVENT_FIELDS)} for event in events]


def _event_outlines(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Return every current event's keys and the fields that decide which events its merge can
    affect (see cross_article.merge_groups), in the extractor's order."""
    fields = ", ".join(f"t.{c}" for c in GROUP_FIELDS)
    return (
        con.sql(
            f"select t.cache_key as _key, t.ordinal as _ordinal, {fields} from work.nlp_event as t "
            "where t.cache_key in (select cache_key from _current) order by t.article_id, t.ordinal"
        )
        .to_arrow_table()
        .to_pylist()
    )


def _merge_state(con: duckdb.DuckDBPyConnection) -> bool:
    """Tell whether the kept raw_event_mention carries the merge groups it was made from."""
    return warehouse.table_exists(con, "raw_event_mention") and "merge_group" in {
        r[0]
        for r in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = ? and table_name = 'raw_event_mention'",
            [warehouse.WORK_SCHEMA],
        ).fetchall()
    }


def _merge_events(con: duckdb.DuckDBPyConnection, outlines: list[dict], version: str) -> int:
    """Rebuild work.raw_event_mention: kept rows for the merge groups whose input did not change,
    the merge run again, a batch of groups at a time, for the others; return events merged."""
    groups = merge_groups(outlines)
    # a group's merge reads its events (fixed by cache key and ordinal), their canonical
    # actors and the merge code
    members: dict[int, list[int]] = {}
    for i, group in enumerate(groups):
        members.setdefault(group, []).append(i)
    prints = {
        group: fingerprint(
            version,
            *sorted(
                f"{outlines[i]['_key']}:{outlines[i]['_ordinal']}:"
                + chr(30).join(outlines[i]["actor_names"])
                for i in rows
            ),
        )[:32]
        for group, rows in members.items()
    }
    # built by polars: pyarrow's own table-from-dict imports pandas (seconds, and the flow
    # process may need no pandas at all)
    current = pl.DataFrame(
        {
            "cache_key": [e["_key"] for e in outlines],
            "ordinal": [e["_ordinal"] for e in outlines],
            "merge_group": [prints[g] for g in groups],
        },
        schema={"cache_key": pl.String, "ordinal": pl.Int64, "merge_group": pl.String},
    )
    warehouse.write_temp_frame(con, "_groups_now", current)
    del current
    columns = ", ".join(f"r.{c}" for c in EVENT_STATE)
    if _merge_state(con):
        con.execute(
            f"""
            create or replace table {warehouse.WORK_SCHEMA}._raw_event_next as
            select {columns} from {warehouse.WORK_SCHEMA}.raw_event_mention as r
            inner join _groups_now as g
                on g.cache_key = r.cache_key and g.ordinal = r.ordinal
                and g.merge_group = r.merge_group
            """
        )
        kept = {
            r[0]
            for r in con.execute(
                f"select distinct merge_group from {warehouse.WORK_SCHEMA}._raw_event_next"
            ).fetchall()
        }
    else:
        warehouse.write_frame(con, "_raw_event_next", frame([], EVENT_STATE))
        kept = set()
    todo = [g for g in sorted(members, key=lambda g: members[g][0]) if prints[g] not in kept]
    merged = 0
    for batch in _group_batches(todo, members):
        chosen = [i for g in batch for i in members[g]]
        merged += len(chosen)
        _merge_batch(con, outlines, chosen, groups, prints)
    con.execute(
        f"create or replace table {warehouse.WORK_SCHEMA}.raw_event_mention as "
        f"select * from {warehouse.WORK_SCHEMA}._raw_event_next order by article_id, ordinal"
    )
    con.execute(f"drop table {warehouse.WORK_SCHEMA}._raw_event_next")
    return merged


def _group_batches(todo: list[int], members: dict[int, list[int]]) -> Iterator[list[int]]:
    """Yield the groups to merge again in batches of about MERGE_BATCH events (flat memory)."""
    batch: list[int] = []
    size = 0
    for group in todo:
        if batch and size + len(members[group]) > MERGE_BATCH:
            yield batch
            batch, size = [], 0
        batch.append(group)
        size += len(members[group])
    if batch:
        yield batch


def _merge_batch(
    con: duckdb.DuckDBPyConnection,
    outlines: list[dict],
    chosen: list[int],
    groups: list[int],
    prints: dict[int, str],
) -> None:
    """Merge the events at `chosen` and append their rows to the next raw_event_mention."""
    wanted = sorted(chosen)
    keys = pl.DataFrame(
        {
            "cache_key": [outlines[i]["_key"] for i in wanted],
            "ordinal": [outlines[i]["_ordinal"] for i in wanted],
        },
        schema={"cache_key": pl.String, "ordinal": pl.Int64},
    )
    warehouse.write_temp_frame(con, "_todo", keys)
    events = _events(con, "_todo")
    by_key = {(outlines[i]["_key"], outlines[i]["_ordinal"]): i for i in wanted}
    for event in events:
        event["actor_names"] = outlines[by_key[(event["_key"], event["_ordinal"])]]["actor_names"]
    events = merge(events)
    rows = []
    for event in events:
        key = (event["_key"], event["_ordinal"])
        event["cache_key"], event["ordinal"] = key
        event["merge_group"] = prints[groups[by_key[key]]]
        rows.append(event)
    warehouse.append_frame(con, "_raw_event_next", frame(rows, EVENT_STATE))


def _resolve_and_write(con: duckdb.DuckDBPyConnection, version: str) -> None:
    """Run the cross-article step over the kept annotations of the current articles and write
    the raw tables the stage's SQL reads: names and speakers over every article, the event
    merge again only for the events a changed article can affect."""
    mentions = pl.from_arrow(_select(con, "nlp_mention", MENTION_SCHEMA, "t.article_id, t.ordinal"))
    credits = pl.from_arrow(
        _select(con, "nlp_credit", CREDIT_SCHEMA, "t.line_no is null, t.article_id, t.ordinal")
    )
    quotes = _select(con, "nlp_quote", QUOTE_SCHEMA, "t.article_id, t.ordinal").to_pylist()
    with progress.timed("names and speakers"):
        mention_frame, credit_frame, canonical = resolve_names(
            mentions.cast(MENTION_SCHEMA), credits.cast(CREDIT_SCHEMA), quotes
        )
    del mentions, credits
    with progress.timed("event merge"):
        outlines = _event_outlines(con)
        for event in outlines:
            canonical_actors(event, canonical)
        _merge_events(con, outlines, version)
    tables = {
        "raw_entity_mention": mention_frame,
        "raw_entity_credit": credit_frame,
        "raw_entity_implied": implied_actors(outlines, mention_frame, credit_frame),
        "raw_quote": frame(quotes, QUOTE_SCHEMA),
    }
    for name, table in tables.items():
        warehouse.write_frame(con, name, table)


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
        version = cross_article_version()
        current = fingerprint(version, *keys)
        kept = all(warehouse.table_exists(con, name) for name in RAW_TABLES)
        if not kept or stored_fingerprint(con, CROSS_ARTICLE_STEP) != current:
            store_fingerprint(con, CROSS_ARTICLE_STEP, None)
            _resolve_and_write(con, version)
            store_fingerprint(con, CROSS_ARTICLE_STEP, current)
        with progress.timed("tables"):
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
    with progress.timed("annotating"):
        if pool.join_ahead(AHEAD):
            # what was annotated ahead is kept: a full refresh already started from nothing
            full_refresh = False
        with annotation(settings, run_id, full_refresh) as job:
            run_job(pool, job)
    return resolve_annotations(settings, run_id)
