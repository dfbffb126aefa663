"""The run report: one self-contained HTML page per run at <warehouse>/report/index.html, with
Vega-Lite's JavaScript inlined so it opens offline and makes no network request."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import polars as pl

from newsgate.config import Settings
from newsgate.errors import ReportError
from newsgate.report import charts
from newsgate.report.data import RunHistory, read_history, read_published
from newsgate.report.summary import RunSummary

REPORT_DIR = "report"
REPORT_FILE = "index.html"
CACHE_DIR = ".cache"
STATUS_LABELS = {"published": "Published", "blocked": "Not published"}


@dataclass
class ReportResult:
    """Where the report was written, or why it was not (a report never fails a run)."""

    path: Path | None
    error: str | None = None
    seconds: float = 0.0


def report_path(settings: Settings) -> Path:
    """Return where the run report of `settings`' warehouse is written."""
    return settings.warehouse_dir / REPORT_DIR / REPORT_FILE


def _vega_lite_version() -> str:
    import altair as alt
    import vl_convert as vlc

    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    wanted = f"{major}.{minor}"
    known = vlc.get_vegalite_versions()
    return wanted if wanted in known else known[-1]


def vega_bundle(cache_dir: Path) -> str:
    """Return the Vega, Vega-Lite and vega-embed JavaScript bundle, cached per version on disk."""
    import vl_convert as vlc

    version = _vega_lite_version()
    cached = cache_dir / f"vega-embed-{vlc.__version__}-vl{version}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    # building the bundle takes seconds; later runs read it back
    bundle = vlc.javascript_bundle(vl_version="v" + version.replace(".", "_"))
    cache_dir.mkdir(parents=True, exist_ok=True)
    write_atomically(cached, bundle)
    return bundle


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _script_json(value) -> str:
    """Return JSON that is safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, default=str).replace("</", "<\\/")


def _gate_rows(history: RunHistory, run_id: str) -> tuple[list[dict], list[dict]]:
    """Return this run's checks, failures first, each with its outcome in every recent run."""
    results = history.results
    if results.is_empty():
        return [], []
    outcomes: dict[tuple[str, str], dict[str, str]] = {}
    for row in results.iter_rows(named=True):
        key = (row["suite"], row["expectation"])
        outcomes.setdefault(key, {})[row["run_id"]] = charts.outcome_of(
            row["success"], row["action"], row["severity"]
        )
    rank = {"blocked": 0, "quarantined": 1, "warning": 2, "passed": 3}
    rows = []
    for row in results.filter(pl.col("run_id") == run_id).iter_rows(named=True):
        outcome = charts.outcome_of(row["success"], row["action"], row["severity"])
        past = outcomes[(row["suite"], row["expectation"])]
        rows.append(
            {
                "suite": row["suite"],
                "expectation": row["expectation"],
                "severity": row["severity"],
                "outcome": outcome,
                "rank": rank[outcome],
                "unexpected": row["unexpected_count"],
                "description": row["description"] or "",
                "samples": history.samples.get((row["suite"], row["expectation_index"]), []),
                "history": [
                    {"run": r, "label": charts.run_label(r), "outcome": past.get(r, "none")}
                    for r in history.runs
                ],
                "failed_before": sum(1 for r, o in past.items() if r != run_id and o != "passed"),
            }
        )
    rows.sort(key=lambda r: (r["rank"], r["suite"], r["expectation"]))
    return [r for r in rows if r["outcome"] != "passed"], [
        r for r in rows if r["outcome"] == "passed"
    ]


def _page(settings: Settings, summary: RunSummary) -> dict:
    """Return everything the template shows, read from the summary, the history and the data."""
    history = read_history(settings, summary.run_id)
    published = read_published(settings)
    failures, passes = _gate_rows(history, summary.run_id)
    chart_list = [charts.gate_history(charts.history_frame(history.results))]
    if published is not None:
        chart_list += [
            charts.event_timeline(published.events, published.undated_events),
            charts.top_speakers(published.quotes, published.unnamed_quotes),
            charts.cooccurrence(published.cooccurrence),
            charts.articles_per_outlet_day(published.articles, published.undated_articles),
        ]
    ingest = next((s for s in summary.stages if s.name == "ingest"), None)
    counts = summary.row_counts
    return {
        "summary": summary,
        "status_label": STATUS_LABELS.get(summary.status, summary.status),
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "run_label": charts.run_label(summary.run_id),
        "ingest_counts": ingest.counts if ingest else {},
        "kpis": [
            ("files seen", (ingest.counts.get("files") if ingest else None)),
            ("articles", counts.get("article")),
            ("entities", counts.get("entity")),
            ("quotations", counts.get("quote")),
            ("events", counts.get("event")),
            ("quarantined", sum(n for _, _, n in summary.quarantined)),
            ("checks failed", len(summary.failures)),
        ],
        "failures": failures,
        "passes": passes,
        "runs": [{"run": r, "label": charts.run_label(r)} for r in history.runs],
        "quarantine_rows": history.quarantine.to_dicts(),
        "file_outcomes": (
            published.file_outcomes.to_dicts()
            if published is not None and published.run_id == summary.run_id
            else []
        ),
        "charts_run": published.run_id if published is not None else None,
        "charts_run_label": charts.run_label(published.run_id) if published else None,
        "gate_chart": chart_list[0],
        "data_charts": chart_list[1:],
        "specs": {c.chart_id: c.spec for c in chart_list if c.spec is not None},
    }


def render_report(settings: Settings, summary: RunSummary) -> str:
    """Return the run report as one self-contained HTML document."""
    import jinja2

    templates = resources.files("newsgate.report") / "templates"
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: (templates / name).read_text(encoding="utf-8")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    page = _page(settings, summary)
    page["specs_json"] = {k: _script_json(v) for k, v in page.pop("specs").items()}
    page["vega_bundle"] = vega_bundle(settings.warehouse_dir / CACHE_DIR).replace(
        "</script", "<\\/script"
    )
    page["style"] = (templates / "report.css").read_text(encoding="utf-8")
    return env.get_template("report.html.j2").render(**page)


def write_report(settings: Settings, summary: RunSummary) -> ReportResult:
    """Write the run report atomically and return where; on any failure return why instead."""
    started = time.perf_counter()
    target = report_path(settings)
    try:
        write_atomically(target, render_report(settings, summary))
    except Exception as exc:  # a report must never fail the run it describes
        error = ReportError(f"{type(exc).__name__}: {exc}".splitlines()[0][:300])
        return ReportResult(None, str(error), time.perf_counter() - started)
    return ReportResult(target, None, time.perf_counter() - started)
