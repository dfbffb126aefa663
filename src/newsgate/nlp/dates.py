"""Date expressions in text, resolved against an article's publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    m: i
    for i, m in enumerate(
        [
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
        ],
        start=1,
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_PATTERNS = [
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s*,?\s+(?P<year>(?:19|20)\d\d)\b")),
    (
        "mdy",
        re.compile(
            rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<year>(?:19|20)\d\d)\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b")),
    (
        "md",
        re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)"),
    ),
    ("dm", re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\b(?!\s*,?\s*(?:19|20)\d\d)")),
    (
        "my",
        re.compile(rf"\b(?:in\s+(?:early\s+|late\s+|mid-)?)?{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b"),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:on\s+|this\s+|last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|"
            r"Saturday|Sunday)\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>yesterday|today|last week|last month|last year|"
            r"(?:two|three|\d) days (?:later|earlier|ago))\b",
            re.IGNORECASE,
        ),
    ),
    ("month", re.compile(rf"\bin\s+{_MONTH}\b")),
    ("year", re.compile(r"\bin\s+(?:early\s+|late\s+|mid-)?(?P<year>(?:19|20)\d\d)\b")),
]


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression: its words, where they are, and the date it means if it can be known."""

    text: str
    start: int
    end: int
    value: date | None
    precision: str | None


def _nearest_year(month: int, day: int, base: date) -> date | None:
    """Pick the year that puts month/day closest to the base date (news refers to near dates)."""
    best = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - base).days) < abs((best - base).days):
            best = candidate
    return best


def resolve_dates(text: str, base: date | None) -> list[ResolvedDate]:
    """Return the date expressions in `text`, resolved against `base` where they are relative."""
    found: list[ResolvedDate] = []
    used: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in used):
                continue
            value, precision = _resolve(kind, m, base)
            used.append((m.start(), m.end()))
            found.append(ResolvedDate(m.group(0), m.start(), m.end(), value, precision))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, m: re.Match, base: date | None) -> tuple[date | None, str | None]:
    groups = m.groupdict()
    month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
    try:
        if kind in ("dmy", "mdy"):
            return date(int(groups["year"]), month, int(groups["day"])), "day"
        if kind == "iso":
            return date(int(groups["year"]), int(groups["mon"]), int(groups["day"])), "day"
        if kind in ("md", "dm") and base:
            return _nearest_year(month, int(groups["day"]), base), "day"
        if kind == "my":
            return date(int(groups["year"]), month, 1), "month"
        if kind == "weekday" and base:
            back = (base.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
            if m.group(0).lower().startswith("last"):
                back = back or 7
            return base - timedelta(days=back), "day"
        if kind == "relative" and base:
            rel = groups["rel"].lower()
            if rel == "today":
                return base, "day"
            if rel == "yesterday":
                return base - timedelta(days=1), "day"
            if rel.endswith("ago"):
                n = {"two": 2, "three": 3}.get(rel.split()[0]) or int(rel.split()[0])
                return base - timedelta(days=n), "day"
        if kind == "month" and base and month:
            year = base.year if month <= base.month else base.year - 1
            return date(year, month, 1), "month"
        if kind == "year":
            return date(int(groups["year"]), 1, 1), "year"
    except (ValueError, TypeError):
        return None, None
    return None, None
