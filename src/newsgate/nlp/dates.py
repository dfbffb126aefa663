"""Date expressions in text, resolved against an article's publication date or its own dates.

Semantics (documented in the README):
- explicit dates ("20 April 2016", "July 5, 2019", "2022-01-12") resolve on their own;
- "Month YYYY" has month precision, "in YYYY" year precision;
- "Month D" without a year takes the year of the publication date (the nearest such day), or
  else a `year_hint` from the article's own explicit dates; otherwise it stays null;
- weekdays ("on Wednesday", "on Thursday") resolve against the publication date: the
  nearest such day on or before it, or on or after it when the clause is in the future tense;
  an article without one resolves a weekday only to a full date it states that falls on that
  weekday ("on Wednesday" with a caption's "June 5, 2013", a Wednesday), the only such date;
- "in November" is the nearest November on or before the publication date (after, in the
  future tense); "last week" is the week before it (week precision); "yesterday", "today",
  "tomorrow", "N days ago" count from it;
- "N days later/earlier" counts from `anchor`, the previously mentioned day in the same article;
  "N days after/before" something counts from another event, whose day it does not give: null;
- without the anchor a form needs, the value stays null and only the words are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

import dateparser

MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
_COUNT = r"(?P<count>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)"
_PATTERNS = [
    (
        "explicit",
        re.compile(
            rf"\b(?:(?i:on|this|last)\s+)?(?:{_WEEKDAY},?\s+)?"
            rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}"
            rf"|{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)"
            rf"\s*,?\s+{_YEAR}\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?:(?i:on|this|last)\s+)?(?:{_WEEKDAY},?\s+)?"
            rf"(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('month', 'month2')})\b"
        ),
    ),
    (
        "month_year",
        re.compile(
            rf"\b(?:(?:in|since|by|until)\s+(?:early\s+|late\s+|mid-?\s*)?)?{_MONTH}\s*,?\s+{_YEAR}\b"
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?i:on|this|last|next)\s+)?{_WEEKDAY}\b")),
    (
        "relative",
        re.compile(
            rf"\b(?P<rel>yesterday|today|tomorrow|last week|this week|next week|last month|"
            rf"this month|next month|last year|this year|next year|"
            rf"{_COUNT}\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier|ago|before|after))\b",
            re.IGNORECASE,
        ),
    ),
    ("month", re.compile(rf"\b(?P<prep>in|last|next|this|since|until|by)\s+{_MONTH}\b")),
    ("year", re.compile(rf"\b(?:in|since|by|until|of)\s+(?:early\s+|late\s+|mid-?\s*)?{_YEAR}\b")),
]


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression: its words, where they are, what it fixes, and the date if known."""

    text: str
    start: int
    end: int
    value: date | None
    precision: str | None
    kind: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None


def resolve_dates(
    text: str,
    base: date | None,
    *,
    future: bool = False,
    anchor: date | None = None,
    year_hint: int | None = None,
    hint_floor: date | None = None,
) -> list[ResolvedDate]:
    """Return the date expressions in `text` in order, each resolved where an anchor allows."""
    # `anchor` is the last day mentioned before `text` in the same article ("two days later"
    # counts from it, or from an earlier day in `text` itself); `year_hint` gives year-less
    # "Month D" dates a year when there is no `base`, unless that puts them before `hint_floor`.
    found: list[ResolvedDate] = []
    for kind, m in _date_matches(text or ""):
        resolved = _resolve(kind, m, base, future, anchor, year_hint)
        if (
            kind == "month_day"
            and base is None
            and hint_floor
            and resolved.value
            and resolved.value < hint_floor
        ):
            resolved = _resolve(kind, m, base, future, anchor, None)
        if resolved.value and resolved.precision == "day":
            anchor = resolved.value
        found.append(resolved)
    return found


@lru_cache(maxsize=64)
def _date_matches(text: str) -> tuple[tuple[str, re.Match], ...]:
    """Return the date expressions of `text` in order, each with the kind of pattern it matched."""
    # cached: a sentence is read for past and future dates, an article for its year hint, its
    # latest date and its weekdays, and the patterns' scan costs more than resolving
    matches: list[tuple[str, re.Match]] = []
    used: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in used):
                continue
            if kind == "month" and m.group("month") == "May" and m.group("prep") != "in":
                continue
            used.append((m.start(), m.end()))
            matches.append((kind, m))
    return tuple(sorted(matches, key=lambda km: km[1].start()))


def weekday_anchors(text: str) -> dict[int, date]:
    """Return the full dates `text` states, by weekday, for each weekday only one date falls on."""
    days: dict[int, set[date]] = {}
    for found in resolve_dates(text, None):
        if found.kind in ("explicit", "iso") and found.value is not None:
            days.setdefault(found.value.weekday(), set()).add(found.value)
    return {weekday: next(iter(values)) for weekday, values in days.items() if len(values) == 1}


def on_stated_day(found: ResolvedDate, anchors: dict[int, date]) -> ResolvedDate:
    """Return an unresolved weekday resolved to the stated date of that weekday, if there is one."""
    if found.kind != "weekday" or found.value is not None or found.weekday not in anchors:
        return found
    if found.text.lower().startswith(("last", "next")) or found.text.lower().endswith("s"):
        return found
    value = anchors[found.weekday]
    return replace(
        found, value=value, precision="day", year=value.year, month=value.month, day=value.day
    )


def period_end(found: ResolvedDate) -> date | None:
    """Return the last day of the period a resolved date stands for (its day, week, month or year)."""
    value = found.value
    if value is None or found.precision == "day":
        return value
    if found.precision == "week":
        return value + timedelta(days=6)
    if found.precision == "year":
        return date(value.year, 12, 31)
    following = date(value.year + value.month // 12, value.month % 12 + 1, 1)
    return following - timedelta(days=1)


def article_year_hint(text: str) -> tuple[int, date] | None:
    """Return the latest year an undated article states and the latest date it gives in it."""
    # Year-less "Month D" dates of an article without a publication date are read in that
    # year, but only when they do not fall before the latest dated reference of that year:
    # "In April 2016 ... On June 6" gives 2016-06-06; "in June 2014 ... on April 20" stays null.
    stated = [d for d in resolve_dates(text, None) if d.value and d.kind != "month_day"]
    if not stated:
        return None
    year = max(d.value.year for d in stated)
    return year, max(d.value for d in stated if d.value.year == year)


def _month_of(groups: dict) -> int | None:
    name = groups.get("month") or groups.get("month2") or ""
    return MONTHS.get(name.lower().rstrip("."))


def _weekday_of(groups: dict) -> int | None:
    name = (groups.get("weekday") or "").lower()
    return WEEKDAYS.get(name)


def _resolve(
    kind: str,
    m: re.Match,
    base: date | None,
    future: bool,
    anchor: date | None,
    year_hint: int | None,
) -> ResolvedDate:
    groups = m.groupdict()
    month = _month_of(groups)
    weekday = _weekday_of(groups)
    day = int(groups.get("day") or groups.get("day2") or 0) or None
    year = int(groups["year"]) if groups.get("year") else None
    value, precision = None, None
    try:
        if kind == "explicit":
            value, precision = _parse_explicit(f"{day} {MONTH_NAMES[month - 1]} {year}"), "day"
        elif kind == "iso":
            month = int(groups["mon"])
            value, precision = date(year, month, day), "day"
        elif kind == "month_day":
            if base:
                value = _nearest_year(month, day, base, future)
            elif year_hint:
                value = date(year_hint, month, day)
            precision = "day" if value else None
        elif kind == "month_year":
            value, precision = date(year, month, 1), "month"
        elif kind == "year":
            value, precision = date(year, 1, 1), "year"
        elif kind == "weekday" and base and not m.group(0).lower().endswith("s"):
            value, precision = _weekday_near(weekday, base, m.group(0).lower(), future), "day"
        elif kind == "relative":
            value, precision = _relative(groups, base, anchor)
        elif kind == "month" and base:
            value, precision = _month_near(month, base, groups["prep"].lower(), future), "month"
    except (ValueError, TypeError, IndexError):
        value, precision = None, None
    if value is None:
        precision = None
    return ResolvedDate(
        text=m.group(0),
        start=m.start(),
        end=m.end(),
        value=value,
        precision=precision,
        kind=kind,
        year=value.year if value else year,
        month=value.month if value and precision in ("day", "month") else month,
        day=value.day if value and precision == "day" else day,
        weekday=value.weekday() if value and precision == "day" else weekday,
    )


@cache
def _parse_explicit(text: str) -> date | None:
    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _nearest_year(month: int, day: int, base: date, future: bool) -> date | None:
    """Pick the year that puts month/day nearest the base date (news refers to near dates)."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if future:
        candidates = [c for c in candidates if c >= base] or candidates
    return min(candidates, key=lambda c: abs((c - base).days), default=None)


def _weekday_near(weekday: int, base: date, words: str, future: bool) -> date:
    """The named weekday nearest the base: on/before it, or on/after it for the future."""
    if words.startswith("next") or (future and not words.startswith("last")):
        return base + timedelta(days=(weekday - base.weekday()) % 7)
    back = (base.weekday() - weekday) % 7
    if words.startswith("last"):
        back = back or 7
    return base - timedelta(days=back)


def _month_near(month: int, base: date, prep: str, future: bool) -> date:
    """The named month nearest the base: on/before it, or after it for the future."""
    if prep == "next" or (future and prep not in ("last", "since")):
        year = base.year if month >= base.month else base.year + 1
    else:
        year = base.year if month <= base.month else base.year - 1
        if prep == "last" and month == base.month:
            year -= 1
    return date(year, month, 1)


def _relative(
    groups: dict, base: date | None, anchor: date | None
) -> tuple[date | None, str | None]:
    rel = groups["rel"].lower()
    if groups.get("dir"):
        count = _NUMBERS.get(groups["count"].lower()) or int(groups["count"])
        days = count * (7 if groups["unit"].lower().startswith("week") else 1)
        direction = groups["dir"].lower()
        if direction == "ago":
            return (base - timedelta(days=days), "day") if base else (None, None)
        # "three days after dismissing him", "a week before the vote": counted from another
        # event, whose day this clause does not give (CONVENTIONS 7.2: relative, null)
        if anchor is None or direction in ("after", "before"):
            return None, None
        sign = 1 if direction == "later" else -1
        return anchor + timedelta(days=sign * days), "day"
    if base is None:
        return None, None
    if rel in ("yesterday", "today", "tomorrow"):
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[rel]
        return base + timedelta(days=offset), "day"
    if rel.endswith("week"):
        monday = base - timedelta(days=base.weekday())
        offset = {"last": -7, "this": 0, "next": 7}[rel.split()[0]]
        return monday + timedelta(days=offset), "week"
    which, unit = rel.split()
    step = {"last": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        return date(base.year + step, 1, 1), "year"
    months = base.year * 12 + base.month - 1 + step
    return date(months // 12, months % 12 + 1, 1), "month"
