"""The event vocabulary: taxonomy, trigger lexicons by lemma, agent nouns, and word lemmas.

Data files (see their "about" and "source" keys): `data/event_types.json` (the taxonomy and
newsgate's own trigger words), `data/cameo_verbs.json` and `data/event_agents.json` (derived
from the PETRARCH2/Phoenix dictionaries by `scripts/build_event_data.py`, MIT licence in
`data/LICENSE.petrarch2.txt`). Words are matched by lemma: spaCy's English lookup table
(`spacy-lookups-data`), the same table the pipeline's lookup lemmatizer uses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from spacy.lookups import load_lookups
from spacy.tokens import Token

from newsgate.nlp.lexicon import reporting_verb_lemmas

_FUNCTION_WORDS = frozenset(
    [
        "to",
        "for",
        "with",
        "from",
        "in",
        "on",
        "at",
        "by",
        "of",
        "back",
        "up",
        "down",
        "out",
        "off",
        "away",
        "into",
        "against",
        "between",
        "over",
        "about",
        "a",
        "an",
        "the",
        "as",
    ]
)


@dataclass(frozen=True)
class EventType:
    """One type of the taxonomy: its CAMEO root and QuadClass (None outside CAMEO)."""

    name: str
    cameo_root: str | None
    quad_class: int | None
    label: str
    conventions_type: str
    verbal: bool = False
    needs_actor: bool = True
    one_per_article: bool = False
    nouns_alone: bool = False
    # who acts when a passive verb names no agent ("he was arrested": the authorities)
    implied_actor: str | None = None
    # an article's mentions of the type are one event unless they name different agents
    told_once: bool = False
    # noun lemmas of one phenomenon an article tells as one story (its earthquake)
    one_story: frozenset[str] = frozenset()
    # words of the outcome that say an election took place ("conceded defeat", "won")
    outcomes: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class VerbRule:
    """A verb (its words after the first, which is a lemma) and what it names."""

    rest: tuple[str, ...]
    event_type: str | None
    standalone: bool
    # (words before, words after, event type, source) that give the verb its meaning
    patterns: tuple[tuple[tuple[str, ...], tuple[str, ...], str, str], ...] = ()
    source: str = "cameo verb"

    @cached_property
    def keyed(self) -> dict[str, tuple]:
        """Return (position, pattern) by the pattern's last word: only patterns whose word is
        near the verb are tried, in the dictionary's order."""
        index: dict[str, list] = {}
        for position, pattern in enumerate(self.patterns):
            words = pattern[1] or pattern[0]
            index.setdefault(words[-1], []).append((position, pattern))
        return {word: tuple(found) for word, found in index.items()}


@dataclass(frozen=True)
class Lexicon:
    """Everything the event finder looks words up in, built once from the data files."""

    types: dict[str, EventType]
    verbs: dict[str, tuple[VerbRule, ...]]
    nouns: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    occurrence: dict[str, tuple[tuple[str, ...], ...]]
    impact: frozenset[str]
    casualty: frozenset[str]
    not_events: frozenset[str]
    reporting: frozenset[str]
    agents: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    subject_verbs: dict[str, tuple[frozenset[str], frozenset[str]]]
    metonyms: dict[str, str]
    # the subject_verbs types whose subject word must head its noun phrase ("the bus plunged")
    head_subjects: frozenset[str] = field(default=frozenset())
    # every lemma that may start a trigger (verb, noun head, reporting verb, market verb)
    trigger_lemmas: frozenset[str] = field(default=frozenset())


def _read(name: str) -> dict:
    return json.loads(
        resources.files("newsgate.nlp").joinpath("data", name).read_text(encoding="utf-8")
    )


@cache
def _lemma_table():
    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


@cache
def _noun_index() -> frozenset[str]:
    """Return every English noun lemma (WordNet's, as shipped in spaCy's lookups data)."""
    table = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
    return frozenset(table["noun"])


def lemma(word: str) -> str:
    """Return the lower-case lemma of a word from spaCy's English lookup table."""
    low = word.lower()
    found = _lemma_table().get(low)
    if found is not None:
        return found
    # a plural the table lacks ("dockworkers"): its singular when WordNet knows that noun
    if len(low) > 4 and low.endswith("s") and not low.endswith("ss") and low[:-1] in _noun_index():
        return low[:-1]
    return low


def token_lemma(token: Token) -> str:
    """Return a token's lower-case lemma: the pipeline's lemmatizer, else the lookup table."""
    own = token.lemma_
    found = own.lower() if own and own != token.text else lemma(token.text)
    # the lookup table takes a plural -ing noun to its singular ("bombings": "bombing") and
    # that singular to its verb ("bombing": "bomb"), which is how the lexicon's own words are
    # keyed: the plural takes the singular's lemma, so "meetings" is read as "meeting" is
    if found.endswith("ing") and token.lower_.endswith("ings"):
        return lemma(found)
    return found


def is_noun_lemma(word: str) -> bool:
    """Tell whether a lemma can be an English noun."""
    return word in _noun_index()


def _reporting_lemmas() -> frozenset[str]:
    """Return the lemmas of the entity layer's one list of reporting verbs."""
    return frozenset(lemma(w) for w in reporting_verb_lemmas())


def _phrase(words: str) -> tuple[str, ...]:
    parts = words.lower().split()
    return (lemma(parts[0]), *parts[1:]) if parts else ()


def _verb_phrase(words: str) -> tuple[str, ...]:
    """Return a verb phrase written in base form, keyed by the lemma its inflections take.

    The lookup table reads a base form that is also another word's comparative as that word
    ("lower": "low") while its verb forms keep it ("lowered", "lowers": "lower"); a verb the data
    writes is a verb, so it is keyed as its inflected forms are read.
    """
    parts = words.lower().split()
    if not parts:
        return ()
    head = parts[0]
    if lemma(head) != head and head in (lemma(head + "s"), lemma(head + "ed")):
        return (head, *parts[1:])
    return _phrase(words)


def _phrases(words) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Index phrases by their first lemma: {"take": (("take", "place"),), ...}."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for item in words:
        phrase = _phrase(item)
        if phrase:
            index.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


@cache
def lexicon() -> Lexicon:
    """Return the event lexicon built from the data files."""
    data = _read("event_types.json")
    types = {
        name: EventType(
            name=name,
            cameo_root=spec["cameo_root"],
            quad_class=spec["quad_class"],
            label=spec["label"],
            conventions_type=spec["conventions_type"],
            verbal=bool(spec.get("verbal")),
            needs_actor=spec.get("needs_actor", True),
            one_per_article=spec.get("one_per_article", False),
            nouns_alone=spec.get("nouns_alone", False),
            implied_actor=spec.get("implied_actor"),
            told_once=spec.get("told_once", False),
            one_story=frozenset(lemma(w) for w in spec.get("one_story", [])),
            outcomes=frozenset(lemma(w) for w in spec.get("outcomes", [])),
        )
        for name, spec in data["types"].items()
    }
    prefixes = {
        code: name for name, spec in data["types"].items() for code in spec.get("cameo_codes", [])
    }

    def type_of_code(code: str | None) -> str | None:
        if not code:
            return None
        for size in range(len(code), 0, -1):
            if code[:size] in prefixes:
                return prefixes[code[:size]]
        return None

    # CAMEO verbs fire without an object pattern only in the types that opt in (see the data)
    alone = {name for name, spec in data["types"].items() if spec.get("cameo_verbs_alone")}
    occurrence = _phrases(data["occurrence"])
    verbs: dict[tuple[str, ...], VerbRule] = {}
    for words, entry in _read("cameo_verbs.json")["verbs"].items():
        phrase = _phrase(words)
        # a light verb ("hold", "resume", "end") names nothing itself: its object does, and the
        # event nouns are found with their occurrence words (CAMEO also codes "hold elections"
        # as an intent to reform and "end a war" as a concession)
        light = phrase in occurrence.get(phrase[0], ())
        speech = (entry["code"] or "").startswith("01")
        patterns = tuple(
            (tuple(p["before"]), tuple(p["after"]), kind, "cameo pattern")
            for p in entry["patterns"]
            if (kind := type_of_code(p["code"])) is not None
            and not light
            # a statement is made with a speech verb; CAMEO's 01 codes for other verbs'
            # patterns ("decide * motion": consider a policy option) name no speech act
            and (kind != "statement" or speech)
            # a pattern of particles alone ("head for") says nothing about the event
            and set(p["before"] + p["after"]) - _FUNCTION_WORDS
        )
        verbs[phrase] = VerbRule(
            rest=phrase[1:],
            event_type=type_of_code(entry["code"]),
            standalone=entry["standalone"] and type_of_code(entry["code"]) in alone,
            patterns=patterns,
        )
    nouns: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, spec in data["types"].items():
        # newsgate's own words override the CAMEO dictionary's reading of the same verb
        for words in spec.get("verbs", []):
            phrase = _verb_phrase(words)
            # an earlier type's object patterns for the same verb stay ("overturn a verdict"
            # is a ruling, "the bus overturned" an accident)
            kept = tuple(
                p
                for p in (verbs[phrase].patterns if phrase in verbs else ())
                if p[3] == "newsgate object"
            )
            verbs[phrase] = VerbRule(
                rest=phrase[1:],
                event_type=name,
                standalone=True,
                patterns=kept,
                source="newsgate verb",
            )
        for verb, objects in spec.get("objects", {}).items():
            phrase = _verb_phrase(verb)
            old = verbs.get(phrase) or VerbRule(phrase[1:], None, False)
            extra = tuple(
                ((), tuple(lemma(w) for w in obj.split()), name, "newsgate object")
                for obj in objects
            )
            verbs[phrase] = VerbRule(old.rest, old.event_type, old.standalone, extra + old.patterns)
        for words in spec.get("nouns", []):
            parts = [w.lower() for w in words.split()]
            parts[-1] = lemma(parts[-1])
            # indexed by the head (last word); the words before it must precede it
            nouns.setdefault(parts[-1], []).append((tuple(parts[:-1]), name))
    by_first: dict[str, list[VerbRule]] = {}
    for phrase, rule in verbs.items():
        by_first.setdefault(phrase[0], []).append(rule)
    subject_verbs = {
        name: (
            frozenset(lemma(w) for w in spec["subject_verbs"]["subjects"]),
            frozenset(lemma(w) for w in spec["subject_verbs"]["verbs"]),
        )
        for name, spec in data["types"].items()
        if "subject_verbs" in spec
    }
    agents: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    extra = {words: code for words, code in data["agents"].items() if words != "about"}
    for words, code in {**_read("event_agents.json")["agents"], **extra}.items():
        parts = tuple(words.split())
        agents.setdefault(parts[-1], []).append((parts[:-1], code))
    reporting = _reporting_lemmas() - {
        phrase[0]
        for phrase, rule in verbs.items()
        if len(phrase) == 1 and rule.standalone and rule.event_type != "statement"
    }
    # a reporting verb that names another kind of event, or an occurrence word ("continued",
    # "called") that CAMEO does not code as a statement, is not a statement of its own
    reporting -= {
        word
        for word in occurrence
        if not (verbs.get((word,)) and verbs[(word,)].event_type == "statement")
    }
    market = {verb for _, verb_set in subject_verbs.values() for verb in verb_set}
    return Lexicon(
        trigger_lemmas=frozenset(by_first) | frozenset(nouns) | reporting | market,
        types=types,
        verbs={
            k: tuple(sorted(v, key=lambda r: len(r.rest), reverse=True))
            for k, v in by_first.items()
        },
        nouns={
            k: tuple(sorted(v, key=lambda x: len(x[0]), reverse=True)) for k, v in nouns.items()
        },
        occurrence=occurrence,
        impact=frozenset(lemma(w) for w in data["impact"]),
        casualty=frozenset(lemma(w) for w in data["casualty"]),
        not_events=frozenset(lemma(w) for w in data["not_events"]),
        reporting=frozenset(reporting),
        agents={
            k: tuple(sorted(v, key=lambda x: len(x[0]), reverse=True)) for k, v in agents.items()
        },
        subject_verbs=subject_verbs,
        head_subjects=frozenset(
            name
            for name, spec in data["types"].items()
            if spec.get("subject_verbs", {}).get("head")
        ),
        metonyms=dict(data["metonyms"]),
    )


def event_types() -> dict[str, tuple[str | None, int | None]]:
    """Return each event type's CAMEO root code and QuadClass (None for types outside CAMEO)."""
    return {t.name: (t.cameo_root, t.quad_class) for t in lexicon().types.values()}


def conventions_types() -> dict[str, str]:
    """Return the gold annotation type (CONVENTIONS §6.2) each event type falls under."""
    return {t.name: t.conventions_type for t in lexicon().types.values()}
