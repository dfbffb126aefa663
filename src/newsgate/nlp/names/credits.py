"""Entities of the caption, credit and byline lines that the article stage removed from the body."""

from __future__ import annotations

import re
from functools import cache

import polars as pl

from newsgate.nlp.gazetteer import Entry, surface_index
from newsgate.nlp.names.resolve import local_name

# credit lines need entities only, not quotes or events
_NON_ENTITY_PIPES = {"newsgate_quotes", "newsgate_events"}
_MAX_CREDIT_LINE = 2000
# Where a credit starts inside a caption or credit line: "Photo: EPA/VNA", "© Jane Roe / Reuters".
_CREDIT_MARK = re.compile(
    r"(?:©|\b(?:photo|photos|image|credit|credits|ảnh)\s*:)\s*"
    r"|^\W*(?:source|according to|based on reporting by|with|photo|credit)\b\s*:?\s*",
    re.IGNORECASE,
)
# A trailing "AGENCY/PHOTOGRAPHER" credit without a marker: "... 2016.  EPA/STEPHANIE LECOCQ".
_SLASH_CREDIT = re.compile(r"(?:^|\s)([A-Z][\w.-]*(?:\s*/\s*[A-Z][\w .'’-]*?)+)\s*\)?\.?\s*$")
_CREDIT_BY = re.compile(r"^(?:photo(?:graph)?s?\s+)?by\s+", re.IGNORECASE)
_CREDIT_SPLIT = re.compile(r"\s*(?:/|,|;|&|\band\b)\s*")
_CREDIT_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")


def _credit_parts(line: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each name in the credit part of a caption or credit line."""
    tail_start = None
    marks = list(_CREDIT_MARK.finditer(line))
    if marks:
        tail_start = marks[-1].end()
    slash = _SLASH_CREDIT.search(line)
    if slash and tail_start is None:
        tail_start = slash.start(1)
    if tail_start is None:
        return []
    parts = []
    pos = tail_start
    for piece in _CREDIT_SPLIT.split(line[tail_start:]):
        start = line.index(piece, pos) if piece else pos
        pos = start + len(piece)
        stripped = _CREDIT_BY.sub("", piece.strip(" .()[]")).strip(" .()[]")
        if stripped:
            offset = start + piece.index(stripped)
            parts.append((offset, offset + len(stripped)))
    return parts


@cache
def _lowered_surface_index() -> dict[str, Entry]:
    return {form.lower(): entry for form, entry in reversed(surface_index().items())}


def _credit_entity(text: str) -> tuple[str, str] | None:
    """Return (label, canonical name) for one credited name: a known agency or a person."""
    entry = surface_index().get(text) or _lowered_surface_index().get(text.lower())
    if entry is not None:
        return entry.label, entry.name
    words = text.split()
    if 2 <= len(words) <= 4 and all(_CREDIT_WORD.match(w) for w in words):
        return "PERSON", " ".join(w if not w.isupper() else w.capitalize() for w in words)
    return None


def credit_mentions(nlp, lines: list[dict], credited: dict[str, list[str]]) -> list[dict]:
    """Return entity rows found in removed caption, credit, byline and dateline lines.

    `lines` are article_line rows (article_id, line_no, reason, text); offsets index the line's
    text. `credited` maps article_id to the agencies the article stage credited; those not already
    found in a line are added without offsets.
    """
    rows: list[dict] = []
    # a caption or credit is short; a huge "line" is not one, and would be slow to tokenize
    texts = [
        (line["text"] or "") if len(line["text"] or "") <= _MAX_CREDIT_LINE else ""
        for line in lines
    ]
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p in _NON_ENTITY_PIPES]):
        docs = list(nlp.pipe(texts))
    for line, doc in zip(lines, docs, strict=True):
        base = {
            "article_id": line["article_id"],
            "line_no": line["line_no"],
            "source": line["reason"],
        }
        spans = []
        if line["reason"] == "byline":
            text = _CREDIT_BY.sub("", doc.text.strip()).strip()
            found = _credit_entity(text) if text else None
            if found and found[0] == "PERSON":
                start = doc.text.index(text)
                spans.append((start, start + len(text), *found))
        else:
            spans.extend(
                (e.start_char, e.end_char, e.label_, e.kb_id_ or local_name(e)) for e in doc.ents
            )
            for start, end in _credit_parts(doc.text):
                found = _credit_entity(doc.text[start:end])
                overlaps = any(s < end and start < e for s, e, *_ in spans)
                if found and not overlaps:
                    spans.append((start, end, *found))
        for start, end, label, name in sorted(spans):
            rows.append(
                {
                    **base,
                    "start_char": start,
                    "end_char": end,
                    "text": doc.text[start:end],
                    "label": label,
                    "local_name": name,
                }
            )
    named: dict[str, set[str]] = {}
    for row in rows:
        named.setdefault(row["article_id"], set()).add(row["local_name"])
    for article_id, names in credited.items():
        seen = named.setdefault(article_id, set())
        for who in names or []:
            found = _credit_entity(who) or ("ORG", who)
            if found[1] not in seen:
                seen.add(found[1])
                rows.append(
                    {
                        "article_id": article_id,
                        "line_no": None,
                        "source": "credited",
                        "start_char": None,
                        "end_char": None,
                        "text": who,
                        "label": found[0],
                        "local_name": found[1],
                    }
                )
    return rows


CREDIT_SCHEMA = {
    "article_id": pl.String,
    "line_no": pl.Int64,
    "source": pl.String,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "label": pl.String,
    "local_name": pl.String,
}
