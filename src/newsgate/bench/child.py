"""A measuring child process for the benchmark: the NLP pipeline alone, on as many warmed
worker processes as a run uses, over the published bodies; prints JSON."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


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
            run_job(pool, BatchJob(worker_pid, warm, pids.add, [1] * pool.workers, "warm"))
        tokens: list[int] = []
        start = time.perf_counter()
        job = BatchJob(
            nlp_tokens, ((b,) for b in batches), tokens.append, [len(b) for b in batches]
        )
        run_job(pool, job)
        wall = time.perf_counter() - start
    finally:
        pool.close()
    return {"wall_s": wall, "tokens": sum(tokens), "workers": pool.workers}


if __name__ == "__main__":
    print(json.dumps(_nlp(*sys.argv[1:])))
