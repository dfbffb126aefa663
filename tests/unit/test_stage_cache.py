"""What the stages keep between runs: typed annotations that come back as the extractor made
them, code versions that follow the code a step imports, and worker pools."""

import os
import signal
import subprocess
import sys
import time
from datetime import date

import duckdb
import pytest

from newsgate import article_stage, ingest, warehouse
from newsgate.config import Settings
from newsgate.errors import AnnotationSchemaError, ConfigError
from newsgate.nlp import annotate, stage
from newsgate.nlp.pipeline import make_doc
from newsgate.stage_cache import append_tables, fingerprint, module_closure
from newsgate.workers import BatchJob, InlinePool, _alive, open_pool, run_job
from tests.conftest import ROOT

STORY = """Ministers agree to reopen border crossing

GENEVA (Wire Service) - The foreign ministers of Norway and Kenya met in Geneva on Tuesday,
March 3, 2020, and agreed to reopen the northern border crossing by April.

"We have made real progress, but much work remains," Norwegian Foreign Minister Ingrid Larsen
told reporters after the talks. Kenya's Foreign Minister Kofi Okafor said the two sides would
meet again in Nairobi next month.

Kenya accused Norway of delaying an agreement on grain exports last year, and officials warned
that the talks could collapse if no deal was reached by June 2020.

Larsen arrives for the meeting in Geneva. Photo: Wire Service
"""


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    """A warehouse holding one invented article, annotated in this process."""
    folder = tmp_path_factory.mktemp("story") / "input"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    settings = Settings.load(folder, folder.parent / "wh")
    ingest.ingest_documents(settings, "r1")
    article_stage.build_articles(settings, "r1")
    stage.annotate_articles(settings, "r1")
    return settings


def test_kept_events_come_back_as_the_extractor_made_them(annotated):
    con = warehouse.connect(annotated)
    try:
        article_id, body, published = con.execute(
            "select article_id, body, published_date from work.article"
        ).fetchall()[0]
        stage._current_keys(con, annotate.extractor_version(None))
        con.execute(
            "create temp table _all as select cache_key, ordinal from work.nlp_event "
            "where cache_key in (select cache_key from _current)"
        )
        # the keys (cache key, ordinal) come along; the rest is what the extractor made
        kept = [
            {name: value for name, value in event.items() if not name.startswith("_")}
            for event in stage._events(con, "_all")
        ]
    finally:
        con.close()
    nlp = annotate.pipeline(None)
    doc = nlp(make_doc(nlp, body, published))
    made = [{"article_id": article_id, **event} for event in doc._.events]
    assert len(made) >= 2
    assert any(e["date_parts"] for e in made) and any(e["event_date"] for e in made)
    assert kept == made
    assert isinstance(kept[0]["article_shingles"], frozenset)


def test_kept_mentions_and_quotes_are_the_extractor_rows(annotated):
    con = warehouse.connect(annotated)
    try:
        article_id, body, published = con.execute(
            "select article_id, body, published_date from work.article"
        ).fetchall()[0]
        mentions = con.sql(
            "select * exclude (cache_key, ordinal) from work.nlp_mention order by ordinal"
        ).to_arrow_table()
        quotes = con.sql(
            "select * exclude (cache_key, ordinal) from work.nlp_quote order by ordinal"
        ).to_arrow_table()
    finally:
        con.close()
    nlp = annotate.pipeline(None)
    doc = nlp(make_doc(nlp, body, published))
    assert mentions.to_pylist() == annotate.mentions_from_doc(doc, article_id)
    assert quotes.to_pylist() == [{"article_id": article_id, **q} for q in doc._.quotes]


def test_a_field_without_a_column_is_a_clear_error():
    rows = [{"article_id": "a", "start_char": 0, "novel_field": 1}]
    with pytest.raises(AnnotationSchemaError, match="novel_field"):
        annotate._typed(rows, annotate.TABLES["nlp_mention"], "mention")


def test_typed_tables_append_with_their_types(tmp_path):
    table = annotate._typed(
        [
            {
                "cache_key": "k",
                "ordinal": 0,
                "article_id": "a",
                "event_type": "meeting",
                "event_date": date(2020, 3, 3),
                "date_parts": {"year": 2020, "month": 3, "day": 3, "weekday": 1},
                "article_shingles": frozenset({3, 1, 2}),
                "actor_names": ["Kenya", "Norway"],
            }
        ],
        annotate.TABLES["nlp_event"],
        "event",
        annotate.EVENT_SET_FIELDS,
    )
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    try:
        con.execute("create schema work")
        append_tables(con, {"nlp_event": table})
        append_tables(con, {"nlp_event": table})
        types = dict(
            con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_name = 'nlp_event'"
            ).fetchall()
        )
        shingles = con.execute("select article_shingles from work.nlp_event").fetchall()
    finally:
        con.close()
    assert types["event_date"] == "DATE"
    assert types["article_shingles"] == "BIGINT[]"
    assert types["date_parts"].startswith("STRUCT(")
    assert shingles == [([1, 2, 3],), ([1, 2, 3],)]


def test_code_versions_follow_what_a_step_imports():
    articles = module_closure(("newsgate.articles",))
    assert {"newsgate.boilerplate", "newsgate.language", "newsgate.near_duplicates"} <= set(
        articles
    )
    assert "newsgate.nlp.stage" not in articles
    assert "newsgate.nlp.event_merge" in module_closure(("newsgate.nlp.stage",))
    assert fingerprint("a", "bc") != fingerprint("ab", "c")


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _refuse(_: int) -> None:
    raise ConfigError("refused in a worker")


def test_worker_processes_share_the_batches_and_return_their_errors():
    pool = open_pool("process", workers=2)
    try:
        pids: list[int] = []
        job = BatchJob(_pid_after, iter([(0.5,)] * 6), pids.append, [1] * 6)
        assert run_job(pool, job) == 6
        assert len(set(pids)) == 2 and os.getpid() not in pids
        with pytest.raises(ConfigError, match="refused in a worker"):
            run_job(pool, BatchJob(_refuse, iter([(1,)]), pids.append, [1]))
    finally:
        pool.close()


ORPHAN = """
import os, sys, time
from newsgate.workers import BatchJob, open_pool, run_job
from tests.unit.test_stage_cache import _pid_after
pool = open_pool("process", workers=2)
pids = []
run_job(pool, BatchJob(_pid_after, iter([(0.5,)] * 4), pids.append, [1] * 4))
print(" ".join(map(str, sorted(set(pids)))), flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("reaped", [True, False], ids=["reaped", "not-yet-reaped"])
def test_a_killed_run_leaves_no_worker_behind(reaped):
    # not yet reaped: subprocess.run reads the run's output to the end before it reaps the run,
    # so workers that inherited those pipes and waited for the zombie would hold them forever
    run = subprocess.Popen(
        [sys.executable, "-c", ORPHAN], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        pids = [int(p) for p in run.stdout.readline().split()]
        assert len(pids) == 2
        os.kill(run.pid, signal.SIGKILL)
        if reaped:
            run.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(p) for p in pids)
        assert run.stdout.read() == ""  # every copy of the pipe is closed: EOF, no hang
    finally:
        run.kill()
        run.wait()


def test_inline_pool_runs_in_this_process():
    pids: list[int] = []
    assert run_job(InlinePool(), BatchJob(_pid_after, iter([(0,)] * 2), pids.append, [1, 1])) == 2
    assert pids == [os.getpid()] * 2


def test_unknown_pool_kind_and_bad_counts_are_config_errors(monkeypatch):
    with pytest.raises(ConfigError, match="NEWSGATE_TASK_RUNNER"):
        open_pool("threads")
    monkeypatch.setenv("NEWSGATE_WORKERS", "none")
    with pytest.raises(ConfigError, match="NEWSGATE_WORKERS"):
        open_pool("process")
