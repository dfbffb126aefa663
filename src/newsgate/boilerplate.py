"""Line classification: every line of a scraped document is title, body or boilerplate.

Each boilerplate line carries a reason (caption, credit, dateline, byline, share_widget,
related_block, navigation, non_english, metadata, garbled, duplicate, pull_quote) and the signal
that fired. The rules use general evidence only: cue words (data/article_cues.json and the
patterns below), a line's shape (length, sentence punctuation, capitalisation, stop-word
density), its position relative to the headline and the paragraphs, the language of its words,
repetition within the page and across the pages of a corpus, and the headline's shared words
with the lead: the headline is the line the lead paragraph is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsgate.credits import (
    article_cues,
    author_box_outlet,
    byline_credit,
    caption_credit,
    contributor_credits,
    credit_line,
    credited_form,
    find_outlet,
    first_ran,
    footer_owner,
    has_byline_cue,
    is_agency_code,
    is_known_outlet,
    is_outlet_name,
    is_person_name,
    is_staff_credit,
    opens_with_photo_id,
    read_more_source,
)
from newsgate.language import (
    ENGLISH_STOPWORDS,
    UNDETERMINED,
    WORD,
    count_words,
    identify_language,
)
from newsgate.line_model import in_scope, load_model, page_features, score
from newsgate.stamps import MARKER, stamp_date
from newsgate.wrapping import wrapped_paragraphs

SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")
_BULLET = re.compile(r"^(?:[-•*▪–]|\d{1,2}[.)])\s")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_INTERNAL_SENTENCE = re.compile(r"[a-z0-9)”\"’]{2}[.!?]\s+[A-Z“\"‘]")
# the word before a full stop: "Calif." in "Protesters arrested in Calif. capitol"
_WORD_BEFORE_STOP = re.compile(r"([^\W\d_]+)\.$")
PARAGRAPH_WORDS = 15
MAX_TITLE_WORDS = 25
MAX_CAPTION_WORDS = 80
# Lines that recur in this many documents of a corpus are site furniture, not story text.
CORPUS_REPEAT_DOCS = 3
CORPUS_REPEAT_MAX_WORDS = 12

_SHARE = re.compile(
    r"^(?:leave a (?:reply|comment)|send this to a friend|share(?: this)?(?: (?:article|story|"
    r"post|page))?(?: (?:on|via) [\w ]+)?|tweet(?: this)?|print(?: this)?(?: article)?|e-?mail"
    r"(?: this)?(?: article)?|\d*\s*comments?(?:\s*\(\d+\))?|post comment|cancel reply|add a comment|"
    r"your email address will not be published.*|required fields are marked.*|"
    r"(?:follow|like) us(?: on .*)?|copy link|whatsapp|facebook|twitter|linkedin|telegram|"
    r"pinterest|reddit|(?:facebook|twitter|linkedin|whatsapp|email|telegram|x)(?:[\s|,/]+"
    r"(?:facebook|twitter|linkedin|whatsapp|email|telegram|x|pinterest|reddit))+)[.:!]?$",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(
    r"^(?:home|menu|search|log ?in|log ?out|sign ?in|sign ?up|register|my account|subscribe"
    r"(?: now| to .*)?|skip to (?:main )?content|back to top|top|next(?: article| story| post)?|"
    r"previous(?: article| story| post)?|close|[x×✕]|advertisement(?:\s*[-–—:|]\s*\w+(?: \w+){0,3})?|"
    r"advertising|sponsored|(?:a\s*[+-]?\s*){2,3}"
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
    r"editor'?s picks?|further reading|suggested reading|other news|hot news|in other news|"
    r"also in the news|don'?t miss|read the full (?:story|article)(?: here)?|"
    r"(?:watch|video|listen|gallery|in pictures|read|more|see)(?=\s*[:|]))"
    r"\s*[:>»|]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_METADATA_LABEL = re.compile(
    # "Page last updated at …": the page's own stamp (an older news-site form)
    r"^(?:page\s+)?(?P<label>published|posted|updated|last updated|last modified|first published|"
    r"first posted|originally published|(?:original )?publication date|publish(?:ed)? date|"
    r"date published|modified|date|dated|created)(?:\s+(?:on|at))?\s*[:|–-]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# "12 March 2024 10:15 | Published", "March 12, 2024 (updated)": the label after its date
_TRAILING_DATE_LABEL = re.compile(
    r"^(?P<rest>.*?\d.*?)\s*[|•·,–-]?\s*[(\[]?(?P<label>published|posted|updated|last updated|"
    r"last modified|modified)(?:\s+on)?[)\]]?\s*:?$",
    re.IGNORECASE,
)
# "Issue 08, February 20, 2011", "Vol. 12, Issue 3 | March 2, 2024": a print issue's number and
# date, which is the date the issue (and the story in it) was published
_ISSUE_STAMP = re.compile(
    r"^(?:vol(?:ume)?\.?\s*\d+\s*[,|•·–-]?\s*)?(?:issue|edition)\s*(?:no\.?\s*)?\d+\s*"
    r"[,|•·:–-]\s*(?P<rest>.*\d.*)$",
    re.IGNORECASE,
)
# "Posted on March 12, 2024 by Jane Roe", "Last updated on 12 March 2024 by Jane Roe"
_DATED_BYLINE = re.compile(
    r"^(?:(?P<label>published|posted|updated|last updated|modified)(?:\s+(?:on|at))?\s*[:|–-]?\s*)?"
    r"(?P<date>.*?\d.*?)\s*[,|•·–-]?\s+by\s+(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3})\s*$",
    re.IGNORECASE,
)
# "… | Published: March 12, 2024" inside an "Updated: …" line
_PUBLISHED_LABEL_INSIDE = re.compile(
    r"\b(?:first |originally )?(?:published|posted)(?:\s+(?:on|at))?\s*[:|–-]?\s*(?P<rest>.*\d.*)$",
    re.IGNORECASE,
)
_TAGS_HEADER = re.compile(r"^(?:tags?|topics?|keywords?|labels?|categories)\s*:?$", re.I)
_METADATA_OTHER = re.compile(
    # "Updated 2 hours ago", "Just now": a relative stamp, which dates nothing
    r"^(?:(?:(?:updated|posted|published|last updated)\s*:?\s*)?(?:\d+|an?|one)\s+(?:seconds?|"
    r"minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|just now|"
    r"(?:tags?|topics?|keywords?|categor(?:y|ies)|section|filed under|labels?)\s*:.*|"
    r"\d+\s*(?:min|minute)s?\s+read(?:ing)?|reading time\s*:?.*|(?:views?|hits|reads)\s*:?\s*[\d,.]+)$",
    re.IGNORECASE,
)
_DATE_TOKEN = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|"
    r"wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|gmt|utc|ict|"
    r"cet|cest|est|edt|pst|bst|ist|msk|st|nd|rd|th|h|[a-z]{2,4}t|et|ct|mt|pt|uk|at)\b|"
    # ordinals and clock suffixes glued to the number ("07th", "1:21AM"), "a.m." and "p.m."
    r"(?<=\d)(?:st|nd|rd|th|am|pm|h)\b|\b[ap]\.m\.|[\d:/.,+\-–|()]+",
    re.IGNORECASE,
)
# time-zone abbreviations, which open some stamps ("GMT 09:10 2021 Friday ,4 June") and
# are no place
_TIME_ZONE = re.compile(
    r"GMT|UTC|BST|CET|CEST|EET|EEST|WET|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|HST|IST|PKT|"
    r"ICT|WIB|SGT|MYT|HKT|PHT|JST|KST|AEST|AEDT|ACST|AWST|NZST|NZDT|EAT|CAT|WAT|SAST|GST|AST|BDT|NPT",
    re.IGNORECASE,
)
# a time of day: "22:02", "9:53 a.m.", "1:21AM"
_TIME_OF_DAY = re.compile(r"\b[0-2]?\d:[0-5]\d\b")
_GARBLED = re.compile(r"\b[A-Z0-9]+_[A-Z0-9_]+\b|Ã[\x80-\xbf]|â€|�|\b[0-9a-f]{16,}\b")
# an image's file name ("storm coast_00012.jpg") left where the picture was
_IMAGE_FILE = re.compile(r"\S\.(?:jpe?g|png|gif|webp|bmp|tiff?)\s*$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_DOMAIN_ONLY = re.compile(r"[\w-]+\.[a-z]{2,6}", re.IGNORECASE)
_TIMESTAMP_START = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})[\sT,|]")
_LINK = re.compile(r"https?://|\bwww\.", re.IGNORECASE)
_FOOTER = re.compile(
    r"^(?:copyright\s*(?:©|\(c\)|(?:19|20)\d\d)|(?:©|\(c\))\s*(?:copyright\s*)?(?:19|20)\d\d|"
    r"[A-Z][\w&'’ .-]{1,60}?\s*(?:©|\(c\))\s*(?:19|20)\d\d\s*\.?$|"
    # "(c) Copyright Nordic Times 2024.", "© Nordic Times 2024": the owner before the year
    r"(?:(?:©|\(c\))\s*)?(?:copyright\s*)?(?:©|\(c\)|copyright)\s*[A-Z][\w&'’ .-]{1,60}?,?\s*"
    r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*\.?$|"
    r"our standards\b|this material "
    r"may not be\b)|\ball rights reserved\b",
    re.IGNORECASE,
)
_PLACE = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
_DATELINE_LINE = re.compile(
    rf"^(?P<place>{_PLACE})(?:\s*,\s*(?P<extra>[^/()•|·]{{1,40}}?))?\s*(?:[/•|·]\s*"
    r"(?P<agency>[^/()•|·]{2,30}?)|\((?P<agency2>[^()]{2,30})\))\s*[-–—:]*\s*$"
)
# "New Delhi - AFP", "PUTRAJAYA, Malaysia - Agence France-Presse": a dateline and a known agency
# parted by a dash, alone on a line
_DASHED_DATELINE_LINE = re.compile(
    rf"^(?P<place>{_PLACE})(?:\s*,\s*(?P<extra>[A-Z][\w'’. -]{{1,30}}?))?\s+[-–—]+\s+"
    r"(?P<agency>[A-Z][\w.&' -]{1,40}?)\s*$"
)
_CAPS_DATELINE_LINE = re.compile(r"^(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,3})\s*[–—-]+$")
# "CARTAGENA, COLOMBIA" or "KABUL, Afghanistan" alone on a line.
_PLACE_COUNTRY_LINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+){0,3}),\s*"
    r"(?P<country>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,3})\s*[-–—:]*$"
)
# "AFP, Beijing": a credit line that carries the dateline after the agency
_AGENCY_PLACE_LINE = re.compile(
    r"^(?P<agency>[A-Za-z][\w.&-]{1,20}),\s*(?P<place>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2})"
    r"\s*[-–—:]*$"
)
# "Jackson, Mississippi:" alone on a line: mixed case needs the dateline's closing colon or dash.
_PLACE_REGION_LINE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,3}),\s*"
    r"(?P<country>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,3})\s*[-–—:|•·]+$"
)
# A story opening with its dateline ("Chennai: The court …", "OSLO (Reuters) - …"): the lead, even
# with a photo credit glued to its end. Getty captions open "CITY, STATE - MONTH DAY:", not a lead.
_STORY_OPENING = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})(?:,\s*[^:–—()]{1,30}?)?\s*"
    r"(?:\([^()]{2,30}\)\s*)?(?:[:–—]|\s-)\s+(?P<next>[A-Z“\"‘][\w’']*)"
)
# "— Electoral Board (@board) May 2, 2024": the footer of an embedded social-media post
_EMBED_FOOTER = re.compile(r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s*[^()]{0,40}$")
# "Storm hits the coast 02:29", "02:20 - Source: CNN": a video player's title and duration
_VIDEO_DURATION = re.compile(
    r"^(?P<title>.*?)\s*(?<![\d:])\d{1,2}:[0-5]\d(?![\d:])"
    r"(?:\s*[-–—|]\s*source\s*:\s*(?P<who>.{1,40}))?\s*$",
    re.IGNORECASE,
)
# "…, above" or "(pictured)": the position words that close a caption
_CAPTION_POSITION_END = re.compile(
    r"(?:,\s*(?:above|below|left|right|centre|center|top|bottom|pictured|inset)|"
    r"\((?:pictured|above|below|inset)\))\s*\.?$",
    re.IGNORECASE,
)
# "Jane Roe, right, poses with John Doe, center, …": AP caption style names who stands where
_INLINE_POSITION = re.compile(
    r",\s*(?:(?:second|third|2nd|3rd|far)\s+)?(?:left|right|center|centre|front|rear|back|top|"
    r"bottom|foreground|background)\s*,"
)
# "More from Reuters": the section of a syndicated wire's stories
_MORE_FROM = re.compile(r"^more (?:from|by)\s+(?P<who>[A-Z][\w.&' -]{1,40}?)\s*[:>»]?$", re.I)
# "| Twitter/@jane_roe", "(Photo: Instagram/@jane)": a picture's credit to a social account
_HANDLE_CREDIT_END = re.compile(
    r"(?:\||\()\s*(?:(?:photo|image|picture|video)\s*:\s*)?(?:twitter|x|instagram|facebook|"
    r"tiktok|youtube|threads)\s*/\s*@[\w.]{1,30}\s*\)?\s*$",
    re.IGNORECASE,
)
# "… on Channel 7 or stream it free >>": a call to follow a link
_LINK_ARROW_END = re.compile(r"\s(?:>>|»|›)\s*$")
# "16x9 Image", "4:3 Video": an image or player widget's aspect-ratio label
_ASPECT_LABEL = re.compile(
    r"^\W*\d{1,2}\s*[x×:]\s*\d{1,2}\s+(?:image|photo|picture|video)s?\W*$", re.I
)
# "Cat nap: A porter rests …": a caption's short label before its colon
_CAPTION_LABEL = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,2}:\s+[A-Z“\"‘]")
# "… out of the flood. The Associated Press": a bare agency name closing a caption
_BARE_AGENCY_END = re.compile(
    r"[.!?]\s+(?P<who>(?:The\s)?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})\s*\.?\s*$"
)
# "… in Washington, DC. (AFP)", "… pose before the signing (AP)": a caption closed by its
# agency's name in brackets (the story's last line closed so credits the text instead)
_BRACKET_AGENCY_END = re.compile(
    r"\s\((?P<who>(?:The\s)?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})\)\s*\.?\s*$"
)
# "… next to the derailed carriages. — AFP": a caption closed by its agency after a dash
_DASH_AGENCY_END = re.compile(
    r"[.!?”\"’]?\s+[-–—]+\s*(?P<who>(?:The\s)?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})\s*\.?\s*$"
)
# a link teaser cut off with an ellipsis
_TEASER = re.compile(r"(?:\.\.\.|…)\s*$")
# "Headline one • Headline two • Headline three": a row of links printed as one line
_LIST_SEPARATOR = re.compile(r"\s*[•·▪◦]\s*")
# "… 07:39 AM • 27317 views": a teaser closed by its view or comment counter
_COUNTER_END = re.compile(
    r"(?:[•|·]\s*|\s)[\d,.]+\s*[km]?\s*(?:views?|reads|comments?|shares)\s*$", re.IGNORECASE
)
# "You are here: Home", "You are in: Business": a breadcrumb label with its trail
_TRAIL_LABEL = re.compile(r"^\s*you are (?:here|in)\s*:\s*(?P<trail>.*)$", re.IGNORECASE)
# "PHILADELPHIA Thu Jun 6, 2013 6:04pm EDT": a place in capitals stamped with its date
_CAPS_PLACE_STAMP = re.compile(
    r"^(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,3})(?:\s*,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
    r"\s*[,|–—-]?\s+(?P<stamp>(?:[A-Z][a-z]{2,8},?\s+)?[A-Z]?[\w.]*\s*\d.*)$"
)
# An "updated" or "modified" stamp is not the publication date, so only these labels count.
_PUBLISHED_LABELS = frozenset(
    [
        "published",
        "posted",
        "first published",
        "first posted",
        "originally published",
        "publication date",
        "original publication date",
        "publish date",
        "published date",
        "date published",
        "date",
        "dated",
        "created",
    ]
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A line that ends with a full date ("…, Nov 7, 2022." / "… on 20 April 2016."), the usual end of
# a photo caption, optionally followed by its credit.
_ENDS_WITH_FULL_DATE = re.compile(
    rf"(?:\b(?:on\s+)?(?:\w+day,?\s+)?(?:\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d\d|{_MONTH}\s+\d{{1,2}},?"
    r"\s+(?:19|20)\d\d))\s*\.?\s*(?:\([^()]{1,60}\)|[A-Z]{2,}[\w-]*\s*/\s*[^/]{1,40}|"
    r"(?:photo|credit|source)\s*:[^:]{1,60})?\s*\.?\s*$",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|according to|added|announced|reported|stated|declared)\b", re.I
)
_QUOTE_CHARS = re.compile(r"[“”\"]")
_PAST_TENSE = re.compile(r"\b(?:was|were|had|has|have|did|met|held|signed|agreed|took)\b")
_QUOTE_OPEN = "“\"‘'«„"
_DASH_START = re.compile(r"^[–—-]+\s*\S")
# Emoji and pictographs: site promos use them, news prose does not.
_PICTOGRAPH = re.compile(r"[\u2600-\u27bf\U0001f000-\U0001faff]")


@dataclass
class Line:
    """One line of a document with its decision: kind, reason and the signal that fired."""

    line_no: int
    text: str
    kind: str = "body"
    reason: str | None = None
    signal: str | None = None
    # the headline, when the title line carries a scraper marker or a site name besides it
    value: str | None = None
    # the first line's number of the hard-wrapped paragraph this line belongs to (None: the
    # line is a paragraph of its own)
    paragraph: int | None = None
    # the source lines of a hard-wrapped paragraph judged as one unit (empty for a source line)
    members: list[Line] = field(default_factory=list, repr=False)

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
    # "Updated: …" and "Last modified …" stamps: the article's date only when nothing else is
    updated_dates: list[str] = field(default_factory=list)
    # date lines under the headline and timestamps: the article's stamp (site clocks excluded)
    stamp_dates: list[str] = field(default_factory=list)
    # (content index, text) of every date-only line, decided once the headline is known
    date_lines: list[tuple[int, str]] = field(default_factory=list)
    # "This story was first published on 12 March 2024.": a closing line's publication date
    closing_dates: list[str] = field(default_factory=list)


def _mark(line: Line, reason: str, signal: str) -> None:
    line.kind, line.reason, line.signal = "boilerplate", reason, signal


def internal_sentence(text: str) -> bool:
    """Return whether `text` holds a sentence end followed by another sentence ("… rose. The …").

    A full stop after an abbreviation (`abbreviations` in data/article_cues.json: "Calif.",
    "Gov.", "Sept.") ends no sentence, so "Protesters arrested in Calif. capitol" is one unit.
    """
    for match in _INTERNAL_SENTENCE.finditer(text):
        stop = match.start() + 2
        word = _WORD_BEFORE_STOP.search(text, max(0, stop - 12), stop + 1)
        if text[stop] == "." and word and word.group(1) in _cue_set("abbreviations"):
            continue
        return True
    return False


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
        and not internal_sentence(text)
    )


def normalise_line(text: str) -> str:
    """Return a line folded for comparison: spaces collapsed, case folded."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip().casefold()


def _is_date_only(text: str) -> bool:
    rest = _DATE_TOKEN.sub(" ", text)
    return bool(_DIGIT.search(text)) and not WORD.search(rest)


@cache
def _cue_set(name: str) -> frozenset[str]:
    return frozenset(article_cues()[name])


@cache
def _cue_patterns(name: str) -> tuple[re.Pattern, re.Pattern]:
    """Return (long cues anywhere, short cues at the start) of cue list `name` as patterns."""
    cues = article_cues()[name]
    long = [re.escape(c) for c in cues if len(c.split()) >= 3]
    short = [re.escape(c) for c in cues if len(c.split()) < 3]
    return (
        re.compile("|".join(sorted(long, key=len, reverse=True)) or "(?!)"),
        re.compile(rf"^(?:{'|'.join(sorted(short, key=len, reverse=True)) or '(?!)'})(?:[ :]|$)"),
    )


def _folded_label(text: str) -> str:
    """Return a short line folded for a cue lookup: bullets and closing punctuation stripped."""
    return normalise_line(text).strip(" .:!?|»›>•▪*-–—")


def _cue_match(text: str, name: str) -> str | None:
    """Return the cue of list `name` that `text` carries: a long cue anywhere, a short one first."""
    folded = _folded_label(text)
    anywhere, start = _cue_patterns(name)
    found = anywhere.search(folded) or start.match(folded)
    return found.group(0).strip(" :") if found else None


def _opens_with_cue(text: str, name: str) -> str | None:
    """Return the cue of list `name` that opens `text` (whole words, case folded), or None."""
    folded = _folded_label(text).replace("’", "'")
    return next(
        (
            c
            for c in _cue_set(name)
            if folded.startswith(c) and not folded[len(c) : len(c) + 1].isalnum()
        ),
        None,
    )


@cache
def _caption_verb_pattern() -> re.Pattern:
    verbs = sorted(_cue_set("caption_verbs"), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(v) for v in verbs)})\b")


def _caption_credit(
    text: str, before_story: bool, closing: bool = False
) -> tuple[list[str], str] | None:
    """Return the credited names and the signal when `text` is a photo caption."""
    found = caption_credit(text)
    if found and not opens_story(text):
        return found
    if found:
        # the lead with a photo credit glued to its end stays body; the credit still counts
        return found[0], "lead"
    if _looks_like_caption(text, before_story):
        return [], "caption ending in a date or position, or a labelled caption"
    bare = (
        _BARE_AGENCY_END.search(text, max(0, len(text) - 80))
        or _BRACKET_AGENCY_END.search(text, max(0, len(text) - 80))
        or _DASH_AGENCY_END.search(text, max(0, len(text) - 80))
    )
    outlet = find_outlet(bare.group("who")) if bare else None
    # a caption describes the picture in the present tense ("Rescuers stand next to …"); a
    # paragraph closed by its agency's name without a caption verb is a lead or standfirst
    pictured = bool(_caption_verb_pattern().search(" ".join(WORD.findall(text)[:16])))
    if (
        outlet is None
        or outlet.kind not in ("agency", "photo_agency")
        or bare.group("who") in outlet.ambiguous
        or closing
    ):
        return None
    plain = not _QUOTE_CHARS.search(text) and not (
        bare.re is not _BARE_AGENCY_END and _REPORTING.search(text)
    )
    if plain and (pictured or (bare.re is not _DASH_AGENCY_END and not is_paragraph(text))):
        # "A farmer leads his pigs out of the flood. The Associated Press", "Rescuers stand
        # next to the carriages. — AFP": a caption closed by its agency's bare name (at the
        # story's end, "… on Friday. Reuters" credits the text)
        return [credited_form(bare.group("who"))], "caption ending in its agency's name"
    if bare.re is not _BARE_AGENCY_END and is_paragraph(text):
        # "An earthquake killed six villagers … (REUTERS)": a paragraph credited to its wire
        return [credited_form(bare.group("who"))], _CREDITED_PARAGRAPH
    return None


_CREDITED_PARAGRAPH = "paragraph closed by its agency's name"


def opens_story(text: str) -> bool:
    """Return whether `text` is a lead opening with its dateline ("Chennai: The court …").

    The place must be a place name, the opening must not be a Getty caption's date ("WASHINGTON,
    DC - JANUARY 20:") and the line must hold a complete sentence before anything glued to it.
    """
    match = _STORY_OPENING.match(headline_text(text))
    if not match or not is_place_name(match.group("place")):
        return False
    if re.fullmatch(_MONTH, match.group("next"), re.IGNORECASE):
        return False
    return is_paragraph(text) and bool(internal_sentence(text))


def _looks_like_caption(text: str, before_story: bool) -> bool:
    """Return whether `text` is an uncredited agency-style caption ending in its date."""
    words = count_words(text)
    # "This handout picture taken … shows …": an agency's caption opening says what it is,
    # however long the description runs
    limit = MAX_CAPTION_WORDS if _opens_with_cue(text, "caption_openers") else 50
    if words > limit or words < 6 or _QUOTE_CHARS.search(text) or internal_sentence(text):
        return False
    label = _CAPTION_LABEL.match(text)
    if (
        label
        # "UPDATE:", "WATCH:" in capitals flag a headline; a caption's label is in normal case
        and not text[: label.end()].split(":")[0].isupper()
        and not SENTENCE_END.search(text + " ")
        and not _REPORTING.search(text)
        and (
            _CAPTION_POSITION_END.search(text)
            or _caption_verb_pattern().search(" ".join(WORD.findall(text)[:16]))
        )
    ):
        # "Cat nap: A porter rests outside the station", "Idle: the depot, above"
        return True
    head = " ".join(WORD.findall(text)[:16])
    if not _REPORTING.search(text) and (
        _opens_with_cue(text, "caption_openers")
        or (_INLINE_POSITION.search(text) and _caption_verb_pattern().search(head))
    ):
        # "A picture taken on … shows …", "Jane Roe, right, poses with …": agency captions
        return True
    positioned = any(p in text for p in _cue_set("caption_positions"))
    if not (_ENDS_WITH_FULL_DATE.search(text) or positioned):
        return False
    if _REPORTING.search(text):
        return False
    if positioned:
        return True
    # caption verbs are lower case ("march"), dates are not ("March")
    present = bool(_caption_verb_pattern().search(head))
    # above the story, a sentence in the past tense ending in a date is a short lead, not a caption
    return present or (before_story and not _PAST_TENSE.search(text))


def _segmented_metadata(text: str, evidence: Evidence) -> str | None:
    """Return the reason for a "Source: X | 2024-03-12 10:15 | Editor: Y" line and record it."""
    segments = [seg.strip() for seg in re.split(r"\s*[|•·]\s*", text) if seg.strip()]
    if len(segments) < 2:
        return None
    credits: list[str] = []
    dates: list[str] = []
    updated: list[str] = []
    people: list[str] = []
    places: list[str] = []
    # short fields nothing here names ("FE Team"): allowed beside a labelled publication date
    unknown = 0
    labelled = False
    staff_seen = False
    for segment in segments:
        placed = _STAMP_AND_PLACE.match(segment)
        if placed and is_place_name(placed.group("place")):
            # "Updated 09:14 am IST - QUITO, Ecuador": the stamp, then the story's dateline
            places.append(placed.group("place"))
            segment = placed.group("stamp")
        credit = credit_line(segment)
        label = _METADATA_LABEL.match(segment)
        if credit and credit.photo:
            # "Caption | Jane Roe/AFP": a caption with its photo credit, not a header line
            return None
        if credit:
            credits.extend(credit.names)
        elif _is_date_only(segment) or _TIMESTAMP_START.match(segment):
            dates.append(segment)
        elif label and _is_date_only(label.group("rest")):
            if label.group("label").lower() in _PUBLISHED_LABELS:
                dates.append(segment)
                labelled = True
            else:
                updated.append(label.group("rest"))
        elif _METADATA_OTHER.match(segment):
            # "3 min read", "Tags: …" beside the byline and the date
            continue
        elif has_byline_cue(segment):
            named = byline_credit(segment)
            staff_seen = True
            people.extend(named[0] if named else [])
            credits.extend(named[1] if named else [])
        elif not credits and not people and is_person_name(segment):
            people.append(segment)
        elif people and " " in segment and is_outlet_name(segment):
            # "Jane Roe | The Nordic Times | 12 March 2024": the outlet beside its reporter
            credits.append(credited_form(segment))
        elif count_words(segment) <= 4 and not SENTENCE_END.search(segment + " "):
            unknown += 1
        else:
            return None
    if unknown and not (labelled and unknown == 1):
        return None
    if not (credits or people or staff_seen or places or labelled):
        # Date and time fields alone may be a site clock, not the article's own header.
        return None
    evidence.datelines.extend(places)
    evidence.text_credits.extend(credits)
    evidence.updated_dates.extend(updated)
    if people:
        evidence.bylines.append(", ".join(people))
        evidence.byline_dates.extend(dates)
        return "byline"
    evidence.metadata_dates.extend(dates)
    return "metadata"


# "09:14 am IST - QUITO, Ecuador": a stamp followed by the story's dateline in capitals
_STAMP_AND_PLACE = re.compile(
    r"^(?P<stamp>.*\d.*?)\s+[-–—]\s+(?P<place>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,2})"
    r"(?:,\s*[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})?\s*$"
)


@cache
def _place_index() -> dict[str, str]:
    from newsgate.nlp.gazetteer import surface_index

    return {
        form.casefold(): entry.label
        for form, entry in surface_index().items()
        if entry.label in ("GPE", "LOC")
    }


def is_known_place(name: str) -> bool:
    """Return whether `name` is a country or place of the gazetteer (any capitalisation)."""
    return name.strip(" ,.").casefold() in _place_index()


@cache
def _english_words() -> frozenset[str]:
    from newsgate.nlp.lexicon import common_words

    return common_words()


@cache
def _given_names() -> frozenset[str]:
    from newsgate.nlp.lexicon import given_names

    return frozenset(name.casefold() for name in given_names())


def is_byline_name(text: str) -> bool:
    """Return whether a line alone is a reporter's name: person-shaped, not a place, and not
    only English words ("Market Data", "Staff Report") unless it opens with a given name that is
    no English word ("Jane")."""
    if not is_person_name(text) or is_known_place(text):
        return False
    # "TODAY’S PAPER": a possessive is the English word it is formed from
    words = [re.sub(r"['’]s$", "", w.casefold()) for w in WORD.findall(text)]
    if words[0] in _given_names() and words[0] not in _english_words():
        return True
    return not all(w in _english_words() for w in words)


def is_dateline_place(name: str) -> bool:
    """Return whether a dateline's opening names a known place or a body the AP Stylebook lets
    stand alone as a dateline ("UNITED NATIONS")."""
    return is_known_place(name) or name.casefold() in _cue_set("dateline_bodies")


def is_place_name(name: str) -> bool:
    """Return whether `name` can be a dateline's place: a gazetteer place, or capitalised words
    none of which is an English word ("CHICO" is a town, "BREAKING" and "NATIONAL" are labels)."""
    name = name.strip(" ,.")
    if is_known_place(name):
        return True
    words = WORD.findall(name)
    return (
        bool(words)
        and all(w[:1].isupper() for w in words)
        and not any(w.casefold() in _english_words() for w in words)
    )


def _dateline_line(text: str) -> tuple[str, str] | None:
    caps = _CAPS_DATELINE_LINE.match(text)
    if caps and not is_known_outlet(caps.group("place")):
        return caps.group("place"), ""
    country = _PLACE_COUNTRY_LINE.match(text) or _PLACE_REGION_LINE.match(text)
    if (
        country
        and (is_known_place(country.group("country")) or is_known_place(country.group("place")))
        # "BBC NEWS, MIDDLE EAST": an outlet's credit and its section, no dateline
        and not is_known_outlet(country.group("place"))
    ):
        return country.group("place"), ""
    credit_first = _AGENCY_PLACE_LINE.match(text)
    if credit_first and is_known_place(credit_first.group("place")):
        # "Afp, Beijing": the agency's credit, then the dateline
        outlet = find_outlet(credit_first.group("agency"))
        if outlet is not None and credit_first.group("agency") not in outlet.ambiguous:
            return credit_first.group("place"), credited_form(credit_first.group("agency"))
    dashed = _DASHED_DATELINE_LINE.match(text)
    place = dashed.group("place") if dashed else ""
    if dashed and (is_known_place(place) or (is_place_name(place) and not is_person_name(place))):
        outlet = find_outlet(dashed.group("agency"))
        if outlet is not None and dashed.group("agency") not in outlet.ambiguous:
            return dashed.group("place"), credited_form(dashed.group("agency"))
    match = _DATELINE_LINE.match(text)
    if not match:
        return None
    agency = (match.group("agency") or match.group("agency2") or "").strip()
    if not is_outlet_name(agency) or is_person_name(match.group("place")):
        return None
    if not is_place_name(match.group("place")):
        # "Science/Nature" pairs two section names
        return None
    outlet = find_outlet(agency)
    if outlet is not None and agency in outlet.ambiguous:
        return None
    if " " not in agency and not is_agency_code(agency):
        # "Moscow / Kyiv" pairs two places; an agency is known, an acronym or a domain.
        return None
    if is_known_place(agency) and not is_known_outlet(agency):
        return None
    return match.group("place"), credited_form(agency)


def classify_lines(
    text: str,
    document_language: str = "en",
    common_lines: frozenset[str] = frozenset(),
    shape_model: bool = True,
) -> tuple[list[Line], Evidence]:
    """Return every line of `text` with its body/title/boilerplate decision, and the evidence.

    `common_lines` are normalised short lines found in many documents of the same corpus
    (site furniture); they are boilerplate wherever they occur outside the headline.
    `shape_model=False` leaves the line-shape model out (its build script measures the rules
    without it).
    """
    lines = [Line(i, raw.rstrip("\r")) for i, raw in enumerate(text.split("\n"))]
    for line in lines:
        if not line.clean:
            line.kind = "blank"
    # A hard-wrapped paragraph is judged as the paragraph it was cut from: one unit whose
    # decision every line of it takes (see newsgate.wrapping).
    source = [ln for ln in lines if ln.kind != "blank"]
    groups = wrapped_paragraphs([ln.text for ln in source])
    content = []
    for group in groups:
        members = [source[i] for i in group]
        if len(members) == 1:
            content.append(members[0])
            continue
        unit = Line(members[0].line_no, " ".join(m.clean for m in members))
        unit.members = members
        content.append(unit)
    evidence = Evidence()
    _classify_by_content(content, evidence, document_language)
    _mark_pull_quotes(content)
    _mark_field_block(content, evidence)
    title = _assign_title(content, evidence)
    for line in content:
        if line.kind == "body" and line.reason == _MEDIA_HEADLINE:
            # "Watch: another story" above the story that did not become its headline: a promo
            line.kind = "boilerplate"
            line.reason, line.signal = "related_block", "media label before another headline"
    _classify_by_position(content, evidence, title, common_lines)
    _decide_stamps(content, evidence, title)
    if shape_model:
        _mark_by_shape(content)
    _mark_furniture_lists(content)
    _mark_restated_captions(content)
    _keep_cut_off_ending(content)
    for line in content:
        marker = MARKER.match(line.clean)
        if marker and line.kind == "boilerplate":
            # a marker glued to a caption, credit or byline still dates the article
            evidence.metadata_dates.append(marker.group("date"))
    for unit in content:
        for member in unit.members:
            member.kind, member.reason, member.signal = unit.kind, unit.reason, unit.signal
            member.paragraph = unit.line_no
        if unit.members and unit.kind == "title":
            unit.members[0].value = unit.value or unit.clean
    return lines, evidence


# "Pubdate: Mon, 3 Jan 2005", "Author: Jane Roe": one field of a header of labelled fields
_FIELD = re.compile(r"^(?P<label>[A-Z][A-Za-z-]*(?: [A-Za-z-]+)?)\s*:(?:\s+(?P<value>\S.*))?$")
# a field that dates a later version of the page, or a visit, not its publication
_LATER_FIELD = re.compile(r"updat|modif|revis|expir|access|retriev|print", re.IGNORECASE)
# this many labelled lines in a row above the story make a header of fields
FIELD_BLOCK_LINES = 3


def _mark_field_block(content: list[Line], evidence: Evidence) -> None:
    # An archive or mailing-list copy opens with a header of labelled fields (a date, a source,
    # an author …), one per line: none of them is the headline, and a field holding only a date
    # is the page's stamp.
    first = next((i for i, ln in enumerate(content) if is_paragraph(ln.clean)), len(content))
    index = 0
    while index < first:
        end = index
        while end < first and _is_field(content[end].clean):
            end += 1
        if end - index < FIELD_BLOCK_LINES:
            index = end + 1
            continue
        for line in content[index:end]:
            field = _FIELD.match(line.clean)
            value = (field.group("value") or "") if field else ""
            dated = value and _is_date_only(value) and stamp_date(value)
            if dated and not _LATER_FIELD.search(field.group("label")):
                evidence.metadata_dates.append(value)
            if line.kind == "body":
                _mark(line, "metadata", "a field of the header of labelled fields")
        index = end


def _is_field(text: str) -> bool:
    return bool(_FIELD.match(text)) and count_words(text) <= 10


# an unfinished line restating this share of an earlier paragraph's words is its picture's caption
RESTATED_SHARE = 0.75
RESTATED_MIN_WORDS = 8


def _mark_restated_captions(content: list[Line]) -> None:
    # "Rescuers search the rubble for a second night – time is running out" under a paragraph
    # that said so: an unfinished line that restates an earlier paragraph is the caption of the
    # picture or video beside it (a story line either finishes its sentence or adds to it).
    paragraphs: list[set[str]] = []
    last = len(content) - 1
    for index, line in enumerate(content):
        if line.kind != "body":
            continue
        text = line.clean
        if is_paragraph(text):
            paragraphs.append(_stems(text))
            continue
        if (
            index == last
            or not paragraphs
            or count_words(text) < RESTATED_MIN_WORDS
            or SENTENCE_END.search(text + " ")
            or _QUOTE_CHARS.search(text)
        ):
            continue
        stems = _stems(text)
        if stems and max(len(stems & p) for p in paragraphs) >= RESTATED_SHARE * len(stems):
            _mark(line, "caption", "unfinished line restating an earlier paragraph")


# the signals of the rules that judge a line by its shape and place alone (no cue word)
_SHAPE_SIGNALS = ("short line after the last paragraph", "furniture-shaped line")
# a line that stops mid-sentence: after a comma, or on a lower-case word
_CUT_OFF = re.compile(r"(?:,|\b[a-z][\w'’-]*)\s*$")


def _keep_cut_off_ending(content: list[Line]) -> None:
    # A page whose text was cut off ends in the middle of a sentence ("Regarding the",
    # "The minister said,"): right under a story line, that last line is the story's, though
    # short; furniture closing a page is a label, a name or a finished phrase.
    if len(content) < 2:
        return
    last, before = content[-1], content[-2]
    if (
        last.kind == "boilerplate"
        and (last.signal or "").startswith(_SHAPE_SIGNALS)
        and before.kind == "body"
        and last.clean[:1].isupper()
        and _CUT_OFF.search(last.clean)
        and not SENTENCE_END.search(last.clean + " ")
    ):
        last.kind, last.reason, last.signal = "body", None, None


_SHAPE_PLACES = (
    ("before_title", "above the headline"),
    ("under_title", "under the headline"),
    ("between_paragraphs", "between the paragraphs"),
    ("after_story", "after the story"),
)


def _mark_furniture_lists(content: list[Line]) -> None:
    # "Sign in to unlock member benefits!" / "• Save stories" / "• Comment" / "Sign in": the
    # items of a bulleted list that stands between furniture lines and holds furniture are
    # furniture too (a list in the story is introduced and followed by story text)
    index = 0
    while index < len(content):
        if not _BULLET.match(content[index].clean):
            index += 1
            continue
        end = index
        while end + 1 < len(content) and _BULLET.match(content[end + 1].clean):
            end += 1
        run = content[index : end + 1]
        before = content[index - 1] if index else None
        after = content[end + 1] if end + 1 < len(content) else None
        bounded = all(
            ln is not None and ln.kind == "boilerplate" and ln.reason != "duplicate"
            for ln in (before, after)
        )
        if bounded and any(ln.kind == "boilerplate" for ln in run):
            for line in run:
                if line.kind == "body":
                    _mark(line, "navigation", "item of a list between furniture lines")
        index = end + 1


def _mark_by_shape(content: list[Line]) -> None:
    # A body line shaped like furniture (short, unfinished, title-cased, among furniture, …)
    # anywhere on the page, on a site no cue was written for: the line-shape model decides.
    if not any(ln.kind == "body" for ln in content):
        return
    texts = [ln.clean for ln in content]
    model = load_model()
    # the features of the lines the rules keep as body (the others are context only)
    candidates = [i for i, ln in enumerate(content) if ln.kind == "body"]
    rows = page_features(texts, kinds=[ln.kind for ln in content], only=set(candidates))
    for index, features in zip(candidates, rows, strict=True):
        line = content[index]
        if not model_decides(features, line.clean):
            continue
        p = score(features, model)
        if p >= model.threshold:
            place = next((say for key, say in _SHAPE_PLACES if features[key]), "in the story")
            _mark(
                line,
                "caption" if _caption_shaped(features) else "navigation",
                f"furniture-shaped line {place} (line-shape model {p:.2f})",
            )


_PLACE_LIST_SEPARATOR = re.compile(r"\s*(?:[/|,;&•·–—-]|\band\b)\s*")


def model_decides(features: dict[str, float], text: str) -> bool:
    """Return whether the line-shape model may decide a line: one in its scope (see
    `line_model.in_scope`) that is not made of place names only ("Moscow / Kyiv" between
    paragraphs is a crosshead or a dateline, which the rules decide)."""
    if not in_scope(features, text):
        return False
    parts = [p for p in _PLACE_LIST_SEPARATOR.split(text.strip(" .:")) if p]
    return not (parts and all(is_known_place(p) for p in parts))


def _caption_shaped(features: dict[str, float]) -> bool:
    # Inside the story a furniture line of words, not links or stamps, describes a picture
    # ("Rescuers search the rubble on Monday", "The minister, left, with her deputy"): a caption,
    # whose names the entity stage still reads.
    return (
        bool(features["between_paragraphs"] or features["under_title"])
        and not features["words_1_2"]
        and not any(features[k] for k in ("separator", "address", "clock", "ends_question"))
        and not features["second_person"]
    )


def _classify_by_content(content: list[Line], evidence: Evidence, language: str) -> None:
    in_related = in_tags = False
    first = next((i for i, ln in enumerate(content) if is_paragraph(ln.clean)), len(content))
    last_paragraph = max((i for i, ln in enumerate(content) if is_paragraph(ln.clean)), default=-1)
    for index, line in enumerate(content):
        text = line.clean.replace("\xa0", " ")
        words = count_words(text)
        marker = MARKER.match(text)
        if marker and text[marker.end() :].strip():
            # A marker glued to other text: the line is judged by what follows the marker.
            if _metadata_line(line, text, words, index, evidence):
                continue
            text = text[marker.end() :].strip()
            words = count_words(text)
        core = _without_widget_tail(text)
        if core != text:
            # "Xinhua, April 8, 2016 Adjust font size": the line is judged without its widget
            text, words = core, count_words(core)
        label = _CREDIT_LABEL.match(text)
        if label and index + 1 < len(content):
            # "Source:" alone, its value on the next line: the two lines are one credit line
            credit = credit_line(f"{label.group('label')}: {content[index + 1].clean}")
            if credit and (credit.names or not content[index + 1].clean[:1].islower()):
                _mark(line, "credit", "credit label over its value")
                _mark(content[index + 1], "credit", "the value of a credit label")
                photo = credit.photo or _in_media_block(content, index)
                (evidence.photo_credits if photo else evidence.text_credits).extend(credit.names)
                continue
        if line.kind == "boilerplate" and line.signal == "the value of a credit label":
            continue
        if in_related:
            # a link teaser cut off with an ellipsis does not end the block of links
            if is_paragraph(text) and not is_headline(text) and not _TEASER.search(text):
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
        if index < first and _media_headline(text):
            # "Watch: Storm floods villages" opens the page: the headline behind a media label
            # may be the story's own, which the headline pass decides
            line.reason = _MEDIA_HEADLINE
            continue
        source = read_more_source(text)
        ran = first_ran(text) if words <= 30 else None
        if source or ran:
            _mark(line, "credit", "read-more or first-published line naming the source")
            evidence.text_credits.extend(source or [])
            if ran and ran[1]:
                evidence.closing_dates.append(ran[1])
            continue
        related = _RELATED.match(text)
        if related and _is_related_line(text, related.group("rest"), words):
            if index < first and not related.group("rest"):
                # "Latest" or "Featured" above the story labels a page section, and the
                # headline follows it: no block of links starts here.
                _mark(line, "navigation", "section label above the story")
                wire = _MORE_FROM.match(text)
                outlet = find_outlet(wire.group("who")) if wire else None
                if outlet is not None and outlet.kind == "agency":
                    # "More from Reuters" over the story: a syndicated page files the wire's
                    # stories under the wire's name
                    evidence.text_credits.append(credited_form(wire.group("who")))
                continue
            _mark(line, "related_block", "related-news cue")
            in_related = not related.group("rest")
            continue
        if words <= 20 and _LINK.search(text):
            site = credit_line(text) if words <= 4 else None
            if site and site.names and not site.photo:
                # "www.nordictimes.com" alone: the page names its site by its address
                _mark(line, "credit", "the site's address")
                evidence.text_credits.extend(site.names)
                continue
            _mark(line, "navigation", "link line")
            continue
        if _link_row(text):
            _mark(line, "related_block", "row of headlines joined by bullets")
            continue
        if words <= 40 and _COUNTER_END.search(text) and not SENTENCE_END.search(text + " "):
            _mark(line, "related_block", "teaser closed by a view or comment counter")
            continue
        trail = _TRAIL_LABEL.match(text)
        if trail and count_words(trail.group("trail")) <= 8:
            _mark(line, "navigation", "breadcrumb label")
            continue
        stamped = _place_stamp(text)
        if stamped:
            _mark(line, "dateline", "place in capitals and its date stamp")
            if index < last_paragraph:
                # below the story such a line stamps another story of a list
                evidence.datelines.append(stamped[0])
                evidence.date_lines.append((index, stamped[1]))
            continue
        if words <= 40 and _FOOTER.search(text):
            _mark(line, "navigation", "copyright or site footer")
            owner = footer_owner(text)
            if owner:
                evidence.text_credits.append(owner)
            continue
        if _DURATION.match(text) and _labelled_video_title(content, index):
            continue
        if _metadata_line(line, text, words, index, evidence):
            continue
        if _video_line(content, index, text):
            continue
        if words <= 20 and _EMBED_FOOTER.match(text):
            _mark(line, "credit", "footer of an embedded social-media post")
            continue
        if not words:
            _mark(line, "navigation", "separator or symbol line")
            continue
        if words <= 12 and _is_garbled(text):
            _mark(line, "garbled", "identifier, mojibake or symbol run")
            continue
        if words <= 14 and _SHARE.match(text):
            _mark(line, "share_widget", "share or comment cue")
            continue
        if words <= 6 and _folded_label(text) in _cue_set("widgets"):
            _mark(line, "share_widget", "page widget label")
            continue
        if 2 <= words <= 8 and all(
            w.casefold() in _cue_set("widget_words") for w in WORD.findall(text)
        ):
            _mark(line, "share_widget", "row of widget buttons")
            continue
        if _furniture(line, text, words):
            continue
        dateline = _dateline_line(text)
        if dateline:
            _mark(line, "dateline", "place / agency line")
            evidence.datelines.append(dateline[0])
            if dateline[1]:
                evidence.text_credits.append(dateline[1])
            continue
        multi = "|" in text or "•" in text or "·" in text
        fields = _segmented_metadata(text, evidence) if multi and words <= 24 else None
        if fields:
            _mark(line, fields, "source, byline, date or editor fields")
            continue
        if words <= 10 and (
            _NAVIGATION.match(text) or (_breadcrumb(text) and not caption_credit(text))
        ):
            _mark(line, "navigation", "navigation, footer or breadcrumb cue")
            continue
        boxed = author_box_outlet(text) if index > last_paragraph else None
        if boxed:
            # "VOA News" alone below the story: the author box crediting the text
            _mark(line, "credit", _AUTHOR_BOX)
            evidence.text_credits.append(boxed)
            continue
        credit = credit_line(text)
        if credit and index < first and _DOMAIN_ONLY.fullmatch(text.strip()):
            # "NordicTimes.com" alone above the story: the site's logo, which credits nothing
            _mark(line, "navigation", "the site's name above the story")
            continue
        if credit:
            # "Source: Nordic TV" under a video's label, title or duration credits the video, not
            # the text: a media credit, like a photo's
            media = credit.photo or _in_media_block(content, index)
            _mark(line, "credit", "photo or media credit line" if media else "source credit line")
            (evidence.photo_credits if media else evidence.text_credits).extend(credit.names)
            if credit.stamp:
                evidence.metadata_dates.append(credit.stamp)
            continue
        contributors = contributor_credits(text) if words <= 30 else None
        if contributors is not None:
            _mark(line, "byline", "contributor note")
            evidence.text_credits.extend(contributors)
            continue
        staff = words <= 40 and is_staff_credit(text)
        byline = byline_credit(text) if words <= 14 or staff else None
        if byline:
            _mark(line, "byline", "byline cue or name with outlet")
            if byline[0]:
                evidence.bylines.append(", ".join(byline[0]))
                evidence.byline_dates.append(text)
                # "Jane Roe, Abuja": the reporter and the place the story was filed from
                filed = text.rsplit(",", 1)[-1].strip(" .") if "," in text else ""
                if filed and count_words(filed) <= 3 and is_known_place(filed):
                    evidence.datelines.append(filed)
            evidence.text_credits.extend(byline[1])
            continue
        if words <= MAX_CAPTION_WORDS and _HANDLE_CREDIT_END.search(text):
            # "… under the grip of floods | Twitter/@jane_roe": a picture credited to the
            # social-media account it was taken from
            _mark(line, "caption", "caption credited to a social-media account")
            continue
        long_ok = words <= MAX_CAPTION_WORDS or opens_with_photo_id(text)
        # the story's last paragraph (links and widgets may follow it) closes the text
        closing = index >= len(content) - 2 or index >= last_paragraph
        caption = _caption_credit(text, index < first, closing) if long_ok else None
        if caption:
            names, signal = caption
            if signal == _CREDITED_PARAGRAPH:
                evidence.text_credits.extend(names)
                continue
            evidence.photo_credits.extend(names)
            if signal != "lead":
                _mark(line, "caption", signal)
            continue
        if language == "en" and words >= 3:
            lang = identify_language(text)
            if lang not in ("en", UNDETERMINED):
                _mark(line, "non_english", f"language '{lang}'")


_MEDIA_HEADLINE = "media label and headline"
_LABEL_SEPARATOR = re.compile(r"^\s*[:|–—-]\s*")


_DURATION = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:[0-5]\d\s*$")
# "Source:", "Photo:" alone on a line: a label whose value the next line holds
_CREDIT_LABEL = re.compile(
    r"^(?P<label>sources?|credits?|photos?|images?|text|via|courtesy)\s*:$", re.IGNORECASE
)


def _is_media_label(text: str) -> bool:
    """Return whether a line is a video or audio player's label or duration ("Video", "01:22")."""
    folded = _folded_label(text)
    if _DURATION.match(text) or folded in _cue_set("media_labels"):
        return True
    return folded in _cue_set("widgets") and bool(re.search(r"video|audio|watch|listen", folded))


def _in_media_block(content: list[Line], index: int) -> bool:
    """Return whether a line stands in a media player's block: a player label or duration within
    the three lines above it, with no paragraph between."""
    for line in reversed(content[max(0, index - 3) : index]):
        if _is_media_label(line.clean):
            return True
        if is_paragraph(line.clean):
            return False
    return False


def _media_label(text: str) -> str | None:
    """Return the part of a line after a media label glued before it ("Watch: Headline",
    "LIVE | Headline"), or None when no media label opens the line."""
    label = _opens_with_cue(text, "media_labels")
    rest = text.strip()[len(label) :] if label else ""
    separator = _LABEL_SEPARATOR.match(rest)
    return rest[separator.end() :].strip() if separator else None


def _media_headline(text: str) -> bool:
    """Return whether a line is a headline behind a media label ("Watch: Storm floods villages")."""
    rest = _media_label(text)
    return bool(rest) and count_words(rest) >= 4 and is_headline(rest)


def _video_line(content: list[Line], index: int, text: str) -> bool:
    """Mark a video player's duration line and the video title above it; return whether marked.

    "Storm hits the coast 02:29" under "Storm hits the coast", or "02:20 - Source: CNN" under a
    headline-shaped line: the line above is the video's title, not the article's headline.
    """
    video = _VIDEO_DURATION.match(text) if ":" in text else None
    if not video:
        return False
    title = (video.group("title") or "").strip()
    if not title and not video.group("who"):
        return _labelled_video_title(content, index)
    if title and (not is_headline(title) or _is_date_only(title)):
        return False
    previous = content[index - 1] if index else None
    above = previous.clean if previous is not None and previous.kind == "body" else ""
    if title and normalise_line(above) != normalise_line(title):
        return False
    if not title and not (above and is_headline(above) and not SENTENCE_END.search(above + " ")):
        return False
    _mark(content[index], "navigation", "video player title and duration")
    if previous is not None and above:
        _mark(previous, "navigation", "video title above its duration")
    return True


def _labelled_video_title(content: list[Line], index: int) -> bool:
    """Mark a bare duration ("01:22") and the video title above it when a media label ("Video")
    stands above the title; return whether marked."""
    if index < 2 or content[index - 1].kind != "body":
        return False
    title = content[index - 1].clean
    if not is_headline(title) or SENTENCE_END.search(title + " "):
        return False
    if not _is_media_label(content[index - 2].clean):
        return False
    _mark(content[index], "navigation", "video player duration")
    _mark(content[index - 1], "navigation", "video title under a media label")
    return True


def _is_related_line(text: str, rest: str, words: int) -> bool:
    """Return whether a line opening with a related-news cue is a link line, not a sentence."""
    # "Read more: <headline>", "Also Read | <headline>": the cue labels the link after it
    labelled = bool(rest) and bool(re.match(r"^[^:|]{2,30}[:|]", text))
    if SENTENCE_END.search(text + " ") and not labelled:
        return False
    # "Read more: <a headline>" may carry a long headline; a bare cue is short.
    return words <= (28 if labelled else 12)


def _without_widget_tail(text: str) -> str:
    """Return a line without the widget label closing it ("… Adjust font size:", "… Share").

    Only a run of two or more widget words after text that is no sentence is cut off: a
    sentence ending "… on Facebook" stays whole.
    """
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", text))
    tail = len(words)
    while tail and words[tail - 1].group().casefold() in _cue_set("widget_words"):
        tail -= 1
    if tail == len(words) or tail == 0 or len(words) - tail < 2:
        return text
    head = text[: words[tail].start()].rstrip(" |·•:-–—")
    rest = text[words[tail].start() :]
    if SENTENCE_END.search(head + " ") or re.search(r"[.!?]", rest) or not head:
        return text
    if words[tail].group().casefold() in ("on", "this", "story", "article", "text", "link"):
        return text
    return head


def _link_row(text: str) -> bool:
    """Return whether a line is a row of three or more headlines joined by bullets."""
    parts = [p for p in _LIST_SEPARATOR.split(text) if p.strip()]
    if len(parts) < 3:
        return False
    shaped = [p for p in parts if 3 <= count_words(p) <= 25 and not internal_sentence(p)]
    return len(shaped) >= max(3, len(parts) - 1)


def _place_stamp(text: str) -> tuple[str, str] | None:
    """Return (place, stamp) of a line that is only a place in capitals and its date stamp."""
    match = _CAPS_PLACE_STAMP.match(text)
    if not match or count_words(text) > 12:
        return None
    stamp = match.group("stamp")
    dated = _TIME_OF_DAY.search(stamp) or re.search(r"(?:19|20)\d\d", stamp)
    if not _is_date_only(stamp) or not dated:
        return None
    place = match.group("place")
    if is_known_outlet(place) or not is_place_name(place) or _TIME_ZONE.fullmatch(place):
        return None
    return place, stamp


def _record_labelled_date(label: str, rest: str, evidence: Evidence) -> None:
    """Record the date of a labelled line: a publication label's date first, an "Updated" stamp
    only as the last resort (a later "| Published: …" on the same line is the publication)."""
    if label in _PUBLISHED_LABELS:
        evidence.metadata_dates.append(rest)
        return
    published = _PUBLISHED_LABEL_INSIDE.search(rest)
    if published:
        evidence.metadata_dates.append(published.group("rest"))
    else:
        evidence.updated_dates.append(rest)


def _metadata_line(line: Line, text: str, words: int, index: int, evidence: Evidence) -> bool:
    """Mark labelled dates, scraper markers, date-only lines and tag lines; return whether marked."""
    marker = MARKER.match(text)
    if marker:
        rest = text[marker.end() :].strip()
        if not rest:
            _mark(line, "metadata", "scraper date marker")
            evidence.metadata_dates.append(marker.group("date"))
            return True
        place = re.fullmatch(rf"(?P<place>{_PLACE})\s*[-–—:]*", rest)
        name = place.group("place") if place else ""
        if place and is_place_name(name):
            _mark(line, "dateline", "scraper date marker and dateline")
            evidence.metadata_dates.append(marker.group("date"))
            evidence.datelines.append(place.group("place"))
            return True
        if place and count_words(name) <= 2 and name[:1].isupper():
            # " date 2024-03-12 NATIONAL": the marker glued to a section label
            _mark(line, "metadata", "scraper date marker and section label")
            evidence.metadata_dates.append(marker.group("date"))
            return True
        # A marker glued to the headline or the lead: the line is judged by what follows it.
        return False
    dated = _DATED_BYLINE.match(text) if words <= 16 else None
    if dated and _is_date_only(dated.group("date")) and is_person_name(dated.group("name")):
        # "Posted on March 12, 2024 by Jane Roe", "12 March 2024 By Jane Roe"
        _mark(line, "byline", "date and byline")
        evidence.bylines.append(dated.group("name"))
        label = (dated.group("label") or "").lower()
        if label and label not in _PUBLISHED_LABELS:
            evidence.updated_dates.append(dated.group("date"))
        else:
            evidence.byline_dates.append(dated.group("date"))
        return True
    label = _METADATA_LABEL.match(text)
    if label and words <= 14 and (_is_date_only(label.group("rest")) or ":" in text[:20]):
        _mark(line, "metadata", f"labelled '{label.group('label').lower()}'")
        _record_labelled_date(label.group("label").lower(), label.group("rest"), evidence)
        return True
    trailing = _TRAILING_DATE_LABEL.match(text) if words <= 14 else None
    if trailing and _is_date_only(trailing.group("rest")):
        # "12 March 2024 10:15 | Published": the label after its date
        _mark(line, "metadata", f"labelled '{trailing.group('label').lower()}' after the date")
        _record_labelled_date(trailing.group("label").lower(), trailing.group("rest"), evidence)
        return True
    issue = _ISSUE_STAMP.match(text) if words <= 14 else None
    if issue and _is_date_only(issue.group("rest")):
        _mark(line, "metadata", "issue number and date")
        evidence.metadata_dates.append(issue.group("rest"))
        return True
    if _METADATA_OTHER.match(text):
        _mark(line, "metadata", "tag or counter line")
        return True
    if words <= 8 and (_is_date_only(text) or _TIMESTAMP_START.match(text)):
        _mark(line, "metadata", "date or time line")
        evidence.date_lines.append((index, text))
        return True
    if words <= 8 and _EMPTY_LABELS.fullmatch(text):
        # "Issued on: Modified:": a page template's field labels whose values were not kept
        _mark(line, "metadata", "field labels without values")
        return True
    stamp = _stamp_segments(text) if words <= 14 else None
    if stamp:
        # "March 9, 2024 / 3:10 PM / Updated 2 hours ago": the date and time, then how long
        # ago the page last changed
        _mark(line, "metadata", "date, time and relative stamp")
        evidence.date_lines.append((index, stamp))
        return True
    return False


_EMPTY_LABELS = re.compile(r"(?:[A-Z][\w'’ -]{0,25}?\s*:\s*){2,}")


def _stamp_segments(text: str) -> str | None:
    """Return the date and time of a line of stamp segments joined by slashes or bars (dates,
    times, relative stamps such as "Updated 2 hours ago"), or None."""
    segments = [seg for seg in re.split(r"\s+[/|•·]\s+", text) if seg.strip()]
    if len(segments) < 2:
        return None
    dated = [seg for seg in segments if _is_date_only(seg)]
    if not dated or len(dated) + sum(bool(_METADATA_OTHER.match(seg)) for seg in segments) < len(
        segments
    ):
        return None
    return " ".join(dated)


def _furniture(line: Line, text: str, words: int) -> bool:
    """Mark promo lines, login prompts and disclaimers; return whether marked."""
    if words > 60:
        return False
    for name, signal in (
        ("login_cues", "login or subscription prompt"),
        ("disclaimer_cues", "disclaimer or legal notice"),
        ("promo_cues", "promotion or newsletter cue"),
        ("player_cues", "media player or embed fallback"),
    ):
        cue = _cue_match(text, name)
        # a long line that reports or quotes someone is story text even with a cue's words in
        # it ("The union said nurses want terms and conditions …")
        told = words > 25 and bool(_REPORTING.search(text) or _QUOTE_CHARS.search(text))
        if cue and (words <= 25 or (len(cue.split()) >= 3 and not told)):
            _mark(line, "navigation", f"{signal} ('{cue}')")
            return True
    if words <= 25 and _LINK_ARROW_END.search(text):
        _mark(line, "navigation", "line closed by a link arrow")
        return True
    if _reader_appeal(text, words):
        _mark(line, "navigation", "appeal to the reader for money or sign-up")
        return True
    if _reader_address(text, words):
        _mark(line, "navigation", "promotion speaking to the reader")
        return True
    if _social_post(text, words):
        _mark(line, "navigation", "embedded social-media post")
        return True
    if _ASPECT_LABEL.match(text):
        _mark(line, "share_widget", "aspect-ratio label of an image or video widget")
        return True
    if _PICTOGRAPH.search(text) and not SENTENCE_END.search(text + " ") and words <= 30:
        _mark(line, "navigation", "pictograph promo line")
        return True
    return False


# the reader addressed, and the site speaking of itself
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|yours)\b", re.IGNORECASE)
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us|we're|ours)\b", re.IGNORECASE)
# "pic.twitter.com/…", "t.co/…", "instagram.com/p/…": the picture or post link of an embed
_POST_LINK = re.compile(
    r"(?:\bpic\.twitter\.com|\bt\.co|\binstagram\.com/(?:p|reel)|\btiktok\.com/@[\w.]+/video)/\w+",
    re.IGNORECASE,
)
_TAG_OR_HANDLE = re.compile(r"(?<![\w#@])[#@][^\W\d_][\w]*")


# "Keep our coverage free by …", "Please support us": a sentence that opens by asking
_APPEAL_IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s+)(?:please\s+)?(?:support|help|keep|join|donate|become|subscribe|consider)\b",
    re.IGNORECASE,
)


def _reader_appeal(text: str, words: int) -> bool:
    """Return whether a line appeals to the reader for money or sign-up: it speaks to the reader
    (you, your, or a sentence opening with a request: "Keep our coverage free by joining us")
    in the site's voice (we, our, us) with an appeal word, outside quotation marks."""
    if words > 70 or _QUOTE_CHARS.search(text):
        return False
    if not (_SECOND_PERSON.search(text) or _APPEAL_IMPERATIVE.search(text)):
        return False
    if not _FIRST_PLURAL.search(text):
        return False
    folded = " " + " ".join(WORD.findall(text.casefold())) + " "
    return any(f" {cue} " in folded for cue in _cue_set("appeal_words"))


# a sentence of the line: its first word and whether it asks a question
_SENTENCE_PART = re.compile(r"[^.!?]+[.!?]*")
# "Don't let …", "Never miss …": a negative imperative opening a sentence
# the words that follow a verb of `reader_imperatives` telling the reader to act (a preposition,
# a determiner or possessive of the thing offered, or a time adverb)
_IMPERATIVE_OBJECTS = frozenset(
    ["to", "for", "now", "today", "here", "the", "our", "your", "a", "an", "this", "and", "at"]
)
# "Q:", "Question:", "Jane Roe:" opening an interview's line
_SPEAKER_LABEL = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s*){1,3}:\s")
_NEGATIVE_IMPERATIVE = re.compile(r"(?:don['’]t|do not|never)\s+\w", re.IGNORECASE)


def _reader_address(text: str, words: int) -> bool:
    """Return whether a line is a promotion speaking to the reader in the imperative or asking
    the reader a question, outside quotation marks and reporting nobody: a sentence that opens
    with a subscription, registration or download verb ("Sign up for …"; `reader_imperatives`),
    or a line naming the reader (you, your) with a question ("Will you …?") or a negative
    imperative ("Don't let …") among its sentences. News narration speaks of third persons;
    it addresses the reader only inside a quotation or a report of what someone said."""
    if not 2 <= words <= 40 or _QUOTE_CHARS.search(text) or _REPORTING.search(text):
        return False
    if _SPEAKER_LABEL.match(text):
        # "Q: Will you run again?": an interview's question, printed under its speaker label
        return False
    sentences = [part.strip() for part in _SENTENCE_PART.findall(text) if part.strip()]
    verbs = _cue_set("reader_imperatives")
    for sentence in sentences:
        folded = " ".join(WORD.findall(sentence.casefold()))
        for verb in verbs:
            # the word after it shows the verb ("Download the app", not "Download speeds")
            after = (
                folded[len(verb) + 1 :].split(" ", 1)[0] if folded.startswith(f"{verb} ") else ""
            )
            if after in _IMPERATIVE_OBJECTS:
                return True
    if not _SECOND_PERSON.search(text):
        return False
    return any(
        sentence.endswith("?") or _NEGATIVE_IMPERATIVE.match(sentence) for sentence in sentences
    )


def _social_post(text: str, words: int) -> bool:
    """Return whether a line is an embedded social-media post's text: it carries the post's
    picture link, or hashtags and handles make up half of its words."""
    if words > 80:
        return False
    if _POST_LINK.search(text):
        return True
    tags = len(_TAG_OR_HANDLE.findall(text))
    return tags >= 2 and tags * 2 >= words


def _is_garbled(text: str) -> bool:
    if _GARBLED.search(text) or _IMAGE_FILE.search(text):
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


def _words_of(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _mark_pull_quotes(content: list[Line]) -> None:
    """Mark pull quotes (a quotation repeated from a longer body line) and their attribution.

    A pull quote keeps its quotation marks, or drops them while the body line quotes its words.
    """
    positions = [i for i, ln in enumerate(content) if ln.kind == "body"]
    joined = [f" {' '.join(_words_of(content[i].clean))} " for i in positions]
    # body lines that quote someone: where a pull quote without marks is found again
    quoting = [
        normalise_line(content[i].clean)
        for i in positions
        if _QUOTE_CHARS.search(content[i].clean) or any(m in content[i].clean for m in "‘'")
    ]
    # one text to search for a quotation's words after an opening mark (a mark never spans lines)
    quoting_text = "\n".join(quoting)
    for k, position in enumerate(positions):
        line = content[position]
        text = line.clean
        if not text or count_words(text) > 40:
            continue
        words = joined[k]
        signed = _SIGNED_QUOTE.match(text) if text[0] in _QUOTE_OPEN else None
        if signed:
            # "“We will rebuild” – Jane Roe": the quotation with its attribution on one line
            words = f" {' '.join(_words_of(signed.group('quote')))} "
        if len(words.split()) < 5:
            continue
        if text[0] in _QUOTE_OPEN:
            repeated = any(
                len(other) > len(words) and words in other
                for j, other in enumerate(joined)
                if j != k
            )
        else:
            key = normalise_line(text) if len(words.split()) >= 6 else ""
            repeated = bool(key) and any(mark + key in quoting_text for mark in "“\"‘'")
        if repeated:
            _mark(line, "pull_quote", "quotation repeated from a body line")
            nxt = content[position + 1] if position + 1 < len(content) else None
            if nxt is not None and nxt.kind == "body" and _attribution_line(nxt.clean):
                _mark(nxt, "pull_quote", "attribution of a pull quote")


_SIGNED_QUOTE = re.compile(r"^(?P<quote>[“\"‘'«„].{10,}?[”\"’'»])\s*[-–—]+\s*[A-Z][^“”\"]{1,60}$")


def _attribution_line(text: str) -> bool:
    """Return whether `text` credits a pull quote: "— Jane Roe" or "Jane Roe, Nordic Bank"."""
    if count_words(text) > 8 or SENTENCE_END.search(text + " "):
        return False
    return bool(_DASH_START.match(text)) or is_person_name(text.split(",")[0].strip())


_TITLE_STOP = frozenset(
    [*ENGLISH_STOPWORDS, "s", "after", "before", "amid", "over", "says", "say", "new", "more", "us"]
)


def _stems(text: str) -> set[str]:
    """Return the content-word stems of `text` (five-letter prefixes, stop words left out)."""
    out = set()
    for word in re.findall(r"[^\W_]+", text.replace("’", "'").casefold()):
        if word in _TITLE_STOP or (len(word) < 3 and not word.isdigit()):
            continue
        out.add(word[:5])
    return out


def headline_text(text: str) -> str:
    """Return a headline line without a glued scraper date marker or breadcrumb trail."""
    marker = MARKER.match(text)
    text = text[marker.end() :].strip() if marker else text.strip()
    label = _opens_with_cue(text, "reading_labels") if ":" in text[:30] else None
    if label:
        # "You're reading: Headline": a widget's label glued to the headline
        text = text[len(label) :].lstrip(" :")
    glued = _GLUED_IMAGE_LABEL.search(text)
    if glued and count_words(text[: glued.start()]) >= 4:
        # "Headline hinh anh 1The minister greets …": an image widget's label, then its caption,
        # glued after the headline by the scraper
        text = text[: glued.start()].strip()
    media = _media_label(text)
    if media and _media_headline(text):
        # "Watch: Headline", "LIVE | Headline": the media label is the player's, not the headline's
        text = media
    return _strip_breadcrumb(_undoubled(text))


def _undoubled(text: str) -> str:
    """Return a headline printed twice on one line ("Storm hits coastStorm hits coast") once:
    a scraper joins the page title and the heading when both hold the headline."""
    half = len(text) // 2
    if len(text) < 20 or len(text) > 400:
        return text
    for cut in (half, half + 1, half - 1):
        head, tail = text[:cut].strip(), text[cut:].strip()
        if head and head == tail:
            return head
    return text


# "hinh anh 1", "ảnh 1", "photo 2": an image widget's label, glued to the caption after it
_GLUED_IMAGE_LABEL = re.compile(
    r"\s+(?:hình ảnh|hinh anh|ảnh|photo|image|picture|foto)\s*\d{1,2}(?=[A-Z“\"‘(])",
    re.IGNORECASE,
)
_CRUMB_SEPARATOR = re.compile(r"\s+/\s+|\s*[>»›]\s*")
_CRUMB_START = re.compile(r"^(?:home|you are here|you are in|main|news)\b", re.IGNORECASE)
_CRUMB_LABEL = re.compile(r"^\s*you are (?:here|in)\s*:\s*(?=\S)", re.IGNORECASE)


def _strip_breadcrumb(text: str) -> str:
    """Return `text` without a breadcrumb trail glued before it ("Home / World / Headline").

    The trail's parts are short section labels (three words at most) and either there are two
    of them or the trail opens like one ("Home", "You are here:"); the rest is a headline.
    """
    if not any(mark in text for mark in "/>»›"):
        return text
    parts = _CRUMB_SEPARATOR.split(text)
    if len(parts) < 2:
        return text
    *trail, head = parts
    # "You are here: Home > …": the label opening the trail is no section of it
    trail = [_CRUMB_LABEL.sub("", part, count=1) if not k else part for k, part in enumerate(trail)]
    trail = [part for part in trail if part.strip()]
    if not trail or not all(count_words(part) <= 3 for part in trail):
        return text
    if len(trail) < 2 and not (_CRUMB_START.match(trail[0]) or _CRUMB_LABEL.match(parts[0])):
        return text
    return head.strip() if count_words(head) >= 4 and is_headline(head) else text


def _assign_title(content: list[Line], evidence: Evidence) -> int | None:
    """Mark the headline: the headline-shaped line above the story that the lead is about.

    Candidates are the headline-shaped body lines above the first paragraph (a glued scraper
    date marker or a " | Site" suffix set aside). Each is scored by the share of its content
    words found in the lead and the lines after it; the first candidate within 0.6 of the best
    share is the headline (lines of four words or more first). With none sharing words, the
    headline-shaped line right above the lead (only boilerplate between) is taken. Returns the
    content index of the headline, or None.
    """
    lead = next(
        (
            i
            for i, ln in enumerate(content)
            if ln.kind == "body" and is_paragraph(headline_text(ln.clean))
        ),
        None,
    )
    limit = lead if lead is not None else min(len(content), 8)
    story = (
        " ".join(ln.clean for ln in content[lead : lead + 4] if ln.kind == "body")
        if lead is not None
        else ""
    )
    story_stems = _stems(story)
    lead_key = normalise_line(headline_text(content[lead].clean)) if lead is not None else ""
    candidates = []
    for index in range(limit):
        line = content[index]
        if len(line.clean) <= 40 and _folded_label(line.clean) in _cue_set("highlight_labels"):
            # "Story highlights": the summary bullets below it are body, never the headline
            break
        # a headline with an image widget's caption glued after it was taken for the caption
        glued = line.reason == "caption" and bool(_GLUED_IMAGE_LABEL.search(line.clean))
        if line.kind != "body" and not glued:
            continue
        text = _section_label_off(headline_text(line.clean))
        head = re.split(r"\s+\|\s+", text)[0]
        if _not_a_headline(text, lead_key):
            continue
        if _closed_headline(content, index, lead, text, story_stems):
            # "Governments sign a treaty." opening the page above its dek: a headline that some
            # sites close with a full stop
            candidates.append((index, text, _stems(text)))
            continue
        if count_words(head) <= 2 or not is_headline(text) or _is_date_only(text):
            continue
        candidates.append((index, text, _stems(head)))
    chosen = None
    scored = []
    for index, text, stems in candidates:
        shared = len(stems & story_stems)
        # a short headline may share one word with the story, a longer one at least two
        if shared >= (1 if len(stems) <= 3 else 2):
            scored.append((index, text, shared / len(stems)))
    # The share of the line's words found in the story decides: a navigation headline about
    # another story shares a word or two by chance, the headline most of its words. The first
    # line close to the best share wins, so a headline beats the dek under it.
    # Tag lines ("U.S. Coast Guard") are short: three-word lines only when nothing longer fits.
    longer = [item for item in scored if len(item[1].split()) >= 4]
    scored = longer or scored
    best = max((ratio for *_, ratio in scored), default=0.0)
    if lead is None and candidates:
        chosen = candidates[0][:2]
    close = [(index, text) for index, text, ratio in scored if ratio >= 0.6 * best]
    if lead is not None and close:
        chosen = close[0]
        # The page prints its headline twice (page title and heading) more often than a
        # navigation headline: a close candidate printed again below is the headline.
        keys = [normalise_line(ln.clean) for ln in content]
        printed_twice = [
            (index, text)
            for index, text in close
            if any(
                key == normalise_line(text) or _headline_copy(key, normalise_line(text))
                for key in keys[index + 1 :]
            )
        ]
        if printed_twice and printed_twice[0][0] != close[0][0]:
            chosen = printed_twice[0]
        elif (
            len(close) > 1
            and normalise_line(close[0][1]) != normalise_line(close[1][1])
            and _section_label_between(content, close[0][0], close[1][0])
        ):
            # "Storm closes schools" / "Politics" / the headline: a section label parts a
            # navigation headline from the page's own
            chosen = close[1]
    if chosen is None and candidates and lead is not None:
        index, text, _ = candidates[-1]
        between = content[index + 1 : lead]
        # a line right above a photo caption that shares no word with the story is the
        # picture's alt text
        above_caption = bool(between) and between[0].reason == "caption"
        if (
            count_words(text) >= 4
            and all(ln.kind == "boilerplate" for ln in between)
            and not above_caption
        ):
            chosen = (index, text)
    if chosen is None:
        return None
    index, text = chosen
    line = content[index]
    line.kind, line.reason = "title", "title"
    line.signal = "headline-shaped line sharing words with the lead"
    line.value = text
    marker = MARKER.match(line.clean)
    if marker:
        evidence.metadata_dates.append(marker.group("date"))
    return index


def _section_label_off(text: str) -> str:
    """Return a headline without the section label printed before it and a bar ("World News |
    Headline"): a label of one to three words, then a headline of four words or more."""
    label, sep, rest = text.partition(" | ")
    if not sep or not 1 <= count_words(label) <= 3 or SENTENCE_END.search(label + " "):
        return text
    head = rest.split(" | ")[0]
    return rest.strip() if count_words(head) >= 4 and is_headline(head) else text


def _not_a_headline(text: str, lead_key: str) -> bool:
    """Return whether a headline-shaped line above the lead is something else: an editor's note
    in brackets ("(Adds comments from the minister)"), a place name alone (a section label
    such as "Republic of the Congo"), or the lead's own words (a copy of the lead's opening, as
    a page title or standfirst taken from it; twelve words or more, longer than most headlines)."""
    stripped = text.strip()
    if stripped[:1] in "([" and stripped[-1:] in ")]":
        return True
    if is_known_place(stripped):
        return True
    key = normalise_line(stripped).rstrip(" .")
    return count_words(key) >= 12 and bool(lead_key) and key in lead_key


def _section_label_between(content: list[Line], start: int, end: int) -> bool:
    """Return whether a section label (one to three words, no sentence, no name, place or date)
    stands between two lines."""
    for line in content[start + 1 : end]:
        text = line.clean
        if line.kind != "body" or not 1 <= count_words(text) <= 3:
            continue
        if SENTENCE_END.search(text + " ") or _DIGIT.search(text):
            continue
        if is_known_place(text) or is_byline_name(text):
            continue
        return True
    return False


def _closed_headline(
    content: list[Line], index: int, lead: int | None, text: str, story: set[str]
) -> bool:
    """Return whether a line closed by one full stop is the page's headline: one short sentence,
    the first line above the lead that shares words with it, with a line other than the lead
    between it and the lead."""
    if lead is None or index + 1 >= lead or not re.search(r"[^.]\.$", text):
        return False
    if not 4 <= count_words(text) <= 14 or not is_headline(text[:-1]):
        return False
    return not any(ln.kind == "body" and _stems(ln.clean) & story for ln in content[:index])


def _truncated_tail(text: str) -> bool:
    """Return whether `text` is the start of a sentence cut off where the stored text ends."""
    words = WORD.findall(text)
    if not words or SENTENCE_END.search(text + " ") or _BULLET.match(text):
        return False
    first, rest = words[0], words[1:]
    capitals = sum(w[:1].isupper() for w in rest)
    # a sentence-case clause of some length ("Many marchers watched from the square")
    if len(words) >= 4 and capitals <= len(rest) // 4:
        return True
    if len(words) >= 4 and words[-1] in ENGLISH_STOPWORDS and text.rstrip()[-1:].isalpha():
        # "Jane Roe and Mr Doe are": a clause stopped on a function word
        return True
    # "the temblor struck …", an opened quotation ("“People are jittery") or a clause that
    # stops at its comma ("Altogether,")
    return not capitals and (
        first.lower() in ENGLISH_STOPWORDS
        or text.lstrip()[:1] in _QUOTE_OPEN
        or text.rstrip().endswith(",")
    )


def _split_cut_sentence(head: str, tail: str) -> bool:
    """Return whether two last lines are one sentence split by the scraper and cut off where the
    stored text ends: a long unfinished clause (twelve words or more: longer than a headline
    link), continued by a line that finishes nothing, the two reading as prose (a quarter of
    their words or more are function words, as in running text and not in headlines)."""
    if (
        count_words(head) < 12
        or SENTENCE_END.search(head + " ")
        or SENTENCE_END.search(tail + " ")
        or _BULLET.match(head)
        or _BULLET.match(tail)
    ):
        return False
    words = WORD.findall(f"{head} {tail}")
    function = sum(w.lower() in ENGLISH_STOPWORDS for w in words)
    return function >= len(words) / 4


def _classify_by_position(
    content: list[Line], evidence: Evidence, title: int | None, common: frozenset[str]
) -> None:
    last_content = len(content) - 1
    # a paragraph cut off where the stored text ends still ends the story
    paragraphs = [
        i
        for i, ln in enumerate(content)
        if ln.kind == "body" and (is_paragraph(ln.clean) or _cut_paragraph(content, i))
    ]
    first = paragraphs[0] if paragraphs else len(content)
    last = paragraphs[-1] if paragraphs else -1
    # "… forced former president Robert" / "Mugabe to resign": a sentence the scraper split
    # over the last two lines, cut off where the stored text ends; both halves are story text
    cut_pair = last_content >= 1 and _split_cut_sentence(content[-2].clean, content[-1].clean)
    title_key = normalise_line(content[title].value or "") if title is not None else ""
    seen: dict[str, Line] = {}
    links_below = 0
    # Sentences of the body so far, so a line that repeats them is found in one set lookup each.
    earlier_sentences: set[str] = set()
    caption_sentences = {
        s
        for ln in content
        if ln.reason == "caption"
        for s in _split_sentences(normalise_line(ln.clean))
    }
    for index, line in enumerate(content):
        key = normalise_line(line.clean)
        if line.kind == "body":
            earlier = seen.get(key)
            top_or_tail = index < first or index > last
            short = count_words(line.clean) <= 8 and not SENTENCE_END.search(line.clean + " ")
            if earlier is not None:
                if earlier.kind == "boilerplate":
                    _mark(
                        line, earlier.reason or "duplicate", "repeats an earlier boilerplate line"
                    )
                else:
                    _mark(line, "duplicate", f"repeats line {earlier.line_no}")
            elif title is not None and earlier is None and key == title_key:
                _mark(line, "duplicate", "repeats the headline")
            elif title is not None and _headline_copy(key, title_key):
                _mark(line, "duplicate", "the headline again with a site name or punctuation")
            elif _split_copy(content, index, seen, title_key):
                _mark(line, "duplicate", "a copy of an earlier line split over two lines")
                _mark(
                    content[index + 1],
                    "duplicate",
                    "a copy of an earlier line split over two lines",
                )
            elif index > first and _printed_twice(content, index):
                # a caption or link printed twice in a row by the page's image or link widget
                _mark(line, "duplicate", "short line printed twice in a row")
            elif count_words(key) >= 8 and all(
                s in earlier_sentences for s in _split_sentences(key)
            ):
                _mark(line, "duplicate", "contained in an earlier paragraph")
            elif count_words(key) >= 8 and all(
                s in caption_sentences for s in _split_sentences(key)
            ):
                # the caption printed again without its credit
                _mark(line, "caption", "repeats the sentences of a caption")
            elif key in common and count_words(key) <= CORPUS_REPEAT_MAX_WORDS:
                _mark(line, "navigation", "line repeated across the corpus")
            elif (
                title is not None
                and title < index < first
                and count_words(key) <= 4
                and is_known_place(line.clean)
                and not SENTENCE_END.search(line.clean + " ")
                and not _section_label_between(content, index, index + 2)
            ):
                # "HONG KONG" alone between the headline and the lead: the dateline
                _mark(line, "dateline", "place alone between the headline and the lead")
                evidence.datelines.append(line.clean)
            elif top_or_tail and is_byline_name(line.clean.replace("\xa0", " ")):
                _mark(line, "byline", "name-only line outside the paragraphs")
                evidence.bylines.append(line.clean)
            elif title is not None and index < title and not is_paragraph(line.clean):
                _mark(line, "navigation", "above the headline")
            elif index > last and short and not _BULLET.match(line.clean):
                # a sentence cut off where the stored text ends is story text, unless the page's
                # furniture (three lines or more: comments, sign-in, footer) closed the story
                cut = cut_pair or _truncated_tail(line.clean)
                furniture = sum(ln.kind == "boilerplate" for ln in content[last + 1 : index])
                if not (index == last_content and cut and furniture < 3):
                    _mark(line, "navigation", "short line after the last paragraph")
            elif first < index < last and re.fullmatch(r"[^\W\d_][\w'’-]*:?", line.clean):
                # "Details", "Graphic" between paragraphs: a widget or section label (a
                # crosshead has two words or more)
                _mark(line, "navigation", "one-word label inside the story")
            elif first < index < last and _title_case_link(line.clean):
                # "Protesters Fill Streets Of The Capital Again" inside the story: a link
                _mark(line, "related_block", "title-case headline inside the story")
            elif (
                last < index
                and is_headline(line.clean)
                and not SENTENCE_END.search(line.clean + " ")
                and not _BULLET.match(line.clean)
                and (
                    _closed_story(content, index)
                    or (
                        (index < last_content or links_below >= 2)
                        and not (index == last_content and _truncated_tail(line.clean))
                        and not (cut_pair and index >= last_content - 1)
                    )
                )
            ):
                # below the story and not where the stored text stops (or closing a list of
                # such links, or after the furniture that closed the story: a sentence cut
                # off there is a teaser): a link to another story
                _mark(line, "related_block", "headline-shaped line after the last paragraph")
                links_below += 1
            elif (
                index < first
                and short
                and count_words(line.clean) <= (4 if title is not None and index > title else 2)
                and index < len(content) - 1
            ):
                _mark(line, "navigation", "short label before the first paragraph")
            elif (
                title is not None
                and title < index < first
                and count_words(line.clean) <= 8
                and line.clean.endswith(":")
                and not SENTENCE_END.search(line.clean[:-1] + " ")
            ):
                # "Key points:" between the headline and the lead: a box's label (the story has
                # not begun, so no sentence introduces a quotation or a list here)
                _mark(line, "navigation", "label closed by a colon under the headline")
            elif (
                index < first
                and title is None
                and not line.clean.isupper()
                and is_known_place(line.clean)
            ):
                # "Republic of the Congo" over an untitled story: the page's section (a
                # dateline alone is printed in capitals: "HONG KONG")
                _mark(line, "navigation", "place name alone above the story (a section label)")
            elif (
                index < first
                and line.clean[:1] in "(["
                and line.clean[-1:] in ")]"
                and not is_paragraph(line.clean)
            ):
                # "(Adds comments from the minister)": a wire editor's note on the version
                _mark(line, "navigation", "editor's note in brackets above the story")
        seen.setdefault(key, line)
        if line.kind == "body":
            earlier_sentences.update(_split_sentences(key))
    _mark_headline_lists(content, first)
    _mark_translated_captions(content)
    _mark_author_box(content)
    _mark_credited_captions(content)
    _mark_repeated_alt_texts(content)
    _mark_alt_texts(content)


def _headline_copy(key: str, title_key: str) -> bool:
    """Return whether a normalised line is the headline again: followed only by closing
    punctuation, or by " - Site" / " | Site" (an HTML page title with the site name)."""
    if len(title_key) < 20 or not key.startswith(title_key) or key == title_key:
        return False
    rest = key[len(title_key) :]
    if not WORD.search(rest):
        return True
    site = re.fullmatch(r"\s+[-–—|:]\s+(?P<site>[^.!?]+)", rest)
    return site is not None and count_words(site.group("site")) <= 5


def _cut_paragraph(content: list[Line], index: int) -> bool:
    """Return whether the last line is a paragraph cut off where the stored text ends: long
    enough for one and following the story, not a block of links."""
    if index != len(content) - 1 or index == 0:
        return False
    text = content[index].clean
    return (
        count_words(text) >= 10
        and not SENTENCE_END.search(text + " ")
        and content[index - 1].kind == "body"
        and not _closed_story(content, index)
    )


def _closed_story(content: list[Line], index: int) -> bool:
    """Return whether three or more furniture lines stand between the story's last paragraph
    above `index` and that line: the page's furniture (links, players, widgets) closed the
    story there, and the story does not resume for one last line after it."""
    furniture = 0
    for line in reversed(content[:index]):
        if line.kind == "body" and is_paragraph(line.clean):
            break
        furniture += line.kind == "boilerplate"
    return furniture >= 3


def _title_case_link(text: str) -> bool:
    """Return whether `text` is a headline in Title Case (six words or more, every word of four
    letters or more capitalised): news sites print links to other stories so, crossheads rarely."""
    if SENTENCE_END.search(text + " "):
        return False
    words = WORD.findall(text)
    long = [w for w in words if len(w) >= 4]
    return (
        len(words) >= 6
        and len(long) >= 4
        and all(w[:1].isupper() for w in long)
        and not text.isupper()
        and is_headline(text)
    )


def _title_cased(text: str) -> bool:
    """Return whether a line is set in Title Case (nine in ten of its words of five letters or
    more capitalised, four at least), as headlines are and sentences ("U.S. officials …") not."""
    long = [w for w in WORD.findall(text) if len(w) >= 5 and w.isalpha()]
    capitals = sum(w[:1].isupper() for w in long)
    return len(long) >= 4 and capitals >= 0.9 * len(long)


def _split_copy(content: list[Line], index: int, seen: dict[str, Line], title_key: str) -> bool:
    """Return whether this line and the next one are an earlier line (or the headline) split in two."""
    if index + 1 >= len(content) or content[index + 1].kind != "body":
        return False
    line, nxt = content[index].clean, content[index + 1].clean
    if SENTENCE_END.search(line + " ") or count_words(line) < 2 or count_words(nxt) < 2:
        return False
    joined = normalise_line(f"{line} {nxt}")
    return joined == title_key or (joined in seen and seen[joined] is not content[index])


def _printed_twice(content: list[Line], index: int) -> bool:
    """Return whether a short non-sentence line is printed again on the very next line."""
    if index + 1 >= len(content) or content[index + 1].kind not in ("body", "boilerplate"):
        return False
    line = content[index].clean
    return (
        not SENTENCE_END.search(line + " ")
        and count_words(line) >= 4
        and not is_paragraph(line)
        and normalise_line(line) == normalise_line(content[index + 1].clean)
    )


def _mark_translated_captions(content: list[Line]) -> None:
    """Mark the English line printed right under a caption in another language: its
    translation, shorter than a paragraph (a Vietnamese caption, then "The two
    presidents held talks on March 15.")."""
    for index in range(1, len(content)):
        line, above = content[index], content[index - 1]
        if line.kind != "body" or above.reason != "non_english":
            continue
        if count_words(line.clean) < PARAGRAPH_WORDS and not _QUOTE_CHARS.search(line.clean):
            _mark(line, "caption", "English caption under its foreign-language copy")


_AUTHOR_BOX = "outlet named by the author box below the story"


def _mark_author_box(content: list[Line]) -> None:
    """Mark the blurb under an author box's outlet line ("VOA News" / "The Voice of America
    provides …"): one or two lines that close the page after it."""
    box = next((i for i, ln in enumerate(content) if ln.signal == _AUTHOR_BOX), None)
    if box is None or len(content) - box - 1 > 2:
        return
    for line in content[box + 1 :]:
        if line.kind == "body":
            _mark(line, "credit", "blurb of the author box")


def _mark_credited_captions(content: list[Line]) -> None:
    """Mark the caption printed right above its own photo-credit line ("Photo by X"): a short
    line in the present tense of picture captions that quotes and reports nobody."""
    for index in range(1, len(content)):
        if content[index].signal != "photo credit line":
            continue
        line = content[index - 1]
        text = line.clean
        if line.kind != "body" or not 4 <= count_words(text) <= 40:
            continue
        if _QUOTE_CHARS.search(text) or _REPORTING.search(text) or internal_sentence(text):
            continue
        if _caption_verb_pattern().search(" ".join(WORD.findall(text)[:16])):
            _mark(line, "caption", "caption above its photo credit")


def _mark_repeated_alt_texts(content: list[Line]) -> None:
    """Mark an image's alt text printed right above its longer caption, which opens with the same
    words ("Workers mend the wall" over "Workers mend the wall on Monday."), and that caption
    when it is no paragraph of the story: short, quoting and reporting nobody."""
    for index in range(len(content) - 1):
        line, below = content[index], content[index + 1]
        if line.kind != "body" or below.kind not in ("body", "boilerplate"):
            continue
        text = line.clean
        if not 3 <= count_words(text) <= 20 or SENTENCE_END.search(text + " "):
            continue
        key, caption = normalise_line(text).rstrip(" ."), normalise_line(below.clean)
        if len(caption) <= len(key) or not caption.startswith(key):
            continue
        if caption[len(key) : len(key) + 1].isalnum():
            # "Workers mend the wall" is no copy of "Workers mend the walls …"
            continue
        _mark(line, "caption", "image alt text repeated by the caption below it")
        plain = not _QUOTE_CHARS.search(below.clean) and not _REPORTING.search(below.clean)
        short = not is_paragraph(below.clean) or _caption_verb_pattern().search(caption)
        if below.kind == "body" and plain and count_words(below.clean) <= 40 and short:
            _mark(below, "caption", "caption under its image's alt text")


def _mark_alt_texts(content: list[Line]) -> None:
    """Mark an image's alt text: a short line that opens the caption printed next to it, or a
    label of a few words right above a caption."""
    for index, line in enumerate(content):
        near = content[max(0, index - 1) : index + 2]
        # only a line next to a caption or credit can be its alt text: test that first, cheaply
        if line.kind != "body" or not any(o.reason in ("caption", "credit") for o in near):
            continue
        if count_words(line.clean) > 30:
            continue
        below = content[index + 1] if index + 1 < len(content) else None
        if (
            below is not None
            and below.reason == "caption"
            and count_words(line.clean) <= 8
            and not SENTENCE_END.search(line.clean + " ")
        ):
            _mark(line, "caption", "image label above its caption")
            continue
        key = normalise_line(line.clean).rstrip(" .")
        for other in near:
            if other is line or other.reason not in ("caption", "credit"):
                continue
            caption = normalise_line(other.clean)
            if len(caption) > len(key) and caption.startswith(key):
                _mark(line, "caption", "image alt text opening its caption")
                break


def _mark_headline_lists(content: list[Line], first: int) -> None:
    """Mark runs of three or more headline-shaped lines inside or below the story (link lists),
    also when separator lines ("-") part them, and the short label right above such a run."""
    run: list[Line] = []
    above: Line | None = None
    for line in [*content[first + 1 :], None]:
        if line is not None and line.signal == "separator or symbol line":
            # "-" or "•" alone between the links of a list does not end it
            continue
        if (
            line is not None
            and line.reason in ("related_block", "navigation")
            and count_words(line.clean) >= 4
            and is_headline(line.clean)
        ):
            # a link another rule found already belongs to the run
            run.append(line)
            continue
        if (
            line is not None
            and line.kind == "body"
            and is_headline(line.clean)
            and count_words(line.clean) >= 4
            and (not is_paragraph(line.clean) or _title_cased(line.clean))
            and not _BULLET.match(line.clean)
        ):
            run.append(line)
            continue
        if len(run) >= 3:
            for item in run:
                if item.kind == "body":
                    _mark(item, "related_block", "run of headline-shaped lines (a link list)")
            if (
                above is not None
                and above.kind == "body"
                and count_words(above.clean) <= 5
                and not SENTENCE_END.search(above.clean + " ")
            ):
                # '"Politics" MOST READ': the list's label, printed without a known cue
                _mark(above, "related_block", "label of a link list")
        run = []
        above = line


def _decide_stamps(content: list[Line], evidence: Evidence, title: int | None) -> None:
    """Keep the date lines that stamp the article: under the headline or next to the lead.

    A date line above the headline (or far above an untitled story) is the site's running
    clock, not the article's stamp.
    """
    lead = next(
        (i for i, ln in enumerate(content) if ln.kind == "body" and is_paragraph(ln.clean)),
        len(content),
    )
    # Without a headline, a stamp belongs to the header block right above the lead: only
    # metadata, credit, byline, dateline and caption lines between it and the lead.
    header = lead
    while header > 0 and content[header - 1].reason in _HEADER_REASONS:
        header -= 1
    bare_title = title is not None and normalise_line(content[title].value or "") == normalise_line(
        content[title].clean
    )
    for index, text in evidence.date_lines:
        if index > lead:
            continue
        # A date and time just above the headline (at most two header lines between: "Story
        # Code: …"), below the page's first line, is the article's timestamp: a running clock
        # opens the page and rarely shows the time.
        # A date opening the page right above a bare headline (nothing before it) dates the
        # story too, with or without its weekday (a blog prints "Friday, March 21, 2014" over
        # the post): a running clock shows the time ("Saturday, 25/11/2026 12:20") or sits in
        # a page header, with a breadcrumb ("Home / World / Headline").
        # A bare date (no weekday, no time) right above the headline, under the page's
        # header and section labels, is the story's date line: a clock names the day.
        timestamp = title is not None and (
            (index > 0 and title - 3 <= index < title and bool(_TIME_OF_DAY.search(text)))
            or (index == 0 == title - 1 and bare_title and not _TIME_OF_DAY.search(text))
            or (
                index == title - 1
                and bare_title
                and not _TIME_OF_DAY.search(text)
                and not _WEEKDAY.search(text)
            )
        )
        if (
            (title is not None and index > title)
            or (title is None and index >= header)
            or timestamp
        ):
            evidence.stamp_dates.append(text)


_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)
_HEADER_REASONS = frozenset(["metadata", "credit", "byline", "dateline", "caption"])


def _split_sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_SPLIT.split(text) if part]
