"""The way out of a corrupted working database: check it, move it aside, salvage what reads."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import NothingPublishedError
from newsgate.publish import current_publication, remember_published_files

# what is worth carrying over: the raw input history, retractions and the NLP cache; every
# other work table is rebuilt by the next run from these
SALVAGE = ("raw_document", "raw_file", "retraction", "nlp_cache")


@dataclass
class RepairReport:
    """What `repair` found and did."""

    healthy: bool
    problems: list[str] = field(default_factory=list)
    moved_to: Path | None = None
    salvaged: dict[str, int] = field(default_factory=dict)


def check_database(path: Path) -> list[str]:
    """Return the problems found reading every table of the working database (empty: healthy)."""
    if not path.exists():
        return []
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        return [f"cannot open: {str(exc).splitlines()[0]}"]
    problems = []
    try:
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() order by all"
        ).fetchall()
        for schema, table in tables:
            try:
                # hashing whole rows reads every block, so checksum errors surface here
                con.execute(f'select bit_xor(hash(r)) from "{schema}"."{table}" as r').fetchall()
            except duckdb.Error as exc:
                problems.append(f"{schema}.{table}: {str(exc).splitlines()[0]}")
    except duckdb.Error as exc:
        problems.append(f"cannot list tables: {str(exc).splitlines()[0]}")
    finally:
        con.close()
    return problems


def repair(settings: Settings, force: bool = False) -> RepairReport:
    """Check the working database; when it is broken (or `force`), move it aside, start a new
    one with every table that still reads, and return what was done."""
    with warehouse.run_lock(settings, check_input=False):
        path = settings.database_path
        problems = check_database(path)
        if not path.exists() or (not problems and not force):
            return RepairReport(healthy=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = path.with_name(f"{path.name}.broken-{stamp}")
        os.rename(path, aside)
        wal = path.with_name(path.name + ".wal")
        if wal.exists():
            os.rename(wal, aside.with_name(aside.name + ".wal"))
        report = RepairReport(healthy=False, problems=problems, moved_to=aside)
        report.salvaged = _salvage(settings, aside)
        with contextlib.suppress(NothingPublishedError):
            remember_published_files(settings, current_publication(settings))
        return report


def _salvage(settings: Settings, old: Path) -> dict[str, int]:
    """Copy each table of SALVAGE that reads completely from the old database into a new one."""
    con = warehouse.connect(settings)
    copied = {}
    try:
        try:
            con.execute("attach ? as old (read_only)", [str(old)])
        except duckdb.Error:
            return copied
        for table in SALVAGE:
            try:
                con.execute(
                    f"create table {warehouse.WORK_SCHEMA}.{table} as "
                    f"select * from old.{warehouse.WORK_SCHEMA}.{table}"
                )
                copied[table] = con.execute(
                    f"select count(*) from {warehouse.WORK_SCHEMA}.{table}"
                ).fetchall()[0][0]
            except duckdb.Error:
                # a table that does not read is rebuilt from the input by the next run
                con.execute(f"drop table if exists {warehouse.WORK_SCHEMA}.{table}")
        con.execute("detach old")
    finally:
        con.close()
    return copied
