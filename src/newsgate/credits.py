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

from newsgate.language import count_words
from newsgate.stamps import stamp_date

__all__ = [
    "CreditLine",
    "Outlet",
    "article_cues",
    "author_box_outlet",
    "byline_credit",
    "caption_credit",
    "contributor_credits",
    "credit_entity",
    "credit_line",
    "credit_parts",
    "credited_form",
    "find_outlet",
    "footer_owner",
    "generic_source",
    "glued_byline",
    "has_byline_cue",
    "is_agency_code",
    "is_known_outlet",
    "is_outlet_name",
    "is_person_name",
    "is_staff_credit",
    "opens_with_photo_id",
    "outlets",
    "read_more_source",
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
    if not name.isupper() and not name.islower():
        # "Afp" is AFP written in a site's own capitalisation: the agency's usual form
        outlet = find_outlet(name)
        forms = outlet.forms if outlet is not None else ()
        if name not in forms:
            return next((f for f in forms if _key(f) == _key(name)), name)
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
    # An acronym among mixed-case words ("NATO Russia Ukraine") is a tag list, not a name; an
    # initial ("G.") is part of one.
    if not text.isupper() and any(
        t.isupper() and len(t) > 1 and not re.fullmatch(r"[A-Z]\.", t) for t in tokens
    ):
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
# "National Daily gathered that", "The Herald has learnt": a publication speaking of itself,
# which is the page's own outlet (another paper is cited with "reported", never so).
_SELF_VERB = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:gathered|learnt|learned|can (?:reveal|report|confirm)|"
    r"understands|recalls|observed)\b"
)
_SOURCE_BEFORE = re.compile(
    r"(?<![\w&/.-])(?P<who>(?:[Tt]he\s)?[A-Z][\w&/.-]*+(?:\s[A-Z][\w&/.-]*+){0,3})$"
)
# "told Reuters", "told RFE/RL's Armenian Service", "told the Associated Press", "was quoted by
# AFP", "told state-run Anadolu Agency": the page's reporters in contact with the speaker
_SOURCE_AFTER = re.compile(
    r"\b(?P<verb>told|according to|speaking to|in an interview with|quoted by|made available to|"
    # ", reports Reuters.": a rewrite naming its wire after the verb; "as reported by X"
    r"(?<=,\s)reports|(?<=,\s)reported|reported by)"
    r"\s+(?:the\s)?(?:(?:state[- ]run|state[- ]owned|official|local)\s+)?"
    # "told news agency AFP", "told the broadcaster NTV": the outlet's kind before its name
    r"(?:(?:(?:news|wire|press)\s+agency|broadcaster|news\s+channel|newspaper)\s+)?(?P<who>(?:the\s)?"
    r"[A-Z][\w&/.-]*+(?:\s[A-Z][\w&/.-]*+){0,3})"
)
# "Ada Derana reporter said", "a Nordic TV correspondent saw": the page's own reporter names
# the outlet before the job word
_OWN_REPORTER = re.compile(
    # "an AP reporter at the scene saw", "a Nordic TV crew on the scene counted"
    r"(?:\s+(?:reporter|correspondent|journalist|photographer|team|crew)s?)"
    r"(?:\s+(?:at|on)\s+the\s+scene)?\s+(?:said|says|saw|reported|confirmed|"
    r"witnessed|observed|counted)\b"
)
# "Al Jazeera's Jane Roe, reporting from Aden, said": the page's own correspondent
_CORRESPONDENT = re.compile(
    r"(?P<who>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['’]s?\s+(?:[a-z]+\s+){0,2}"
    r"[A-Z][\w'’.-]+(?:\s[\w'’.-]+){0,3},?\s+reporting\s+from\b"
)
# Verbs naming a source at second hand: a report cited, not the page's own reporting.
_CITING = frozenset(["according to", "reports", "reported", "reported by"])
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


def source_credits(text: str, lead: bool = False) -> list[str]:
    """Return the known agencies and broadcasters that `text` names as a reporting source.

    "told Reuters", "was quoted by AFP", "AFP reported", "according to Xinhua": the outlets in
    the order found, each once, in the form the text uses. The page's own reporters in contact
    with a speaker ("told AFP") outrank a report cited ("the BBC reported"), so when both kinds
    are named only the first kind is returned. A publication speaking of itself ("National Daily
    gathered") or its correspondent "reporting from" a place names the page's outlet, whatever
    its kind. Newspapers and unknown names are otherwise left out, unless `lead` says `text`
    is the story's lead paragraph: a rewrite names the outlet it is drawn from there, whatever
    its kind ("…, reports The Guardian.", "BFMTV reports"), so any known outlet (or a name
    shaped like one that the gazetteer knows as nothing else) cited there counts.
    """
    # (position, name, the name precedes its verb, direct contact, any kind of outlet)
    named: list[tuple[int, str, bool, bool, bool]] = []
    for verb in _SOURCE_VERB.finditer(text):
        before = _SOURCE_BEFORE.search(text, max(0, verb.start() - 80), verb.start())
        if before:
            named.append((before.start("who"), before.group("who"), True, False, False))
    for verb in _SELF_VERB.finditer(text):
        before = _SOURCE_BEFORE.search(text, max(0, verb.start() - 80), verb.start())
        if before:
            named.append((before.start("who"), before.group("who"), True, True, True))
    for m in _SOURCE_AFTER.finditer(text):
        direct = m.group("verb") not in _CITING
        named.append((m.start("who"), m.group("who"), False, direct, lead))
    if lead:
        named = [
            (position, who, before, direct, True) for position, who, before, direct, _ in named
        ]
    for m in _CORRESPONDENT.finditer(text):
        named.append((m.start("who"), m.group("who"), True, True, True))
    own: set[int] = set()
    for verb in _OWN_REPORTER.finditer(text):
        before = _SOURCE_BEFORE.search(text, max(0, verb.start() - 80), verb.start())
        if before:
            own.add(before.start("who"))
            named.append((before.start("who"), before.group("who"), True, True, True))
    found: list[tuple[int, str, bool]] = []
    for position, who, before_verb, direct, any_kind in named:
        # "RFE/RL's Armenian Service" is credited as RFE/RL.
        words = re.split(r"['’]s?\b", who)[0].split()
        if before_verb:
            # "… told Reuters. AFP reported": the name right before the verb, within a sentence
            spans = [words[start:] for start in range(len(words))]
            spans = [w for w in spans if not any(x.endswith(".") for x in w[:-1])]
        else:
            spans = [words[:end] for end in range(len(words), 0, -1)]
        for span in spans:
            candidate = re.sub(r"^(?:[Tt]he|An?)\s", "", " ".join(span)).strip(".")
            outlet = find_outlet(candidate)
            if outlet is not None:
                # in the lead, "reports The Guardian" is a credit, where an ambiguous name counts
                plain = candidate not in outlet.ambiguous or (lead and len(span) > 1)
                if plain and (any_kind or outlet.kind in _SOURCE_KINDS):
                    found.append((position, credited_form(candidate), direct))
                break
            if any_kind and is_outlet_name(candidate) and _has_media_word(candidate):
                found.append((position, credited_form(candidate), direct))
                break
            if lead and _media_code(candidate) and _own_outlet_name(candidate):
                # "BFMTV reports": a broadcaster's code the gazetteer knows as nothing else
                found.append((position, candidate, direct))
                break
            if position in own and _own_outlet_name(candidate):
                # "Ada Derana reporter said": the capitalised words before the job word
                found.append((position, candidate, direct))
                break
    if any(direct for *_, direct in found):
        found = [item for item in found if item[2]]
    names: list[str] = []
    for _, name, _ in sorted(found):
        if name not in names:
            names.append(name)
    return names


def _credited_source(who: str) -> bool:
    """Return whether the value of a picture or map credit names a source by its shape: one to
    six words opening with a capital (or a domain), no sentence."""
    return (
        1 <= count_words(who) <= 6
        and (who[:1].isupper() or bool(_DOMAIN.match(who)))
        and not re.search(r"[.!?]\s", who + " ")
    )


def _named_agency(name: str) -> bool:
    """Return whether `name` is an agency called by its own name ("Eastland Press Agency",
    "Valdoria News Agency"): capitalised words, ending in "Agency", that are not all generic."""
    words = name.split()
    if len(words) < 2 or words[-1] != "Agency" or not _media_name(name):
        return False
    generic = {w.casefold() for cue in article_cues()["generic_sources"] for w in cue.split()}
    return any(w.casefold() not in generic for w in words[:-1])


def _is_place(name: str) -> bool:
    """Return whether the gazetteer knows `name` as a place."""
    from newsgate.nlp.gazetteer import surface_index

    entry = surface_index().get(name)
    return entry is not None and entry.label in ("GPE", "LOC")


def _own_outlet_name(name: str) -> bool:
    """Return whether the words before "reporter said" can name an outlet: one to four
    capitalised words that the gazetteer does not know as a place, people or organisation."""
    from newsgate.nlp.gazetteer import surface_index

    words = name.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    entry = surface_index().get(name)
    return entry is None or entry.label not in ("GPE", "LOC", "NORP", "ORG", "PERSON")


def _media_code(name: str) -> bool:
    """Return whether `name` is a capitals code ending in a media word ("BFMTV", "KTVN News")."""
    first = name.split()[0]
    return bool(re.fullmatch(r"[A-Z]{1,6}(?:TV|FM|NEWS|NEWS24|24)", first)) or (
        bool(re.fullmatch(r"[A-Z]{2,6}", first)) and " " in name and _has_media_word(name)
    )


def _has_media_word(name: str) -> bool:
    return any(t.lower().strip(".") in _media_words() for t in name.split())


def _media_name(name: str) -> bool:
    """Return whether `name` is a publication's name by its shape: two to five capitalised words
    ending in a media word ("Eastland Press Agency", "Valdoria News"), which no person or place
    is called."""
    words = name.strip(" .").split()
    return (
        2 <= len(words) <= 5
        and all(w[:1].isupper() or w in ("of", "and", "the", "&") for w in words)
        and words[-1].lower() in _media_words()
    )


# "Read more on Xinhua", "Read the full story at Reuters.com": the source of the text.
_READ_MORE_SOURCE = re.compile(
    r"^(?:(?:read (?:more|the (?:full|original) (?:story|article|report))|continue reading)\s+"
    r"(?:on|at|in|by)|(?:full|original) (?:story|article|report|content)\s*:)"
    r"\s+(?P<who>[^:]{2,60}?)\s*[.!]?$",
    re.IGNORECASE,
)
# The closing line saying where and when the story first ran: "This article first appeared in
# the Nordic Ledger on 12 March 2024.", "Originally published by Nordic Times.", "This story was
# first published on March 9, 2024." (the place, the date, or both).
_FIRST_RAN = re.compile(
    r"^(?:(?:this|the) (?:article|story|piece|report|column|post|interview|version)\s+"
    # "This report by The Nordic Press was first published March 3, 2024." (the wire's own
    # closing line names its author between the noun and the verb)
    r"(?:by (?P<by>[A-Z][^,;:]{1,60}?)\s+)?"
    r"(?:was |has been |is )?(?:first |originally |previously )?(?:appeared|published|ran|"
    r"posted|run|republished|reproduced|provided|supplied|syndicated)|(?:it |and )?(?:was )?(?:first|originally|previously) (?:appeared|published|"
    r"ran|posted))\b(?P<rest>[^:]{0,120}?)\s*[.!]?$",
    re.IGNORECASE,
)
# "The post <headline> appeared first on Nordic Ledger.": the footer a blog engine (WordPress)
# adds to every post it syndicates through its feed
_FEED_FOOTER = re.compile(
    r"^the post\s.{2,200}?\sappeared first on\s+(?:the website of\s+)?(?P<who>[^,;:]{2,60}?)"
    r"\s*[.!]?$",
    re.IGNORECASE,
)
# "Published in Nordic Ledger, March 3rd, 2024": a newspaper's closing line naming the edition;
# only with its date, so "Published in Nature, the study …" is no such line
_PRINTED_IN = re.compile(
    r"^(?:this (?:article|story) was )?published in (?:the )?(?P<who>[A-Z][^,;:]{1,50}?)"
    r"(?:\s*,\s*|\s+on\s+)(?P<date>[^,;:]*\d[^;:]{2,30}?)\s*\.?$",
    re.IGNORECASE,
)
_FIRST_RAN_WHERE = re.compile(
    r"^\s*(?:with permission\s+)?(?:(?:on|at|in|by|from)\s+(?:the\s+)?(?:website\s+(?:of\s+)?)?)?"
    r"(?P<who>(?:[A-Z]|[a-z][\w-]*\.[a-z]{2,6}\b)[^,;]{0,59}?)\s*(?=,|;|\s+(?:on|in)\s+"
    r"(?:\w+day,?\s+)?(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)|\s+(?:and|under|with|as|for)\b|$)"
)


# "© 2024 Nordic Times. All rights reserved." names the publisher: the first segment after the
# copyright sign and years.
_FOOTER_OWNER = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?)?"
    r"[\s,–-]*(?P<who>[A-Z][\w&'’ -]{1,60}?(?:\.[a-z]{2,6})?)\s*,?"
    # "Copyright © Nordic Times 2024": the year may follow the name
    r"(?:\s(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*(?:[.,|]\s|[.,|]?$|\s[-–]\s)",
    re.IGNORECASE,
)
# "Nordic Herald © 2024": the owner's name before the sign and its year
_OWNER_BEFORE_SIGN = re.compile(
    r"^(?P<who>[A-Z][\w&'’ .-]{1,60}?)\s*(?:©|\(c\)|copyright)\s*(?:19|20)\d\d\b", re.IGNORECASE
)
# "Nordic Herald Ltd": the company form of a publisher's name is the outlet without it
_COMPANY_SUFFIX = re.compile(
    r",?\s+(?:pvt\.?\s+)?(?:ltd|limited|inc|llc|plc|corp|co)\.?$", re.IGNORECASE
)
_CREDIT_LINE = re.compile(
    r"^[(\[]?\s*(?:[—–-]\s*(?=with\s))?"
    r"(?P<cue>sources?|according to|based on (?:reporting|information|reports) "
    r"(?:by|from)|with (?:additional )?(?:reporting|information|inputs?|files) (?:by|from)|with|"
    r"(?:credits?|photos?|photograph|images?|pictures?|video|maps?|graphics?|illustrations?|"
    r"infographics?|charts?)(?: by| courtesy(?: of)?| source)?|"
    r"via|courtesy(?: of)?|compiled from|agencies|—|–|-)\s*[:\-–]?\s*"
    # "Source: Nordic Press (Wire)": a bracketed word after the name qualifies it
    r"(?P<who>[^()\[\]]*?)(?:\s+\((?P<qualifier>[^()]{2,30})\))?\s*[)\]]?\s*\.?$",
    re.IGNORECASE,
)
# "With New Age input", "(With AFP inputs)", "— With Reuters reporting": the source, then the
# word for what it gave
_WITH_INPUT = re.compile(
    r"^[(\[]?\s*[—–-]*\s*with\s+(?P<who>[^()\[\]]{2,50}?)\s+(?P<what>inputs?|reporting|files)"
    r"\s*[)\]]?\s*\.?$",
    re.IGNORECASE,
)
# "jbh/ng (AP, Reuters)": editors' initials joined by slashes, the agencies in brackets (the
# sign-off of Deutsche Welle's and other broadcasters' wire rewrites)
_EDITOR_INITIALS = re.compile(r"^[a-z]{2,4}(?:/[a-z]{2,4})+\s*\((?P<who>[^()]{2,40})\)\s*\.?$")
# "Xinhua, April 8, 2016", "AFP | 12 March 2024 10:15": an outlet's name, then a date stamp
_OUTLET_STAMP = re.compile(
    r"^(?P<who>[A-Z][\w.&'’ -]{1,40}?)\s*[,|–—-]\s*(?P<stamp>(?:[A-Z][a-z]+,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{4}-\d\d-\d\d)[^A-Za-z]*"
    r"(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|[A-Z]{2,4}T))?)\s*$"
)
# "(Nordic Media/Reuters)": a line that is only credits in brackets
_BRACKETED_CREDIT = re.compile(r"\((?P<who>[^()]{2,60})\)\s*\.?")
# "AAP / Law and order": an outlet's name, then the section the page filed the story under
# ("BBC NEWS, MIDDLE EAST": a comma may part them, and the section may be in capitals)
_OUTLET_SECTION = re.compile(
    r"(?P<who>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})(?:\s+[/|]\s+|\s*,\s+)"
    r"[A-Z](?:[a-z]+|[A-Z]+)(?: [a-z&]+| [A-Z](?:[a-z]+|[A-Z]+)){0,3}"
)
# "VOA News" alone: an outlet's code and a media word, as an author box prints its outlet
_CODE_AND_MEDIA = re.compile(r"[A-Z]{2,6}(?: [A-Z][a-z]+){1,2}")
_CREDIT_WHO = re.compile(
    r"^(?:[A-Z][\w.'’-]*|[a-z][\w-]*\.[a-z]{2,6})(?:\s*(?:,|/|&|\band\b|\s)\s*"
    r"(?:[A-Z][\w.'’-]*|[a-z][\w-]*\.[a-z]{2,6}))*$"
)
_BYLINE_CUE = re.compile(
    r"^[(\[]?\s*(?:by|written by|words by|story by|reported by|posted by|published by|text by|author|"
    r"(?:writer|reporter)(?=\s*:))\s*:?\s+"
    # "By Jane Roe (Nordic Times)": the outlet may follow the names in brackets
    r"(?P<names>[^()]+?)(?:\s*\((?P<paren>[^()]{2,60})\))?\s*[)\]]?\s*$",
    re.IGNORECASE,
)
# "3 min read", "5 minute read": a reading-time label sharing the byline's row
_READING_TIME = re.compile(r"^\d+\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read)?$", re.IGNORECASE)
# The date often shares the byline line: "By Jane Roe | 12 March 2024", "By Jane Roe on March 12".
_BYLINE_DATE = re.compile(
    r"(?:(?:\s+on\s+|\s*[|,–—-]\s*|\s+)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    # an abbreviated weekday only after a separator: "By X Press - Sat Jan 28 2017", while
    # "By Jane Sun Jan 5" keeps its surname
    r"|\s*[|,–—-]\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)"
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
_AUTHOR_ROLES = frozenset(["reporting", "writing", "compiled", "research", "reporter"])
# "EPA/JANE ROE", "Jane Roe/AP", "JANE ROE/AFP/Getty Images", "AP Photo/Jane Roe", "Jane
# Roe/EFE via EPA": names joined by slashes, trusted only when one part is a known agency.
_CREDIT_NAME = r"[A-Z][\w.'’&-]*(?:[ ](?:[A-Z][\w.'’&-]*|via|de|da|van|von|al|le|la)){0,4}"
_TAIL_SLASH_CREDIT = re.compile(
    rf"(?<![\w/])(?P<who>{_CREDIT_NAME}(?:\s*/\s*{_CREDIT_NAME}){{1,3}})\s*\.?\s*$"
)
# "… in Taiz [EPA]": a bracketed agency closing a caption
_SQUARE_CREDIT = re.compile(r"\[(?P<who>[A-Z][\w.&/ -]{1,30})\]\s*\.?\s*$")
# "… in Alaska(KTVF)": a station or agency code glued to the caption by the scraper
_GLUED_CODE_CREDIT = re.compile(r"(?<=[^\W\d_])\((?P<who>[A-Z][A-Z0-9-]{1,7})\)\s*$")
# "… on April 27, 2019. — File pic": a file-picture note closing a caption
_FILE_PICTURE = re.compile(
    r"\s[-–—]+\s*(?:file\s+)?(?:pic|pics|photo|photos|picture|image)(?P<who>)\s*\.?\s*$",
    re.IGNORECASE,
)
# Caption widgets glued after the credit: "Jane Roe/AP hide caption", "… | License Photo".
_CAPTION_WIDGET = re.compile(
    r"(?:\s*\|)?\s*(?:(?:hide|show|toggle) caption|license (?:this )?photo|enlarge this image)"
    r"\s*$",
    re.IGNORECASE,
)
# "… EPA-EFE/JANE ROE AUSTRALIA AND NEW ZEALAND OUT", "… (AP Photo/Jane Roe) NO SALES": the
# usage restriction wire photo services print after a picture's credit (regions or media the
# picture may not be sold to, "MANDATORY CREDIT", "EDITORIAL USE ONLY", "NO ARCHIVES")
_PHOTO_RESTRICTION = re.compile(
    r"(?:\s+(?:[A-Z]{2,}(?:\s+(?:AND\s+)?[A-Z]{2,}){0,4}\s+OUT|NO\s+(?:SALES|ARCHIVES?|RESALES?)|"
    r"MANDATORY\s+CREDIT|EDITORIAL\s+USE\s+ONLY))+\s*\.?\s*$"
)
# "(Xinhua/Jane Roe)", "(JANE ROE / AFP)": a bracketed credit pairing an agency and a person.
# an opened bracket that the credit name does not close: "X News Agency (XNA"
_DANGLING_BRACKET = re.compile(r"\s*\([^()]*$")
_BRACKET_SLASH_CREDIT = re.compile(r"\((?P<who>[^()/]{2,40}(?:\s*/\s*[^()/]{2,40})+)\)\s*\.?\s*$")
# "… PRESIDENTIAL PHOTO", "… PHOTOS": a photo desk closing a capitals credit
_PHOTO_DESK = re.compile(r"\b(?:PHOTOS?|PICTURES?|IMAGES?|PIX)\s*$")
# "… would be barred from the election. AFP photo": an agency's picture named after the caption
_AGENCY_PHOTO_END = re.compile(
    r"[.!?”\"’]\s+(?P<who>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?)\s+(?:file\s+)?(?:photo|photos|pic|"
    r"picture)\s*\.?\s*$",
    re.IGNORECASE,
)
_CAPTION_TAIL = [
    re.compile(
        r"(?:^|[\s.(])(?:credit|credits|photo|photos|photograph|image|images|picture|pic|ảnh|"
        r"foto|source|video|footage|map|graphic)\s*:\s*(?P<who>[^:]{1,60}?)\s*[.)]?\s*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"\((?:photo|image|picture|credit|file photo|file|video|footage)\s*:?\s*(?P<who>[^)]{1,60})\)"
        r"\s*\.?\s*$",
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
    _TAIL_SLASH_CREDIT,
    _AGENCY_PHOTO_END,
    _BRACKET_SLASH_CREDIT,
    _SQUARE_CREDIT,
    _GLUED_CODE_CREDIT,
    _FILE_PICTURE,
    re.compile(
        r"(?:\b(?:photo|image|picture)\s*(?:by|courtesy(?: of)?)\s+)(?P<who>[^.]{1,60})\.?\s*$",
        re.IGNORECASE,
    ),
]
_PHOTO_ID = re.compile(
    # "1 of 6. A police officer …": a gallery's counter opens the picture's caption
    r"^(?:\d{1,3}\s+of\s+\d{1,3}\s*[.:|–—-]\s|[a-z]{2,5}\d{6,}\b|file(?: photo)?\s*[-–—:]\s|\((?:files?|file photo)\)\s|"
    r"(?:image|photo|picture|video) caption\s*[,:]\s)",
    re.IGNORECASE,
)
_ALT_TEXT = re.compile(r"\s[-–]\s*(?:ảnh|photo|image|hình|foto|picture|pic)\s*\d+\s*$", re.I)
# Scrapers glue a byline to the dateline: "By Jane RoeOSLO, Norway, Feb 21: …".
_GLUED_CAPS = re.compile(r"(?<=[a-z])(?=[A-Z]{3,}\b)")


@dataclass(frozen=True)
class CreditLine:
    """What a credit-only line says: the names it credits, whether for a photo, a glued stamp."""

    names: list[str]
    photo: bool = False
    stamp: str | None = None


def has_byline_cue(text: str) -> bool:
    """Return whether `text` opens like a byline or staff credit ("By …", "Reporting by …")."""
    return bool(_BYLINE_CUE.match(text) or _STAFF_CREDIT.match(text))


def is_staff_credit(text: str) -> bool:
    """Return whether `text` is a wire staff credit ("(Reporting by …; Editing by …)")."""
    return bool(_STAFF_CREDIT.match(text))


def footer_owner(text: str) -> str | None:
    """Return the publisher a copyright footer names ("© 2024 Nordic Herald. …", "Nordic Herald
    © 2024", "All rights reserved © Nordic Herald 2024"), or None."""
    sign = re.search(r"©|\(c\)|\bcopyright\b", text, re.IGNORECASE)
    owner = _FOOTER_OWNER.match(text) or (
        _FOOTER_OWNER.match(text[sign.start() :]) if sign and sign.start() else None
    )
    who = owner.group("who").strip() if owner else ""
    if re.fullmatch(r"(?:all rights reserved|copyright)\W*", who, re.IGNORECASE):
        who = ""
    if not who:
        before = _OWNER_BEFORE_SIGN.match(text)
        who = before.group("who").strip() if before else ""
    who = _COMPANY_SUFFIX.sub("", who).strip(" ,.")
    if who and is_outlet_name(who) and not generic_source(who)[0]:
        return credited_form(who)
    return None


def read_more_source(text: str) -> list[str] | None:
    """Return the source a "Read more on X" / "Full story: X" / "First published at X" line names
    (an aggregator's label before the publication it took the story from), or None."""
    match = _READ_MORE_SOURCE.match(text)
    if match and is_outlet_name(match.group("who")) and not generic_source(match.group("who"))[0]:
        return split_credit(match.group("who"), keep_people=True)
    ran = first_ran(text)
    return ran[0] if ran and ran[0] else None


def first_ran(text: str) -> tuple[list[str], str | None] | None:
    """Return (outlets, date text) of a closing line saying where or when the story first ran
    ("This article first appeared in the Nordic Ledger on 12 March 2024.", "This report by The
    Nordic Press was first published March 3, 2024.", "The post … appeared first on Nordic
    Ledger."), or None.

    The outlet is the publication named after "in/on/by" (or by "by" before the verb); the date
    is the stamp after it. A line naming neither is no such line.
    """
    words = count_words(text)
    match = _FIRST_RAN.match(text.strip()) if words <= 30 else None
    # the feed footer holds the headline (up to 25 words) besides its own
    feed = _FEED_FOOTER.match(text.strip()) if not match and words <= 40 else None
    if feed:
        # the feed footer of a blog engine names the site the post first ran on
        who = feed.group("who").strip(" .")
        named = _publication(who) and not generic_source(who)[0]
        return ([credited_form(who)], None) if named else None
    printed = None if match or feed else _PRINTED_IN.match(text.strip())
    if printed and stamp_date(printed.group("date")) and _publication(printed.group("who")):
        # "Published in Nordic Ledger, March 3rd, 2024": the print edition the story ran in
        return [credited_form(printed.group("who"))], printed.group("date")
    if not match:
        return None
    rest = match.group("rest")
    stamp = rest if stamp_date(rest) else None
    names: list[str] = []
    where = _FIRST_RAN_WHERE.match(rest)
    who = where.group("who").strip(" .") if where else ""
    if match.group("by"):
        who = match.group("by").strip(" .")
    if _publication(who) and not generic_source(who)[0]:
        names = split_credit(who, keep_people=True) or [credited_form(who)]
    if not names and stamp is None:
        return None
    return names, stamp


def _publication(who: str) -> bool:
    # what a story first appeared in is a publication, whatever its name: one to six
    # capitalised words (or a domain) that no gazetteer knows as a place or a person
    named = bool(
        re.fullmatch(r"[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|and|the|&)){0,5}", who)
    ) and not _is_place(who)
    return bool(who) and stamp_date(who) is None and (is_outlet_name(who) or named)


def opens_with_photo_id(text: str) -> bool:
    """Return whether `text` opens like a photo caption ("epa05268598 …", "FILE -", "(FILES)")."""
    return bool(_PHOTO_ID.match(text))


def caption_credit(text: str) -> tuple[list[str], str] | None:
    """Return the credited names and the signal when `text` ends in (or opens with) a photo credit.

    "… Photo: X", "(Photo: X)", "(AP Photo/Jane Roe)", "(Xinhua/Jane Roe)", "© X",
    "AGENCY/NAME", a photo-agency id ("epa05268598 …") or "FILE -", image alt text ("- photo 1").
    """
    text = text.rstrip()
    # the widget words close the line: look at its tail only, so a long paragraph costs little
    widget = _CAPTION_WIDGET.search(text, max(0, len(text) - 60))
    if widget:
        text = text[: widget.start()]
    restricted = _PHOTO_RESTRICTION.search(text, max(0, len(text) - 60))
    if restricted:
        text = text[: restricted.start()]
    if _PHOTO_ID.match(text):
        tail = (_tail_credit(p, text) for p in _CAPTION_TAIL)
        return next((m for m in tail if m is not None), []), "photo id or file-photo prefix"
    if _ALT_TEXT.search(text):
        return [], "image alt text"
    for pattern in _CAPTION_TAIL:
        found = _tail_credit(pattern, text)
        if found is not None:
            return found, "photo credit at end of line"
    return None


# characters a caption-tail pattern cannot match without
# (keyed by identity: hashing a compiled pattern hashes its whole code)
_TAIL_MARKS = {id(p): "" for p in _CAPTION_TAIL} | {
    id(_TAIL_SLASH_CREDIT): "/",
    id(_SQUARE_CREDIT): "[]",
    id(_GLUED_CODE_CREDIT): "()",
}


def _agency_parts(who: str) -> list[str]:
    """Return the known agencies among the slash- or "via"-joined parts of a credit."""
    names = []
    for part in re.split(r"\s*/\s*|\s+via\s+", who):
        part = part.strip(" .")
        # the caption's last words may run into the first part: "… Sergei Lavrov TASS/…"
        spans = []
        for words in (part.split(), _PHOTO_SUFFIX.sub("", part).split()):
            spans += [" ".join(words[k:]) for k in range(len(words))]
            spans += [" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)]
        found = next((span for span in spans if is_known_outlet(span)), None)
        if found and credited_form(found) not in names:
            names.append(credited_form(found))
    return names


def _tail_credit(pattern: re.Pattern, text: str) -> list[str] | None:
    """Return the credited names when `pattern` finds a photo credit closing `text`, else None."""
    # the credit patterns are anchored at the end: search only the line's tail, so a huge
    # "line" costs no more than a short one
    marks = _TAIL_MARKS[id(pattern)]
    if marks and any(mark not in text[-_TAIL_CHARS:] for mark in marks):
        # the pattern needs this character in the tail: skip the costlier search
        return None
    match = pattern.search(text, max(0, len(text) - _TAIL_CHARS))
    if not match or not count_words(text[: match.start()]):
        return None
    who = match.group("who") or ""
    if pattern is _TAIL_SLASH_CREDIT or pattern is _SQUARE_CREDIT:
        names = _agency_parts(who)
        if not names and pattern is _SQUARE_CREDIT and is_agency_code(who) and who.isupper():
            names = [who]
        # the caption's last sentence may run into the credit: "… Philippines. JANE ROE/…"
        credit = re.split(r"\.\s+", who)[-1]
        if (
            not names
            and pattern is _TAIL_SLASH_CREDIT
            and credit.isupper()
            and _PHOTO_DESK.search(credit)
        ):
            # "JANE ROE/PRESIDENTIAL PHOTO": a photographer and an office's photo desk
            return []
        return names or None
    if pattern is _AGENCY_PHOTO_END:
        return [credited_form(who)] if is_known_outlet(who) else None
    if pattern is _GLUED_CODE_CREDIT:
        # "Bureau of Labor Statistics(BLS)" expands an acronym; "Alaska(KTVF)" credits a station
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", text[: match.start()]))
        return None if initials.endswith(who) else [who]
    if pattern is _BRACKET_SLASH_CREDIT:
        parts = who.split("/")
        if not any(
            (is_agency_code(p) and p.strip().upper() == p.strip()) or is_known_outlet(p)
            for p in parts
        ):
            return None
        return [credited_form(p) for p in parts if is_known_outlet(p.strip())]
    # "Jane Roe/X News Agency (XNA)": the pattern took the short form's ")" as the caption's
    # closing bracket; a credited name never keeps half a bracket
    return split_credit(_DANGLING_BRACKET.sub("", who))


# "https://", "www." before a domain: the address as printed, not part of the site's name
_SCHEME = re.compile(r"(?<![\w.])(?:https?://)?www\.|https?://", re.IGNORECASE)


def _platform_domain(domain: str) -> bool:
    """Return whether a domain is a social platform's ("twitter.com"), named by the share-widget
    words of the cue data: a link to it names no publisher."""
    return domain.split(".")[-2].casefold() in article_cues()["widget_words"]


def _site_header(text: str) -> str | None:
    """Return the site a header line names by its domain ("nordictimes.com | Politics",
    "Nordic Times | nordictimes.com"): a domain among short segments joined by bars."""
    segments = [seg.strip() for seg in re.split(r"\s+[|•·]\s+", text) if seg.strip()]
    if len(segments) < 2 or not all(1 <= count_words(seg) <= 4 for seg in segments):
        return None
    domains = [seg for seg in segments if _DOMAIN.match(seg) and not seg[:1].isdigit()]
    if len(domains) != 1 or _platform_domain(domains[0]):
        return None
    # the site's name printed beside its domain is the form to credit
    named = [seg for seg in segments if seg not in domains and is_outlet_name(seg)]
    stem = re.sub(r"\W", "", domains[0].split(".")[0]).casefold()
    for name in named:
        if re.sub(r"\W", "", name).casefold() == stem:
            return credited_form(name)
    return credited_form(domains[0])


def author_box_outlet(text: str) -> str | None:
    """Return the outlet an author box names on a line of its own ("VOA News": a capitals code
    and media words), or None."""
    text = text.strip(" •·|")
    if not _CODE_AND_MEDIA.fullmatch(text):
        return None
    words = text.split()[1:]
    if not all(w.casefold() in _media_words() for w in words):
        return None
    # "BBC Correspondent": the staff word names the writer's role, the code the outlet
    return _staff_outlet(text) or text


def credit_line(text: str) -> CreditLine | None:
    """Return what a credit-only line credits ("Source: X", "With X and Y", "Photo: X"), or None."""
    if count_words(text) > 10:
        return None
    # "https://www.nordictimes.com" is the site's domain as the page prints it: credit the domain
    text = _SCHEME.sub("", text.lstrip(" /|")).rstrip("/")
    site = _site_header(text)
    if site:
        return CreditLine([site])
    bare = text.strip(" ()[]—–-.")
    outlet = find_outlet(bare) if bare else None
    # a line that is only "The Guardian" names the outlet; a lone "Metro" may be a section label
    if outlet is not None and (bare not in outlet.ambiguous or " " in bare):
        return CreditLine([credited_form(bare)])
    if bare and re.fullmatch(r"[\w-]+\.[a-z]{2,6}", bare, re.I) and not _platform_domain(bare):
        return CreditLine([credited_form(bare)])
    slashed = _TAIL_SLASH_CREDIT.fullmatch(text.strip())
    if slashed:
        # "Jane Roe/AP", "JANE ROE/AFP/Getty Images": a photographer and the photo's agencies
        agencies = _agency_parts(slashed.group("who"))
        others = [
            part
            for part in re.split(r"\s*/\s*|\s+via\s+", slashed.group("who"))
            if part.strip() and not _agency_parts(part)
        ]
        if agencies and all(is_person_name(part) for part in others):
            return CreditLine(agencies, photo=True)
    bracketed = _BRACKETED_CREDIT.fullmatch(text.strip())
    names = split_credit(bracketed.group("who")) if bracketed else []
    if (
        names
        and all(is_outlet_name(n) for n in names)
        and any(is_known_outlet(n) or _media_name(n) for n in names)
    ):
        # "(Nordic Media/Reuters)" alone: the page and its wire, the page first
        return CreditLine(names)
    sectioned = _OUTLET_SECTION.fullmatch(text.strip())
    outlet = find_outlet(sectioned.group("who")) if sectioned else None
    if outlet is not None and sectioned.group("who") not in outlet.ambiguous:
        # "AAP / Law and order": the agency's credit and the page's section
        return CreditLine([credited_form(sectioned.group("who"))])
    dated = _OUTLET_STAMP.match(text)
    if dated and stamp_date(dated.group("stamp")):
        # "Xinhua, April 8, 2016": the outlet's name and the article's stamp
        who = dated.group("who").strip()
        outlet = find_outlet(who)
        if outlet is not None and (who not in outlet.ambiguous or " " in who):
            return CreditLine([credited_form(who)], stamp=dated.group("stamp"))
    inputs = _WITH_INPUT.match(text)
    if inputs:
        # "With New Age input", "— With AFP inputs": the outlet whose copy the text draws on
        generic, who = generic_source(inputs.group("who"))
        # a person reports, an outlet gives input: "With Jane Roe reporting" credits nobody
        given = inputs.group("what").lower().startswith("input")
        names = split_credit(who, keep_people=given) if who and _CREDIT_WHO.match(who) else []
        names = [n for n in names if given or not is_person_name(n)]
        if names or generic:
            return CreditLine(names)
    initials = _EDITOR_INITIALS.match(text.strip())
    if initials:
        # "jbh/ng (AP, Reuters)": the editors' initials and the agencies of the text
        names = split_credit(initials.group("who"))
        if names and all(is_agency_code(n) for n in names):
            return CreditLine(names)
    match = _CREDIT_LINE.match(text)
    if not match:
        if text.startswith("©") and not re.match(r"©\s*(?:19|20)\d\d", text):
            names = split_credit(text.lstrip("© "))
            # "© nordictimes.com": a site owns its pages under its domain, a photo is credited
            # to an agency or a photographer
            site = bool(_DOMAIN.match(text.lstrip("© ").strip(" ."))) and len(names) == 1
            return CreditLine(names, photo=not site) if names else None
        return None
    cue, who = match.group("cue").lower(), match.group("who").strip()
    qualifier = match.group("qualifier")
    if qualifier and who and is_agency_code(qualifier.strip()):
        # "Source: Nordic Press (AFP)": the page and the agency in its brackets
        who = f"{who}, {qualifier.strip()}"
    # "Source: Agencies 25 Jul 2016 10:19:51": a stamp glued to the credit is the article's date.
    stamp = re.search(
        r"(?:(?<=[^\W\d_])|\s)(?=\d{1,2}\s+[A-Za-z]{3}|\d{4}-\d\d-\d\d|[A-Z][a-z]{2,8}\.?\s+\d)",
        who,
    )
    stamped = None
    if stamp and stamp_date(who[stamp.start() :]):
        stamped = who[stamp.start() :]
        who = who[: stamp.start()].strip(" ,|–-")
    if cue == "agencies":
        return CreditLine([], stamp=stamped)
    # "Al Jazeera and news agencies", "inputs from agencies": the generic part names nobody.
    generic = generic_source(who)
    who = generic[1]
    if generic[0] and not who:
        return CreditLine([], stamp=stamped)
    who = re.sub(r"\s+(?:and|&)$", "", who)
    parts = [p for p in re.split(r"\s*(?:,|/|&|\band\b)\s*", who) if p]
    photo = cue.split()[0] in article_cues()["photo_cues"]
    if who and photo and not _CREDIT_WHO.match(who) and _credited_source(who):
        # "Map: OpenStreetMap contributors": a picture's source in words of its own case
        return CreditLine(split_credit(who), photo=True)
    if not who or not (_CREDIT_WHO.match(who) or all(is_known_outlet(p) for p in parts)):
        return None
    weak_cue = cue in ("with", "via", "—", "–", "-")
    if weak_cue and not all(is_agency_code(p) or _media_name(p) for p in parts):
        # "With Norway and Sweden" is a crosshead and "- Odesa" a bullet; "With EFE and
        # Reuters" and "— AFP" name agencies.
        return None
    # After "Source:" or "According to" the value is a source by definition, whatever its shape.
    names = split_credit(who, keep_people=not photo and not weak_cue)
    if cue.startswith("with ") or "reporting" in cue:
        # "With reporting by Jane Roe" names the people who helped, not an outlet
        helped = [n for n in names if is_known_outlet(n) or not is_person_name(n)]
        if names and not helped:
            return CreditLine([], stamp=stamped)
        names = helped
    if not names and photo and (is_person_name(who) or _credited_source(who)):
        # "Photo: Jane Roe" credits a photographer, "Map: OpenStreetMap contributors" a map's
        # source: a credit line that names no outlet.
        return CreditLine([], photo=True)
    if not names:
        return None
    return CreditLine(names, photo=photo, stamp=stamped)


@cache
def _generic_pattern() -> re.Pattern:
    cues = sorted(article_cues()["generic_sources"], key=len, reverse=True)
    alternatives = "|".join(re.escape(c) for c in cues)
    return re.compile(rf"(?:\s*(?:,|and|&)\s*)?\b(?:other |news |wire )?(?:{alternatives})\b", re.I)


def generic_source(who: str) -> tuple[bool, str]:
    """Return whether `who` names generic sources ("agencies", "staff"), and `who` without them.

    A known outlet whose name holds a generic word ("Ghana News Agency", "News Agency of
    Nigeria") is a name, not a generic source: it is kept whole.
    """
    pieces = re.split(r"(\s*(?:,|/|&|\band\b)\s*)", who)
    count = 0
    for k in range(0, len(pieces), 2):
        piece = pieces[k].strip(" .")
        if not is_known_outlet(piece) and not _named_agency(piece):
            pieces[k], found = _generic_pattern().subn("", pieces[k])
            count += found
    return bool(count), "".join(pieces).strip(" ,&/")


def byline_credit(text: str) -> tuple[list[str], list[str]] | None:
    """Return (people, outlets) named by a byline-shaped line, or None."""
    cue = _BYLINE_CUE.match(text) or _STAFF_CREDIT.match(text)
    if cue:
        names = _strip_byline_date(cue.group("names")).replace("*", "")
        if cue.groupdict().get("paren"):
            names = f"{names}, {cue.group('paren')}"
        names = re.sub(r"\s+in\s+[A-Z][\w .'-]*?(?=[,;)]|\band\b|$)", "", names)
        # a name and its outlet parted by a dash or a dot ("By Jane Roe - Nordic Times",
        # "By Jane Roe · Nordic Times · 3 min read")
        parts = [
            p.strip(" .")
            for p in re.split(r",|;|&|\band\b|\||\bfor\b|\s[-–—·•]\s|[·•]", names)
            if not _READING_TIME.match(p.strip(" ."))
        ]
        staff = re.split(r";|\band\b\s+(?:editing|writing)", names)[0]
        # "By Staff Report" names nobody; "By Mail Today Reporter", "By Nordic TV Staff" name
        # the outlet whose staff wrote the text
        staffed = {credited_form(_staff_outlet(p)) for p in parts if _staff_outlet(p) != p}
        parts = [_staff_outlet(p) for p in parts]
        parts = [piece for p in parts for piece in _name_then_outlet(p)]
        people = [p for p in parts if is_person_name(p)]
        if cue.re is _STAFF_CREDIT:
            role = (cue.group("role") or cue.group("role2")).lower()
            people = [p for p in people if p in staff] if role in _AUTHOR_ROLES else []
            if not people and not [p for p in parts if p and not is_person_name(p)]:
                return [], []
        outlets = [credited_form(p) for p in parts if p and not is_person_name(p)]
        # A lone unknown word after "Editor:" is a surname, not an outlet.
        outlets = [
            o
            for o in outlets
            if (is_outlet_name(o) and (" " in o or is_agency_code(o))) or o in staffed
        ]
        if people or outlets:
            return people, outlets
        return None
    # "Nordic Times Staff Writer", "BBC Correspondent" alone: the outlet whose staff wrote it
    # ("Staff Reporter", "Senior Correspondent" name no outlet)
    whole = text.strip(" .–—-")
    own = _staff_outlet(whole) if count_words(whole) <= 6 else whole
    outlet_shaped = is_agency_code(own) or (" " in own and _has_media_word(own))
    if own and own != whole and outlet_shaped and not is_person_name(own):
        return [], [credited_form(own)]
    parts = [p.strip() for p in re.split(r"\s*(?:\||,|/|\s[-–—]\s)\s*", text)]
    if len(parts) < 2 or not is_person_name(parts[0]):
        return None
    # "Jane Roe, Correspondent" names a role, not an outlet; "Jane Roe, Fjord Times Staff" its paper
    roles = [_staff_outlet(p) for p in parts[1:]]
    # "Jane Roe, Abuja": the place the reporter filed from is no outlet
    outlets = [p for p in roles if p and not _is_place(p)]
    if all(is_outlet_name(p) for p in outlets) and (outlets or len(parts) == 2):
        return [parts[0]], [credited_form(p) for p in outlets]
    return None


# "Jane Roe in Oslo contributed to this report.", "(* MOI contributed to this story.)"
_CONTRIBUTOR = re.compile(
    r"^[(\[*\s]*(?P<who>.{2,80}?)\s+contributed (?:to )?(?:this|the) (?:report|story|article)"
    r"\.?[)\]\s]*$",
    re.IGNORECASE,
)


def contributor_credits(text: str) -> list[str] | None:
    """Return the outlets a contributor note credits ("Reuters contributed to this report"), or
    None when `text` is no contributor note; people who contributed are not credits."""
    match = _CONTRIBUTOR.match(text.strip())
    if not match:
        return None
    who = re.sub(r"\s+in\s+[A-Z][\w .'-]*?(?=,|\band\b|$)", "", match.group("who"))
    names = []
    for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", who):
        part = part.strip(" *.")
        if part and not is_person_name(part) and (is_outlet_name(part) or is_agency_code(part)):
            names.append(credited_form(part))
    return names


def _name_then_outlet(part: str) -> list[str]:
    """Return a byline part split into a name and the known outlet printed after it without a
    comma ("JANE ROE Associated Press" -> "JANE ROE", "Associated Press"), else the part."""
    words = part.split()
    if len(words) < 3 or is_person_name(part) or is_known_outlet(part):
        return [part]
    for k in range(2, min(len(words), 5)):
        name, outlet = " ".join(words[:k]), " ".join(words[k:])
        if is_person_name(name) and is_known_outlet(outlet):
            return [name, outlet]
    return [part]


def _strip_byline_date(names: str) -> str:
    """Return a byline's names without the date sharing its line ("Jane Roe | 12 March 2024").

    "By Nordic TV 2 Staff" keeps its number: only a date, a year or a clock time is stripped.
    """
    match = _BYLINE_DATE.search(names)
    dated = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:19|20)\d\d\b|\d:\d\d"
    if match and re.search(dated, match.group(), re.IGNORECASE):
        return names[: match.start()]
    return names


def _staff_outlet(part: str) -> str:
    """Return a byline part without a generic staff word ("Mail Today Reporter" -> "Mail Today").

    A part that is only generic ("Staff Report", "Correspondent") becomes empty.
    """
    generic, rest = generic_source(part)
    if not generic:
        return part
    rest = rest.strip(" .,")
    return rest if rest[:1].isupper() and count_words(rest) <= 4 else ""


def glued_byline(text: str) -> tuple[str, str] | None:
    """Return (byline, rest) when a byline is glued to the dateline: "By Jane RoeOSLO, …"."""
    match = re.match(r"^\s*By\s+(?P<names>[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_'’-]+){0,3})", text)
    if not match:
        return None
    names = match.group("names")
    split = _GLUED_CAPS.search(names)
    if split is None:
        return None
    person = names[: split.start()]
    if not is_person_name(person):
        return None
    return person, text[match.start("names") + split.start() :]


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
