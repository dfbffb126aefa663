"""A measuring child process for the benchmark: one flow run, or the NLP alone; prints JSON."""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _flow(input_dir: str, warehouse_dir: str) -> dict:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.news_pipeline import news_pipeline

    start = time.perf_counter()
    state = news_pipeline(input_dir, warehouse_dir, return_state=True)
    wall = time.perf_counter() - start
    if not state.is_completed():
        raise SystemExit(f"flow run failed: {state.message}")
    stages: dict[str, float] = defaultdict(float)
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(
                id=FlowRunFilterId(any_=[state.state_details.flow_run_id])
            )
        )
    for run in runs:
        stages[run.name.rsplit("-", 1)[0]] += run.total_run_time.total_seconds()
    publication = state.result()
    return {
        "wall_s": wall,
        "articles": publication.row_counts["article"],
        "peak_rss_mb": _peak_rss_mb(),
        "stages_s": dict(stages),
    }


def _nlp(warehouse_dir: str) -> dict:
    from newsgate.bench.run import count_tokens

    tokens, seconds = count_tokens(Path(warehouse_dir))
    return {"wall_s": seconds, "tokens": tokens, "peak_rss_mb": _peak_rss_mb()}


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    result = _flow(*rest) if kind == "flow" else _nlp(*rest)
    print(json.dumps(result))
