"""Events in sentences: triggers found by lemma, typed by the taxonomy, with actors, date and place.

Triggers (see `newsgate.nlp.event_lexicon` and its data files):
- verbs by lemma: the CAMEO verb dictionary (a verb with an object pattern such as "hold talks",
  "stage a protest", or a verb that names an event on its own) and newsgate's own words;
  a verb fires only where it reads as a verb (not after a determiner: "the attack");
- event nouns ("meeting", "election", "landslide") only with an occurrence word nearby
  ("held", "took place", "won") or, for disasters and accidents, an impact word in the sentence
  ("killed", "flattened"), so back-references ("after the meeting") are not new events;
- reporting verbs (the entity layer's list) make statements, by a named speaker only.
Words inside quotation marks never trigger: what a speaker says is the statement, not an event.
Negated triggers ("did not attack") are no events; future ones ("will meet") are planned events.
One event per sentence and type; cross-article merging lives in `newsgate.nlp.event_merge`.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from newsgate.nlp.dates import (
    ResolvedDate,
    article_year_hint,
    on_stated_day,
    period_end,
    resolve_dates,
    weekday_anchors,
)
from newsgate.nlp.event_lexicon import (
    EventType,
    Lexicon,
    event_types,
    is_noun_lemma,
    lexicon,
    token_lemma,
)
from newsgate.nlp.event_lexicon import lemma as word_lemma
from newsgate.nlp.event_model import without_candidate_keys
from newsgate.nlp.gazetteer import gazetteer_entries
from newsgate.nlp.lexicon import HONORIFICS, ORG_HEADS, TITLE_HEADS, TITLE_MODIFIERS
from newsgate.nlp.names import article_names
from newsgate.nlp.quotes import find_quote_spans

__all__ = ["AGENT_LABEL", "article_shingles", "event_types", "find_events"]

# the label of unnamed actors (agent nouns such as "police"); they are not entities
AGENT_LABEL = "AGENT"
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", AGENT_LABEL}
_SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# agent codes of people who suffer events rather than act ("19 people died")
_PASSIVE_AGENTS = {"PPL"}
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "no",
        "any",
        "each",
        "every",
        "another",
        "such",
        "whose",
        "last",
        "first",
        "new",
        "same",
    ]
)
# what may follow a closing reporting verb: "on Tuesday", "in a statement", "to AFP", "radio"
_CLOSING = re.compile(
    r"^(?:\s+(?:on|in|at|to|from|during|via)\b[^,.;:]{0,40}|\s+\w+){0,2}\s*"
    r"(?:,\s*(?:adding|saying)\b.*|[.!?\"”’]*)\s*$",
    re.S,
)
# function words ending in -s, which a lookup lemmatizer may take for plurals ("as" -> "a")
_FUNCTION_S = frozenset(
    [
        "as",
        "us",
        "is",
        "was",
        "has",
        "its",
        "his",
        "hers",
        "this",
        "thus",
        "yes",
        "less",
        "unless",
        "whereas",
        "perhaps",
        "always",
        "besides",
        "towards",
        "afterwards",
        "across",
        "plus",
    ]
)
# the acts that state a charge: verbal acts in what follows them are its content
_CHARGING = frozenset(["court_verdict", "arrest", "accusation"])
_CASUALTY_WORDS = r"(?:killed|injured|wounded|hurt|dead|missing|murdered|shot dead)"
_VICTIM_AFTER = re.compile(
    r"\s*(?:\([^()]{0,30}\)\s*)?(?:,[^,;]{0,40},\s*)?"
    r"(?P<aux>(?:were|was|are|is|have been|has been|had been|being|been|got)\s+)?"
    r"(?:(?:reportedly|also|allegedly|all)\s+)?" + _CASUALTY_WORDS + r"\b"
)
# "security forces killed one person", "police shot dead 34 miners": a casualty verb with no
# auxiliary and an object after it is in the active voice, so the noun before it is the agent
# (English word order: subject, verb, object); "three soldiers killed in a blast" has none
_ACTIVE_OBJECT = re.compile(
    r"\s+(?:(?:at least|more than|nearly|about|some|over|up to)\s+)?"
    r"(?:\d|(?:a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|dozens|scores|hundreds|thousands|several|many)\b)",
    re.I,
)
_VICTIM_BEFORE = re.compile(
    r"\b(?:killing|killed|kill|kills|wounding|wounded|injuring|injured)\s+"
    r"(?:(?:at least|more than|over|about|some)\s+)?"
    r"(?:(?!(?:after|before|when|while|by|in|on|at|as|during|and|but|with)\b)[\w,-]+\s+){0,3}$"
)
# words before an agent word that make it an adjective when a noun follows ("an official visit")
_ADJECTIVE_CUES = frozenset(
    ["a", "an", "first", "second", "third", "new", "its", "his", "her", "their", "our", "another"]
)
_PREPOSITIONS = frozenset(
    [
        "to",
        "of",
        "for",
        "with",
        "from",
        "among",
        "against",
        "into",
        "about",
        "like",
        "than",
        "over",
        "under",
        "after",
        "before",
        "during",
        "across",
        "through",
        "without",
        "within",
        "amid",
        "despite",
        "on",
        "in",
        "at",
        "by",
    ]
)
_CLOCK = frozenset(["am", "pm", "a.m.", "p.m.", "a.m", "p.m"])
_DURATIONS = frozenset(["day", "hour", "week", "month", "year", "round", "night"])
_MODALS = frozenset(
    ["will", "would", "could", "can", "may", "might", "must", "shall", "should", "to"]
)
# nouns that say when, not what: after an object they leave it the head of its phrase
_RELATIVE_DAYS = frozenset(["yesterday", "today", "tomorrow", "tonight"])
_MEASURES = frozenset(["percent", "%", "share", "half", "third", "majority", "number", "count"])
_NEGATORS = frozenset(["not", "n't", "never", "no", "cannot"])
_DEFINITE = frozenset(["the", "this", "that", "these", "those", "its", "their", "his", "her"])
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"])
_VERB_CUES = frozenset(
    [
        "to",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "did",
        "do",
        "does",
        "not",
        "n't",
        "'ll",
        "'d",
        "never",
        "they",
        "we",
        "i",
        "you",
        "he",
        "she",
        "who",
        "which",
        "also",
    ]
)
_ATTRIBUTIVE_CUES = frozenset(
    ["of", "and", "key", "main", "other", "several", "many", "some", "all", "more", "most"]
)
_SUBJECT_PRONOUNS = frozenset(["he", "she", "it", "who", "which", "that", "they"])
# words that open a verb's object phrase and never continue a noun phrase before them ("this"
# and "that" do: "a rally that week", "a rally that drew thousands")
_OBJECT_OPENERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our"])
# "X, a lawmaker of the Y party, said": an apposition between a speaker and the verb
# up to three descriptions ("X, spokesman for the Y Shipping Assn., representing the ports of
# A and B, said"); an abbreviation's point ("Assn.", "Corp.") does not end one
_APPOSITION = re.compile(
    r"(?:,\s+(?:a|an|the|his|her|its|their|[a-z][\w-]*)\b"
    r"(?:[^,;:.“”\"()]|\b[A-Z][a-z]{0,4}\.){0,90}?){1,3},\s*"
    r"(?:(?:also|later|then|on\s+\w+(?:\s+\w+)?)\s+)?$"
)
# a day or month between a speaker and the verb ("X on Wednesday said") is no name
_DATE_WORDS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
)
# a non-restrictive relative clause opened right after a noun, up to a date inside it
_RELATIVE_CLAUSE = re.compile(r"\s*,\s*(?:which|that)\s+(?:[\w'-]+\s+){0,5}")
# the relative clause's own verb follows its pronoun: "which struck", "which was held"
# a non-restrictive relative clause about a person ("who faces re-election later this month"),
# closed by its comma, with no quotation or other name in it
_WHO_CLAUSE = re.compile(r"^\s*,\s*who\s[^,;:“”\"‘’()]{1,80}?,\s*(?=\S*\s*$)")
# a prepositional phrase after a subject noun ("rescuers in remote villages of", "supporters of
# the"), up to the next candidate actor: it ends before that candidate
_ATTACHED_PP = re.compile(
    r"\s+(?:in|of|at|from|near|across)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w'-]*\s+){0,2}"
)
_RELATIVE_VERB = re.compile(r"\s*,\s*(?:which|that)\s+(?:[\w'-]+\s+){0,2}")
# a comma or colon between digits ("4,000 residents", "at 11:50") is a number, not a clause break
_CLAUSE_BREAK = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;—–()]|\s-{1,2}\s")
_PLACE_PREP = re.compile(
    r"\b(?:in|at|near|over|across|around|into|from|off|along|within|inside|outside|"
    r"toward|towards|discuss|about)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?$",
    re.I,
)
# "officials in the eastern town of Horlivka said", "representing the ports of X and Y, said": a
# place inside a prepositional phrase is no subject (English: the subject is never the object
# of a preposition), so it does not speak
_IN_PLACE_PHRASE = re.compile(
    r"\b(?:in|at|near|from|of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?:of\s+(?:the\s+)?)?"
    r"(?:[A-Z][\w.-]*\s+){0,3}(?:(?:and|or|,)\s+)?$"
)
# "the Swabi district of Khyber Pakhtunkhwa", "the outskirts of Kabul": a place inside a place
_PLACE_OF = re.compile(
    r"\b(?:district|province|state|region|county|city|town|village|area|outskirts|suburbs?|"
    r"capital|parts?|north|south|east|west)\s+of\s+(?:the\s+)?$",
    re.I,
)
_ANAPHORIC = re.compile(
    r"\b(?:after|following|during|at|ahead of|before|since|for|of|from|on|about|in)\s+"
    r"(?:the|this|that|these|those|their|its|his|her|our)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_TOPIC_HEAD = re.compile(
    r"^\s+(?:crisis|conflict|issue|question|war|border|borders|coast|flank|region|enclave)\b"
)
# "should expand cooperation", "could become embroiled": wished or possible, not an event
_HYPOTHETICAL = re.compile(
    r"\b(?:should|could|would|might|may|must|ought to|(?:have|has|had|need|needs) to)\s+"
    r"(?:(?:not|also|now|still|be|have)\s+)?"
    r"(?:\w+ly\s+)?$",
    re.I,
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|n't|neither|nor)\s+(?:\w+\s+){0,2}$"
    # "refused to meet", "their refusal to attend": what was refused did not take place
    r"|\b(?:refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing))\s+to\s+(?:\w+ly\s+)?$",
    re.I,
)
_REASON = re.compile(r"\b(?:by|for)\s+$", re.I)
_MEET_NOT_EVENT = re.compile(
    r"^\s+(?:the\s+)?(?:[\w-]+\s+)?(?:demands?|requirements?|criteria|needs|expectations|"
    r"targets?|goals?|standards?|deadlines?|gap|challenges?|costs?|obligations?|commitments?|"
    r"conditions?|thresholds?|shortfall|quotas?)\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is to|are to|to be held|upcoming|next|plans? to|due|scheduled|"
    r"agreed to (?:hold|meet)|to (?:hold|meet|convene) (?:\w+ ){0,4}(?:talks|meeting|summit))\b",
    re.I,
)
_AFTER_MEETING = re.compile(
    r"\b(?:after|following|at the end of)\s+(?:the|this|their|a)\s+(?:meeting|talks|session)\b",
    re.I,
)
_GROUP_ANAPHOR = re.compile(
    r"\b(?:(?:the two|both)\s+(?:sides|nations|countries|leaders|governments|parties|"
    r"delegations|ministers|presidents|states)|the parties|both)\b",
    re.I,
)
# "the two ministers", "both leaders", "all three countries": a counted group of people or
# states the article has named just before (the group noun's class says which kind of name)
_COUNTED_GROUP = re.compile(
    r"\b(?:[Tt]he\s+(?P<n>two|three|four|five)|[Bb]oth(?:\s+the)?|[Aa]ll\s+(?P<m>three|four|five))"
    r"\s+(?:[\w-]+\s+)?(?:(?P<person>leaders|ministers|presidents|officials|premiers|"
    r"counterparts|envoys|diplomats|heads of state|men|women|chancellors|politicians)|"
    r"(?P<state>nations|countries|governments|states|neighbours|neighbors|allies)|"
    r"(?P<side>sides|parties|delegations))\b"
)
# "the ministers", "the leaders": a definite plural of participants, with no count
_DEFINITE_GROUP = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+)?(?:leaders|ministers|presidents|premiers|counterparts|envoys|"
    r"delegations|delegates|heads of state|sides)\b"
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
# how far back (characters) a counted group looks for the names it stands for
_GROUP_REACH = 1500
_HEAD_ANAPHOR = re.compile(r"\b[Tt]he\s+(council|commission|committee|alliance|bloc|forum)\b")
_COMPOUND = re.compile(r"^(?P<a>[\w.]+)\s*-\s*(?P<b>[\w.]+)\s+(?:\w+\s+)?(?:\w+)$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_ELECTION_WORDS = frozenset(
    [
        "election",
        "electoral",
        "poll",
        "ballot",
        "presidential",
        "parliamentary",
        "candidate",
        "voter",
        "polling",
        "referendum",
    ]
)
# English function words: never a subject head, an actor word or evidence that two texts
# tell the same thing (also what scripts/event_misses.py locates sentences without)
FUNCTION_WORDS = frozenset(
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
# how far (in tokens) a market word may stand before its verb ("the price of Brent crude, the
# European benchmark, surged")
_SUBJECT_WINDOW = 8
# how far (in tokens) an occurrence word may stand from an event noun
_OCCURRENCE_BEFORE = 7
_OCCURRENCE_AFTER = 6
# how many sentences open a report (its lead) whose dated act dates the reactions it quotes
LEAD_SENTENCES = 3


@dataclass(frozen=True)
class _Trigger:
    event_type: EventType
    start: int
    end: int
    text: str
    is_verb: bool
    token: int
    passive: bool = False
    # a noun that is an event only through its date ("Friday's deal"): likely a back-reference
    reference: bool = False
    # a noun after "the toll from the", "in the": the article may have told the event before
    anaphoric: bool = False
    # where the trigger comes from: cameo pattern, newsgate verb/object/noun, reporting verb …
    source: str = "newsgate noun"
    # the rule that would drop this trigger (candidate mode keeps it for the event model)
    dropped: str = ""


@dataclass(frozen=True)
class _Candidate:
    """A possible actor: an entity span or an unnamed agent ("police", "Somali security forces")."""

    start_char: int
    end_char: int
    label: str
    name: str
    span: Span | None = None
    # the country an unnamed actor acts for ("Kenyan police": Kenya), when the text gives one
    country: str | None = None


def find_events(doc: Doc) -> list[dict]:
    """Return the events of `doc`, one per sentence and type, as dicts (the rules' candidates).

    The learned selection (`newsgate.nlp.event_model`) is not switched on: on the read sets'
    candidates its leave-one-set-out figures do not beat these rules (see the README).
    """
    return [without_candidate_keys(e) for e in find_candidates(doc, wide=False)]


def find_candidates(doc: Doc, wide: bool = True) -> list[dict]:
    """Return the candidate events of `doc` as dicts; `dropped` names the rule that drops one.

    With `wide` false only the candidates no rule drops are returned (the rules' events).
    """
    text = _text(doc)
    lex = lexicon()
    base = doc._.published_date
    quotes = find_quote_spans(text)
    masked = _mask(text, quotes)
    hint = None if base else article_year_hint(masked)
    horizon = base or _latest_date(masked, hint)
    # an undated article's weekdays resolve only to the full dates it states on that weekday
    stated_days = {} if base else weekday_anchors(masked)
    shingles = article_shingles(text)
    lemmas = [token_lemma(t) for t in doc]
    elections = any(lemma in _ELECTION_WORDS for lemma in lemmas)
    events: list[dict] = []
    anchor: date | None = None
    last_meeting_actors: list[tuple[str, str]] = []
    # Span.ents scans every entity of the doc, so long documents slice one list instead
    all_ents = list(doc.ents)
    ent_starts = [e.start_char for e in all_ents]
    in_entity = _entity_tokens(doc, all_ents)
    index = -1
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
            on_stated_day(future if _clause_future(s_text, past.start) else past, stated_days)
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
        agents = _agents(doc, sent, lemmas, masked, in_entity, lex)
        triggers, extra = _find_triggers(
            doc, sent, lemmas, masked, in_entity, lex, elections, dates, wide
        )
        bound = _bind_dates(triggers, dates, sent.start_char, s_text)
        if extra:
            # a dropped trigger's dates, bound as if it stood among the kept ones
            for t in extra:
                own = _bind_dates(
                    sorted([*triggers, t], key=lambda x: x.start), dates, sent.start_char, s_text
                )
                bound.setdefault(t.start, own.get(t.start, []))
        words = sorted(_content_words(_without_entities(s_text, sent.start_char, sent_ents)))
        statement_at = None
        # who speaks in this sentence is its source, not an actor of what the sentence reports
        speakers = {
            sp.start_char
            for t in triggers
            if t.event_type.verbal
            and (sp := _speaker(text, ents, t, strict=t.event_type.name == "statement"))
        }
        speaker_names = {_entity_actor(e, doc)[0] for e in ents if e.start_char in speakers}
        clause_acts: list[tuple[_Trigger, list[tuple[str, str, str]]]] = []
        for trigger in sorted([*triggers, *extra], key=lambda t: (t.start, bool(t.dropped))):
            kind = trigger.event_type.name
            dropped = trigger.dropped
            # a verbal act inside a statement's reported clause belongs to the statement
            if (
                trigger.event_type.verbal
                and kind != "statement"
                and statement_at is not None
                and trigger.start > statement_at
            ):
                dropped = dropped or "in_statement"
            # "convicted of endangering the public", "accused him of insulting": the charge
            # names what the court or accuser says was done, not a verbal act of its own
            if (
                trigger.event_type.verbal
                and kind != "statement"
                and any(
                    t.start < trigger.start and t.event_type.name in _CHARGING for t in triggers
                )
            ):
                dropped = dropped or "charge"
            struck: list[str] = []
            if trigger.event_type.verbal:
                speaker = _speaker(text, ents, trigger, strict=kind == "statement")
                if speaker is None:
                    speaker = _pronoun_speaker(doc, sent, trigger)
                if speaker is None:
                    speaker = _agent_speaker(doc, text, sent, agents, trigger)
                target = None
                if trigger.passive:
                    # "Germany was accused by France": the agent speaks, the subject is the target
                    target, speaker = speaker, _passive_agent(text, sent, ents, trigger)
                # "the AP said": a news outlet reporting is the source, not an event
                if speaker is None or _entity_actor(speaker, doc)[0] in _outlets():
                    continue
                if kind == "statement" and _attribution(text, sent, speaker, trigger, triggers):
                    dropped = dropped or "attribution"
                # "Egyptian activists called for": the demonym names the actors' country, the
                # agent noun after it who acts (as for the other kinds' actors)
                group = next(
                    (
                        a
                        for a in agents
                        if speaker.label_ == "NORP"
                        and a.start_char == speaker.start_char
                        and a.end_char <= trigger.start
                    ),
                    None,
                )
                if group is None:
                    actors = [(*_entity_actor(speaker, doc), "actor1")]
                else:
                    actors = [(group.name, AGENT_LABEL, "actor1")]
                    actors += [(group.country, "GPE", "other")] if group.country else []
                actors += _owner(doc, text, speaker, ents)
                if kind == "statement" and not dropped:
                    statement_at = trigger.start
                elif target is not None:
                    actors.append((*_entity_actor(target, doc), "actor2"))
                else:
                    actors += _objects(doc, text, sent, ents, flags, trigger, speaker)
            else:
                # names before a reporting verb are its speakers, not this event's actors; the
                # subject of another act is that act's ("police dispersed the rally")
                speech = max(
                    (
                        t.start
                        for t in triggers
                        if t.start < trigger.start
                        and (
                            t.event_type.verbal
                            or (not trigger.is_verb and t.is_verb and t.event_type.name != kind)
                        )
                    ),
                    default=sent.start_char,
                )
                main = _participle_subject(masked, trigger, clause_acts)
                if main is not None:
                    # "police fired tear gas, arresting a former minister": the participle's
                    # subject is the main clause's; only what follows it is its own
                    speech = trigger.start
                actors = _actors(
                    doc, text, sent, ents, flags, agents, trigger, last_meeting_actors, speech
                )
                if main is not None:
                    actors = main + [a for a in actors if a[2] != "actor1" and a not in main]
                actors = [a for a in actors if a[2] != "other" or a[0] not in speaker_names]
                if trigger.is_verb and not dropped:
                    clause_acts.append((trigger, actors))
                if trigger.event_type.conventions_type == "protest":
                    demonstrators = _demonstrators(actors)
                    if demonstrators is None:
                        dropped = dropped or "no_demonstrators"
                    else:
                        actors = demonstrators
                if not trigger.event_type.needs_actor:
                    # "storms struck Yunnan province": a disaster, accident or market move has no
                    # actors (CONVENTIONS 6.3); the places it names are where it happened
                    struck = [n for n, lab, _ in actors if lab in ("GPE", "LOC")]
                    actors = []
            if kind == "meeting" and not dropped:
                last_meeting_actors = [(n, lab) for n, lab, _ in actors]
            # an actorless event ("the toll from the floods") named only by reference is new only
            # when the article has not told of one of its kind before
            if trigger.anaphoric and any(
                e["event_type"] == kind and not e["dropped"] for e in events
            ):
                dropped = dropped or "anaphoric"
            if dropped and not wide:
                continue
            # of several dates bound to a trigger the nearest one dates it; the publication
            # stamp printed at the top of the text ("date 2017-05-23") dates the article only
            mine = sorted(
                (d for d in bound.get(trigger.start, []) if not _is_stamp(d, base)),
                key=lambda d: (d.value is None, _distance(d, trigger, sent.start_char)),
            )
            date_ = mine[0] if mine else None
            events.append(
                {
                    "event_type": kind,
                    "cameo_root": trigger.event_type.cameo_root,
                    "quad_class": trigger.event_type.quad_class,
                    "trigger": re.sub(r"\s+", " ", trigger.text),
                    "trigger_start": trigger.start,
                    "trigger_source": trigger.source,
                    "sentence_index": index,
                    "start_char": sent.start_char,
                    "end_char": sent.end_char,
                    "actor_names": [n for n, _, _ in actors],
                    "actor_labels": [lab for _, lab, _ in actors],
                    "actor_roles": [r for _, _, r in actors],
                    "place": next(iter(_places(ents, flags) + struck), None),
                    "places": list(dict.fromkeys(_places(ents, flags, trigger) + struck)),
                    "event_date": date_.value if date_ else None,
                    "date_precision": date_.precision if date_ else None,
                    "date_text": date_.text if date_ else None,
                    "date_parts": _parts(date_),
                    # "the ministers signed an accord" after their meeting: done at it
                    "date_ref": date_ is None
                    and (
                        _after_meeting(kind, trigger, masked)
                        or _by_last_meeting(
                            kind,
                            actors,
                            last_meeting_actors,
                            s_text,
                            trigger.start - sent.start_char,
                        )
                    ),
                    "horizon": horizon,
                    "future": _clause_future(s_text, trigger.end - sent.start_char, ahead=30)
                    or _clause_future(s_text, trigger.start - sent.start_char),
                    "published": base,
                    "words": words,
                    "article_shingles": shingles,
                    "told_once": trigger.event_type.told_once,
                    "implied_actor": trigger.event_type.implied_actor,
                    # actorless kinds (disasters) are told sentence by sentence, never by reference
                    "reference": trigger.event_type.needs_actor
                    and (
                        trigger.reference
                        or not any(role in ("actor1", "actor2") for _, _, role in actors)
                    ),
                    "dropped": dropped,
                    "negated": bool(_NEGATION.search(before_trigger(masked, sent, trigger))),
                    "hypothetical": bool(
                        _HYPOTHETICAL.search(before_trigger(masked, sent, trigger))
                    ),
                    "passive": trigger.passive,
                    "is_verb": trigger.is_verb,
                    "sentences": 0,
                }
            )
        _share_sentence_day(events, index, dates, bound, triggers, base)
    for event in events:
        event["sentences"] = index + 1
    kept = [e for e in events if not e["dropped"]]
    events = _one_per_article(_one_statement_per_speaker(_attach_references(kept))) + [
        e for e in events if e["dropped"]
    ]
    events.sort(key=lambda e: (e["sentence_index"], e["trigger_start"], bool(e["dropped"])))
    return _date_speech_by_its_event(events)


def _text(doc: Doc) -> str:
    """Return the doc's text, joined once (spaCy's Doc.text joins every token on each call)."""
    if "newsgate_text" not in doc.user_data:
        doc.user_data["newsgate_text"] = doc.text or ""
    return doc.user_data["newsgate_text"]


# --- triggers ---------------------------------------------------------------------------


def _entity_tokens(doc: Doc, ents: list[Span]) -> list[str | None]:
    """Return, per token, the label of the entity it belongs to (None outside entities)."""
    labels: list[str | None] = [None] * len(doc)
    for ent in ents:
        for k in range(ent.start, ent.end):
            labels[k] = ent.label_
    return labels


def _find_triggers(
    doc: Doc,
    sent: Span,
    lemmas: list[str],
    masked: str,
    in_entity: list[str | None],
    lex: Lexicon,
    elections: bool,
    dates: list[ResolvedDate],
    wide: bool = False,
) -> tuple[list[_Trigger], list[_Trigger]]:
    """Return the valid triggers of the sentence in text order, one per type and clause, and
    (when `wide`) the triggers a rule drops, each with the rule's name in `dropped`."""
    found: dict[str, list[_Trigger]] = {}
    extra: list[_Trigger] = []
    in_dates = [(d.start + sent.start_char, d.end + sent.start_char) for d in dates]
    for k in range(sent.start, sent.end):
        if lemmas[k] not in lex.trigger_lemmas:
            continue  # most words name no event; looked up before making the token
        token = doc[k]
        if masked[token.idx] == "_" or not any(c.isalpha() for c in token.text):
            continue
        if any(s <= token.idx < e for s, e in in_dates):
            continue  # "March" in "in March 2014" is a month
        lemma = lemmas[token.i]
        if lemma in lex.not_events:
            continue
        trigger = _verb_trigger(doc, sent, token, lemmas, in_entity, lex)
        if trigger is None:
            trigger = _noun_trigger(doc, sent, token, lemmas, in_entity, lex, elections, dates)
        if trigger is None:
            trigger = _subject_verb_trigger(sent, token, lemmas, lex)
        if trigger is None:
            if wide and (alone := _cameo_alone(doc, sent, token, lemmas, in_entity, lex)):
                extra.append(alone)
            continue
        earlier = found.get(trigger.event_type.name)
        # one event of a type per clause: a second in another clause is another event ("X was
        # sentenced ..., whose head Y also received a sentence"); a speaker speaks once, and a
        # sentence tells of one disaster (its nouns are one event: "floods and landslides")
        if (
            earlier
            and not _second_speaker(masked, earlier[-1], trigger)
            and (
                trigger.event_type.verbal
                or not trigger.event_type.needs_actor
                or not _CLAUSE_BREAK.search(masked, earlier[-1].end, trigger.start)
            )
        ):
            if wide:
                extra.append(replace(trigger, dropped="same_clause"))
            continue
        before = before_trigger(masked, sent, trigger)
        if _NEGATION.search(before) or _HYPOTHETICAL.search(before):
            if wide:
                extra.append(replace(trigger, dropped="negated"))
            continue
        found.setdefault(trigger.event_type.name, []).append(trigger)
    ordered = sorted((t for ts in found.values() for t in ts), key=lambda t: t.start)
    # "sentenced him to three years in prison and a fine": a court's fine is part of its
    # sentence (CONVENTIONS 6.1: a conviction and its sentence are one event), no sanction
    ruled = any(t.event_type.name == "court_verdict" for t in ordered)
    kept = []
    for t in ordered:
        if _purpose_of(t, ordered, masked):
            extra.append(replace(t, dropped="purpose"))
        elif ruled and t.event_type.conventions_type == "sanction":
            extra.append(replace(t, dropped="in_sentence"))
        else:
            kept.append(t)
    return kept, sorted(extra, key=lambda t: t.start) if wide else []


def before_trigger(masked: str, sent: Span, trigger: _Trigger) -> str:
    """Return the 25 characters of the sentence before the trigger (negation, hypotheticals)."""
    return masked[max(sent.start_char, trigger.start - 25) : trigger.start]


# "X told reporters ... while Y said": a conjunction that lets a second speaker speak
_OTHER_SPEAKER = re.compile(r"[;,]\s+(?:and|but|while|whereas)\s|\s(?:while|whereas)\s")


def _second_speaker(masked: str, earlier: _Trigger, trigger: _Trigger) -> bool:
    """Tell whether a second reporting verb of a sentence has a clause (and speaker) of its own."""
    return (
        trigger.event_type.name == "statement"
        and earlier.event_type.name == "statement"
        and bool(_OTHER_SPEAKER.search(masked, earlier.end, trigger.start))
    )


def _purpose_of(trigger: _Trigger, triggers: list[_Trigger], masked: str) -> bool:
    """Tell whether a trigger is the purpose of an act before it in its clause.

    "summoned the ambassador to express condemnation", "fired tear gas to scatter the crowd":
    what an act was done for is part of that act. Agreements and verbal acts are excepted: what
    was agreed or promised ("agreed to hold talks") is an event of its own.
    """
    if not re.search(r"\bto\s+(?:\w+ly\s+)?$", masked[max(0, trigger.start - 20) : trigger.start]):
        return False
    return any(
        t.start < trigger.start
        and t.is_verb
        and not t.event_type.verbal
        and t.event_type.conventions_type != "agreement"
        and t.event_type.name != trigger.event_type.name
        and not _CLAUSE_BREAK.search(masked, t.end, trigger.start)
        for t in triggers
    )


def _previous(sent: Span, token: Token) -> Token | None:
    """Return the word before `token` in its sentence, skipping adverbs ("has already met")."""
    k = token.i - 1
    while k >= sent.start:
        prev = sent.doc[k]
        low = prev.lower_
        if not (low.endswith("ly") and len(low) > 4) and low not in ("already", "just", "still"):
            return prev
        k -= 1
    return None


def _reads_as_verb(sent: Span, token: Token, lemma: str, in_entity: list[str | None]) -> bool:
    """Tell whether a word whose lemma is a verb is used as one here (no tagger: by its context)."""
    low = token.lower_
    prev = _previous(sent, token)
    plow = prev.lower_ if prev is not None else ""
    if plow in _DETERMINERS or plow in ("'s", "’s") or (prev is not None and prev.like_num):
        return False
    if in_entity[token.i] is not None:
        return False
    if token.i > sent.start and token.text[:1].isupper() and plow not in ("“", '"', ":", "-"):
        return False
    if low.endswith("ing") and low != lemma:
        nxt = sent.doc[token.i + 1] if token.i + 1 < sent.end else None
        if nxt is None:
            return True
        # "the killing of" is a noun; "of protesting farmers", "key ruling alliance" adjectives
        attributive = (
            nxt.is_alpha
            and nxt.is_lower
            and is_noun_lemma(token_lemma(nxt))
            and (plow in _DETERMINERS or plow in _ATTRIBUTIVE_CUES or (prev and prev.like_num))
        )
        return nxt.lower_ != "of" and not attributive
    if low == lemma:
        if not is_noun_lemma(lemma) or plow in _VERB_CUES:
            return True
        # "Chile cut its rate", "the rebels attack the town": after a named subject, a word
        # followed by an article or a possessive opens its object (a noun is not followed by
        # a second noun phrase's determiner), so the word is the verb
        nxt = sent.doc[token.i + 1] if token.i + 1 < sent.end else None
        subject = prev is not None and in_entity[prev.i] in ("PERSON", "ORG", "GPE", "NORP")
        return subject and nxt is not None and nxt.lower_ in _OBJECT_OPENERS
    if low in (lemma + "s", lemma + "es", lemma[:-1] + "ies"):
        if not is_noun_lemma(lemma):
            return True
        subject = prev is not None and in_entity[prev.i] in ("PERSON", "ORG", "GPE")
        # "nearby US states.": a plural noun ending its phrase is no verb after a name
        nxt = sent.doc[token.i + 1] if token.i + 1 < sent.end else None
        if subject and (nxt is None or (nxt.is_punct and nxt.text not in ':"“')):
            return False
        return plow in _SUBJECT_PRONOUNS or subject
    # "belonging to banned outfits", "of detained protesters": a participle after a
    # preposition modifies a noun
    return plow not in _PREPOSITIONS


def _match_rest(sent: Span, start: int, rest: tuple[str, ...], lemmas: list[str]) -> int | None:
    """Return the index after a phrase's remaining words when they follow token `start`."""
    k = start + 1
    for word in rest:
        if k >= sent.end:
            return None
        token = sent.doc[k]
        if token.lower_ != word and lemmas[k] != word:
            return None
        k += 1
    return k


def _window_has(lemmas: list[str], lo: int, hi: int, words: tuple[str, ...]) -> int | None:
    """Return the index after `words` found in this order (gaps allowed) in lemmas[lo:hi]."""
    k = lo
    for word in words:
        parts = word.split()
        while k < hi and not _at(lemmas, k, parts, hi):
            k += 1
        if k >= hi:
            return None
        k += len(parts)
    return k


def _at(lemmas: list[str], k: int, parts: list[str], hi: int) -> bool:
    return k + len(parts) <= hi and all(lemmas[k + j] == p for j, p in enumerate(parts))


def _verb_trigger(
    doc: Doc,
    sent: Span,
    token: Token,
    lemmas: list[str],
    in_entity: list[str | None],
    lex: Lexicon,
) -> _Trigger | None:
    lemma = lemmas[token.i]
    rules = lex.verbs.get(lemma, ())
    reporting = lemma in lex.reporting
    if not rules and not reporting:
        return None
    if not _reads_as_verb(sent, token, lemma, in_entity):
        return None
    clause_end = _clause_end(sent, token.i)
    for rule in rules:
        end = _match_rest(sent, token.i, rule.rest, lemmas)
        if end is None:
            continue
        kind, source = _pattern_type(
            rule, doc, lemmas, max(sent.start, token.i - 6), token.i, end, clause_end
        )
        if kind is None and _passive_form(sent, token, lemma):
            # "tariffs were raised": the object of a passive verb is its subject (newsgate's
            # object patterns; CAMEO's were written for the active voice)
            kind, source = _pattern_type(
                rule, doc, lemmas, token.i, token.i, max(sent.start, token.i - 6), token.i
            )
            if source != "newsgate object":
                kind, source = None, None
        if kind is None and rule.standalone:
            kind, source = rule.event_type, rule.source
        if kind is None:
            continue
        return _make_trigger(doc, sent, token, end, lex.types[kind], lemma, source)
    if reporting:
        statement = lex.types["statement"]
        return _make_trigger(doc, sent, token, token.i + 1, statement, lemma, "reporting verb")
    return None


def _cameo_alone(
    doc: Doc,
    sent: Span,
    token: Token,
    lemmas: list[str],
    in_entity: list[str | None],
    lex: Lexicon,
) -> _Trigger | None:
    """Return a CAMEO verb's own type as a candidate where only its patterns would fire.

    CAMEO codes most verbs by their objects; the verb's own code ("expel": coerce) is a
    candidate the event model may keep ("dropped" as 'cameo_alone' by the rules).
    """
    lemma = lemmas[token.i]
    if not _reads_as_verb(sent, token, lemma, in_entity):
        return None
    for rule in lex.verbs.get(lemma, ()):
        if rule.event_type is None or rule.standalone:
            continue
        end = _match_rest(sent, token.i, rule.rest, lemmas)
        if end is None:
            continue
        made = _make_trigger(
            doc, sent, token, end, lex.types[rule.event_type], lemma, "cameo verb alone"
        )
        return None if made is None else replace(made, dropped="cameo_alone")
    return None


def _passive_form(sent: Span, token: Token, lemma: str) -> bool:
    """Tell whether a verb is a participle after a form of "be" ("was raised", "were held")."""
    low = token.lower_
    prev = _previous(sent, token)
    participle = low != lemma and not low.endswith(("s", "ing"))
    return participle and prev is not None and prev.lower_ in _BE


def _pattern_type(
    rule, doc: Doc, lemmas, lo: int, start: int, end: int, clause_end: int
) -> tuple[str | None, str | None]:
    """Return the type (and source) of the most specific pattern of the verb the sentence fits."""
    best, size, origin = None, 0, None
    hi = min(clause_end, end + 8)
    keyed = rule.keyed
    if not keyed:
        return None, None
    near = {lemmas[k] for k in range(lo, start)} | {lemmas[k] for k in range(end, hi)}
    candidates = sorted(found for word in near & keyed.keys() for found in keyed[word])
    for _, (before, after, kind, source) in candidates:
        words = len(before) + len(after)
        if words <= size:
            continue
        if before and _window_has(lemmas, lo, start, before) is None:
            continue
        if after:
            found = _window_has(lemmas, end, hi, after)
            # the pattern's object must head its phrase: "left in battle field" is no battle
            if found is None or (found < len(doc) and _noun_modifier_of(doc[found], lemmas[found])):
                continue
        best, size, origin = kind, words, source
    return best, origin


def _noun_modifier_of(following: Token, lemma: str) -> bool:
    """Tell whether `following` (with its lemma) is a noun the word before it modifies."""
    return (
        following.is_alpha
        # "dismissed the ministers yesterday": a date word is no head noun
        and following.lower_ not in _RELATIVE_DAYS
        and following.is_lower
        and is_noun_lemma(lemma)
        and _noun_form(following, lemma)
        and following.lower_ not in FUNCTION_WORDS
        and following.lower_ not in _VERB_CUES
        and following.lower_ not in _BE
        and following.lower_ not in _FUNCTION_S
        and following.lower_ not in _PREPOSITIONS
        and not following.lower_.endswith("ly")
        and lemma not in lexicon().occurrence
        and lemma not in lexicon().verbs
    )


def _clause_end(sent: Span, i: int) -> int:
    k = i + 1
    while k < sent.end and sent.doc[k].text not in (";", ":", "—", "–"):
        k += 1
    return k


def _make_trigger(
    doc: Doc, sent: Span, token: Token, end: int, event_type: EventType, lemma: str, source: str
) -> _Trigger | None:
    last = doc[end - 1]
    before = _text(doc)[max(sent.start_char, token.idx - 60) : token.idx]
    after = _text(doc)[last.idx + len(last) : last.idx + len(last) + 40]
    low = token.lower_
    if event_type.name == "meeting" and lemma == "meet" and _MEET_NOT_EVENT.match(after):
        return None
    if not event_type.verbal and _REASON.search(before) and low.endswith("ing"):
        return None
    if event_type.name == "demand" and lemma == "want" and re.match(r"\s+to\b", after):
        return None
    if (
        event_type.name == "statement"
        and lemma == "claim"
        and re.match(r"\s+(?:the\s+)?li(?:fe|ves)\b", after)
    ):
        return None  # "claiming the lives of two firefighters": a death toll, not a claim
    if event_type.name == "agreement" and re.match(r"\s+that\b", after):
        return None  # "agree that ...": an opinion shared, not an agreement made
    passive = _passive_form(sent, token, lemma)
    return _Trigger(
        event_type,
        token.idx,
        last.idx + len(last),
        _text(doc)[token.idx : last.idx + len(last)],
        True,
        token.i,
        passive,
        source=source,
    )


def _noun_trigger(
    doc: Doc,
    sent: Span,
    token: Token,
    lemmas: list[str],
    in_entity: list[str | None],
    lex: Lexicon,
    elections: bool,
    dates: list[ResolvedDate],
) -> _Trigger | None:
    lemma = lemmas[token.i]
    entries = lex.nouns.get(lemma)
    if not entries or token.lower_.endswith("ed"):
        return None
    kind = None
    first = token.i
    for modifiers, name in entries:
        k = token.i - len(modifiers)
        if k >= sent.start and all(
            doc[k + j].lower_ == m or lemmas[k + j] == m for j, m in enumerate(modifiers)
        ):
            kind, first = name, k
            break
    if kind is None:
        return None
    if kind == "election" and lemma == "vote" and not elections:
        kind = "legislative_vote"
    event_type = lex.types[kind]
    following = doc[token.i + 1].lower_ if token.i + 1 < sent.end else ""
    nxt = doc[token.i + 1] if token.i + 1 < sent.end else None
    # "ruling alliance", "striking workers": an -ing form before a noun is an adjective
    if (
        token.lower_.endswith("ing")
        and token.lower_ != lemma
        and nxt is not None
        and nxt.is_alpha
        and nxt.is_lower
        and is_noun_lemma(lemmas[nxt.i])
        # "a bombing in the city": WordNet's nouns include "in" (inch) and "at" (a currency)
        and following not in FUNCTION_WORDS
    ):
        return None
    # a capitalised word inside a sentence is part of a name ("March Madness", "Security
    # Council"), except storm names ("Typhoon Haiyan") and a body followed by its occurrence
    # ("the NATO-Russia Council was held")
    named = in_entity[token.i] is not None or (
        doc[first].text[:1].isupper()
        and first > sent.start
        and doc[first - 1].text not in "“\"‘'(:-—–"
    )
    if named and kind != "natural_disaster":
        end_of_name = token.i
        while end_of_name + 1 < sent.end and in_entity[end_of_name + 1] is not None:
            end_of_name += 1
        if not _occurs(sent, end_of_name + 1, end_of_name, lemmas, lex, before=0, after=3):
            return None
    # "an election victory", "conceded defeat after the runoff": the outcome says the vote took
    # place (a count of "votes" is no outcome of its own)
    outcome = bool(event_type.outcomes) and (
        (nxt is not None and lemmas[nxt.i] in event_type.outcomes)
        or (
            lemma != "vote"
            and any(lemmas[k] in event_type.outcomes for k in range(sent.start, sent.end))
        )
    )
    start = doc[first].idx
    before = _text(doc)[max(sent.start_char, start - 40) : start]
    # "after the talks": a back-reference to an event told before, unless the noun is dated
    # here; an outcome ("won the seat in the parliamentary election") or a disaster's toll
    # ("the toll from the worst floods") tells the event itself, as a reference the article's
    # earlier mention (if any) absorbs
    anaphoric = bool(_ANAPHORIC.search(before)) and not _dated_here(doc, token, dates, sent)
    if anaphoric and not outcome and event_type.needs_actor:
        return None
    # "a flood of refugees", "a storm of criticism" are no disasters
    if not event_type.needs_actor and (
        following == "of" or not any(lemmas[k] in lex.impact for k in range(sent.start, sent.end))
    ):
        return None
    prev = doc[first - 1].lower_ if first > sent.start else ""
    if prev in ("in", "under", "without") and lemma == token.lower_:
        return None  # "in protest at", "in talks": a manner or state, not an occurrence
    # "ballot count", "election results": the noun modifies the head that follows it
    if (
        not outcome
        and nxt is not None
        and nxt.is_alpha
        and nxt.is_lower
        and is_noun_lemma(lemmas[nxt.i])
        and _noun_form(nxt, lemmas[nxt.i])
        and lemmas[nxt.i] not in lex.nouns
        and not nxt.lower_.endswith("ly")
        and lemmas[nxt.i] not in lex.occurrence
        and nxt.lower_ not in FUNCTION_WORDS
        and nxt.lower_ not in _VERB_CUES
        and nxt.lower_ not in _BE
    ):
        return None
    # "61 percent of votes", "a share of the vote": a measure, not the event
    if prev == "of" and first - 2 >= sent.start and doc[first - 2].lower_ in _MEASURES:
        return None
    # a definite noun ("the strike", "its unanimous verdict") names an event the article has
    # told of, if any
    reference = any(doc[k].lower_ in _DEFINITE for k in range(max(sent.start, first - 2), first))
    # "after two days of talks", "weeks of protests": the duration says it took place
    lasted = prev == "of" and first - 2 >= sent.start and lemmas[first - 2] in _DURATIONS
    # some nouns name a completed event by themselves ("Russia's annexation of Crimea")
    alone = event_type.nouns_alone
    # "civilians were killed by air strikes": casualties say an armed attack took place
    violent = event_type.conventions_type == "military_action" and any(
        lemmas[k] in lex.casualty for k in range(sent.start, sent.end)
    )
    if (
        event_type.needs_actor
        and not lasted
        and not alone
        and not violent
        and not outcome
        and not _occurs(sent, first, token.i, lemmas, lex)
    ):
        if not _dated_here(doc, token, dates, sent):
            return None
        reference = True
    end = token.idx + len(token)
    return _Trigger(
        event_type,
        start,
        end,
        _text(doc)[start:end],
        False,
        token.i,
        reference=reference or anaphoric,
        anaphoric=anaphoric,
    )


def _occurs(
    sent: Span,
    first: int,
    head: int,
    lemmas: list[str],
    lex: Lexicon,
    before: int = _OCCURRENCE_BEFORE,
    after: int = _OCCURRENCE_AFTER,
) -> bool:
    """Tell whether an occurrence word ("held", "took place", "won") stands near an event noun."""
    lo = max(sent.start, first - before)
    hi = min(sent.end, head + 1 + after)
    for k in range(lo, hi):
        if first <= k <= head or lemmas[k] in (";", ":"):
            continue
        for phrase in lex.occurrence.get(lemmas[k], ()):
            if _at(lemmas, k, list(phrase), hi) or _match_rest(sent, k, phrase[1:], lemmas):
                # "other strikes can't go ahead": a negated occurrence is none
                lo_neg, hi_neg = (head + 1, k) if k > head else (max(sent.start, k - 3), k)
                if not any(lemmas[j] in _NEGATORS for j in range(lo_neg, hi_neg)):
                    return True
    return False


def _dated_here(doc: Doc, token: Token, dates: list[ResolvedDate], sent: Span) -> bool:
    """Tell whether a date qualifies the noun itself: "Monday's vote", "the attack on Friday"."""
    offset = sent.start_char
    for d in dates:
        start, end = d.start + offset, d.end + offset
        gap_after = _text(doc)[token.idx + len(token) : start]
        gap_before = _text(doc)[end : token.idx]
        if re.fullmatch(r"[’']s\s+(?:[\w-]+\s+){0,2}", gap_before):
            return True
        if re.fullmatch(r"\s+(?:on|in|of)?\s*", gap_after) and start >= token.idx:
            return True
    return False


def _subject_verb_trigger(
    sent: Span, token: Token, lemmas: list[str], lex: Lexicon
) -> _Trigger | None:
    """Return an event named by its subject and verb: a market move ("Brent crude surged"), a
    rescue ("rescue workers searched the rubble"), an accident ("the bus plunged"); None if
    no type's subject word stands before the verb."""
    prev = _previous(sent, token)
    base = token.lower_ == lemmas[token.i]
    lo = max(sent.start, token.i - _SUBJECT_WINDOW)
    best: tuple[int, str] | None = None
    for name, (subjects, verbs) in lex.subject_verbs.items():
        # a bare verb form is a verb after a modal or right after its plural subject
        # ("firefighters battle the blaze"), else a noun ("a rise in prices")
        if lemmas[token.i] not in verbs or (
            base
            and (
                prev is None
                or (
                    prev.lower_ not in _MODALS
                    and lemmas[prev.i] not in subjects
                    and lemmas[prev.i].removesuffix("s") not in subjects
                )
            )
        ):
            continue
        # a plural the lookup table lacks ("dockworkers") is matched by its singular
        near = [
            k
            for k in range(lo, token.i)
            if (lemmas[k] in subjects or lemmas[k].removesuffix("s") in subjects)
            and (name not in lex.head_subjects or _heads_phrase(sent, k, token.i, lemmas))
        ]
        # of two types' subjects the one nearest the verb is its subject ("shares of the
        # bus maker plunged" is no accident when "share" also stands there)
        if near and (best is None or token.i - near[-1] < best[0]):
            best = (token.i - near[-1], name)
    if best is None:
        return None
    end = token.idx + len(token)
    return _Trigger(
        lex.types[best[1]], token.idx, end, token.text, True, token.i, source="subject verb"
    )


def _heads_phrase(sent: Span, k: int, verb: int, lemmas: list[str]) -> bool:
    """Tell whether the word at `k` heads its noun phrase: the verb, a participle, a
    punctuation mark or a word that is no noun follows it ("bus plunged", "bus carrying",
    "bus from"), not another noun ("bus fares", "car sales")."""
    following = sent.doc[k + 1]
    if k + 1 == verb or not following.is_alpha:
        return True
    low = following.lower_
    return low.endswith(("ing", "ed")) or not is_noun_lemma(lemmas[k + 1])


# --- actors ---------------------------------------------------------------------------------


def _entity_actor(ent: Span, doc: Doc) -> tuple[str, str]:
    """Return an entity's actor name and label: demonyms and capitals stand for their country.

    This is the one place event actors are read from the entity layer (its canonical names).
    """
    name = ent.kb_id_ or ent.text
    if ent.label_ == "NORP":
        country = _countries_of_demonyms().get(name)
        return (country, "GPE") if country else (name, "NORP")
    metonyms = lexicon().metonyms
    # a capital acts for its country; a named seat of power (the Kremlin) is an organisation
    if name in metonyms and ent.label_ in ("GPE", "LOC"):
        return metonyms[name], "GPE"
    return name, ent.label_


@cache
def _outlets() -> frozenset[str]:
    """Return the names and short forms of news outlets and agencies (data/outlets.jsonl)."""
    path = resources.files("newsgate.nlp").joinpath("data", "outlets.jsonl")
    if not path.is_file():
        return frozenset()
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip().startswith("{") else {}
        names.update(n for n in (row.get("name"), *row.get("aliases", [])) if n)
    return frozenset(names)


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


def _clock_digits(token: Token) -> bool:
    """Tell whether a token reads as an hour ("3", "10:30") before "am"/"pm"."""
    return bool(re.fullmatch(r"\d{1,2}(?:[:.]\d{2})?", token.text))


def _agents(
    doc: Doc,
    sent: Span,
    lemmas: list[str],
    masked: str,
    in_entity: list[str | None],
    lex: Lexicon,
) -> list[_Candidate]:
    """Return the unnamed actors of a sentence: agent nouns, with a demonym when one precedes."""
    found: list[_Candidate] = []
    k = sent.start
    while k < sent.end:
        if lemmas[k] not in lex.agents:
            k += 1
            continue
        token = doc[k]
        entries = lex.agents.get(lemmas[k]) if _noun_form(token, lemmas[k]) else None
        if (
            not entries
            or in_entity[k] is not None
            or masked[token.idx] == "_"
            or (k > sent.start and token.text[:1].isupper() and not _starts_text(doc, k))
            # "at 3 pm": a clock time, not the Phoenix agent PM (prime minister)
            or (token.lower_ in _CLOCK and k > sent.start and _clock_digits(doc[k - 1]))
        ):
            k += 1
            continue
        # the head noun must end its phrase: "police" in "police officers" and "official" in
        # "official results" are modifiers
        if k + 1 < sent.end and _modifies(doc[k + 1], lemmas[k + 1], lex, token):
            k += 1
            continue
        match = None
        for modifiers, code in entries:
            first = k - len(modifiers)
            if first >= sent.start and all(
                doc[first + j].lower_ == m for j, m in enumerate(modifiers)
            ):
                match = (first, code)
                break
        k += 1
        if match is None or match[1] in _PASSIVE_AGENTS:
            continue
        first = match[0]
        prev = doc[first - 1] if first > sent.start else None
        if prev is not None and in_entity[prev.i] in ("PERSON", "ORG"):
            continue  # "Taliban militants": the entity is the actor
        start = doc[first].idx
        words = _text(doc)[start : token.idx + len(token)].lower()
        country = None
        if prev is not None and prev.lower_ in ("'s", "’s"):
            # "Kenya's police" are Kenyan police; "the bank's officer" is no actor of its own
            owner = doc[prev.i - 1] if prev.i > sent.start else None
            country = _country_name(doc, owner) if owner is not None else None
            demonym = _demonyms().get(country) if country else None
            if demonym is None:
                continue
            start = doc[owner.i].idx if in_entity[owner.i] else start
            words = f"{demonym} {words}"
        elif prev is not None and in_entity[prev.i] == "NORP":
            start = prev.idx
            words = f"{prev.text} {words}"
            country = _countries_of_demonyms().get(_norp_name(doc, prev))
        found.append(
            _Candidate(
                start,
                token.idx + len(token),
                AGENT_LABEL,
                re.sub(r"\s+", " ", words),
                country=country,
            )
        )
    return found


def _starts_text(doc: Doc, k: int) -> bool:
    """Tell whether token k opens the running text after a dateline's dash or a line break
    ("NAIROBI, Kenya -- Police fired …"), where a capital letter marks no name."""
    prev = doc[k - 1]
    return prev.text in ("--", "—", "–", "-", ":") or "\n" in prev.text or "\n" in prev.whitespace_


@cache
def _demonyms() -> dict[str, str]:
    """Map each country to its demonym adjective ("Kenya" -> "Kenyan") from the gazetteer."""
    found: dict[str, str] = {}
    for entry in gazetteer_entries():
        country = getattr(entry, "country", None)
        if entry.label == "NORP" and country:
            found.setdefault(country, entry.name)
    return found


def _norp_name(doc: Doc, token: Token) -> str:
    """Return the canonical demonym of the NORP entity ending at `token`."""
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.kb_id_ or ent.text
    return token.text


def _country_name(doc: Doc, token: Token) -> str | None:
    """Return the country a GPE entity ending at `token` stands for, if any."""
    for ent in doc.ents:
        if ent.start <= token.i < ent.end and ent.label_ == "GPE":
            return _entity_actor(ent, doc)[0]
    return None


def _modifies(following: Token, lemma: str, lex: Lexicon, agent: Token | None = None) -> bool:
    """Tell whether the word after an agent noun makes the agent a modifier of a noun phrase."""
    low = following.lower_
    # "an official welcome ceremony": a singular agent word before a noun in its base form
    # is an adjective, even where the noun is also a verb ("welcome", "meeting")
    prev = agent.doc[agent.i - 1] if agent is not None and agent.i > 0 else None
    if (
        prev is not None
        and (prev.lower_ in _ADJECTIVE_CUES or prev.like_num)
        and agent.lower_ == token_lemma(agent)
        and following.is_alpha
        and following.is_lower
        and is_noun_lemma(low)
        and low not in FUNCTION_WORDS
        and low not in _VERB_CUES
        and low not in _PREPOSITIONS
        and low not in _FUNCTION_S
    ):
        return True
    if not following.is_alpha or not _noun_form(following, lemma) or low in _FUNCTION_S:
        return False
    plural = low != lemma and low.endswith("s") and len(lemma) > 2 and is_noun_lemma(lemma)
    # "official results", "police action": a noun after the agent word is the head
    return lemma in lex.agents or plural or _noun_modifier_of(following, lemma)


def _noun_form(token: Token, lemma: str) -> bool:
    """Tell whether a word can be a noun as written: not a participle ("convicted", "ruling")."""
    low = token.lower_
    return low == lemma or not low.endswith(("ed", "ing"))


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
                or _PLACE_OF.search(window)
                or (joined and flags[k - 1])
            )
        flags.append(flag)
    return flags


def _speaker(text: str, ents: list[Span], trigger: _Trigger, strict: bool) -> Span | None:
    """Return the named speaker next to a reporting verb: 'X said', 'X, ..., said', 'said X'."""
    before = [e for e in ents if e.end_char <= trigger.start and e.label_ in _SPEAKER_LABELS]
    if before:
        head = _apposition_head(text, before, trigger)
        if head is not None:
            return head
        ent = before[-1]
        # "X, who faces re-election this month, offered": a relative clause about the speaker
        # stands between subject and verb
        gap = _WHO_CLAUSE.sub(" ", _DATE_WORDS.sub("", text[ent.end_char : trigger.start]))
        # "X, the NATO chief, said" is fine; "X ambassador, the ministry said" is not X speaking
        same_clause = "," not in gap or not gap.rsplit(",", 1)[-1].strip()
        words = gap.split()
        if (
            len(words) <= 4
            and same_clause
            # a capitalised word in between is most likely a name the entity stage missed
            and not re.search(r"\b[A-Z][a-z]", gap)
            and not re.search(r"[“”\"‘’.;:]", gap)
            # "US officials said": a country or demonym before an unnamed speaker is not one
            and not (
                strict
                and ent.label_ in ("GPE", "NORP")
                and any(
                    w.isalpha() and w.islower() and w not in _VERB_CUES and w not in _BE
                    for w in words
                )
            )
            and not (
                ent.label_ in ("GPE", "LOC")
                and (
                    _PLACE_PREP.search(text[max(0, ent.start_char - 20) : ent.start_char])
                    or _IN_PLACE_PHRASE.search(text[max(0, ent.start_char - 60) : ent.start_char])
                )
            )
        ):
            return ent
    after = [e for e in ents if e.start_char >= trigger.end and e.label_ in _SPEAKER_LABELS]
    # "said X." names the speaker after the verb; after "told" it is who was told, and after
    # any other verbal act ("accused Baku") it is the target
    if (
        after
        and trigger.event_type.name == "statement"
        and not trigger.text.lower().startswith(("told", "tell"))
    ):
        gap = text[trigger.end : after[0].start_char]
        tail = text[after[0].end_char : after[0].end_char + 30]
        if (re.fullmatch(r"\s+(?:(?:a|an|the)\s+)?", gap) or _title_gap(gap)) and re.match(
            r"^(?:\s+[a-z]+){0,2}\s*(?:[.,;]|$)", tail
        ):
            return after[0]
    return None


def _title_gap(gap: str) -> bool:
    """Tell whether the words between "said" and a name are the name's title ("said Councillor
    X", "said Defence Minister X", "said Dr X"): the entity layer's title words, one of them a
    title head or an honorific."""
    words = gap.split()
    if not words or len(words) > 4 or gap[:1] not in (" ", "\n"):
        return False
    if words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    heads = [w for w in words if w.lower() in TITLE_HEADS or w in HONORIFICS]
    return bool(heads) and all(
        w.lower() in TITLE_HEADS or w.lower() in TITLE_MODIFIERS or w in HONORIFICS for w in words
    )


def _apposition_head(text: str, before: list[Span], trigger: _Trigger) -> Span | None:
    """Return X of "X, a politician of the Y party, said": the name an apposition describes.

    The names inside the apposition ("Y") are what it says about X, not who speaks; of several
    names an apposition could follow, the first is the subject.
    """
    for ent in before[:-1]:
        if ent.label_ not in ("PERSON", "ORG") or ent.end_char < trigger.start - 400:
            continue
        if _APPOSITION.fullmatch(text[ent.end_char : trigger.start]):
            return ent
    return None


def _pronoun_speaker(doc: Doc, sent: Span, trigger: _Trigger) -> Span | None:
    """Return the person a pronoun right before a reporting verb stands for ("he said")."""
    k = doc[trigger.token].i - 1
    while k >= sent.start and doc[k].lower_ in ("also", "later", "then", "further", "has", "had"):
        k -= 1
    if k < sent.start or doc[k].lower_ not in ("he", "she"):
        return None
    # the one name resolver of the entity layer reads the pronoun
    found = article_names(doc).refer(doc[k].idx, doc[k].idx + len(doc[k]))
    if found is None or found.label != "PERSON":
        return None
    return Span(doc, k, k + 1, label="PERSON", kb_id=found.name)


# what may stand between an unnamed speaker and its verb ("officials on Monday said")
_SPEAKER_GAP = re.compile(
    r"\s*(?:(?:also|later|then|further|earlier|recently|had|has|have|\w+ly)\s+)*$", re.I
)
# what may open the clause an unnamed speaker heads ("The court said", "..., prosecutors said")
_SUBJECT_START = re.compile(
    r"(?:^|[,;:—–(\"“”]|\bwhile|\band|\bbut)\s*(?:(?:the|a|an|one|two|three|several|some|many)\s+)?$",
    re.I,
)


def _agent_speaker(
    doc: Doc, text: str, sent: Span, agents: list[_Candidate], trigger: _Trigger
) -> Span | None:
    """Return the body a definite speaker word stands for ("the ministry said": its ministry).

    "The ministry", "the appeals court" before a reporting verb stand for the last organisation
    of the article with that head word. An agent word that names no one the article named
    ("officials said", "the company said" with no company named) is left out: such speakers
    are mostly sources of what the sentence reports, not statements of their own.
    """
    if trigger.event_type.name != "statement":
        return None
    agent = next(
        (
            a
            for a in reversed(agents)
            if a.end_char <= trigger.start
            and _SPEAKER_GAP.fullmatch(text[a.end_char : trigger.start])
        ),
        None,
    )
    if agent is None:
        agent = _definite_head(text, sent, trigger)
    if agent is None or not _SUBJECT_START.search(text[sent.start_char : agent.start_char]):
        return None
    head = agent.name.split()[-1]
    definite = re.search(
        r"(?i)\bthe\s+$", text[max(sent.start_char, agent.start_char - 5) : agent.start_char]
    )
    if not definite or head.capitalize() not in ORG_HEADS or agent.country is not None:
        return None
    span = doc.char_span(agent.start_char, agent.end_char, alignment_mode="expand")
    if span is None:
        return None
    named = _last_entity_before(
        doc,
        agent.start_char,
        lambda e: (
            e.label_ == "ORG"
            and head in (e.kb_id_ or e.text).lower().split()
            and (e.kb_id_ or e.text) not in _outlets()
        ),
    )
    if named is None:
        return None
    return Span(doc, span.start, span.end, label="ORG", kb_id=named.kb_id_ or named.text)


_DEFINITE_HEAD = re.compile(r"\b[Tt]he\s+(?P<head>[a-z]+)" + _SPEAKER_GAP.pattern[:-1] + "$", re.I)


def _named_agent(doc: Doc, text: str, agent: _Candidate) -> _Candidate:
    """Return the named body a definite agent word stands for, else the agent itself.

    "The central bank raised its rate", "the authority fined": after the article has named a body
    whose name has that head word ("Acme Bank", "the bank"), "the <word>" is that body,
    as a speaker is in `_agent_speaker`; an indefinite or plural word ("a court", "officials")
    names no one in particular and stays an unnamed actor.
    """
    head = agent.name.split()[-1]
    if (
        agent.label != AGENT_LABEL
        or agent.country is not None
        or head.capitalize() not in ORG_HEADS
        or not re.search(r"(?i)\bthe\s+$", text[max(0, agent.start_char - 5) : agent.start_char])
    ):
        return agent

    def wanted(e: Span) -> bool:
        name = e.kb_id_ or e.text
        return e.label_ == "ORG" and head in name.lower().split() and name not in _outlets()

    named = _last_entity_before(doc, agent.start_char, wanted)
    if named is None:
        # "The bank will act ... Acme Bank's chief said": a lead may
        # name the body after the word; then only a body the article alone names will do
        later = {e.kb_id_ or e.text: e for e in doc.ents if wanted(e)}
        named = next(iter(later.values())) if len(later) == 1 else None
    if named is None:
        return agent
    return _Candidate(agent.start_char, agent.end_char, "ORG", "", named)


def _definite_head(text: str, sent: Span, trigger: _Trigger) -> _Candidate | None:
    """Return "the <word>" right before a reporting verb when the word heads organisation
    names ("the bank said", "the agency said"), as an unnamed speaker to resolve."""
    found = _DEFINITE_HEAD.search(text, sent.start_char, trigger.start)
    if found is None or found.group("head").capitalize() not in ORG_HEADS:
        return None
    return _Candidate(
        found.start("head"), found.end("head"), AGENT_LABEL, found.group("head").lower()
    )


def _passive_agent(text: str, sent: Span, ents: list[Span], trigger: _Trigger) -> Span | None:
    """Return the named agent of a passive verb: "was accused by France" -> France."""
    for ent in ents:
        if ent.start_char >= trigger.end and ent.label_ in _SPEAKER_LABELS:
            gap = text[trigger.end : ent.start_char]
            if re.fullmatch(r"\s+by\s+(?:the\s+)?", gap):
                return ent
            return None
    return None


def _attribution(
    text: str, sent: Span, speaker: Span, trigger: _Trigger, triggers: list[_Trigger]
) -> bool:
    """Tell whether "..., X said." only names the source of an event the sentence reports.

    "19 people died in a landslide, Mayor X said" reports the landslide; X saying so is no
    event of its own. The reporting verb must close the sentence (no reported clause after it)
    and follow a trigger of another kind that is not in the future tense.
    """
    offset = sent.start_char
    s_text = text[offset : sent.end_char]
    # announcing what will happen ("X will meet Y on April 20, NATO said") is an act of its own
    if not any(
        t.start < trigger.start
        and not t.event_type.verbal
        and not _clause_future(s_text, t.end - offset, ahead=30)
        and not _clause_future(s_text, t.start - offset)
        for t in triggers
    ):
        return False
    end = max(trigger.end, speaker.end_char if speaker.start_char >= trigger.end else 0)
    tail = text[end : sent.end_char]
    return bool(_CLOSING.match(tail))


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """Tell whether a name stands in brackets: a credit '(Reuters)' or a repeated acronym."""
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"


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
        name, label = _entity_actor(possessor[-1], doc)
        return [(name, label, "other")]
    if not re.search(r"\b[Ii]ts\s+$", before):
        return []
    earlier = _last_entity_before(doc, speaker.start_char, lambda e: e.label_ == "GPE")
    if earlier is None:
        return []
    name, label = _entity_actor(earlier, doc)
    return [(name, label, "other")]


def _objects(
    doc: Doc,
    text: str,
    sent: Span,
    ents: list[Span],
    flags: list[bool],
    trigger: _Trigger,
    speaker: Span,
) -> list[tuple[str, str, str]]:
    """Return the target of a verbal act ("accused Baku of ..."): the first name in its clause."""
    stop = _CLAUSE_BREAK.search(text, trigger.end, sent.end_char)
    limit = stop.start() if stop else sent.end_char
    for ent, is_place in zip(ents, flags, strict=True):
        if (
            trigger.end <= ent.start_char < limit
            and ent is not speaker
            and not is_place
            and ent.label_ in _ACTOR_LABELS
            and (ent.kb_id_ or ent.text) not in _outlets()
        ):
            name, label = _entity_actor(ent, doc)
            if label != "NORP":
                return [(name, label, "actor2")]
    return []


def _actors(
    doc: Doc,
    text: str,
    sent: Span,
    ents: list[Span],
    flags: list[bool],
    agents: list[_Candidate],
    trigger: _Trigger,
    last_meeting_actors: list[tuple[str, str]],
    speech: int,
) -> list[tuple[str, str, str]]:
    """Return (name, label, role) of the event's actors: actor1 before the trigger, then actor2."""
    candidates = [
        _Candidate(e.start_char, e.end_char, e.label_, "", e)
        for e, is_place in zip(ents, flags, strict=True)
        if e.label_ in _ACTOR_LABELS
        and e.label_ != "LOC"
        and not is_place
        and not _in_parentheses(text, e.start_char, e.end_char)
        # a news outlet reports events (a credit, a source): it takes part in none
        and (e.kb_id_ or e.text) not in _outlets()
    ]
    # an agent phrase that takes in a demonym ("Somali security forces") replaces it
    candidates = [
        c for c in candidates if not any(a.start_char <= c.start_char < a.end_char for a in agents)
    ]
    candidates = sorted(
        [*candidates, *(_named_agent(doc, text, a) for a in agents)], key=lambda c: c.start_char
    )
    # the killed and wounded suffer the event: "civilians were killed", "killing five soldiers"
    candidates = [
        c
        for c in candidates
        if not _victim_after(text, c.end_char)
        and not _VICTIM_BEFORE.search(text[max(sent.start_char, c.start_char - 40) : c.start_char])
    ]
    if trigger.event_type.name == "annexation":
        # what is annexed is a place, not an actor; "annexed by Russia" names the actor
        candidates = [
            c
            for c in candidates
            if c.start_char < trigger.start
            or c.label != "GPE"
            or re.search(r"\bby\s+(?:the\s+)?$", text[trigger.end : c.start_char])
        ]
    before = [c for c in candidates if speech <= c.start_char and c.end_char <= trigger.start]
    # actor2 is the object in the trigger's own clause, not a name after the next comma
    stop = _CLAUSE_BREAK.search(text, trigger.end, sent.end_char)
    limit = stop.start() if stop else sent.end_char
    after = [c for c in candidates if trigger.end <= c.start_char < limit]
    roles: list[tuple[_Candidate, str]] = []
    if not trigger.is_verb:
        # "a summit was held by France": the noun's occurrence in the passive names its agent
        agent = [
            c
            for c in after
            if re.search(
                r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+\s+){1,2}by\s+(?:the\s+)?$",
                text[trigger.end : c.start_char],
            )
        ]
        if agent:
            roles.append((agent[0], "actor1"))
            after = [c for c in after if c is not agent[0]]
            before = [c for c in before if c.end_char <= trigger.start]
            if before:
                roles.append((before[-1], "actor2"))
            before = []
    if trigger.passive:
        agent = [
            c
            for c in after
            if re.search(r"\bby\s+(?:\w+\s+){0,2}$", text[trigger.end : c.start_char])
        ]
        implied = trigger.event_type.implied_actor
        if not agent and implied:
            # "he was arrested": an arrest is made by the authorities, who go unnamed
            agent = [_Candidate(trigger.start, trigger.start, AGENT_LABEL, implied)]
        roles += [(agent[0], "actor1")] if agent else []
        roles += [(before[-1], "actor2")] if before else []
    elif roles:
        pass
    elif before:
        first = before[-1]
        if len(before) > 1 and _ATTACHED_PP.fullmatch(text, before[-2].end_char, first.start_char):
            # "Rescuers in remote villages dug": a name inside a prepositional phrase modifies
            # the subject's head noun before it; the head acts
            roles.append((before[-2], "actor1"))
            if first.label != AGENT_LABEL:
                roles.append((first, "other"))
            if after:
                roles.append((after[0], "actor2"))
        elif len(before) > 1 and re.fullmatch(
            r"\s*(?:\([^()]{1,15}\))?\s*(?:and|&)\s*(?:the\s+)?",
            text[before[-2].end_char : first.start_char],
        ):
            roles += [(before[-2], "actor1"), (first, "actor2")]
        else:
            roles.append((first, "actor1"))
            if after:
                roles.append((after[0], "actor2"))
    elif after:
        roles.append((after[0], "actor2"))
    chosen = {id(c) for c, _ in roles}
    roles += [(c, "other") for c in candidates if id(c) not in chosen and c.label != AGENT_LABEL]
    actors: list[tuple[str, str, str]] = []
    names: set[str] = set()
    held = {r for _, r in roles if r != "other"}
    for cand, role in roles:
        members = _expand(cand.span, doc) if cand.span is not None else [(cand.name, cand.label)]
        if cand.country:
            # "Somali security forces" act for Somalia: the country is named with them
            members = [*members, (cand.country, "GPE")]
        member_roles = [role] * len(members)
        # a bilateral body's members meet as actor1 and actor2 when no one else holds them
        if len(members) == 2 and held <= {role} and role != "actor2":
            member_roles = ["actor1", "actor2"]
            held = {"actor1", "actor2"}
        if cand.country:
            member_roles = [*member_roles[:1], "other"]
        for (name, label), member_role in zip(members, member_roles, strict=True):
            # a demonym with no country ("Western", "European") names no one who can act
            if label != "NORP" and name not in names:
                names.add(name)
                actors.append((name, label, member_role))
    group = _counted_group(doc, text, sent, trigger, speech, last_meeting_actors)
    # "the two ministers agreed": the people named before act, not the bare noun; the group
    # must be the nearest subject ("the two sides fear … since Russia started a campaign")
    if group is not None and not any(group[1] <= c.start_char < trigger.start for c in candidates):
        g_start, g_end, members = group
        inside = {c.name for c in candidates if g_start <= c.start_char < g_end}
        known = {n for n, _ in members}
        roles_of = ["actor1", "actor2"] + ["other"] * len(members)
        actors = [(n, lab, role) for (n, lab), role in zip(members, roles_of, strict=False)] + [
            (n, lab, "other") for n, lab, _ in actors if n not in inside and n not in known
        ]
    if not actors:
        group_kind = trigger.event_type.name in ("meeting", "agreement")
        actors = _anaphoric_actors(doc, sent, last_meeting_actors if group_kind else [])
    return actors


def _counted_group(
    doc: Doc,
    text: str,
    sent: Span,
    trigger: _Trigger,
    speech: int,
    last_meeting_actors: list[tuple[str, str]],
) -> tuple[int, int, list[tuple[str, str]]] | None:
    """Return (start, end, members) of a counted group acting before the trigger, or None.

    "The two ministers agreed", "both countries signed": the group stands for as many people
    (or states) as it counts, the nearest ones the article named before it; "the two sides"
    are first the parties of the last meeting. Without enough such names it stands for no one.
    """
    found = None
    for m in _COUNTED_GROUP.finditer(text, max(speech, sent.start_char), trigger.start):
        found = m
    if found is None:
        # "The ministers signed an accord": a definite plural with no count stands for the
        # participants of the article's last meeting, when it had several
        for m in _DEFINITE_GROUP.finditer(text, max(speech, sent.start_char), trigger.start):
            found = m
        met = list(dict.fromkeys(last_meeting_actors))
        if found is None or len(met) < 2:
            return None
        return found.start(), found.end(), met
    count = _COUNTS.get(found.group("n") or found.group("m") or "two", 2)
    if found.group("person"):
        labels = {"PERSON"}
    elif found.group("state"):
        labels = {"GPE"}
    else:
        labels = {"PERSON", "GPE", "ORG"}
    met = [(n, lab) for n, lab in dict.fromkeys(last_meeting_actors) if lab in labels]
    if found.group("side") and len(met) >= count:
        return found.start(), found.end(), met[:count]
    if "newsgate_ents" not in doc.user_data:
        ents = list(doc.ents)
        doc.user_data["newsgate_ents"] = (ents, [e.end_char for e in ents])
    ents, ends = doc.user_data["newsgate_ents"]
    members: list[tuple[str, str]] = []
    k = bisect_right(ends, found.start()) - 1
    while k >= 0 and len(members) < count:
        ent = ents[k]
        k -= 1
        if ent.end_char < found.start() - _GROUP_REACH:
            break
        name, label = _entity_actor(ent, doc)
        if label in labels and name not in _outlets() and (name, label) not in members:
            members.append((name, label))
    if len(members) < count:
        return None
    return found.start(), found.end(), members[::-1]


# ", arresting": a present participle opening a clause after a comma, with no subject of its own
_PARTICIPLE_OPENING = re.compile(r",\s*(?:and\s+|then\s+|later\s+)?$")


def _participle_subject(
    masked: str, trigger: _Trigger, acts: list[tuple[_Trigger, list[tuple[str, str, str]]]]
) -> list[tuple[str, str, str]] | None:
    """Return the actor1 entries of the act whose participle clause the trigger opens, if any.

    A participle clause ("…, arresting a former minister") has no subject of its own: its
    subject is the main clause's (English grammar's subject-control rule for free adjuncts).
    """
    if not trigger.is_verb or not trigger.text.lower().endswith("ing") or not acts:
        return None
    if not _PARTICIPLE_OPENING.search(masked[max(0, trigger.start - 12) : trigger.start]):
        return None
    # the main clause's verb comes first ("police fired …, arresting …"); a participle of the
    # same kind continues its act ("convicted him, sentencing him to …") and is left alone
    first, actors = acts[0]
    if first.event_type.name == trigger.event_type.name:
        return None
    main = [a for a in actors if a[2] == "actor1"]
    return main or None


def _victim_after(text: str, end: int) -> bool:
    """Tell whether a casualty word after a candidate makes it a victim ("civilians were killed").

    A casualty verb in the active voice (no auxiliary, an object after it: "forces killed one
    person") makes the candidate its agent instead.
    """
    found = _VICTIM_AFTER.match(text, end)
    if found is None:
        return False
    return bool(found.group("aux")) or not _ACTIVE_OBJECT.match(text, found.end())


def _demonstrators(actors: list[tuple[str, str, str]]) -> list[tuple[str, str, str]] | None:
    """Return a protest's actors with places out of actor1, or None for a state's protest.

    People and groups demonstrate; a street or region before "marched" is where they went,
    and a country that "protests against" something lodges a diplomatic protest, which the
    article tells as a summons or a statement, not as a demonstration.
    """
    countries = _demonyms()
    first = [(n, lab) for n, lab, r in actors if r == "actor1"]
    if first and all(lab == "GPE" and n in countries for n, lab in first):
        return None
    return [
        (n, lab, "other" if r == "actor1" and lab in ("GPE", "LOC") else r) for n, lab, r in actors
    ]


def _expand(ent: Span, doc: Doc) -> list[tuple[str, str]]:
    """Split a bilateral body ('NATO-Russia Council') into its members when both are known."""
    name, label = _entity_actor(ent, doc)
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
                actor = _entity_actor(other, doc)
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


# --- dates and tense ------------------------------------------------------------------------


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


def _by_last_meeting(
    kind: str,
    actors: list[tuple[str, str, str]],
    last_meeting_actors: list[tuple[str, str]],
    s_text: str,
    position: int,
) -> bool:
    """Tell whether a past act's subject is a group word standing for exactly the participants
    of the article's last meeting ("the two sides signed", "the ministers agreed"): it took
    place at that meeting.
    """
    met = {n for n, _ in last_meeting_actors}
    # the act's subject must be the group word itself: parties that met also act together
    # elsewhere ("Russia and NATO agreed in 1997"), which the meeting does not date
    before = s_text[:position]
    return (
        kind != "meeting"
        and len(met) >= 2
        and {n for n, _, _ in actors} == met
        and bool(_DEFINITE_GROUP.search(before) or _COUNTED_GROUP.search(before))
        and not _clause_future(s_text, position)
    )


def _after_meeting(kind: str, trigger: _Trigger, masked: str) -> bool:
    """Tell whether a verbal act is said to follow 'the meeting' in its own clause."""
    if not trigger.event_type.verbal:
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
        if re.match(r"(?i)(?:since|until|by)\b", d.text) or re.search(
            r"(?i)\b(?:from|effect)\s+$", s_text[max(0, d.start - 12) : d.start]
        ):
            continue  # "since 2014", "takes effect from January 1": not when it happened
        k = bisect_right([t.end - offset for t in triggers], d.start) - 1
        owner = None
        if k >= 0 and (
            not _broken(triggers[k].end - offset, d.start)
            # "the quake, which struck on Tuesday": a relative clause dates its noun
            or (
                not triggers[k].is_verb
                and _RELATIVE_CLAUSE.fullmatch(s_text, triggers[k].end - offset, d.start)
            )
        ):
            owner = triggers[k]
        if owner is None:
            following = bisect_left(starts, d.end)
            if following < len(triggers):
                initial = re.fullmatch(r"\s*(?:\w{1,4}\s*)?", s_text[: d.start])
                if initial or not _broken(d.end, starts[following]):
                    owner = triggers[following]
        if owner is not None:
            bound.setdefault(owner.start, []).append(d)
            # "the quake, which struck on Tuesday": the relative clause's verb tells of its noun
            if (
                k >= 1
                and owner is triggers[k]
                and not triggers[k - 1].is_verb
                and _RELATIVE_CLAUSE.fullmatch(s_text, triggers[k - 1].end - offset, d.start)
                and _RELATIVE_VERB.fullmatch(
                    s_text, triggers[k - 1].end - offset, triggers[k].start - offset
                )
            ):
                bound.setdefault(triggers[k - 1].start, []).append(d)
    return bound


def _share_sentence_day(
    events: list[dict],
    index: int,
    dates: list[ResolvedDate],
    bound: dict[int, list[ResolvedDate]],
    triggers: list[_Trigger],
    base: date | None,
) -> None:
    """Date a sentence's undated acts by the one day the sentence gives to another act.

    "Police fired tear gas ... Sunday, arresting a former minister": a sentence that states a
    single day tells of one occasion, so the acts it links (a participle, a purpose clause) took
    place that day. Only a day bound to a non-verbal act is shared (a speaker's day dates the
    speaking), and only to past, non-verbal acts: a report's reported acts keep their own time.
    """
    days = [d for d in dates if d.value and d.precision == "day" and not _is_stamp(d, base)]
    if len(days) != 1:
        return
    owners = [t for t in triggers if any(d is days[0] for d in bound.get(t.start, []))]
    if not owners or any(t.event_type.verbal for t in owners):
        return
    day = days[0]
    mine = [e for e in events if e["sentence_index"] == index]
    if any(e["future"] and e["event_date"] is not None and not e["dropped"] for e in mine):
        return
    for event in mine:
        if event["event_date"] is None and not event["future"] and not _is_verbal(event):
            event["event_date"] = day.value
            event["date_precision"] = day.precision
            event["date_text"] = day.text
            event["date_parts"] = _parts(day)


def _is_verbal(event: dict) -> bool:
    return lexicon().types[event["event_type"]].verbal


def _is_stamp(found: ResolvedDate, base: date | None) -> bool:
    """Tell whether a date expression is the article's own stamp (an ISO date equal to it)."""
    return found.kind == "iso" and base is not None and found.value == base


def _distance(found: ResolvedDate, trigger: _Trigger, offset: int) -> int:
    start, end = trigger.start - offset, trigger.end - offset
    return max(found.start - end, start - found.end, 0)


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
    return {
        w.lower() for w in _WORD.findall(text) if w.lower() not in FUNCTION_WORDS and len(w) > 2
    }


def _attach_references(events: list[dict]) -> list[dict]:
    """Give references their event's actors ("Monday's vote" is the election named earlier).

    A reference is an event noun that only a date makes an event ("Friday's deal") or an event
    whose actors the sentence does not name ("the vote aimed to end military rule"). It takes
    the actors of the article's nearest event of its type, earlier first, so the merge joins
    them; with no such event an actorless one is dropped and a dated noun stands on its own.
    """
    main = [e for e in events if not e["reference"]]
    kept = []
    for event in events:
        if not event["reference"]:
            kept.append(event)
            continue
        same = [
            e
            for e in main
            if e["event_type"] == event["event_type"] and e["future"] == event["future"]
        ]
        earlier = [e for e in same if e["sentence_index"] <= event["sentence_index"]]
        target = (earlier or same or [None])[-1 if earlier else 0]
        if target is None:
            if any(role in ("actor1", "actor2") for role in event["actor_roles"]):
                kept.append(event)
            continue
        for key in ("actor_names", "actor_labels", "actor_roles"):
            event[key] = list(target[key])
        kept.append(event)
    return kept


def _one_per_article(events: list[dict]) -> list[dict]:
    """Keep one mention of an actorless kind told once per article (an accident), dated if any,
    and one per year of a phenomenon the article tells as one story (its earthquake)."""
    types = lexicon().types
    first: dict[tuple, dict] = {}
    kept = []
    for event in events:
        kind = event["event_type"]
        story = types[kind].one_story
        if types[kind].one_per_article:
            key: tuple = (kind,)
        elif story and word_lemma(event["trigger"].split()[-1].lower()) in story:
            # "the quake ... the 1985 quake": a mention of another year is another story
            year = (event.get("date_parts") or {}).get("year")
            stories = [k for k in first if k[0] == kind and len(k) == 2]
            key = next((k for k in stories if year is None or k[1] == year), (kind, year))
        else:
            kept.append(event)
            continue
        earlier = first.get(key)
        if earlier is None:
            first[key] = event
            kept.append(event)
        elif earlier["event_date"] is None and event["event_date"] is not None:
            for key in ("event_date", "date_precision", "date_text", "date_parts"):
                earlier[key] = event[key]
    return kept


def _date_speech_by_its_event(events: list[dict]) -> list[dict]:
    """Date an undated statement by the dated event its speaker took part in, told before it.

    "Xi met Tillerson on Saturday ... Xi said ..." dates what Xi said to Saturday: an article
    quoting a participant of the event it reports quotes them on that occasion. Only a day
    the article itself gives (not a future event) is used, and the words are kept.
    """
    types = lexicon().types
    for event in events:
        if (
            not types[event["event_type"]].verbal
            or event["event_date"] is not None
            or event["future"]
            or not event["actor_names"]
        ):
            continue
        speaker = event["actor_names"][0]
        dated = False
        for other in events:
            if other["sentence_index"] > event["sentence_index"]:
                break
            if other["dropped"]:
                continue
            core = {
                n
                for n, r in zip(other["actor_names"], other["actor_roles"], strict=True)
                if r in ("actor1", "actor2")
            }
            if (
                not types[other["event_type"]].verbal
                and other["date_precision"] == "day"
                and not other["future"]
                and speaker in core
            ):
                for key in ("event_date", "date_precision", "date_parts"):
                    event[key] = other[key]
                event["date_text"] = f"{other['date_text']} ({other['trigger']})"
                dated = True
                break
        # "told reporters after the meeting": the merge dates it by its article's meeting when
        # that has a day; with no dated meeting before it the lead's day is the occasion
        if not dated and not event["dropped"] and not _dated_meeting_before(events, event):
            lead = _lead_event(events, event)
            if lead is not None:
                for key in ("event_date", "date_precision", "date_parts"):
                    event[key] = lead[key]
                event["date_text"] = f"{lead['date_text']} (lead: {lead['trigger']})"
    return events


def _dated_meeting_before(events: list[dict], event: dict) -> bool:
    """Tell whether an "after the meeting" act follows a meeting its article gives a day."""
    return event["date_ref"] and any(
        other["event_type"] == "meeting"
        and not other["dropped"]
        and other["sentence_index"] <= event["sentence_index"]
        and other["date_precision"] == "day"
        for other in events
    )


def _lead_event(events: list[dict], event: dict) -> dict | None:
    """Return the article's lead event when it dates a later undated statement, else None.

    A news report opens with the occasion it reports (the inverted pyramid: its lead tells
    what happened and when); the reactions it quotes after the lead without a day of their own
    are given on that occasion ("Police raided the camp on Monday ... 'We had no choice,' the
    governor said"). The lead event is the first past act of the article with a stated day,
    told in its first LEAD_SENTENCES sentences and before the statement.
    """
    for other in events:
        if other["sentence_index"] >= min(event["sentence_index"], LEAD_SENTENCES):
            return None
        if (
            not other["dropped"]
            and not _is_verbal(other)
            and other["date_precision"] == "day"
            and other["event_date"] is not None
            and not other["future"]
        ):
            return other
    return None


def _one_statement_per_speaker(events: list[dict]) -> list[dict]:
    """Keep one speech act per speaker and article: later quotes continue the same one.

    Statements, appeals, demands, pledges, praise, rejections and threats of one speaker are
    one event (the first); accusations stay apart, as the gold conventions list them apart.
    """
    kept: list[dict] = []
    first: dict[str, dict] = {}
    types = lexicon().types
    for event in events:
        kind = types[event["event_type"]]
        if not kind.verbal or kind.conventions_type != "statement" or not event["actor_names"]:
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
