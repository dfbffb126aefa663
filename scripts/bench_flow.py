"""Run one checkout's news_pipeline flow once and print what the benchmark measures, as JSON.

`newsgate bench run` (src/newsgate/bench/run.py) runs this in a child process, for this checkout
or — with PYTHONPATH pointing at another checkout, e.g. a worktree of the tag baseline-s11 — for
that one, so both are timed the same way:

  python scripts/bench_flow.py flow INPUT WAREHOUSE   time one flow run (prints JSON)
  python scripts/bench_flow.py server PORT            serve a Prefect API on 127.0.0.1:PORT

Everything is imported before the clock starts: the timed region is the flow call. With
PREFECT_API_URL set (the benchmark's own server) no server starts inside it; without, Prefect's
temporary server starts inside it, as in `newsgate run`.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict


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


def flow(input_dir: str, warehouse_dir: str) -> dict:
    """Run the flow first on sys.path once; return its wall time, articles and stage times."""
    from flows.news_pipeline import news_pipeline

    cpu = time.process_time()
    start = time.perf_counter()
    state = news_pipeline(input_dir, warehouse_dir, return_state=True)
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    if not state.is_completed():
        raise SystemExit(f"flow run failed: {state.message}")
    result = state.result()
    stages = getattr(result, "stages", None)
    if stages:  # this version's run summary: each stage's build and gate
        times = {}
        for stage in stages:
            times[stage.name] = stage.seconds
            if stage.gate_seconds is not None:
                times[f"{stage.name} gate"] = stage.gate_seconds
    else:  # older versions: Prefect's task runs
        times = _task_times(state.state_details.flow_run_id)
    return {
        "wall_s": wall,
        "main_cpu_s": cpu,
        "articles": result.row_counts["article"],
        "publication": str(result.path),
        "stages_s": times,
    }


def server(port: str) -> None:
    """Replace this process with a Prefect server on loopback (the benchmark stops it)."""
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
    os.execv(sys.executable, [*command, "--port", port])


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    if kind == "server":
        server(*rest)
    else:
        print(json.dumps(flow(*rest)))
