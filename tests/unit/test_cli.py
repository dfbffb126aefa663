import pytest

from newsgate.cli import main
from newsgate.config import Settings
from newsgate.errors import NothingPublishedError, SqlRefusedError
from newsgate.query import run_query


@pytest.mark.parametrize(
    "query",
    [
        "create table x as select 1",
        "copy (select 1) to 'x.csv'",
        "attach 'x.duckdb'",
        "install httpfs",
        "insert into article values (1)",
        "select 1; drop view article",
    ],
)
def test_sql_refuses_anything_but_select(tmp_path, query):
    (tmp_path / "published").mkdir()
    settings = Settings.load(warehouse_dir=tmp_path)
    with pytest.raises(SqlRefusedError, match="NG030"):
        run_query(settings, query)


def test_sql_without_publication_is_a_clear_error(tmp_path):
    with pytest.raises(NothingPublishedError):
        run_query(Settings.load(warehouse_dir=tmp_path), "select 1")


def test_cli_reports_errors_in_one_line(tmp_path, capsys):
    assert main(["sql", "select 1", "--warehouse", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsgate: NG021") and "\n" not in err


def test_run_with_missing_input_exits_non_zero(tmp_path, capsys):
    assert main(["run", "--input", str(tmp_path / "missing"), "--warehouse", str(tmp_path)]) == 2
    assert "NG002" in capsys.readouterr().err


def test_sql_lists_named_analyses(capsys):
    assert main(["sql", "--list"]) == 0
    listed = capsys.readouterr().out
    assert {"top_speakers", "entity_pairs", "event_timeline", "outlets_per_event"} <= {
        line.split()[0] for line in listed.splitlines()
    }


def test_unknown_analysis_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "published").mkdir()
    assert main(["sql", "--analysis", "nope", "--warehouse", str(tmp_path)]) == 1
    assert "no analysis named 'nope'" in capsys.readouterr().err
