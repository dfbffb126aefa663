"""The DuckDB warehouse: connections, the run lock, and building tables from sql/ files."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl

from newsgate.config import Settings
from newsgate.errors import WarehouseBusyError, WarehouseCorruptError
from newsgate.tables import Table

WORK_SCHEMA = "work"


def _adopt_legacy_database(settings: Settings) -> None:
    """Move a working database left at the catalog's name by older versions to its own name."""
    legacy = settings.catalog_path
    if legacy.is_symlink() or not legacy.is_file() or settings.database_path.exists():
        return
    os.rename(legacy, settings.database_path)
    wal = legacy.with_name(legacy.name + ".wal")
    if wal.is_file():
        os.rename(wal, settings.database_path.with_name(settings.database_path.name + ".wal"))


def connect(settings: Settings, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Return a connection to the pipeline's working database, with the work schema present."""
    settings.warehouse_dir.mkdir(parents=True, exist_ok=True)
    _adopt_legacy_database(settings)
    try:
        con = duckdb.connect(str(settings.database_path), read_only=read_only)
    except duckdb.Error as exc:
        message = str(exc).splitlines()[0]
        if "lock" in message.lower():
            raise WarehouseBusyError(
                f"warehouse {settings.database_path} is in use by another process"
            ) from exc
        raise WarehouseCorruptError(
            f"the working database {settings.database_path} cannot be opened ({message}); "
            f"`newsgate repair --warehouse {settings.warehouse_dir}` moves it aside so the "
            "next run rebuilds it from the input folder"
        ) from exc
    if not read_only:
        con.execute(f"create schema if not exists {WORK_SCHEMA}")
    return con


@contextmanager
def run_lock(settings: Settings, check_input: bool = True) -> Iterator[None]:
    """Hold the warehouse's run lock for the block; a second run refuses instead of interleaving."""
    if check_input:
        # before the lock file exists: a warehouse inside the input would ingest it
        settings.check_folders()
    settings.warehouse_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(settings.warehouse_dir / ".run.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise WarehouseBusyError(
                f"another newsgate run holds {settings.warehouse_dir}; try again when it ends"
            ) from exc
        yield
    finally:
        os.close(fd)


def _create_from_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Replace `table` (a DDL target such as "temp table x") with `frame`; return its row count."""
    con.register("_frame", frame.to_arrow())
    try:
        con.execute(f"create or replace {table} as select * from _frame")
    finally:
        con.unregister("_frame")
    return frame.height


def write_frame(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> int:
    """Replace work.<name> with `frame` and return its row count."""
    return _create_from_frame(con, f"table {WORK_SCHEMA}.{name}", frame)


def write_temp_frame(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> int:
    """Replace the connection's temp table <name> with `frame` and return its row count."""
    return _create_from_frame(con, f"temp table {name}", frame)


def append_frame(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> int:
    """Append `frame` to work.<name>, creating the table from the frame's schema if needed."""
    con.register("_frame", frame.to_arrow())
    try:
        con.execute(
            f"create table if not exists {WORK_SCHEMA}.{name} as select * from _frame limit 0"
        )
        con.execute(f"insert into {WORK_SCHEMA}.{name} by name select * from _frame")
    finally:
        con.unregister("_frame")
    return frame.height


def delete_rows(con: duckdb.DuckDBPyConnection, name: str, key: str, keys: list[str]) -> None:
    """Delete the rows of work.<name> whose `key` is in `keys`."""
    con.execute(
        f"delete from {WORK_SCHEMA}.{name} where {key}::varchar in (select unnest(?::varchar[]))",
        [keys],
    )


def read_frame(con: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame:
    """Return work.<name> as a polars frame."""
    return con.sql(f"select * from {WORK_SCHEMA}.{name}").pl()


def table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Return whether work.<name> exists."""
    rows = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [WORK_SCHEMA, name],
    ).fetchall()
    return rows[0][0] > 0


def export_parquet(con: duckdb.DuckDBPyConnection, name: str, target) -> int:
    """Write work.<name> to a zstd Parquet file at `target` and return its row count."""
    path = str(target).replace("'", "''")
    con.execute(
        f"copy (select * from {WORK_SCHEMA}.{name}) to '{path}' (format parquet, compression zstd)"
    )
    return con.execute(f"select count(*) from {WORK_SCHEMA}.{name}").fetchall()[0][0]


def build_table(con: duckdb.DuckDBPyConnection, table: Table, run_id: str) -> int:
    """Rebuild work.<table> from sql/<table>.sql for this run and return its row count."""
    con.execute("set variable run_id = ?", [run_id])
    select = table.sql_path.read_text(encoding="utf-8").strip().rstrip(";")
    con.execute(f"create or replace table {WORK_SCHEMA}.{table.name} as\n{select}")
    return con.execute(f"select count(*) from {WORK_SCHEMA}.{table.name}").fetchall()[0][0]
