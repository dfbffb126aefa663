"""Gates: row-level quarantine, blocking critical failures, reported warnings, rollback."""

import duckdb
import polars as pl
import pytest

from flows.news_pipeline import news_pipeline
from newsgate import article_stage, ingest, quality, warehouse
from newsgate.cli import main
from newsgate.config import Settings
from newsgate.nlp.stage import annotate_articles
from newsgate.publish import list_publications, rollback_publication
from newsgate.query import run_query
from newsgate.warehouse import run_lock
from tests.conftest import SEEDS, digest_files


def _inject(monkeypatch, table, expectation):
    """Make the suite of `table` carry one extra expectation, as a user editing it would."""
    original = quality.load_suite_json

    def patched(target):
        suite = original(target)
        if target.name == table:
            suite["expectations"].append(expectation)
        return suite

    monkeypatch.setattr(quality, "load_suite_json", patched)


IMPOSSIBLE = {
    "type": "expect_table_row_count_to_be_between",
    "kwargs": {"min_value": 0, "max_value": 0},
    "severity": "critical",
    "description": "An expectation no real run can meet.",
    "meta": {"name": "impossible_for_test"},
}


def test_rows_failing_a_quarantine_expectation_move_to_quarantine(tmp_path):
    settings = Settings.load(SEEDS, tmp_path / "wh")
    ingest.ingest_documents(settings, "r1")
    article_stage.build_articles(settings, "r1")
    annotate_articles(settings, "r1")
    con = warehouse.connect(settings)
    try:
        [(victim,)] = con.execute(
            "select mention_id from work.entity_mention order by mention_id limit 1"
        ).fetchall()
        con.execute(
            "update work.entity_mention set text = 'not in body' where mention_id = ?", [victim]
        )
        before = con.execute("select count(*) from work.entity_mention").fetchall()[0][0]
    finally:
        con.close()
    report = quality.validate_stage(settings, "r1", "nlp")
    assert report.passed
    assert report.quarantined == {"entity_mention": 1}
    con = warehouse.connect(settings)
    try:
        after = con.execute("select count(*) from work.entity_mention").fetchall()[0][0]
        rows = con.execute("select reason, detail from work.raw_quarantine").fetchall()
        total = con.execute("select sum(mention_count) from work.entity").fetchall()[0][0]
    finally:
        con.close()
    assert after == before - 1
    assert rows == [("expectation:entity_mention.offsets_round_trip", f"mention_id={victim}")]
    assert total == after


@pytest.fixture
def published(prefect_harness, tmp_path):
    settings = Settings.load(SEEDS, tmp_path / "wh")
    state = news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True)
    assert state.is_completed()
    return settings


def test_critical_failure_publishes_nothing_and_keeps_previous_files(published, monkeypatch):
    settings = published
    before = digest_files(settings.published_dir)
    target = settings.published_dir.resolve()
    _inject(monkeypatch, "entity", IMPOSSIBLE)
    state = news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True)
    assert state.is_failed()
    assert "entity.impossible_for_test" in state.message
    assert settings.published_dir.resolve() == target
    assert digest_files(settings.published_dir) == before


def test_cli_exits_non_zero_naming_the_expectation(published, monkeypatch, capsys):
    _inject(monkeypatch, "quote", IMPOSSIBLE)
    code = main(["run", "--input", str(SEEDS), "--warehouse", str(published.warehouse_dir)])
    err = capsys.readouterr().err
    assert code == 1
    assert "quote.impossible_for_test" in err and "NG010" in err


def test_failed_warning_is_published_and_reported(published, monkeypatch):
    warning = dict(IMPOSSIBLE, severity="warning", meta={"name": "warning_for_test"})
    _inject(monkeypatch, "article", warning)
    state = news_pipeline(str(SEEDS), str(published.warehouse_dir), return_state=True)
    assert state.is_completed()
    rows = run_query(
        published,
        "select success, action from validation_result where expectation = 'warning_for_test'",
    )
    assert rows.rows() == [(False, "reported")]


def test_reports_run_report_and_gate_artifact(published):
    report = published.warehouse_dir / "report" / "index.html"
    assert report.is_file()
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["newsgate-gates"]))
        )
    assert found and "| entity |" in found[-1].data
    # other tests' runs have artifacts of the same key; one of them is this run's, with its report
    assert any(report.as_uri() in artifact.data for artifact in found)


def test_second_run_on_a_locked_warehouse_refuses_clearly(published):
    with run_lock(published):
        state = news_pipeline(str(SEEDS), str(published.warehouse_dir), return_state=True)
    assert state.is_failed()
    assert "NG003" in state.message and "another newsgate run" in state.message


def test_rollback_restores_the_previous_publication(published):
    first = list_publications(published)
    state = news_pipeline(str(SEEDS), str(published.warehouse_dir), return_state=True)
    assert state.is_completed()
    runs = list_publications(published)
    assert len(runs) == 2 and runs[0] == first[0]
    assert rollback_publication(published) == runs[0]
    assert published.published_dir.resolve().name == runs[0]
    con = duckdb.connect(str(published.catalog_path), read_only=True)
    try:
        ids = con.execute("select distinct run_id from article").fetchall()
    finally:
        con.close()
    assert ids == [(runs[0],)]
    assert isinstance(run_query(published, "select * from article"), pl.DataFrame)


def test_actor_standing_for_an_unnamed_country_does_not_block(tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Moscow accuses Washington of provocation\n\n"
        "Moscow accused Washington on Tuesday of staging provocations near its borders, and "
        "officials said the Kremlin would answer any further flights with measures of its own. "
        "The statement came after talks between the two sides ended without agreement in Geneva."
    )
    settings = Settings.load(folder, tmp_path / "wh")
    ingest.ingest_documents(settings, "r")
    article_stage.build_articles(settings, "r")
    annotate_articles(settings, "r")
    report = quality.validate_stage(settings, "r", "nlp")
    assert report.passed, report.critical
    con = warehouse.connect(settings)
    try:
        implied = con.execute(
            "select name, mention_count, reference_count from work.entity where name = 'Russia'"
        ).fetchall()
    finally:
        con.close()
    assert implied == [("Russia", 0, 1)]
