"""The news_pipeline flow: ingest, article, nlp, each gated, then write-audit-publish."""

from __future__ import annotations

from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed

from flows.runners import make_task_runner
from newsgate import articles, ingest, publish, quality
from newsgate.config import Settings
from newsgate.errors import NewsgateError
from newsgate.nlp import stage as nlp_stage
from newsgate.runs import new_run_id
from newsgate.warehouse import run_lock

ingest_documents = task(ingest.ingest_documents, cache_policy=NO_CACHE)
build_articles = task(articles.build_articles, cache_policy=NO_CACHE)
plan_annotation = task(nlp_stage.plan_annotation, cache_policy=NO_CACHE)
annotate_batch = task(nlp_stage.annotate_batch, cache_policy=NO_CACHE)
store_annotations = task(nlp_stage.store_annotations, cache_policy=NO_CACHE)
validate_stage = task(quality.validate_stage, cache_policy=NO_CACHE)
prepare_publication = task(publish.prepare_publication, cache_policy=NO_CACHE)
summarize_gates = task(quality.summarize_gates, cache_policy=NO_CACHE)
build_data_docs = task(quality.build_data_docs, cache_policy=NO_CACHE)
publish_tables = task(publish.publish_tables, cache_policy=NO_CACHE)


def _annotate(settings: Settings, run_id: str, full_refresh: bool) -> dict[str, int]:
    """Map the NLP over batches of new or changed articles, then store and resolve."""
    batches = plan_annotation(settings, run_id, full_refresh)
    annotated = annotate_batch.map(batches, spacy_model=unmapped(settings.spacy_model))
    return store_annotations(settings, run_id, annotated)


def _blocking_gate(
    logger, settings: Settings, run_id: str, full_refresh: bool
) -> quality.GateReport | None:
    """Build and gate each stage in turn; return the first gate that blocks, else None."""
    stages = (
        ("ingest", lambda: ingest_documents(settings, run_id)),
        ("article", lambda: build_articles(settings, run_id)),
        ("nlp", lambda: _annotate(settings, run_id, full_refresh)),
    )
    for stage, build in stages:
        logger.info("%s: %s", stage, build())
        gate = validate_stage(settings, run_id, stage)
        if gate.warnings:
            logger.warning("%s gate warnings: %s", stage, ", ".join(gate.warnings))
        if not gate.passed:
            return gate
    gate = prepare_publication(settings, run_id)
    if gate.warnings:
        logger.warning("publish gate warnings: %s", ", ".join(gate.warnings))
    return None if gate.passed else gate


@flow(name="news_pipeline", log_prints=True, task_runner=make_task_runner())
def news_pipeline(
    input_dir: str = "seeds",
    warehouse_dir: str = "warehouse",
    full_refresh: bool = False,
    input_mode: str | None = None,
):
    """Run every stage with its gate and publish the tables; a failed gate publishes nothing."""
    logger = get_run_logger()
    try:
        settings = Settings.load(input_dir, warehouse_dir, input_mode)
    except NewsgateError as exc:
        return Failed(message=str(exc))
    run_id = new_run_id()
    logger.info("run %s: %s -> %s", run_id, settings.input_dir, settings.warehouse_dir)
    try:
        with run_lock(settings):
            return _gate_and_publish(logger, settings, run_id, full_refresh)
    except NewsgateError as exc:
        # busy warehouse, overlapping folders, a corrupt working database: one clear line
        return Failed(message=str(exc))


def _gate_and_publish(logger, settings: Settings, run_id: str, full_refresh: bool):
    """Run the gated stages, report the gates, and publish unless a gate blocked."""
    blocked = _blocking_gate(logger, settings, run_id, full_refresh)
    create_markdown_artifact(
        key="newsgate-gates",
        markdown=summarize_gates(settings, run_id),
        description=f"Quality gates of newsgate run {run_id}",
    )
    logger.info("data docs: %s", build_data_docs(settings, run_id))
    if blocked:
        return Failed(message=f"NG010 {blocked.stage} gate failed: " + ", ".join(blocked.critical))
    publication = publish_tables(settings, run_id)
    logger.info("published %s: %s", publication.path, publication.row_counts)
    return publication
