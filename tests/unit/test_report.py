"""The run report's parts on invented data: charts, the summary, atomic writing, failure."""

import json
import os

import polars as pl
import pytest

from newsgate.config import Settings
from newsgate.report import ReportResult, charts, write_atomically, write_report
from newsgate.report.summary import Failure, RunSummary, StageRecord, format_summary


def _values(spec: dict) -> list:
    """Every inline data row of a Vega-Lite spec (top level and layers)."""
    found = list((spec.get("data") or {}).get("values") or [])
    for layer in spec.get("layer", []):
        found += _values(layer)
    return found


def test_each_chart_carries_its_rows_inline():
    events = pl.DataFrame(
        {
            "event_id": ["e1", "e2"],
            "event_type": ["meeting", "statement"],
            "event_date": ["2031-03-04", "2031-03-09"],
            "date_precision": ["day", "day"],
            "article_count": [3, 1],
            "source_count": [2, 1],
            "place": ["Lisbon", ""],
            "summary": ["Ana Duarte met Ivo Lenz", "Ivo Lenz said"],
            "actors": ["Ana Duarte, Ivo Lenz", "Ivo Lenz"],
        }
    )
    quotes = pl.DataFrame(
        {
            "speaker": ["Ana Duarte", "Ana Duarte", "Ivo Lenz"],
            "outlet": ["A", "B", "A"],
            "quotes": [2, 1, 4],
        }
    )
    pairs = pl.DataFrame(
        {
            "entity": ["Ana Duarte", "Lisbon"],
            "entity_label": ["PERSON", "GPE"],
            "other": ["Lisbon", "Ana Duarte"],
            "other_label": ["GPE", "PERSON"],
            "articles": [2, 2],
            "entity_articles": [3, 2],
            "other_articles": [2, 3],
        }
    )
    articles = pl.DataFrame(
        {"outlet": ["A", "B"], "day": ["2031-03-04", "2031-03-05"], "articles": [2, 1]}
    )
    built = [
        charts.event_timeline(events, undated=1),
        charts.top_speakers(quotes, unnamed=2),
        charts.cooccurrence(pairs),
        charts.articles_per_outlet_day(articles, undated=0),
    ]
    assert [c.chart_id for c in built] == ["events", "speakers", "entities", "articles"]
    for chart in built:
        assert chart.spec is not None and chart.spec["$schema"].startswith("https://vega.github.io")
        assert _values(chart.spec), chart.chart_id
    assert "1 events without a date are not shown" in built[0].caption
    assert "2 quotations without a named speaker" in built[1].caption


def test_empty_data_gives_a_placeholder_not_an_empty_chart():
    empty = charts.top_speakers(pl.DataFrame(), unnamed=0)
    assert empty.spec is None and empty.empty_text == "no named speakers"
    assert charts.gate_history(pl.DataFrame()).spec is None


def test_many_days_are_drawn_per_month():
    days = [f"2031-{m:02d}-{d:02d}" for m in range(1, 4) for d in range(1, 29)]
    frame = pl.DataFrame({"outlet": ["A"] * len(days), "day": days, "articles": [1] * len(days)})
    chart = charts.articles_per_outlet_day(frame, undated=0)
    assert "month" in chart.caption
    assert chart.spec["encoding"]["x"]["timeUnit"] == "utcyearmonth"


def test_gate_history_counts_checks_by_outcome_per_run():
    results = pl.DataFrame(
        {
            "run_id": ["20310101T000000Z-aaa111"] * 3 + ["20310102T000000Z-bbb222"] * 3,
            "success": [True, False, False, True, True, False],
            "action": [None, "blocked", "reported", None, None, "quarantined"],
            "severity": ["critical", "critical", "warning", "critical", "critical", "warning"],
        }
    )
    frame = charts.history_frame(results)
    counted = {(r["run"], r["outcome"]): r["checks"] for r in frame.to_dicts()}
    assert counted == {
        ("2031-01-01 00:00:00 ·aaa", "passed"): 1,
        ("2031-01-01 00:00:00 ·aaa", "blocked"): 1,
        ("2031-01-01 00:00:00 ·aaa", "warning"): 1,
        ("2031-01-02 00:00:00 ·bbb", "passed"): 2,
        ("2031-01-02 00:00:00 ·bbb", "quarantined"): 1,
    }
    assert charts.gate_history(frame).spec is not None


def _summary(**changes) -> RunSummary:
    stages = [
        StageRecord("ingest", 0.5, {"files": 4, "ingested": 3, "quarantined": 1}, 2.0, 1, 10),
        StageRecord(
            "nlp",
            1.5,
            {"articles_annotated": 3},
            1.0,
            2,
            20,
            [
                Failure("quote", "most_named", "warning", "reported", 2),
                Failure("entity", "ids_unique", "critical", "blocked", 1),
            ],
        ),
    ]
    values = dict(
        run_id="20310101T000000Z-abc123",
        status="blocked",
        message="NG010 nlp gate failed: entity.ids_unique",
        input_dir="/in",
        warehouse_dir="/wh",
        publication=None,
        row_counts={},
        stages=stages,
        quarantined=[("ingest", "empty", 1)],
        report_path="/wh/report/index.html",
    )
    values.update(changes)
    return RunSummary(**values)


def test_summary_table_names_stages_gates_quarantine_and_report():
    text = format_summary(_summary(setup_seconds={"imports": 3.0}, wall_seconds=12.0))
    assert "NOT published" in text and "NG010 nlp gate failed" in text
    assert "BLOCKED by 1 check: 2 suites, 20 checks (1.0 s)" in text
    assert "4 files, 3 ingested, 1 quarantined" in text
    assert text.index("entity.ids_unique") < text.index("quote.most_named")
    assert "ingest              empty" in text
    assert "report       /wh/report/index.html" in text
    assert "orchestration" in text and "total          12.0 s" in text


def test_summary_json_round_trips():
    data = json.loads(_summary().to_json())
    assert data["status"] == "blocked"
    assert data["stages"][1]["failures"][1]["expectation"] == "ids_unique"
    assert data["total_seconds"] == pytest.approx(5.0)


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "report" / "index.html"
    write_atomically(target, "old")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomically(target, "new " * 1000)
    assert target.read_text() == "old"
    assert [p.name for p in target.parent.iterdir()] == ["index.html"]


def test_a_report_that_cannot_be_written_says_why_and_does_not_raise(tmp_path):
    settings = Settings.load(tmp_path / "in", tmp_path / "wh")
    settings.warehouse_dir.mkdir()
    (settings.warehouse_dir / "report").write_text("a file where the report folder should be")
    result = write_report(settings, _summary(report_path=None))
    assert isinstance(result, ReportResult)
    assert result.path is None and result.error.startswith("NG040")


def test_summary_table_splits_a_stage_into_its_timed_steps():
    summary = _summary()
    summary.stages[1].steps = {"event merge": 0.9, "gate: validation": 0.6, "tables": 0.01}
    text = format_summary(summary)
    lines = text.splitlines()
    nlp = next(i for i, line in enumerate(lines) if line.strip().startswith("nlp "))
    assert lines[nlp + 1].split() == ["event", "merge", "0.9", "s"]
    assert lines[nlp + 2].split() == ["gate:", "validation", "0.6", "s"]
    assert "tables" not in text  # a step shorter than the table's precision is left out
    assert json.loads(summary.to_json())["stages"][1]["steps"]["tables"] == 0.01
