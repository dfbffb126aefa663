"""Read-only SQL over the published tables, for analysts, confined by the engine itself.

The query runs in an in-memory DuckDB that may touch no file at all
(`enable_external_access=false`, no allowed directories, extension auto-install and auto-load
off, no spilling, configuration locked). The publication's Parquet files are handed to it as
Arrow datasets opened here, so the only files a query can read are the current publication's,
and none can be written. Only a plain SELECT, or an EXPLAIN of one, is run (by parsed statement
type); a timer interrupts a query that runs past the timeout.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds

from newsgate.config import SQL_DIR, Settings
from newsgate.errors import (
    SqlError,
    SqlMemoryError,
    SqlRefusedError,
    SqlTimeoutError,
    UnknownAnalysisError,
)
from newsgate.publish import current_publication
from newsgate.tables import published_tables

ANALYSES_DIR = SQL_DIR / "analyses"
_ANALYSIS_NAME = re.compile(r"[a-z0-9_]+")
# EXPLAIN [ANALYZE] [(options)] <statement>: the statement it explains must be a SELECT too
_EXPLAIN_PREFIX = re.compile(r"\s*explain\s+(?:analy[sz]e\s+)?(?:\([^()]*\)\s*)?", re.IGNORECASE)
_LOCKED_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
    "python_enable_replacements": False,
    "temp_directory": "",
}


def check_statements(query: str) -> list[str]:
    """Return the statements of `query` after checking each is a plain SELECT or an EXPLAIN of
    one; raise SqlRefusedError otherwise."""
    statements = _parse(query)
    if not statements:
        raise SqlError("the query is empty")
    for statement in statements:
        kind = statement.type
        if kind == duckdb.StatementType.EXPLAIN:
            match = _EXPLAIN_PREFIX.match(statement.query)
            inner = _parse(statement.query[match.end() :]) if match else []
            if len(inner) != 1 or inner[0].type != duckdb.StatementType.SELECT:
                shown = inner[0].type.name if len(inner) == 1 else "a statement"
                raise SqlRefusedError(
                    f"EXPLAIN of {shown} is refused: only SELECT queries are answered (read-only)"
                )
        elif kind != duckdb.StatementType.SELECT:
            raise SqlRefusedError(
                f"only SELECT queries are answered; {kind.name} is refused (read-only)"
            )
    return [statement.query for statement in statements]


def _parse(query: str) -> list:
    try:
        return duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise SqlError(f"cannot parse query: {str(exc).splitlines()[0]}") from exc


def confined_connection(settings: Settings, publication: Path) -> duckdb.DuckDBPyConnection:
    """Return an in-memory DuckDB that sees the publication's tables and can open no file."""
    config = dict(_LOCKED_CONFIG, memory_limit=settings.sql_memory_limit)
    con = duckdb.connect(":memory:", config=config)
    try:
        for table in published_tables():
            # opened by pyarrow here; DuckDB scans the dataset lazily (projection, filters)
            path = publication / f"{table.name}.parquet"
            try:
                dataset = ds.dataset(path, format="parquet")
            except (OSError, pa.ArrowException) as exc:
                raise SqlError(
                    f"publication {publication.name} cannot serve {path.name}: {exc}"
                ) from exc
            con.register(table.name, dataset)
        con.execute("set lock_configuration = true")
    except Exception:
        con.close()
        raise
    return con


def run_query(settings: Settings, query: str, timeout: float | None = None) -> pl.DataFrame:
    """Return the result of a read-only query over the current publication."""
    publication = current_publication(settings)
    statements = check_statements(query)
    limit = timeout if timeout is not None else settings.sql_timeout
    con = confined_connection(settings, publication)
    timer = threading.Timer(limit, con.interrupt)
    timer.daemon = True
    timer.start()
    try:
        for statement in statements[:-1]:
            con.execute(statement).fetchall()
        return con.sql(statements[-1]).pl()
    except duckdb.PermissionException as exc:
        raise SqlRefusedError(
            f"refused by the engine: {str(exc).splitlines()[0]} (queries read only the "
            "published tables)"
        ) from exc
    except duckdb.InterruptException as exc:
        raise SqlTimeoutError(
            f"query stopped after the {limit:g} s timeout (raise it with --timeout)"
        ) from exc
    except duckdb.OutOfMemoryException as exc:
        raise SqlMemoryError(
            f"query needs more than the memory limit of {settings.sql_memory_limit} "
            "(NEWSGATE_SQL_MEMORY_LIMIT)"
        ) from exc
    except duckdb.Error as exc:
        if timer.finished.is_set() and not timer.is_alive():
            raise SqlTimeoutError(f"query stopped after the {limit:g} s timeout") from exc
        raise SqlError(str(exc).splitlines()[0]) from exc
    finally:
        timer.cancel()
        con.close()


def list_analyses() -> dict[str, str]:
    """Return the named analyses in sql/analyses/ with the first line of each file's comment."""
    return {
        path.stem: path.read_text(encoding="utf-8").splitlines()[0].lstrip("- ")
        for path in sorted(ANALYSES_DIR.glob("*.sql"))
    }


def run_analysis(settings: Settings, name: str, timeout: float | None = None) -> pl.DataFrame:
    """Return the result of the named analysis sql/analyses/<name>.sql."""
    known = list_analyses()
    if not _ANALYSIS_NAME.fullmatch(name) or name not in known:
        raise UnknownAnalysisError(
            f"no analysis named {name!r}; known: {', '.join(known)} (names only, never paths)"
        )
    return run_query(settings, (ANALYSES_DIR / f"{name}.sql").read_text(encoding="utf-8"), timeout)
