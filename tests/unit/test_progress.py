import io
import sys

import pytest

from newsgate import progress as progress_module
from newsgate.progress import counter, note, progress, step, take_timings, timed


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def _stderr(monkeypatch, stream):
    # in the test body: pytest resets sys.stderr between a fixture's setup and the test call
    monkeypatch.delenv("NEWSGATE_PROGRESS", raising=False)
    monkeypatch.setattr(sys, "stderr", stream)
    return stream


def test_quiet_when_not_a_terminal(monkeypatch):
    pipe = _stderr(monkeypatch, io.StringIO())
    assert list(progress(range(5), desc="ingest")) == [0, 1, 2, 3, 4]
    with counter("nlp", 10, unit="article") as bar:
        bar.update(10)
    with step("starting the server"):
        pass
    note("a line")
    assert pipe.getvalue() == ""


def test_bar_on_a_terminal_shows_counts_and_rate(monkeypatch):
    terminal = _stderr(monkeypatch, _Terminal())
    assert list(progress(range(5), desc="ingest", unit="file", total=5)) == [0, 1, 2, 3, 4]
    drawn = terminal.getvalue()
    assert "ingest" in drawn and "5/5" in drawn and "file/s" in drawn


def test_counter_advances_by_hand(monkeypatch):
    terminal = _stderr(monkeypatch, _Terminal())
    with counter("nlp", 400, unit="article") as bar:
        bar.update(200)
        bar.update(200)
    drawn = terminal.getvalue()
    assert "400/400" in drawn and "article/s" in drawn


def test_step_says_what_it_does_and_how_it_ended(monkeypatch):
    terminal = _stderr(monkeypatch, _Terminal())
    with step("starting Prefect's temporary server") as shown:
        shown.result = "ready"
    line = terminal.getvalue()
    assert line.startswith("starting Prefect's temporary server ... ready (")
    assert line.endswith(" s)\n")


def test_failed_step_says_so_and_raises(monkeypatch):
    terminal = _stderr(monkeypatch, _Terminal())
    with pytest.raises(RuntimeError), step("loading libraries"):
        raise RuntimeError("boom")
    assert "loading libraries ... failed" in terminal.getvalue()


@pytest.mark.parametrize(("value", "drawn"), [("0", False), ("1", True)])
def test_environment_overrides_the_terminal_check(monkeypatch, value, drawn):
    pipe = _stderr(monkeypatch, io.StringIO())
    monkeypatch.setenv("NEWSGATE_PROGRESS", value)
    with step("a slow step"):
        pass
    assert bool(pipe.getvalue()) is drawn


def test_timed_steps_add_up_and_are_handed_over_once(monkeypatch):
    clock = iter([10.0, 10.5, 20.0, 21.0, 30.0, 30.25])
    monkeypatch.setattr(progress_module.time, "perf_counter", lambda: next(clock))
    take_timings()
    with timed("near-duplicates"):
        pass
    with pytest.raises(RuntimeError), timed("tables"):
        raise RuntimeError("a failed step still counts its time")
    with timed("near-duplicates"):
        pass
    assert take_timings() == {"near-duplicates": 0.75, "tables": 1.0}
    assert take_timings() == {}
