"""Round 9 of issue 14: dates from the report's lead, courts behind verdicts (invented text)."""

from datetime import date

from newsgate.nlp.pipeline import make_doc


def _events(nlp, text, published=None, kind=None):
    doc = nlp(make_doc(nlp, text, published))
    return [e for e in doc._.events if kind is None or e["event_type"] == kind]


def _roles(event):
    return dict(zip(event["actor_roles"], event["actor_names"], strict=True))


# --- an undated statement takes the day of the report's lead event --------------------------

_LEAD = (
    "Police raided a protest camp in Tarvik on Monday. "
    "Dozens of tents were removed from the square. "
    "Governor Ana Reyes said the square had to be cleared."
)


def test_a_statement_after_the_lead_takes_the_lead_events_day(nlp):
    [said] = _events(nlp, _LEAD, date(2024, 5, 8), "statement")
    assert said["actor_names"][0] == "Ana Reyes"
    assert (said["event_date"], said["date_precision"]) == (date(2024, 5, 6), "day")
    assert said["date_text"].endswith("(lead: raided)")


def test_a_statement_with_a_day_of_its_own_keeps_it(nlp):
    text = _LEAD.replace("said the square", "said on Tuesday the square")
    [said] = _events(nlp, text, date(2024, 5, 8), "statement")
    assert said["event_date"] == date(2024, 5, 7)


def test_a_lead_event_told_late_in_the_report_dates_nothing(nlp):
    # the dated act is in the fifth sentence: no longer the report's lead
    text = (
        "The square in Tarvik was quiet. Shops stayed shut. Buses did not run. "
        "Residents waited indoors. Police raided a protest camp there on Monday. "
        "Governor Ana Reyes said the square had to be cleared."
    )
    [said] = _events(nlp, text, date(2024, 5, 8), "statement")
    assert said["event_date"] is None


def test_a_planned_lead_event_dates_no_statement(nlp):
    text = (
        "France and Germany will meet in Berlin on Friday. "
        "The talks were arranged last month. "
        "Governor Ana Reyes said the meeting was overdue."
    )
    [said] = _events(nlp, text, date(2024, 5, 8), "statement")
    assert said["event_date"] is None


def test_a_future_statement_takes_no_lead_day(nlp):
    text = _LEAD.replace("Governor Ana Reyes said", "Governor Ana Reyes will say")
    for said in _events(nlp, text, date(2024, 5, 8), "statement"):
        assert said["event_date"] is None


def test_after_an_undated_meeting_the_lead_day_dates_the_statement(nlp):
    text = _LEAD.replace(
        "Governor Ana Reyes said", "Governor Ana Reyes told reporters after the meeting"
    )
    [said] = _events(nlp, text, date(2024, 5, 8), "statement")
    assert said["event_date"] == date(2024, 5, 6)


def test_after_a_dated_meeting_the_merge_dates_the_statement_not_the_lead(nlp):
    text = (
        "France and Germany met in Berlin on Tuesday. Dozens of tents were removed. "
        "Governor Ana Reyes told reporters after the meeting that the square was cleared."
    )
    [said] = _events(nlp, text, date(2024, 5, 8), "statement")
    # the meeting's day reaches it through the cross-article merge (its "after the meeting")
    assert said["event_date"] is None
    assert said["date_ref"] is True


# --- a passive verdict is handed down by a court ----------------------------------------------


def test_an_agentless_passive_sentence_is_handed_down_by_a_court(nlp):
    [verdict] = _events(
        nlp, "Karl Brandt was sentenced to five years in prison on Monday.", kind="court_verdict"
    )
    assert _roles(verdict)["actor1"] == "court"
    assert verdict["actor_labels"][0] == "AGENT"
    assert "Karl Brandt" in verdict["actor_names"]


def test_a_named_court_keeps_its_name(nlp):
    [verdict] = _events(
        nlp, "The Supreme Court of Norland convicted Karl Brandt of fraud.", kind="court_verdict"
    )
    assert "court" not in verdict["actor_names"]


def test_a_negated_passive_sentence_is_no_verdict(nlp):
    assert _events(nlp, "Karl Brandt was not sentenced on Monday.", kind="court_verdict") == []
