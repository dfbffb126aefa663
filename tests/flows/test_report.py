"""The run report of real flow runs: written per run, failures first with their history, and
rendered by headless Chromium with no network request and data in every chart."""

import json
import os
import shutil
from pathlib import Path

import pytest

from flows.news_pipeline import news_pipeline
from newsgate import quality
from newsgate.config import Settings
from newsgate.report.summary import RunSummary
from tests.conftest import SEEDS

BROWSER = os.environ.get("NEWSGATE_BROWSER") or shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHARTS = {"chart-gates", "chart-events", "chart-speakers", "chart-entities", "chart-articles"}
# every scene item a Vega-Lite mark draws, per chart, from the live Vega views
COUNT_MARKS = """() => {
  const count = (mark) => {
    let n = 0;
    if (mark.role === 'mark' && mark.marktype !== 'group') n += mark.items.length;
    for (const item of mark.items || []) for (const child of item.items || []) n += count(child);
    return n;
  };
  const out = {};
  for (const [id, view] of Object.entries(window.newsgateCharts)) {
    out[id] = count(view.scenegraph().root);
  }
  return out;
}"""
BLOCKER = {
    "type": "expect_table_row_count_to_be_between",
    "kwargs": {"min_value": 0, "max_value": 0},
    "severity": "critical",
    "description": "An expectation no real run can meet.",
    "meta": {"name": "impossible_for_test"},
}


@pytest.fixture(scope="module")
def runs(prefect_harness, tmp_path_factory):
    """A published run, a blocked run (its report kept aside), then a published run."""
    settings = Settings.load(SEEDS, tmp_path_factory.mktemp("report") / "warehouse")
    report = settings.warehouse_dir / "report" / "index.html"
    first = news_pipeline(str(SEEDS), str(settings.warehouse_dir))
    original = quality.load_suite_json
    patch = pytest.MonkeyPatch()
    patch.setattr(
        quality,
        "load_suite_json",
        lambda table: (
            dict(original(table), expectations=[*original(table)["expectations"], BLOCKER])
            if table.name == "entity"
            else original(table)
        ),
    )
    try:
        blocked = news_pipeline(str(SEEDS), str(settings.warehouse_dir), return_state=True)
    finally:
        patch.undo()
    blocked_html = report.read_text(encoding="utf-8")
    last = news_pipeline(str(SEEDS), str(settings.warehouse_dir))
    return settings, first, blocked, blocked_html, last, report


def test_every_run_returns_its_summary_with_the_report(runs):
    _, first, blocked, _, last, report = runs
    assert isinstance(first, RunSummary) and first.published
    assert [s.name for s in last.stages] == ["ingest", "article", "nlp", "publish", "report"]
    assert last.report_path == str(report) and report.is_file()
    assert last.row_counts["article"] == 5 and Path(last.publication).is_dir()
    summary = blocked.result(raise_on_failure=False)
    assert blocked.is_failed() and isinstance(summary, RunSummary)
    assert summary.status == "blocked" and "entity.impossible_for_test" in summary.message
    assert [f.expectation for f in summary.failures] == ["impossible_for_test"]


def test_blocked_run_report_puts_the_failure_first(runs):
    *_, blocked_html, _, _ = runs
    assert "Not published" in blocked_html
    failures = blocked_html.index("Failed checks of this run")
    assert blocked_html.index("entity.impossible_for_test", failures) < blocked_html.index(
        "passed checks", failures
    )
    assert "the previous publication stays" in blocked_html


def _spec(html: str, chart: str) -> dict:
    start = html.index(f'data-chart="{chart}">') + len(f'data-chart="{chart}">')
    return json.loads(html[start : html.index("</script>", start)])


def test_report_keeps_the_history_of_every_gate(runs):
    _, first, blocked, _, last, report = runs
    html = report.read_text(encoding="utf-8")
    history = {
        (row["run_id"], row["outcome"]) for row in _spec(html, "chart-gates")["data"]["values"]
    }
    blocked_id = blocked.result(raise_on_failure=False).run_id
    assert {first.run_id, blocked_id, last.run_id} == {run for run, _ in history}
    assert (blocked_id, "blocked") in history and (last.run_id, "blocked") not in history
    assert "checks of this run passed" in html
    # each check of this run shows one cell per recent run, the current one marked
    strip = html[
        html.index('<div class="strip">') : html.index("</div>", html.index('<div class="strip">'))
    ]
    assert strip.count("<span") == 3 and strip.count("current") == 1


def test_report_is_self_contained(runs):
    *_, report = runs
    html = report.read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html
    assert "cdn." not in html and "@import" not in html


def test_report_renders_offline_in_headless_chromium_with_data_in_every_chart(runs):
    *_, report = runs
    if not Path(BROWSER).exists():
        pytest.fail(f"no Chromium at {BROWSER}: `make browser` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    uri = report.resolve().as_uri()
    requests, problems = [], []
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=BROWSER, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("websocket", lambda w: requests.append(w.url))
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on(
                "console",
                lambda m: problems.append(m.text) if m.type in ("error", "warning") else None,
            )
            page.add_init_script(
                "window.blocked = []; document.addEventListener('securitypolicyviolation',"
                " (e) => window.blocked.push(e.blockedURI));"
            )
            page.goto(uri)
            page.wait_for_selector("body[data-charts]", timeout=60_000)
            state = page.get_attribute("body", "data-charts")
            marks = page.evaluate(COUNT_MARKS)
            blocked = page.evaluate("window.blocked")
        finally:
            browser.close()
    assert requests == [uri], "the report asked for more than its own file"
    assert blocked == [] and problems == []
    assert state == "drawn"
    assert set(marks) == CHARTS
    assert all(count > 0 for count in marks.values()), marks


def test_task_completion_lines_reach_the_prefect_api_at_debug(runs):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.logging.handlers import APILogHandler

    _, _, blocked, *_ = runs
    APILogHandler().flush()
    with get_client(sync_client=True) as client:
        logs = client.read_logs(
            log_filter=LogFilter(
                flow_run_id=LogFilterFlowRunId(any_=[blocked.state_details.flow_run_id])
            )
        )
    done = [log for log in logs if log.message.startswith("Finished in state Completed(")]
    assert done, "the UI lost the task completion lines"
    assert {log.level for log in done} == {10}
    assert any(log.level >= 20 for log in logs)


def test_newsgate_run_json_prints_the_summary_as_one_document(runs, capsys):
    # last in this file: it adds a fourth run to the warehouse the tests above read
    from newsgate.cli import main

    settings, *_ = runs
    code = main(
        ["run", "--input", str(SEEDS), "--warehouse", str(settings.warehouse_dir), "--json"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["status"] == "published"
    assert data["row_counts"]["article"] == 5 and data["report_path"]
    assert [s["name"] for s in data["stages"]][-1] == "report"
    assert data["setup_seconds"]["imports"] >= 0 and data["wall_seconds"] > 0
    assert data["peak_rss_mb"] > 0
