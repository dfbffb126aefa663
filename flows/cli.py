"""`newsgate run`: the command-line entry point of the Prefect flow. The `newsgate` CLI (which is
library code and never imports Prefect) offers it through the "newsgate.commands" entry point."""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

# Prefect reads these when it is imported; a run (and tests/conftest.py) sets them first unless
# the user already has. The start limit: a fresh clone's first run on a loaded 2-core machine was
# measured at 113 s to start Prefect's temporary server (its default limit is 20 s).
QUIET_PREFECT = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "GX_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300",
}
CONSOLE_LEVELS = {0: "WARNING", 1: "INFO"}


def register(commands: argparse._SubParsersAction) -> None:
    """Add the `run` command to the `newsgate` CLI's subcommands."""
    run = commands.add_parser("run", help="run the Prefect flow end to end and publish")
    run.add_argument(
        "--input", help="folder of raw article text (default: seeds, or NEWSGATE_INPUT)"
    )
    run.add_argument(
        "--warehouse", help="warehouse folder (default: warehouse, or NEWSGATE_WAREHOUSE)"
    )
    run.add_argument(
        "--full-refresh",
        action="store_true",
        help="forget what earlier runs kept (parsed articles, annotations, gate outcomes) and "
        "redo everything",
    )
    run.add_argument(
        "--task-runner",
        choices=["process", "inline", "dask"],
        help="where parsing and NLP run: worker processes (default), this process, or Dask "
        "(or NEWSGATE_TASK_RUNNER)",
    )
    run.add_argument("--workers", type=int, help="worker processes (default: the usable cores)")
    run.add_argument("--dask-address", help="an existing Dask scheduler, e.g. tcp://host:8786")
    run.add_argument(
        "--input-mode",
        choices=["mirror", "accumulate"],
        help="mirror: publish what the folder holds now (default); accumulate: an inbox, "
        "articles stay until retracted (or NEWSGATE_INPUT_MODE)",
    )
    run.add_argument(
        "--json", action="store_true", help="print the run's summary as JSON instead of a table"
    )
    run.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="also print Prefect's log lines (-v: info, -vv: debug); the Prefect UI has them all",
    )
    run.set_defaults(handler=run_command)


def _prepare_environment(verbose: int) -> None:
    for key, value in QUIET_PREFECT.items():
        os.environ.setdefault(key, value)
    os.environ.setdefault(
        "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", CONSOLE_LEVELS.get(verbose, "DEBUG")
    )
    if verbose >= 2:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "DEBUG")


def _timed(setup: dict[str, float], name: str, started: float) -> None:
    setup[name] = time.perf_counter() - started


def run_command(args: argparse.Namespace) -> int:
    """Run the flow once as `newsgate run` does and return the exit status (0: published)."""
    _prepare_environment(args.verbose)
    from newsgate import gate_process, progress
    from newsgate.config import Settings
    from newsgate.errors import NewsgateError

    try:
        settings = Settings.load(args.input, args.warehouse, args.input_mode)
    except NewsgateError as exc:
        print(f"newsgate: {exc}", file=sys.stderr)
        return 2
    if not settings.input_dir.is_dir():
        print(f"newsgate: NG002 input folder {settings.input_dir} does not exist", file=sys.stderr)
        return 2
    setup: dict[str, float] = {}
    begun = time.perf_counter()
    # Great Expectations loads in a process of its own while Prefect loads and the run ingests
    gate_process.start()
    try:
        started = time.perf_counter()
        with progress.step("loading Prefect and the pipeline's libraries"):
            from flows import server as servers
            from flows.news_pipeline import news_pipeline
        _timed(setup, "imports", started)
        if servers.needs_temporary_server():
            started = time.perf_counter()
            with progress.step(
                f"starting Prefect's temporary server (allowing {servers.startup_timeout()} s)"
            ):
                # stopped at exit by Prefect, after its log and event workers have drained
                servers.start_temporary_server()
            _timed(setup, "server start", started)
        # the flow reads where its per-document work runs from the environment, as a
        # deployment's flow run does
        for name, value in (
            ("NEWSGATE_TASK_RUNNER", args.task_runner),
            ("NEWSGATE_DASK_ADDRESS", args.dask_address),
            ("NEWSGATE_WORKERS", args.workers and str(args.workers)),
        ):
            if value:
                os.environ[name] = value
        state = news_pipeline(
            str(settings.input_dir),
            str(settings.warehouse_dir),
            full_refresh=args.full_refresh,
            input_mode=settings.input_mode,
            return_state=True,
        )
        summary = state.result(raise_on_failure=False)
    except NewsgateError as exc:
        print(f"newsgate: {exc}", file=sys.stderr)
        return 1
    return _report(args, state, summary, setup, time.perf_counter() - begun)


def _report(args: argparse.Namespace, state, summary, setup: dict[str, float], wall: float) -> int:
    """Print the run's summary (text or JSON) and return the exit status."""
    from newsgate.report.summary import RunSummary, format_summary

    if isinstance(summary, RunSummary):
        summary.setup_seconds = {**setup, **summary.setup_seconds}
        summary.wall_seconds = wall
        summary.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(summary.to_json() if args.json else format_summary(summary))
    if state.is_completed():
        return 0
    message = state.message or (str(summary) if isinstance(summary, BaseException) else "")
    print(f"newsgate: run not published: {message}", file=sys.stderr)
    return 1
