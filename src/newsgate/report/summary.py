"""The summary of one run: what each stage built and how long it took, each gate's verdict, what
was published and quarantined, and where the report is; printed as a text table or as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import polars as pl

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.tables import declared_tables

PUBLISHED = "published"
BLOCKED = "blocked"


@dataclass
class Failure:
    """One failed expectation of this run."""

    suite: str
    expectation: str
    severity: str
    action: str
    unexpected_count: int | None


@dataclass
class StageRecord:
    """One stage of a run: seconds to build, what it built, and its gate (if it has one);
    `steps` splits the seconds of the stage and its gate into named steps."""

    name: str
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    gate_seconds: float | None = None
    suites: int = 0
    expectations: int = 0
    failures: list[Failure] = field(default_factory=list)
    suite_checks: dict[str, tuple[int, int]] = field(default_factory=dict)
    steps: dict[str, float] = field(default_factory=dict)


@dataclass
class RunSummary:
    """Everything a person or a script needs to know about a run once it has ended."""

    run_id: str
    status: str
    message: str
    input_dir: str
    warehouse_dir: str
    publication: str | None
    row_counts: dict[str, int]
    stages: list[StageRecord]
    quarantined: list[tuple[str, str, int]]
    setup_seconds: dict[str, float] = field(default_factory=dict)
    report_path: str | None = None
    report_error: str | None = None
    peak_rss_mb: float | None = None
    wall_seconds: float | None = None

    @property
    def published(self) -> bool:
        return self.status == PUBLISHED

    @property
    def path(self) -> Path | None:
        """The publication's folder (None when the run was blocked)."""
        return Path(self.publication) if self.publication else None

    @property
    def failures(self) -> list[Failure]:
        return [f for stage in self.stages for f in stage.failures]

    @property
    def accounted_seconds(self) -> float:
        """Seconds measured in setup steps, stages and gates."""
        return sum(self.setup_seconds.values()) + sum(
            s.seconds + (s.gate_seconds or 0.0) for s in self.stages
        )

    @property
    def total_seconds(self) -> float:
        """The run's wall time when the command measured it, else the measured parts."""
        return self.wall_seconds if self.wall_seconds is not None else self.accounted_seconds

    def to_dict(self) -> dict:
        """Return the summary as plain JSON-ready data."""
        data = asdict(self)
        data["total_seconds"] = round(self.total_seconds, 3)
        return data

    def to_json(self) -> str:
        """Return the summary as one JSON document."""
        return json.dumps(self.to_dict(), indent=2, default=str)


def _stage_of_suite() -> dict[str, str]:
    return {t.name: t.stage for t in declared_tables()}


def gate_results(settings: Settings, run_id: str) -> pl.DataFrame:
    """Return this run's expectation results (suite, expectation, severity, success, action, …)."""
    con = warehouse.connect(settings)
    try:
        if not warehouse.table_exists(con, "raw_validation_result"):
            return pl.DataFrame()
        return warehouse.read_frame(con, "raw_validation_result").filter(pl.col("run_id") == run_id)
    finally:
        con.close()


def quarantine_counts(settings: Settings) -> list[tuple[str, str, int]]:
    """Return (stage, reason, rows) of this run's quarantine, largest first."""
    con = warehouse.connect(settings)
    try:
        if not warehouse.table_exists(con, "raw_quarantine"):
            return []
        frame = warehouse.read_frame(con, "raw_quarantine")
    finally:
        con.close()
    if frame.is_empty():
        return []
    counted = frame.group_by("stage", "reason").len().sort(["len", "stage", "reason"])
    rows = [(s, r, int(n)) for s, r, n in counted.iter_rows()]
    return sorted(rows, key=lambda row: (-row[2], row[0], row[1]))


def attach_gates(stages: list[StageRecord], results: pl.DataFrame) -> None:
    """Fill each stage's suites, expectations and failures from this run's results."""
    if results.is_empty():
        return
    stage_of = _stage_of_suite()
    by_stage = {s.name: s for s in stages}
    for (suite,), group in results.group_by(["suite"], maintain_order=True):
        stage = by_stage.get(stage_of.get(suite, ""))
        if stage is None:
            continue
        stage.suites += 1
        stage.expectations += group.height
        failed = group.filter(~pl.col("success"))
        stage.suite_checks[suite] = (group.height, failed.height)
        for row in failed.iter_rows(named=True):
            stage.failures.append(
                Failure(
                    suite=suite,
                    expectation=row["expectation"],
                    severity=row["severity"],
                    action=row["action"] or "",
                    unexpected_count=row["unexpected_count"],
                )
            )


def collect_summary(
    settings: Settings,
    run_id: str,
    stages: list[StageRecord],
    row_counts: dict[str, int] | None,
    publication: str | None,
    message: str = "",
) -> RunSummary:
    """Return the run's summary from its stage records and what the warehouse holds for it."""
    attach_gates(stages, gate_results(settings, run_id))
    return RunSummary(
        run_id=run_id,
        status=PUBLISHED if publication else BLOCKED,
        message=message,
        input_dir=str(settings.input_dir),
        warehouse_dir=str(settings.warehouse_dir),
        publication=publication,
        row_counts=dict(row_counts or {}),
        stages=stages,
        quarantined=quarantine_counts(settings),
    )


def _counts_text(counts: dict[str, int], tables: set[str]) -> str:
    """Return a stage's counts, leaving out table sizes (listed with the publication) when the
    stage has other counts to show."""
    shown = {k: v for k, v in counts.items() if k not in tables} or counts
    return ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in shown.items())


def _gate_text(stage: StageRecord) -> str:
    if stage.gate_seconds is None:
        return ""
    if not stage.suites:
        return "no suite ran"
    blocked = [f for f in stage.failures if f.action == "blocked"]
    suites = f"{stage.suites} suite{'s' if stage.suites != 1 else ''}"
    if blocked:
        verdict = f"BLOCKED by {len(blocked)} check{'s' if len(blocked) != 1 else ''}"
    elif stage.failures:
        verdict = f"passed, {len(stage.failures)} warning{'s' if len(stage.failures) != 1 else ''}"
    else:
        verdict = "passed"
    return f"{verdict}: {suites}, {stage.expectations} checks ({stage.gate_seconds:.1f} s)"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], right: set[int]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells) -> str:
        parts = [
            str(c).rjust(widths[i]) if i in right else str(c).ljust(widths[i])
            for i, c in enumerate(cells)
        ]
        return "  " + "  ".join(parts).rstrip()

    return [line(header), "  " + "  ".join("-" * w for w in widths), *map(line, rows)]


def format_summary(summary: RunSummary) -> str:
    """Return the summary as the text table `newsgate run` prints at the end."""
    verdict = "published" if summary.published else "NOT published"
    lines = [f"newsgate run {summary.run_id}: {verdict}"]
    if summary.message:
        lines.append(f"  {summary.message}")
    lines.append(f"  input {summary.input_dir} -> warehouse {summary.warehouse_dir}")
    lines.append("")
    rows = [(name, f"{secs:.1f} s", "", "") for name, secs in summary.setup_seconds.items()]
    tables = {t.name for t in declared_tables()}
    for s in summary.stages:
        rows.append((s.name, f"{s.seconds:.1f} s", _counts_text(s.counts, tables), _gate_text(s)))
        # where the stage's (and its gate's) seconds went, for the steps that take any
        rows += [
            (f"  {step}", f"{secs:.1f} s", "", "") for step, secs in s.steps.items() if secs >= 0.05
        ]
    if summary.wall_seconds is not None:
        rest = max(summary.wall_seconds - summary.accounted_seconds, 0.0)
        rows.append(("orchestration", f"{rest:.1f} s", "Prefect's task and flow bookkeeping", ""))
    rows.append(("total", f"{summary.total_seconds:.1f} s", "", ""))
    lines += _table(("stage", "time", "built", "gate"), rows, right={1})
    if summary.row_counts:
        lines.append("")
        lines += _table(
            ("published table", "rows"),
            [(f"{t}.parquet", str(n)) for t, n in summary.row_counts.items()],
            right={1},
        )
    lines.append("")
    if summary.quarantined:
        lines += _table(
            ("quarantined: stage", "reason", "rows"),
            [(s, r, str(n)) for s, r, n in summary.quarantined],
            right={2},
        )
    else:
        lines.append("  quarantined: nothing")
    failures = summary.failures
    if failures:
        lines.append("")
        ordered = sorted(failures, key=lambda f: (f.action != "blocked", f.suite, f.expectation))
        lines += _table(
            ("failed check", "severity", "action", "rows"),
            [
                (
                    f"{f.suite}.{f.expectation}",
                    f.severity,
                    f.action,
                    "" if f.unexpected_count is None else str(f.unexpected_count),
                )
                for f in ordered
            ],
            right={3},
        )
    lines.append("")
    if summary.publication:
        lines.append(f"  publication  {summary.publication}")
    if summary.report_path:
        lines.append(f"  report       {summary.report_path}")
    elif summary.report_error:
        lines.append(f"  report       not written: {summary.report_error}")
    if summary.published:
        lines.append(
            f'  query with   newsgate sql "select count(*) from article" '
            f"--warehouse {summary.warehouse_dir}"
        )
    return "\n".join(lines)


def summary_markdown(summary: RunSummary) -> str:
    """Return the summary as the markdown of the run's Prefect artifact."""
    verdict = "published" if summary.published else "**not published**"
    lines = [f"# newsgate run `{summary.run_id}`: {verdict}", ""]
    if summary.message:
        lines += [summary.message, ""]
    if summary.report_path:
        report = Path(summary.report_path)
        lines += [f"Report: [{report}]({report.as_uri()}) (offline HTML)", ""]
    elif summary.report_error:
        lines += [f"Report not written: {summary.report_error}", ""]
    lines += ["| suite | stage | checks | failed | failures |", "|---|---|---|---|---|"]
    for stage in summary.stages:
        for suite, (checks, failed) in stage.suite_checks.items():
            detail = ", ".join(
                f"{f.expectation} ({f.severity}, {f.action}, {f.unexpected_count})"
                for f in stage.failures
                if f.suite == suite
            )
            lines.append(f"| {suite} | {stage.name} | {checks} | {failed} | {detail} |")
    lines += ["", "| quarantine stage | reason | rows |", "|---|---|---|"]
    lines += [f"| {stage} | {reason} | {n} |" for stage, reason, n in summary.quarantined]
    if summary.row_counts:
        lines += ["", "| published table | rows |", "|---|---|"]
        lines += [f"| {t} | {n} |" for t, n in summary.row_counts.items()]
    return "\n".join(lines)
