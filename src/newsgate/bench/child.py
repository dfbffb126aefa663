"""A measuring child process for the benchmark: one flow run, or the NLP alone; prints JSON.

Run as a script (`python child.py flow INPUT WAREHOUSE`) so that `--baseline` can point it at
another checkout through PYTHONPATH: the flow it imports is whichever `flows` comes first.
Everything is imported before the clock starts; the timed region is the flow call itself.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import psutil

SAMPLE_SECONDS = 0.2


class MemorySampler:
    """Samples this process and its children (the workers) until stopped; keeps the peaks."""

    def __init__(self) -> None:
        self.peak_tree_rss = 0
        self.peak_tree_pss = 0
        self.peak_worker_rss = 0
        self.workers_seen: set[int] = set()
        # CPU seconds of every child process (workers, their server) as last seen
        self.child_cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            self.sample(me)
            self._stop.wait(SAMPLE_SECONDS)

    def sample(self, me: psutil.Process) -> None:
        rss = pss = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                info = proc.memory_full_info()
                cpu = proc.cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            rss += info.rss
            pss += info.pss
            if proc.pid != me.pid:
                self.workers_seen.add(proc.pid)
                self.child_cpu[proc.pid] = cpu.user + cpu.system
                self.peak_worker_rss = max(self.peak_worker_rss, info.rss)
        self.peak_tree_rss = max(self.peak_tree_rss, rss)
        self.peak_tree_pss = max(self.peak_tree_pss, pss)

    def figures(self) -> dict:
        mb = 1024 * 1024
        return {
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_tree_rss_mb": self.peak_tree_rss / mb,
            "peak_tree_pss_mb": self.peak_tree_pss / mb,
            "peak_worker_rss_mb": self.peak_worker_rss / mb,
            "processes": 1 + len(self.workers_seen),
            "workers_cpu_s": sum(self.child_cpu.values()),
        }


def _task_times(flow_run_id) -> dict[str, float]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    stages: dict[str, float] = defaultdict(float)
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
        )
    for run in runs:
        stages[run.name.rsplit("-", 1)[0]] += run.total_run_time.total_seconds()
    return dict(stages)


def _flow(input_dir: str, warehouse_dir: str) -> dict:
    from flows.news_pipeline import news_pipeline

    with MemorySampler() as memory:
        cpu = time.process_time()
        start = time.perf_counter()
        state = news_pipeline(input_dir, warehouse_dir, return_state=True)
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu
    if not state.is_completed():
        raise SystemExit(f"flow run failed: {state.message}")
    publication = state.result()
    return {
        "wall_s": wall,
        "main_cpu_s": cpu,
        "articles": publication.row_counts["article"],
        "publication": str(publication.path),
        "stages_s": _task_times(state.state_details.flow_run_id),
        **memory.figures(),
    }


def _nlp(publication: str, workers: str, batch: str) -> dict:
    """Time the NLP pipeline alone over the published bodies, on `workers` warmed processes."""
    import duckdb

    from newsgate.bench.run import nlp_tokens, worker_pid
    from newsgate.workers import BatchJob, ProcessPool, run_job

    path = Path(publication) / "article.parquet"
    con = duckdb.connect()
    try:
        rows = con.execute(
            "select body, published_date from read_parquet(?) order by article_id", [str(path)]
        ).fetchall()
    finally:
        con.close()
    size = int(batch)
    batches = [rows[i : i + size] for i in range(0, len(rows), size)]
    pool = ProcessPool(int(workers))
    try:
        # every worker has started and loaded the pipeline before the clock starts
        pids: set[int] = set()
        while len(pids) < pool.workers:
            warm = iter([(0.5,)] * pool.workers)
            run_job(pool, BatchJob(worker_pid, warm, pids.add, pool.workers))
        tokens: list[int] = []
        with MemorySampler() as memory:
            start = time.perf_counter()
            run_job(pool, BatchJob(nlp_tokens, ((b,) for b in batches), tokens.append, 0))
            wall = time.perf_counter() - start
    finally:
        pool.close()
    return {"wall_s": wall, "tokens": sum(tokens), "workers": pool.workers, **memory.figures()}


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    result = _flow(*rest) if kind == "flow" else _nlp(*rest)
    print(json.dumps(result))
