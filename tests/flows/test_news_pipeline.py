"""End to end: the real flow on seeds/ into a temporary warehouse, read back as Parquet."""

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.news_pipeline import news_pipeline
from newsgate.query import list_analyses, run_analysis, run_query
from newsgate.tables import published_tables

CONTRACT = {
    "article": [
        "article_id",
        "doc_id",
        "source_path",
        "title",
        "outlet",
        "credited",
        "byline",
        "dateline",
        "published_date",
        "language",
        "body",
        "word_count",
        "duplicate_of",
    ],
    "entity": ["entity_id", "name", "label", "aliases", "mention_count", "article_count"],
    "entity_mention": [
        "mention_id",
        "article_id",
        "entity_id",
        "text",
        "label",
        "start_char",
        "end_char",
        "sentence_index",
    ],
    "quote": [
        "quote_id",
        "article_id",
        "text",
        "speaker_entity_id",
        "speaker_name",
        "speaker_description",
        "verb",
        "is_partial",
        "start_char",
        "end_char",
    ],
    "event": [
        "event_id",
        "event_type",
        "cameo_root",
        "actors",
        "actor_names",
        "event_date",
        "date_precision",
        "place",
        "summary",
        "article_count",
        "source_count",
    ],
    "event_mention": [
        "event_id",
        "article_id",
        "sentence_index",
        "start_char",
        "end_char",
        "trigger",
        "date_text",
    ],
    "file_outcome": ["source_path", "doc_id", "article_id", "outcome", "quarantine_reason"],
    "quarantine": ["source_path", "doc_id", "stage", "reason", "detail", "run_id"],
    "validation_result": [
        "run_id",
        "suite",
        "expectation",
        "severity",
        "success",
        "unexpected_count",
    ],
}


@pytest.fixture(scope="module")
def two_runs(prefect_harness, tmp_path_factory):
    from newsgate.config import Settings
    from tests.conftest import SEEDS

    warehouse_dir = tmp_path_factory.mktemp("e2e") / "warehouse"
    settings = Settings.load(SEEDS, warehouse_dir)
    first = news_pipeline(str(SEEDS), str(warehouse_dir))
    ids_first = _ids(settings)
    second = news_pipeline(str(SEEDS), str(warehouse_dir))
    return settings, first, second, ids_first, _ids(settings)


def _ids(settings):
    con = duckdb.connect()
    try:
        return {
            table: sorted(
                r[0]
                for r in con.execute(
                    f"select {key} from read_parquet('{settings.published_dir}/{table}.parquet')"
                ).fetchall()
            )
            for table, key in (
                ("article", "article_id"),
                ("entity", "entity_id"),
                ("quote", "quote_id"),
                ("event", "event_id"),
            )
        }
    finally:
        con.close()


def test_every_contract_table_reads_back_with_pyarrow_and_duckdb(two_runs):
    settings, *_ = two_runs
    assert {t.name for t in published_tables()} == set(CONTRACT)
    for table, columns in CONTRACT.items():
        path = settings.published_dir / f"{table}.parquet"
        arrow = pq.read_table(path)
        assert set(columns) <= set(arrow.column_names), table
        con = duckdb.connect()
        try:
            count = con.execute(f"select count(*) from read_parquet('{path}')").fetchall()[0][0]
        finally:
            con.close()
        assert count == arrow.num_rows


def test_extraction_tables_are_not_empty(two_runs):
    settings, *_ = two_runs
    counts = run_query(
        settings,
        "select (select count(*) from article) a, "
        "(select count(*) from entity) e, (select count(*) from quote) q, "
        "(select count(*) from event) v",
    ).row(0)
    assert counts[0] == 5
    assert all(c > 0 for c in counts)


def test_second_run_publishes_the_same_ids(two_runs):
    _, first, second, ids_first, ids_second = two_runs
    assert first.run_id != second.run_id
    assert ids_first == ids_second


def test_duckdb_file_has_views_over_published_tables(two_runs):
    settings, *_ = two_runs
    con = duckdb.connect(str(settings.catalog_path), read_only=True)
    try:
        count = con.execute("select count(*) from article").fetchall()[0][0]
    finally:
        con.close()
    assert count == 5


def test_mention_offsets_round_trip_on_seeds(two_runs):
    settings, *_ = two_runs
    bad = run_query(
        settings,
        """
        select m.mention_id from entity_mention m join article a using (article_id)
        where substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.text
    """,
    )
    assert bad.height == 0


@pytest.mark.parametrize("name", list(list_analyses()))
def test_named_analyses_answer_over_the_seeds(two_runs, name):
    settings, *_ = two_runs
    assert run_analysis(settings, name).height > 0


def test_parquet_is_bi_ready_explicit_types_and_zstd(two_runs):
    import pyarrow as pa

    settings, *_ = two_runs
    article = pq.ParquetFile(settings.published_dir / "article.parquet")
    schema = article.schema_arrow
    assert schema.field("published_date").type == pa.date32()
    assert pa.types.is_list(schema.field("credited").type)
    assert pa.types.is_string(schema.field("credited").type.value_type) or pa.types.is_large_string(
        schema.field("credited").type.value_type
    )
    assert article.metadata.row_group(0).column(0).compression == "ZSTD"
    event = pq.read_schema(settings.published_dir / "event.parquet")
    assert event.field("event_date").type == pa.date32()
    assert event.names[:3] == ["event_id", "event_type", "cameo_root"]


def test_schemas_match_the_data_dictionary(two_runs):
    from newsgate.dictionary import declared_columns
    from newsgate.tables import declared_tables

    settings, *_ = two_runs
    con = duckdb.connect(str(settings.database_path), read_only=True)
    try:
        for table in declared_tables():
            source = (
                f"read_parquet('{settings.published_dir}/{table.name}.parquet')"
                if table.published
                else f"work.{table.name}"
            )
            actual = [
                (r[0], r[1]) for r in con.execute(f"describe select * from {source}").fetchall()
            ]
            declared = [(name, spec["type"]) for name, spec in declared_columns(table).items()]
            assert actual == declared, table.name
    finally:
        con.close()
