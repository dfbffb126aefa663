"""Gates on identical rows reuse their last outcome; every failing row of a quarantine
expectation is found, however many there are."""

import pytest

from newsgate import article_stage, ingest, quality, warehouse
from newsgate.config import Settings
from newsgate.nlp.stage import annotate_articles
from tests.conftest import SEEDS


@pytest.fixture
def annotated(tmp_path):
    settings = Settings.load(SEEDS, tmp_path / "wh")
    ingest.ingest_documents(settings, "r1")
    article_stage.build_articles(settings, "r1")
    annotate_articles(settings, "r1")
    return settings


def _results(settings, run_id):
    con = warehouse.connect(settings)
    try:
        return con.execute(
            "select suite, expectation, success, unexpected_count, action, validated_at "
            "from work.raw_validation_result where run_id = ? order by suite, expectation_index",
            [run_id],
        ).fetchall()
    finally:
        con.close()


def test_unchanged_rows_reuse_the_last_outcome_and_changed_rows_are_validated(
    annotated, monkeypatch
):
    first = quality.validate_stage(annotated, "r1", "nlp")
    calls = []
    original = quality.run_suite
    monkeypatch.setattr(
        quality, "run_suite", lambda table, *a: calls.append(table.name) or original(table, *a)
    )
    second = quality.validate_stage(annotated, "r2", "nlp")
    assert calls == []
    assert (second.critical, second.warnings) == (first.critical, first.warnings)
    # the same rows, under the new run id, still saying when GX validated them
    assert _results(annotated, "r2") == _results(annotated, "r1")

    con = warehouse.connect(annotated)
    try:
        con.execute("update work.quote set verb = 'said' where verb is null or verb <> 'said'")
    finally:
        con.close()
    quality.validate_stage(annotated, "r3", "nlp")
    assert calls == ["quote"]

    monkeypatch.setattr(quality, "suite_parameters", lambda today=None: {"tomorrow": "2000-01-01"})
    quality.validate_stage(annotated, "r4", "nlp")
    assert len(calls) == 6


def test_every_row_failing_a_quarantine_expectation_is_quarantined(annotated):
    con = warehouse.connect(annotated)
    try:
        victims = [
            r[0]
            for r in con.execute(
                "select mention_id from work.entity_mention order by mention_id limit 30"
            ).fetchall()
        ]
        con.execute(
            "update work.entity_mention set text = 'not in body' "
            "where mention_id in (select unnest(?::varchar[]))",
            [victims],
        )
    finally:
        con.close()
    report = quality.validate_stage(annotated, "r1", "nlp")
    # a summary lists 20 failing rows per expectation; quarantine must find all of them
    assert report.quarantined == {"entity_mention": 30}
    con = warehouse.connect(annotated)
    try:
        details = con.execute(
            "select detail from work.raw_quarantine where reason like 'expectation:%' order by 1"
        ).fetchall()
    finally:
        con.close()
    assert details == sorted((f"mention_id={v}",) for v in victims)


def test_a_run_with_nothing_new_never_runs_great_expectations(tmp_path, monkeypatch):
    from newsgate import publish

    settings = Settings.load(SEEDS, tmp_path / "wh")

    def run(run_id):
        ingest.ingest_documents(settings, run_id)
        for stage, build in (
            ("ingest", lambda: None),
            ("article", lambda: article_stage.build_articles(settings, run_id)),
            ("nlp", lambda: annotate_articles(settings, run_id)),
        ):
            build()
            assert quality.validate_stage(settings, run_id, stage).passed
        assert publish.prepare_publication(settings, run_id).passed

    run("r1")
    calls = []
    original = quality.run_suite
    monkeypatch.setattr(
        quality, "run_suite", lambda table, *a: calls.append(table.name) or original(table, *a)
    )
    run("r2")
    # validation_result differs only in run columns (result_id, validated_at): reused too
    assert calls == []
    assert len(_results(settings, "r2")) == len(_results(settings, "r1"))
