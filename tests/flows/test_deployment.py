"""The prefect.yaml deployment on a real Prefect server on loopback, run by a process worker."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest
import yaml

from tests.conftest import ROOT, SEEDS

PREFECT = str(Path(sys.executable).with_name("prefect"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prefect(env, *args, timeout=300):
    done = subprocess.run(
        [PREFECT, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    env = dict(
        os.environ,
        PREFECT_HOME=str(tmp_path / "prefect-home"),
        PREFECT_API_URL=f"http://127.0.0.1:{port}/api",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_UI_ENABLED="false",
        DO_NOT_TRACK="1",
    )
    proc = subprocess.Popen(
        [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + int(
            os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]
        )
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "Prefect server did not start"
                time.sleep(1)
        yield env
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_prefect_yaml_declares_a_scheduled_process_deployment():
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    [deployment] = spec["deployments"]
    assert deployment["entrypoint"] == "flows/news_pipeline.py:news_pipeline"
    assert deployment["schedules"][0]["cron"]
    assert set(deployment["parameters"]) == {"input_dir", "warehouse_dir", "input_mode"}
    assert deployment["parameters"]["input_mode"] == "mirror"


@pytest.mark.slow
def test_deployment_runs_on_a_worker_and_publishes(server, tmp_path):
    pool = yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"][0]["work_pool"]
    _prefect(server, "work-pool", "create", pool["name"], "--type", "process")
    _prefect(server, "--no-prompt", "deploy", "--all")
    warehouse_dir = tmp_path / "warehouse"
    _prefect(
        server,
        "deployment",
        "run",
        "news_pipeline/news-pipeline-daily",
        "--param",
        f"input_dir={SEEDS}",
        "--param",
        f"warehouse_dir={warehouse_dir}",
    )
    _prefect(server, "worker", "start", "--pool", pool["name"], "--run-once", timeout=600)
    con = duckdb.connect()
    try:
        count = con.execute(
            f"select count(*) from read_parquet('{warehouse_dir}/published/article.parquet')"
        ).fetchall()[0][0]
    finally:
        con.close()
    assert count == 5
