"""Write-audit-publish: stage Parquet aside, then swap the `published` pointer atomically."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import NothingPublishedError, PublishError
from newsgate.quality import GateReport, validate_stage
from newsgate.tables import published_tables, stage_tables

STAGE = "publish"
PUBLICATIONS = "publications"


@dataclass
class Publication:
    """A completed publication: its folder and the row count of every published table."""

    run_id: str
    path: Path
    row_counts: dict[str, int]


def prepare_publication(settings: Settings, run_id: str) -> GateReport:
    """Build the run's quarantine and validation_result tables and return their gate's verdict."""
    con = warehouse.connect(settings)
    try:
        for table in stage_tables(STAGE):
            warehouse.build_table(con, table, run_id)
    finally:
        con.close()
    report = validate_stage(settings, run_id, STAGE)
    con = warehouse.connect(settings)
    try:
        for table in stage_tables(STAGE):
            if table.name == "validation_result":
                warehouse.build_table(con, table, run_id)
    finally:
        con.close()
    return report


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish_tables(settings: Settings, run_id: str) -> Publication:
    """Publish every declared table of this run together and return the publication."""
    root = settings.warehouse_dir
    versions = root / PUBLICATIONS
    versions.mkdir(parents=True, exist_ok=True)
    staging = versions / f".staging-{run_id}"
    final = versions / run_id
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    counts = {}
    con = warehouse.connect(settings)
    try:
        for table in published_tables():
            target = staging / f"{table.name}.parquet"
            counts[table.name] = warehouse.export_parquet(con, table.name, target)
            with open(target, "rb") as handle:
                os.fsync(handle.fileno())
        _fsync_dir(staging)
        os.rename(staging, final)
        _fsync_dir(versions)
        _swap_pointer(root, final)
        create_views(con, settings)
    except (OSError, duckdb.Error) as exc:
        raise PublishError(f"publication of run {run_id} failed: {exc}") from exc
    finally:
        con.close()
    prune_publications(settings)
    return Publication(run_id=run_id, path=final, row_counts=counts)


def _swap_pointer(root: Path, target: Path) -> None:
    link = root / "published"
    tmp = root / f".published-{target.name}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(Path(PUBLICATIONS) / target.name, tmp)
    if link.exists() and not link.is_symlink():
        raise PublishError(f"{link} is a real folder; move it away so it can become a pointer")
    os.replace(tmp, link)
    _fsync_dir(root)


def create_views(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """(Re)create one DuckDB view per published table over its Parquet file."""
    for table in published_tables():
        path = (settings.published_dir / f"{table.name}.parquet").as_posix().replace("'", "''")
        con.execute(
            f"create or replace view main.{table.name} as select * from read_parquet('{path}')"
        )


def current_publication(settings: Settings) -> Path:
    """Return the folder of the current publication, or raise if nothing is published."""
    link = settings.published_dir
    if not link.exists():
        raise NothingPublishedError(
            f"nothing is published in {settings.warehouse_dir} yet; run `newsgate run` first"
        )
    return link.resolve()


def list_publications(settings: Settings) -> list[str]:
    """Return the run ids of the kept publications, oldest first."""
    versions = settings.warehouse_dir / PUBLICATIONS
    if not versions.is_dir():
        return []
    return sorted(p.name for p in versions.iterdir() if p.is_dir() and not p.name.startswith("."))


def rollback_publication(settings: Settings, run_id: str | None = None) -> str:
    """Point `published` back at run_id (default: the publication before the current one)."""
    current = current_publication(settings).name
    runs = list_publications(settings)
    if run_id is None:
        earlier = [r for r in runs if r < current]
        if not earlier:
            raise PublishError(f"no publication older than {current} is kept; kept: {runs}")
        run_id = earlier[-1]
    if run_id not in runs:
        raise PublishError(f"publication {run_id} is not kept; kept: {', '.join(runs)}")
    _swap_pointer(settings.warehouse_dir, settings.warehouse_dir / PUBLICATIONS / run_id)
    con = warehouse.connect(settings)
    try:
        create_views(con, settings)
    finally:
        con.close()
    return run_id


def prune_publications(settings: Settings) -> list[str]:
    """Delete all but the newest `keep_publications` publications; return the removed run ids."""
    versions = settings.warehouse_dir / PUBLICATIONS
    current = current_publication(settings).name
    runs = list_publications(settings)
    removed = [r for r in runs[: -settings.keep_publications] if r != current]
    for run in removed:
        shutil.rmtree(versions / run, ignore_errors=True)
    # leftovers of runs killed mid-publish are never visible, only disk to reclaim
    for leftover in versions.glob(".staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for link in settings.warehouse_dir.glob(".published-*"):
        link.unlink(missing_ok=True)
    return removed
