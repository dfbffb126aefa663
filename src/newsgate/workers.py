"""Worker pools: where batches of per-document work run (this process, worker processes on this
machine, or a Dask cluster), and the loop that feeds them from the warehouse and stores results.

Workers only compute: the main process reads each batch's input from DuckDB, and stores what
comes back, a few batches at a time, so memory does not grow with the corpus and only one
process ever writes the warehouse.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from newsgate import progress
from newsgate.errors import ConfigError

KINDS = ("process", "inline", "dask")
DEFAULT_BATCH_SIZE = 200
# batches in flight per worker: one running and one waiting, so no worker idles between batches
IN_FLIGHT_PER_WORKER = 2
# how often a worker checks that the run that started it is still there
WATCH_SECONDS = 1.0


def default_workers() -> int:
    """Return how many worker processes this machine runs by default: its usable cores."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def warm_worker(spacy_model: str | None = None) -> None:
    """Load what every batch needs once per worker: the article rules and the NLP pipeline."""
    try:
        import newsgate.article_stage  # noqa: F401  (imports the parsing rules and their data)
        from newsgate.nlp.stage import pipeline

        pipeline(spacy_model)
    except Exception:  # the first batch raises the same error, with its own message
        return


def _alive(pid: int) -> bool:
    # a killed run stays a zombie until whoever started it reaps it (subprocess.run reads the
    # run's pipes first, and those pipes are held by the workers): a zombie is not alive
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


def _start_worker(run_pid: int, spacy_model: str | None) -> None:
    """Tie a worker's life to the run that started it, then warm it up."""
    server = os.getppid()  # the fork server, which exits as soon as the run is gone

    def watch() -> None:
        # a killed run takes its workers with it: none is left orphaned, computing for nobody
        while _alive(run_pid) and os.getppid() == server:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-run", daemon=True).start()
    warm_worker(spacy_model)


def _noop() -> None:
    return None


class _Hooks:
    """What a run hangs on its pool: callbacks for when a stage's batches are done, and work run
    ahead on a thread of this process (it feeds the workers while the main thread does what only
    it can do, e.g. the article gate while the NLP runs)."""

    def _extras(self) -> dict:
        return self.__dict__.setdefault("_hook_state", {"after": {}, "ahead": {}})

    def after(self, stage: str, callback: Callable[[], Any]) -> None:
        """Call `callback` once, when `stage` reports its batches done."""
        self._extras()["after"].setdefault(stage, []).append(callback)

    def stage_done(self, stage: str) -> None:
        for callback in self._extras()["after"].pop(stage, []):
            callback()

    def run_ahead(
        self, key: str, work: Callable[[], Any], cleanup: Callable[[], Any] | None = None
    ) -> None:
        """Start `work` on a thread now; join_ahead(key) waits for it, then calls `cleanup`."""
        box: dict = {"cleanup": cleanup}

        def target() -> None:
            try:
                box["result"] = work()
            except BaseException as exc:  # handed to whoever joins, on the main thread
                box["error"] = exc

        thread = threading.Thread(target=target, name=f"ahead-{key}", daemon=True)
        self._extras()["ahead"][key] = (thread, box)
        thread.start()

    def join_ahead(self, key: str) -> bool:
        """Wait for the work started ahead under `key`; raise its error; tell whether it ran."""
        found = self._extras()["ahead"].pop(key, None)
        if found is None:
            return False
        thread, box = found
        thread.join()
        if box["cleanup"] is not None:
            box["cleanup"]()
        if "error" in box:
            raise box["error"]
        return True

    def _stop_ahead(self) -> None:
        for thread, box in self._extras()["ahead"].values():
            thread.join()
            if box["cleanup"] is not None:
                box["cleanup"]()
        self._extras()["ahead"].clear()


class InlinePool(_Hooks):
    """Runs every batch at once in this process (one worker; for tests and debugging)."""

    kind = "inline"
    workers = 1

    def __init__(self, spacy_model: str | None = None) -> None:
        self.spacy_model = spacy_model

    def start(self) -> None:
        return None

    def submit(self, fn: Callable, *args: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # handed to whoever waits on the future, as a pool would
            future.set_exception(exc)
        return future

    def close(self) -> None:
        self._stop_ahead()


class ProcessPool(_Hooks):
    """Worker processes on this machine, warmed (pipeline loaded) as they start. They start
    with the first batch, or earlier with start(); a run with nothing to do starts none."""

    kind = "process"
    # forked from a server process that imported the extraction and loaded the pipeline once:
    # not a fork of this process (it runs Prefect's threads), no second import of spaCy and no
    # pipeline load per worker, and the workers share those pages (newsgate.nlp.warm)
    PRELOAD = ("newsgate.nlp.annotate", "newsgate.article_stage", "newsgate.nlp.warm")

    def __init__(self, workers: int, spacy_model: str | None = None) -> None:
        self.workers = workers
        self.spacy_model = spacy_model
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(list(self.PRELOAD))
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(os.getpid(), spacy_model),
        )
        self._futures: weakref.WeakSet[Future] = weakref.WeakSet()

    def start(self) -> None:
        """Start every worker now, from a thread (starting the fork server takes seconds); they
        load the pipeline while this process does other work."""

        def start_all() -> None:
            # the executor starts a process per submission while none is idle
            with contextlib.suppress(RuntimeError):  # the run ended first
                for _ in range(self.workers):
                    self.submit(_noop)

        threading.Thread(target=start_all, name="start-workers", daemon=True).start()

    def submit(self, fn: Callable, *args: Any) -> Future:
        future = self._executor.submit(fn, *args)
        self._futures.add(future)
        return future

    def close(self) -> None:
        # batches not started are cancelled: work run ahead stops at its next batch
        for future in list(self._futures):
            future.cancel()
        self._stop_ahead()
        self._executor.shutdown(wait=True, cancel_futures=True)


class DaskPool(_Hooks):
    """A Dask cluster: the one at `address`, or a local cluster of `workers` processes."""

    kind = "dask"

    def __init__(
        self, workers: int, address: str | None = None, spacy_model: str | None = None
    ) -> None:
        from distributed import Client, LocalCluster

        self.spacy_model = spacy_model
        self._cluster = None
        if address:
            self._client = Client(address)
        else:
            self._cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self._client = Client(self._cluster)
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})) or workers)
        self._client.run(warm_worker, spacy_model)

    def start(self) -> None:
        return None

    def submit(self, fn: Callable, *args: Any) -> Future:
        return self._client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self._client.cancel(list(self._client.futures))
        self._stop_ahead()
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


Pool = InlinePool | ProcessPool | DaskPool


def open_pool(
    kind: str | None = None,
    workers: int | None = None,
    address: str | None = None,
    spacy_model: str | None = None,
) -> Pool:
    """Return a started worker pool of `kind` (or NEWSGATE_TASK_RUNNER): process, inline or dask."""
    kind = kind or os.environ.get("NEWSGATE_TASK_RUNNER") or "process"
    address = address or os.environ.get("NEWSGATE_DASK_ADDRESS") or None
    if address and kind == "process":
        kind = "dask"
    if kind not in KINDS:
        raise ConfigError(f"NEWSGATE_TASK_RUNNER must be one of {', '.join(KINDS)}, not {kind!r}")
    if kind == "inline":
        return InlinePool(spacy_model)
    count = workers or _env_workers(kind)
    if kind == "dask":
        return DaskPool(count, address, spacy_model)
    return ProcessPool(count, spacy_model)


def batch_size() -> int:
    """Return how many documents make one batch (NEWSGATE_BATCH_SIZE, default 200)."""
    return _positive("NEWSGATE_BATCH_SIZE", DEFAULT_BATCH_SIZE)


def _positive(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc
    if value < 1:
        raise ConfigError(f"{name} must be at least 1, got {value}")
    return value


def _env_workers(kind: str) -> int:
    if kind == "dask" and os.environ.get("NEWSGATE_DASK_WORKERS"):
        return _positive("NEWSGATE_DASK_WORKERS", 2)
    return _positive("NEWSGATE_WORKERS", default_workers())


def split_batches(keys: list[str]) -> list[list[str]]:
    """Return `keys` cut into batches of batch_size()."""
    size = batch_size()
    return [keys[i : i + size] for i in range(0, len(keys), size)]


@dataclass
class BatchJob:
    """Batches of work: each payload is read here, `work(*payload)` runs in a worker, and its
    result is stored here; `sizes` are the documents of each batch, for the progress bar."""

    work: Callable
    payloads: Iterator[tuple]
    store: Callable[[Any], None]
    sizes: list[int]
    desc: str = "batches"
    unit: str = "document"

    @property
    def batches(self) -> int:
        return len(self.sizes)


def run_job(pool: Pool, job: BatchJob) -> int:
    """Run every batch of `job` on `pool`, keeping a few in flight; return how many ran."""
    limit = IN_FLIGHT_PER_WORKER * pool.workers
    in_flight: deque = deque()

    def results() -> Iterator[Any]:
        for payload in job.payloads:
            in_flight.append(pool.submit(job.work, *payload))
            if len(in_flight) >= limit:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()

    done = 0
    try:
        with progress.counter(job.desc, sum(job.sizes), unit=job.unit) as bar:
            for result in results():
                job.store(result)
                bar.update(job.sizes[done])
                done += 1
    finally:
        for future in in_flight:
            future.cancel()
    return done
