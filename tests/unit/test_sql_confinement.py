"""`newsgate sql` is confined by the engine: every escape is refused with an NG03x code and
nothing outside the publication is read or written."""

import hashlib
import os
import time

import duckdb
import pytest

from newsgate.cli import main
from newsgate.config import Settings
from newsgate.errors import (
    SqlError,
    SqlMemoryError,
    SqlRefusedError,
    SqlTimeoutError,
    UnknownAnalysisError,
)
from newsgate.publish import write_catalog, write_manifest
from newsgate.query import check_statements, run_analysis, run_query
from newsgate.tables import published_tables


@pytest.fixture
def publication(tmp_path):
    """A small real publication: one Parquet file per published table, catalog and manifest."""
    warehouse = tmp_path / "wh"
    folder = warehouse / "publications" / "r1"
    folder.mkdir(parents=True)
    con = duckdb.connect()
    counts = {}
    try:
        for table in published_tables():
            path = folder / f"{table.name}.parquet"
            con.execute(
                f"copy (select range as id, 'row ' || range as text from range(3)) "
                f"to '{path}' (format parquet)"
            )
            counts[table.name] = 3
    finally:
        con.close()
    write_catalog(folder)
    write_manifest(folder, "r1", counts)
    os.symlink("publications/r1", warehouse / "published")
    (warehouse / "pipeline.duckdb").write_bytes(b"the pipeline's private working database")
    (tmp_path / "secret.txt").write_text("top secret")
    return Settings.load(warehouse_dir=warehouse)


def _digests(folder):
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


ESCAPES = [
    # reading files outside (and inside) the warehouse
    "select content from read_text('{secret}')",
    "select * from read_csv('{secret}')",
    "select * from read_blob('{secret}')",
    "select * from read_json('/etc/hosts')",
    "select * from glob('/**')",
    "select * from '{secret}'",
    "select * from read_blob('{wh}/pipeline.duckdb')",
    "select * from read_parquet('{wh}/published/article.parquet')",
    "select * from parquet_metadata('{wh}/published/article.parquet')",
    "select * from sniff_csv('{secret}')",
    # writing files, directly or through EXPLAIN ANALYZE
    "copy (select 1) to '{wh}/published/article.parquet' (format parquet)",
    "explain analyze copy (select * from article where false) to "
    "'{wh}/published/article.parquet' (format parquet)",
    "explain copy (select 1) to '{wh}/out.csv'",
    "select 1; copy (select 1) to '{wh}/out.csv'",
    "export database '{wh}/export'",
    "select * from query('copy (select 1) to ''{wh}/out.csv''')",
    # extensions, attachments, settings
    "install httpfs",
    "explain analyze install httpfs",
    "load httpfs",
    "attach '{wh}/pipeline.duckdb' as w",
    "attach '{wh}/new.duckdb'",
    "set enable_external_access = true",
    "reset enable_external_access",
    "set allowed_directories = ['/']",
    "set memory_limit = '100GB'",
    "pragma version",
    "call pragma_version()",
    "checkpoint",
    # changing state
    "create table x as select 1",
    "insert into article values (1, 'x')",
    "drop view article",
    "select 1; drop view article",
    "update article set text = 'x'",
    "explain analyze create table x as select 1",
]


@pytest.mark.parametrize("template", ESCAPES)
def test_every_escape_is_refused_and_nothing_is_touched(publication, template):
    wh = publication.warehouse_dir
    before = _digests(wh.parent)
    query = template.format(secret=wh.parent / "secret.txt", wh=wh)
    with pytest.raises((SqlRefusedError, SqlError)) as caught:
        run_query(publication, query)
    assert str(caught.value).startswith("NG03")
    assert _digests(wh.parent) == before
    assert not (wh / "out.csv").exists() and not (wh / "new.duckdb").exists()


def test_file_reads_are_stopped_by_the_engine_not_by_keywords(publication):
    secret = publication.warehouse_dir.parent / "secret.txt"
    with pytest.raises(SqlRefusedError, match="NG030 refused by the engine"):
        run_query(publication, f"select content from read_text('{secret}')")


def test_select_and_explain_of_select_answer(publication):
    assert run_query(publication, "select count(*) as n from article").item() == 3
    assert run_query(publication, "with a as (from article) select max(id) from a").item() == 2
    plan = run_query(publication, "explain select * from article")
    assert plan.height >= 1


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("explain analyze select 1", "SELECT"),
        ("EXPLAIN (FORMAT json) select 1", "SELECT"),
        ("explain analyze copy (select 1) to 'x'", "COPY"),
        ("explain insert into t values (1)", "INSERT"),
    ],
)
def test_explain_is_judged_by_the_statement_it_explains(query, kind):
    if kind == "SELECT":
        assert check_statements(query)
    else:
        with pytest.raises(SqlRefusedError, match=f"EXPLAIN of {kind}"):
            check_statements(query)


def test_a_long_query_is_interrupted_at_the_timeout(publication):
    started = time.monotonic()
    with pytest.raises(SqlTimeoutError, match="NG032"):
        run_query(
            publication,
            "select count(*) from range(1000000000) a, range(1000000000) b",
            timeout=1,
        )
    assert time.monotonic() - started < 15


def test_a_query_past_the_memory_limit_is_stopped(publication, monkeypatch):
    monkeypatch.setenv("NEWSGATE_SQL_MEMORY_LIMIT", "64MB")
    settings = Settings.load(warehouse_dir=publication.warehouse_dir)
    with pytest.raises(SqlMemoryError, match="NG033"):
        run_query(
            settings, "select count(*) from (select distinct i::varchar from range(30000000) t(i))"
        )


@pytest.mark.parametrize("name", ["/etc/passwd", "../sql/article", "top_speakers.sql", "nope", ""])
def test_analyses_run_by_name_only(publication, name):
    with pytest.raises(UnknownAnalysisError, match="NG034"):
        run_analysis(publication, name)


def test_cli_formats_keep_headers_whole(publication, tmp_path, capsysbinary):
    long_name = "a_rather_long_column_name_that_must_never_wrap_or_be_cut"
    query = f"select id as {long_name}, text from article order by id"
    assert main(["sql", query, "--warehouse", str(publication.warehouse_dir)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert out.splitlines()[0].split(" │ ")[0] == long_name
    assert "(3 rows)" in out
    assert (
        main(["sql", query, "--format", "csv", "--warehouse", str(publication.warehouse_dir)]) == 0
    )
    csv_lines = capsysbinary.readouterr().out.decode().splitlines()
    assert csv_lines[0] == f"{long_name},text" and csv_lines[1] == "0,row 0"
    assert (
        main(["sql", query, "--format", "json", "--warehouse", str(publication.warehouse_dir)]) == 0
    )
    assert '"text": "row 2"' in capsysbinary.readouterr().out.decode()
    target = tmp_path / "out.parquet"
    args = ["sql", query, "--format", "parquet", "--output", str(target)]
    assert main([*args, "--warehouse", str(publication.warehouse_dir)]) == 0
    check = duckdb.connect()
    try:
        assert check.execute(f"select count(*) from '{target}'").fetchall() == [(3,)]
    finally:
        check.close()
