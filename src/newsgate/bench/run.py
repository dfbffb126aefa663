"""The benchmark: end-to-end flow runs on generated corpora, against the NLP alone, with figures.

For each corpus size, and each repetition (medians are reported): a full run into a fresh
warehouse, a re-run on the same input (nothing new), and a run after adding 1% new articles;
then the NLP alone over the published bodies on as many warmed worker processes as the flow
uses. Optionally the same full runs with the Dask runner and with a baseline checkout.

What is timed: the flow call, in a child process (scripts/bench_flow.py) that has already
imported it; the worker pool starts (and loads the pipeline) inside that region. The API server
the runs report to is started once by the benchmark, before any clock, as a scheduled
deployment finds one running; `--ephemeral` gives each run the orchestrator's temporary server
instead, whose start-up is then inside the timed region. Memory and the workers' CPU are
sampled from this process over each child's process tree.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import psutil

from newsgate.bench.corpus import generate_corpus, write_corpus

CHILD = Path(__file__).with_name("child.py")
PROJECT_DIR = Path(__file__).resolve().parents[3]
# runs one checkout's flow once (it lives with the orchestration code, outside the library)
FLOW_SCRIPT = PROJECT_DIR / "scripts" / "bench_flow.py"
SAMPLE_SECONDS = 0.2
QUIET = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "GX_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
}
# the new articles of the "+1%" run are generated from another seed
EXTRA_SEED_OFFSET = 1000


def nlp_tokens(batch: list[tuple]) -> int:
    """Return how many tokens the NLP pipeline makes of a batch of (body, published_date)."""
    from newsgate.nlp.pipeline import make_doc
    from newsgate.nlp.stage import pipeline

    nlp = pipeline(None)
    nlp.max_length = max([nlp.max_length, *(len(body) + 1 for body, _ in batch)])
    docs = nlp.pipe(make_doc(nlp, body, published) for body, published in batch)
    return sum(len(doc) for doc in docs)


def worker_pid(pause: float) -> int:
    """Return the worker's process id after `pause` seconds (so each worker takes one)."""
    time.sleep(pause)
    return os.getpid()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def api_server(home: Path) -> Iterator[str]:
    """Run the orchestrator's API server on loopback for the benchmark's runs; yield its URL."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = dict(os.environ, **QUIET, PREFECT_HOME=str(home))
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen(
        [sys.executable, str(FLOW_SCRIPT), "server", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=5) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the benchmark's API server did not start")
            time.sleep(1)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


class TreeSampler:
    """Samples a process and its descendants (the run's workers) until stopped: peak memory
    (RSS summed, PSS summed: shared pages counted once) and the CPU seconds of the
    descendants as last seen."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak_rss = 0
        self.peak_tree_rss = 0
        self.peak_tree_pss = 0
        self.child_cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            rss = pss = 0
            for proc in procs:
                try:
                    info = proc.memory_full_info()
                    cpu = proc.cpu_times()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                rss += info.rss
                pss += info.pss
                if proc.pid == self.root.pid:
                    self.peak_rss = max(self.peak_rss, info.rss)
                else:
                    self.child_cpu[proc.pid] = cpu.user + cpu.system
            self.peak_tree_rss = max(self.peak_tree_rss, rss)
            self.peak_tree_pss = max(self.peak_tree_pss, pss)
            self._stop.wait(SAMPLE_SECONDS)

    def figures(self) -> dict:
        mb = 1024 * 1024
        return {
            "peak_rss_mb": self.peak_rss / mb,
            "peak_tree_rss_mb": self.peak_tree_rss / mb,
            "peak_tree_pss_mb": self.peak_tree_pss / mb,
            "workers_cpu_s": sum(self.child_cpu.values()),
            "processes": 1 + len(self.child_cpu),
        }


def _child(args: list[str], env: dict, cwd: Path | None = None, script: Path = CHILD) -> dict:
    """Run a measuring child process, sampling its process tree; return the JSON it prints
    last, with the samples."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(
            [sys.executable, str(script), *args], stdout=out, stderr=err, env=env, cwd=cwd
        )
        with TreeSampler(child.pid) as sampler:
            code = child.wait()
        out.seek(0)
        err.seek(0)
        if code != 0:
            raise RuntimeError(f"benchmark child failed: {err.read()[-3000:]}")
        result = json.loads(out.read().strip().splitlines()[-1])
    return {**sampler.figures(), **result}


def _flow(folder: Path, warehouse_dir: Path, env: dict, cwd: Path) -> dict:
    return _child(["flow", str(folder), str(warehouse_dir)], env, cwd, FLOW_SCRIPT)


def published_words(publication: str) -> int:
    """Return the words of the published article bodies (the unit of words/s)."""
    con = duckdb.connect()
    try:
        return con.execute(
            "select coalesce(sum(word_count), 0) from read_parquet(?)",
            [str(Path(publication) / "article.parquet")],
        ).fetchall()[0][0]
    finally:
        con.close()


def published_hash(publication: str) -> str:
    """Return a hash of every published table's rows but per-run columns (and gate results)."""
    con = duckdb.connect()
    digest = hashlib.sha256()
    try:
        for path in sorted(Path(publication).glob("*.parquet")):
            if path.stem == "validation_result":
                continue
            rel = con.sql(f"select * from read_parquet('{path.as_posix()}')")
            keep = [c for c in rel.columns if c not in {"run_id", "validated_at", "result_id"}]
            rows = sorted(map(repr, rel.select(*keep).fetchall()))
            digest.update(path.stem.encode())
            digest.update("\n".join(rows).encode())
    finally:
        con.close()
    return digest.hexdigest()


def _clone(source: Path, target: Path) -> None:
    """Copy a corpus folder by hard links (cheap; the runs never write into their input)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, copy_function=os.link)


def _add_new_articles(folder: Path, count: int, seed: int) -> None:
    for article in generate_corpus(count, seed + EXTRA_SEED_OFFSET):
        path = folder / "new" / article.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.text, encoding="utf-8")


def _env(api_url: str | None, runner: str | None, baseline: Path | None) -> dict:
    env = dict(os.environ, **QUIET)
    env.pop("PREFECT_API_URL", None)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    if baseline is not None:
        # the baseline's own defaults: its code does not know this version's settings
        for name in ("NEWSGATE_TASK_RUNNER", "NEWSGATE_WORKERS", "NEWSGATE_BATCH_SIZE"):
            env.pop(name, None)
        env["PYTHONPATH"] = os.pathsep.join([str(baseline / "src"), str(baseline)])
    elif runner:
        env["NEWSGATE_TASK_RUNNER"] = runner
    return env


def _sequence(corpus: Path, root: Path, n: int, seed: int, env: dict, cwd, rerun: bool) -> dict:
    """One repetition: a full run in a fresh warehouse, then a re-run and a +1% run."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    folder, warehouse_dir = root / "input", root / "warehouse"
    _clone(corpus, folder)
    out = {"full": _flow(folder, warehouse_dir, env, cwd)}
    out["full"]["hash"] = published_hash(out["full"]["publication"])
    out["full"]["words"] = published_words(out["full"]["publication"])
    if rerun:
        out["rerun"] = _flow(folder, warehouse_dir, env, cwd)
        _add_new_articles(folder, max(1, n // 100), seed)
        out["plus"] = _flow(folder, warehouse_dir, env, cwd)
    return out


def measure(
    n: int,
    workdir: Path,
    seed: int = 42,
    repeat: int = 1,
    runners: tuple[str, ...] = ("process",),
    baseline: Path | None = None,
    api_url: str | None = None,
) -> dict:
    """Return the figures for a corpus of `n` generated articles (medians over `repeat`)."""
    from newsgate.workers import batch_size, default_workers

    corpus = workdir / f"corpus-{n}"
    shutil.rmtree(corpus, ignore_errors=True)
    write_corpus(corpus, n, seed)
    figures: dict = {"n": n, "runners": {}}
    for runner in runners:
        runs = [
            _sequence(
                corpus,
                workdir / f"run-{n}-{runner}-{r}",
                n,
                seed,
                _env(api_url, runner, None),
                PROJECT_DIR,
                rerun=runner == runners[0],
            )
            for r in range(repeat)
        ]
        figures["runners"][runner] = _summary(runs)
    main = figures["runners"][runners[0]]
    workers = os.environ.get("NEWSGATE_WORKERS") or str(default_workers())
    nlp = [
        _child([main["publication"], workers, str(batch_size())], _env(None, None, None))
        for _ in range(repeat)
    ]
    main["nlp_only_s"] = statistics.median(r["wall_s"] for r in nlp)
    main["nlp_tokens"] = nlp[0]["tokens"]
    main["nlp_workers"] = nlp[0]["workers"]
    main["e2e_over_nlp"] = main["wall_s"] / main["nlp_only_s"]
    if baseline is not None:
        runs = [
            _sequence(
                corpus,
                workdir / f"run-{n}-baseline-{r}",
                n,
                seed,
                _env(api_url, None, baseline),
                baseline,
                rerun=False,
            )
            for r in range(repeat)
        ]
        figures["baseline"] = _summary(runs)
        figures["speedup"] = figures["baseline"]["wall_s"] / main["wall_s"]
    for summary in figures["runners"].values():
        summary["same_rows"] = summary["hash"] == main["hash"]
    if baseline is not None:
        figures["baseline"]["same_rows"] = figures["baseline"]["hash"] == main["hash"]
    shutil.rmtree(corpus, ignore_errors=True)
    return figures


def _summary(runs: list[dict]) -> dict:
    """Medians over repetitions of one runner's figures."""
    full = [r["full"] for r in runs]

    def median(key: str, items: list[dict]) -> float:
        return statistics.median(item[key] for item in items)

    wall = median("wall_s", full)
    out = {
        "wall_s": wall,
        "articles": full[0]["articles"],
        "words": full[0]["words"],
        "words_per_s": full[0]["words"] / wall,
        "articles_per_s": full[0]["articles"] / wall,
        "main_cpu_s": median("main_cpu_s", full),
        "workers_cpu_s": median("workers_cpu_s", full),
        "peak_rss_mb": median("peak_rss_mb", full),
        "peak_tree_rss_mb": median("peak_tree_rss_mb", full),
        "peak_tree_pss_mb": median("peak_tree_pss_mb", full),
        "processes": full[0]["processes"],
        "stages_s": full[0]["stages_s"],
        "hash": full[0]["hash"],
        "publication": full[-1]["publication"],
        "repeat": len(runs),
    }
    if "rerun" in runs[0]:
        out["rerun_s"] = median("wall_s", [r["rerun"] for r in runs])
        out["rerun_fraction"] = statistics.median(
            r["rerun"]["wall_s"] / r["full"]["wall_s"] for r in runs
        )
        out["plus_s"] = median("wall_s", [r["plus"] for r in runs])
        out["plus_fraction"] = statistics.median(
            r["plus"]["wall_s"] / r["full"]["wall_s"] for r in runs
        )
        out["rerun_stages_s"] = runs[0]["rerun"]["stages_s"]
        out["plus_stages_s"] = runs[0]["plus"]["stages_s"]
    out["repeatable_rows"] = len({r["hash"] for r in full}) == 1
    return out


def _cell(value, fmt: str) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    return fmt.format(value)


def format_figures(figures: list[dict]) -> str:
    """Return the figures as a text table, one column per corpus size (and runner)."""
    columns = []
    for f in figures:
        for runner, summary in f["runners"].items():
            columns.append((f"N={f['n']} {runner}", f, summary))
        if "baseline" in f:
            columns.append((f"N={f['n']} baseline", f, f["baseline"]))
    rows = [
        ("articles published", "articles", "{:.0f}"),
        ("words (published bodies)", "words", "{:.0f}"),
        ("end-to-end wall time (s)", "wall_s", "{:.1f}"),
        ("words/s end to end", "words_per_s", "{:.0f}"),
        ("articles/s end to end", "articles_per_s", "{:.1f}"),
        ("NLP only, same workers (s)", "nlp_only_s", "{:.1f}"),
        ("end-to-end / NLP-only", "e2e_over_nlp", "{:.2f}"),
        ("re-run, nothing new (s)", "rerun_s", "{:.1f}"),
        ("re-run / full run", "rerun_fraction", "{:.3f}"),
        ("run adding 1% new articles (s)", "plus_s", "{:.1f}"),
        ("+1% run / full run", "plus_fraction", "{:.3f}"),
        ("CPU s, flow process", "main_cpu_s", "{:.1f}"),
        ("CPU s, worker processes (sampled)", "workers_cpu_s", "{:.1f}"),
        ("processes (flow + workers)", "processes", "{:.0f}"),
        ("peak RSS, flow process (MB)", "peak_rss_mb", "{:.0f}"),
        ("peak RSS, flow + workers (MB)", "peak_tree_rss_mb", "{:.0f}"),
        ("peak PSS, flow + workers (MB)", "peak_tree_pss_mb", "{:.0f}"),
        ("same published rows as first runner", "same_rows", "{}"),
        ("same rows on every repetition", "repeatable_rows", "{}"),
    ]
    width = max(14, *(len(c[0]) + 2 for c in columns))
    lines = [f"{'figure':<38}" + "".join(f"{c[0]:>{width}}" for c in columns)]
    for label, key, fmt in rows:
        cells = [_cell(summary.get(key), fmt) for _, _, summary in columns]
        lines.append(f"{label:<38}" + "".join(f"{c:>{width}}" for c in cells))
    speedups = [f for f in figures if "speedup" in f]
    for f in speedups:
        lines.append(
            f"speed-up over the baseline at N={f['n']}: {f['speedup']:.2f}x "
            f"(baseline {f['baseline']['wall_s']:.1f} s, this {_first(f)['wall_s']:.1f} s)"
        )
    for key, title in (
        ("stages_s", "full run"),
        ("rerun_stages_s", "re-run, nothing new"),
        ("plus_stages_s", "run adding 1%"),
    ):
        stages = sorted({s for _, _, summary in columns for s in summary.get(key, {})})
        if not stages:
            continue
        lines.append(f"time per task, {title} (s, summed over the flow's task runs):")
        for stage in stages:
            cells = [summary.get(key, {}).get(stage) for _, _, summary in columns]
            lines.append(
                f"  {stage:<36}" + "".join(f"{_cell(c, '{:.1f}'):>{width}}" for c in cells)
            )
    lines.extend(_verdicts(figures))
    return "\n".join(lines)


def _first(f: dict) -> dict:
    return next(iter(f["runners"].values()))


def _verdicts(figures: list[dict]) -> list[str]:
    """The issue's targets, checked on these figures."""
    out = ["targets (issue 17):"]
    by_n = {f["n"]: _first(f) for f in figures}
    top = max(by_n)
    first = by_n[top]
    speed = next((f["speedup"] for f in figures if f["n"] == top and "speedup" in f), None)
    checks = [
        (f"words/s at N={top} >= 3x the baseline", speed, lambda v: v >= 3, "{:.2f}x"),
        (f"end-to-end / NLP-only <= 1.3 at N={top}", first.get("e2e_over_nlp"), None, "{:.2f}"),
        (f"no-change re-run <= 10% at N={top}", first.get("rerun_fraction"), None, "{:.1%}"),
        (f"+1% new articles <= 15% at N={top}", first.get("plus_fraction"), None, "{:.1%}"),
        (
            f"peak memory (PSS, flow + workers) <= 1 GB at N={top}",
            first.get("peak_tree_pss_mb"),
            None,
            "{:.0f} MB",
        ),
    ]
    limits = [None, 1.3, 0.10, 0.15, 1024]
    for (label, value, test, fmt), limit in zip(checks, limits, strict=True):
        if value is None:
            out.append(f"  {label}: not measured")
            continue
        met = test(value) if test else value <= limit
        out.append(f"  {label}: {fmt.format(value)} {'met' if met else 'NOT met'}")
    smallest = min(by_n)
    if smallest != top:
        low, high = by_n[smallest]["peak_tree_pss_mb"], first["peak_tree_pss_mb"]
        growth = high / low - 1
        out.append(
            f"  peak memory at N={top} within 20% of N={smallest}: {low:.0f} -> {high:.0f} MB "
            f"({growth:+.0%}) {'met' if growth <= 0.2 else 'NOT met'}"
        )
    same = all(s.get("same_rows") for f in figures for s in f["runners"].values())
    runners = sorted({r for f in figures for r in f["runners"]})
    out.append(f"  same published rows with {', '.join(runners)}: {'yes' if same else 'NO'}")
    return out


def run_benchmark(
    sizes: list[int],
    workdir: Path | None = None,
    repeat: int = 1,
    runners: tuple[str, ...] = ("process",),
    baseline: Path | None = None,
    ephemeral: bool = False,
) -> list[dict]:
    """Measure every corpus size in `sizes` in a scratch folder and return the figures."""
    with tempfile.TemporaryDirectory(prefix="newsgate-bench-") as scratch:
        root = workdir or Path(scratch)
        root.mkdir(parents=True, exist_ok=True)

        def measure_all(api_url: str | None) -> list[dict]:
            return [
                measure(n, root, repeat=repeat, runners=runners, baseline=baseline, api_url=api_url)
                for n in sizes
            ]

        if ephemeral:
            figures = measure_all(None)
        else:
            with api_server(root / "server-home") as url:
                figures = measure_all(url)
        (root / "figures.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
        return figures
