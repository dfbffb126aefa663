"""Articles: classify each document's lines, extract the article fields, flag near-duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from newsgate import warehouse
from newsgate.boilerplate import (
    WORD,
    Evidence,
    Line,
    classify_lines,
    is_paragraph,
)
from newsgate.config import Settings
from newsgate.credits import is_known_agency, is_outlet_name, normalize_agency
from newsgate.language import UNDETERMINED, identify_language
from newsgate.near_duplicates import Candidate, find_near_duplicates
from newsgate.nlp.dates import resolve_dates
from newsgate.nlp.gazetteer import surface_index
from newsgate.progress import progress
from newsgate.runs import add_quarantine
from newsgate.tables import stage_tables

__all__ = ["build_articles", "not_article_reason", "parse_article"]

STAGE = "article"
MIN_BODY_WORDS = 30
# The whole document is judged by its language before any line is dropped, so a document in
# another language is quarantined as such instead of ending up with an empty body.
MAX_FOREIGN_SHARE = 0.5

# A sentence ends at . ! ? before a capital, a quote, a digit or the end, but not after an
# initial ("U.S.", "J. Smith") or a title ("Mr.", "Dr.").
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bGen)(?<!\bSen)(?<!\bRep)"
    r"[.!?…][\"'”’)\]]*(?=\s+[A-Z0-9“\"‘(]|\s*$)"
)
_METADATA_PREFIX = re.compile(
    r"^\s*(?:date|published|posted)\s*:?\s+(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?"
    r"\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?Z?)?\s+",
    re.IGNORECASE,
)
_OUTLET_PREFIX = re.compile(r"^\s*\((?P<outlet>[^()]{2,30})\)\s*(?:[-–—:]+|\.-)\s*")
_PLACE = r"[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3}"
_DATELINE_PREFIX = re.compile(
    rf"^\s*(?P<place>{_PLACE})(?:\s*[,.]\s*(?P<extra>[^()/–—]{{1,40}}?))?\s*"
    r"(?:\((?P<agency>[^()]{2,30})\)\s*(?:[-–—:]+|\.-)|\.?\s*/(?P<slashed>[^/]{2,30})/\.?)\s*"
)
_CAPS_DATELINE_PREFIX = re.compile(
    r"^\s*(?P<place>[A-Z]{2,}(?:[ /-][A-Z]{2,}){0,3})(?:\s*,\s*(?P<extra>[^–—]{1,40}?))?"
    r"\s*[–—-]+\s+(?=[A-Z“\"‘])"
)


@dataclass
class ParsedArticle:
    """The classified lines of one document and the article fields extracted from them."""

    lines: list[Line]
    title: str | None = None
    outlet: str | None = None
    credited: list[str] = field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None
    published_date: date | None = None
    published_date_source: str | None = None
    language: str = "en"
    foreign_share: float = 0.0
    body: str = ""

    @property
    def word_count(self) -> int:
        return len(WORD.findall(self.body))

    @property
    def sentence_count(self) -> int:
        return len(_SENTENCE_BREAK.findall(self.body))


def _full_date(text: str) -> date | None:
    for found in resolve_dates(text, None):
        if found.value is not None and found.precision == "day":
            return found.value
    return None


def _place_name(place: str) -> str:
    place = place.strip(" ,")
    return place.title() if place.isupper() else place


def _document_language(lines: list[str]) -> tuple[str, float]:
    """Return the dominant language of the lines (by words) and the share of other-language words."""
    totals: dict[str, int] = {}
    for line in lines:
        if line.strip():
            lang = identify_language(line)
            totals[lang] = totals.get(lang, 0) + len(WORD.findall(line))
    known = {k: v for k, v in totals.items() if k != UNDETERMINED and v}
    if not known:
        return UNDETERMINED, 0.0
    lang = max(known.items(), key=lambda item: item[1])[0]
    foreign = sum(v for k, v in known.items() if k != "en")
    return lang, foreign / sum(known.values())


def _strip_prefixes(parsed: ParsedArticle, line: Line, inline: list[str]) -> str:
    """Remove scraper metadata and dateline/outlet prefixes from the first body line."""
    text = line.clean
    for _ in range(3):
        meta = _METADATA_PREFIX.match(text)
        if meta and _full_date(meta.group("date")):
            parsed.published_date = _full_date(meta.group("date"))
            parsed.published_date_source = "metadata"
            text = text[meta.end() :]
            continue
        outlet = _OUTLET_PREFIX.match(text)
        name = outlet.group("outlet") if outlet else ""
        if outlet and is_outlet_name(name) and not _is_subject_acronym(name.strip()):
            inline.append(normalize_agency(name))
            text = text[outlet.end() :]
            continue
        dateline = _DATELINE_PREFIX.match(text) or _CAPS_DATELINE_PREFIX.match(text)
        groups = dateline.groupdict() if dateline else {}
        agency = groups.get("agency") or groups.get("slashed")
        if dateline and _is_subject_acronym(agency or dateline.group("place")):
            break
        if dateline and agency is None and _is_outlet_code(dateline.group("place")):
            # "NDO –" or "NDO/VNA –" open with the outlet's code, not a place.
            inline.extend(normalize_agency(p) for p in dateline.group("place").split("/"))
            text = text[dateline.end() :]
            continue
        if dateline and (agency is None or is_outlet_name(agency)):
            parsed.dateline = parsed.dateline or _place_name(dateline.group("place"))
            if agency:
                inline.append(normalize_agency(agency))
            stated = _full_date(dateline.group("extra") or "")
            if stated and parsed.published_date is None:
                parsed.published_date, parsed.published_date_source = stated, "dateline"
            text = text[dateline.end() :]
            continue
        break
    return text


def _is_subject_acronym(token: str) -> bool:
    """Return whether an opening capitals word is an organisation or country code ("NATO –")."""
    if is_known_agency(token):
        return False
    token = token.strip()
    entry = surface_index().get(token)
    if entry is None or not token.isupper():
        return False
    return entry.label == "ORG" or len(token) <= 3


def _is_outlet_code(token: str) -> bool:
    parts = token.split("/")
    # Capitalised place names have vowels and more than three letters; "TTO", "SGGP" do not.
    no_vowel = not re.search(r"[AEIOUY]", token)
    return len(parts) > 1 or is_known_agency(token) or len(token) <= 3 or no_vowel


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


def parse_article(text: str) -> ParsedArticle:
    """Return the classified lines and extracted fields of one document's text."""
    language, foreign_share = _document_language(text.split("\n"))
    lines, evidence = classify_lines(text, document_language=language)
    parsed = ParsedArticle(lines=lines, language=language, foreign_share=foreign_share)
    title = next((ln for ln in lines if ln.kind == "title"), None)
    site = None
    if title:
        parsed.title, site = _split_site_name(title.clean)
    body_lines = [ln for ln in lines if ln.kind == "body"]
    inline: list[str] = []
    paragraphs = [ln.clean for ln in body_lines]
    # Scraper metadata and the dateline open the story: look at the lines up to the first
    # paragraph only, so a "(Reuters) -" deeper in the text is left alone.
    for index, line in enumerate(body_lines):
        paragraphs[index] = _strip_prefixes(parsed, line, inline)
        if is_paragraph(line.clean):
            break
    parsed.body = "\n\n".join(p for p in paragraphs if p)
    _apply_evidence(parsed, evidence, inline + ([site] if site else []))
    return parsed


def _split_site_name(title: str) -> tuple[str, str | None]:
    """Return the headline without a trailing " | Site name", and that site name."""
    head, sep, tail = title.rpartition(" | ")
    if sep and head and is_outlet_name(tail.strip()):
        return head.strip(), normalize_agency(tail.strip())
    return title, None


def _apply_evidence(parsed: ParsedArticle, evidence: Evidence, inline: list[str]) -> None:
    text_credits = _unique(inline + evidence.text_credits)
    parsed.credited = _unique(text_credits + evidence.photo_credits)
    # A photo agency only supplied the picture, so it never becomes the article's outlet.
    parsed.outlet = text_credits[0] if text_credits else None
    parsed.byline = evidence.bylines[0] if evidence.bylines else None
    if parsed.dateline is None and evidence.datelines:
        parsed.dateline = _place_name(evidence.datelines[0])
    for source, dates in (("metadata", evidence.metadata_dates), ("byline", evidence.byline_dates)):
        if parsed.published_date is not None:
            break
        value = next(filter(None, map(_full_date, dates)), None)
        if value:
            parsed.published_date, parsed.published_date_source = value, source


def not_article_reason(parsed: ParsedArticle) -> str | None:
    """Return why a parsed document is not an article, or None when it is one."""
    if not parsed.body and any(line.reason == "non_english" for line in parsed.lines):
        return "not_english"
    if parsed.word_count == 0 or parsed.sentence_count == 0:
        return "no_sentences"
    if parsed.language not in ("en", UNDETERMINED) or parsed.foreign_share > MAX_FOREIGN_SHARE:
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
    "duplicate_of_doc_id": pl.String,
    "similarity": pl.Float64,
}
LINE_SCHEMA = {
    "doc_id": pl.String,
    "line_no": pl.Int64,
    "text": pl.String,
    "kind": pl.String,
    "reason": pl.String,
    "signal": pl.String,
}


def _article_row(doc_id: str, parsed: ParsedArticle) -> dict:
    return {
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
        "duplicate_of_doc_id": None,
        "similarity": None,
    }


def flag_near_duplicates(articles: list[dict]) -> list[dict]:
    """Return the article rows with duplicate_of_doc_id and similarity set for rewrites."""
    candidates = [Candidate(a["doc_id"], a["body"], a["published_date"]) for a in articles]
    matches = find_near_duplicates(candidates)
    for row in articles:
        match = matches.get(row["doc_id"])
        if match:
            row["duplicate_of_doc_id"], row["similarity"] = match.duplicate_of, match.similarity
    return articles


def build_articles(settings: Settings, run_id: str) -> dict[str, int]:
    """Parse every current document into work.raw_article and raw_article_line; return row counts."""
    con = warehouse.connect(settings)
    try:
        documents = con.execute("select doc_id, source_path, text from work.document").fetchall()
        articles, lines, rejects = [], [], []
        for doc_id, source_path, text in progress(
            documents, desc="article", unit="doc", total=len(documents)
        ):
            parsed = parse_article(text or "")
            lines.extend(
                {
                    "doc_id": doc_id,
                    "line_no": ln.line_no,
                    "text": ln.text,
                    "kind": ln.kind,
                    "reason": ln.reason,
                    "signal": ln.signal,
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
                        "detail": (
                            f"{parsed.word_count} body words, {parsed.sentence_count} sentences, "
                            f"language {parsed.language}, "
                            f"{parsed.foreign_share:.0%} words in other languages"
                        ),
                        "run_id": run_id,
                    }
                )
                continue
            articles.append(_article_row(doc_id, parsed))
        flag_near_duplicates(articles)
        warehouse.write_frame(con, "raw_article", pl.DataFrame(articles, schema=ARTICLE_SCHEMA))
        warehouse.write_frame(con, "raw_article_line", pl.DataFrame(lines, schema=LINE_SCHEMA))
        add_quarantine(con, rejects)
        return {t.name: warehouse.build_table(con, t, run_id) for t in stage_tables(STAGE)}
    finally:
        con.close()
