"""Write-audit-publish: stage Parquet aside, then swap the `published` pointer atomically."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import NothingPublishedError, PublicationCorruptError, PublishError
from newsgate.quality import GateReport, validate_stage
from newsgate.tables import published_tables, stage_tables

STAGE = "publish"
PUBLICATIONS = "publications"
MANIFEST = "manifest.json"
CATALOG = "catalog.duckdb"
# the oldest storage format DuckDB still writes: every 1.x reader (CLI, BI drivers) opens it
CATALOG_STORAGE_VERSION = "v1.0.0"


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


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _own_folder_parquet(table: str) -> str:
    """SQL for the Parquet file `table` next to the catalog file that holds the view."""
    # a DuckDB database's temp_directory defaults to "<its resolved path>.tmp", so its folder
    # is the publication folder whether the catalog is opened there, through the
    # newsgate.duckdb pointer, or after the warehouse was moved or copied
    return (
        "read_parquet(regexp_replace(current_setting('temp_directory'), '/[^/]*$', '') "
        f"|| '/{table}.parquet')"
    )


def write_catalog(folder: Path) -> Path:
    """Write folder/catalog.duckdb (views over the folder's Parquet, DuckDB 1.x storage) and
    return its path."""
    path = folder / CATALOG
    path.unlink(missing_ok=True)
    con = duckdb.connect(
        str(path), config={"storage_compatibility_version": CATALOG_STORAGE_VERSION}
    )
    try:
        for table in published_tables():
            con.execute(
                f"create view main.{table.name} as select * from {_own_folder_parquet(table.name)}"
            )
        con.execute("checkpoint")
    finally:
        con.close()
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(folder: Path, run_id: str, counts: dict[str, int]) -> dict:
    """Write folder/manifest.json (sha256, size and rows of every file) and return it."""
    files = {}
    for path in sorted(folder.iterdir()):
        if path.name == MANIFEST or not path.is_file():
            continue
        entry = {"sha256": _sha256(path), "bytes": path.stat().st_size}
        if path.suffix == ".parquet":
            entry["rows"] = counts[path.stem]
        files[path.name] = entry
    manifest = {
        "run_id": run_id,
        "published_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "catalog_storage_version": CATALOG_STORAGE_VERSION,
        "files": files,
    }
    target = folder / MANIFEST
    target.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    _fsync_file(target)
    return manifest


def verify_publication(folder: Path) -> dict:
    """Return the manifest of the publication in `folder` after checking every file against it;
    raise PublicationCorruptError on the first mismatch."""
    name = folder.name
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PublicationCorruptError(
            f"publication {name} has no readable {MANIFEST} ({exc}); it cannot be verified"
        ) from exc
    expected = {f"{t.name}.parquet" for t in published_tables()} | {CATALOG}
    missing = sorted(expected - set(files))
    if missing:
        raise PublicationCorruptError(f"publication {name} lacks {', '.join(missing)}")
    for file_name, entry in sorted(files.items()):
        path = folder / file_name
        if not path.is_file():
            raise PublicationCorruptError(f"publication {name}: {file_name} is missing")
        if path.stat().st_size != entry.get("bytes") or _sha256(path) != entry.get("sha256"):
            raise PublicationCorruptError(
                f"publication {name}: {file_name} does not match the sha256 in {MANIFEST}"
            )
        if file_name.endswith(".parquet"):
            try:
                rows = pq.ParquetFile(path).metadata.num_rows
            except (OSError, pa.ArrowException) as exc:
                raise PublicationCorruptError(
                    f"publication {name}: {file_name} has no readable Parquet footer ({exc})"
                ) from exc
            if rows != entry.get("rows"):
                raise PublicationCorruptError(
                    f"publication {name}: {file_name} has {rows} rows, the manifest says "
                    f"{entry.get('rows')}"
                )
    return manifest


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
            _fsync_file(target)
        _fsync_file(write_catalog(staging))
        write_manifest(staging, run_id, counts)
        _fsync_dir(staging)
        os.rename(staging, final)
        _fsync_dir(versions)
        _swap_pointer(root, final)
        _swap_catalog(settings, final)
        con.execute(
            f"create or replace table {warehouse.WORK_SCHEMA}.published_file_outcome as "
            "select source_path, doc_id, article_id, outcome "
            f"from {warehouse.WORK_SCHEMA}.file_outcome"
        )
    except (OSError, duckdb.Error) as exc:
        raise PublishError(f"publication of run {run_id} failed: {exc}") from exc
    finally:
        con.close()
    prune_publications(settings)
    return Publication(run_id=run_id, path=final, row_counts=counts)


def _replace_link(link: Path, target: Path) -> None:
    """Point the symlink `link` at `target` (relative to link's folder) with one atomic rename."""
    tmp = link.with_name(f".{link.name}-{target.parts[-1]}-{os.getpid()}")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    if link.exists() and not link.is_symlink():
        tmp.unlink()
        raise PublishError(f"{link} is not a pointer; move it away so it can become one")
    os.replace(tmp, link)
    _fsync_dir(link.parent)


def _swap_pointer(root: Path, target: Path) -> None:
    _replace_link(root / "published", Path(PUBLICATIONS) / target.name)


def _swap_catalog(settings: Settings, target: Path) -> None:
    _replace_link(settings.catalog_path, Path(PUBLICATIONS) / target.name / CATALOG)


def create_views(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """(Re)create one DuckDB view per published table over the current publication's Parquet."""
    folder = current_publication(settings)
    for table in published_tables():
        path = (folder / f"{table.name}.parquet").as_posix().replace("'", "''")
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
    """Point `published` and the catalog back at run_id (default: the publication before the
    current one) after verifying it; return the run id now published."""
    with warehouse.run_lock(settings, check_input=False):
        current = current_publication(settings).name
        runs = list_publications(settings)
        if run_id is None:
            earlier = [r for r in runs if r < current]
            if not earlier:
                raise PublishError(f"no publication older than {current} is kept; kept: {runs}")
            run_id = earlier[-1]
        if run_id not in runs:
            raise PublishError(f"publication {run_id} is not kept; kept: {', '.join(runs)}")
        target = settings.warehouse_dir / PUBLICATIONS / run_id
        try:
            verify_publication(target)
        except PublicationCorruptError as exc:
            raise PublicationCorruptError(
                f"{str(exc).removeprefix(exc.code + ' ')}; rollback refused, `published` still "
                f"points at {current}"
            ) from exc
        _swap_pointer(settings.warehouse_dir, target)
        _swap_catalog(settings, target)
        remember_published_files(settings, target)
    return run_id


def remember_published_files(settings: Settings, folder: Path) -> None:
    """Record which files the publication in `folder` covers, so the next run can tell which of
    them are gone."""
    path = (folder / "file_outcome.parquet").as_posix().replace("'", "''")
    con = warehouse.connect(settings)
    try:
        con.execute(
            f"create or replace table {warehouse.WORK_SCHEMA}.published_file_outcome as "
            f"select source_path, doc_id, article_id, outcome from read_parquet('{path}')"
        )
    finally:
        con.close()


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
    for link in settings.warehouse_dir.glob(f".{settings.catalog_path.name}-*"):
        link.unlink(missing_ok=True)
    return removed
