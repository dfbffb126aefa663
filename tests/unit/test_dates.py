from datetime import date

import pytest

from newsgate.nlp.dates import article_year_hint, period_end, resolve_dates

BASE = date(2016, 4, 21)  # a Thursday


def _only(text, base=BASE, **kwargs):
    [found] = resolve_dates(text, base, **kwargs)
    return found


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("on 20 April 2016", date(2016, 4, 20), "day"),
        ("on January 12, 2022", date(2022, 1, 12), "day"),
        ("2022-01-12", date(2022, 1, 12), "day"),
        ("on Wednesday", date(2016, 4, 20), "day"),
        ("on Thursday", date(2016, 4, 21), "day"),
        ("on Friday", date(2016, 4, 15), "day"),
        ("on April 12", date(2016, 4, 12), "day"),
        ("in March 2014", date(2014, 3, 1), "month"),
        ("in November", date(2015, 11, 1), "month"),
        ("in April", date(2016, 4, 1), "month"),
        ("last week", date(2016, 4, 11), "week"),
        ("in 2014", date(2014, 1, 1), "year"),
        ("yesterday", date(2016, 4, 20), "day"),
        ("three days ago", date(2016, 4, 18), "day"),
    ],
)
def test_dates_resolve_against_base(text, expected, precision):
    found = _only(text)
    assert (found.value, found.precision) == (expected, precision)


def test_explicit_dates_need_no_base():
    assert _only("on July 5, 2019", None).value == date(2019, 7, 5)
    assert _only("the 20 April 2016 meeting", None).value == date(2016, 4, 20)


def test_future_tense_looks_forward_for_weekdays_and_months():
    assert _only("on Thursday", date(2022, 1, 12), future=True).value == date(2022, 1, 13)
    assert _only("on Thursday", date(2022, 1, 12)).value == date(2022, 1, 6)
    assert _only("in November", BASE, future=True).value == date(2016, 11, 1)


def test_same_weekday_as_publication_is_that_day():
    assert _only("This Wednesday", date(2022, 1, 12)).value == date(2022, 1, 12)


def test_days_later_counts_from_the_previous_day_in_the_article():
    found = _only("two days later", None, anchor=date(2016, 4, 11))
    assert (found.value, found.precision) == (date(2016, 4, 13), "day")
    earlier, later = resolve_dates("It began on 3 May 2020 and two days later it ended.", None)
    assert earlier.value == date(2020, 5, 3)
    assert later.value == date(2020, 5, 5)


@pytest.mark.parametrize("text", ["three days after dismissing him", "a week before the vote"])
def test_days_after_another_event_stay_null_even_with_an_anchor(text):
    # counted from another event whose day the clause does not give (CONVENTIONS 7.2)
    found = _only(text, None, anchor=date(2016, 4, 11))
    assert (found.value, found.precision) == (None, None)


@pytest.mark.parametrize(
    "text",
    ["on Wednesday", "last week", "two days later", "in November", "on Thursday", "on April 12"],
)
def test_relative_dates_without_anchor_stay_null(text):
    found = _only(text, None)
    assert found.value is None
    assert found.precision is None
    assert found.text.lower().endswith(text.split()[-1].lower())


def test_unresolved_dates_keep_their_partial_parts():
    found = _only("on April 20", None)
    assert (found.month, found.day, found.year) == (4, 20, None)
    assert _only("on Wednesday", None).weekday == 2


def test_year_hint_reads_month_day_in_the_articles_year_unless_before_its_dates():
    text = "In April 2016 the council met. On June 6 the drill began."
    year, floor = article_year_hint(text)
    assert (year, floor) == (2016, date(2016, 4, 1))
    assert _only("On June 6", None, year_hint=year, hint_floor=floor).value == date(2016, 6, 6)
    early = _only("on March 3", None, year_hint=year, hint_floor=floor)
    assert early.value is None


def test_article_without_dates_gives_no_year_hint():
    assert article_year_hint("They met on Wednesday.") is None


def test_period_end_covers_the_whole_period():
    assert period_end(_only("in 2014", None)) == date(2014, 12, 31)
    assert period_end(_only("in February 2016", None)) == date(2016, 2, 29)
    assert period_end(_only("in December 2015", None)) == date(2015, 12, 31)


@pytest.mark.parametrize("text", ["", "   ", "May we talk?", "on 31 February 2016", "x" * 20000])
def test_bad_or_empty_text_gives_defined_result(text):
    for found in resolve_dates(text, BASE):
        assert found.value is None or found.precision in ("day", "week", "month", "year")
