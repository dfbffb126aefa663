"""Who said it: reporting-verb cues, their subject phrases, and the speaker those phrases name.

The cue finders work on the article text with quotations masked (`quote_marks.mask_quotes`).
What a subject phrase refers to is asked of the one name resolver (`names.resolver`); this module
finds no names of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgate.nlp.dates import WEEKDAYS
from newsgate.nlp.lexicon import (
    HONORIFICS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    addressee_verbs,
    reporting_verb_forms,
    reporting_verbs,
)
from newsgate.nlp.names.resolver import ArticleNames, Referent


def _words(text: str) -> list[str]:
    return text.split()


VERB_FORMS = reporting_verb_forms()
# Verbs whose right-hand phrase is the addressee or object, never an inverted subject.
NOT_INVERTED = addressee_verbs()
_VERB_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(VERB_FORMS, key=len, reverse=True)) + r")(?![\w-])"
)
# "went on to say", "declined to tell": the base form of a speech verb after "to"
_INFINITIVES = {v.base: v.past for v in reporting_verbs() if not v.judgement}
_INFINITIVE_RE = re.compile(
    r"(?<![\w-])to\s+(" + "|".join(sorted(_INFINITIVES, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
# "Reuters quoted Ana Ruiz as saying": the reported speaker is the object of "quoted"/"cited",
# never the subject (the English "quote/cite NP as V-ing" construction)
_QUOTED_AS = re.compile(
    r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+([^\x00,.;:!?()—–]{1,80}?)\s+as\s+"
    r"(?:saying|telling|stating|writing|adding|describing|calling)\b"
)
_AUXILIARIES = re.compile(
    r"(?:\s+(?:also|has|have|had|later|again|then|further|repeatedly|reportedly|previously|publicly"
    r"|once|firmly|flatly|bluntly|quickly|simply|recently|earlier|already|still|never|always|often"
    r"|even|only|just|is|was|were|are|will|would|could|may|might|not|had|subsequently|separately"
    r"|told\s+reporters\s+and))+\s*$",
    # case-sensitive: an auxiliary or adverb between subject and verb is written in lower case,
    # while a capitalised "May" or "Will" is a name ("Mrs May told MPs")
)
_BOUNDARY = re.compile(
    r"[\x00,;:()\[\]—–]|\s-\s|\b(?:that|and|but|as|while|when|because|which|whereas|although|though"
    r"|if|so|where|after|before)\b"
)
# A parenthetical connective between subject and verb ("Netanyahu, however, warned").
_ASIDE = re.compile(
    r",\s*(?:however|meanwhile|too|though|in turn|instead|also|nevertheless|in response|for "
    r"(?:his|her|their|its) part|in a statement|in an interview)\s*,?\s*$",
    re.IGNORECASE,
)
_AGE_APPOSITION = re.compile(r",\s*\d{1,3}\s*,?\s*$")
# A non-restrictive modifier set off by commas between a subject and its verb: a relative clause
# ("Ana Ruiz, an official in the district where the crash happened" -> ", where …") or a
# participle phrase ("the head of the town, identified as the epicentre"). English grammar:
# such a clause describes the noun before its comma and is never the verb's subject.
_TRAILING_MODIFIER = re.compile(
    r",\s*(?:who|whom|whose|which|where|when|[a-z]+ed)\b[^\x00,;:()\[\]—–]*,?\s*$"
)
_LEADING = re.compile(
    r"^(?:(?:but|and|yet|so|indeed|meanwhile|however|also|then|finally|now|later|moreover|still"
    r"|instead|separately|earlier|even so|in turn|for (?:his|her|their|its) part)\b[\s,]*)+",
    re.IGNORECASE,
)
# A time adverbial opening the words before a verb ("and later this month asked", "and on
# Monday he said"): it is an adjunct, never the subject; a coordinated verb after it has no
# subject of its own. Month names stay out: "May" is also a surname.
_TIME_LEAD = re.compile(
    r"^(?:(?:earlier|later|late|early)\s+)?(?:(?:on|in|at|during|by|over)\s+)?"
    r"(?:(?:this|last|next|that|the\s+same|the\s+following|the\s+previous)\s+)?"
    r"(?:(?:week|weekend|month|year|day|morning|afternoon|evening|night|"
    + "|".join(WEEKDAYS)
    + r")s?|today|yesterday|tonight)\b[\s,]*",
    re.IGNORECASE,
)
_DETERMINERS = frozenset(
    _words(
        "the a an this that these those his her its their our one two three several some many another"
    )
)
_INDEFINITE = frozenset(_words("a an one another some several two three many"))
_PREPOSITIONS = frozenset(
    _words("on in at by with from to for of during after before about over under since until into")
)
_CLAUSE_WORDS = frozenset(_words("that this these those it there which who what"))
# Time and place adjuncts that trail a subject ("the ministry on Tuesday") are not part of it.
_ADJUNCT = re.compile(
    r"\s+(?:on|in|at|during|after|before|late|early|last|this|earlier|later)\b"
    r"(?:\s+\S+){0,4}$|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"
)


@dataclass
class Cue:
    """A reporting verb and, when written, the character span of its subject phrase."""

    verb: str
    verb_start: int
    verb_end: int
    subject: tuple[int, int] | None = None
    inverted: bool = False


@dataclass
class Speaker:
    """A resolved speaker: a person's name, a description of the source, the entity, or none."""

    name: str | None = None
    description: str | None = None
    entity: Referent | None = None

    @classmethod
    def of(cls, entity: Referent, description: str | None = None) -> Speaker:
        """Return the speaker an entity gives: a person by name, an organisation by description."""
        if entity.label == "PERSON":
            return cls(entity.name, description, entity)
        return cls(None, description or entity.name, entity)


def normalize_verb(word: str) -> str | None:
    """Return the simple past of a reporting-verb form ("adding" -> "added"), None if it is not one."""
    return VERB_FORMS.get(word.lower())


def find_verbs(masked: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return (start, end, simple past) of every reporting verb in masked[start:end]."""
    found = [
        (m.start(1), m.end(1), _INFINITIVES[m.group(1).lower()])
        for m in _INFINITIVE_RE.finditer(masked, start, end)
    ]
    for m in _VERB_RE.finditer(masked, start, end):
        word = m.group(1)
        if word == "called" and masked[max(0, m.start() - 3) : m.start()].lower() == "so-":
            continue
        found.append((m.start(), m.end(), VERB_FORMS[word]))
    return sorted(found)


def left_subject(masked: str, floor: int, verb_start: int) -> tuple[int, int] | None:
    """Return the span of the subject phrase written just before a verb, or None."""
    if re.match(r"\w+ing\b", masked[verb_start : verb_start + 20]):
        # A participle ("…, adding that") has no subject of its own, but for the passive "X was
        # quoted as saying", whose subject is the person quoted.
        passive = passive_quoted_as(masked, floor, verb_start)
        if passive is None:
            return None
        verb_start = passive
    left = masked[floor:verb_start]
    aux = _AUXILIARIES.search(left)
    if aux:
        left = left[: aux.start()]
    aside = _ASIDE.search(left)
    if aside:
        left = left[: aside.start()]
    # an age set off by commas ("Ana Ruiz, 52, said") is an apposition, not the subject
    age = _AGE_APPOSITION.search(left)
    if age:
        left = left[: age.start()]
    modifier = _TRAILING_MODIFIER.search(left)
    if modifier and left[: modifier.start()].strip():
        left = left[: modifier.start()]
    stripped = left.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1]
    cuts = [0] + [m.end() for m in _BOUNDARY.finditer(stripped)]
    cut = cuts[-1]
    relative = re.match(r"\s*(?:who|which|whose)\b", stripped[cut:])
    if relative and stripped[cut - 1 : cut] == "," and len(cuts) > 1:
        # "An official, who declined to be named, said": the subject precedes the relative clause.
        stripped = stripped[: cut - 1]
        cut = cuts[-2]
    start, end = floor + cut, floor + len(stripped)
    while start < end and masked[start].isspace():
        start += 1
    while lead := _LEADING.match(masked[start:end]) or _TIME_LEAD.match(masked[start:end]):
        if not lead.end():
            break
        start += lead.end()
    words = masked[start:end].split()
    if not words or len(words) > 12:
        return None
    return start, end


_NAME_DOT = re.compile(
    r"(?<![\w.])([A-Z]|"
    + "|".join(
        sorted((re.escape(h[:-1]) for h in HONORIFICS if h.endswith(".")), key=len, reverse=True)
    )
    + r")\.(?=\s+[A-Z])"
)


def right_subject(masked: str, verb_end: int, ceiling: int) -> tuple[int, int] | None:
    """Return the span of an inverted subject written just after a verb ("said a spokesman")."""
    # the full stop of an initial or an honorific inside a name ("Thomas W. Gleason", "Dr. Lee")
    # ends no subject: it is masked, keeping offsets, so the name reads on to its comma
    right = _NAME_DOT.sub(lambda d: d.group(1) + "\x01", masked[verb_end:ceiling])
    m = re.match(r"\s+([^\x00,.;:!?()—–]+)", right)
    if not m:
        return None
    phrase = m.group(1)
    stop = re.search(r"\s(?:who|which|that|on|in|at|after|during|before|when|as|to|from)\b", phrase)
    if stop:
        phrase = phrase[: stop.start()]
    phrase = phrase.rstrip()
    if len(phrase.split()) > 8:
        # "said Judge Kim Se-yun of the Seoul Central District Court": the subject ends at "of"
        phrase = re.split(r"\sof\s", phrase, maxsplit=1)[0]
    first = phrase.split()[0] if phrase.split() else ""
    if not first or len(phrase.split()) > 8 or first.lower() in _PREPOSITIONS | _CLAUSE_WORDS:
        return None
    # "said opposition leader Kizza Besigye": a lower-case role before a capitalised name
    named = any(w[:1].isupper() for w in phrase.split()[1:])
    if not (
        first[0].isupper()
        or first.lower() in _DETERMINERS
        or first.lower() in {"he", "she", "him"}
        or named
    ):
        return None
    start = verb_end + m.start(1)
    return start, start + len(phrase)


def according_to(masked: str, start: int, end: int) -> Cue | None:
    """Return the 'according to X' cue of masked[start:end], with verb 'said', or None."""
    m = _ACCORDING.search(masked, start, end)
    if not m:
        return None
    span = right_subject(masked, m.end() - 1, end)
    return Cue("said", m.start(), m.end(), span, inverted=True) if span else None


_PASSIVE_QUOTED = re.compile(r"\b(?:was|were|is|are|been|being)\s+$", re.IGNORECASE)
# "X was quoted (by the agency) as saying": the passive of "quote NP as V-ing"
_PASSIVE_QUOTED_AS = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:quoted|cited)(?:\s+by\s+[^\x00,.;:!?()]{1,60}?)?"
    r"\s+as\s+$"
)


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?$")
_BY = re.compile(r"\s*,?\s*by\s+")


def passive_agent(
    masked: str, verb_start: int, verb_end: int, close: int, ceiling: int
) -> tuple[int, int] | None:
    """Return the span of the agent of a passive reporting verb, or None.

    'The offer was described as “an insult” by Ana Ruiz', 'was described by Ana Ruiz as “…”':
    the "by" phrase right after the verb or right after the quotation names who spoke; the
    passive's subject is only what was spoken about.
    """
    if not _PASSIVE_BEFORE.search(masked, max(0, verb_start - 30), verb_start):
        return None
    for at in (verb_end, close):
        m = _BY.match(masked, at, ceiling)
        if m:
            return right_subject(masked, m.end() - 1, ceiling)
    return None


def passive_quoted_as(masked: str, floor: int, verb_start: int) -> int | None:
    """Return where "was quoted (by X) as" starts right before a participle, or None.

    "He was quoted as saying": the participle reports the words of the passive's subject.
    """
    m = _PASSIVE_QUOTED_AS.search(masked, max(floor, verb_start - 90), verb_start)
    return m.start() if m else None


def quoted_as(masked: str, start: int, end: int) -> Cue | None:
    """Return the cue of "X quoted Y as saying" in masked[start:end], Y as its subject, or None."""
    m = _QUOTED_AS.search(masked, start, end)
    if not m or _PASSIVE_QUOTED.search(masked, max(start, m.start() - 12), m.start()):
        return None  # "Ana Ruiz was quoted by AFP as saying": the subject speaks
    if m.group(1).lower().startswith("by "):
        return None
    return Cue("said", m.start(), m.end(), (m.start(1), m.end(1)), inverted=True)


def resolve_phrase(
    names: ArticleNames, masked: str, span: tuple[int, int], position: int, inverted: bool
) -> Speaker:
    """Return the speaker a subject phrase refers to, asked of the name resolver, or a description."""
    start, end = span
    text = names.text
    phrase = re.sub(r"\s+", " ", text[start:end]).strip(" ,")
    if not phrase or "\x00" in masked[start:end]:
        return Speaker()
    lowered = phrase.lower()
    if lowered in {"we", "i", "you", "who", "which"}:
        return Speaker()
    if not inverted:
        # "Ana Ruiz, an attorney for Mia Chen, said", "Ana Ruiz, director of the Port of
        # Lima and Callao, said": the role set off by commas follows the speaker
        apposed = _apposition_subject(names, masked, start, end, position)
        if apposed is not None:
            return Speaker.of(apposed)
    found = names.refer(start, end, position, inverted=inverted)
    if inverted and (found is None or found.label != "PERSON" or found.how == "role"):
        # "said Abdel-Fattah's aunt, Ahdaf Soueif, a novelist": the name set off after the role
        # is written out, so it wins over a title holder the role phrase might refer to
        found = _person_after(names, end) or found
    elif found is not None and found.label == "PERSON" and found.how == "name":
        # "Juhansone and Sannino expressed …": a joint statement goes to the first named
        found = _person_before_and(names, start) or found
    if found is not None:
        if found.how == "role" and found.label == "PERSON":
            return Speaker(found.name, phrase, found)
        if found.how == "name" and found.label != "PERSON":
            return Speaker.of(found, phrase)
        return Speaker.of(found)
    if not inverted:
        apposed = _apposed_person(names, masked, start)
        if apposed is not None:
            return Speaker.of(apposed)
    by_surname = _person_by_surname(names, phrase, start, end)
    if by_surname is not None:
        return Speaker.of(by_surname)
    phrase = _ADJUNCT.sub("", phrase).strip(" ,")
    if looks_like_description(phrase):
        return Speaker(None, phrase)
    return Speaker()


def _person_by_surname(names: ArticleNames, phrase: str, start: int, end: int) -> Referent | None:
    """Return the one person of the article whose surname a bare subject phrase is.

    "Mrs May told MPs", "Courtney, 52, said": an honorific or title and a capitalised word, or
    the word alone, that the entity layer did not mark as a name (a month, a common word) still
    names the one person the article calls by that surname; the resolver says who (None when no
    person or several persons have it).
    """
    words_ = phrase.split()
    while len(words_) > 1 and (
        words_[0] in HONORIFICS
        or f"{words_[0]}." in HONORIFICS
        or words_[0].lower() in TITLE_HEADS | TITLE_MODIFIERS
    ):
        words_ = words_[1:]
    if len(words_) != 1 or not re.fullmatch(r"[A-Z][\w’'-]+", words_[0]):
        return None
    name = names.canonical("PERSON", words_[0])
    if name == words_[0] or " " not in name:
        return None
    return Referent(name, "PERSON", start, end, "name")


def _person_after(names: ArticleNames, end: int) -> Referent | None:
    """Return the person named right after a subject phrase and a comma ("aunt, Ahdaf Soueif").

    The phrase may go on with a complement first ("said the president of the court, Ana Ruiz"),
    which the inverted subject's span leaves out.
    """
    m = re.match(
        r"(?:\s+(?:of|at|for|in)\s+[^\x00,.;:!?()—–]{1,80}?)?\s*,\s*", names.text[end : end + 90]
    )
    if not m:
        return None
    at = end + m.end()
    persons = [p for p in names.mentions(at, at + 80, {"PERSON"}) if p.start_char == at]
    return persons[0] if persons and persons[0].how == "name" else None


def _person_before_and(names: ArticleNames, start: int) -> Referent | None:
    """Return the person of "Ana Ruiz and <subject>": the first of two persons named together."""
    m = re.search(r"\s+and\s+$", names.text[max(0, start - 8) : start])
    if not m:
        return None
    before = start - (len(names.text[max(0, start - 8) : start]) - m.start())
    persons = [p for p in names.mentions(max(0, before - 80), before, {"PERSON"})]
    return persons[-1] if persons and persons[-1].end_char == before else None


def _apposition_subject(
    names: ArticleNames, masked: str, start: int, end: int, verb: int
) -> Referent | None:
    """Return the person before a role phrase set off by commas just before the verb, or None."""
    gap = masked[end:verb]
    modifier = _TRAILING_MODIFIER.search(gap)
    if modifier and not gap[: modifier.start()].strip():
        gap = ","  # "X, an official in the town, where it happened, said": the modifier is aside
    if not re.fullmatch(r"\s*,\s*(?:\w+ly\s+)?", gap):
        return None
    floor = max(0, start - 120)
    comma = masked.rfind(",", floor, start)
    if comma < 0 or re.search(r"[\x00;:.!?\n]", masked[comma + 1 : end]):
        return None
    first = masked[comma + 1 : end].split()
    if not first or not (first[0] in _DETERMINERS or first[0][:1].islower()):
        return None
    return _apposed_person(names, masked, comma + 1)


def _apposed_person(names: ArticleNames, masked: str, start: int) -> Referent | None:
    """Return the person a role phrase stands in apposition to ("Mia Chen, the trade envoy, said")."""
    before = masked[max(0, start - 80) : start]
    m = re.search(r",\s*$", before)
    if not m:
        return None
    comma = start - len(before) + m.start()
    persons = names.mentions(max(0, start - 80), comma, {"PERSON"})
    # the name ends at the comma, or one character before it ("Ana Ruiz Jr.,")
    if (
        persons
        and persons[-1].end_char >= comma - 1
        and "\x00" not in masked[persons[-1].end_char : comma]
    ):
        return persons[-1]
    return None


def looks_like_description(phrase: str) -> bool:
    """Return whether a subject phrase reads as a description of a source ("a NATO spokesman")."""
    words = phrase.split()
    if not words or len(words) > 10 or any(c in phrase for c in '“”"‘'):
        return False
    first = words[0]
    return first[0].isupper() or first.lower() in _DETERMINERS or first.endswith(("’s", "'s"))
