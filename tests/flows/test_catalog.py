"""The published catalog: readers never block a run, DuckDB 1.x opens it, a moved warehouse
still answers, and a corrupted publication is never rolled back to."""

import json
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from flows.news_pipeline import news_pipeline
from newsgate.cli import main
from newsgate.config import Settings
from newsgate.errors import PublicationCorruptError
from newsgate.publish import list_publications, rollback_publication, verify_publication
from newsgate.query import run_query
from newsgate.tables import published_tables
from tests.conftest import ROOT, SEEDS, digest_files

DUCKDB1 = ROOT / ".venv" / "duckdb1"

READER = """
import sys
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select min(run_id), count(*) from article").fetchall()[0], flush=True)
sys.stdin.readline()
print(con.execute("select min(run_id), count(*) from article").fetchall()[0], flush=True)
"""

COUNTS = """
import json, sys
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
counts = {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in sys.argv[2:]}
print(json.dumps({"version": duckdb.__version__, "counts": counts}))
"""


def _run(settings):
    state = news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True)
    assert state.is_completed(), state.message
    return state.result().run_id


def _counts(settings):
    return {
        t.name: run_query(settings, f"select count(*) from {t.name}").item()
        for t in published_tables()
    }


@pytest.fixture(scope="module")
def warehouse(prefect_harness, tmp_path_factory):
    settings = Settings.load(SEEDS, tmp_path_factory.mktemp("catalog") / "wh")
    first = _run(settings)
    return settings, first


def test_catalog_is_a_pointer_into_the_publication(warehouse):
    settings, first = warehouse
    assert settings.catalog_path.is_symlink()
    assert settings.catalog_path.resolve().parent == settings.published_dir.resolve()
    assert settings.database_path.is_file() and settings.database_path != settings.catalog_path
    manifest = verify_publication(settings.published_dir.resolve())
    assert manifest["run_id"] == first and "catalog.duckdb" in manifest["files"]


def test_reader_holding_the_catalog_open_never_blocks_a_run(warehouse):
    settings, _ = warehouse
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(settings.catalog_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        before = reader.stdout.readline()
        assert before, reader.stderr.read()
        newer = _run(settings)
        after, err = reader.communicate("go\n", timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert after.strip() == before.strip(), err  # the open reader still sees its publication
    assert newer not in before
    con = duckdb.connect(str(settings.catalog_path), read_only=True)
    try:
        assert con.execute("select distinct run_id from article").fetchall() == [(newer,)]
    finally:
        con.close()


def test_duckdb_1x_opens_the_catalog(warehouse):
    settings, _ = warehouse
    assert (DUCKDB1 / "duckdb").is_dir(), "the DuckDB 1.x reader is installed by `make install`"
    names = [t.name for t in published_tables()]
    env = dict(os.environ, PYTHONPATH=str(DUCKDB1))
    done = subprocess.run(
        [sys.executable, "-c", COUNTS, str(settings.catalog_path), *names],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["version"].startswith("1.")
    assert answer["counts"] == _counts(settings)


def test_a_moved_warehouse_still_answers(warehouse, tmp_path):
    settings, _ = warehouse
    expected = _counts(settings)
    moved = tmp_path / "elsewhere" / "copied-wh"
    shutil.copytree(settings.warehouse_dir, moved, symlinks=True)
    hidden = settings.warehouse_dir.with_name("wh-away")
    os.rename(settings.warehouse_dir, hidden)  # the old location no longer exists
    try:
        con = duckdb.connect(str(moved / "newsgate.duckdb"), read_only=True)
        try:
            got = {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in expected}
        finally:
            con.close()
        assert got == expected
        assert _counts(Settings.load(SEEDS, moved)) == expected
    finally:
        os.rename(hidden, settings.warehouse_dir)


def _corrupt_parquet_body(folder):
    path = folder / "article.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0xFF
    path.write_bytes(bytes(data))


def _truncate_footer(folder):
    path = folder / "quote.parquet"
    path.write_bytes(path.read_bytes()[:-20])


def _drop_manifest(folder):
    (folder / "manifest.json").unlink()


def _swap_rows(folder):
    # a valid Parquet file with other rows, in place of the published one
    path = folder / "entity.parquet"
    con = duckdb.connect()
    try:
        con.execute(f"copy (select 1 as entity_id) to '{path}' (format parquet)")
    finally:
        con.close()


@pytest.mark.parametrize(
    "damage", [_corrupt_parquet_body, _truncate_footer, _drop_manifest, _swap_rows]
)
def test_rollback_to_a_corrupted_publication_refuses_and_changes_nothing(warehouse, damage):
    settings, _ = warehouse
    if len(list_publications(settings)) < 2:
        _run(settings)
    older = settings.warehouse_dir / "publications" / list_publications(settings)[-2]
    saved = {p.name: p.read_bytes() for p in older.iterdir()}
    current = settings.published_dir.resolve()
    catalog = os.readlink(settings.catalog_path)
    before = digest_files(settings.published_dir)
    damage(older)
    try:
        with pytest.raises(PublicationCorruptError, match=r"NG022.*rollback refused"):
            rollback_publication(settings, older.name)
        assert main(["rollback", "--to", older.name, "--warehouse", str(settings.warehouse_dir)])
        assert settings.published_dir.resolve() == current
        assert os.readlink(settings.catalog_path) == catalog
        assert digest_files(settings.published_dir) == before
    finally:
        for leftover in older.iterdir():
            leftover.unlink()
        for name, data in saved.items():
            (older / name).write_bytes(data)
    assert rollback_publication(settings, older.name) == older.name
    assert settings.catalog_path.resolve().parent == older
    assert rollback_publication(settings, current.name) == current.name


def test_a_corrupted_working_database_has_a_way_out(warehouse, capsys):
    settings, _ = warehouse
    expected = sorted(run_query(settings, "select article_id from article")["article_id"])
    settings.database_path.write_bytes(os.urandom(300_000))
    state = news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True)
    assert state.is_failed() and "NG005" in state.message and "newsgate repair" in state.message
    assert main(["repair", "--warehouse", str(settings.warehouse_dir)]) == 0
    assert "moved the working database aside" in capsys.readouterr().out
    _run(settings)
    assert sorted(run_query(settings, "select article_id from article")["article_id"]) == expected
    assert main(["repair", "--warehouse", str(settings.warehouse_dir)]) == 0
    assert "nothing to repair" in capsys.readouterr().out
