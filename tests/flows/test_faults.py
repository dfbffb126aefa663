"""Faults: a run SIGKILLed during NLP or publish leaves a complete publication, and a re-run
publishes exactly what a clean run does."""

import hashlib
import os
import signal
import subprocess
import sys

import duckdb
import pytest

from flows.news_pipeline import news_pipeline
from newsgate.config import Settings
from newsgate.tables import published_tables
from tests.conftest import ROOT, SEEDS

KILLER = """
import os, signal, sys
import importlib
module = importlib.import_module(sys.argv[3])
setattr(module, sys.argv[4], lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL))
from flows.news_pipeline import news_pipeline
news_pipeline(sys.argv[1], sys.argv[2])
"""
VOLATILE = {"run_id", "validated_at", "result_id"}


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _contents(settings):
    """Every published table's rows, without the columns that differ from run to run."""
    con = duckdb.connect()
    try:
        out = {}
        for table in published_tables():
            if table.name == "validation_result":
                continue
            rel = con.sql(
                f"select * from read_parquet('{settings.published_dir}/{table.name}.parquet')"
            )
            keep = [c for c in rel.columns if c not in VOLATILE]
            out[table.name] = sorted(map(repr, rel.select(*keep).fetchall()))
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def clean(prefect_harness, tmp_path_factory):
    settings = Settings.load(SEEDS, tmp_path_factory.mktemp("clean") / "wh")
    assert news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True).is_completed()
    return _contents(settings)


@pytest.mark.parametrize(
    ("module", "attribute"),
    [
        ("newsgate.nlp.stage", "_pipeline"),
        ("newsgate.nlp.stage", "_resolve_and_write"),
        ("newsgate.publish", "_fsync_dir"),
        ("newsgate.publish", "_swap_pointer"),
    ],
    ids=["during-nlp-batch", "after-nlp-cache", "while-staging-parquet", "before-pointer-swap"],
)
def test_killed_run_leaves_previous_publication_and_rerun_matches_clean(
    clean, tmp_path, module, attribute
):
    from prefect.settings import PREFECT_API_URL

    settings = Settings.load(SEEDS, tmp_path / "wh")
    assert news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True).is_completed()
    before = _digest(settings.published_dir)
    target = settings.published_dir.resolve()
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value())
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(SEEDS), str(settings.warehouse_dir), module, attribute],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-2000:]
    assert settings.published_dir.resolve() == target
    assert _digest(settings.published_dir) == before
    assert news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True).is_completed()
    assert settings.published_dir.resolve() != target
    assert _contents(settings) == clean
    assert not list((settings.warehouse_dir / "publications").glob(".staging-*"))
