"""Event selection model: which candidate events an article reports, from features any site shares.

The trigger rules (`newsgate.nlp.events`) find candidate events and several rules drop some of
them (a negated or hypothetical act, a second act of a type in one clause, an act inside a
statement's reported clause …). Whether a candidate is one of the events an annotator lists
depends on things no single rule sees together: the kind of event, where in the article it is
told (lead sentences hold most events), whether it has a named actor and a date, whether it is
future, negated or a reference, and how many candidates of its kind the article already has.
This module turns each candidate into such features — its type *family*, its shape and position,
never a word or name from a page — and scores them with a logistic regression whose weights are
data (`data/event_model.json`, fitted by `scripts/build_event_model.py` on the gold of the read
sets, with the figures of its leave-one-set-out test). A candidate is kept when its score reaches
the model's threshold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from newsgate.errors import EventModelError
from newsgate.logistic import probability, read_model_file
from newsgate.nlp.event_lexicon import lemma, lexicon

MODEL_FILE = "event_model.json"

# the gold annotation type families a candidate's type falls under (CONVENTIONS 6.2)
FAMILIES = (
    "meeting",
    "statement",
    "military_action",
    "agreement",
    "accusation",
    "sanction",
    "election",
    "protest",
    "other",
)
# why a rule would drop a candidate (`dropped` of newsgate.nlp.events.find_candidates)
DROP_REASONS = (
    "cameo_alone",
    "same_clause",
    "negated",
    "purpose",
    "in_sentence",
    "in_statement",
    "charge",
    "attribution",
    "no_demonstrators",
    "anaphoric",
)
# the keys a candidate carries for this model only; they are removed from selected events
CANDIDATE_KEYS = ("dropped", "negated", "hypothetical", "passive", "is_verb", "sentences")

FEATURES = (
    "bias",
    *(f"family_{f}" for f in FAMILIES),
    "verbal",
    *(f"dropped_{r}" for r in DROP_REASONS),
    "is_verb",
    "passive",
    "future",
    "negated",
    "hypothetical",
    "reference",
    "date_day",
    "date_partial",
    "date_text_only",
    "no_actor",
    "actor_person",
    "actor_org",
    "actor_country",
    "actor_agent",
    "two_parties",
    "place",
    "headline",
    "lead",
    "late",
    "first_of_type",
    "type_count",
    "candidate_count",
    "actor_repeated",
    "article_dated",
    "quad_1",
    "quad_2",
    "quad_3",
    "quad_4",
    "past_form",
    "actor_in_headline",
    "family_in_headline",
    "lead_family",
)


@dataclass(frozen=True)
class EventModel:
    """Weights of the event selection model and the score at or above which a candidate is kept."""

    weights: dict[str, float]
    threshold: float


def _model_path() -> Path:
    return Path(str(resources.files("newsgate.nlp") / "data" / MODEL_FILE))


@cache
def load_model(path: Path | None = None) -> EventModel:
    """Return the event selection model stored at `path` (the package's data file by default)."""
    path = path or _model_path()
    (weights,), threshold = read_model_file(
        path, ("weights",), FEATURES, EventModelError, "scripts/build_event_model.py", "event model"
    )
    return EventModel(weights=weights, threshold=threshold)


def candidate_features(candidates: list[dict]) -> list[dict[str, float]]:
    """Return the features of each candidate event of one article, in order."""
    types = lexicon().types
    per_type: dict[str, int] = {}
    for event in candidates:
        family = _family(types[event["event_type"]].conventions_type)
        per_type[family] = per_type.get(family, 0) + 1
    actor_counts: dict[str, int] = {}
    for event in candidates:
        for name in set(_core(event)):
            actor_counts[name] = actor_counts.get(name, 0) + 1
    seen: set[str] = set()
    top = [e for e in candidates if e["sentence_index"] == 0]
    top_actors = {n for e in top for n in _core(e)}
    top_families = {_family(types[e["event_type"]].conventions_type) for e in top}
    lead_families = {
        _family(types[e["event_type"]].conventions_type)
        for e in candidates
        if e["sentence_index"] <= 2 and not e.get("dropped")
    }
    rows = []
    for event in candidates:
        kind = types[event["event_type"]]
        family = _family(kind.conventions_type)
        labels = set(event["actor_labels"])
        core = _core(event)
        sentences = max(1, int(event.get("sentences") or 1))
        index = event["sentence_index"]
        precision = event.get("date_precision")
        row = {name: 0.0 for name in FEATURES}
        row["bias"] = 1.0
        row[f"family_{family}"] = 1.0
        row["verbal"] = float(kind.verbal)
        if event.get("dropped"):
            row[f"dropped_{event['dropped']}"] = 1.0
        for key in ("is_verb", "passive", "future", "negated", "hypothetical", "reference"):
            row[key] = float(bool(event.get(key)))
        row["date_day"] = float(event.get("event_date") is not None and precision == "day")
        row["date_partial"] = float(event.get("event_date") is not None and precision != "day")
        row["date_text_only"] = float(
            event.get("event_date") is None and bool(event.get("date_text"))
        )
        row["no_actor"] = float(not core)
        row["actor_person"] = float("PERSON" in labels)
        row["actor_org"] = float("ORG" in labels)
        row["actor_country"] = float(bool(labels & {"GPE", "NORP"}))
        row["actor_agent"] = float("AGENT" in labels)
        row["two_parties"] = float(len(set(core)) >= 2)
        row["place"] = float(bool(event.get("place")))
        row["headline"] = float(index == 0)
        row["lead"] = float(1 <= index <= 3)
        row["late"] = float(index / sentences > 0.6)
        row["first_of_type"] = float(family not in seen)
        seen.add(family)
        row["type_count"] = math.log1p(per_type[family] - 1)
        row["candidate_count"] = math.log1p(len(candidates))
        row["actor_repeated"] = float(any(actor_counts.get(n, 0) > 1 for n in core))
        row["article_dated"] = float(event.get("published") is not None)
        if event.get("quad_class") in (1, 2, 3, 4):
            row[f"quad_{event['quad_class']}"] = 1.0
        row["past_form"] = float(_past_form(event["trigger"]))
        # the article's main story: its headline's parties and kinds, its lead's kinds
        row["actor_in_headline"] = float(index > 0 and any(n in top_actors for n in core))
        row["family_in_headline"] = float(index > 0 and family in top_families)
        row["lead_family"] = float(index > 2 and family in lead_families)
        rows.append(row)
    return rows


def _past_form(trigger: str) -> bool:
    """Tell whether a trigger's first word is a verb's past form ("expelled", "met")."""
    word = trigger.split()[0].lower() if trigger.split() else ""
    return word != lemma(word) and not word.endswith(("s", "ing"))


def _family(conventions_type: str) -> str:
    """Return the family feature of a gold annotation type (the seed-only types are military)."""
    if conventions_type in FAMILIES:
        return conventions_type
    return (
        "military_action"
        if conventions_type in ("exercise", "deployment", "annexation", "incident")
        else "other"
    )


def _core(event: dict) -> list[str]:
    """Return the names of a candidate's parties (actor1, actor2)."""
    return [
        name
        for name, role in zip(event["actor_names"], event["actor_roles"], strict=True)
        if role in ("actor1", "actor2")
    ]


def score(features: dict[str, float], model: EventModel) -> float:
    """Return the model's probability that a candidate with `features` is a reported event."""
    return probability(model.weights, features)


def without_candidate_keys(event: dict) -> dict:
    """Return a candidate event without the keys only this model reads."""
    return {k: v for k, v in event.items() if k not in CANDIDATE_KEYS}


def select_events(candidates: list[dict], model: EventModel | None = None) -> list[dict]:
    """Return the candidates the model keeps, without their candidate-only keys."""
    model = model or load_model()
    rows = candidate_features(candidates)
    return [
        without_candidate_keys(event)
        for event, features in zip(candidates, rows, strict=True)
        if score(features, model) >= model.threshold
    ]
