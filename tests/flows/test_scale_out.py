"""Scale-out and incremental runs: the same published rows whatever does the work, and a run
that starts from kept state publishes what a run from scratch does."""

import hashlib
import shutil

import pytest

from flows.news_pipeline import news_pipeline
from newsgate import article_stage, ingest, warehouse
from newsgate.bench.corpus import generate_corpus
from newsgate.config import Settings
from newsgate.nlp import cross_article, stage
from newsgate.nlp.annotate import extractor_version
from newsgate.nlp.event_merge import merge_events
from newsgate.nlp.stage import annotate_articles
from newsgate.workers import InlinePool
from tests.conftest import SEEDS, published_contents

TABLES = ("article", "article_line", "entity", "entity_mention", "quote", "event_mention", "event")


def _write(folder, count, seed):
    for article in generate_corpus(count, seed=seed):
        path = folder / f"gen{seed}" / article.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.text, encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds (a rewrite pair among them) and invented wire stories, in one folder."""
    folder = tmp_path_factory.mktemp("corpus") / "input"
    shutil.copytree(SEEDS, folder)
    _write(folder, 16, seed=5)
    return folder


def _row_hashes(settings) -> dict[str, str]:
    """sha256 of each published table's sorted rows (without per-run columns)."""
    return {
        table: hashlib.sha256("\n".join(rows).encode()).hexdigest()
        for table, rows in published_contents(settings).items()
    }


def _flow(corpus, warehouse_dir, monkeypatch, **env) -> dict[str, str]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    state = news_pipeline(str(corpus), str(warehouse_dir), return_state=True)
    assert state.is_completed(), state.message
    return _row_hashes(Settings.load(corpus, warehouse_dir))


@pytest.fixture(scope="module")
def one_process(prefect_harness, corpus, tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _flow(
            corpus,
            tmp_path_factory.mktemp("inline") / "wh",
            monkeypatch,
            NEWSGATE_TASK_RUNNER="inline",
        )


def test_worker_processes_publish_the_same_rows_as_one_process(
    one_process, corpus, tmp_path, monkeypatch
):
    hashes = _flow(
        corpus,
        tmp_path / "wh",
        monkeypatch,
        NEWSGATE_TASK_RUNNER="process",
        NEWSGATE_WORKERS="2",
        NEWSGATE_BATCH_SIZE="3",
    )
    assert hashes == one_process


@pytest.mark.slow
def test_two_worker_dask_cluster_publishes_the_same_rows(
    one_process, corpus, tmp_path, monkeypatch
):
    hashes = _flow(
        corpus,
        tmp_path / "wh",
        monkeypatch,
        NEWSGATE_TASK_RUNNER="dask",
        NEWSGATE_DASK_WORKERS="2",
        NEWSGATE_BATCH_SIZE="3",
    )
    assert hashes == one_process


def _run(settings, run_id, full_refresh=False) -> dict[str, int]:
    ingest.ingest_documents(settings, run_id)
    article_stage.build_articles(settings, run_id, full_refresh)
    counts = annotate_articles(settings, run_id, full_refresh)
    counts["parsed"] = article_stage.parsed_in_run(settings, run_id)
    return counts


def _tables(settings) -> dict[str, list[str]]:
    con = warehouse.connect(settings)
    try:
        return {
            table: sorted(
                map(repr, con.execute(f"select * exclude (run_id) from work.{table}").fetchall())
            )
            for table in TABLES
        }
    finally:
        con.close()


def test_incremental_run_builds_the_tables_a_full_run_does(corpus, tmp_path, monkeypatch):
    folder = tmp_path / "input"
    shutil.copytree(corpus, folder)
    settings = Settings.load(folder, tmp_path / "incremental")
    first = _run(settings, "r1")
    assert first["parsed"] == first["articles_annotated"] == 21

    # nothing changed: nothing is parsed or annotated, and no cross-article step runs again
    def refuse(*_):
        raise AssertionError("a cross-article step ran again on unchanged input")

    before = _tables(settings)
    with monkeypatch.context() as patched:
        patched.setattr(cross_article, "merge_events", refuse)
        patched.setattr(cross_article, "resolve_with_credits", refuse)
        patched.setattr(article_stage, "flag_near_duplicates", refuse)
        again = _run(settings, "r2")
    assert again["parsed"] == again["articles_annotated"] == 0
    assert _tables(settings) == before

    # each step from kept state builds what a fresh full build of the same folder builds, and
    # merges again only the events that a new, edited or removed story can affect
    def full_build(name: str) -> dict[str, list[str]]:
        fresh = Settings.load(folder, tmp_path / name)
        _run(fresh, "f1")
        return _tables(fresh)

    merged: list[int] = []

    def counting(events):
        merged.append(len(events))
        return merge_events(events)

    def step(run_id: str) -> dict[str, int]:
        merged.clear()
        with monkeypatch.context() as patched:
            patched.setattr(cross_article, "merge_events", counting)
            counts = _run(settings, run_id)
        assert _tables(settings) == full_build(f"full-{run_id}")
        # fewer events merged again than the run publishes
        assert sum(merged) < counts["event_mention"]
        return counts

    # three new stories: those are parsed and annotated, and the documents whose lines the new
    # ones make recur across the corpus are parsed again
    _write(folder, 3, seed=6)
    third = step("r3")
    assert 3 <= third["articles_annotated"] <= third["parsed"] < 24
    assert merged

    # one edited story
    edited = sorted(folder.glob("*.txt"))[0]
    edited.write_text(
        edited.read_text() + "\n\nThe talks will resume next month, officials said.\n"
    )
    fourth = step("r4")
    assert 1 <= fourth["articles_annotated"] <= fourth["parsed"] < 24

    # one removed story: nothing is annotated, its events' groups are merged again
    sorted((folder / "gen6").rglob("*.txt"))[0].unlink()
    fifth = step("r5")
    assert fifth["articles_annotated"] == 0

    refreshed = _run(settings, "r6", full_refresh=True)
    assert refreshed["parsed"] == refreshed["articles_annotated"] == 23
    assert _tables(settings) == full_build("full-r6")


def test_annotating_ahead_of_the_article_gate_leaves_nothing_for_the_stage(corpus, tmp_path):
    ahead = Settings.load(corpus, tmp_path / "ahead")
    pool = InlinePool()
    pool.after("article", lambda: stage.annotate_ahead(ahead, "r1", False, pool))
    ingest.ingest_documents(ahead, "r1")
    article_stage.build_articles(ahead, "r1", False, pool)
    assert pool.join_ahead(stage.AHEAD)
    with stage.annotation(ahead, "r1") as job:
        assert job.batches == 0
    assert stage.annotate_articles(ahead, "r1", False, pool)["articles_annotated"] == 21

    plain = Settings.load(corpus, tmp_path / "plain")
    _run(plain, "r1")
    assert _tables(ahead) == _tables(plain)


def test_only_new_or_changed_articles_go_through_nlp(tmp_path):
    folder = tmp_path / "input"
    shutil.copytree(SEEDS, folder)
    settings = Settings.load(folder, tmp_path / "wh")

    def annotated():
        con = warehouse.connect(settings)
        try:
            return con.execute("select count(*) from work.nlp_annotated").fetchall()[0][0]
        finally:
            con.close()

    assert _run(settings, "r1")["articles_annotated"] == 5
    assert _run(settings, "r2")["articles_annotated"] == 0
    changed = sorted(folder.iterdir())[0]
    changed.write_text(changed.read_text() + "\n\nA new closing paragraph was added to the story.")
    assert _run(settings, "r3")["articles_annotated"] == 1
    # the superseded version's annotations leave the cache
    assert annotated() == 5
    assert _run(settings, "r4", full_refresh=True)["articles_annotated"] == 5
    assert annotated() == 5
    assert _run(settings, "r5")["articles_annotated"] == 0


def test_extractor_version_depends_on_the_model():
    assert extractor_version(None) != extractor_version("some_model")
    assert extractor_version(None) == extractor_version(None)
