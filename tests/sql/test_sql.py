"""The SQL files run on an in-memory DuckDB over tiny raw tables."""

import duckdb
import polars as pl
import pytest

from newsgate.nlp.names.credits import CREDIT_SCHEMA
from newsgate.nlp.stage import IMPLIED_SCHEMA
from newsgate.tables import declared_tables
from newsgate.warehouse import build_table, write_frame

TABLES = {t.name: t for t in declared_tables()}


@pytest.fixture
def con():
    connection = duckdb.connect(":memory:")
    connection.execute("create schema work")
    yield connection
    connection.close()


def test_every_declared_table_has_sql_and_suite():
    for table in declared_tables():
        assert table.sql_path.read_text().strip().lower().startswith(("--", "select", "with"))
        assert table.suite_path.is_file()


def _raw_files(con, mode, run_id, files, retracted=()):
    """Write raw_document/raw_file for (run, path, doc, outcome) sightings and the run's mode."""
    from newsgate.ingest import ensure_ingest_tables

    docs = sorted({doc for _, _, doc, outcome in files if doc and outcome != "quarantined"})
    write_frame(
        con,
        "raw_document",
        pl.DataFrame(
            {
                "doc_id": docs,
                "source_path": docs,
                "size_bytes": [1] * len(docs),
                "encoding": ["utf-8"] * len(docs),
                "text": docs,
                "run_id": ["r1"] * len(docs),
                "ingested_at": [None] * len(docs),
            },
            schema_overrides={"ingested_at": pl.Datetime("us", "UTC")},
        ),
    )
    write_frame(
        con,
        "raw_file",
        pl.DataFrame(
            [{"run_id": r, "source_path": p, "doc_id": d, "outcome": o} for r, p, d, o in files],
            schema={
                "run_id": pl.String,
                "source_path": pl.String,
                "doc_id": pl.String,
                "outcome": pl.String,
            },
        ),
    )
    ensure_ingest_tables(con)
    write_frame(con, "ingest_run", pl.DataFrame({"run_id": [run_id], "input_mode": [mode]}))
    for doc in retracted:
        con.execute("insert into work.retraction (doc_id) values (?)", [doc])
    build_table(con, TABLES["document"], run_id)
    return con.execute("select doc_id, source_path from work.document order by 1").fetchall()


HISTORY = [
    ("r1", "a.txt", "d1", "ingested"),
    ("r1", "b.txt", "d3", "ingested"),
    ("r1", "c.txt", "d3", "already_ingested"),
    ("r1", "gone.txt", "d4", "ingested"),
    ("r1", "old-name.txt", "d5", "ingested"),
    ("r1", "emptied.txt", "d6", "ingested"),
    ("r2", "a.txt", "d2", "ingested"),
    ("r2", "b.txt", "d3", "already_ingested"),
    ("r2", "new-name.txt", "d5", "already_ingested"),
    ("r2", "emptied.txt", None, "quarantined"),
]


def test_document_in_accumulate_mode_keeps_every_pickup_and_latest_version_per_path(con):
    rows = _raw_files(con, "accumulate", "r2", HISTORY)
    # a.txt's new bytes supersede d1; gone.txt stays (an inbox); the renamed file moves to
    # its new name; the emptied file's old article leaves with it
    assert rows == [("d2", "a.txt"), ("d3", "b.txt"), ("d4", "gone.txt"), ("d5", "new-name.txt")]


def test_document_in_mirror_mode_is_what_the_folder_holds_now(con):
    rows = _raw_files(con, "mirror", "r2", HISTORY)
    assert rows == [("d2", "a.txt"), ("d3", "b.txt"), ("d5", "new-name.txt")]


def test_document_leaves_out_retracted_contents(con):
    rows = _raw_files(con, "accumulate", "r2", HISTORY, retracted=["d4"])
    assert ("d4", "gone.txt") not in rows and ("d2", "a.txt") in rows


def _write_varga_mention(con):
    write_frame(
        con,
        "raw_entity_mention",
        pl.DataFrame(
            {
                "article_id": ["a1"],
                "start_char": [0],
                "end_char": [5],
                "text": ["Varga"],
                "label": ["PERSON"],
                "sentence_index": [0],
                "local_name": ["Tomas Varga"],
                "mention_kind": ["name"],
                "canonical_name": ["Tomas Varga"],
            }
        ),
    )


def _write_credits(con, rows=()):
    schema = {**CREDIT_SCHEMA, "canonical_name": pl.String}
    write_frame(con, "raw_entity_credit", pl.DataFrame(list(rows), schema=schema))
    write_frame(con, "raw_entity_implied", pl.DataFrame(schema=IMPLIED_SCHEMA))


def test_entity_aggregates_mentions(con):
    _write_credits(con)
    write_frame(
        con,
        "raw_entity_mention",
        pl.DataFrame(
            {
                "article_id": ["a1", "a1", "a2"],
                "start_char": [0, 10, 5],
                "end_char": [5, 16, 10],
                "text": ["Varga", "T. Varga", "Varga"],
                "label": ["PERSON"] * 3,
                "sentence_index": [0, 1, 0],
                "local_name": ["Tomas Varga"] * 3,
                "mention_kind": ["name"] * 3,
                "canonical_name": ["Tomas Varga"] * 3,
            }
        ),
    )
    build_table(con, TABLES["entity_mention"], "r")
    build_table(con, TABLES["entity"], "r")
    [(name, aliases, mentions, articles)] = con.execute(
        "select name, aliases, mention_count, article_count from work.entity"
    ).fetchall()
    assert (name, aliases, mentions, articles) == ("Tomas Varga", ["T. Varga", "Varga"], 3, 2)
    ids = con.execute("select distinct entity_id from work.entity_mention").fetchall()
    assert len(ids) == 1


def test_entity_includes_credit_only_entities(con):
    _write_varga_mention(con)
    credit = {"line_no": 3, "source": "caption", "start_char": 0, "end_char": 5, "label": "ORG"}
    _write_credits(
        con,
        [
            {
                **credit,
                "article_id": "a1",
                "text": "Wirex",
                "local_name": "Wirex",
                "canonical_name": "Wirex",
            },
            {
                **credit,
                "article_id": "a2",
                "text": "WIREX",
                "local_name": "Wirex",
                "canonical_name": "Wirex",
            },
            {
                **credit,
                "article_id": "a2",
                "text": "Varga",
                "label": "PERSON",
                "local_name": "Tomas Varga",
                "canonical_name": "Tomas Varga",
            },
        ],
    )
    build_table(con, TABLES["entity_mention"], "r")
    build_table(con, TABLES["entity"], "r")
    rows = con.execute(
        "select name, mention_count, article_count, credit_count, credited_in, reference_count "
        "from work.entity order by name"
    ).fetchall()
    assert rows == [
        ("Tomas Varga", 1, 1, 1, ["a2"], 2),
        ("Wirex", 0, 0, 2, ["a1", "a2"], 2),
    ]


def test_quote_links_speaker_and_groups_same_words(con):
    _write_credits(con)
    _write_varga_mention(con)
    write_frame(
        con,
        "raw_quote",
        pl.DataFrame(
            {
                "article_id": ["a1", "a2"],
                "start_char": [10, 3],
                "end_char": [20, 13],
                "text": ["We agree,", "We agree."],
                "is_partial": [False, False],
                "speaker_name": ["Tomas Varga", None],
                "speaker_description": [None, "an aide"],
                "verb": ["said", "said"],
                "speaker_label": ["PERSON", None],
                "speaker_entity": ["Tomas Varga", None],
            }
        ),
    )
    for name in ("entity_mention", "entity", "quote"):
        build_table(con, TABLES[name], "r")
    rows = con.execute(
        "select speaker_entity_id is not null, quote_group from work.quote order by article_id"
    ).fetchall()
    assert [r[0] for r in rows] == [True, False]
    assert rows[0][1] == rows[1][1]


def test_article_maps_duplicate_document_to_article_id(con):
    con.execute(
        "create table work.document as select * from (values "
        "('a' || repeat('0', 63), 'one.txt'), ('b' || repeat('0', 63), 'two.txt')) "
        "as t(doc_id, source_path)"
    )
    base = {
        "title": [None, None],
        "outlet": ["Reuters", "AFP"],
        "credited": [["Reuters"], ["AFP", "EPA"]],
        "byline": [None, None],
        "dateline": [None, "Oslo"],
        "published_date": [None, None],
        "published_date_source": [None, None],
        "language": ["en", "en"],
        "body": ["x.", "y."],
        "word_count": [1, 1],
        "sentence_count": [1, 1],
    }
    write_frame(
        con,
        "raw_article",
        pl.DataFrame(
            {
                "doc_id": ["a" + "0" * 63, "b" + "0" * 63],
                **base,
                "duplicate_of_doc_id": ["b" + "0" * 63, None],
                "similarity": [0.4, None],
            },
            schema_overrides={"published_date": pl.Date, "published_date_source": pl.String},
        ),
    )
    build_table(con, TABLES["article"], "r1")
    rows = con.execute(
        "select article_id, source_path, duplicate_of, similarity from work.article order by 2"
    ).fetchall()
    assert rows == [
        ("a" + "0" * 15, "one.txt", "b" + "0" * 15, 0.4),
        ("b" + "0" * 15, "two.txt", None, None),
    ]


def test_article_line_keeps_reason_and_signal(con):
    write_frame(
        con,
        "raw_article_line",
        pl.DataFrame(
            {
                "doc_id": ["d1", "d1"],
                "line_no": [0, 1],
                "text": ["Photo: AFP", "Body."],
                "kind": ["boilerplate", "body"],
                "reason": ["credit", None],
                "signal": ["photo credit line", None],
            },
            schema_overrides={"reason": pl.String, "signal": pl.String},
        ),
    )
    build_table(con, TABLES["article_line"], "r1")
    rows = con.execute(
        "select line_no, kind, reason, signal, run_id from work.article_line order by line_no"
    ).fetchall()
    assert rows == [
        (0, "boilerplate", "credit", "photo credit line", "r1"),
        (1, "body", None, None, "r1"),
    ]


def test_countries_implied_by_event_actors_are_entities(con):
    _write_credits(con)
    write_frame(
        con,
        "raw_entity_mention",
        pl.DataFrame(
            {
                "article_id": ["a1"],
                "start_char": [0],
                "end_char": [6],
                "text": ["Moscow"],
                "label": ["GPE"],
                "sentence_index": [0],
                "local_name": ["Moscow"],
                "mention_kind": ["name"],
                "canonical_name": ["Moscow"],
            }
        ),
    )
    write_frame(
        con,
        "raw_entity_implied",
        pl.DataFrame(
            {"article_id": ["a1"], "label": ["GPE"], "canonical_name": ["Russia"]},
            schema=IMPLIED_SCHEMA,
        ),
    )
    build_table(con, TABLES["entity_mention"], "r")
    build_table(con, TABLES["entity"], "r")
    rows = con.execute(
        "select name, mention_count, credit_count, reference_count from work.entity order by name"
    ).fetchall()
    assert rows == [("Moscow", 1, 0, 1), ("Russia", 0, 0, 1)]
