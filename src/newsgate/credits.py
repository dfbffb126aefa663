"""Credits: the one place that recognises news outlets and parses credit strings into names.

Outlets come from `nlp/data/outlets.jsonl` (national and international agencies, broadcasters,
newspapers and news sites with their short forms and domains; see `outlets.SOURCES.md` beside
it). Unknown outlets are recognised by shape: a domain name, an acronym, or a name with a media
word ("Nordic Times"). Cue words live in `data/article_cues.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "Outlet",
    "article_cues",
    "credit_entity",
    "credit_parts",
    "credited_form",
    "find_outlet",
    "is_agency_code",
    "is_known_outlet",
    "is_outlet_name",
    "is_person_name",
    "outlets",
    "reporter_credit",
    "source_credits",
    "split_credit",
    "trailing_credit",
]


@dataclass(frozen=True)
class Outlet:
    """A news outlet or agency: its usual name, short forms, domains, kind and country."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    kind: str = "site"
    country: str | None = None
    ambiguous: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Return the name and every short form."""
        return (self.name, *self.aliases)


@cache
def article_cues() -> dict[str, list[str]]:
    """Return the article stage's cue-word lists (data/article_cues.json), by list name."""
    text = resources.files("newsgate").joinpath("data", "article_cues.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@cache
def outlets() -> tuple[Outlet, ...]:
    """Return every outlet of nlp/data/outlets.jsonl."""
    text = resources.files("newsgate.nlp").joinpath("data", "outlets.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return tuple(
        Outlet(
            name=row["name"],
            aliases=tuple(row.get("aliases", ())),
            domains=tuple(row.get("domains", ())),
            kind=row.get("kind", "site"),
            country=row.get("country"),
            ambiguous=tuple(row.get("ambiguous", ())),
        )
        for row in rows
    )


@cache
def _outlet_index() -> dict[str, Outlet]:
    index: dict[str, Outlet] = {}
    for outlet in outlets():
        for form in outlet.forms:
            index.setdefault(_key(form), outlet)
        for domain in outlet.domains:
            index.setdefault(domain, outlet)
    return index


@cache
def _media_words() -> frozenset[str]:
    return frozenset(article_cues()["media_words"])


def _key(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("’", "'")).strip(" .,;:()[]").casefold()
    return re.sub(r"^(?:https?://)?(?:www\d*\.)?", "", text)


def find_outlet(text: str) -> Outlet | None:
    """Return the outlet whose name, short form or domain `text` is, or None."""
    key = _key(text)
    if not key:
        return None
    index = _outlet_index()
    found = index.get(key) or index.get(re.sub(r"^the ", "", key))
    if found is None and "." in key:
        # "edition.cnn.com" and "cnn.com/world" name the site of cnn.com
        host = key.split("/")[0]
        parts = host.split(".")
        found = next(
            (
                index[".".join(parts[i:])]
                for i in range(len(parts) - 1)
                if ".".join(parts[i:]) in index
            ),
            None,
        )
    return found


def is_known_outlet(name: str) -> bool:
    """Return whether `name` is a known outlet's name, short form or domain."""
    return find_outlet(name) is not None


def credited_form(name: str) -> str:
    """Return a credited name in the form to record: as written, but all-caps names in usual case.

    Agencies keep the form in which the text credits them ("AFP", "Xinhua", "RFE/RL"); an
    all-caps credit of a known outlet takes its usual form ("USA TODAY" -> "USA Today").
    """
    name = re.sub(r"\s+", " ", name).strip(" .,;:()[]–—-")
    letters = re.sub(r"[^A-Za-z]", "", name)
    if len(letters) > 3 and name.isupper():
        outlet = find_outlet(name)
        if outlet is not None:
            usual = next(
                (f for f in outlet.forms if _key(f) == _key(name) and not f.isupper()), None
            )
            return usual or name
    return name


_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_SINGLE_NAME = re.compile(r"^[A-Z][\w'’-]*$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|de|da|del|der|van|von|bin|al|le|la|du|di|dos)$")
_SPLIT = re.compile(r"\s*(?:,|/|;|&|\||\band\b|\bvia\b|\bwith\b|\by\b|\bet\b|\s-\s|-\s)\s*")
_PHOTO_SUFFIX = re.compile(r"\s+(?:photos?|images?|pictures?)$", re.IGNORECASE)


def is_agency_code(name: str) -> bool:
    """Return whether `name` is a known outlet, an acronym or a domain name."""
    name = name.strip()
    return bool(is_known_outlet(name) or _DOMAIN.match(name) or _ACRONYM.match(name))


def is_outlet_name(name: str) -> bool:
    """Return whether `name` looks like an outlet or agency rather than a person."""
    name = name.strip()
    if not name or len(name) > 60:
        return False
    if is_agency_code(name):
        return True
    tokens = name.split()
    if len(tokens) == 1:
        return bool(_SINGLE_NAME.match(name))
    return (
        len(tokens) <= 5
        and tokens[0][:1].isupper()
        and any(t.lower().strip(".") in _media_words() for t in tokens)
    )


def is_person_name(text: str) -> bool:
    """Return whether `text` is shaped like a personal name (2-4 capitalised words)."""
    tokens = text.strip().split()
    if not 2 <= len(tokens) <= 4 or any(ch.isdigit() for ch in text):
        return False
    if not all(_NAME_TOKEN.match(t) for t in tokens) or not tokens[0][:1].isupper():
        return False
    # An acronym among mixed-case words ("NATO Russia Ukraine") is a tag list, not a name.
    if not text.isupper() and any(t.isupper() and len(t) > 1 for t in tokens):
        return False
    if is_known_outlet(text):
        return False
    return not is_outlet_name(text) and not any(t.lower() in _media_words() for t in tokens)


def split_credit(who: str, keep_people: bool = False) -> list[str]:
    """Return the outlet and agency names in a credit string, in order (people only if asked)."""
    names: list[str] = []
    for part in _SPLIT.split(who):
        part = part.strip(" .()[]-–—:")
        if not is_known_outlet(part):
            part = _PHOTO_SUFFIX.sub("", part)
        if not part:
            continue
        if is_outlet_name(part) or (keep_people and part[:1].isupper()):
            name = credited_form(part)
            if name not in names:
                names.append(name)
    return names


# "CGTN's Jack Barton reports", "ITV News' Harry Horton reports (from Seoul)".
_REPORTER_CREDIT = re.compile(
    r"(?:^|[,.;:–—-]\s+|\s)(?P<outlet>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['’]s?\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3})\s+reports?\b(?:\s+from\s+[\w ,]+)?\s*[.:]?$"
)
# "… said the minister.— AFP", "… in Geneva. (Reuters)", "… on Friday. – Xinhua".
_TRAILING_CREDIT = re.compile(
    r"[.!?”\"’)]\s*(?:[-–—]+\s*(?P<dashed>[A-Z][\w.&/-]*(?:\s[A-Z][\w.&-]*){0,2})|"
    r"\((?P<bracketed>[A-Z][\w.&/ -]{1,30})\))\s*\.?\s*$"
)
# "AFP reported", "Reuters reports", "the Associated Press reported", "AFP reporters saw": the
# verb is found first and the capitalised words right before it are the source (linear work).
_SOURCE_VERB = re.compile(
    r"(?:\s+news agency)?\s+(?:reported|reports|quoted|cited|reporters? saw)\b"
)
_SOURCE_BEFORE = re.compile(
    r"(?<![\w&/.-])(?P<who>(?:[Tt]he\s)?[A-Z][\w&/.-]*+(?:\s[A-Z][\w&/.-]*+){0,3})$"
)
# "told Reuters", "told RFE/RL's Armenian Service", "told the Associated Press"
_SOURCE_AFTER = re.compile(
    r"\b(?:told|according to|speaking to|in an interview with)\s+(?P<who>(?:the\s)?"
    r"[A-Z][\w&/.-]*+(?:\s[A-Z][\w&/.-]*+){0,3})"
)
# End-anchored credit patterns look at this many trailing characters only (bounded work).
_TAIL_CHARS = 240
# Kinds of outlet whose naming as the text's source makes them its outlet; a newspaper that
# "reported" is usually another paper's story being cited.
_SOURCE_KINDS = frozenset(["agency", "broadcaster"])


def reporter_credit(text: str) -> tuple[str, str] | None:
    """Return (outlet, reporter) of a standfirst credit such as "CGTN's Jane Roe reports"."""
    text = text.strip()
    match = _REPORTER_CREDIT.search(text, max(0, len(text) - _TAIL_CHARS))
    if not match:
        return None
    words, name = match.group("outlet").split(), match.group("name")
    if not is_person_name(name):
        return None
    # the shortest tail of the capitalised run that names an outlet: "Korea. CGTN" gives CGTN
    for start in range(len(words) - 1, -1, -1):
        # the outlet opens the match or a new sentence
        if start and not words[start - 1].endswith("."):
            continue
        outlet = " ".join(words[start:]).strip(".")
        if is_outlet_name(outlet):
            return credited_form(outlet), name
    return None


def trailing_credit(text: str) -> str | None:
    """Return the agency credited at the end of a body line ("… on Friday.— AFP"), or None."""
    text = text.strip()
    match = _TRAILING_CREDIT.search(text, max(0, len(text) - _TAIL_CHARS))
    if not match:
        return None
    who = (match.group("dashed") or match.group("bracketed") or "").strip()
    outlet = find_outlet(who)
    if outlet is None or who in outlet.ambiguous:
        return None
    return credited_form(who)


def source_credits(text: str) -> list[str]:
    """Return the known agencies and broadcasters that `text` names as a reporting source.

    "AFP reported", "told Reuters", "according to Xinhua": the outlets in the order found,
    each once, in the form the text uses. Newspapers and unknown names are left out.
    """
    found: list[tuple[int, str]] = []
    named: list[tuple[int, str, bool]] = []
    for verb in _SOURCE_VERB.finditer(text):
        before = _SOURCE_BEFORE.search(text, max(0, verb.start() - 80), verb.start())
        if before:
            named.append((before.start("who"), before.group("who"), True))
    named += [(m.start("who"), m.group("who"), False) for m in _SOURCE_AFTER.finditer(text)]
    for position, who, before_verb in named:
        # "RFE/RL's Armenian Service" is credited as RFE/RL.
        words = re.split(r"['’]s?\b", who)[0].split()
        if before_verb:
            # "… told Reuters. AFP reported": the name right before the verb, within a sentence
            spans = [words[start:] for start in range(len(words))]
            spans = [w for w in spans if not any(x.endswith(".") for x in w[:-1])]
        else:
            spans = [words[:end] for end in range(len(words), 0, -1)]
        for span in spans:
            candidate = re.sub(r"^(?:[Tt]he)\s", "", " ".join(span)).strip(".")
            outlet = find_outlet(candidate)
            if outlet is not None:
                if outlet.kind in _SOURCE_KINDS and candidate not in outlet.ambiguous:
                    found.append((position, credited_form(candidate)))
                break
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


# Where a credit starts inside a caption or credit line: "Photo: EPA/VNA", "© Jane Roe / Reuters".
_CREDIT_MARK = re.compile(
    r"(?:©|\b(?:photo|photos|image|credit|credits|ảnh)\s*:)\s*"
    r"|^\W*(?:source|according to|based on reporting by|with|photo|credit)\b\s*:?\s*",
    re.IGNORECASE,
)
# A trailing "AGENCY/PHOTOGRAPHER" credit without a marker: "... 2016.  EPA/STEPHANIE LECOCQ".
_SLASH_CREDIT = re.compile(r"(?:^|\s|\()([A-Z][\w.-]*(?:\s*/\s*[A-Z][\w .'’-]*?)+)\s*\)?\.?\s*$")
_CREDIT_BY = re.compile(r"^(?:photo(?:graph)?s?\s+)?by\s+", re.IGNORECASE)
_CREDIT_SPLIT = re.compile(r"\s*(?:/|,|;|&|\band\b)\s*")
_CREDIT_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")


def credit_parts(line: str) -> list[tuple[int, int]]:
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


def credit_entity(text: str) -> tuple[str, str] | None:
    """Return (label, name) for one credited name: a known organisation or outlet, or a person."""
    from newsgate.nlp.gazetteer import surface_index

    entry = surface_index().get(text) or _lowered_surface_index().get(text.lower())
    if entry is not None:
        return entry.label, entry.name
    outlet = find_outlet(text)
    if outlet is not None:
        return "ORG", outlet.name
    if is_outlet_name(text) and " " in text.strip():
        # "Today Online", "Nordic Times": a media word makes a publication of two capitalised words
        return "ORG", credited_form(text)
    words = text.split()
    if 2 <= len(words) <= 4 and all(_CREDIT_WORD.match(w) for w in words):
        return "PERSON", " ".join(w if not w.isupper() else w.capitalize() for w in words)
    return None


@cache
def _lowered_surface_index() -> dict:
    from newsgate.nlp.gazetteer import surface_index

    return {form.lower(): entry for form, entry in reversed(surface_index().items())}
