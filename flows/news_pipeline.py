"""The news_pipeline flow: ingest → article → nlp → validate → publish, one library call per task."""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed

from newsgate import articles, ingest, publish, quality
from newsgate.config import Settings
from newsgate.nlp import stage as nlp_stage
from newsgate.runs import new_run_id
from newsgate.warehouse import run_lock

ingest_documents = task(ingest.ingest_documents, cache_policy=NO_CACHE)
build_articles = task(articles.build_articles, cache_policy=NO_CACHE)
annotate_articles = task(nlp_stage.annotate_articles, cache_policy=NO_CACHE)
validate_stage = task(quality.validate_stage, cache_policy=NO_CACHE)
prepare_publication = task(publish.prepare_publication, cache_policy=NO_CACHE)
publish_tables = task(publish.publish_tables, cache_policy=NO_CACHE)


def _gate_failure(logger, gate: quality.GateReport):
    if gate.warnings:
        logger.warning("%s gate warnings: %s", gate.stage, ", ".join(gate.warnings))
    if gate.passed:
        return None
    return Failed(message=f"NG010 {gate.stage} gate failed: " + ", ".join(gate.critical))


@flow(name="news_pipeline", log_prints=True)
def news_pipeline(input_dir: str = "seeds", warehouse_dir: str = "warehouse"):
    """Run every stage with its gate and publish the tables; a failed gate publishes nothing."""
    logger = get_run_logger()
    settings = Settings.load(input_dir, warehouse_dir)
    run_id = new_run_id()
    logger.info("run %s: %s -> %s", run_id, settings.input_dir, settings.warehouse_dir)
    with run_lock(settings):
        for stage, build in (
            ("ingest", ingest_documents),
            ("article", build_articles),
            ("nlp", annotate_articles),
        ):
            logger.info("%s: %s", stage, build(settings, run_id))
            if failed := _gate_failure(logger, validate_stage(settings, run_id, stage)):
                return failed
        if failed := _gate_failure(logger, prepare_publication(settings, run_id)):
            return failed
        publication = publish_tables(settings, run_id)
    logger.info("published %s: %s", publication.path, publication.row_counts)
    return publication
