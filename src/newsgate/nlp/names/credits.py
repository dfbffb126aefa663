"""Entities of the caption, credit and byline lines that the article stage removed from the body."""

from __future__ import annotations

import re

import polars as pl

from newsgate.credits import credit_entity, credit_parts
from newsgate.nlp.names.resolve import local_name

# credit lines need entities only, not quotes or events
_NON_ENTITY_PIPES = {"newsgate_quotes", "newsgate_events"}
_MAX_CREDIT_LINE = 2000
_CREDIT_BY = re.compile(r"^(?:photo(?:graph)?s?\s+)?by\s+", re.IGNORECASE)


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
            found = credit_entity(text) if text else None
            if found and found[0] == "PERSON":
                start = doc.text.index(text)
                spans.append((start, start + len(text), *found))
        else:
            spans.extend(
                (e.start_char, e.end_char, e.label_, e.kb_id_ or local_name(e)) for e in doc.ents
            )
            for start, end in credit_parts(doc.text):
                found = credit_entity(doc.text[start:end])
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
            found = credit_entity(who) or ("ORG", who)
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
