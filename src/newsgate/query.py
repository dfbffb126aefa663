"""Read-only SQL over the published tables, for analysts."""

from __future__ import annotations

import duckdb
import polars as pl

from newsgate.config import SQL_DIR, Settings
from newsgate.errors import SqlError, SqlRefusedError
from newsgate.publish import create_views, current_publication

ANALYSES_DIR = SQL_DIR / "analyses"
_ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


def run_query(settings: Settings, query: str) -> pl.DataFrame:
    """Return the result of a read-only query over the current publication's views."""
    current_publication(settings)
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise SqlError(f"cannot parse query: {exc}") from exc
    for statement in statements:
        if statement.type not in _ALLOWED:
            raise SqlRefusedError(
                f"only SELECT queries are answered; {statement.type.name} is refused (read-only)"
            )
    con = duckdb.connect(":memory:")
    try:
        create_views(con, settings)
        return con.sql(query).pl()
    except duckdb.Error as exc:
        raise SqlError(str(exc).splitlines()[0]) from exc
    finally:
        con.close()


def list_analyses() -> dict[str, str]:
    """Return the named analyses in sql/analyses/ with the first line of each file's comment."""
    return {
        path.stem: path.read_text(encoding="utf-8").splitlines()[0].lstrip("- ")
        for path in sorted(ANALYSES_DIR.glob("*.sql"))
    }


def run_analysis(settings: Settings, name: str) -> pl.DataFrame:
    """Return the result of the named analysis sql/analyses/<name>.sql."""
    path = ANALYSES_DIR / f"{name}.sql"
    if not path.is_file():
        raise SqlError(f"no analysis named {name!r}; known: {', '.join(list_analyses())}")
    return run_query(settings, path.read_text(encoding="utf-8"))
