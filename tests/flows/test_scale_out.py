"""Incremental runs and scale-out: the same published rows whatever does the work."""

import shutil

import pytest

from flows.news_pipeline import news_pipeline
from flows.runners import make_task_runner
from newsgate import warehouse
from newsgate.config import Settings
from newsgate.nlp.stage import annotate_articles, extractor_version
from tests.conftest import SEEDS, published_contents


def _annotated(settings):
    con = warehouse.connect(settings)
    try:
        return con.execute("select count(*) from work.nlp_cache").fetchall()[0][0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def local_run(prefect_harness, tmp_path_factory):
    settings = Settings.load(SEEDS, tmp_path_factory.mktemp("local") / "wh")
    assert news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True).is_completed()
    return settings


@pytest.mark.slow
def test_two_worker_dask_cluster_publishes_the_same_rows(local_run, tmp_path):
    settings = Settings.load(SEEDS, tmp_path / "wh")
    dask_pipeline = news_pipeline.with_options(task_runner=make_task_runner("dask", workers=2))
    state = dask_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True)
    assert state.is_completed(), state.message
    assert published_contents(settings) == published_contents(local_run)


def test_only_new_or_changed_articles_go_through_nlp(tmp_path):
    folder = tmp_path / "input"
    shutil.copytree(SEEDS, folder)
    settings = Settings.load(folder, tmp_path / "wh")
    from newsgate import articles, ingest

    def run(run_id, full_refresh=False):
        ingest.ingest_documents(settings, run_id)
        articles.build_articles(settings, run_id)
        return annotate_articles(settings, run_id, full_refresh)

    assert run("r1")["articles_annotated"] == 5
    assert run("r2")["articles_annotated"] == 0
    changed = sorted(folder.iterdir())[0]
    changed.write_text(changed.read_text() + "\n\nA new closing paragraph was added to the story.")
    assert run("r3")["articles_annotated"] == 1
    assert _annotated(settings) == 5
    assert run("r4", full_refresh=True)["articles_annotated"] == 5
    assert _annotated(settings) == 5
    assert run("r5")["articles_annotated"] == 0


def test_extractor_version_depends_on_the_model():
    assert extractor_version(None) != extractor_version("some_model")
    assert extractor_version(None) == extractor_version(None)
