"""Task runners: local threads by default, or Dask (a local cluster or a scheduler address)."""

from __future__ import annotations

import os

from prefect.task_runners import ThreadPoolTaskRunner


def make_task_runner(
    kind: str | None = None, address: str | None = None, workers: int | None = None
):
    """Return the task runner named by `kind` (or NEWSGATE_TASK_RUNNER): "local" or "dask"."""
    kind = kind or os.environ.get("NEWSGATE_TASK_RUNNER") or "local"
    if kind == "local":
        # spaCy's rule components hold the GIL: batches on parallel threads only contend
        return ThreadPoolTaskRunner(max_workers=1)
    if kind != "dask":
        raise ValueError(f"NEWSGATE_TASK_RUNNER must be local or dask, not {kind!r}")
    from prefect_dask import DaskTaskRunner

    address = address or os.environ.get("NEWSGATE_DASK_ADDRESS")
    if address:
        return DaskTaskRunner(address=address)
    workers = workers or int(os.environ.get("NEWSGATE_DASK_WORKERS") or 2)
    return DaskTaskRunner(
        cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True}
    )
