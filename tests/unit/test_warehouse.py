import duckdb
import pytest

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.errors import WarehouseCorruptError
from newsgate.repair import check_database, repair


def test_a_working_database_left_at_the_catalog_name_is_adopted(tmp_path):
    settings = Settings.load(tmp_path / "in", tmp_path / "wh")
    settings.warehouse_dir.mkdir()
    legacy = duckdb.connect(str(settings.catalog_path))
    legacy.execute("create schema work; create table work.raw_file as select 'a.txt' as p")
    legacy.close()
    con = warehouse.connect(settings)
    try:
        assert con.execute("select p from work.raw_file").fetchall() == [("a.txt",)]
    finally:
        con.close()
    assert settings.database_path.is_file() and not settings.catalog_path.exists()


def test_an_unopenable_working_database_names_the_way_out(tmp_path):
    settings = Settings.load(tmp_path / "in", tmp_path / "wh")
    settings.warehouse_dir.mkdir()
    settings.database_path.write_bytes(b"not a database" * 1000)
    with pytest.raises(WarehouseCorruptError, match=r"NG005.*newsgate repair"):
        warehouse.connect(settings)
    assert check_database(settings.database_path)
    report = repair(settings)
    assert not report.healthy and report.moved_to.is_file()
    con = warehouse.connect(settings)
    con.close()
    assert check_database(settings.database_path) == []


def test_repair_carries_over_the_tables_that_still_read(tmp_path):
    settings = Settings.load(tmp_path / "in", tmp_path / "wh")
    con = warehouse.connect(settings)
    con.execute("create table work.nlp_cache as select 'k' as cache_key")
    con.execute("create table work.article as select 1 as a")
    con.close()
    report = repair(settings, force=True)
    assert report.salvaged == {"nlp_cache": 1}
    con = warehouse.connect(settings)
    try:
        assert con.execute("select cache_key from work.nlp_cache").fetchall() == [("k",)]
        assert not warehouse.table_exists(con, "article")  # rebuilt by the next run
    finally:
        con.close()
