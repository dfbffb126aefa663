"""The gate process: a process of its own that imports Great Expectations as soon as a run starts
and then runs the suites it is sent, so the import (seconds: GX imports pandas, scipy, altair and
sqlalchemy) overlaps the run's other work instead of delaying its first gate.

It only computes: the run reads each suite's rows and the suite itself, sends them, and decides,
records and quarantines from the outcome as before, so a gate process killed at any point leaves
nothing half-written (a run whose gate process is gone validates in its own process instead).
NEWSGATE_GATE_PROCESS=0 validates in the run's own process.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

# how often the gate process checks that the run that started it is still there
WATCH_SECONDS = 1.0
_lock = threading.Lock()
_current: dict[str, GateProcess] = {}


@dataclass
class GateProcess:
    """A started gate process: `ready` completes once it has imported Great Expectations."""

    executor: ProcessPoolExecutor
    ready: Future


def enabled() -> bool:
    """Return whether gates run in a gate process (NEWSGATE_GATE_PROCESS, default on)."""
    return os.environ.get("NEWSGATE_GATE_PROCESS", "1").strip().lower() not in {"0", "false", "no"}


def _warm(run_pid: int) -> None:
    """Tie the gate process's life to the run that started it, then import what validating needs."""

    def watch() -> None:
        # a killed run takes its gate process with it (it holds no file open for writing)
        while os.getppid() == run_pid:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-run", daemon=True).start()
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations  # noqa: F401

    import newsgate.quality  # noqa: F401


def _loaded() -> bool:
    return True


def start() -> GateProcess | None:
    """Start this process's gate process unless it runs already or is disabled; return it, or
    None (gates then run in this process)."""
    with _lock:
        found = _current.get("gate")
        if found is not None:
            return found
        if not enabled():
            return None
        # spawned, not forked: this process runs Prefect's threads
        executor = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_warm,
            initargs=(os.getpid(),),
        )
        started = GateProcess(executor, executor.submit(_loaded))
        _current["gate"] = started
        return started


def current() -> GateProcess | None:
    """Return the running gate process, or None."""
    return _current.get("gate")


def stop() -> None:
    """Stop the gate process (the next start() starts a new one)."""
    with _lock:
        found = _current.pop("gate", None)
    if found is not None:
        found.executor.shutdown(wait=False, cancel_futures=True)


def loaded() -> bool:
    """Return whether Great Expectations is imported where the next gate will run."""
    found = current()
    if found is not None:
        return found.ready.done()
    return "great_expectations" in sys.modules
