"""Faults: a run SIGKILLed during NLP or publish leaves a complete publication, and a re-run
publishes exactly what a clean run does."""

import os
import signal
import subprocess
import sys

import pytest

from flows.news_pipeline import news_pipeline
from newsgate.config import Settings
from tests.conftest import ROOT, SEEDS, digest_files, published_contents

KILLER = """
import os, signal, sys
import importlib
module = importlib.import_module(sys.argv[3])
setattr(module, sys.argv[4], lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL))
from flows.news_pipeline import news_pipeline
# a full refresh: a re-run reuses what the first run kept and would not reach the NLP's steps
news_pipeline(sys.argv[1], sys.argv[2], full_refresh=True)
"""


@pytest.fixture(scope="module")
def clean(prefect_harness, tmp_path_factory):
    settings = Settings.load(SEEDS, tmp_path_factory.mktemp("clean") / "wh")
    assert news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True).is_completed()
    return published_contents(settings)


@pytest.mark.parametrize(
    ("module", "attribute"),
    [
        ("newsgate.nlp.stage", "_store_batch"),
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
    before = digest_files(settings.published_dir)
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
    assert digest_files(settings.published_dir) == before
    assert news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True).is_completed()
    assert settings.published_dir.resolve() != target
    assert published_contents(settings) == clean
    assert not list((settings.warehouse_dir / "publications").glob(".staging-*"))
