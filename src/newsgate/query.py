"""Read-only SQL over the published tables, for analysts."""

from __future__ import annotations

import duckdb
import polars as pl

from newsgate.config import Settings
from newsgate.errors import SqlError, SqlRefusedError
from newsgate.publish import create_views, current_publication

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
