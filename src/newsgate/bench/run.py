"""The benchmark: end-to-end flow runs on generated corpora, against NLP alone, with figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from newsgate.bench.corpus import write_corpus

_CHILD = "newsgate.bench.child"


def _run(*args: str) -> dict:
    """Run a child process quietly and return the JSON document it prints on stdout."""
    env = dict(os.environ, NEWSGATE_PROGRESS="0")
    done = subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {done.stderr[-3000:]}")
    return json.loads(done.stdout[done.stdout.index("{") :])


def _flow(corpus: Path, warehouse_dir: Path) -> dict:
    """Return wall time (the process's, less its imports, as a flow call would count),
    articles, peak RSS and seconds per stage of one `newsgate run`."""
    start = time.perf_counter()
    summary = _run(
        "newsgate.cli", "run", "--input", str(corpus), "--warehouse", str(warehouse_dir), "--json"
    )
    stages = dict(summary["setup_seconds"])
    for stage in summary["stages"]:
        stages[stage["name"]] = stage["seconds"]
        if stage["gate_seconds"] is not None:
            stages[f"{stage['name']} gate"] = stage["gate_seconds"]
    return {
        "wall_s": time.perf_counter() - start - summary["setup_seconds"].get("imports", 0.0),
        "articles": summary["row_counts"]["article"],
        "peak_rss_mb": summary["peak_rss_mb"],
        "stages_s": stages,
    }


def measure(n: int, workdir: Path, seed: int = 42) -> dict:
    """Return the figures for a corpus of `n` generated articles."""
    corpus = workdir / f"corpus-{n}"
    warehouse_dir = workdir / f"warehouse-{n}"
    write_corpus(corpus, n, seed)
    full = _flow(corpus, warehouse_dir)
    rerun = _flow(corpus, warehouse_dir)
    nlp_only = _run(_CHILD, str(warehouse_dir))
    articles = full["articles"]
    return {
        "n": n,
        "articles": articles,
        "wall_s": full["wall_s"],
        "articles_per_s": articles / full["wall_s"],
        "tokens_per_s": nlp_only["tokens"] / full["wall_s"],
        "nlp_only_s": nlp_only["wall_s"],
        "nlp_only_tokens_per_s": nlp_only["tokens"] / nlp_only["wall_s"],
        "e2e_over_nlp": full["wall_s"] / nlp_only["wall_s"],
        "rerun_s": rerun["wall_s"],
        "rerun_fraction": rerun["wall_s"] / full["wall_s"],
        "peak_rss_mb": full["peak_rss_mb"],
        "nlp_peak_rss_mb": nlp_only["peak_rss_mb"],
        "stages_s": full["stages_s"],
    }


def format_figures(figures: list[dict]) -> str:
    """Return the figures as a text table, one column per corpus size."""
    rows = [
        ("articles published", "articles", "{:.0f}"),
        ("end-to-end wall time (s)", "wall_s", "{:.1f}"),
        ("articles/s end to end", "articles_per_s", "{:.1f}"),
        ("tokens/s end to end", "tokens_per_s", "{:.0f}"),
        ("NLP only: nlp.pipe wall time (s)", "nlp_only_s", "{:.1f}"),
        ("NLP only: tokens/s", "nlp_only_tokens_per_s", "{:.0f}"),
        ("end-to-end / NLP-only", "e2e_over_nlp", "{:.2f}"),
        ("re-run, no new input (s)", "rerun_s", "{:.1f}"),
        ("re-run / full run", "rerun_fraction", "{:.2f}"),
        ("peak RSS of the flow (MB)", "peak_rss_mb", "{:.0f}"),
    ]
    header = f"{'figure':<36}" + "".join(f"{'N=' + str(f['n']):>12}" for f in figures)
    lines = [header]
    for label, key, fmt in rows:
        lines.append(f"{label:<36}" + "".join(f"{fmt.format(f[key]):>12}" for f in figures))
    stages = list(dict.fromkeys(s for f in figures for s in f["stages_s"]))  # in run order
    lines.append("time per stage (s; setup, each stage's build and its gate):")
    for stage in stages:
        lines.append(
            f"  {stage:<34}" + "".join(f"{f['stages_s'].get(stage, 0.0):>12.1f}" for f in figures)
        )
    return "\n".join(lines)


def run_benchmark(sizes: list[int], workdir: Path | None = None) -> list[dict]:
    """Measure every corpus size in `sizes` in a scratch folder and return the figures."""
    with tempfile.TemporaryDirectory(prefix="newsgate-bench-") as scratch:
        root = workdir or Path(scratch)
        return [measure(n, root) for n in sizes]


def count_tokens(warehouse_dir: Path) -> tuple[int, float]:
    """Return (tokens, seconds) of the NLP pipeline alone over the published article bodies."""
    from newsgate.nlp.pipeline import load_pipeline

    con = duckdb.connect()
    try:
        bodies = [
            r[0]
            for r in con.execute(
                f"select body from read_parquet('{warehouse_dir}/published/article.parquet')"
            ).fetchall()
        ]
    finally:
        con.close()
    nlp = load_pipeline()
    nlp.max_length = max([nlp.max_length, *(len(b) + 1 for b in bodies)])
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(bodies, batch_size=200))
    return tokens, time.perf_counter() - start
