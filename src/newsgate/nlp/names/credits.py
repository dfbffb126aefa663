"""Entities of the caption, credit, byline and headline lines that the article stage removed from the body."""

from __future__ import annotations

import re

import polars as pl

from newsgate.credits import credit_entity, credit_parts
from newsgate.nlp.lexicon import NEWSROOM_WORDS
from newsgate.nlp.names.resolve import local_name
from newsgate.nlp.names.span_model import caption_doc

# credit lines need entities only, not quotes or events
_NON_ENTITY_PIPES = {"newsgate_quotes", "newsgate_events"}
_MAX_CREDIT_LINE = 2000
_CREDIT_BY = re.compile(r"^(?:photo(?:graph)?s?\s+)?by\s+", re.IGNORECASE)
# "PHOTO BY ROGER JACOB -": a photographer named after the marker, in any case
_PHOTO_BY = re.compile(
    r"\b(?:photo(?:graph)?s?|pictures?|images?)\s+by\s+"
    r"(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3})",
    re.IGNORECASE,
)
# a byline's parts ("Reporting by A; Editing by B") and the label opening each: "<role> by",
# "<role>:", "by"; the role words are the jobs news credit lines name, in any case
_BYLINE_PART = re.compile(r"[^;|]+")
_BYLINE_LABEL = re.compile(
    r"[\s\-–—•·]*(?:(?:additional|further|extra)\s+)?"
    r"(?:(?:(?:reporting|reported|writing|written|editing|edited|compiled|compiling|research"
    r"|researched|text|words|story|interview|translation|translated)\s+)?by\b"
    r"|(?:authors?|reporters?|writers?|editors?|byline|words|text)\s*:)\s*",
    re.IGNORECASE,
)
# what separates a byline part's names ("A, B and C", "A & B"), and a place a name was filed
# from ("Additional reporting by A in Lima"), which ends that name
_BYLINE_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b)\s*", re.IGNORECASE)
_BYLINE_FILED_FROM = re.compile(r"\s+(?:in|at|from)\s", re.IGNORECASE)
# "EFE via EPA": two agencies in one credit part
_VIA = re.compile(r"\s+via\s+")
# words that may open a photographer's name written before the credit's slash ("Lahiru Harshana/AP")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*$")


def credit_mentions(nlp, lines: list[dict], credited: dict[str, list[str]]) -> list[dict]:
    """Return entity rows found in removed caption, credit, byline, dateline and headline lines.

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
        docs = list(nlp.pipe(caption_doc(nlp, text) for text in texts))
    for line, doc in zip(lines, docs, strict=True):
        base = {
            "article_id": line["article_id"],
            "line_no": line["line_no"],
            "source": line["reason"],
        }
        spans = []
        if line["reason"] == "byline":
            for start, end in byline_spans(doc.text):
                found = credit_entity(doc.text[start:end])
                if found and found[0] == "PERSON" and not _newsroom(doc.text[start:end]):
                    spans.append((start, end, *found))
        elif line["reason"] == "title":
            # a headline carries no credit: its names are the rules' entities
            spans.extend(
                (e.start_char, e.end_char, e.label_, e.kb_id_ or local_name(e)) for e in doc.ents
            )
        else:
            # the credit's own parts first: its names are people and agencies, whatever the
            # rules make of capitals ("Abdul MAJEED / AFP" is no organisation MAJEED)
            for start, end in credit_spans(doc.text):
                start, end = _trimmed(doc.text, start, end)
                if end <= start:
                    continue
                found = credit_entity(doc.text[start:end])
                if found and not (found[0] == "PERSON" and _newsroom(doc.text[start:end])):
                    spans.append((start, end, *found))
            credit_spans_found = list(spans)
            spans.extend(
                (e.start_char, e.end_char, e.label_, e.kb_id_ or local_name(e))
                for e in doc.ents
                if not any(s < e.end_char and e.start_char < t for s, t, *_ in credit_spans_found)
            )
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
            who = _without_newsroom_words(who)
            if not who:
                continue
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


def byline_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each name a byline line gives, without its role labels.

    A byline may credit several jobs, each with its label: "Reporting by A; Editing by B",
    "Author: A", "Written by A and B", "By A, B and C". Parts are split at ";" and "|", a part's
    label ("<role> by", "<role>:", "by") is dropped, and the rest is split at commas, "and" and
    "&" into the names the caller reads.
    """
    spans: list[tuple[int, int]] = []
    for part in _BYLINE_PART.finditer(text):
        start, end = part.start(), part.end()
        label = _BYLINE_LABEL.match(text, start, end)
        if label:
            start = label.end()
        while start < end:
            cut = _BYLINE_SEPARATOR.search(text, start, end)
            stop, after = (cut.start(), cut.end()) if cut else (end, end)
            filed = _BYLINE_FILED_FROM.search(text, start, stop)
            name = text[start : filed.start() if filed else stop].strip()
            if name:
                at = text.index(name, start)
                spans.append((at, at + len(name)))
            start = after if cut else end
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Return a credit part's bounds without a leading "Photo by" and trailing newsroom words
    ("AP Photo" -> "AP", "Photo By WWD Staff" -> "WWD")."""
    lead = _CREDIT_BY.match(text[start:end])
    if lead:
        start += lead.end()
    kept = _without_newsroom_words(text[start:end])
    return start, start + len(kept)


def _newsroom(text: str) -> bool:
    """Return whether a credited name is a newsroom role, not a person ("Staff Report")."""
    return any(w.lower().strip(".,") in NEWSROOM_WORDS for w in text.split())


def _without_newsroom_words(name: str) -> str:
    """Return a credited name without trailing newsroom roles ("Mail Today Reporter" -> "Mail Today")."""
    words = name.split()
    while words and words[-1].lower().strip(".,") in NEWSROOM_WORDS:
        words.pop()
    return " ".join(words)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each name a caption's or credit line's credit gives.

    The article stage's parts (`newsgate.credits.credit_parts`), with the photographer's first
    names written before a slash ("(Lahiru Harshana/AP)", "| Jane Le Roe/EFE"), agencies joined
    by "via" split apart, and "PHOTO BY NAME" credits.
    """
    spans: list[tuple[int, int]] = []
    for n, (start, end) in enumerate(credit_parts(text)):
        if n == 0 and credit_entity(text[start:end]) is None:
            # a surname alone before the slash: its first names stand before it
            start = _name_start_before(text, start)
        pos = start
        for piece in _VIA.split(text[start:end]):
            at = text.index(piece, pos)
            spans.append((at, at + len(piece)))
            pos = at + len(piece)
    if not spans:
        for m in _PHOTO_BY.finditer(text):
            spans.append((m.start("name"), m.end("name")))
    return spans


def _name_start_before(text: str, start: int) -> int:
    """Return where a name ending in the word at `start` begins: up to three capitalised words."""
    for _ in range(3):
        before = text[:start]
        if not before.endswith(" "):
            break
        raw = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
        word = raw.lstrip("([")  # "(Lahiru Harshana/AP)": the bracket opens the credit
        if not word or not _NAME_WORD.match(word) or not word[0].isupper() or word.endswith("."):
            break
        start = len(before.rstrip()) - len(word)
        if word != raw:
            break
    return start


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
