"""Events in sentences: typed triggers mapped to CAMEO roots, with actors, date and place.

One event per sentence and type. Triggers come from `data/event_types.json`; words inside
quotation marks never trigger (what a speaker says is the statement, not an event). Verbs fire
on their own, nouns ("meeting", "exercise") only with an occurrence verb nearby, so
back-references ("after the meeting") are not new events. Statements need a named or
organisational speaker next to the reporting verb and are kept once per speaker and article.
Cross-article merging lives in `newsgate.nlp.event_merge`.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span

from newsgate.nlp.dates import ResolvedDate, article_year_hint, period_end, resolve_dates
from newsgate.nlp.gazetteer import gazetteer_entries
from newsgate.nlp.quotes import find_quote_spans

_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
_SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# verbal types inside a statement's reported clause belong to the statement, not a new event
_VERBAL_TYPES = {"accusation", "demand", "threat", "reject", "agreement"}
_PLACE_PREP = re.compile(
    r"\b(?:in|at|near|over|across|around|into|from|off|along|within|inside|outside|"
    r"toward|towards|discuss|about)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?$",
    re.I,
)
_ANAPHORIC = re.compile(
    r"\b(?:after|following|during|at|ahead of|before|since|for|of|from|on|about|in)\s+"
    r"(?:the|this|that|these|those|their|its|his|her|our)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_TOPIC_HEAD = re.compile(
    r"^\s+(?:crisis|conflict|issue|question|war|border|borders|coast|flank|region|enclave)\b"
)
_NEGATION = re.compile(r"\b(?:not|never|no|n't)\s+(?:\w+\s+){0,2}$", re.I)
# nouns that name the event itself ("Russia's annexation of Crimea"), not an occasion
_NOUNS_ON_THEIR_OWN = {"annexation"}
_CLAUSE_BREAK = re.compile(r"[,;:]")
_REASON = re.compile(r"\b(?:by|for)\s+$", re.I)
_MEET_NOT_EVENT = re.compile(
    r"^\s+(?:the\s+)?(?:demands?|requirements?|criteria|needs|expectations|targets?|goals?|"
    r"standards?|deadline)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is to|are to|to be held|upcoming|next|plans? to|"
    r"agreed to (?:hold|meet)|to (?:hold|meet|convene) (?:\w+ ){0,4}(?:talks|meeting|summit))\b",
    re.I,
)
_AFTER_MEETING = re.compile(
    r"\b(?:after|following|at the end of)\s+(?:the|this|their)\s+(?:meeting|talks|session)\b", re.I
)
_GROUP_ANAPHOR = re.compile(r"\b(?:the two sides|both sides|the parties|both)\b", re.I)
_HEAD_ANAPHOR = re.compile(r"\b[Tt]he\s+(council|commission|committee|alliance|bloc|forum)\b")
_COMPOUND = re.compile(r"^(?P<a>[\w.]+)\s*-\s*(?P<b>[\w.]+)\s+(?:\w+\s+)?(?:\w+)$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = set(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "as",
        "after",
        "before",
        "since",
        "but",
        "not",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "us",
        "also",
        "both",
        "two",
        "said",
        "says",
        "more",
        "than",
        "who",
        "which",
    ]
)


@dataclass(frozen=True)
class EventType:
    """One entry of the taxonomy: CAMEO root, QuadClass and trigger patterns."""

    name: str
    cameo_root: str
    quad_class: int
    label: str
    verbs: re.Pattern | None
    nouns: re.Pattern | None


@dataclass(frozen=True)
class _Trigger:
    event_type: EventType
    start: int
    end: int
    text: str
    is_verb: bool


def _alternation(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


@cache
def _taxonomy() -> tuple[list[EventType], re.Pattern, dict[str, str]]:
    path = resources.files("newsgate.nlp").joinpath("data", "event_types.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    types = [
        EventType(
            name=name,
            cameo_root=spec["cameo_root"],
            quad_class=int(spec["quad_class"]),
            label=spec["label"],
            verbs=_alternation(spec.get("verbs", [])),
            nouns=_alternation(spec.get("nouns", [])),
        )
        for name, spec in data["types"].items()
    ]
    return types, _alternation(data["occurrence"]), dict(data["metonyms"])


def event_types() -> dict[str, tuple[str, int]]:
    """Return each event type's CAMEO root code and QuadClass."""
    return {t.name: (t.cameo_root, t.quad_class) for t in _taxonomy()[0]}


@cache
def _countries_of_demonyms() -> dict[str, str]:
    countries = {}
    for entry in gazetteer_entries():
        if entry.label == "NORP" and getattr(entry, "country", None):
            for form in (entry.name, *entry.aliases):
                countries.setdefault(form, entry.country)
    return countries


@cache
def _gazetteer_actors() -> dict[str, tuple[str, str]]:
    """Map every gazetteer form of a country or organisation to its canonical actor."""
    known = {}
    for entry in gazetteer_entries():
        if entry.label in ("ORG", "GPE"):
            for form in (entry.name, *entry.aliases):
                known.setdefault(form, (entry.name, entry.label))
    return known


def find_events(doc: Doc) -> list[dict]:
    """Return the events of `doc`, one per sentence and type, as dicts."""
    text = doc.text or ""
    base = doc._.published_date
    quotes = find_quote_spans(text)
    masked = _mask(text, quotes)
    hint = None if base else article_year_hint(masked)
    horizon = base or _latest_date(masked, hint)
    shingles = article_shingles(text)
    events: list[dict] = []
    anchor: date | None = None
    last_meeting_actors: list[tuple[str, str]] = []
    # Span.ents scans every entity of the doc, so long documents slice one list instead
    all_ents = list(doc.ents)
    ent_starts = [e.start_char for e in all_ents]
    for index, sent in enumerate(doc.sents):
        sent_ents = all_ents[
            bisect_left(ent_starts, sent.start_char) : bisect_left(ent_starts, sent.end_char)
        ]
        s_text = masked[sent.start_char : sent.end_char]
        settings = {
            "anchor": anchor,
            "year_hint": hint[0] if hint else None,
            "hint_floor": hint[1] if hint else None,
        }
        # a weekday or month is read forwards only when its own clause is in the future tense
        dates = [
            future if _clause_future(s_text, past.start) else past
            for past, future in zip(
                resolve_dates(s_text, base, future=False, **settings),
                resolve_dates(s_text, base, future=True, **settings),
                strict=True,
            )
        ]
        anchor = next(
            (d.value for d in reversed(dates) if d.value and d.precision == "day"), anchor
        )
        ents = [e for e in sent_ents if masked[e.start_char : e.start_char + 1] != "_"]
        flags = _place_flags(text, sent.start_char, ents)
        triggers = _find_triggers(s_text, sent.start_char, masked)
        bound = _bind_dates(triggers, dates, sent.start_char, s_text)
        words = sorted(_content_words(_without_entities(s_text, sent.start_char, sent_ents)))
        statement_at = None
        for trigger in triggers:
            kind = trigger.event_type.name
            if kind in _VERBAL_TYPES and statement_at is not None and trigger.start > statement_at:
                continue
            if kind == "statement":
                speaker = _speaker(text, ents, trigger)
                if speaker is None:
                    continue
                actors = [(*_actor_of(speaker, doc), "actor1"), *_owner(doc, text, speaker, ents)]
                statement_at = trigger.start
            else:
                actors = _actors(doc, text, sent, ents, flags, trigger, last_meeting_actors)
                if not actors:
                    continue
            if kind == "meeting":
                last_meeting_actors = [(n, lab) for n, lab, _ in actors]
            mine = bound.get(trigger.start, [])
            date_ = next((d for d in mine if d.value), mine[0] if mine else None)
            events.append(
                {
                    "event_type": kind,
                    "cameo_root": trigger.event_type.cameo_root,
                    "quad_class": trigger.event_type.quad_class,
                    "trigger": re.sub(r"\s+", " ", trigger.text),
                    "sentence_index": index,
                    "start_char": sent.start_char,
                    "end_char": sent.end_char,
                    "actor_names": [n for n, _, _ in actors],
                    "actor_labels": [lab for _, lab, _ in actors],
                    "actor_roles": [r for _, _, r in actors],
                    "place": next(iter(_places(ents, flags)), None),
                    "places": _places(ents, flags, trigger),
                    "event_date": date_.value if date_ else None,
                    "date_precision": date_.precision if date_ else None,
                    "date_text": date_.text if date_ else None,
                    "date_parts": _parts(date_),
                    "date_ref": date_ is None and _after_meeting(kind, trigger, masked),
                    "horizon": horizon,
                    "future": _clause_future(s_text, trigger.end - sent.start_char, ahead=30),
                    "published": base,
                    "words": words,
                    "article_shingles": shingles,
                }
            )
    return _one_statement_per_speaker(events)


def _mask(text: str, quotes: list[tuple[int, int]]) -> str:
    chars = list(text)
    for qs, qe in quotes:
        for k in range(max(qs, 0), min(qe, len(chars))):
            if not chars[k].isspace():
                chars[k] = "_"
    return "".join(chars)


def _clause_future(s_text: str, position: int, ahead: int = 0) -> bool:
    """Tell whether the clause around `position` in a sentence is in the future tense."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(s_text, 0, position)]
    stop = _CLAUSE_BREAK.search(s_text, position, position + ahead) if ahead else None
    end = stop.start() if stop else min(len(s_text), position + ahead)
    return bool(_FUTURE.search(s_text, breaks[-1] if breaks else 0, end))


def _find_triggers(s_text: str, offset: int, masked: str) -> list[_Trigger]:
    """Return the first valid trigger of each type in the sentence (verbs before nouns)."""
    types, occurrence, _ = _taxonomy()
    found = []
    for event_type in types:
        best = None
        for pattern, is_verb in ((event_type.verbs, True), (event_type.nouns, False)):
            if pattern is None:
                continue
            for m in pattern.finditer(s_text):
                if _valid_trigger(s_text, m, is_verb, event_type.name, occurrence):
                    best = _Trigger(
                        event_type, offset + m.start(), offset + m.end(), m.group(0), is_verb
                    )
                    break
            if best:
                break
        if best:
            found.append(best)
    return sorted(found, key=lambda t: t.start)


def _valid_trigger(
    s_text: str, m: re.Match, is_verb: bool, kind: str, occurrence: re.Pattern
) -> bool:
    before = s_text[max(0, m.start() - 60) : m.start()]
    after = s_text[m.end() : m.end() + 40]
    if kind != "statement" and _REASON.search(before) and m.group(0).lower().endswith("ing"):
        return False
    if kind != "statement" and _REASON.search(before) and kind in ("deployment", "incident"):
        return False
    if kind == "meeting" and m.group(0).lower().startswith("meet") and _MEET_NOT_EVENT.match(after):
        return False
    if kind == "demand" and m.group(0).lower().startswith("want") and re.match(r"\s+to\b", after):
        return False
    if kind != "statement" and _NEGATION.search(before[-25:]):
        return False
    if is_verb or kind in _NOUNS_ON_THEIR_OWN:
        return True
    if _ANAPHORIC.search(before[-40:]):
        return False
    near_before = before[-45:]
    near_after = re.match(r"^\W*(?:[\w-]+\W+){0,3}", after)
    window = near_before + " " + (near_after.group(0) if near_after else "") + after[:25]
    return bool(occurrence.search(window))


def _actor_of(ent: Span, doc: Doc) -> tuple[str, str]:
    """Return an entity's actor name and label: demonyms and capitals stand for their country."""
    name = ent.kb_id_ or ent.text
    if ent.label_ == "NORP":
        country = _countries_of_demonyms().get(name)
        return (country, "GPE") if country else (name, "NORP")
    metonyms = _taxonomy()[2]
    if name in metonyms:
        return metonyms[name], "GPE"
    return name, ent.label_


def _place_flags(text: str, sent_start: int, ents: list[Span]) -> list[bool]:
    """Mark the place-like entities that say where or what an event is about, not who acts."""
    flags: list[bool] = []
    for k, ent in enumerate(ents):
        flag = False
        if ent.label_ in ("GPE", "LOC", "NORP"):
            window = text[max(sent_start, ent.start_char - 20) : ent.start_char]
            joined = k > 0 and re.fullmatch(
                r"\s*(?:,|and|or|, and)\s*", text[ents[k - 1].end_char : ent.start_char]
            )
            flag = bool(
                _TOPIC_HEAD.match(text[ent.end_char : ent.end_char + 20])
                or _PLACE_PREP.search(window)
                or (joined and flags[k - 1])
            )
        flags.append(flag)
    return flags


def _speaker(text: str, ents: list[Span], trigger: _Trigger) -> Span | None:
    """Return the named speaker next to a reporting verb: 'X said', 'X, ..., said', 'said X'."""
    before = [e for e in ents if e.end_char <= trigger.start and e.label_ in _SPEAKER_LABELS]
    if before:
        ent = before[-1]
        gap = text[ent.end_char : trigger.start]
        # "X, the NATO chief, said" is fine; "X ambassador, the ministry said" is not X speaking
        same_clause = "," not in gap or not gap.rsplit(",", 1)[-1].strip()
        if (
            len(gap.split()) <= 4
            and same_clause
            # a capitalised word in between is most likely a name the entity stage missed
            and not re.search(r"\b[A-Z][a-z]", gap)
            and not re.search(r"[“”\"‘’.;:]", gap)
            and not (
                ent.label_ in ("GPE", "LOC")
                and _PLACE_PREP.search(text[max(0, ent.start_char - 20) : ent.start_char])
            )
        ):
            return ent
    after = [e for e in ents if e.start_char >= trigger.end and e.label_ in _SPEAKER_LABELS]
    if after:
        gap = text[trigger.end : after[0].start_char]
        tail = text[after[0].end_char : after[0].end_char + 30]
        if re.fullmatch(r"\s+(?:(?:a|an|the)\s+)?", gap) and re.match(
            r"^(?:\s+[a-z]+){0,2}\s*(?:[.,;]|$)", tail
        ):
            return after[0]
    return None


def _in_parentheses(text: str, ent: Span) -> bool:
    """Tell whether an entity stands in brackets: a credit '(Reuters)' or a repeated acronym."""
    return (
        text[ent.start_char - 1 : ent.start_char] == "("
        and text[ent.end_char : ent.end_char + 1] == ")"
    )


def _is_passive(text: str, trigger: _Trigger) -> bool:
    """Tell whether the trigger is a passive ('was intercepted by', 'companies accused of')."""
    before = text[max(0, trigger.start - 25) : trigger.start]
    after = text[trigger.end : trigger.end + 6]
    if not trigger.text.lower().endswith("ed"):
        return False
    if re.search(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", before, re.I):
        return True
    return trigger.event_type.name == "accusation" and bool(re.match(r"\s+of\b", after))


def _owner(doc: Doc, text: str, speaker: Span, ents: list[Span]) -> list[tuple[str, str, str]]:
    """Return the country an 'Its Defense Ministry' speaker belongs to: the last one named."""
    before = text[max(0, speaker.start_char - 5) : speaker.start_char]
    possessor = [
        e
        for e in ents
        if e.label_ == "GPE"
        and e.end_char <= speaker.start_char
        and re.fullmatch(r"[’']s\s+", text[e.end_char : speaker.start_char])
    ]
    if possessor:
        name, label = _actor_of(possessor[-1], doc)
        return [(name, label, "other")]
    if not re.search(r"\b[Ii]ts\s+$", before):
        return []
    earlier = _last_entity_before(doc, speaker.start_char, lambda e: e.label_ == "GPE")
    if earlier is None:
        return []
    name, label = _actor_of(earlier, doc)
    return [(name, label, "other")]


def _actors(
    doc: Doc,
    text: str,
    sent: Span,
    ents: list[Span],
    flags: list[bool],
    trigger: _Trigger,
    last_meeting_actors: list[tuple[str, str]],
) -> list[tuple[str, str, str]]:
    """Return (name, label, role) of the event's actors: actor1 before the trigger, then actor2."""
    candidates = [
        e
        for e, is_place in zip(ents, flags, strict=True)
        if e.label_ in _ACTOR_LABELS and not is_place and not _in_parentheses(text, e)
    ]
    if trigger.event_type.name == "annexation":
        candidates = [e for e in candidates if e.start_char < trigger.start or e.label_ != "GPE"]
    candidates = [e for e in candidates if e.label_ != "LOC"]
    before = [e for e in candidates if e.end_char <= trigger.start]
    # actor2 is the object in the trigger's own clause, not a name after the next comma
    stop = _CLAUSE_BREAK.search(text, trigger.end, sent.end_char)
    limit = stop.start() if stop else sent.end_char
    after = [e for e in candidates if trigger.end <= e.start_char < limit]
    roles: list[tuple[Span, str]] = []
    if _is_passive(text, trigger):
        agent = [
            e
            for e in after
            if re.search(r"\bby\s+(?:\w+\s+){0,2}$", text[trigger.end : e.start_char])
        ]
        roles += [(agent[0], "actor1")] if agent else []
        roles += [(before[-1], "actor2")] if before else []
    elif before:
        first = before[-1]
        if len(before) > 1 and re.fullmatch(
            r"\s*(?:\([^()]{1,15}\))?\s*(?:and|&)\s*", text[before[-2].end_char : first.start_char]
        ):
            roles += [(before[-2], "actor1"), (first, "actor2")]
        else:
            roles.append((first, "actor1"))
            if after:
                roles.append((after[0], "actor2"))
    elif after:
        roles.append((after[0], "actor2"))
    chosen = {id(e) for e, _ in roles}
    roles += [(e, "other") for e in candidates if id(e) not in chosen]
    actors: list[tuple[str, str, str]] = []
    names: set[str] = set()
    held = {r for _, r in roles if r != "other"}
    for ent, role in roles:
        members = _expand(ent, doc)
        member_roles = [role] * len(members)
        # a bilateral body's members meet as actor1 and actor2 when no one else holds them
        if len(members) == 2 and held <= {role} and role != "actor2":
            member_roles = ["actor1", "actor2"]
            held = {"actor1", "actor2"}
        for (name, label), member_role in zip(members, member_roles, strict=True):
            # a demonym with no country ("Western", "European") names no one who can act
            if label != "NORP" and name not in names:
                names.add(name)
                actors.append((name, label, member_role))
    if not actors:
        group = trigger.event_type.name in ("meeting", "agreement")
        actors = _anaphoric_actors(doc, sent, last_meeting_actors if group else [])
    return actors


def _expand(ent: Span, doc: Doc) -> list[tuple[str, str]]:
    """Split a bilateral body ('NATO-Russia Council') into its members when both are known."""
    name, label = _actor_of(ent, doc)
    m = _COMPOUND.match(name) if label == "ORG" else None
    if m:
        known = _doc_actors(doc)
        parts = [known.get(m.group("a")), known.get(m.group("b"))]
        if all(parts):
            return parts
    return [(name, label)]


def _doc_actors(doc: Doc) -> dict[str, tuple[str, str]]:
    """Map the surface forms of the doc's countries and organisations (and the gazetteer's)."""
    if "newsgate_actor_forms" not in doc.user_data:
        known = dict(_gazetteer_actors())
        for other in doc.ents:
            if other.label_ in ("ORG", "GPE"):
                actor = _actor_of(other, doc)
                known[other.text] = actor
                known.setdefault(actor[0], actor)
        doc.user_data["newsgate_actor_forms"] = known
    return doc.user_data["newsgate_actor_forms"]


def _last_entity_before(doc: Doc, offset: int, wanted) -> Span | None:
    """Return the last entity of the doc ending before `offset` that `wanted` accepts."""
    if "newsgate_ents" not in doc.user_data:
        ents = list(doc.ents)
        doc.user_data["newsgate_ents"] = (ents, [e.end_char for e in ents])
    ents, ends = doc.user_data["newsgate_ents"]
    for k in range(bisect_right(ends, offset) - 1, -1, -1):
        if wanted(ents[k]):
            return ents[k]
    return None


def _anaphoric_actors(
    doc: Doc, sent: Span, last_meeting_actors: list[tuple[str, str]]
) -> list[tuple[str, str, str]]:
    """Resolve 'the council' to the last council named earlier, 'both sides' to the last meeting."""
    head = _HEAD_ANAPHOR.search(sent.text)
    if head:
        noun = head.group(1).lower()
        earlier = _last_entity_before(
            doc,
            sent.start_char,
            lambda e: e.label_ == "ORG" and noun in (e.kb_id_ or e.text).lower(),
        )
        if earlier is not None:
            expanded = _expand(earlier, doc)
            return [
                (n, lab, "actor1" if i == 0 else "actor2") for i, (n, lab) in enumerate(expanded)
            ]
    if _GROUP_ANAPHOR.search(sent.text) and last_meeting_actors:
        return [
            (n, lab, "actor1" if i == 0 else "actor2" if i == 1 else "other")
            for i, (n, lab) in enumerate(last_meeting_actors)
        ]
    return []


def _places(ents: list[Span], flags: list[bool], trigger: _Trigger | None = None) -> list[str]:
    """Return the places an event happens in or is about; an annexation's object is one."""
    annexed = trigger is not None and trigger.event_type.name == "annexation"
    return [
        e.kb_id_ or e.text
        for e, is_place in zip(ents, flags, strict=True)
        if e.label_ in ("GPE", "LOC") and (is_place or (annexed and e.start_char > trigger.start))
    ]


def _after_meeting(kind: str, trigger: _Trigger, masked: str) -> bool:
    """Tell whether a verbal act is said to follow 'the meeting' in its own clause."""
    if kind not in _VERBAL_TYPES and kind != "statement":
        return False
    for m in _AFTER_MEETING.finditer(masked, max(0, trigger.start - 120), trigger.end + 120):
        lo, hi = sorted((m.start(), trigger.start))
        if not re.search(r"[.;]", masked[lo:hi]) and (
            m.start() < trigger.start or not re.search(r"[,]", masked[lo:hi])
        ):
            return True
    return False


def article_shingles(text: str) -> frozenset[int]:
    """Return hashes of the word 4-grams of `text`, to spot articles that share sentences."""
    words = [w.lower() for w in _WORD.findall(text or "")]
    # a stable hash, not hash(): shingles made in another process or run must compare equal
    return frozenset(
        int.from_bytes(
            hashlib.blake2b(" ".join(words[i : i + 4]).encode(), digest_size=8).digest(),
            "little",
            signed=True,
        )
        for i in range(len(words) - 3)
    )


def _bind_dates(
    triggers: list[_Trigger], dates: list[ResolvedDate], offset: int, s_text: str
) -> dict[int, list[ResolvedDate]]:
    """Return the date expressions of a sentence bound to their triggers (by trigger start).

    A date binds to the nearest trigger before it in the same clause (no comma or semicolon
    in between); a sentence-initial date ("On June 6, ...") binds to the first trigger after it.
    """
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(s_text)]

    def _broken(lo: int, hi: int) -> bool:
        k = bisect_left(breaks, lo)
        return k < len(breaks) and breaks[k] < hi

    bound: dict[int, list[ResolvedDate]] = {}
    starts = [t.start - offset for t in triggers]
    for d in dates:
        if re.match(r"(?i)(?:since|until|by)\b", d.text):
            continue
        k = bisect_right([t.end - offset for t in triggers], d.start) - 1
        owner = triggers[k] if k >= 0 and not _broken(triggers[k].end - offset, d.start) else None
        if owner is None:
            following = bisect_left(starts, d.end)
            if following < len(triggers):
                initial = re.fullmatch(r"\s*(?:\w{1,4}\s*)?", s_text[: d.start])
                if initial or not _broken(d.end, starts[following]):
                    owner = triggers[following]
        if owner is not None:
            bound.setdefault(owner.start, []).append(d)
    return bound


def _parts(found: ResolvedDate | None) -> dict | None:
    if found is None:
        return None
    parts = {"year": found.year, "month": found.month, "day": found.day, "weekday": found.weekday}
    if found.precision == "week":
        parts.update(month=None, day=None, weekday=None)
    return parts if any(v is not None for v in parts.values()) else None


def _latest_date(masked: str, hint: tuple[int, date] | None) -> date | None:
    """Return the latest date an undated article states: the earliest it can have been written."""
    if hint is None:
        return None
    stated = resolve_dates(masked, None, year_hint=hint[0], hint_floor=hint[1])
    return max((period_end(d) for d in stated if d.value), default=hint[1])


def _without_entities(s_text: str, offset: int, ents: list[Span]) -> str:
    """Blank the names in a sentence, so similarity measures the wording around them."""
    chars = list(s_text)
    for ent in ents:
        for k in range(max(0, ent.start_char - offset), min(len(chars), ent.end_char - offset)):
            chars[k] = " "
    return "".join(chars)


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def _one_statement_per_speaker(events: list[dict]) -> list[dict]:
    """Keep one statement per speaker and article: later quotes continue the same speech act."""
    kept: list[dict] = []
    first: dict[str, dict] = {}
    for event in events:
        if event["event_type"] != "statement":
            kept.append(event)
            continue
        speaker = event["actor_names"][0]
        earlier = first.get(speaker)
        if earlier is None:
            first[speaker] = event
            kept.append(event)
            continue
        if earlier["event_date"] is None and event["event_date"] is not None:
            for key in ("event_date", "date_precision", "date_text", "date_parts"):
                earlier[key] = event[key]
        earlier["date_ref"] = earlier["date_ref"] or event["date_ref"]
        earlier["words"] = sorted(set(earlier["words"]) | set(event["words"]))
    return kept
