"""Input-folder modes: mirror (the publication is what the folder holds now) and accumulate (an
inbox; articles stay until retracted). In both, the published tables and file_outcome agree."""

import os

import pytest

from flows.news_pipeline import news_pipeline
from newsgate.cli import main
from newsgate.config import Settings
from newsgate.query import run_query


def _article(topic: str) -> str:
    return (
        f"Officials discuss {topic}\n\n"
        f"Government officials met in Lyon on Tuesday to discuss {topic} and the plans for the "
        "coming year. The talks lasted for several hours and ended without an agreement, "
        "according to people who attended the meeting.\n\n"
        f"“We will keep working on {topic},” Minister Anna Keller said after the talks. "
        "She added that the next meeting would take place in the autumn."
    )


def _run(settings, mode):
    state = news_pipeline(
        str(settings.input_dir), str(settings.warehouse_dir), input_mode=mode, return_state=True
    )
    assert state.is_completed(), state.message


def _outcomes(settings):
    rows = run_query(
        settings, "select source_path, outcome, article_id, previous_path from file_outcome"
    )
    return {r["source_path"]: r for r in rows.to_dicts()}


def _articles(settings):
    rows = run_query(settings, "select source_path, article_id from article").rows()
    return dict(rows)


def _assert_agree(settings):
    """Every published article has a file_outcome row saying so, and nothing else does."""
    outcomes = _outcomes(settings)
    published = _articles(settings)
    said = {p: r["article_id"] for p, r in outcomes.items() if r["outcome"] in ("article", "kept")}
    assert said == published
    quarantined = set(run_query(settings, "select source_path from quarantine")["source_path"])
    assert {p for p, r in outcomes.items() if r["outcome"] == "quarantined"} == quarantined
    for row in outcomes.values():
        if row["outcome"] in ("removed", "retracted", "quarantined"):
            assert row["article_id"] not in published.values()


@pytest.fixture
def folder(tmp_path):
    inbox = tmp_path / "input"
    inbox.mkdir()
    for name, topic in (("a.txt", "water"), ("b.txt", "schools"), ("c.txt", "ports")):
        (inbox / name).write_text(_article(topic), encoding="utf-8")
    return inbox


def test_mirror_follows_deleted_emptied_and_renamed_files(prefect_harness, folder, tmp_path):
    settings = Settings.load(folder, tmp_path / "wh")
    _run(settings, None)  # mirror is the default
    first = _articles(settings)
    assert set(first) == {"a.txt", "b.txt", "c.txt"}
    (folder / "a.txt").unlink()
    (folder / "b.txt").write_bytes(b"")
    os.rename(folder / "c.txt", folder / "c-renamed.txt")
    _run(settings, "mirror")
    outcomes = _outcomes(settings)
    assert _articles(settings) == {"c-renamed.txt": first["c.txt"]}
    assert outcomes["a.txt"]["outcome"] == "removed"
    assert outcomes["a.txt"]["article_id"] == first["a.txt"]
    assert outcomes["b.txt"]["outcome"] == "quarantined"
    assert outcomes["c-renamed.txt"]["outcome"] == "article"
    assert outcomes["c-renamed.txt"]["previous_path"] == "c.txt"
    assert "c.txt" not in outcomes
    _assert_agree(settings)


def test_accumulate_keeps_picked_up_articles_until_retracted(prefect_harness, folder, tmp_path):
    settings = Settings.load(folder, tmp_path / "wh")
    _run(settings, "accumulate")
    first = _articles(settings)
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).unlink()  # an inbox: files leave after pickup
    (folder / "d.txt").write_text(_article("railways"), encoding="utf-8")
    _run(settings, "accumulate")
    outcomes = _outcomes(settings)
    assert set(_articles(settings)) == {"a.txt", "b.txt", "c.txt", "d.txt"}
    assert {p: r["outcome"] for p, r in outcomes.items()} == {
        "a.txt": "kept",
        "b.txt": "kept",
        "c.txt": "kept",
        "d.txt": "article",
    }
    _assert_agree(settings)
    wh = str(settings.warehouse_dir)
    assert main(["retract", "a.txt", "--warehouse", wh]) == 0
    assert main(["retract", first["b.txt"], "--warehouse", wh]) == 0
    assert main(["retract", "no-such-file.txt", "--warehouse", wh]) == 1
    _run(settings, "accumulate")
    outcomes = _outcomes(settings)
    assert set(_articles(settings)) == {"c.txt", "d.txt"}
    assert outcomes["a.txt"]["outcome"] == outcomes["b.txt"]["outcome"] == "retracted"
    _assert_agree(settings)
