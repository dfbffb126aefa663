"""Line classification: every line of a scraped document is title, body or boilerplate.

Each boilerplate line carries a reason (caption, credit, dateline, byline, share_widget,
related_block, navigation, non_english, metadata, garbled, duplicate) and the signal that
fired. The rules use general signals only: a line's position relative to the paragraphs,
its shape (length, sentence punctuation, capitalisation), cue words, the language of its
words, and repetition of earlier lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgate.credits import (
    is_agency_code,
    is_known_agency,
    is_outlet_name,
    is_person_name,
    normalize_agency,
    split_credit,
)
from newsgate.language import UNDETERMINED, identify_language

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
_BULLET = re.compile(r"^(?:[-•*▪–]|\d{1,2}[.)])\s")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_INTERNAL_SENTENCE = re.compile(r"[a-z0-9)”\"’]{2}[.!?]\s+[A-Z“\"‘]")
PARAGRAPH_WORDS = 15
MAX_TITLE_WORDS = 25
MAX_CAPTION_WORDS = 80

_SHARE = re.compile(
    r"^(?:leave a (?:reply|comment)|send this to a friend|share(?: this)?(?: (?:article|story|"
    r"post|page))?(?: (?:on|via) [\w ]+)?|tweet(?: this)?|print(?: this)?(?: article)?|e-?mail"
    r"(?: this)?(?: article)?|\d*\s*comments?|post comment|cancel reply|add a comment|"
    r"your email address will not be published.*|required fields are marked.*|"
    r"(?:follow|like) us(?: on .*)?|copy link|whatsapp|facebook|twitter|linkedin|telegram|"
    r"pinterest|reddit|(?:facebook|twitter|linkedin|whatsapp|email|telegram|x)(?:[\s|,/]+"
    r"(?:facebook|twitter|linkedin|whatsapp|email|telegram|x|pinterest|reddit))+)[.:!]?$",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(
    r"^(?:home|menu|search|log ?in|log ?out|sign ?in|sign ?up|register|my account|subscribe"
    r"(?: now| to .*)?|skip to (?:main )?content|back to top|top|next(?: article| story| post)?|"
    r"previous(?: article| story| post)?|close|[x×✕]|advertisement|advertising|sponsored"
    r"(?: content)?|cookies?(?: policy| settings)?|accept(?: all)?(?: cookies)?|all rights "
    r"reserved\.?|terms (?:of use|of service|and conditions)|privacy(?: policy)?|contact(?: us)?|"
    r"about(?: us)?|powered\s*by.*|download (?:our|the) app.*|watch live|listen(?: to this)?"
    r"(?: article)?|(?:copyright|©)\s*(?:\(c\)\s*)?(?:19|20)\d\d\b.*|.*all rights reserved\.?)$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s*(?:>|»|›|/|\|)\s*[^.!?]{1,40}){1,6}$")
_RELATED = re.compile(
    r"^(?:related(?: news| articles?| stories| content| posts| coverage| topics)?|read (?:more|"
    r"also|next)|see also|also read|more (?:from|on|in|news|stories)\b.*|you (?:may|might) "
    r"also (?:like|be interested in)|recommended(?: for you| stories)?|most (?:read|popular|"
    r"viewed|shared)|latest(?: news| stories)?|top stories|trending(?: now)?|featured\b.*|"
    r"editor'?s picks?|further reading|other news|hot news|in other news|don'?t miss|"
    r"(?:watch|video|listen|gallery|in pictures)(?=\s*:))"
    r"\s*[:>»]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_METADATA_LABEL = re.compile(
    r"^(?P<label>published|posted|updated|last updated|first published|modified|date|dated|"
    r"created)(?:\s+(?:on|at))?\s*[:|–-]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_TAGS_HEADER = re.compile(r"^(?:tags?|topics?|keywords?|labels?|categories)\s*:?$", re.I)
_METADATA_OTHER = re.compile(
    r"^(?:(?:tags?|topics?|keywords?|categor(?:y|ies)|section|filed under|labels?)\s*:.*|"
    r"\d+\s*(?:min|minute)s?\s+read(?:ing)?|reading time\s*:?.*|(?:views?|hits|reads)\s*:?\s*[\d,.]+)$",
    re.IGNORECASE,
)
_DATE_TOKEN = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|"
    r"wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|gmt|utc|ict|"
    r"cet|cest|est|edt|pst|bst|ist|msk|st|nd|rd|th|h)\b|[\d:/.,+\-–|()]+",
    re.IGNORECASE,
)
_GARBLED = re.compile(r"\b[A-Z0-9]+_[A-Z0-9_]+\b|Ã[\x80-\xbf]|â€|�|\b[0-9a-f]{16,}\b")
_DIGIT = re.compile(r"\d")
_TIMESTAMP_START = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})[\sT,|]")
_LINK = re.compile(r"https?://|\bwww\.", re.IGNORECASE)
_FOOTER = re.compile(
    r"^(?:copyright\s*(?:©|\(c\)|(?:19|20)\d\d)|©\s*(?:19|20)\d\d|\(c\)\s*(?:19|20)\d\d|"
    r"our standards\b|this material "
    r"may not be\b)|\ball rights reserved\b",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^[(\[]?\s*(?P<cue>sources?|according to|based on (?:reporting|information|reports) "
    r"(?:by|from)|with (?:additional )?(?:reporting|information|inputs?) (?:by|from)|with|"
    r"(?:credits?|photos?|photograph|images?|pictures?|video)(?: by| courtesy(?: of)?)?|via|"
    r"courtesy(?: of)?|compiled from|agencies|—|–|-)\s*[:\-–]?\s*"
    r"(?P<who>[^()\[\]]*?)\s*[)\]]?\s*\.?$",
    re.IGNORECASE,
)
_GENERIC_SOURCES = re.compile(
    r"(?:\s*(?:,|and|&)\s*)?\b(?:other |news |wire )?(?:agencies|wires|wire services|staff)\b",
    re.IGNORECASE,
)
_CREDIT_WHO = re.compile(
    r"^(?:[A-Z][\w.'’-]*|[a-z][\w-]*\.[a-z]{2,6})(?:\s*(?:,|/|&|\band\b|\s)\s*"
    r"(?:[A-Z][\w.'’-]*|[a-z][\w-]*\.[a-z]{2,6}))*$"
)
_PLACE = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
_DATELINE_LINE = re.compile(
    rf"^(?P<place>{_PLACE})(?:\s*,\s*(?P<extra>[^/()]{{1,40}}?))?\s*(?:/\s*(?P<agency>[^/()]"
    r"{2,30}?)|\((?P<agency2>[^()]{2,30})\))\s*[-–—:]*\s*$"
)
_CAPS_DATELINE_LINE = re.compile(r"^(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,3})\s*[–—-]+$")
_BYLINE_CUE = re.compile(
    r"^[(\[]?\s*(?:by|written by|words by|story by|reported by|posted by|text by|author)\s*:?\s+"
    r"(?P<names>[^()]+?)\s*[)\]]?\s*$",
    re.IGNORECASE,
)
# The date often shares the byline line: "By Jane Roe | 12 March 2024", "By Jane Roe on March 12".
_BYLINE_DATE = re.compile(
    r"(?:\s+on\s+|\s*[|,–—-]\s*|\s+)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$",
    re.IGNORECASE,
)
_STAFF_CREDIT = re.compile(
    r"^[(\[]?\s*(?:additional |further )?(?:(?P<role>reporting|writing|editing|compiled|research|"
    r"translated|translation|edited|produced)(?: and \w+)?\s+by\b|(?P<role2>editor|editing|"
    r"reporter|reporting|translator)\s*:)(?P<names>.*?)[)\]]?\s*\.?$",
    re.IGNORECASE,
)
# Staff roles that name the article's authors (an editor or translator is not its byline).
_CONTRIBUTED = re.compile(r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?$", re.I)
_AUTHOR_ROLES = frozenset(["reporting", "writing", "compiled", "research", "reporter"])
# "EPA/JANE ROE", "REUTERS/John Doe": only trusted when the left part is a known agency.
_SLASH_CREDIT = re.compile(
    r"(?<![\w/])(?P<who>[A-Z]{2,}[A-Za-z-]*\s*/\s*[A-Z][\w.]*(?:[ -][A-Z][\w.]*){0,3})\s*\.?\s*$"
)
_CAPTION_TAIL = [
    re.compile(
        r"(?:^|[\s.(])(?:credit|credits|photo|photos|photograph|image|images|picture|pic|ảnh|"
        r"foto|source)\s*:\s*(?P<who>[^:]{1,60}?)\s*[.)]?\s*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"\((?:photo|image|picture|credit|file photo|file)\s*:?\s*(?P<who>[^)]{1,60})\)\s*\.?\s*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"\((?P<who>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+(?:photo|photos|images?|pictures?)\b"
        r"[^)]{0,60}\)\s*\.?\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"©\s*(?P<who>[^©]{1,60}?)\s*\.?\s*$"),
    re.compile(
        r"[(\[](?:illustrative|illustration|archive|file)(?: photo| image| picture)?"
        r"(?P<who>)[)\]]\s*\.?\s*$",
        re.IGNORECASE,
    ),
    _SLASH_CREDIT,
    re.compile(
        r"(?:\b(?:photo|image|picture)\s*(?:by|courtesy(?: of)?)\s+)(?P<who>[^.]{1,60})\.?\s*$",
        re.IGNORECASE,
    ),
]
# An "updated" or "modified" stamp is not the publication date, so only these labels count.
_PUBLISHED_LABELS = frozenset(
    ["published", "posted", "first published", "date", "dated", "created"]
)
# Agency captions describe the picture in the present tense and end with place and full date:
# "X speaks to reporters in Geneva, Switzerland, 12 March 2024." News sentences use the past.
_CAPTION_VERB = re.compile(
    r"\b(?:speaks|attends|arrives|gestures|looks on|walks|poses|listens|shakes hands|holds a|"
    r"delivers a|addresses|waves|stands|sits|reacts|smiles|greets|pose|are seen|is seen)\b"
)
_CAPTION_PLACE_DATE = re.compile(
    r"\bin [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*(?:, [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*)*,?\s+"
    r"(?:on\s+)?(?:\w+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+"
    r"\d{4})\.?$"
)
_PHOTO_ID = re.compile(r"^(?:[a-z]{2,5}\d{6,}\b|file(?: photo)?\s*[-–—:]\s)", re.IGNORECASE)
_ALT_TEXT = re.compile(r"\s[-–]\s*(?:ảnh|photo|image|hình|foto|picture|pic)\s*\d+\s*$", re.I)
_PHOTO_CUES = frozenset(
    ["credit", "credits", "photo", "photos", "image", "images", "picture", "pictures", "video"]
)


@dataclass
class Line:
    """One line of a document with its decision: kind, reason and the signal that fired."""

    line_no: int
    text: str
    kind: str = "body"
    reason: str | None = None
    signal: str | None = None

    @property
    def clean(self) -> str:
        """Return the line without surrounding whitespace (U+00A0 included)."""
        return self.text.strip()


@dataclass
class Evidence:
    """What boilerplate lines say about the article: credits, byline, dateline, dates."""

    text_credits: list[str] = field(default_factory=list)
    photo_credits: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    byline_dates: list[str] = field(default_factory=list)
    metadata_dates: list[str] = field(default_factory=list)


def _mark(line: Line, reason: str, signal: str) -> None:
    line.kind, line.reason, line.signal = "boilerplate", reason, signal


def count_words(text: str) -> int:
    """Return the number of words in `text`."""
    return len(WORD.findall(text))


def is_paragraph(text: str) -> bool:
    """Return whether `text` reads as a body paragraph: enough words and sentence punctuation."""
    return count_words(text) >= PARAGRAPH_WORDS and bool(SENTENCE_END.search(text + " "))


def is_headline(text: str) -> bool:
    """Return whether `text` is shaped like a headline: short, one unit, no closing full stop."""
    words = count_words(text)
    stripped = text.rstrip("\"'”’ ")
    return (
        2 <= words <= MAX_TITLE_WORDS
        and not stripped.endswith((".", ":", ","))
        and not _INTERNAL_SENTENCE.search(text)
    )


def _is_date_only(text: str) -> bool:
    rest = _DATE_TOKEN.sub(" ", text)
    return bool(_DIGIT.search(text)) and not WORD.search(rest)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip().casefold()


def _caption_credit(text: str) -> tuple[list[str], str] | None:
    """Return the credited names and the signal when `text` ends in a photo credit."""
    if _PHOTO_ID.match(text):
        tail = next((m for m in (p.search(text) for p in _CAPTION_TAIL) if m), None)
        return (split_credit(tail.group("who")) if tail else []), "photo id or file-photo prefix"
    if _ALT_TEXT.search(text):
        return [], "image alt text"
    if (
        count_words(text) <= 45
        and not _INTERNAL_SENTENCE.search(text)
        and not re.search(r"[“”\"]", text)
        and _CAPTION_VERB.search(" ".join(text.split()[:14]))
        and _CAPTION_PLACE_DATE.search(text)
    ):
        return [], "present-tense caption ending in place and date"
    for pattern in _CAPTION_TAIL:
        match = pattern.search(text)
        if not match:
            continue
        who = match.group("who")
        if pattern is _SLASH_CREDIT and not is_known_agency(re.split(r"\s*/", who)[0]):
            continue
        if not count_words(text[: match.start()]):
            continue
        return split_credit(who), "photo credit at end of line"
    return None


def _credit_line(text: str) -> tuple[list[str], bool] | None:
    """Return the credited names and whether they are photo credits for a credit-only line."""
    if count_words(text) > 10:
        return None
    bare = text.strip(" ()[]—–-.")
    if bare and (is_known_agency(bare) or re.fullmatch(r"[\w-]+\.[a-z]{2,6}", bare, re.I)):
        return [normalize_agency(bare)], False
    match = _CREDIT_LINE.match(text)
    if not match:
        if text.startswith("©") and not re.match(r"©\s*(?:19|20)\d\d", text):
            names = split_credit(text.lstrip("© "))
            return (names, True) if names else None
        return None
    cue, who = match.group("cue").lower(), match.group("who").strip()
    if cue == "agencies":
        return ["Agencies"], False
    # "Al Jazeera and news agencies", "inputs from agencies": the generic part names nobody.
    generic = _GENERIC_SOURCES.search(who)
    who = _GENERIC_SOURCES.sub("", who).strip(" ,&/")
    if generic and not who:
        return [], False
    who = re.sub(r"\s+(?:and|&)$", "", who)
    parts = [p for p in re.split(r"\s*(?:,|/|&|\band\b)\s*", who) if p]
    if not who or not (_CREDIT_WHO.match(who) or all(is_known_agency(p) for p in parts)):
        return None
    weak_cue = cue in ("with", "via", "—", "–", "-")
    if weak_cue and not all(is_agency_code(p) for p in parts):
        # "With Norway and Sweden" is a crosshead and "- Odesa" a bullet; "With EFE and
        # Reuters" and "— AFP" name agencies.
        return None
    photo = cue.split()[0] in _PHOTO_CUES
    # After "Source:" or "According to" the value is a source by definition, whatever its shape.
    names = split_credit(who, keep_people=not photo and not weak_cue)
    if not names and photo and is_person_name(who):
        # "Photo: Jane Roe" credits a photographer: a credit line that names no outlet.
        return [], True
    if not names:
        return None
    return names, photo


def _segmented_metadata(text: str, evidence: Evidence) -> str | None:
    """Return the reason for a "Source: X | 2024-03-12 10:15 | Editor: Y" line and record it."""
    segments = [seg.strip() for seg in text.split("|") if seg.strip()]
    if len(segments) < 2:
        return None
    credits: list[str] = []
    dates: list[str] = []
    people: list[str] = []
    staff_seen = False
    for segment in segments:
        credit = _credit_line(segment)
        if credit:
            credits.extend(credit[0])
        elif _is_date_only(segment) or _TIMESTAMP_START.match(segment):
            dates.append(segment)
        elif _METADATA_LABEL.match(segment) and _is_date_only(
            _METADATA_LABEL.match(segment).group("rest")
        ):
            if _METADATA_LABEL.match(segment).group("label").lower() in _PUBLISHED_LABELS:
                dates.append(segment)
        elif _STAFF_CREDIT.match(segment) or _BYLINE_CUE.match(segment):
            named = _byline(segment)
            staff_seen = True
            people.extend(named[0] if named else [])
            credits.extend(named[1] if named else [])
        elif not credits and not people and is_person_name(segment):
            people.append(segment)
        else:
            return None
    if not (credits or people or staff_seen):
        # Date and time fields alone may be a site clock, not the article's own header.
        return None
    evidence.text_credits.extend(credits)
    if people:
        evidence.bylines.append(", ".join(people))
        evidence.byline_dates.extend(dates)
        return "byline"
    evidence.metadata_dates.extend(dates)
    return "metadata"


def _dateline_line(text: str) -> tuple[str, str] | None:
    caps = _CAPS_DATELINE_LINE.match(text)
    if caps and not is_known_agency(caps.group("place")):
        return caps.group("place"), ""
    match = _DATELINE_LINE.match(text)
    if not match:
        return None
    agency = (match.group("agency") or match.group("agency2") or "").strip()
    if not is_outlet_name(agency) or is_person_name(match.group("place")):
        return None
    if " " not in agency and not is_agency_code(agency):
        # "Moscow / Kyiv" pairs two places; an agency is known, an acronym or a domain.
        return None
    return match.group("place"), normalize_agency(agency)


def _byline(text: str) -> tuple[list[str], list[str]] | None:
    """Return (people, outlets) named by a byline-shaped line, or None."""
    cue = _BYLINE_CUE.match(text) or _STAFF_CREDIT.match(text)
    if cue:
        names = _BYLINE_DATE.sub("", cue.group("names"))
        names = re.sub(r"\s+in\s+[A-Z][\w .'-]*?(?=[,;)]|\band\b|$)", "", names)
        parts = [p.strip(" .") for p in re.split(r",|;|&|\band\b|\||\bfor\b", names)]
        staff = re.split(r";|\band\b\s+(?:editing|writing)", names)[0]
        people = [p for p in parts if is_person_name(p)]
        if cue.re is _STAFF_CREDIT:
            role = (cue.group("role") or cue.group("role2")).lower()
            people = [p for p in people if p in staff] if role in _AUTHOR_ROLES else []
            if not people and not [p for p in parts if p and not is_person_name(p)]:
                return [], []
        outlets = [normalize_agency(p) for p in parts if p and not is_person_name(p)]
        # A lone unknown word after "Editor:" is a surname, not an outlet.
        outlets = [o for o in outlets if is_outlet_name(o) and (" " in o or is_agency_code(o))]
        if people or outlets:
            return people, outlets
        return None
    parts = [p.strip() for p in re.split(r"\s*(?:\||,|/|\s[-–—]\s)\s*", text)]
    if len(parts) > 1 and is_person_name(parts[0]) and all(is_outlet_name(p) for p in parts[1:]):
        return [parts[0]], [normalize_agency(p) for p in parts[1:]]
    return None


def classify_lines(text: str, document_language: str = "en") -> tuple[list[Line], Evidence]:
    """Return every line of `text` with its body/title/boilerplate decision, and the evidence."""
    lines = [Line(i, raw.rstrip("\r")) for i, raw in enumerate(text.split("\n"))]
    for line in lines:
        if not line.clean:
            line.kind = "blank"
    content = [ln for ln in lines if ln.kind != "blank"]
    evidence = Evidence()
    _classify_by_content(content, evidence, document_language)
    _assign_title(content)
    _classify_by_position(content, evidence)
    return lines, evidence


def _classify_by_content(content: list[Line], evidence: Evidence, language: str) -> None:
    in_related = in_tags = False
    first = next((i for i, ln in enumerate(content) if is_paragraph(ln.clean)), len(content))
    for index, line in enumerate(content):
        text = line.clean.replace("\xa0", " ")
        words = count_words(text)
        if in_related:
            if is_paragraph(text) and not is_headline(text):
                in_related = False
            else:
                _mark(line, "related_block", "follows a related-news header")
                continue
        if _TAGS_HEADER.match(text):
            _mark(line, "metadata", "tag list header")
            in_related = False
            in_tags = index > first
            continue
        if in_tags:
            related_header = _RELATED.match(text)
            if words <= 12 and not SENTENCE_END.search(text + " ") and not related_header:
                _mark(line, "metadata", "follows a tag list header")
                continue
            in_tags = False
        related = _RELATED.match(text)
        if related and words <= 12 and not SENTENCE_END.search(text + " "):
            if index < first and not related.group("rest"):
                # "Latest" or "Featured" above the story labels a page section, and the
                # headline follows it: no block of links starts here.
                _mark(line, "navigation", "section label above the story")
                continue
            _mark(line, "related_block", "related-news cue")
            in_related = not related.group("rest")
            continue
        if not words:
            _mark(line, "navigation", "separator or symbol line")
            continue
        if words <= 20 and _LINK.search(text):
            _mark(line, "navigation", "link line")
            continue
        if words <= 40 and _FOOTER.search(text):
            _mark(line, "navigation", "copyright or site footer")
            continue
        label = _METADATA_LABEL.match(text)
        if label and words <= 14 and (_is_date_only(label.group("rest")) or ":" in text[:20]):
            _mark(line, "metadata", f"labelled '{label.group('label').lower()}'")
            if label.group("label").lower() in _PUBLISHED_LABELS:
                evidence.metadata_dates.append(label.group("rest"))
            continue
        if _METADATA_OTHER.match(text) or (
            words <= 8 and (_is_date_only(text) or _TIMESTAMP_START.match(text))
        ):
            _mark(line, "metadata", "date, time, tag or counter line")
            continue
        if words <= 12 and _is_garbled(text):
            _mark(line, "garbled", "identifier, mojibake or symbol run")
            continue
        if words <= 14 and _SHARE.match(text):
            _mark(line, "share_widget", "share or comment cue")
            continue
        dateline = _dateline_line(text)
        if dateline:
            _mark(line, "dateline", "place / agency line")
            evidence.datelines.append(dateline[0])
            if dateline[1]:
                evidence.text_credits.append(dateline[1])
            continue
        fields = _segmented_metadata(text, evidence) if "|" in text and words <= 24 else None
        if fields:
            _mark(line, fields, "source, byline, date or editor fields")
            continue
        if words <= 10 and (_NAVIGATION.match(text) or _breadcrumb(text)):
            _mark(line, "navigation", "navigation, footer or breadcrumb cue")
            continue
        credit = _credit_line(text)
        if credit:
            names, photo = credit
            _mark(line, "credit", "photo credit line" if photo else "source credit line")
            (evidence.photo_credits if photo else evidence.text_credits).extend(names)
            continue
        if words <= 30 and _CONTRIBUTED.search(text):
            _mark(line, "byline", "contributor note")
            continue
        staff = words <= 40 and _STAFF_CREDIT.match(text)
        byline = _byline(text) if words <= 14 or staff else None
        if byline:
            _mark(line, "byline", "byline cue or name with outlet")
            if byline[0]:
                evidence.bylines.append(", ".join(byline[0]))
                evidence.byline_dates.append(text)
            evidence.text_credits.extend(byline[1])
            continue
        caption = _caption_credit(text) if words <= MAX_CAPTION_WORDS else None
        if caption:
            names, signal = caption
            _mark(line, "caption", signal)
            evidence.photo_credits.extend(names)
            continue
        if language == "en" and words >= 3:
            lang = identify_language(text)
            if lang not in ("en", UNDETERMINED):
                _mark(line, "non_english", f"language '{lang}'")


def _is_garbled(text: str) -> bool:
    if _GARBLED.search(text):
        return True
    visible = len(text) - len(re.findall(r"\s", text))
    letters = len(re.findall(r"[^\W\d_]", text))
    return visible >= 6 and letters / visible < 0.3 and not _is_date_only(text)


def _breadcrumb(text: str) -> bool:
    if not _BREADCRUMB.match(text) or SENTENCE_END.search(text + " "):
        return False
    parts = re.split(r"\s*(?:>|»|›|/|\|)\s*", text)
    # "Headline | Site" and "Place / Agency" have two parts; a path of sections has arrows or more.
    arrows = bool(re.search(r"[>»›]", text))
    return (arrows or len(parts) >= 3) and all(1 <= count_words(p) <= 4 for p in parts)


def _assign_title(content: list[Line]) -> None:
    for line in content[:8]:
        if line.kind == "boilerplate":
            continue
        # One- and two-word lines above the story are section labels ("World", "Asia").
        if count_words(line.clean) <= 2 and not is_paragraph(line.clean):
            continue
        if is_headline(line.clean):
            line.kind, line.reason, line.signal = "title", "title", "first headline-shaped line"
        return


def _classify_by_position(content: list[Line], evidence: Evidence) -> None:
    paragraphs = [i for i, ln in enumerate(content) if ln.kind == "body" and is_paragraph(ln.clean)]
    first = paragraphs[0] if paragraphs else len(content)
    last = paragraphs[-1] if paragraphs else -1
    seen: dict[str, Line] = {}
    # Sentences of the body so far, so a line that repeats them is found in one set lookup each.
    earlier_sentences: set[str] = set()
    for index, line in enumerate(content):
        key = _normalise(line.clean)
        if line.kind == "body":
            earlier = seen.get(key)
            top_or_tail = index < first or index > last
            if earlier is not None:
                if earlier.kind == "boilerplate":
                    _mark(
                        line, earlier.reason or "duplicate", "repeats an earlier boilerplate line"
                    )
                else:
                    _mark(line, "duplicate", f"repeats line {earlier.line_no}")
            elif count_words(key) >= 8 and all(
                s in earlier_sentences for s in _split_sentences(key)
            ):
                _mark(line, "duplicate", "contained in an earlier paragraph")
            elif top_or_tail and is_person_name(line.clean.replace("\xa0", " ")):
                _mark(line, "byline", "name-only line outside the paragraphs")
                evidence.bylines.append(line.clean)
            elif (
                index > last
                and not SENTENCE_END.search(line.clean + " ")
                and count_words(line.clean) <= 8
                and not _BULLET.match(line.clean)
            ):
                _mark(line, "navigation", "short line after the last paragraph")
            elif index < first and count_words(line.clean) <= 2 and index < len(content) - 1:
                _mark(line, "navigation", "short label before the first paragraph")
        seen.setdefault(key, line)
        if line.kind == "body":
            earlier_sentences.update(_split_sentences(key))


def _split_sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_SPLIT.split(text) if part]
