"""Shared fixtures: quiet Prefect, the seed folder, temporary warehouses and the NLP pipeline."""

import os
from pathlib import Path

import pytest

from flows.cli import QUIET_PREFECT

# the same quiet, patient Prefect as `newsgate run` (one place: flows/cli.py)
for _key, _value in QUIET_PREFECT.items():
    os.environ.setdefault(_key, _value)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "gold" / "seeds"


@pytest.fixture(scope="module")
def nlp():
    """The NLP pipeline, loaded once per test module (a module may change its pipes)."""
    from newsgate.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect server for the whole session (flow tests only), given as long to
    start as PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS says (flows/cli.py's default)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=None):
        yield


@pytest.fixture
def settings(tmp_path):
    """Settings for a fresh warehouse under tmp_path reading the seeds."""
    from newsgate.config import Settings

    return Settings.load(SEEDS, tmp_path / "warehouse")


def published_contents(settings) -> dict[str, list[str]]:
    """Every published table's rows (but validation_result), without per-run columns."""
    import duckdb

    from newsgate.tables import published_tables

    volatile = {"run_id", "validated_at", "result_id"}
    con = duckdb.connect()
    try:
        out = {}
        for table in published_tables():
            if table.name == "validation_result":
                continue
            rel = con.sql(
                f"select * from read_parquet('{settings.published_dir}/{table.name}.parquet')"
            )
            keep = [c for c in rel.columns if c not in volatile]
            out[table.name] = sorted(map(repr, rel.select(*keep).fetchall()))
        return out
    finally:
        con.close()


def digest_files(folder) -> dict[str, str]:
    """sha256 of every file in `folder`, by name."""
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}
