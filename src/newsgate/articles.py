"""Articles: split documents into lines, classify boilerplate, and extract article fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from newsgate import warehouse
from newsgate.config import Settings
from newsgate.runs import add_quarantine
from newsgate.tables import stage_tables

STAGE = "article"
MIN_BODY_WORDS = 30

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")
_ENGLISH_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "at",
        "from",
        "be",
        "has",
        "have",
        "are",
        "were",
        "said",
        "will",
        "not",
        "this",
        "but",
        "an",
        "its",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "which",
        "who",
        "would",
        "been",
        "after",
        "also",
    ]
)
_CREDIT = re.compile(
    r"^(?:\(?\s*(?:source|according to|based on reporting by|with|credit|photo|image)\b[:\s]*)"
    r"(?P<who>.+?)\)?\s*\.?$",
    re.IGNORECASE,
)
_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w .'-]{1,40}?)\s*/\s*(?P<agency>[A-Z][\w.]{1,20})$"
)
_INLINE_OUTLET = re.compile(r"^\s*\((?P<outlet>[A-Z][\w.]*(?:\.[a-z]{2,4})?)\)\s*[–—-]\s*")
_METADATA_DATE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b\s*")
_PHOTO_CREDIT_TAIL = re.compile(
    r"(?:Credit:\s*.+|\(Photo:\s*[^)]+\)|Photo:\s*\w[\w ./]*\.?|©\s*[\w .]+/\s*\w+|"
    r"\b[A-Z]{2,}/[A-Z][A-Z .]+)\s*$"
)
_SHARE_WIDGET = re.compile(
    r"^(?:leave a reply|send this to a friend|share( this)?( on \w+)?|print|email|tweet|"
    r"related news|related|read more|latest|featured.*|x|comments?)$",
    re.IGNORECASE,
)
_GARBLED = re.compile(r"^[A-Z0-9_]{8,}\s+\d{1,2}:\d{2}$")


@dataclass
class Line:
    """One line of a document with its body/boilerplate decision."""

    line_no: int
    text: str
    kind: str = "body"
    reason: str | None = None


@dataclass
class ParsedArticle:
    """The fields the article stage extracts from one document."""

    lines: list[Line]
    title: str | None = None
    outlet: str | None = None
    credited: list[str] = field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None
    published_date: date | None = None
    published_date_source: str | None = None
    language: str = "en"
    body: str = ""

    @property
    def word_count(self) -> int:
        return len(_WORD.findall(self.body))

    @property
    def sentence_count(self) -> int:
        return len(_SENTENCE_END.findall(self.body))


def english_share(text: str) -> float:
    """Return the share of words in `text` that are common English function words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH_STOPWORDS) / len(words)


def _add_credit(parsed: ParsedArticle, who: str) -> None:
    for name in re.split(r"\s*(?:,|/|\band\b|&)\s*", who):
        name = name.strip(" .()")
        if name and name not in parsed.credited and len(name.split()) <= 4:
            parsed.credited.append(name)


def parse_article(text: str) -> ParsedArticle:
    """Return the classified lines and extracted fields of one document's text."""
    lines = [Line(i, raw) for i, raw in enumerate(text.split("\n"))]
    parsed = ParsedArticle(lines=lines)
    content = [ln for ln in lines if ln.text.strip()]
    seen: set[str] = set()
    for index, line in enumerate(content):
        stripped = line.text.strip()
        words = _WORD.findall(stripped)
        credit = _CREDIT.match(stripped)
        dateline = _AGENCY_DATELINE.match(stripped)
        if (
            index == 0
            and len(words) <= 20
            and not _SENTENCE_END.search(stripped.rstrip("?!") + " ")
        ):
            line.kind, line.reason = "title", "title"
            parsed.title = stripped
        elif stripped in seen and index > 0 and len(words) <= 20:
            line.kind, line.reason = "boilerplate", "duplicate"
        elif dateline:
            line.kind, line.reason = "boilerplate", "dateline"
            parsed.dateline = dateline.group("place").strip()
            _add_credit(parsed, dateline.group("agency"))
        elif credit and len(words) <= 8:
            line.kind, line.reason = "boilerplate", "credit"
            _add_credit(parsed, credit.group("who"))
        elif _SHARE_WIDGET.match(stripped):
            line.kind, line.reason = "boilerplate", "share_widget"
        elif _GARBLED.match(stripped):
            line.kind, line.reason = "boilerplate", "garbled"
        elif _PHOTO_CREDIT_TAIL.search(stripped) or re.match(r"^[a-z]{2,4}\d{6,}\b", stripped):
            line.kind, line.reason = "boilerplate", "caption"
        elif len(words) >= 4 and english_share(stripped) < 0.08:
            line.kind, line.reason = "boilerplate", "non_english"
        elif (len(words) <= 3 and index == len(content) - 1) or (
            len(words) in (2, 3)
            and all(w[0].isupper() for w in words)
            and index > len(content) / 2
            and not _SENTENCE_END.search(stripped + " ")
        ):
            line.kind, line.reason = "boilerplate", "byline"
            parsed.byline = parsed.byline or stripped
        seen.add(stripped)
    _extract_inline_fields(parsed)
    body_lines = [ln.text.strip() for ln in lines if ln.kind == "body" and ln.text.strip()]
    parsed.body = "\n\n".join(body_lines)
    parsed.outlet = parsed.credited[0] if parsed.credited else None
    parsed.language = "en" if english_share(parsed.body) >= 0.08 else "other"
    return parsed


def _extract_inline_fields(parsed: ParsedArticle) -> None:
    for line in parsed.lines:
        if line.kind != "body" or not line.text.strip():
            continue
        meta = _METADATA_DATE.match(line.text)
        if meta:
            parsed.published_date = date.fromisoformat(meta.group("date"))
            parsed.published_date_source = "metadata"
            line.text = line.text[meta.end() :]
        inline = _INLINE_OUTLET.match(line.text)
        if inline:
            parsed.credited.insert(0, inline.group("outlet"))
            line.text = line.text[inline.end() :]
        break


def not_article_reason(parsed: ParsedArticle) -> str | None:
    """Return why a parsed document is not an article, or None when it is one."""
    if not parsed.body and any(line.reason == "non_english" for line in parsed.lines):
        return "not_english"
    if parsed.sentence_count == 0:
        return "no_sentences"
    if parsed.language != "en":
        return "not_english"
    if parsed.word_count < MIN_BODY_WORDS:
        return "too_short"
    return None


ARTICLE_SCHEMA = {
    "doc_id": pl.String,
    "title": pl.String,
    "outlet": pl.String,
    "credited": pl.List(pl.String),
    "byline": pl.String,
    "dateline": pl.String,
    "published_date": pl.Date,
    "published_date_source": pl.String,
    "language": pl.String,
    "body": pl.String,
    "word_count": pl.Int64,
    "sentence_count": pl.Int64,
}
LINE_SCHEMA = {
    "doc_id": pl.String,
    "line_no": pl.Int64,
    "text": pl.String,
    "kind": pl.String,
    "reason": pl.String,
}


def build_articles(settings: Settings, run_id: str) -> dict[str, int]:
    """Parse every current document into work.article and work.article_line; return row counts."""
    con = warehouse.connect(settings)
    try:
        documents = con.execute("select doc_id, source_path, text from work.document").fetchall()
        articles, lines, rejects = [], [], []
        for doc_id, source_path, text in documents:
            parsed = parse_article(text)
            lines.extend(
                {
                    "doc_id": doc_id,
                    "line_no": ln.line_no,
                    "text": ln.text,
                    "kind": ln.kind,
                    "reason": ln.reason,
                }
                for ln in parsed.lines
            )
            reason = not_article_reason(parsed)
            if reason:
                rejects.append(
                    {
                        "source_path": source_path,
                        "doc_id": doc_id,
                        "stage": STAGE,
                        "reason": reason,
                        "detail": f"{parsed.word_count} body words",
                        "run_id": run_id,
                    }
                )
                continue
            articles.append(
                {
                    "doc_id": doc_id,
                    "title": parsed.title,
                    "outlet": parsed.outlet,
                    "credited": parsed.credited,
                    "byline": parsed.byline,
                    "dateline": parsed.dateline,
                    "published_date": parsed.published_date,
                    "published_date_source": parsed.published_date_source,
                    "language": parsed.language,
                    "body": parsed.body,
                    "word_count": parsed.word_count,
                    "sentence_count": parsed.sentence_count,
                }
            )
        warehouse.write_frame(con, "raw_article", pl.DataFrame(articles, schema=ARTICLE_SCHEMA))
        warehouse.write_frame(con, "raw_article_line", pl.DataFrame(lines, schema=LINE_SCHEMA))
        add_quarantine(con, rejects)
        return {t.name: warehouse.build_table(con, t, run_id) for t in stage_tables(STAGE)}
    finally:
        con.close()
