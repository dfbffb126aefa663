"""Entity recognition rules beyond the gazetteer, and resolution of mentions to canonical entities.

The rules run after the gazetteer ruler (and after a trained NER when one is configured) and only
add spans over tokens nobody has claimed yet, in this order: ships ("USS Donald Cook"), acronyms
defined in parentheses, people introduced by a title ("Deputy Foreign Minister Alexander Grushko",
"Russia's ambassador to NATO, Alexander Grushko"), people next to a reporting verb ("Grushko
said", "said Grushko"), people in appositions ("Alexander Grushko, Russia's ambassador"),
organisations and places named by their head word ("Defense Ministry", "Barents Sea"), and compass
regions ("eastern Ukraine"), and places named by context ("the town of X"). Surnames and role
references ("the NATO chief") are then resolved to the full name of a person found in the same
article. credit_mentions() finds the entities of the caption, credit and byline lines that the
article stage removed from the body, and resolve_with_credits() resolves both across articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

import polars as pl
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgate.credits import credit_entity, credit_parts
from newsgate.nlp.gazetteer import country_demonyms, surface_index
from newsgate.nlp.lexicon import (
    COMPASS_WORDS,
    GENERIC_ORG_WORDS,
    HONORIFICS,
    LEADER_TITLES,
    LOC_HEADS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_HEADS,
    REPORTING_VERBS,
    SHIP_PREFIXES,
    TITLE_COMPLEMENTS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    WEAK_TITLE_HEADS,
)

_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_POSSESSIVE = {"'s", "’s"}
_MAX_NAME = 5
_ROLE_LABELS = {"ORG", "GPE", "NORP", "LOC"}
_DETERMINERS = {"the", "a", "an"}
_PRONOUN_OWNERS = {"its", "their"}
_TRAILING_AGENT = {"according"}
_LOWER_ORG_HEADS = {"ministry", "bank"}
_PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "port",
    "capital",
    "region",
    "province",
    "district",
    "municipality",
    "settlement",
    "oblast",
    "governorate",
    "county",
    "state",
    "island",
}
_REGION_NOUNS = {"region", "province", "district", "oblast", "governorate", "county"}
_LED_BY = {"led", "headed", "chaired", "hosted", "founded", "commanded"}
# one-word places that open a longer name are part of it: "Porto Alegre", "Jordan Bardella"
_PLACE_PREFIX_LABELS = {"GPE"}
# credit lines need entities only, not quotes or events
_NON_ENTITY_PIPES = {"newsgate_quotes", "newsgate_events"}
_MAX_CREDIT_LINE = 2000
_NAME_SUFFIXES = {"II", "III", "IV", "V", "VI", "Jr", "Jr.", "Sr", "Sr."}
_CONNECTORS = {"of", "for", "and", "the", "on", "in"}
_BEFORE_SURNAME = {"and", "but", "as", "while", "when", "where", "which", "that", "'s", "’s"}
_SINGLE_WORD_BODIES = {"Government", "Army", "Navy", "Parliament", "Police", "Cabinet", "Military"}


@dataclass
class _Role:
    """A title seen with a person, and the organisation or country that qualifies it."""

    title: str
    org: str | None = None
    country: str | None = None
    text: str = ""


def fold(text: str) -> str:
    """Return `text` lower-cased with accents removed, for matching name variants."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _is_name_token(token: Token) -> bool:
    text = token.text
    if _INITIAL.match(text):
        return True
    if not _NAME_TOKEN.match(text) or not text[0].isupper() or text in NOT_NAMES:
        return False
    # all-caps words are acronyms, except short all-caps surnames in credits; lower-case
    # letters must follow the capital for a word to read as a name
    return any(c.islower() for c in text[1:])


def _name_end(doc: Doc, start: int, taken: set[int], soft: frozenset[int] = frozenset()) -> int:
    """Return the end of a person-name run starting at `start` (== start when there is none).

    `soft` tokens (one-word places such as "Lima") may end a run that began with a name token,
    so "President Ana Lima" is a person.
    """
    end = start
    while end < len(doc) and end - start < _MAX_NAME:
        token = doc[end]
        if end in taken:
            if end > start and end in soft and _is_name_token(token):
                end += 1
            break
        if _is_name_token(token) or (
            end > start and token.lower_ in NAME_PARTICLES and _particle_leads_to_name(doc, end)
        ):
            end += 1
        elif end > start and token.text in _NAME_SUFFIXES:
            end += 1  # "King Charles III", "Martin Luther King Jr."
            break
        else:
            break
    while end > start and doc[end - 1].lower_ in NAME_PARTICLES:
        end -= 1
    return end


def _particle_leads_to_name(doc: Doc, index: int) -> bool:
    """Return True when the particles from `index` on are followed by a name: "von der Leyen"."""
    j = index
    while j < len(doc) and doc[j].lower_ in NAME_PARTICLES:
        j += 1
    return j < len(doc) and j - index <= 2 and _is_name_token(doc[j])


def _name_start(doc: Doc, end: int, taken: set[int]) -> int:
    """Return the start of a person-name run ending at `end` (== end when there is none)."""
    start = end
    while start > 0 and end - start < _MAX_NAME and start - 1 not in taken:
        token = doc[start - 1]
        if _is_name_token(token) or (
            start < end and token.lower_ in NAME_PARTICLES and start - 2 >= 0
        ):
            start -= 1
        else:
            break
    while start < end and (
        doc[start].lower_ in NAME_PARTICLES
        or doc[start].lower_ in TITLE_HEADS
        or doc[start].lower_ in TITLE_MODIFIERS
    ):
        start += 1
    return start


class _NameFinder:
    """Collect new spans over unclaimed tokens of one Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        # doc.ents builds new Span objects on every access, so read it once
        self.ents = list(doc.ents)
        # token strings, read once: creating Token objects dominates the rules' run time
        self.text = [t.text for t in doc]
        self.lower = [t.lower_ for t in doc]
        self.taken = {i for ent in self.ents for i in range(ent.start, ent.end)}
        self.found: list[Span] = []
        self.roles: dict[tuple[int, int], list[_Role]] = defaultdict(list)
        self.ent_by_token = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        # starts of existing entities folded into a longer new span ("Russian" + "Defense Ministry")
        self.removed: set[int] = set()
        self.people: set[tuple[int, int]] = set()

    def add(self, start: int, end: int, label: str, kb_id: str = "") -> bool:
        if end <= start or any(i in self.taken for i in range(start, end)):
            return False
        self.found.append(Span(self.doc, start, end, label=label, kb_id=kb_id))
        self.taken.update(range(start, end))
        return True

    def claim(self, start: int, end: int, label: str, kb_id: str) -> bool:
        """Add a span that swallows the existing non-person entities lying wholly inside it."""
        inside = [e for e in self.ents if start <= e.start and e.end <= end]
        found_inside = [s for s in self.found if start <= s.start and s.end <= end]
        if any(e.label_ == "PERSON" for e in [*inside, *found_inside]):
            return False
        freed = {i for e in [*inside, *found_inside] for i in range(e.start, e.end)}
        if any(i in self.taken and i not in freed for i in range(start, end)):
            return False
        self.removed.update(e.start for e in inside)
        self.found = [s for s in self.found if s not in found_inside]
        self.taken.difference_update(freed)
        return self.add(start, end, label, kb_id)

    def soft(self) -> frozenset[int]:
        return frozenset(
            ent.start
            for ent in self.ents
            if len(ent) == 1 and ent.label_ in {"GPE", "LOC"} and ent.start not in self.removed
        )

    def person(self, start: int, end: int, role: _Role | None = None) -> None:
        if end <= start:
            return
        last = end - 1
        rest_free = not any(i in self.taken for i in range(start, last))
        if rest_free and last in self.taken and last in self.soft():
            # "President Ana Lima": the one-word place is the end of the name
            self.removed.add(last)
            self.taken.discard(last)
        if self.add(start, end, "PERSON"):
            self.people.add((start, end))
        if role and (start, end) in self.people:
            self.roles[(start, end)].append(role)

    def qualifier_before(self, index: int) -> tuple[str | None, str | None, int]:
        """Return (org, country, start) of an entity qualifying a title that starts at `index`."""
        doc = self.doc
        j = index - 1
        if j >= 0 and doc[j].text in _POSSESSIVE:
            j -= 1
        ent = self.ent_by_token.get(j)
        if ent is None or ent.label_ not in _ROLE_LABELS or ent.end != j + 1:
            return None, None, index
        return (*_org_or_country(ent), ent.start)

    def qualifier_after(self, index: int) -> tuple[str | None, str | None, int]:
        """Return (org, country, end) of "to NATO" / "of the Alliance" after a title ending at index."""
        doc = self.doc
        if index >= len(doc) or doc[index].lower_ not in {"to", "of", "at", "for", "in"}:
            return None, None, index
        j = index + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        ent = self.ent_by_token.get(j)
        if ent is None or ent.start != j or ent.label_ not in _ROLE_LABELS:
            return None, None, index
        return (*_org_or_country(ent), ent.end)


def _org_or_country(ent: Span) -> tuple[str | None, str | None]:
    name = ent.kb_id_ or ent.text
    if ent.label_ == "ORG":
        return name, None
    if ent.label_ == "NORP":
        return None, country_demonyms().get(name)
    return None, name


def _titles(lower: list[str]) -> list[tuple[int, int]]:
    """Return (start, end) token spans of person titles: modifiers, a head word, a complement."""
    spans = []
    i = 0
    n = len(lower)
    while i < n:
        if lower[i] not in TITLE_MODIFIERS and lower[i] not in TITLE_HEADS:
            i += 1
            continue
        j = i
        while j < n and lower[j] in TITLE_MODIFIERS:
            j += 1
        heads = j
        while j < n and lower[j] in TITLE_HEADS:
            j += 1
            if j < n and lower[j] == "-" and j + 1 < n and lower[j + 1] in TITLE_HEADS:
                j += 2
        if j + 1 < n and lower[j] == "-" and lower[j + 1] == "elect":
            j += 2  # "President-elect"
        if j == heads and j > i and lower[j - 1] in TITLE_HEADS:
            heads = j - 1  # the last modifier is the head: "alliance chief", "army general"
        if j == heads:
            i += 1
            continue
        for complement in TITLE_COMPLEMENTS:
            words = tuple(lower[j : j + len(complement)])
            if words == complement:
                j += len(complement)
                break
        spans.append((i, j))
        i = j
    return spans


def _title_text(doc: Doc, start: int, end: int) -> str:
    words = [t.text for t in doc[start:end] if t.lower_ != "former"]
    return " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")


def _find_ships(finder: _NameFinder) -> None:
    doc = finder.doc
    for token in doc:
        if token.text in SHIP_PREFIXES and token.i + 1 < len(doc):
            end = token.i + 1
            while end < len(doc) and end - token.i <= 3 and doc[end].is_title:
                end += 1
            if end > token.i + 1:
                # a ship's name is never a person, even when a trained NER says so
                for ent in finder.ents:
                    if ent.start < end and ent.end > token.i:
                        finder.removed.add(ent.start)
                        finder.taken.difference_update(range(ent.start, ent.end))
                finder.add(token.i, end, "PRODUCT", doc[token.i : end].text)


def _acronym_matches(words: list[str], acronym: str) -> bool:
    """Return True when each word gives the acronym a leading piece, in order ("ECOWAS").

    Connecting words ("of", "and", "the") may give nothing.
    """
    if not words:
        return not acronym
    word, rest = words[0], words[1:]
    if word.lower() in _CONNECTORS and _acronym_matches(rest, acronym):
        return True
    for size in range(1, min(len(word), len(acronym)) + 1):
        if word[:size].upper() != acronym[:size]:
            break
        if _acronym_matches(rest, acronym[size:]):
            return True
    return False


def _find_acronyms(finder: _NameFinder) -> dict[str, tuple[str, str]]:
    """Find "Long Form Name (LFN)" and return acronym -> (label, canonical long form)."""
    doc = finder.doc
    defined: dict[str, tuple[str, str]] = {}
    texts = finder.text
    for i in range(len(texts) - 2):
        if texts[i] != "(" or texts[i + 2] != ")":
            continue
        token = doc[i]
        acronym = doc[i + 1]
        if not (acronym.is_upper and acronym.is_alpha and 2 <= len(acronym) <= 8):
            continue
        before = finder.ent_by_token.get(token.i - 1)
        if before is not None and before.end == token.i:
            defined[acronym.text] = (before.label_, before.kb_id_ or before.text)
            continue
        start = token.i
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in _CONNECTORS):
            start -= 1
        for first in range(start, token.i - 1):
            words = [t.text for t in doc[first : token.i]]
            if (
                doc[first].is_title
                and doc[first].lower_ not in _CONNECTORS
                and _acronym_matches(words, acronym.text)
            ):
                label = "LOC" if doc[token.i - 1].text in LOC_HEADS else "ORG"
                name = doc[first : token.i].text
                if finder.claim(first, token.i, label, name):
                    defined[acronym.text] = (label, name)
                break
    if defined:
        for i, word in enumerate(texts):
            if word in defined and i not in finder.taken:
                label, name = defined[word]
                finder.add(i, i + 1, label, name)
    return defined


def _find_titled_people(finder: _NameFinder) -> None:
    doc = finder.doc
    for start, end in _titles(finder.lower):
        head = finder.lower[end - 1]
        org, country, role_start = finder.qualifier_before(start)
        after_org, after_country, name_start = finder.qualifier_after(end)
        org, country = org or after_org, country or after_country
        role_text = doc[role_start:name_start].text
        if name_start < len(doc) and doc[name_start].text == ",":
            name_start += 1
        name_end = _name_end(doc, name_start, finder.taken, finder.soft())
        if name_end == name_start:
            continue
        capitalised = doc[start].text[0].isupper() or doc[end - 1].text[0].isupper()
        if head in WEAK_TITLE_HEADS and not capitalised and name_end - name_start < 2:
            continue
        title = _title_text(doc, start, end)
        finder.person(
            name_start,
            name_end,
            _Role(title, org, country, role_text),
        )
    for token in doc:
        if token.text in HONORIFICS or (token.text + ".") in HONORIFICS:
            start = token.i + 1
            if start < len(doc) and doc[start].text == ".":
                start += 1
            first = start
            if start < len(doc) and doc[start].lower_ in NAME_PARTICLES:
                # "Ms von der Leyen": after an honorific a name may open with its particles
                while (
                    first < len(doc) and doc[first].lower_ in NAME_PARTICLES and first - start < 2
                ):
                    first += 1
            end = _name_end(doc, first, finder.taken)
            if end > first:
                finder.person(start, end)


def _find_speakers(finder: _NameFinder) -> None:
    doc = finder.doc
    lower = finder.lower
    for i, word in enumerate(lower):
        if word in REPORTING_VERBS:
            start = _name_start(doc, i, finder.taken)
            # a lone capitalised word before "said" is a surname only after a clause boundary
            single_ok = (
                not doc[start].is_sent_start
                and start > 0
                and (
                    doc[start - 1].is_punct
                    or doc[start - 1].is_quote
                    or lower[start - 1] in _BEFORE_SURNAME
                )
            )
            if start < i and (i - start > 1 or single_ok):
                finder.person(start, i)
            if i > 0 and (doc[i - 1].is_punct or doc[i - 1].is_quote):
                end = _name_end(doc, i + 1, finder.taken)
                # "…,” added Envoy Mia Chen": a title before an already-found name is no person
                if not all(
                    lower[k] in TITLE_HEADS or lower[k] in TITLE_MODIFIERS
                    for k in range(i + 1, end)
                ):
                    finder.person(i + 1, end)
        elif word == "by" and i > 0 and lower[i - 1] in _LED_BY:
            end = _name_end(doc, i + 1, finder.taken)
            if end - i - 1 >= 2:
                finder.person(i + 1, end)
        elif word in _TRAILING_AGENT and i + 1 < len(lower) and lower[i + 1] == "to":
            finder.person(i + 2, _name_end(doc, i + 2, finder.taken))


def _find_appositions(finder: _NameFinder) -> None:
    """Find "Name, [the] [Qualifier] title" and "Name, who" where Name has at least two words."""
    doc = finder.doc
    commas = [i for i, word in enumerate(finder.text) if word == ","]
    for i in commas:
        if i + 1 < len(doc) and finder.lower[i + 1] == "who":
            start = _name_start(doc, i, finder.taken)
            if i - start >= 2:
                finder.person(start, i)
    title_starts = {start: end for start, end in _titles(finder.lower)}
    for i in commas:
        if i < 2:
            continue
        token = doc[i]
        j = token.i + 1
        if j < len(doc) and doc[j].lower_ in _DETERMINERS:
            j += 1
        ent = finder.ent_by_token.get(j)
        qualifier_end = j
        if ent is not None and ent.start == j and ent.label_ in _ROLE_LABELS:
            qualifier_end = ent.end
            if qualifier_end < len(doc) and doc[qualifier_end].text in _POSSESSIVE:
                qualifier_end += 1
        if qualifier_end not in title_starts:
            continue
        end = token.i
        start = _name_start(doc, end, finder.taken)
        if end - start >= 2:
            title_end = title_starts[qualifier_end]
            org, country = (
                _org_or_country(ent) if ent is not None and ent.start == j else (None, None)
            )
            after_org, after_country, _ = finder.qualifier_after(title_end)
            role = _Role(
                _title_text(doc, qualifier_end, title_end),
                org or after_org,
                country or after_country,
                doc[j:title_end].text,
            )
            finder.person(start, end, role)


def _nearest_country(finder: _NameFinder, index: int) -> str | None:
    demonyms = country_demonyms(by_country=True)
    for ent in reversed(finder.ents):
        if ent.end <= index and ent.label_ == "GPE" and (ent.kb_id_ or ent.text) in demonyms:
            return ent.kb_id_ or ent.text
    return None


def _find_headed_spans(finder: _NameFinder) -> None:
    """Type capitalised runs by their last word: "... Ministry" is ORG, "... Sea" is LOC."""
    doc = finder.doc
    demonyms = country_demonyms(by_country=True)
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and _is_capitalised_free(finder, end):
            end += 1
            # "Joint Chiefs of Staff", "Ministry of Defence": "of" joins two capitalised parts
            if (
                end + 1 < len(doc)
                and doc[end].lower_ in {"of", "for"}
                and _is_capitalised_free(finder, end + 1)
            ):
                end += 1
        if end == i:
            i += 1
            continue
        start = i
        while start < end and doc[start].is_stop:
            start += 1
        head = doc[end - 1].text
        cut = end < len(doc) and end in finder.taken
        inner_head = (
            not cut
            and any(t.text in ORG_HEADS for t in doc[start:end])
            and any(t.lower_ in {"of", "for"} for t in doc[start:end])
        )
        place = _place_after_of(finder, end)
        if head in ORG_HEADS and place is not None and end - start >= 1:
            # "Bank of England", "Ministry of Defence of Ukraine": the place is part of the name
            finder.claim(start, place.end, "ORG", doc[start : place.end].text)
        elif (head in ORG_HEADS or inner_head) and end > start:
            _add_org(finder, start, end, demonyms)
        elif head in LOC_HEADS and end - start >= 2:
            finder.add(start, end, "LOC", doc[start:end].text)
        i = end


def _place_after_of(finder: _NameFinder, index: int) -> Span | None:
    doc = finder.doc
    if index + 1 >= len(doc) or doc[index].lower_ != "of":
        return None
    ent = finder.ent_by_token.get(index + 1)
    if ent is None or ent.start != index + 1 or ent.label_ not in {"GPE", "LOC"}:
        return None
    return ent


def _is_capitalised_free(finder: _NameFinder, index: int) -> bool:
    token = finder.doc[index]
    return (
        index not in finder.taken
        and token.is_alpha
        and (token.is_title or (token.is_upper and len(token) > 1))
    )


def _add_org(finder: _NameFinder, start: int, end: int, demonyms: dict[str, str]) -> None:
    doc = finder.doc
    words = [t.text for t in doc[start:end] if t.lower_ not in {"of", "for"}]
    generic = all(w in GENERIC_ORG_WORDS for w in words)
    qualifier = finder.ent_by_token.get(start - 1)
    if start > 0 and doc[start - 1].text in _POSSESSIVE:
        qualifier = finder.ent_by_token.get(start - 2)
    foldable = generic and (len(words) >= 2 or words[0] in _SINGLE_WORD_BODIES)
    if (
        foldable
        and qualifier is not None
        and qualifier.label_ in {"GPE", "NORP"}
        and qualifier.end >= start - 1
    ):
        _, country = _org_or_country(qualifier)
        if country and country in demonyms:
            # drop the qualifier span so the whole "Russian Defense Ministry" becomes one ORG
            name = _us_spelling(f"{demonyms[country]} {doc[start:end].text}")
            finder.found = [s for s in finder.found if s.start != qualifier.start]
            finder.ent_by_token = {
                k: v for k, v in finder.ent_by_token.items() if v.start != qualifier.start
            }
            finder.taken.difference_update(range(qualifier.start, qualifier.end))
            finder.removed.add(qualifier.start)
            finder.add(qualifier.start, end, "ORG", name)
            return
    if not generic:
        if len(words) >= 2:
            finder.add(start, end, "ORG", doc[start:end].text)
        return
    owner = doc[start - 1].lower_ if start > 0 else ""
    if owner in _PRONOUN_OWNERS:
        country = _nearest_country(finder, start)
        if country and country in demonyms and len(words) >= 2:
            finder.add(
                start, end, "ORG", _us_spelling(f"{demonyms[country]} {doc[start:end].text}")
            )


def _us_spelling(name: str) -> str:
    """Return a built ministry name in one spelling, so "Defence" and "Defense" are one entity."""
    return name.replace("Defence", "Defense")


def _find_lowercase_ministries(finder: _NameFinder) -> None:
    """Find "China's foreign ministry" / "the Russian defence ministry" as the country's ministry."""
    doc = finder.doc
    demonyms = country_demonyms(by_country=True)
    for ent in finder.ents:
        if ent.label_ not in {"GPE", "NORP"} or ent.start in finder.removed:
            continue
        start = ent.end + (1 if ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE else 0)
        end = start
        while end < len(doc) and end - start < 3 and doc[end].is_lower and end not in finder.taken:
            end += 1
            if doc[end - 1].lower_ in _LOWER_ORG_HEADS:
                break
        if end == start or doc[end - 1].lower_ not in _LOWER_ORG_HEADS:
            continue
        if end < len(doc) and doc[end].lower_ == "of":
            continue
        words = doc[start:end]
        if not all(t.text.capitalize() in GENERIC_ORG_WORDS or t.lower_ == "bank" for t in words):
            continue
        _, country = _org_or_country(ent)
        if country in demonyms:
            name = f"{demonyms[country]} " + " ".join(t.text.capitalize() for t in words)
            finder.claim(ent.start, end, "ORG", _us_spelling(name))


def _find_place_phrases(finder: _NameFinder) -> None:
    """Find places named by their context: "the town of X", "X, a city in", "the X region"."""
    doc = finder.doc
    lower = finder.lower
    n = len(doc)
    for i, word in enumerate(lower):
        if word in _PLACE_NOUNS and i + 2 < n and lower[i + 1] == "of" and i > 0:
            if lower[i - 1] in _DETERMINERS or doc[i - 1].is_lower:
                end = _place_name_end(finder, i + 2)
                if end > i + 2:
                    finder.add(i + 2, end, "GPE", doc[i + 2 : end].text)
        elif word in _REGION_NOUNS and i > 0 and doc[i].is_lower:
            start = i
            place = finder.ent_by_token.get(i - 1)
            if place is not None and place.end == i and place.label_ == "GPE":
                start = place.start  # "the Belgorod region" around the city "Belgorod"
            while start > 0 and i - start < 2 and _is_place_word(finder, start - 1):
                start -= 1
            if start < i and start > 0 and lower[start - 1] in {"the", "'s", "’s"}:
                finder.claim(start, i + 1, "GPE", doc[start : i + 1].text)
        elif word == "," and i + 3 < n and lower[i + 1] in {"a", "the"}:
            j = i + 2
            while j < n and j - i <= 4 and doc[j].is_lower and lower[j] not in _PLACE_NOUNS:
                j += 1
            if j < n and lower[j] in _PLACE_NOUNS and lower[j] not in _REGION_NOUNS:
                start = i
                while start > 0 and i - start < 3 and _is_place_word(finder, start - 1):
                    start -= 1
                if start < i and not doc[start].is_sent_start:
                    finder.add(start, i, "GPE", doc[start:i].text)


def _is_place_word(finder: _NameFinder, index: int) -> bool:
    return index not in finder.taken and _is_name_token(finder.doc[index])


def _place_name_end(finder: _NameFinder, start: int) -> int:
    end = start
    while end < len(finder.doc) and end - start < 3 and _is_place_word(finder, end):
        end += 1
    return end


def _find_compass_regions(finder: _NameFinder) -> list[Span]:
    """Return "eastern Ukraine"-style spans that replace the country mention they contain."""
    doc = finder.doc
    regions = []
    for ent in finder.ents:
        if ent.label_ not in {"GPE", "LOC"} or ent.start == 0 or ent.start in finder.removed:
            continue
        word = doc[ent.start - 1]
        if word.lower_ in COMPASS_WORDS and word.i not in finder.taken:
            name = f"{COMPASS_WORDS[word.lower_]} {ent.kb_id_ or ent.text}"
            regions.append(Span(doc, word.i, ent.end, label="LOC", kb_id=name))
    return regions


def _drop_place_prefixes(doc: Doc) -> None:
    """Drop one-word places followed by another name word ("Porto Alegre", "Jordan Bardella")."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    dropped = set()
    for ent in doc.ents:
        if len(ent) != 1 or ent.label_ not in _PLACE_PREFIX_LABELS or ent.end >= len(doc):
            continue
        nxt = doc[ent.end]
        if (
            ent.end not in taken
            and _is_name_token(nxt)
            and not nxt.is_sent_start
            and nxt.text not in ORG_HEADS
            and nxt.text not in LOC_HEADS
            and nxt.lower_ not in TITLE_HEADS
            and nxt.lower_ not in TITLE_MODIFIERS
        ):
            dropped.add(ent.start)
    if dropped:
        doc.ents = [e for e in doc.ents if e.start not in dropped]


def find_name_entities(doc: Doc) -> Doc:
    """Add PERSON, ORG, LOC and ship spans found by titles, reporting verbs and word shape."""
    _drop_place_prefixes(doc)
    finder = _NameFinder(doc)
    _find_ships(finder)
    _find_acronyms(finder)
    _find_titled_people(finder)
    _find_appositions(finder)
    _find_speakers(finder)
    _find_headed_spans(finder)
    _find_lowercase_ministries(finder)
    _find_place_phrases(finder)
    regions = _find_compass_regions(finder)
    kept = [e for e in doc.ents if e.start not in finder.removed]
    region_starts = {r.start + 1 for r in regions}
    kept = [e for e in kept if e.start not in region_starts] + regions
    doc.ents = sorted(filter_spans([*kept, *finder.found]), key=lambda s: s.start)
    full_names = _propagate_person_names(doc)
    _store_roles(doc, finder, full_names)
    _resolve_role_references(doc)
    return doc


def _surname(words: list[str]) -> str:
    """Return the folded surname of a name's words, skipping "Jr." or "III"."""
    core = [w for w in words if w not in _NAME_SUFFIXES] or words
    return fold(core[-1]) if core else ""


def _full_name_map(doc: Doc) -> dict[str, str]:
    """Map the folded surname of each person found to the longest full name seen for it."""
    full_names: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and not ent.kb_id_:
            name = ent.text
            surname = _surname([t.text for t in ent])
            if len(name) > len(full_names.get(surname, "")):
                full_names[surname] = name
    return full_names


def _propagate_person_names(doc: Doc) -> dict[str, str]:
    """Mark every other occurrence of a found person's surname, with kb_id = the full name."""
    full_names = _full_name_map(doc)
    if not full_names:
        return full_names
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    extra = []
    for token in doc:
        if token.i not in taken and fold(token.text) in full_names and _is_name_token(token):
            start = token.i
            while (
                start > 0
                and start - 1 not in taken
                and _is_name_token(doc[start - 1])
                and token.i - start < 2
            ):
                start -= 1
            extra.append(Span(doc, start, token.i + 1, label="PERSON"))
    ents = filter_spans([*doc.ents, *extra])
    doc.ents = [
        Span(doc, e.start, e.end, label="PERSON", kb_id=_full_for(e, full_names))
        if e.label_ == "PERSON" and not e.kb_id_
        else e
        for e in sorted(ents, key=lambda s: s.start)
    ]
    return full_names


def _full_for(ent: Span, full_names: dict[str, str]) -> str:
    full = full_names.get(_surname([t.text for t in ent]), ent.text)
    # a different first name with the same surname is a different person
    own = [fold(t.text) for t in ent]
    suffix = [fold(w) for w in full.split()[-len(own) :]]
    if len(ent) > 1 and own != suffix and not _first_names_compatible(ent[0].text, full.split()[0]):
        return ent.text
    return full


def _store_roles(doc: Doc, finder: _NameFinder, full_names: dict[str, str]) -> None:
    roles: dict[str, list[dict]] = defaultdict(list)
    titles: dict[str, set[str]] = defaultdict(set)
    for (start, end), found in finder.roles.items():
        name = full_names.get(_surname([t.text for t in doc[start:end]]), doc[start:end].text)
        for role in found:
            entry = {
                "title": role.title,
                "org": role.org,
                "country": role.country,
                "text": role.text,
            }
            if entry not in roles[name]:
                roles[name].append(entry)
            titles[name].add(role.title)
            if role.text and role.text != role.title:
                titles[name].add(role.text)
    doc.user_data["person_titles"] = {k: sorted(v) for k, v in titles.items()}
    doc.user_data["person_roles"] = dict(roles)


def _title_key(title: str) -> str:
    words = fold(title).replace("-", " ").replace("undersecretary", "under secretary").split()
    words = [w for w in words if w not in {"former", "the", "a", "an"}]
    return " ".join(words)


def _is_leader(title_key: str) -> bool:
    return title_key.split()[-1] in LEADER_TITLES or title_key.endswith("secretary general")


def _role_matches(role: dict, key: str, org: str | None, country: str | None) -> bool:
    own = _title_key(role["title"])
    same_title = own == key or own.endswith(" " + key) or (_is_leader(own) and _is_leader(key))
    if not same_title:
        return False
    if org and role["org"] and org != role["org"]:
        return False
    if country and role["country"] and country != role["country"]:
        return False
    return bool(org or country) or own == key


def _resolve_role_references(doc: Doc) -> None:
    """Mark the title in "the NATO chief" / "the US undersecretary of state" as its holder."""
    roles = doc.user_data.get("person_roles", {})
    if not roles:
        return
    finder = _NameFinder(doc)
    replaced: set[int] = set()
    found = []
    for start, end in _titles(finder.lower):
        org, country, qual_start = finder.qualifier_before(start)
        if qual_start == 0 or doc[qual_start - 1].lower_ != "the":
            continue
        after_org, after_country, span_end = finder.qualifier_after(end)
        org, country = org or after_org, country or after_country
        if span_end < len(doc) and (_is_name_token(doc[span_end]) or doc[span_end].text == ","):
            continue
        key = _title_key(doc[start:end].text)
        holders = [
            n for n, rs in roles.items() if any(_role_matches(r, key, org, country) for r in rs)
        ]
        if len(holders) != 1:
            continue
        # the mention is the title words; "NATO" in "the NATO chief" stays an ORG mention
        overlapping = [e for e in doc.ents if e.start < end and e.end > start]
        if any(e.label_ == "PERSON" for e in overlapping):
            continue
        replaced.update(e.start for e in overlapping)
        found.append(Span(doc, start, end, label="PERSON", kb_id=holders[0]))
    if found:
        kept = [e for e in doc.ents if e.start not in replaced]
        doc.ents = sorted(filter_spans([*kept, *found]), key=lambda s: s.start)


def sentence_starts(doc: Doc) -> list[int]:
    """Return the character offset where each sentence of `doc` starts."""
    return [sent.start_char for sent in doc.sents]


def mentions_from_doc(doc: Doc, article_id: str) -> list[dict]:
    """Return one row per entity mention in `doc` with offsets and its in-article canonical name."""
    starts = sentence_starts(doc) or [0]
    rows = []
    for ent in doc.ents:
        rows.append(
            {
                "article_id": article_id,
                "start_char": ent.start_char,
                "end_char": ent.end_char,
                "text": ent.text,
                "label": ent.label_,
                "sentence_index": _sentence_index(starts, ent.start_char),
                "local_name": ent.kb_id_ or _local_name(ent),
            }
        )
    return rows


def _local_name(ent: Span) -> str:
    """Return the mention's own canonical form: gazetteer name when it is a known surface form."""
    entry = surface_index().get(ent.text)
    if entry is not None and entry.label == ent.label_:
        return entry.name
    text = ent.text
    if text.lower().startswith("the "):
        text = text[4:]
    return re.sub(r"\s+", " ", text).strip()


def _sentence_index(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _first_names_compatible(a: str, b: str) -> bool:
    a, b = fold(a).rstrip("."), fold(b).rstrip(".")
    return a.startswith(b) or b.startswith(a) or (a[:4] == b[:4] and abs(len(a) - len(b)) <= 2)


def _person_key(name: str) -> str:
    return _surname(name.split())[:6]


def resolve_entities(mentions: pl.DataFrame) -> pl.DataFrame:
    """Return `mentions` with `canonical_name` added: one name per real entity across articles."""
    if mentions.is_empty():
        return mentions.with_columns(pl.lit(None, dtype=pl.String).alias("canonical_name"))
    canonical: dict[tuple[str, str], str] = {}
    persons = mentions.filter(pl.col("label") == "PERSON")["local_name"].to_list()
    counts = Counter(persons)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(persons), key=lambda n: (-len(n.split()), -counts[n], n)):
        by_surname[_person_key(name)].append(name)
    for group in by_surname.values():
        clusters: list[list[str]] = []
        for name in group:
            parts = name.split()
            for cluster in clusters:
                head = cluster[0].split()
                if len(parts) == 1 or len(head) == 1 or _first_names_compatible(parts[0], head[0]):
                    cluster.append(name)
                    break
            else:
                clusters.append([name])
        for cluster in clusters:
            full = [n for n in cluster if len(n.split()) > 1] or cluster
            best = max(full, key=lambda n: (counts[n], n.isascii(), n))
            for name in cluster:
                canonical[("PERSON", name)] = best
    return mentions.with_columns(
        pl.struct("label", "local_name")
        .map_elements(
            lambda r: canonical.get((r["label"], r["local_name"]), r["local_name"]),
            return_dtype=pl.String,
        )
        .alias("canonical_name")
    )


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
                (e.start_char, e.end_char, e.label_, e.kb_id_ or _local_name(e)) for e in doc.ents
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


def resolve_with_credits(
    mentions: pl.DataFrame, credits: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return both frames with `canonical_name`, resolved together so credits share entity names."""
    keys = pl.concat(
        [
            mentions.select("label", "local_name"),
            credits.select("label", "local_name"),
        ]
    )
    resolved = (
        resolve_entities(keys)
        .unique(subset=["label", "local_name"])
        .select("label", "local_name", "canonical_name")
    )
    return (
        mentions.join(resolved, on=["label", "local_name"], how="left", maintain_order="left"),
        credits.join(resolved, on=["label", "local_name"], how="left", maintain_order="left"),
    )
