import io
import sys

from newsgate.progress import progress


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_quiet_when_not_a_terminal(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert list(progress(range(5), desc="ingest")) == [0, 1, 2, 3, 4]
    assert err.getvalue() == ""


def test_bar_on_a_terminal(monkeypatch):
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert list(progress(range(5), desc="ingest", unit="file", total=5)) == [0, 1, 2, 3, 4]
    drawn = err.getvalue()
    assert "ingest" in drawn and "/5" in drawn and "file/s" in drawn
