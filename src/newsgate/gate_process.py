"""The gate process: a process of its own that imports Great Expectations as soon as a run starts
and then runs the suites it is sent, so the import (seconds: GX imports pandas, scipy, altair and
sqlalchemy) overlaps the run's other work instead of delaying its first gate.

It only computes: the run reads each suite's rows and the suite itself, sends them, and decides,
records and quarantines from the outcome as before, so a gate process killed at any point leaves
nothing half-written (a run whose gate process is gone validates in its own process instead).
NEWSGATE_GATE_PROCESS=0 validates in the run's own process.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

# how often the gate process checks that the run that started it is still there
WATCH_SECONDS = 1.0
# how long the run's exit waits for an idle gate process to end on its own
CLOSE_SECONDS = 2.0
_lock = threading.Lock()
_current: dict[str, GateProcess] = {}
_exit_hook: list = []


class GateProcessGone(Exception):
    """The gate process died or was stopped: the caller computes the result itself."""


def enabled() -> bool:
    """Return whether gates run in a gate process (NEWSGATE_GATE_PROCESS, default on)."""
    return os.environ.get("NEWSGATE_GATE_PROCESS", "1").strip().lower() not in {"0", "false", "no"}


def _serve(conn, run_pid: int) -> None:
    """The gate process: import what validating needs, say so, then compute what it is sent."""

    def watch() -> None:
        # a killed run takes its gate process with it (it holds nothing open for writing)
        while os.getppid() == run_pid:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-run", daemon=True).start()
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations  # noqa: F401

    import newsgate.quality  # noqa: F401

    conn.send(("ready", None))
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):  # the run closed its end: nothing more to do
            return
        try:
            reply = ("ok", fn(*args))
        except Exception as exc:  # raised again in the run, as if it had validated itself
            reply = ("error", exc)
        try:
            conn.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send(("error", RuntimeError(f"gate process: {reply[0]} not sendable: {exc}")))


class GateProcess:
    """A started gate process; one call at a time (the gates run one after another)."""

    def __init__(self) -> None:
        # spawned, not forked: the run's process runs Prefect's threads
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        # daemonic: stopped at the run's exit even when it never validated anything
        self.process = context.Process(
            target=_serve, args=(child, os.getpid()), name="newsgate-gate", daemon=True
        )
        self.process.start()
        child.close()
        self._lock = threading.Lock()
        self._ready = False

    @property
    def ready(self) -> bool:
        """Whether Great Expectations is imported in the gate process (without waiting)."""
        with self._lock:
            if not self._ready and self._conn.poll():
                self._receive()
                self._ready = True
            return self._ready

    def _receive(self):
        try:
            tag, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise GateProcessGone(
                f"gate process ended (exit code {self.process.exitcode})"
            ) from exc
        if tag == "error":
            raise value
        return value

    def wait_ready(self) -> None:
        """Wait until the gate process has imported Great Expectations."""
        with self._lock:
            if not self._ready:
                self._receive()
                self._ready = True

    def call(self, fn: Callable, *args: Any) -> Any:
        """Return `fn(*args)` computed in the gate process; raise GateProcessGone if it died."""
        self.wait_ready()
        with self._lock:
            try:
                self._conn.send((fn, args))
            except (OSError, ValueError) as exc:
                raise GateProcessGone("gate process ended") from exc
            return self._receive()

    def close(self) -> None:
        """End the gate process (it writes nothing, so at any point)."""
        # closing the pipe lets it exit on its own (releasing what its libraries hold); one
        # still importing is terminated rather than waited for
        self._conn.close()
        self.process.join(CLOSE_SECONDS)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5)


def start() -> GateProcess | None:
    """Start this process's gate process unless it runs already or is disabled; return it, or
    None (gates then run in this process)."""
    with _lock:
        found = _current.get("gate")
        if found is not None and found.process.is_alive():
            return found
        if not enabled():
            return None
        started = GateProcess()
        _current["gate"] = started
        if not _exit_hook:
            # before multiprocessing's own exit handler, which terminates it outright
            atexit.register(stop)
            _exit_hook.append(stop)
        return started


def current() -> GateProcess | None:
    """Return the running gate process, or None."""
    return _current.get("gate")


def stop() -> None:
    """End the gate process (the next start() starts a new one)."""
    with _lock:
        found = _current.pop("gate", None)
    if found is not None:
        found.close()


def loaded() -> bool:
    """Return whether Great Expectations is imported where the next gate will run."""
    found = current()
    if found is not None:
        try:
            return found.ready
        except GateProcessGone:
            return False
    return "great_expectations" in sys.modules
