"""Where the work runs: the flow's own tasks one after another on a thread, the per-document work
(article parsing, NLP) on a worker pool — processes on this machine by default, this process, or
a Dask cluster (NEWSGATE_TASK_RUNNER, NEWSGATE_WORKERS, NEWSGATE_DASK_ADDRESS)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from prefect.task_runners import ThreadPoolTaskRunner

from newsgate.workers import Pool, open_pool


def make_task_runner() -> ThreadPoolTaskRunner:
    """Return the runner of the flow's tasks: one thread, since each stage needs the one before.

    Per-document work does not go through Prefect task runs (each costs ~0.2 s of API traffic
    in a process pool, measured in docs/benchmarks.md) but through the worker pool.
    """
    return ThreadPoolTaskRunner(max_workers=1)


@contextmanager
def worker_pool(
    spacy_model: str | None = None,
    kind: str | None = None,
    address: str | None = None,
    workers: int | None = None,
) -> Iterator[Pool]:
    """Yield a started worker pool (see newsgate.workers.open_pool) and close it afterwards."""
    pool = open_pool(kind, workers, address, spacy_model)
    try:
        yield pool
    finally:
        pool.close()
