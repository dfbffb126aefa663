"""Publication stamps: the date a stamp line or scraper marker states, in any usual form.

A stamp is read only where the article stage found one (a labelled or byline date, a date line
under the headline, a timestamp, a scraper marker); this module only turns its words into a date.
Forms: ISO ("2024-03-12", "2024-03-12T10:15Z", also "2024/03/12"), day-first numeric with dots ("12.03.2024"),
numeric with slashes when the order is unambiguous ("25/11/2026", "11/25/2026"), and written
dates in either order with or without weekday, comma and time ("Tuesday September 27 2016",
"25 Jul 2016 10:19:51", "December 31, 2014 16:18 MYT").
"""

from __future__ import annotations

import re
from datetime import date

from newsgate.nlp.dates import resolve_dates

__all__ = ["MARKER", "stamp_date"]

# A scraper's date marker at the start of a line: " date 2024-03-12 …".
MARKER = re.compile(r"^\s*date\s+(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)\b\s*", re.IGNORECASE)
# year first is year-month-day with any of the usual separators: "2024-03-12", "2024/03/12"
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)([-/.])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?:\b|T)")
_DOTTED = re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")
_SLASHED = re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b")


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def stamp_date(text: str) -> date | None:
    """Return the full date a stamp states, or None when it states none (or only part of one)."""
    if not text:
        return None
    # Scrapers glue fields together: "Source: Agencies25 Jul 2016 10:19:51", "PM,Jul 27,2024".
    text = re.sub(r"(?<=[^\W\d_]{2})(?=\d)", " ", text)
    text = re.sub(r",(?=[^\W\d_]{3}|(?:19|20)\d\d\b)", ", ", text)
    for pattern in (_ISO, _DOTTED):
        match = pattern.search(text)
        if match:
            return _make(int(match["y"]), int(match["m"]), int(match["d"]))
    match = _SLASHED.search(text)
    if match:
        a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
        if a > 12 >= b:
            return _make(year, b, a)
        if b > 12 >= a:
            return _make(year, a, b)
        return None
    for found in resolve_dates(text, None):
        if found.value is not None and found.precision == "day" and found.kind == "explicit":
            return found.value
    return None
