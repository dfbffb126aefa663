"""`newsgate run` as a user or a scheduler runs it, in a subprocess with its own Prefect home:
quiet when piped (the summary still printed), a one-line error when Prefect's temporary server
cannot start in time, and no server left behind when the run is killed with SIGKILL."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

NEWSGATE = str(Path(sys.executable).with_name("newsgate"))
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
]


def _env(tmp_path, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), NEWSGATE_PROGRESS="0", **extra)
    return env


def _servers(prefect_home: Path) -> dict[int, int]:
    """pid -> parent pid of every live Prefect API server started with this Prefect home."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text()
        except OSError:
            continue
        # a zombie is already dead, only not yet reaped by its parent
        fields = state.rsplit(")", 1)[1].split()
        if fields[0] == "Z":
            continue
        if b"prefect.server.api.server:create_app" in command and (
            f"PREFECT_HOME={prefect_home}".encode() in environ
        ):
            found[int(entry.name)] = int(fields[1])
    return found


def _gone(prefect_home: Path, within: float) -> bool:
    deadline = time.monotonic() + within
    while _servers(prefect_home):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True


def test_piped_run_is_quiet_prints_the_summary_and_leaves_no_server(tmp_path):
    env = _env(tmp_path)
    done = subprocess.run(
        [NEWSGATE, "run", "--input", str(SEEDS), "--warehouse", str(tmp_path / "wh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Finished in state" not in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.strip() == "", done.stderr
    out = done.stdout
    assert "published" in out.splitlines()[0]
    for stage in ("imports", "server start", "ingest", "article", "nlp", "publish", "report"):
        assert f"\n  {stage} " in out, stage
    assert "article.parquet" in out and "quarantined: nothing" in out
    assert f"report       {tmp_path / 'wh' / 'report' / 'index.html'}" in out
    assert _gone(Path(env["PREFECT_HOME"]), within=30)


def test_server_that_cannot_start_in_time_is_one_line_with_the_fix(tmp_path):
    env = _env(tmp_path, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="1")
    done = subprocess.run(
        [NEWSGATE, "run", "--input", str(SEEDS), "--warehouse", str(tmp_path / "wh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(
        "newsgate: NG006 Prefect's temporary server did not answer within 1 s"
    )
    assert "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in lines[0]
    assert _gone(Path(env["PREFECT_HOME"]), within=30)


def test_sigkilled_run_leaves_no_server_behind(tmp_path):
    env = _env(tmp_path)
    home = Path(env["PREFECT_HOME"])
    run = subprocess.Popen(
        [NEWSGATE, "run", "--input", str(SEEDS), "--warehouse", str(tmp_path / "wh")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while not (servers := _servers(home)):
            assert run.poll() is None, "the run ended before its server started"
            assert time.monotonic() < deadline, "no Prefect server appeared"
            time.sleep(0.2)
        assert set(servers.values()) == {run.pid}
        run.send_signal(signal.SIGKILL)
        assert run.wait(timeout=30) == -signal.SIGKILL
        assert _gone(home, within=30), f"orphaned Prefect server(s): {_servers(home)}"
    finally:
        if run.poll() is None:
            run.kill()
        for pid in _servers(home):
            os.kill(pid, signal.SIGKILL)
