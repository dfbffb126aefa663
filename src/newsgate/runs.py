"""Run identifiers and the per-run quarantine log shared by every stage."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import duckdb
import polars as pl

from newsgate.warehouse import append_frame, write_frame

QUARANTINE_SCHEMA = {
    "source_path": pl.String,
    "doc_id": pl.String,
    "stage": pl.String,
    "reason": pl.String,
    "detail": pl.String,
    "run_id": pl.String,
}


def new_run_id() -> str:
    """Return a run id that sorts by start time: UTC timestamp plus a random suffix."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def reset_quarantine(con: duckdb.DuckDBPyConnection) -> None:
    """Empty work.raw_quarantine so it holds only the current run's rejects."""
    write_frame(con, "raw_quarantine", pl.DataFrame(schema=QUARANTINE_SCHEMA))


def add_quarantine(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Append rejected files or rows (dicts with the quarantine columns) and return how many."""
    if not rows:
        return 0
    return append_frame(con, "raw_quarantine", pl.DataFrame(rows, schema=QUARANTINE_SCHEMA))
