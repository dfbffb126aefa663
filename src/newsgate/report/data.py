"""What the report shows, read through the warehouse's own functions: the current publication's
tables (for the charts) and the working database's run history (for the gates and quarantine)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import NothingPublishedError
from newsgate.publish import current_publication

HISTORY_RUNS = 20
TOP_SPEAKERS = 15
TOP_ENTITIES = 20
MAX_EVENTS = 2000
MAX_ROWS = 500
SAMPLE_VALUES = 5


@dataclass
class PublishedData:
    """The frames behind the charts, from one publication, with what each chart leaves out."""

    run_id: str | None
    events: pl.DataFrame
    undated_events: int
    quotes: pl.DataFrame
    unnamed_quotes: int
    cooccurrence: pl.DataFrame
    articles: pl.DataFrame
    undated_articles: int
    file_outcomes: pl.DataFrame = field(default_factory=pl.DataFrame)


def _published_connection(folder: Path) -> duckdb.DuckDBPyConnection:
    """Return an in-memory connection with one view per published table of `folder`."""
    con = duckdb.connect()
    for parquet in sorted(folder.glob("*.parquet")):
        path = parquet.as_posix().replace("'", "''")
        con.execute(f"create view \"{parquet.stem}\" as select * from read_parquet('{path}')")
    return con


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    return con.sql(sql, params=params).pl() if params else con.sql(sql).pl()


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def read_published(settings: Settings) -> PublishedData | None:
    """Return the current publication's chart data, or None when nothing is published yet."""
    try:
        folder = current_publication(settings)
    except NothingPublishedError:
        return None
    con = _published_connection(folder)
    try:
        run_ids = con.execute("select distinct run_id from article limit 1").fetchall()
        events = _frame(
            con,
            f"""
            select event_id, event_type, cast(event_date as varchar) as event_date,
                   date_precision, article_count, source_count, coalesce(place, '') as place,
                   coalesce(summary, '') as summary,
                   array_to_string(actor_names, ', ') as actors
            from event where event_date is not null
            order by article_count desc, event_date, event_id limit {MAX_EVENTS}
            """,
        )
        quotes = _frame(
            con,
            f"""
            with named as (
                select q.speaker_name as speaker, coalesce(a.outlet, '(outlet unknown)') as outlet
                from quote q join article a using (article_id)
                where q.speaker_name is not null
            ),
            top as (
                select speaker from named group by speaker
                order by count(*) desc, speaker limit {TOP_SPEAKERS}
            )
            select speaker, outlet, count(*) as quotes
            from named where speaker in (select speaker from top)
            group by speaker, outlet order by speaker, outlet
            """,
        )
        cooccurrence = _frame(
            con,
            f"""
            with top as (
                select entity_id, name, label, article_count from entity
                where label in ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP')
                order by article_count desc, mention_count desc, name limit {TOP_ENTITIES}
            ),
            seen as (
                select distinct m.article_id, t.entity_id, t.name, t.label, t.article_count
                from entity_mention m join top t using (entity_id)
            )
            select a.name as entity, a.label as entity_label, b.name as other,
                   b.label as other_label, count(*) as articles,
                   a.article_count as entity_articles, b.article_count as other_articles
            from seen a join seen b on a.article_id = b.article_id and a.entity_id <> b.entity_id
            group by all order by articles desc, entity, other
            """,
        )
        articles = _frame(
            con,
            """
            select coalesce(outlet, '(outlet unknown)') as outlet,
                   cast(published_date as varchar) as day, count(*) as articles
            from article where published_date is not null
            group by all order by day, outlet
            """,
        )
        file_outcomes = _frame(
            con,
            "select outcome, count(*) as files from file_outcome group by all order by files desc",
        )
        return PublishedData(
            run_id=run_ids[0][0] if run_ids else folder.name,
            events=events,
            undated_events=_count(con, "select count(*) from event where event_date is null"),
            quotes=quotes,
            unnamed_quotes=_count(con, "select count(*) from quote where speaker_name is null"),
            cooccurrence=cooccurrence,
            articles=articles,
            undated_articles=_count(
                con, "select count(*) from article where published_date is null"
            ),
            file_outcomes=file_outcomes,
        )
    finally:
        con.close()


@dataclass
class RunHistory:
    """The working database's record of this run and the runs before it."""

    runs: list[str]
    results: pl.DataFrame
    quarantine: pl.DataFrame
    samples: dict[tuple[str, int], list[str]]


def _samples(blobs: list[tuple[str, str]], failed: set[tuple[str, int]]) -> dict:
    """Return a few unexpected values per failed expectation, from GX's stored result JSON."""
    samples = {}
    for suite, blob in blobs:
        try:
            results = json.loads(blob).get("results") or []
        except (TypeError, ValueError):
            continue
        for index, item in enumerate(results):
            if (suite, index) not in failed:
                continue
            found = (item.get("result") or {}).get("partial_unexpected_list") or []
            samples[(suite, index)] = [
                json.dumps(value, default=str, ensure_ascii=False)[:120]
                for value in found[:SAMPLE_VALUES]
            ]
    return samples


def read_history(settings: Settings, run_id: str) -> RunHistory:
    """Return the last runs' expectation results, this run's quarantine and failure samples."""
    con = warehouse.connect(settings)
    try:
        if warehouse.table_exists(con, "raw_validation_result"):
            runs = [
                r[0]
                for r in con.execute(
                    "select run_id from (select distinct run_id from work.raw_validation_result) "
                    "order by run_id desc limit ?",
                    [HISTORY_RUNS],
                ).fetchall()
            ]
            results = _frame(
                con,
                """
                select run_id, suite, expectation_index, expectation, severity, success,
                       unexpected_count, action, description, column_name
                from work.raw_validation_result
                where run_id in (select unnest(?::varchar[]))
                order by run_id, suite, expectation_index
                """,
                [runs],
            )
        else:
            runs, results = [], pl.DataFrame()
        quarantine = (
            _frame(
                con,
                f"""select stage, reason, source_path, detail from work.raw_quarantine
                    order by stage, reason, source_path limit {MAX_ROWS}""",
            )
            if warehouse.table_exists(con, "raw_quarantine")
            else pl.DataFrame()
        )
        blobs = (
            con.execute(
                "select suite, result_json from work.raw_validation_json where run_id = ?",
                [run_id],
            ).fetchall()
            if warehouse.table_exists(con, "raw_validation_json")
            else []
        )
    finally:
        con.close()
    failed = set()
    if not results.is_empty():
        failed = {
            (s, i)
            for s, i in results.filter((pl.col("run_id") == run_id) & ~pl.col("success"))
            .select("suite", "expectation_index")
            .iter_rows()
        }
    return RunHistory(
        runs=sorted(runs), results=results, quarantine=quarantine, samples=_samples(blobs, failed)
    )
