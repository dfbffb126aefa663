"""Token shape shared by the name rules: name words, name runs, person titles, the span finder."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgate.nlp.dates import MONTHS
from newsgate.nlp.gazetteer import country_demonyms
from newsgate.nlp.lexicon import (
    HONORIFIC_RUNS,
    HONORIFICS,
    LOC_HEADS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_HEADS,
    TITLE_COMPLEMENTS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    common_word_surnames,
    common_words,
    given_names,
)
from newsgate.nlp.names.fold import NAME_SUFFIXES

_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*$")
# initials, one or run together: "J.", "P.K.", "J.R.R."
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
_GLUED = re.compile(r"[a-z][A-Z]{2,}")
POSSESSIVE = {"'s", "’s"}
_MAX_NAME = 5
ROLE_LABELS = {"ORG", "GPE", "NORP", "LOC"}
DETERMINERS = {"the", "a", "an"}
CONNECTORS = {"of", "for", "and", "the", "on", "in"}


@dataclass
class Role:
    """A title seen with a person, and the organisation or country that qualifies it."""

    title: str
    org: str | None = None
    country: str | None = None
    text: str = ""


def is_name_token(token: Token) -> bool:
    text = token.text
    if _INITIAL.match(text):
        return True
    if not _NAME_TOKEN.match(text) or not text[0].isupper() or text in NOT_NAMES:
        return False
    if _GLUED.search(text):
        return False  # "KatariaSHAMBHU": two words glued by a scraper, not one name
    # all-caps words are acronyms, except short all-caps surnames in credits; lower-case
    # letters must follow the capital for a word to read as a name
    return any(c.islower() for c in text[1:])


_HYPHENS = {"-", "‑", "‐"}
_SHORT_CAPS = re.compile(r"^[A-Z]{2,3}$")
# one capital written without a full stop is an initial in South Asian styles ("K Ponmudy",
# "G S Naveen"); "A" and "I" are words
_BARE_INITIAL = re.compile(r"^[B-HJ-Z]$")


def capitalised_free(finder: NameFinder, index: int) -> bool:
    """Return whether the token at `index` is unclaimed, alphabetic and capitalised (a title-case
    word, or an all-caps word of two letters or more)."""
    token = finder.doc[index]
    return (
        index not in finder.taken
        and token.is_alpha
        and (token.is_title or (token.is_upper and len(token) > 1))
    )


def _initials_end(doc: Doc, index: int, taken: set[int]) -> int:
    """Return the end of the capital initials from `index` on ("KP", "G S"), or index."""
    if _SHORT_CAPS.match(doc[index].text):
        return index + 1
    end = index
    while (
        end < len(doc)
        and end - index < 3
        and end not in taken
        and _BARE_INITIAL.match(doc[end].text)
    ):
        end += 1
    return end


def joined_end(doc: Doc, index: int) -> int:
    """Return the end of the hyphen-joined word starting at `index` ("Geun-hye"), else index + 1."""
    j = index + 1
    while (
        j + 1 < len(doc)
        and doc[j].text in _HYPHENS
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].is_alpha
    ):
        j += 2
    return j


def joined_start(doc: Doc, index: int) -> int:
    """Return the start of the hyphen-joined word ending with token `index`, else index."""
    i = index
    while (
        i - 2 >= 0
        and doc[i - 1].text in _HYPHENS
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
        and doc[i - 2].is_alpha
    ):
        i -= 2
    return i


def _is_joined_name(doc: Doc, start: int, end: int) -> bool:
    """Return whether a hyphen-joined word reads as a name part: "Ki-moon", "al-Nahyan", "Jean-Luc"."""
    first, last = doc[start], doc[end - 1]
    if first.lower_ in NAME_PARTICLES:
        return last.text[:1].isupper() and is_name_token(last)
    if not is_name_token(first):
        return False
    parts = [doc[k].text for k in range(start, end, 2)]
    # "Geun-hye", "Jin-ryong", "Jean-Luc": letters only, every later part a name syllable or a
    # word of its own, not an English word ("Russia-led", "Kremlin-backed")
    common = common_words()
    return all(p.isalpha() for p in parts) and all(
        p[:1].isupper() or len(p) <= 4 or p not in common for p in parts[1:]
    )


def _name_unit(doc: Doc, index: int, run_start: bool, taken: set[int]) -> int:
    """Return the end of the name word at `index` (a token or a hyphen-joined word), or index."""
    end = joined_end(doc, index)
    if end > index + 1:
        if any(k in taken for k in range(index, end)):
            return index
        return end if _is_joined_name(doc, index, end) else index
    token = doc[index]
    if is_name_token(token):
        return index + 1
    # initials written in capitals open a name: "KP Sharma Oli", "G S Naveen"
    nxt = _initials_end(doc, index, taken) if run_start else index
    if nxt > index and nxt < len(doc) and nxt not in taken and is_name_token(doc[nxt]):
        return nxt
    return index


def name_end(doc: Doc, start: int, taken: set[int], soft: frozenset[int] = frozenset()) -> int:
    """Return the end of a person-name run starting at `start` (== start when there is none).

    `soft` tokens (one-word places such as "Lima") may end a run that began with a name token,
    so "President Ana Lima" is a person. Hyphen-joined words count as one word ("Park Geun-hye").
    """
    end = start
    words = 0
    while end < len(doc) and words < _MAX_NAME:
        token = doc[end]
        if end in taken:
            if end > start and end in soft and is_name_token(token):
                end += 1
            break
        unit = _name_unit(doc, end, end == start, taken)
        if unit > end:
            end = unit
            words += 1
        elif end > start and token.lower_ in NAME_PARTICLES and _particle_leads_to_name(doc, end):
            end += 1
            words += 1
        elif end > start and token.text in NAME_SUFFIXES:
            end += 1  # "King Charles III", "Martin Luther King Jr."
            break
        else:
            break
    # a particle closes no name ("Pedro da"), but a capitalised one is a surname ("Shaktikanta Das")
    while end > start and doc[end - 1].lower_ in NAME_PARTICLES and doc[end - 1].is_lower:
        end -= 1
    return end


def _particle_leads_to_name(doc: Doc, index: int) -> bool:
    """Return True when the particles from `index` on are followed by a name: "von der Leyen"."""
    j = index
    while j < len(doc) and doc[j].lower_ in NAME_PARTICLES:
        j += 1
    return j < len(doc) and j - index <= 2 and _name_unit(doc, j, False, set()) > j


def _initials_start(doc: Doc, end: int, taken: set[int]) -> int:
    """Return the start of the capital initials ending at `end` that open a name, or end."""
    start = end
    if _SHORT_CAPS.match(doc[end - 1].text):
        start = end - 1
    else:
        while (
            start > 0
            and end - start < 3
            and start - 1 not in taken
            and _BARE_INITIAL.match(doc[start - 1].text)
        ):
            start -= 1
    if start < end and start > 0 and is_name_token(doc[start - 1]):
        return end  # "Sharma KP Oli": initials inside a run are not its start
    return start


# every word that may open or continue an honorific, without its full stop: the fast test
_HONORIFIC_WORDS = frozenset(w.rstrip(".") for h in HONORIFICS for w in h.split())


def honorific_end(words: Sequence[str], index: int) -> int:
    """Return the end of the honorifics and ranks written from `index` on ("Tan Sri", "Lt. Col."), or index.

    `words` are token texts (a NameFinder's `text`). A full stop after
    each word belongs to it; several honorifics may follow one another ("Datuk Seri Dr").
    """
    end = index
    n = len(words)
    while end < n and words[end].rstrip(".") in _HONORIFIC_WORDS:
        k = end
        for run in HONORIFIC_RUNS:
            j = end
            for word in run:
                if j >= n or words[j].rstrip(".") != word.rstrip("."):
                    break
                j += 1
                if j < n and words[j] == "." and not words[j - 1].endswith("."):
                    j += 1
            else:
                k = j
                break
        text = words[end]
        if k == end and (text in HONORIFICS or text + "." in HONORIFICS):
            k = end + 1
            if k < n and words[k] == ".":
                k += 1
        if k == end:
            break
        end = k
    return end


def name_start(doc: Doc, end: int, taken: set[int]) -> int:
    """Return the start of a person-name run ending at `end` (== end when there is none)."""
    start = end
    words = 0
    while start > 0 and words < _MAX_NAME and start - 1 not in taken:
        first = joined_start(doc, start - 1)
        if first < start - 1:
            if any(k in taken for k in range(first, start)) or not _is_joined_name(
                doc, first, start
            ):
                break
            start = first
        elif start - 2 >= 0 and doc[start - 2].lower_ == "of" and start < end:
            break  # "the Royal College of Nursing Pat Cullen said": a name never follows "of"
        elif is_name_token(doc[start - 1]) or (
            start < end and doc[start - 1].lower_ in NAME_PARTICLES and start - 2 >= 0
        ):
            start -= 1
        elif start < end and _initials_start(doc, start, taken) < start:
            start = _initials_start(doc, start, taken)  # "KP Sharma Oli said", "G S Naveen said"
            break
        else:
            break
        words += 1
    while start < end and (
        (doc[start].lower_ in NAME_PARTICLES and (doc[start].is_lower or start + 1 < end))
        or doc[start].lower_ in TITLE_HEADS
        or doc[start].lower_ in TITLE_MODIFIERS
    ):
        start += 1
    # "Datuk Seri Anwar Ibrahim said": the honorifics opening a run are no part of the name
    after = start + honorific_end([t.text for t in doc[start:end]], 0)
    if start < after < end:
        start = after
    return start


def acronym_matches(words: list[str], acronym: str) -> bool:
    """Return True when each word gives the acronym a leading piece, in order ("ECOWAS").

    Connecting words ("of", "and", "the") may give nothing.
    """
    if not words:
        return not acronym
    word, rest = words[0], words[1:]
    # connecting words, and short lower-case links inside hyphenated names ("Lashkar-i-Islam")
    skippable = word.lower() in CONNECTORS or (word.islower() and len(word) <= 3)
    if skippable and acronym_matches(rest, acronym):
        return True
    for size in range(1, min(len(word), len(acronym)) + 1):
        if word[:size].upper() != acronym[:size]:
            break
        if acronym_matches(rest, acronym[size:]):
            return True
    return False


def _common_words_only(words: Sequence[str]) -> bool:
    """Return whether every word of a run is a common English word and none a given name or
    a surname ("Geological Survey", "Water Resources"; not "Gordon Brown", "Rich Hill")."""
    common, given = common_words(), given_names()
    return all(w.lower() in common and w not in given and w.isalpha() for w in words) and not any(
        w in common_word_surnames() for w in words
    )


class NameFinder:
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
        self.roles: dict[tuple[int, int], list[Role]] = defaultdict(list)
        self.ent_by_token = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        # starts of existing entities folded into a longer new span ("Russian" + "Defense Ministry")
        self.removed: set[int] = set()
        self.people: set[tuple[int, int]] = set()

    def add(self, start: int, end: int, label: str, kb_id: str = "") -> bool:
        if end <= start or any(i in self.taken for i in range(start, end)):
            return False
        span = Span(self.doc, start, end, label=label, kb_id=kb_id)
        self.found.append(span)
        self.taken.update(range(start, end))
        # later rules read new spans as qualifiers too ("the FCA's director")
        self.ent_by_token.update(dict.fromkeys(range(start, end), span))
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

    def not_a_person(self, start: int, end: int, role: Role | None = None) -> bool:
        """Return whether a run cannot be a person: only title words ("Mayor"), or, without a
        title, a body's or a place's head word last ("the Central Weather Bureau said")."""
        lower = self.lower
        if all(is_title_word(lower[k], self.text[k]) for k in range(start, end)):
            return True  # "Governors", "Honorable"
        if honorific_end(self.text, start) >= end:
            return True  # "Tan Sri", "Lt Col": honorifics alone
        if before_day_number(self.doc, end):
            return True  # "Thu Jun 6": a weekday and month before a day number are a date
        if end < len(self.doc) and self.text[end] in ORG_HEADS and self.text[end].isupper():
            return True  # "told Metro TV": an all-caps head the name run left out ends a body
        last = self.text[end - 1]
        if (
            end - start >= 2
            and lower[end - 1] in TITLE_HEADS
            and self.text[start] not in given_names()
        ):
            return True  # "Fire Commissioner": a title ends the run and no given name opens it
        if end - start >= 2 and _common_words_only(self.text[start:end]):
            return True  # "Water Resources", "Human Rights": ordinary words name no one
        return role is None and (last in ORG_HEADS or last in LOC_HEADS)

    def soft(self) -> frozenset[int]:
        return frozenset(
            ent.start
            for ent in self.ents
            if len(ent) == 1 and ent.label_ in {"GPE", "LOC"} and ent.start not in self.removed
        )

    def person(self, start: int, end: int, role: Role | None = None) -> None:
        if end <= start or self.not_a_person(start, end, role):
            return
        # "Insp Rahim Osman", "Datuk Seri Amirul Hakim": a person's name opens after its honorifics
        start = honorific_end(self.text, start)
        # "The police spokesman, Inspector Juma Otieno, said": a title opening the run is no name
        while end - start > 1 and (
            self.lower[start] in TITLE_HEADS or self.lower[start] in TITLE_MODIFIERS
        ):
            start = honorific_end(self.text, start + 1)
        start = _after_capitalised_noun(self.doc, start, end)
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
        if j >= 0 and doc[j].text in POSSESSIVE:
            j -= 1
        ent = self.ent_by_token.get(j)
        if ent is None or ent.label_ not in ROLE_LABELS or ent.end != j + 1:
            return None, None, index
        return (*org_or_country(ent), ent.start)

    def qualifier_after(self, index: int) -> tuple[str | None, str | None, int]:
        """Return (org, country, end) of "to NATO" / "of the Alliance" after a title ending at index."""
        doc = self.doc
        if index >= len(doc) or doc[index].lower_ not in {"to", "of", "at", "for", "in"}:
            return None, None, index
        j = index + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        ent = self.ent_by_token.get(j)
        if ent is None or ent.start != j or ent.label_ not in ROLE_LABELS:
            return None, None, index
        return (*org_or_country(ent), ent.end)


# month names and their abbreviations as a text writes them ("June", "Jun", "Sept"): the date
# resolver's month table, capitalised
CAPITALISED_MONTHS = frozenset(m.capitalize() for m in MONTHS)


def before_day_number(doc: Doc, end: int) -> bool:
    """Return whether a run ends with a month name followed by a day number ("Jun 6")."""
    if end >= len(doc) or doc[end - 1].text.rstrip(".") not in CAPITALISED_MONTHS:
        return False
    day = doc[end].text.rstrip(",")
    return day.isdigit() and 1 <= int(day) <= 31


_HEADLINE_MIN_WORDS = 4  # content words a line needs before its capitals say anything
_HEADLINE_SHARE = 1.0  # share of them capitalised: headline style capitalises every one


def headline_tokens(doc: Doc) -> frozenset[int]:
    """Return the indices of the tokens on lines written in headline case.

    Headline style ("Inflation Forces Central Bank to Raise Rate") capitalises every content
    word, so a capital on such a line is no evidence of a name: of its content words (alphabetic,
    four letters or more, no closed-class word) at least four, and all, are capitalised. Running
    text, even a sentence full of names, has a lower-case content word between them.
    """
    found: list[int] = []
    line: list[int] = []
    for token in [*doc, None]:
        if token is None or "\n" in token.text:
            content = [
                doc[k] for k in line if doc[k].is_alpha and len(doc[k]) >= 4 and not doc[k].is_stop
            ]
            capitals = sum(1 for t in content if t.text[0].isupper())
            if len(content) >= _HEADLINE_MIN_WORDS and capitals >= _HEADLINE_SHARE * len(content):
                found.extend(line)
            line = []
        else:
            line.append(token.i)
    return frozenset(found)


def _after_capitalised_noun(doc: Doc, start: int, end: int) -> int:
    """Return where a name opening a sentence starts after a common noun capitalised only as the
    sentence's first word ("Farmer Tomas Berg said" -> "Tomas Berg"), else `start`."""
    if end - start < 3 or not (
        start == 0 or doc[start].is_sent_start or "\n" in doc[start - 1].text
    ):
        return start
    word, nxt = doc[start].text, doc[start + 1].text
    given = given_names()
    if word.lower() in common_words() and word not in given and nxt in given:
        return start + 1
    return start


def is_title_word(lower: str, text: str) -> bool:
    """Return whether a word is a title, a plural title ("governors", "secretaries") or an
    honorific."""
    return (
        lower in TITLE_HEADS
        or lower in TITLE_MODIFIERS
        or (lower.endswith("s") and lower[:-1] in TITLE_HEADS)
        or (lower.endswith("ies") and lower[:-3] + "y" in TITLE_HEADS)
        or text in HONORIFICS
        or text + "." in HONORIFICS
    )


def org_or_country(ent: Span) -> tuple[str | None, str | None]:
    name = ent.kb_id_ or ent.text
    if ent.label_ == "ORG":
        return name, None
    if ent.label_ == "NORP":
        return None, country_demonyms().get(name)
    return None, name


def title_spans(lower: list[str]) -> list[tuple[int, int]]:
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


def title_text(doc: Doc, start: int, end: int) -> str:
    words = [t.text for t in doc[start:end] if t.lower_ != "former"]
    return " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
