"""Each suite parses as a GX suite and a known-bad frame fails its critical expectations."""

import great_expectations as gx
import polars as pl
import pytest

from newsgate.quality import load_suite_json, run_suite
from newsgate.tables import declared_tables

TABLES = {t.name: t for t in declared_tables()}


@pytest.mark.parametrize("table", list(TABLES.values()), ids=list(TABLES))
def test_suite_parses_with_severity_and_description(table):
    suite = gx.ExpectationSuite(**load_suite_json(table))
    assert suite.name == table.name
    assert suite.expectations
    for expectation in suite.expectations:
        assert str(expectation.severity.value) in {"critical", "warning"}
        assert expectation.description


def test_bad_article_frame_fails_critical_expectations():
    bad = pl.DataFrame(
        {
            "article_id": ["a", "a", None],
            "doc_id": ["d1", "d2", "d3"],
            "source_path": ["x", "y", "z"],
            "title": [None] * 3,
            "outlet": [None] * 3,
            "credited": [[], [], []],
            "byline": [None] * 3,
            "dateline": [None] * 3,
            "published_date": [None] * 3,
            "language": ["en"] * 3,
            "body": ["b", "b", "b"],
            "word_count": [0, 5, 5],
            "duplicate_of": [None] * 3,
            "run_id": ["r"] * 3,
        },
        schema_overrides={"published_date": pl.Date, "credited": pl.List(pl.String)},
    )
    results = run_suite(TABLES["article"], bad, "r").results
    failed = set(
        results.filter(~pl.col("success") & (pl.col("severity") == "critical"))[
            "expectation"
        ].to_list()
    )
    assert {"article_id_unique", "article_id_not_null", "word_count_min"} <= failed


def test_missing_contract_column_fails_schema_expectation():
    frame = pl.DataFrame({"entity_id": ["e1"], "name": ["X"]})
    results = run_suite(TABLES["entity"], frame, "r").results
    row = results.filter(pl.col("expectation") == "contract_columns").row(0, named=True)
    assert row["success"] is False
    assert row["severity"] == "critical"


def test_bad_near_duplicate_fields_fail_the_article_suite():
    frame = pl.DataFrame(
        {
            "article_id": ["a" * 16, "b" * 16],
            "doc_id": ["d1", "d2"],
            "source_path": ["x", "y"],
            "title": [None, None],
            "outlet": [None, None],
            "credited": [[], []],
            "byline": [None, None],
            "dateline": [None, None],
            "published_date": [None, None],
            "published_date_source": ["guessed", None],
            "language": ["en", "en"],
            "body": ["b.", "b."],
            "word_count": [5, 5],
            "sentence_count": [1, 0],
            "duplicate_of": ["short", None],
            "similarity": [0.01, None],
            "run_id": ["r", "r"],
        },
        schema_overrides={
            "published_date": pl.Date,
            "credited": pl.List(pl.String),
            "title": pl.String,
        },
    )
    results = run_suite(TABLES["article"], frame, "r").results
    failed = set(results.filter(~pl.col("success"))["expectation"].to_list())
    assert {
        "similarity_range",
        "duplicate_of_is_article_id",
        "sentence_count_min",
        "published_date_source_known",
    } <= failed
    assert "contract_columns" not in failed
