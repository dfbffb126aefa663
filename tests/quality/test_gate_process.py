"""The gate process validates exactly as the run's own process does, a dead one is replaced by
validating in the run, and it does not outlive a killed run."""

import os
import signal
import subprocess
import sys
import time

import polars as pl
import pytest

from newsgate import gate_process, quality
from newsgate.tables import declared_tables
from newsgate.workers import _alive

TABLES = {t.name: t for t in declared_tables()}
# an invented article table: one good row, one duplicated id, one too short
FRAME = pl.DataFrame(
    {
        "article_id": ["a" * 16, "a" * 16, "c" * 16],
        "doc_id": ["d1", "d2", "d3"],
        "source_path": ["x", "y", "z"],
        "title": ["A title", None, None],
        "outlet": [None] * 3,
        "credited": [[], [], []],
        "byline": [None] * 3,
        "dateline": [None] * 3,
        "published_date": [None] * 3,
        "language": ["en"] * 3,
        "body": ["Ministers met on Monday to talk about water.", "b", "b"],
        "word_count": [8, 5, 0],
        "duplicate_of": [None] * 3,
        "run_id": ["r"] * 3,
    },
    schema_overrides={"published_date": pl.Date, "credited": pl.List(pl.String)},
)


def _comparable(outcome: quality.SuiteOutcome):
    results = outcome.results.drop("validated_at")
    return results.to_dicts(), outcome.quarantine_keys


@pytest.fixture
def gate(monkeypatch):
    monkeypatch.setenv("NEWSGATE_GATE_PROCESS", "1")
    gate_process.stop()
    started = gate_process.start()
    yield started
    gate_process.stop()


def test_the_gate_process_gives_the_outcome_this_process_gives(gate):
    assert gate is not None and gate_process.current() is gate
    remote = quality.run_suite(TABLES["article"], FRAME, "r")
    assert gate.ready
    gate_process.stop()
    local = quality.run_suite(TABLES["article"], FRAME, "r")
    assert _comparable(remote) == _comparable(local)
    assert not remote.results["success"].all()


def test_a_killed_gate_process_is_replaced_by_validating_here(gate):
    pid = gate.call(os.getpid)
    assert pid != os.getpid()
    os.kill(pid, signal.SIGKILL)
    outcome = quality.run_suite(TABLES["article"], FRAME, "r")
    assert gate_process.current() is None
    gate_process.stop()
    assert _comparable(outcome) == _comparable(quality.run_suite(TABLES["article"], FRAME, "r"))


def test_disabled_gate_process_starts_nothing(monkeypatch):
    gate_process.stop()
    monkeypatch.setenv("NEWSGATE_GATE_PROCESS", "0")
    assert gate_process.start() is None
    assert gate_process.current() is None


def test_the_gate_process_dies_with_a_killed_run():
    code = (
        "import os, sys, time\n"
        "from newsgate import gate_process\n"
        "gate = gate_process.start()\n"
        "print(gate.call(os.getpid), flush=True)\n"
        "time.sleep(600)\n"
    )
    env = dict(os.environ, NEWSGATE_GATE_PROCESS="1")
    run = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=env, text=True)
    try:
        pid = int(run.stdout.readline())
        run.send_signal(signal.SIGKILL)
        run.wait()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        assert not _alive(pid)
    finally:
        if run.poll() is None:
            run.kill()


def test_an_error_in_the_gate_process_is_raised_in_the_run(gate):
    with pytest.raises(ValueError, match="invalid literal"):
        gate.call(int, "not a number")
    assert gate.call(int, "7") == 7
