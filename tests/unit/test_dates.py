from datetime import date

import pytest

from newsgate.nlp.dates import resolve_dates

BASE = date(2016, 4, 21)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("on 20 April 2016", date(2016, 4, 20), "day"),
        ("on January 12, 2022", date(2022, 1, 12), "day"),
        ("on Wednesday", date(2016, 4, 20), "day"),
        ("on Thursday", date(2016, 4, 21), "day"),
        ("on April 12", date(2016, 4, 12), "day"),
        ("in March 2014", date(2014, 3, 1), "month"),
        ("yesterday", date(2016, 4, 20), "day"),
    ],
)
def test_dates_resolve_against_base(text, expected, precision):
    [found] = resolve_dates(text, BASE)
    assert found.value == expected
    assert found.precision == precision


def test_relative_dates_without_base_stay_null():
    [found] = resolve_dates("on Wednesday", None)
    assert found.value is None
    assert found.text == "on Wednesday"
