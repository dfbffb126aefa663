"""The article stage's plumbing: parse only the documents this article code has not parsed
before (in batches, on the worker pool), keep what was parsed in the warehouse, and build the
stage's tables. The parsing rules themselves are `newsgate.articles`.

Parsing a document reads one thing beyond its own text: the short lines that recur across the
corpus (`articles.common_lines`), of which only those among the document's own lines matter.
Kept between runs, keyed by doc_id, the article code's version and that context (a hash of the
recurring lines the document contains):
- work.article_parsed: one row per document, its article fields or why it is not an article;
- work.article_parsed_line: every line of those documents with its decision;
- work.article_line_key: each document's lines that count towards recurring (read once per
  document and code version, so new documents cost only their own lines);
- work.article_context: each current document's context; work.article_common: the recurring
  lines, recounted in SQL from work.article_line_key only when the set of current documents
  changes — a document is parsed again only when a line it contains starts or stops recurring;
- work.article_near_duplicate: the near-duplicate flags, recomputed only when the current
  articles change (the fingerprints in work.stage_state say what they were computed for).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl
import pyarrow as pa

from newsgate import progress, warehouse
from newsgate.articles import (
    ARTICLE_SCHEMA,
    LINE_SCHEMA,
    document_rows,
    flag_near_duplicates,
    recurring_candidates,
)
from newsgate.boilerplate import CORPUS_REPEAT_DOCS
from newsgate.config import Settings
from newsgate.errors import StageCacheError
from newsgate.runs import add_quarantine
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

STAGE = "article"
PARSED = "article_parsed"
PARSED_LINES = "article_parsed_line"
NEAR_DUPLICATES = "article_near_duplicate"
CONTEXTS = "article_context"
COMMON = "article_common"
LINE_KEYS = "article_line_key"
# the key under which parsing runs ahead of the ingest gate (build_articles joins it)
AHEAD = "article"
NEAR_DUPLICATE_STEP = "article.near_duplicates"
COMMON_STEP = "article.common_lines"
# documents whose texts are read from the warehouse at once (flat memory)
TEXT_CHUNK = 500
# the article columns only a look across all articles can fill
CROSS_ARTICLE = ("duplicate_of_doc_id", "similarity")

PARSED_SCHEMA = {
    "version": pl.String,
    "context": pl.String,
    **{name: dtype for name, dtype in ARTICLE_SCHEMA.items() if name not in CROSS_ARTICLE},
    "reject_reason": pl.String,
    "reject_detail": pl.String,
    "parsed_run_id": pl.String,
}
PARSED_LINE_SCHEMA = {"version": pl.String, "context": pl.String, **LINE_SCHEMA}
CONTEXT_SCHEMA = {"doc_id": pl.String, "context": pl.String}
# line is null on the one row that marks a document read even when none of its lines counts
LINE_KEY_SCHEMA = {"version": pl.String, "doc_id": pl.String, "line": pl.String}
COMMON_SCHEMA = {"line": pl.String}
NEAR_DUPLICATE_SCHEMA = {
    "doc_id": pl.String,
    **{name: ARTICLE_SCHEMA[name] for name in CROSS_ARTICLE},
}


def article_version() -> str:
    """Return the version of the article code: parsed rows of another version are stale."""
    return code_version(("newsgate.articles", "newsgate.article_stage"))


def _arrow(rows: list[dict], schema: dict) -> pa.Table:
    return pl.DataFrame(rows, schema=schema).to_arrow()


def _empty(schema: dict) -> pa.Schema:
    return pl.DataFrame(schema=schema).to_arrow().schema


def context_of(lines: frozenset[str]) -> str:
    """Return a document's context: a hash of the recurring lines it contains ("" for none)."""
    # the SQL in _common computes the same hash; this one is for tests and callers outside
    return fingerprint(*sorted(lines))[:16] if lines else ""


def parse_batch(
    documents: list[tuple[str, str, frozenset[str], str]], version: str, run_id: str
) -> dict[str, pa.Table]:
    """Return the parsed rows and line rows of a batch of (doc_id, text, recurring lines it
    contains, context), as Arrow tables."""
    parsed, lines = [], []
    for doc_id, text, common, context in documents:
        rows = document_rows(doc_id, text, common)
        row = {k: v for k, v in (rows.article or {"doc_id": doc_id}).items()}
        for name in CROSS_ARTICLE:
            row.pop(name, None)
        row.update(
            version=version,
            context=context,
            reject_reason=rows.reject_reason,
            reject_detail=rows.reject_detail,
            parsed_run_id=run_id,
        )
        parsed.append(row)
        lines.extend({**line, "version": version, "context": context} for line in rows.lines)
    return {PARSED: _arrow(parsed, PARSED_SCHEMA), PARSED_LINES: _arrow(lines, PARSED_LINE_SCHEMA)}


def _prepare(con: duckdb.DuckDBPyConnection, full_refresh: bool) -> None:
    tables = {
        PARSED: PARSED_SCHEMA,
        PARSED_LINES: PARSED_LINE_SCHEMA,
        NEAR_DUPLICATES: NEAR_DUPLICATE_SCHEMA,
        CONTEXTS: CONTEXT_SCHEMA,
        COMMON: COMMON_SCHEMA,
        LINE_KEYS: LINE_KEY_SCHEMA,
    }
    if full_refresh or _outdated(con, tables):
        drop_tables(con, list(tables))
        store_fingerprint(con, NEAR_DUPLICATE_STEP, None)
        store_fingerprint(con, COMMON_STEP, None)
    create_empty(con, {name: _empty(schema) for name, schema in tables.items()})


def _outdated(con: duckdb.DuckDBPyConnection, tables: dict[str, dict]) -> bool:
    """Tell whether a kept table lacks a column this code writes (kept by an older version)."""
    for name, schema in tables.items():
        found = {
            r[0]
            for r in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'work' and table_name = ?",
                [name],
            ).fetchall()
        }
        if found and not set(schema) <= found:
            return True
    return False


def _read_line_keys(con: duckdb.DuckDBPyConnection, version: str) -> None:
    """Keep the recurring-line candidates of every current document not read by this code."""
    con.execute(
        f"delete from work.{LINE_KEYS} as k where k.version <> ? "
        "or not exists (select 1 from work.document as d where d.doc_id = k.doc_id)",
        [version],
    )
    unread = [
        r[0]
        for r in con.execute(
            f"select d.doc_id from work.document as d anti join work.{LINE_KEYS} as k "
            "on k.doc_id = d.doc_id order by d.doc_id"
        ).fetchall()
    ]
    # a chunk of texts at a time (flat memory)
    for start in range(0, len(unread), TEXT_CHUNK):
        texts = con.execute(
            "select doc_id, text from work.document "
            "where doc_id in (select unnest(?::varchar[])) order by doc_id",
            [unread[start : start + TEXT_CHUNK]],
        ).fetchall()
        rows: list[tuple[str, str, str | None]] = []
        for doc_id, text in texts:
            rows.append((version, doc_id, None))
            rows.extend((version, doc_id, line) for line in recurring_candidates(text or ""))
        _append_line_keys(con, rows)


def _append_line_keys(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> None:
    if rows:
        frame = pl.DataFrame(rows, schema=LINE_KEY_SCHEMA, orient="row")
        append_tables(con, {LINE_KEYS: frame.to_arrow()})


def _common(con: duckdb.DuckDBPyConnection, version: str) -> None:
    """Make sure work.article_common holds the lines that recur across the current documents
    and work.article_context each current document's context; both are recounted only when
    the set of current documents (or the code) changed."""
    ids = [r[0] for r in con.execute("select doc_id from work.document order by 1").fetchall()]
    current = fingerprint(version, *ids)
    if stored_fingerprint(con, COMMON_STEP) == current:
        return
    store_fingerprint(con, COMMON_STEP, None)
    _read_line_keys(con, version)
    con.execute(
        f"""
        create or replace table work.{COMMON} as
        select line from work.{LINE_KEYS}
        where line is not null
        group by line having count(*) >= {int(CORPUS_REPEAT_DOCS)}
        order by line
        """
    )
    # the hash of context_of: sha256 over each line followed by chr(31), in code-point order
    con.execute(
        f"""
        create or replace table work.{CONTEXTS} as
        select d.doc_id, coalesce(c.context, '') as context
        from work.document as d
        left join (
            select k.doc_id,
                substr(sha256(string_agg(k.line || chr(31), '' order by k.line)), 1, 16) as context
            from work.{LINE_KEYS} as k semi join work.{COMMON} as m on m.line = k.line
            group by k.doc_id
        ) as c on c.doc_id = d.doc_id
        order by d.doc_id
        """
    )
    store_fingerprint(con, COMMON_STEP, current)


def _recurring_in(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, frozenset[str]]:
    """Return the recurring lines each of `doc_ids` contains (what its parse may look up)."""
    rows = con.execute(
        f"""
        select k.doc_id, k.line from work.{LINE_KEYS} as k
        semi join work.{COMMON} as m on m.line = k.line
        where k.doc_id in (select unnest(?::varchar[]))
        """,
        [doc_ids],
    ).fetchall()
    found: dict[str, set[str]] = {}
    for doc_id, line in rows:
        found.setdefault(doc_id, set()).add(line)
    return {doc_id: frozenset(lines) for doc_id, lines in found.items()}


def _unparsed(con: duckdb.DuckDBPyConnection, version: str) -> list[str]:
    """Return the current documents not parsed by this article code in their context."""
    rows = con.execute(
        f"""
        select c.doc_id from work.{CONTEXTS} as c
        where not exists (
            select 1 from work.{PARSED} as p
            where p.doc_id = c.doc_id and p.version = ? and p.context = c.context
        )
        order by c.doc_id
        """,
        [version],
    ).fetchall()
    return [r[0] for r in rows]


@contextmanager
def parsing(settings: Settings, run_id: str, full_refresh: bool = False) -> Iterator[BatchJob]:
    """Yield the job that parses every document that needs it; results are stored as they come."""
    version = article_version()
    con = warehouse.connect(settings)
    try:
        _prepare(con, full_refresh)
        _common(con, version)
        todo = _unparsed(con, version)
        planned = split_batches(todo)

        def payloads() -> Iterator[tuple]:
            for doc_ids in planned:
                documents = con.execute(
                    f"select d.doc_id, d.text, c.context from work.document as d "
                    f"inner join work.{CONTEXTS} as c on c.doc_id = d.doc_id "
                    "where d.doc_id in (select unnest(?::varchar[])) order by d.doc_id",
                    [doc_ids],
                ).fetchall()
                recurring = _recurring_in(con, doc_ids)
                batch = [(d, t or "", recurring.get(d, frozenset()), c) for d, t, c in documents]
                yield batch, version, run_id

        yield BatchJob(
            work=parse_batch,
            payloads=payloads(),
            store=lambda tables: append_tables(con, tables),
            sizes=[len(batch) for batch in planned],
            desc="articles",
            unit="document",
        )
    finally:
        con.close()


def _forget_stale(con: duckdb.DuckDBPyConnection, version: str) -> None:
    """Drop parsed rows of other code versions, of other contexts and of documents that are no
    longer current."""
    for name in (PARSED, PARSED_LINES):
        con.execute(
            f"""
            delete from work.{name} as t
            where t.version <> ? or not exists (
                select 1 from work.{CONTEXTS} as c
                where c.doc_id = t.doc_id and c.context = t.context
            )
            """,
            [version],
        )


def _near_duplicates(con: duckdb.DuckDBPyConnection, version: str) -> None:
    """Flag near-duplicates across current articles unless they were flagged for this very set."""
    ids = con.execute(
        f"select doc_id || ':' || context from work.{PARSED} "
        "where reject_reason is null order by doc_id"
    ).fetchall()
    current = fingerprint(version, *(r[0] for r in ids))
    if stored_fingerprint(con, NEAR_DUPLICATE_STEP) == current:
        return
    columns = ", ".join(
        f"p.{name}" if name not in CROSS_ARTICLE else f"null as {name}" for name in ARTICLE_SCHEMA
    )
    articles = (
        con.sql(
            f"select {columns} from work.{PARSED} as p "
            "inner join work.document as d on d.doc_id = p.doc_id "
            "where p.reject_reason is null order by d.source_path"
        )
        .pl()
        .to_dicts()
    )
    flagged = [
        {"doc_id": a["doc_id"], **{name: a[name] for name in CROSS_ARTICLE}}
        for a in flag_near_duplicates(articles)
        if a["duplicate_of_doc_id"] is not None
    ]
    warehouse.write_frame(con, NEAR_DUPLICATES, pl.DataFrame(flagged, schema=NEAR_DUPLICATE_SCHEMA))
    store_fingerprint(con, NEAR_DUPLICATE_STEP, current)


def _quarantine_rejects(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    rejects = con.execute(
        f"""
        select d.source_path, p.doc_id, p.reject_reason, p.reject_detail
        from work.{PARSED} as p inner join work.document as d on d.doc_id = p.doc_id
        where p.reject_reason is not null order by d.source_path
        """
    ).fetchall()
    add_quarantine(
        con,
        [
            {
                "source_path": path,
                "doc_id": doc_id,
                "stage": STAGE,
                "reason": reason,
                "detail": detail,
                "run_id": run_id,
            }
            for path, doc_id, reason, detail in rejects
        ],
    )


def finish_articles(settings: Settings, run_id: str) -> dict[str, int]:
    """Build work.raw_article and raw_article_line from the parsed documents, flag
    near-duplicates, quarantine non-articles and build the stage's tables; return row counts."""
    version = article_version()
    con = warehouse.connect(settings)
    try:
        _prepare(con, full_refresh=False)
        _forget_stale(con, version)
        missing = len(_unparsed(con, version))
        if missing:
            raise StageCacheError(f"{missing} current documents were not parsed before finishing")
        with progress.timed("near-duplicates"):
            _near_duplicates(con, version)
        columns = ", ".join(
            f"p.{name}" if name not in CROSS_ARTICLE else f"n.{name}" for name in ARTICLE_SCHEMA
        )
        con.execute(
            f"""
            create or replace table work.raw_article as
            select {columns} from work.{PARSED} as p
            left join work.{NEAR_DUPLICATES} as n on n.doc_id = p.doc_id
            where p.reject_reason is null
            order by p.doc_id
            """
        )
        con.execute(
            f"create or replace table work.raw_article_line as "
            f"select {', '.join(LINE_SCHEMA)} from work.{PARSED_LINES} order by doc_id, line_no"
        )
        _quarantine_rejects(con, run_id)
        with progress.timed("tables"):
            return {t.name: warehouse.build_table(con, t, run_id) for t in stage_tables(STAGE)}
    finally:
        con.close()


def _parser(pool: Pool, job: BatchJob) -> Pool:
    """Return where `job` is parsed: one batch or less (a run adding a few documents) in this
    process, since the workers may still be loading the NLP pipeline, which parsing does not
    need (measured: a +1% run waited longer for them than for the ingest gate); else `pool`."""
    return InlinePool() if job.batches <= 1 else pool


def parse_ahead(settings: Settings, run_id: str, full_refresh: bool, pool: Pool) -> None:
    """Start parsing the ingested documents on a thread (build_articles joins it), so the
    workers parse while this process runs the ingest gate."""

    def work() -> None:
        with parsing(settings, run_id, full_refresh) as job:
            run_job(_parser(pool, job), job)

    # one connection stays open until the work is joined (see nlp.stage.annotate_ahead)
    keeper = warehouse.connect(settings)
    pool.run_ahead(AHEAD, work, cleanup=keeper.close)


def parsed_source() -> tuple[str, str]:
    """Return SQL relations of the current parsed articles (article_id, body, published_date,
    credited) and of their lines (article_id, line_no, kind, reason, text), shaped as the
    article and article_line tables the gate will see, for work that starts before the gate."""
    version = article_version().replace("'", "''")
    # article_id is the first 16 hex digits of doc_id, as sql/article.sql makes it
    articles = f"""(
        select substr(p.doc_id, 1, 16) as article_id, p.body, p.published_date, p.credited
        from work.{PARSED} as p
        inner join work.{CONTEXTS} as c on c.doc_id = p.doc_id and c.context = p.context
        where p.version = '{version}' and p.reject_reason is null
    )"""
    lines = f"""(
        select substr(l.doc_id, 1, 16) as article_id, l.line_no, l.kind, l.reason, l.text
        from work.{PARSED_LINES} as l
        inner join work.{CONTEXTS} as c on c.doc_id = l.doc_id and c.context = l.context
        where l.version = '{version}'
    )"""
    return articles, lines


def parsed_in_run(settings: Settings, run_id: str) -> int:
    """Return how many documents run `run_id` parsed (the rest came from the cache)."""
    con = warehouse.connect(settings)
    try:
        if not warehouse.table_exists(con, PARSED):
            return 0
        rows = con.execute(
            f"select count(*) from work.{PARSED} where parsed_run_id = ?", [run_id]
        ).fetchall()
        return rows[0][0]
    finally:
        con.close()


def build_articles(
    settings: Settings, run_id: str, full_refresh: bool = False, pool: Pool | None = None
) -> dict[str, int]:
    """Parse what needs parsing on `pool` (default: this process) and build the stage's tables;
    return their row counts."""
    pool = pool or InlinePool()
    with progress.timed("parsing"):
        if pool.join_ahead(AHEAD):
            # what was parsed ahead is kept: a full refresh already started from nothing
            full_refresh = False
        with parsing(settings, run_id, full_refresh) as job:
            run_job(_parser(pool, job), job)
    # what waits for parsed articles can start now (the NLP, while near-duplicates are flagged)
    pool.stage_done(STAGE)
    return finish_articles(settings, run_id)
