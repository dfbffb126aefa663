"""The report's charts as Vega-Lite specs (built with altair), each with its data inline."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import polars as pl

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
PALETTE = "tableau10"
MAX_ORDINAL_DAYS = 60
OUTCOME_COLORS = {
    "passed": "#59a14f",
    "warning": "#edc948",
    "quarantined": "#f28e2b",
    "blocked": "#e15759",
}


@dataclass
class Chart:
    """One chart of the report: an id, a title, a caption, and its spec (None when no data)."""

    chart_id: str
    title: str
    caption: str
    spec: dict | None
    empty_text: str = "no data"


def _rows(frame: pl.DataFrame) -> list[dict]:
    return frame.to_dicts()


def _finish(chart: alt.TopLevelMixin, height: int) -> dict:
    """Return the chart's spec with the report's look: container width, quiet axes, one font."""
    spec = (
        chart.properties(width="container", height=height)
        .configure(font=FONT, background="transparent")
        .configure_view(stroke=None)
        .configure_axis(
            labelFontSize=11,
            titleFontSize=11,
            labelColor="#444",
            titleColor="#444",
            gridColor="#eee",
        )
        .configure_legend(labelFontSize=11, titleFontSize=11, orient="bottom", columns=4)
        .to_dict()
    )
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def event_timeline(events: pl.DataFrame, undated: int) -> Chart:
    """Return the chart of dated events on a timeline, one row per event type."""
    caption = (
        f"{events.height} dated events; a dot's size is the number of articles reporting it"
        + (f"; {undated} events without a date are not shown" if undated else "")
        + ". Hover a dot for its summary."
    )
    if events.is_empty():
        return Chart("events", "Events on a timeline, by type", caption, None, "no dated events")
    types = events.get_column("event_type").n_unique()
    chart = (
        alt.Chart(alt.Data(values=_rows(events)))
        .mark_circle(opacity=0.75, stroke="#fff", strokeWidth=0.5)
        .encode(
            x=alt.X("event_date:T", title=None, scale=alt.Scale(type="utc", nice=True)),
            y=alt.Y("event_type:N", title=None, sort="ascending"),
            size=alt.Size(
                "article_count:Q", title="articles", scale=alt.Scale(range=[60, 700]), legend=None
            ),
            color=alt.Color("event_type:N", legend=None, scale=alt.Scale(scheme=PALETTE)),
            tooltip=[
                alt.Tooltip("event_type:N", title="type"),
                alt.Tooltip("utcyearmonthdate(event_date):T", title="date"),
                alt.Tooltip("date_precision:N", title="precision"),
                alt.Tooltip("actors:N"),
                alt.Tooltip("place:N"),
                alt.Tooltip("article_count:Q", title="articles"),
                alt.Tooltip("source_count:Q", title="outlets"),
                alt.Tooltip("summary:N"),
            ],
        )
    )
    return Chart(
        "events", "Events on a timeline, by type", caption, _finish(chart, 34 * types + 40)
    )


def top_speakers(quotes: pl.DataFrame, unnamed: int) -> Chart:
    """Return the chart of who is quoted most, each bar split by the outlets quoting them."""
    speakers = quotes.get_column("speaker").n_unique() if not quotes.is_empty() else 0
    caption = (
        f"The {speakers} most-quoted people and the outlets that quote them"
        + (f"; {unnamed} quotations without a named speaker are not shown" if unnamed else "")
        + "."
    )
    if quotes.is_empty():
        return Chart("speakers", "Who is quoted most", caption, None, "no named speakers")
    chart = (
        alt.Chart(alt.Data(values=_rows(quotes)))
        .mark_bar()
        .encode(
            y=alt.Y("speaker:N", title=None, sort="-x"),
            x=alt.X("sum(quotes):Q", title="quotations"),
            color=alt.Color("outlet:N", title="outlet", scale=alt.Scale(scheme=PALETTE)),
            tooltip=[
                alt.Tooltip("speaker:N"),
                alt.Tooltip("outlet:N"),
                alt.Tooltip("quotes:Q", title="quotations"),
            ],
        )
    )
    return Chart("speakers", "Who is quoted most", caption, _finish(chart, 26 * speakers + 30))


def cooccurrence(pairs: pl.DataFrame) -> Chart:
    """Return the matrix of entities that appear in the same articles."""
    names = (
        pairs.select("entity", "entity_articles").unique().sort(["entity_articles", "entity"])
        if not pairs.is_empty()
        else pl.DataFrame()
    )
    caption = (
        f"The {names.height} most widely reported entities that share an article with another; "
        "a cell counts the articles naming both."
    )
    if pairs.is_empty():
        return Chart(
            "entities",
            "Entities that appear together",
            caption,
            None,
            "no entities share an article",
        )
    order = names.sort(["entity_articles", "entity"], descending=[True, False])["entity"].to_list()
    base = alt.Chart(alt.Data(values=_rows(pairs))).encode(
        x=alt.X("entity:N", title=None, sort=order, axis=alt.Axis(labelAngle=-40, labelLimit=140)),
        y=alt.Y("other:N", title=None, sort=order, axis=alt.Axis(labelLimit=160)),
    )
    cells = base.mark_rect(cornerRadius=2).encode(
        color=alt.Color(
            "articles:Q",
            title="shared articles",
            scale=alt.Scale(scheme="blues"),
            legend=alt.Legend(format="d"),
        ),
        tooltip=[
            alt.Tooltip("entity:N"),
            alt.Tooltip("entity_label:N", title="label"),
            alt.Tooltip("other:N", title="with"),
            alt.Tooltip("other_label:N", title="label"),
            alt.Tooltip("articles:Q", title="shared articles"),
        ],
    )
    counts = base.mark_text(fontSize=10).encode(
        text="articles:Q",
        color=alt.condition("datum.articles > 2", alt.value("white"), alt.value("#333")),
    )
    return Chart(
        "entities",
        "Entities that appear together",
        caption,
        _finish(alt.layer(cells, counts), 22 * len(order) + 20),
    )


def articles_per_outlet_day(articles: pl.DataFrame, undated: int) -> Chart:
    """Return the outlet-by-day matrix of published articles."""
    days = articles.get_column("day").n_unique() if not articles.is_empty() else 0
    monthly = days > MAX_ORDINAL_DAYS
    caption = (
        f"Articles by outlet and {'month' if monthly else 'publication day'}"
        + (f"; {undated} articles without a publication date are not shown" if undated else "")
        + "."
    )
    title = "Articles per outlet and day"
    if articles.is_empty():
        return Chart("articles", title, caption, None, "no dated articles")
    outlets = articles.get_column("outlet").n_unique()
    cell = pl.col("day").str.slice(0, 7 if monthly else 10)
    most = int(articles.group_by("outlet", cell).agg(pl.col("articles").sum())["articles"].max())
    x = (
        alt.X("utcyearmonth(day):O", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40))
        if monthly
        else alt.X(
            "utcyearmonthdate(day):O", title=None, axis=alt.Axis(format="%d %b %Y", labelAngle=-40)
        )
    )
    chart = (
        alt.Chart(alt.Data(values=_rows(articles)))
        .mark_rect(cornerRadius=2)
        .encode(
            x=x,
            y=alt.Y("outlet:N", title=None, axis=alt.Axis(labelLimit=180)),
            color=alt.Color(
                "sum(articles):Q",
                title="articles",
                scale=alt.Scale(scheme="greens"),
                # whole numbers only: a gradient legend otherwise labels 1.5 as "2"
                legend=(
                    alt.Legend(format="d", values=list(range(1, most + 1)))
                    if most <= 6
                    else alt.Legend(format="d")
                ),
            ),
            tooltip=[
                alt.Tooltip("outlet:N"),
                alt.Tooltip("utcyearmonthdate(day):T", title="day"),
                alt.Tooltip("sum(articles):Q", title="articles"),
            ],
        )
    )
    return Chart("articles", title, caption, _finish(chart, 24 * outlets + 30))


def gate_history(history: pl.DataFrame) -> Chart:
    """Return the chart of every run's failed checks by outcome, each run labelled passed/total."""
    caption = (
        "Failed checks per run by outcome, oldest run first (a red bar is a run that was "
        "blocked); the label above each run counts its passed checks."
    )
    if history.is_empty():
        return Chart("gates", "Quality gates across runs", caption, None, "no gate results yet")
    failures = [o for o in OUTCOME_COLORS if o != "passed"]
    failed_most = int(
        history.filter(pl.col("outcome") != "passed")
        .group_by("run_id")
        .agg(pl.col("checks").sum())
        .get_column("checks")
        .max()
        or 0
    )
    # whole checks only, and headroom above the tallest bar for its label
    counts = (
        alt.Axis(values=list(range(failed_most + 1))) if failed_most <= 10 else alt.Axis(format="d")
    )
    headroom = alt.Scale(domain=[0, max(failed_most, 1) * 1.2])
    runs = history.sort("run_id").get_column("run").unique(maintain_order=True).to_list()
    x = alt.X(
        "run:N",
        title=None,
        sort=runs,
        scale=alt.Scale(paddingOuter=0.5),
        axis=alt.Axis(labelAngle=-30, labelLimit=220),
    )
    bars = (
        alt.Chart()
        .transform_filter("datum.outcome != 'passed'")
        .mark_bar(size=22)
        .encode(
            x=x,
            y=alt.Y(
                "sum(checks):Q", title="failed checks", axis=alt.Axis(tickMinStep=1, format="d")
            ),
            color=alt.Color(
                "outcome:N",
                title="outcome",
                sort=failures,
                scale=alt.Scale(domain=failures, range=[OUTCOME_COLORS[o] for o in failures]),
            ),
            order=alt.Order("rank:Q"),
            tooltip=[
                alt.Tooltip("run_id:N", title="run"),
                alt.Tooltip("outcome:N"),
                alt.Tooltip("sum(checks):Q", title="checks"),
            ],
        )
    )
    labels = (
        alt.Chart()
        .transform_calculate(
            passed="datum.outcome == 'passed' ? datum.checks : 0",
            failed="datum.outcome == 'passed' ? 0 : datum.checks",
        )
        .transform_aggregate(
            passed="sum(passed)", failed="sum(failed)", total="sum(checks)", groupby=["run"]
        )
        .transform_calculate(label="datum.passed + '/' + datum.total + ' passed'")
        .mark_text(dy=-9, fontSize=11, color="#444")
        .encode(
            x=x,
            y=alt.Y("failed:Q", title="failed checks", axis=counts, scale=headroom),
            text="label:N",
        )
    )
    chart = alt.layer(bars, labels, data=alt.Data(values=_rows(history)))
    return Chart("gates", "Quality gates across runs", caption, _finish(chart, 180))


def outcome_of(success: bool, action: str | None, severity: str) -> str:
    """Return a check's outcome in the report's words: passed, warning, quarantined or blocked."""
    if success:
        return "passed"
    if action in ("blocked", "quarantined"):
        return action
    return "blocked" if severity == "critical" else "warning"


def history_frame(results: pl.DataFrame) -> pl.DataFrame:
    """Return checks per run and outcome (with a short run label) for the gate-history chart."""
    if results.is_empty():
        return pl.DataFrame()
    rows = [
        {
            "run_id": run_id,
            "outcome": outcome_of(success, action, severity),
        }
        for run_id, success, action, severity in results.select(
            "run_id", "success", "action", "severity"
        ).iter_rows()
    ]
    counted = pl.DataFrame(rows).group_by("run_id", "outcome").len(name="checks")
    rank = {o: i for i, o in enumerate(OUTCOME_COLORS)}
    return counted.with_columns(
        pl.col("run_id").map_elements(run_label, return_dtype=pl.String).alias("run"),
        pl.col("outcome").replace_strict(rank, return_dtype=pl.Int64).alias("rank"),
    ).sort("run_id", "rank")


def run_label(run_id: str) -> str:
    """Return a run id as a short, unique, readable label: "2026-12-01 14:45:38 ·3f2"."""
    stamp, _, suffix = run_id.partition("-")
    if len(stamp) == 16 and stamp[8] == "T":
        when = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}"
        return f"{when} ·{suffix[:3]}" if suffix else when
    return run_id
