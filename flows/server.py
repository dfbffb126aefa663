"""Prefect's temporary server for one `newsgate run`: started up front, within a stated time
limit, as a child process that dies with the run even when the run is killed with SIGKILL."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys

from prefect.server.api.server import SubprocessASGIServer
from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

from newsgate.errors import RunnerStartError

TIMEOUT_VARIABLE = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
_PR_SET_PDEATHSIG = 1
# resolved before any fork: the child may only call what is already loaded
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _die_with_parent(parent: int):
    """Return a preexec function that asks Linux to SIGTERM the child when `parent` exits."""

    def tie() -> None:
        if _LIBC is not None:
            _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:
            # the parent died between fork and prctl: nobody is left to serve
            os._exit(1)

    return tie


class _TiedSubprocess:
    """The subprocess module, except that every Popen child dies with this process."""

    def __getattr__(self, name: str):
        return getattr(subprocess, name)

    @staticmethod
    def Popen(*args, **kwargs) -> subprocess.Popen:
        kwargs.setdefault("preexec_fn", _die_with_parent(os.getpid()))
        return subprocess.Popen(*args, **kwargs)


class TiedServer(SubprocessASGIServer):
    """Prefect's own temporary server (same command and settings), tied to this process's life."""

    def _run_uvicorn_command(self) -> subprocess.Popen:
        module = sys.modules[SubprocessASGIServer.__module__]
        saved = module.subprocess
        module.subprocess = _TiedSubprocess()
        try:
            return super()._run_uvicorn_command()
        finally:
            module.subprocess = saved


def startup_timeout() -> int:
    """Return the seconds Prefect's temporary server may take to answer."""
    return int(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())


def needs_temporary_server() -> bool:
    """Return whether this run has no Prefect API to talk to and must start its own server."""
    return not PREFECT_API_URL.value()


def start_temporary_server() -> TiedServer:
    """Start the server Prefect's client will use for this process and return it once it answers."""
    timeout = startup_timeout()
    # registered under Prefect's default key, so the flow engine reuses this running server
    server = TiedServer()
    try:
        server.start(timeout=timeout)
    except Exception as exc:
        server.stop()
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RunnerStartError(
            f"Prefect's temporary server did not answer within {timeout} s ({detail[:160]}); "
            f"on a busy machine raise {TIMEOUT_VARIABLE} (e.g. to 600), or start a server "
            "with `prefect server start` and set PREFECT_API_URL"
        ) from exc
    return server
