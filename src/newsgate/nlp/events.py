"""Events in sentences: typed triggers mapped to CAMEO roots, with actors, date and place."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from spacy.tokens import Doc

from newsgate.nlp.dates import resolve_dates
from newsgate.nlp.quotes import find_quote_spans

# event_type -> (CAMEO root code, QuadClass, trigger pattern)
EVENT_TYPES: dict[str, tuple[str, int, re.Pattern]] = {
    "meeting": (
        "04",
        1,
        re.compile(
            r"\b(?:met|meet|meets|meeting|meetings|talks|summit|convened|held talks|consultations)\b",
            re.I,
        ),
    ),
    "statement": (
        "01",
        1,
        re.compile(
            r"\b(?:said|says|stated|announced|told|declared|noted|stressed|insisted|explained)\b"
        ),
    ),
    "accusation": (
        "11",
        3,
        re.compile(
            r"\b(?:accused|accuses|blamed|blames|criticized|"
            r"criticised|condemned)\b",
            re.I,
        ),
    ),
    "demand": ("10", 3, re.compile(r"\b(?:demanded|demands|asked|urged|called on)\b", re.I)),
    "threat": ("13", 3, re.compile(r"\b(?:threatened|threatens|warned of|retaliat\w*)\b", re.I)),
    "exercise": ("15", 4, re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers)\b", re.I)),
    "deployment": (
        "15",
        4,
        re.compile(
            r"\b(?:deployed|deploy|deployment|buildup|build-up|"
            r"concentrated|troops)\b",
            re.I,
        ),
    ),
    "attack": (
        "19",
        4,
        re.compile(
            r"\b(?:shot down|shoots down|bombed|bombing|attacked|"
            r"air strikes?|airstrikes?|killed)\b",
            re.I,
        ),
    ),
    "annexation": (
        "19",
        4,
        re.compile(r"\b(?:annexed|annexation|annex|occupied|occupation)\b", re.I),
    ),
    "agreement": ("05", 1, re.compile(r"\b(?:agreed|agreement|signed|cooperat\w+)\b", re.I)),
    "sanction": (
        "16",
        3,
        re.compile(
            r"\b(?:sanctions?|suspended|cut (?:practical )?ties|"
            r"expelled|froze|frozen)\b",
            re.I,
        ),
    ),
}
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


@dataclass
class Event:
    """One event mention: type, CAMEO root, actors, date and place, with evidence offsets."""

    event_type: str
    cameo_root: str
    quad_class: int
    trigger: str
    sentence_index: int
    start_char: int
    end_char: int
    actor_names: list[str] = field(default_factory=list)
    actor_labels: list[str] = field(default_factory=list)
    place: str | None = None
    event_date: date | None = None
    date_precision: str | None = None
    date_text: str | None = None


def find_events(doc: Doc) -> list[dict]:
    """Return the events of `doc`, one per sentence and type, as dicts."""
    base = doc._.published_date
    quotes = find_quote_spans(doc.text)
    events = []
    for index, sent in enumerate(doc.sents):
        outside = _mask(sent.text, sent.start_char, quotes)
        ents = [e for e in sent.ents if not any(qs <= e.start_char < qe for qs, qe in quotes)]
        actors = [e for e in ents if e.label_ in _ACTOR_LABELS]
        for event_type, (cameo, quad, pattern) in EVENT_TYPES.items():
            trigger = pattern.search(outside)
            if not trigger or not actors:
                continue
            if event_type == "statement" and not any(a.label_ == "PERSON" for a in actors):
                continue
            names, labels = [], []
            for ent in actors:
                name = ent.kb_id_ or ent.text
                if name not in names:
                    names.append(name)
                    labels.append(ent.label_)
            place = next(
                (
                    e.kb_id_ or e.text
                    for e in ents
                    if e.label_ in ("GPE", "LOC")
                    and re.search(
                        r"\b(?:in|at|near|over)\s+(?:the\s+)?$",
                        doc.text[max(sent.start_char, e.start_char - 12) : e.start_char],
                    )
                ),
                None,
            )
            dates = resolve_dates(outside, base)
            dated = next((d for d in dates if d.value), dates[0] if dates else None)
            events.append(
                Event(
                    event_type=event_type,
                    cameo_root=cameo,
                    quad_class=quad,
                    trigger=trigger.group(0),
                    sentence_index=index,
                    start_char=sent.start_char,
                    end_char=sent.end_char,
                    actor_names=names,
                    actor_labels=labels,
                    place=place,
                    event_date=dated.value if dated and dated.value else None,
                    date_precision=dated.precision if dated and dated.value else None,
                    date_text=dated.text if dated else None,
                )
            )
            break
    return [asdict(e) for e in events]


def _mask(text: str, offset: int, quotes: list[tuple[int, int]]) -> str:
    chars = list(text)
    for qs, qe in quotes:
        for k in range(max(qs, offset), min(qe, offset + len(chars))):
            chars[k - offset] = " "
    return "".join(chars)


def event_merge_key(event: dict) -> str:
    """Return the key that merges mentions of one real-world event across articles.

    Dated events merge on type, day and the set of actors; undated ones stay per article.
    """
    actors = "+".join(sorted(set(event["actor_names"])))
    if event.get("event_date") and event.get("date_precision") == "day":
        return f"{event['event_type']}|{event['event_date']}|{actors}"
    return f"{event['event_type']}|{event['article_id']}|{event['sentence_index']}|{actors}"
