"""The news_pipeline flow: ingest, article, nlp, each gated, then write-audit-publish and the report."""

from __future__ import annotations

import time

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed

from flows import logs
from flows.runners import make_task_runner, worker_pool
from newsgate import article_stage, gate_process, ingest, progress, publish, quality, report
from newsgate.config import Settings
from newsgate.errors import NewsgateError
from newsgate.nlp import stage as nlp_stage
from newsgate.report.summary import (
    RunSummary,
    StageRecord,
    collect_summary,
    format_summary,
    summary_markdown,
)
from newsgate.runs import new_run_id
from newsgate.warehouse import run_lock
from newsgate.workers import Pool

logs.install()

ingest_documents = task(ingest.ingest_documents, cache_policy=NO_CACHE)
build_articles = task(article_stage.build_articles, cache_policy=NO_CACHE)
annotate_articles = task(nlp_stage.annotate_articles, cache_policy=NO_CACHE)
validate_stage = task(quality.validate_stage, cache_policy=NO_CACHE)
prepare_publication = task(publish.prepare_publication, cache_policy=NO_CACHE)
publish_tables = task(publish.publish_tables, cache_policy=NO_CACHE)
collect_run_summary = task(collect_summary, cache_policy=NO_CACHE)
write_report = task(report.write_report, cache_policy=NO_CACHE)


def _ingest(settings: Settings, run_id: str, full_refresh: bool, pool: Pool) -> dict[str, int]:
    """Ingest; with new documents, start the workers now; parsing starts on them ahead of the
    ingest gate (which imports Great Expectations meanwhile)."""
    counts = ingest_documents(settings, run_id)
    if counts.get("ingested"):
        pool.start()
    # parsed rows are kept by content: if the gate blocks, nothing built from them is published
    article_stage.parse_ahead(settings, run_id, full_refresh, pool)
    return counts


def _annotate(settings: Settings, run_id: str, full_refresh: bool, pool: Pool) -> dict[str, int]:
    """Annotate what the parsed articles still need (most of it ran during the article gate)
    on the worker pool, then resolve across articles."""
    with progress.step("nlp: annotating and resolving entities, quotes and events"):
        return annotate_articles(settings, run_id, full_refresh, pool)


def _gate(logger, record: StageRecord, check) -> quality.GateReport:
    """Run a stage's gate, timing it and saying so on a terminal."""
    # the first gate imports Great Expectations (seconds), here or in the gate process
    loading = " (loading Great Expectations)" if not gate_process.loaded() else ""
    started = time.perf_counter()
    with progress.step(f"gate {record.name}{loading}") as shown:
        gate = check()
        shown.result = "BLOCKED" if not gate.passed else "passed"
        if gate.warnings:
            shown.result += f", {len(gate.warnings)} warning(s)"
    record.gate_seconds = time.perf_counter() - started
    record.steps.update({f"gate: {k}": v for k, v in progress.take_timings().items()})
    if gate.warnings:
        logger.warning("%s gate warnings: %s", record.name, ", ".join(gate.warnings))
    return gate


def _blocking_gate(
    logger,
    settings: Settings,
    run_id: str,
    full_refresh: bool,
    records: list[StageRecord],
    pool: Pool,
) -> quality.GateReport | None:
    """Build and gate each stage in turn; return the first gate that blocks, else None."""
    stages = (
        ("ingest", lambda: _ingest(settings, run_id, full_refresh, pool)),
        ("article", lambda: build_articles(settings, run_id, full_refresh, pool)),
        ("nlp", lambda: _annotate(settings, run_id, full_refresh, pool)),
    )
    for name, build in stages:
        started = time.perf_counter()
        counts = build()
        record = StageRecord(name, time.perf_counter() - started, dict(counts))
        record.steps.update(progress.take_timings())
        records.append(record)
        logger.info("%s: %s", name, counts)
        gate = _gate(logger, record, lambda s=name: validate_stage(settings, run_id, s))
        if not gate.passed:
            return gate
    record = StageRecord("publish", 0.0)
    records.append(record)
    gate = _gate(logger, record, lambda: prepare_publication(settings, run_id))
    return None if gate.passed else gate


@flow(name="news_pipeline", log_prints=True, task_runner=make_task_runner())
def news_pipeline(
    input_dir: str = "seeds",
    warehouse_dir: str = "warehouse",
    full_refresh: bool = False,
    input_mode: str | None = None,
):
    """Run every stage with its gate, publish the tables and write the report; return the run's
    summary (a failed gate publishes nothing and fails the run, with the summary as its data)."""
    # Great Expectations loads in a process of its own while this run ingests (`newsgate run`
    # started it before importing Prefect; here for a flow run started otherwise)
    gate_process.start()
    logger = get_run_logger()
    try:
        settings = Settings.load(input_dir, warehouse_dir, input_mode)
    except NewsgateError as exc:
        return Failed(message=str(exc))
    run_id = new_run_id()
    logger.info("run %s: %s -> %s", run_id, settings.input_dir, settings.warehouse_dir)
    try:
        with run_lock(settings), worker_pool(settings.spacy_model) as pool:
            # the NLP starts on the parsed articles while near-duplicates are flagged and the
            # article gate runs
            pool.after(
                "article",
                lambda: nlp_stage.annotate_ahead(settings, run_id, full_refresh, pool),
            )
            return _gate_and_publish(logger, settings, run_id, full_refresh, pool)
    except NewsgateError as exc:
        # busy warehouse, overlapping folders, a corrupt working database: one clear line
        return Failed(message=str(exc))


def _gate_and_publish(logger, settings: Settings, run_id: str, full_refresh: bool, pool: Pool):
    """Run the gated stages, publish unless a gate blocked, then summarise and report the run."""
    records: list[StageRecord] = []
    progress.take_timings()  # steps timed before this run (an earlier run in this process)
    blocked = _blocking_gate(logger, settings, run_id, full_refresh, records, pool)
    publication, message = None, ""
    if blocked:
        message = f"NG010 {blocked.stage} gate failed: " + ", ".join(blocked.critical)
    else:
        started = time.perf_counter()
        with progress.step("publish: writing Parquet and swapping the pointer") as shown:
            publication = publish_tables(settings, run_id)
            shown.result = f"{len(publication.row_counts)} tables"
        records[-1].seconds = time.perf_counter() - started
        logger.info("published %s: %s", publication.path, publication.row_counts)
    summary = collect_run_summary(
        settings,
        run_id,
        records,
        publication.row_counts if publication else None,
        str(publication.path) if publication else None,
        message,
    )
    _report(logger, settings, summary)
    create_markdown_artifact(
        key="newsgate-gates",
        markdown=summary_markdown(summary),
        description=f"Quality gates and report of newsgate run {run_id}",
    )
    logger.info("summary of run %s:\n%s", run_id, format_summary(summary))
    if blocked:
        return Failed(message=message, data=summary)
    return summary


def _report(logger, settings: Settings, summary: RunSummary) -> None:
    """Write the run's HTML report into the summary; a report that fails only warns."""
    started = time.perf_counter()
    with progress.step("report: drawing the charts") as shown:
        written = write_report(settings, summary)
        shown.result = str(written.path) if written.path else f"not written ({written.error})"
    summary.stages.append(StageRecord("report", time.perf_counter() - started))
    if written.path:
        summary.report_path = str(written.path)
        logger.info("report: %s", written.path)
    else:
        summary.report_error = written.error
        logger.warning("report not written: %s", written.error)
