"""Articles: classify each document's lines, extract the article fields, flag near-duplicates
(the parsing rules; `newsgate.article_stage` runs them over the warehouse)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import polars as pl

from newsgate.boilerplate import (
    CORPUS_REPEAT_DOCS,
    SENTENCE_END,
    WORD,
    Evidence,
    Line,
    classify_lines,
    is_dateline_place,
    is_headline,
    is_known_place,
    is_paragraph,
    is_place_name,
    normalise_line,
)
from newsgate.credits import (
    credit_line,
    credited_form,
    find_outlet,
    glued_byline,
    is_known_outlet,
    is_outlet_name,
    reporter_credit,
    source_credits,
    split_credit,
    trailing_credit,
)
from newsgate.language import ENGLISH_STOPWORDS, UNDETERMINED, count_words, identify_language
from newsgate.near_duplicates import Candidate, find_near_duplicates
from newsgate.nlp.gazetteer import surface_index
from newsgate.stamps import MARKER, stamp_date

__all__ = [
    "common_lines",
    "document_rows",
    "flag_near_duplicates",
    "line_keys",
    "not_article_reason",
    "parse_article",
    "recurring_candidates",
]

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
    r"^\s*(?:published|posted)\s*:?\s+(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?"
    r"\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?Z?)?\s+",
    re.IGNORECASE,
)
_OUTLET_PREFIX = re.compile(r"^\s*\((?P<outlet>[^()]{2,40})\)\s*(?:[-–—:]+|\.-)\s*")
# "KYIV/MOSCOW": a dateline may name two places; the first is the dateline's place
_PLACE = r"[A-Z][\w'’.]*(?:[ /-][A-Z][\w'’.]*){0,3}"
_DATELINE_PREFIX = re.compile(
    # "New Delhi [India], Mar 3 (ANI):": the country in square brackets after the place
    rf"^\s*(?P<place>{_PLACE})(?:\s*\[[A-Z][\w .'’-]{{1,30}}\])?"
    r"(?:\s*[,.]\s*(?P<extra>[^()/–—]{1,40}?))?\s*"
    # "New Delhi, Oct 3 (IANS) The …": some agencies print no dash after their bracket
    r"(?:\((?P<agency>[^()]{2,30})\)(?:\s*(?:[-–—:]+|\.-)|\s+(?=[A-Z“\"‘]))|"
    r"\.?\s*/(?P<slashed>[^/]{2,30})/\.?)\s*"
)
# "NEW DELHI (Nordic News / AFP - 10th September, 2020) The …": the credit and the date share
# the dateline's brackets, and the lead follows the closing bracket
_BRACKET_STAMP_PREFIX = re.compile(
    rf"^\s*(?P<place>{_PLACE})(?:\s*,\s*(?P<extra>[^()]{{1,40}}?))?\s*\((?P<agency>[^()]{{2,40}}?)"
    r"\s*[-–—,]\s*(?P<stamp>[^()]{4,30})\)\s*(?:(?:[-–—:]+|\.-)\s*)?(?=[A-Z“\"‘])"
)
# "(2nd UPDATE)", "(UPDATED)", "(CORRECTED)": a version label in the dateline's brackets, no credit
_UPDATE_LABEL = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+)?(?:update[ds]?|updated|corrected|correction|recasts?|"
    r"refiled|repeats?|writethru|lead)$",
    re.IGNORECASE,
)
# "WASHINGTON -", "KABUL:", "SHAMBHU, India, Feb 21:" (a place in capitals opens the lead)
_CAPS_DATELINE_PREFIX = re.compile(
    r"^\s*(?P<place>[A-Z](?:[A-Z]|[.'’](?=[A-Z\s]))+(?:[ /-][A-Z](?:[A-Z]|[.'’](?=[A-Z\s,]))+){0,3})"
    r"(?:\s*,\s*(?P<extra>[^–—:]{1,40}?))?"
    # "KATHMANDU—At least …": an em dash may touch the lead (an en dash touching a capital joins
    # a compound: "US–China")
    r"\s*(?:—+\s*|[–-]+\s+|:[–—-]*\s+|[|•·]\s+)(?=[A-Z“\"‘])"
)
# "NORDICNEWS.CO.UK": a site's address in capitals
_DOMAIN_NAME = re.compile(r"[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,6}", re.IGNORECASE)
# "img20230526PHILIPSBURG:": an image's file name glued before the dateline by the scraper
_GLUED_FILE_NAME = re.compile(r"^\s*[a-z][a-z_]*\d[a-z0-9_]*(?=[A-Z]{3,})")
# "AT-KABUL:", "APP-ISLAMABAD:": the agency's code glued to the place
_AGENCY_PLACE_PREFIX = re.compile(
    r"^\s*(?P<agency>[A-Z]{2,6})\s*-\s*(?P<place>[A-Z]{3,}(?:[ -][A-Z]{3,}){0,2})\s*[:–—-]+\s+"
    r"(?=[A-Z“\"‘])"
)
_MONTH_DAY = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:,?\s+\d{4})?"
)
# "Kathmandu, July 25:" or "Kathmandu:" (mixed case: a dated or known place)
# "Washington DC [US], June 23 :": the country in square brackets after the place (as above)
_BRACKET_COUNTRY = r"(?:\s*\[[A-Z][\w .'’-]{1,30}\])?"
_PLACE_DATE_PREFIX = re.compile(
    rf"^\s*(?P<place>{_PLACE}){_BRACKET_COUNTRY}\s*(?:,\s*(?P<extra>{_MONTH_DAY}|\d{{1,2}}\s+"
    r"[A-Za-z]{3,9}\.?(?:\s+\d{4})?))?\s*(?:[:–—-]+|[|•·])\s+(?=[A-Z“\"‘])",
    re.IGNORECASE,
)
# "Kumasi, Mar. 3, GNA - The …", "MEDAN, Oct 5, 2018, AFP. Rescuers …": the place, the day
# and the agency's name, then a dash or a full stop before the lead
_PLACE_DATE_AGENCY_PREFIX = re.compile(
    rf"^\s*(?P<place>{_PLACE}){_BRACKET_COUNTRY},\s*(?P<extra>(?i:{_MONTH_DAY}))\s*,\s*"
    r"(?P<agency>[A-Z][\w.&/-]{1,15}(?: [A-Z][\w.&-]+){0,3})\s*(?:[:–—-]+|\.)\s+(?=[A-Z“\"‘])"
)
# "Source: Nordwire / Reuters. Rescuers …": a credit label and its names glued before the lead
_SOURCE_PREFIX = re.compile(
    r"^\s*(?P<credit>(?:sources?|credits?)\s*:\s*[^.:()]{2,60}?)\s*(?:\.|[|–—]|\s-)\s+(?=[A-Z“\"‘])",
    re.IGNORECASE,
)
# "Dec 06, 2019 (Nordwire) – The …": the day and the outlet in brackets open the lead, no place
_DATE_CREDIT_PREFIX = re.compile(
    rf"^\s*(?P<stamp>(?i:{_MONTH_DAY})|\d{{1,2}}\s+[A-Za-z]{{3,9}}\.?\s+\d{{4}})\s*"
    r"\((?P<agency>[^()]{2,30})\)\s*(?:[-–—:]+|\.-)\s*(?=[A-Z“\"‘])"
)
# "Harbour reopens after storm Bergen, Mar 3 (NTB) Mar 03, 2024 The harbour …": a page whose line
# breaks were lost runs the headline, a wire dateline, its stamp and the lead together
_GLUED_DATELINE = re.compile(
    rf"\s(?P<place>{_PLACE}),\s*(?P<extra>(?i:{_MONTH_DAY}))\s*\((?P<agency>[^()]{{2,30}})\)"
    rf"\s*(?:[-–—:]+\s*)?(?:(?P<stamp>(?i:{_MONTH_DAY}))\s+)?(?=[A-Z“\"‘])"
)
# "Nairobi. Kenyan police …": a known place alone, closed by a full stop, opens the lead (a
# sentence is no single name)
_PLACE_STOP_PREFIX = re.compile(rf"^\s*(?P<place>{_PLACE})\.\s+(?=[A-Z“\"‘])")
# "Lagos, Nigeria | The …", "Jackson, Mississippi: The …", "Osogbo, Nigeria, Jul 17 — The …": a
# place and its country or region (and the day)
_PLACE_REGION_PREFIX = re.compile(
    rf"^\s*(?P<place>{_PLACE}){_BRACKET_COUNTRY},\s*(?P<region>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){{0,2}})"
    rf"(?:,\s*(?P<extra>(?i:{_MONTH_DAY})|\d{{1,2}}\s+[A-Za-z]{{3,9}}\.?(?:\s+\d{{4}})?))?"
    r"\s*(?:[:–—-]+|[|•·])\s+(?=[A-Z“\"‘])"
)


# "Headline |", "Headline -": the separator a page title kept after its site name was cut off
_TRAILING_SEPARATOR = re.compile(r"\s+(?:[|–—:/•·]|-+)\s*$")


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


def _place_name(place: str) -> str:
    place = place.strip(" ,").split("/")[0].strip()
    words = place.split()
    # "SACRAMENTO Calif.": the place in capitals, then its state or country in normal case
    caps = [w for w in words[: next((i for i, w in enumerate(words) if not w.isupper()), None)]]
    if caps and len(caps) < len(words):
        place = " ".join(caps)
    if not place.isupper():
        return place
    # "RIO DE JANEIRO" is written "Rio de Janeiro": the gazetteer's own form when it has one
    known = _place_forms().get(place.casefold())
    return known or " ".join(_title_word(word) for word in place.split())


@cache
def _place_forms() -> dict[str, str]:
    """Return the gazetteer's place forms in mixed case, keyed by their folded form."""
    forms: dict[str, str] = {}
    for form, entry in surface_index().items():
        if entry.label in ("GPE", "LOC") and not form.isupper():
            forms.setdefault(form.casefold(), form)
    return forms


def _title_word(word: str) -> str:
    """Return a capitals word in title case: "N'DJAMENA" -> "N'Djamena", "COX'S" -> "Cox's"."""
    parts = re.split(r"(-)", word)
    out = "".join(part[:1].upper() + part[1:].lower() for part in parts)
    # after a one-letter elision the name goes on in capitals ("N'Djamena", "D'Ivoire")
    return re.sub(r"(?<![^\W\d_]{2})(?<=[^\W\d_]['’])([^\W\d_])", lambda m: m.group(1).upper(), out)


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


def _set_date(parsed: ParsedArticle, text: str, source: str) -> None:
    value = stamp_date(text)
    if value is not None and parsed.published_date is None:
        parsed.published_date, parsed.published_date_source = value, source


def _read_opening(
    parsed: ParsedArticle, text: str, inline: list[str], strong: bool = False
) -> None:
    """Read scraper metadata, bylines, inline credits and the dateline opening the story.

    The line itself stays in the body as printed: a line that mixes such an opening with the
    lead is article text. With `strong`, only a wire dateline ("OSLO -", "Oslo (AFP) -") is
    read: a paragraph below a standfirst may open the story.
    """
    for _ in range(4):
        if strong:
            _read_strong_dateline(parsed, text, inline)
            return
        marker = MARKER.match(text) or _METADATA_PREFIX.match(text)
        if marker:
            _set_date(parsed, marker.group("date"), "metadata")
            text = text[marker.end() :]
            continue
        junk = _GLUED_FILE_NAME.match(text)
        if junk:
            text = text[junk.end() :]
            continue
        glued = glued_byline(text)
        if glued:
            parsed.byline = parsed.byline or glued[0]
            text = glued[1]
            continue
        labelled = _SOURCE_PREFIX.match(text)
        credit = credit_line(labelled.group("credit")) if labelled else None
        if credit and credit.names and not credit.photo:
            inline.extend(credit.names)
            text = text[labelled.end() :]
            continue
        stamped_credit = _DATE_CREDIT_PREFIX.match(text)
        agencies = _bracket_agencies(stamped_credit.group("agency")) if stamped_credit else []
        if stamped_credit and agencies and stamp_date(stamped_credit.group("stamp")):
            inline.extend(agencies)
            _set_date(parsed, stamped_credit.group("stamp"), "dateline")
            text = text[stamped_credit.end() :]
            continue
        outlet = _OUTLET_PREFIX.match(text)
        names = split_credit(outlet.group("outlet")) if outlet else []
        if outlet and names and not _is_subject_acronym(outlet.group("outlet").strip()):
            inline.extend(names)
            text = text[outlet.end() :]
            continue
        coded = _AGENCY_PLACE_PREFIX.match(text)
        if coded and not _is_subject_acronym(coded.group("agency")):
            inline.append(credited_form(coded.group("agency")))
            parsed.dateline = parsed.dateline or _place_name(coded.group("place"))
            text = text[coded.end() :]
            continue
        stamped = _bracket_stamp(text)
        if stamped:
            parsed.dateline = parsed.dateline or _place_name(stamped[0].group("place"))
            inline.extend(stamped[1])
            _set_date(parsed, stamped[0].group("stamp"), "dateline")
            text = text[stamped[0].end() :]
            continue
        dateline = _DATELINE_PREFIX.match(text) or _CAPS_DATELINE_PREFIX.match(text)
        groups = dateline.groupdict() if dateline else {}
        agency = groups.get("agency") or groups.get("slashed")
        if dateline and _is_subject_acronym(agency or dateline.group("place")):
            break
        if dateline and dateline.re is _CAPS_DATELINE_PREFIX and _colon_label(text, dateline):
            break
        if (
            dateline
            and dateline.re is _CAPS_DATELINE_PREFIX
            and not dateline.group("extra")
            and not is_place_name(dateline.group("place"))
            and not is_dateline_place(dateline.group("place"))
            and not is_known_outlet(dateline.group("place"))
        ):
            # "OPINION | The …", "EXCLUSIVE - The …": capitals that are English words label the
            # story; a dateline names a place (or carries its state: "GREEN BAY, Wis. -")
            break
        extra = (groups.get("extra") or "").strip()
        if (
            dateline
            and agency is None
            and extra
            and (
                _DOMAIN_NAME.fullmatch(dateline.group("place"))
                or is_known_outlet(dateline.group("place"))
            )
            # the place in capitals after a site's name, even one that is an English word
            and (is_place_name(extra) or (extra.isupper() and count_words(extra) <= 3))
        ):
            # "SITE.CO.ID, MALE -- The …": the site's name in capitals, then the dateline
            site = dateline.group("place")
            # an address in capitals is written as addresses are ("Nordicnews.co.uk")
            inline.append(
                site.capitalize() if _DOMAIN_NAME.fullmatch(site) else credited_form(site)
            )
            parsed.dateline = parsed.dateline or _place_name(extra)
            text = text[dateline.end() :]
            continue
        if dateline and agency is None and _is_outlet_code(dateline.group("place")):
            # "NDO –" or "NDO/VNA –" open with the outlet's code, not a place.
            inline.extend(credited_form(p) for p in dateline.group("place").split("/"))
            text = text[dateline.end() :]
            continue
        agencies = _bracket_agencies(agency) if agency else []
        if dateline and (agency is None or agencies or _UPDATE_LABEL.match(agency.strip())):
            # "KABUL (Pajhwok- AFP) -" credits the publisher and its wire, in that order
            parsed.dateline = parsed.dateline or _place_name(dateline.group("place"))
            inline.extend(agencies)
            _set_date(parsed, dateline.group("extra") or "", "dateline")
            text = text[dateline.end() :]
            continue
        region = _PLACE_REGION_PREFIX.match(text)
        if (
            region
            and is_known_place(region.group("region"))
            and is_place_name(region.group("place"))
        ):
            parsed.dateline = parsed.dateline or _place_name(region.group("place"))
            _set_date(parsed, region.group("extra") or "", "dateline")
            text = text[region.end() :]
            continue
        mixed = _PLACE_DATE_PREFIX.match(text)
        known = mixed is not None and is_dateline_place(mixed.group("place"))
        if mixed and (known or (mixed.group("extra") and len(mixed.group("place").split()) <= 2)):
            parsed.dateline = parsed.dateline or _place_name(mixed.group("place"))
            _set_date(parsed, mixed.group("extra") or "", "dateline")
            text = text[mixed.end() :]
            continue
        # the last forms, read once: what follows them is the lead
        _read_agency_or_stop_dateline(parsed, text, inline)
        break


def _read_agency_or_stop_dateline(parsed: ParsedArticle, text: str, inline: list[str]) -> bool:
    """Read "Kumasi, Mar. 3, GNA -" (place, day and agency) or "Nairobi." (a known place alone,
    closed by a full stop) opening the lead; return whether one was read."""
    credited = _PLACE_DATE_AGENCY_PREFIX.match(text)
    names = split_credit(credited.group("agency")) if credited else []
    if credited and names and is_place_name(credited.group("place")):
        parsed.dateline = parsed.dateline or _place_name(credited.group("place"))
        inline.extend(names)
        _set_date(parsed, credited.group("extra"), "dateline")
        return True
    stopped = _PLACE_STOP_PREFIX.match(text)
    if stopped and is_dateline_place(stopped.group("place")):
        parsed.dateline = parsed.dateline or _place_name(stopped.group("place"))
        return True
    return False


def _bracket_stamp(text: str) -> tuple[re.Match, list[str]] | None:
    """Return the match and the agencies of a dateline whose brackets hold a credit and a date
    ("NEW DELHI (Nordic News / AFP - 10th September, 2020) …"), or None."""
    match = _BRACKET_STAMP_PREFIX.match(text)
    if not match or stamp_date(match.group("stamp")) is None:
        return None
    agencies = _bracket_agencies(match.group("agency"))
    if not agencies or _is_subject_acronym(match.group("agency")):
        return None
    return match, agencies


def _bracket_agencies(agency: str) -> list[str]:
    """Return the agencies in a dateline's brackets: "(Reuters)", "(Pajhwok- AFP)", and an
    agency's code in its own case ("(dpa-AFX)"), which only a credit stands in that place."""
    names = split_credit(agency)
    code = re.fullmatch(r"[A-Za-z][\w.&-]{1,15}", agency.strip())
    if not names and code and (re.search(r"[A-Z]", agency) or is_known_outlet(agency)):
        names = [credited_form(agency.strip())]
    return names


def _read_strong_dateline(parsed: ParsedArticle, text: str, inline: list[str]) -> None:
    """Read a wire dateline opening a later paragraph ("LILONGWE -", "Oslo (AFP) -")."""
    coded = _AGENCY_PLACE_PREFIX.match(text)
    if coded and not _is_subject_acronym(coded.group("agency")):
        inline.append(credited_form(coded.group("agency")))
        parsed.dateline = _place_name(coded.group("place"))
        return
    stamped = _bracket_stamp(text)
    if stamped and is_place_name(stamped[0].group("place")):
        parsed.dateline = _place_name(stamped[0].group("place"))
        inline.extend(stamped[1])
        _set_date(parsed, stamped[0].group("stamp"), "dateline")
        return
    if _read_agency_or_stop_dateline(parsed, text, inline):
        return
    dateline = _DATELINE_PREFIX.match(text) or _CAPS_DATELINE_PREFIX.match(text)
    if dateline is None:
        return
    groups = dateline.groupdict()
    agency = groups.get("agency") or groups.get("slashed")
    place = dateline.group("place")
    extra = groups.get("extra") or ""
    placed = is_place_name(place) or any(is_known_place(p) for p in re.split(r"\s*,\s*", extra))
    if not placed or _is_subject_acronym(agency or place):
        return
    if agency is None and not extra and is_known_outlet(place) and not is_known_place(place):
        # "AFP - Militants stormed …": the agency's name opens the paragraph, no place does
        inline.append(credited_form(place))
        return
    if dateline.re is _CAPS_DATELINE_PREFIX and _colon_label(text, dateline):
        return
    agencies = _bracket_agencies(agency) if agency else []
    if agency is None or agencies or _UPDATE_LABEL.match(agency.strip()):
        parsed.dateline = _place_name(place)
        inline.extend(agencies)
        _set_date(parsed, extra, "dateline")


def _colon_label(text: str, dateline: re.Match) -> bool:
    """Return whether a capitals opening ending in a colon is a label ("DEVELOPING:"), not a place.

    "KABUL:" names a known place and "SHAMBHU, India, Feb 21:" carries a country or a date;
    a colon after an unknown capitals word labels the story instead.
    """
    if not text[: dateline.end()].rstrip().endswith(":"):
        return False
    extra = dateline.group("extra") or ""
    if is_known_outlet(dateline.group("place")):
        return False
    known = (
        is_dateline_place(dateline.group("place"))
        or is_place_name(dateline.group("place"))
        or any(is_known_place(part) for part in re.split(r"\s*,\s*", extra))
    )
    return not (known or stamp_date(extra) or re.search(_MONTH_DAY, extra, re.IGNORECASE))


def _is_subject_acronym(token: str) -> bool:
    """Return whether an opening capitals word is an organisation or country code ("NATO –")."""
    if is_known_outlet(token):
        return False
    token = token.strip()
    entry = surface_index().get(token)
    if entry is None or not token.isupper():
        return False
    return entry.label == "ORG" or len(token) <= 3


def _is_outlet_code(token: str) -> bool:
    parts = token.split("/")
    if len(parts) > 1:
        # "NDO/VNA –" pairs outlet codes; "BEIRUT/DAMASCUS —" names the places a story was
        # reported from
        return all(_is_outlet_code(part) for part in parts) and not all(
            is_known_place(part) for part in parts
        )
    # Capitalised place names have vowels and more than three letters; "TTO", "SGGP" do not.
    no_vowel = not re.search(r"[AEIOUY]", token)
    return len(parts) > 1 or is_known_outlet(token) or len(token) <= 3 or no_vowel


def _unique(names: list[str]) -> list[str]:
    """Return the names once each, in order; two forms of one known outlet ("AP", "The
    Associated Press") are one credit, kept in the form met first."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        outlet = find_outlet(name) if name else None
        keys = {normalise_line(name)} | ({f"outlet:{outlet.name}"} if outlet else set())
        if name and not keys & seen:
            seen |= keys
            out.append(name)
    return out


def parse_article(text: str, common: frozenset[str] = frozenset()) -> ParsedArticle:
    """Return the classified lines and extracted fields of one document's text.

    `common` holds normalised lines that recur across the corpus (see `common_lines`).
    """
    language, foreign_share = _document_language(text.split("\n"))
    lines, evidence = classify_lines(text, document_language=language, common_lines=common)
    parsed = ParsedArticle(lines=lines, language=language, foreign_share=foreign_share)
    title = next((ln for ln in lines if ln.kind == "title"), None)
    if title:
        # A site name in the page title is no credit: the page names itself there, it does not
        # credit the text.
        parsed.title = _split_site_name(_TRAILING_SEPARATOR.sub("", title.value or title.clean))
    body_lines = [ln for ln in lines if ln.kind == "body"]
    # the story's paragraphs: a hard-wrapped paragraph's lines read as the one text they were
    # cut from, so its opening and its last words are read whole
    units = _paragraph_units(body_lines)
    inline: list[str] = []
    # Scraper metadata, bylines and the dateline open the story: look at the lines up to the
    # first paragraph, so a "(Reuters) -" deeper in the text is left alone. When a standfirst
    # opens the page, a wire dateline may open one of the next two paragraphs.
    if parsed.title is None and units:
        _read_glued_headline(parsed, units[0], inline)
    paragraphs = 0
    for unit in units:
        if paragraphs and parsed.dateline is not None:
            break
        _read_opening(parsed, unit, inline, strong=paragraphs > 0)
        paragraphs += is_paragraph(unit)
        if paragraphs >= 3:
            break
    # "CGTN's Jane Roe reports" in the standfirst names both the outlet and the reporter.
    for unit in units[:3]:
        found = reporter_credit(unit)
        if found:
            inline.append(found[0])
            parsed.byline = parsed.byline or found[1]
            break
    parsed.body = "\n\n".join(ln.clean for ln in body_lines)
    trailing = _trailing_code(units[-1]) if units else None
    # credits in text order: a credit printed above the lead (a byline's outlet, the site's
    # name over the headline) comes before the lead's own
    lead_no = body_lines[0].line_no if body_lines else len(lines)
    above = [c for c in evidence.text_credits if _printed_before(c, lines, lead_no)]
    below = [c for c in evidence.text_credits if c not in above]
    credits = above + inline + below + ([trailing] if trailing else [])
    _apply_evidence(parsed, evidence, credits)
    return parsed


def _read_glued_headline(parsed: ParsedArticle, text: str, inline: list[str]) -> None:
    """Read the headline, wire dateline and stamp run into the lead on a page that lost its line
    breaks; the line stays body as printed, the title is its headline part."""
    glued = _GLUED_DATELINE.search(text, 0, 400)
    if glued is None:
        return
    head = text[: glued.start()].strip()
    agencies = _bracket_agencies(glued.group("agency"))
    last = WORD.findall(head)[-1:] or [""]
    if (
        not agencies
        or count_words(head) < 4
        or not is_headline(head)
        # "The ferry sank in Bergen, …" runs on: no headline ends on a function word
        or last[0].casefold() in ENGLISH_STOPWORDS
        or not is_place_name(glued.group("place"))
    ):
        return
    parsed.title = head
    parsed.dateline = parsed.dateline or _place_name(glued.group("place"))
    inline.extend(agencies)
    _set_date(parsed, glued.group("stamp") or glued.group("extra"), "dateline")


def _printed_before(name: str, lines: list[Line], line_no: int) -> bool:
    """Return whether a credit's name is printed on a line above line `line_no`."""
    key = normalise_line(name)
    return bool(key) and any(
        key in normalise_line(ln.text) for ln in lines[:line_no] if ln.kind != "blank"
    )


def _paragraph_units(body_lines: list[Line]) -> list[str]:
    """Return the texts of the body's paragraphs: a line, or the lines of one hard-wrapped
    paragraph joined by spaces."""
    units: list[str] = []
    previous: int | None = None
    for line in body_lines:
        if line.paragraph is not None and line.paragraph == previous:
            units[-1] += " " + line.clean
        else:
            units.append(line.clean)
        previous = line.paragraph
    return units


# "… was to be held on November 16. DMS": an agency's bare code closing the story's last line
_BARE_CODE_END = re.compile(r"[.!?”\"’]\s+(?P<code>[A-Z]{2,6})\s*$")


def _trailing_code(text: str) -> str | None:
    """Return the agency credited at the end of the story's last line: "— AFP", "(Reuters)", or a
    bare capitals code after the last sentence that names no organisation or place ("… DMS")."""
    found = trailing_credit(text)
    if found:
        return found
    bare = _BARE_CODE_END.search(text)
    code = bare.group("code") if bare else ""
    if not code or (surface_index().get(code) is not None and not is_known_outlet(code)):
        return None
    return credited_form(code)


def _source_forms(names: list[str]) -> list[str]:
    """Return the sources once each: of two forms the text gives one agency ("told AFP", "an
    Agence France-Presse journalist said") the outlet's usual one, if the text uses it."""
    out = []
    for name in _unique(names):
        outlet = find_outlet(name)
        usual = outlet is not None and any(
            normalise_line(n) == normalise_line(outlet.name) for n in names
        )
        out.append(outlet.name if usual else name)
    return out


def _split_site_name(title: str) -> str:
    """Return the headline without the site names after it ("Headline | Site | Owner").

    " | Site" takes an outlet-shaped name, or any name of five words or fewer when the headline
    keeps four (a short part after a bar is a site, section or brand); " - Site" only a known
    outlet or a several-word name with a media word ("Fjord Times"), because a dash also joins
    the parts of a headline.
    """
    while True:
        head, sep, tail = title.rpartition(" | ")
        tail = tail.strip()
        if not (sep and count_words(head) >= 2 and 0 < count_words(tail) <= 5):
            break
        site = is_outlet_name(tail) or count_words(head) >= 4
        if not site or SENTENCE_END.search(tail + " "):
            break
        title = head.strip()
    match = re.search(r"\s+[-–—]\s+(?P<site>[^-–—|]{2,40})$", title)
    site = match.group("site").strip() if match else ""
    # a known outlet, or a name of several words with a media word ("The Fjord Times")
    if match and (is_known_outlet(site) or (" " in site and is_outlet_name(site))):
        return title[: match.start()].strip()
    return title


def _apply_evidence(parsed: ParsedArticle, evidence: Evidence, text_credits: list[str]) -> None:
    text_credits = _unique(text_credits)
    if not text_credits:
        # No credit line: the one agency the text names as its reporting source ("AFP
        # reported", "told Reuters") is taken as the outlet; several such agencies, none.
        # "told AFP" and "an Agence France-Presse journalist said" name one agency
        sources = _source_forms(source_credits(parsed.body))
        if len(sources) > 1:
            # a rewrite credits its wire in the lead (", Xinhua reported."); agencies named
            # further down are the story's sources: the lead's one agency is the outlet
            lead = _source_forms(source_credits(parsed.body.split("\n\n", 1)[0]))
            sources = lead if len(lead) == 1 else sources
        if not sources:
            # the lead of a rewrite names its source whatever its kind ("…, reports The Guardian.")
            sources = _source_forms(source_credits(parsed.body.split("\n\n", 1)[0], lead=True))
        if len(sources) == 1:
            # a photo credit of the same agency is its credited form ("told the Associated
            # Press" beside "(Jane Roe/AP)" gives AP)
            same = [p for p in evidence.photo_credits if _unique([sources[0], p]) == [sources[0]]]
            text_credits = same[:1] or sources
    parsed.credited = _unique(text_credits + evidence.photo_credits)
    # A photo agency only supplied the picture, so it never becomes the article's outlet.
    parsed.outlet = text_credits[0] if text_credits else None
    if parsed.byline is None and evidence.bylines:
        parsed.byline = evidence.bylines[0]
    if parsed.dateline is None and evidence.datelines:
        parsed.dateline = _place_name(evidence.datelines[0])
    for source, dates in (
        ("metadata", evidence.metadata_dates),
        ("stamp", evidence.stamp_dates),
        ("byline", evidence.byline_dates),
        ("closing", evidence.closing_dates),
        ("metadata", evidence.updated_dates),
    ):
        for text in dates:
            _set_date(parsed, text, source)


def recurring_candidates(text: str) -> frozenset[str]:
    """Return the lines of one document (normalised) that may count as recurring furniture."""
    # short, non-paragraph lines only: a story's own paragraphs never become furniture
    return frozenset(
        key
        for key in line_keys(text)
        if key and len(WORD.findall(key)) <= 12 and not is_paragraph(key)
    )


def common_lines(texts: list[str]) -> frozenset[str]:
    """Return the short lines (normalised) that occur in several documents: site furniture."""
    counts: dict[str, int] = {}
    for text in texts:
        for key in recurring_candidates(text):
            counts[key] = counts.get(key, 0) + 1
    return frozenset(k for k, n in counts.items() if n >= CORPUS_REPEAT_DOCS)


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


@dataclass
class DocumentRows:
    """What the article stage keeps of one document: its article row or why it is not one, and
    every line with its decision."""

    article: dict | None
    lines: list[dict]
    reject_reason: str | None = None
    reject_detail: str | None = None


def line_keys(text: str) -> set[str]:
    """Return the normalised lines of a document: what `common_lines` counts, and what parsing
    looks up in it (so only `common` ∩ these keys can change a document's parse)."""
    return {normalise_line(line) for line in (text or "").split("\n")}


def document_rows(doc_id: str, text: str, common: frozenset[str] = frozenset()) -> DocumentRows:
    """Return one document's article row (or its reject reason) and its line rows, given the
    lines that recur across the corpus (see `common_lines`)."""
    parsed = parse_article(text or "", common)
    lines = [
        {
            "doc_id": doc_id,
            "line_no": ln.line_no,
            "text": ln.text,
            "kind": ln.kind,
            "reason": ln.reason,
            "signal": ln.signal,
        }
        for ln in parsed.lines
    ]
    reason = not_article_reason(parsed)
    if reason:
        detail = (
            f"{parsed.word_count} body words, {parsed.sentence_count} sentences, "
            f"language {parsed.language}, "
            f"{parsed.foreign_share:.0%} words in other languages"
        )
        return DocumentRows(None, lines, reason, detail)
    return DocumentRows(_article_row(doc_id, parsed), lines)
