"""Merge groups: merging each group of event mentions alone gives what merging them all gives,
so the event merge need only run again for the groups a changed article touches."""

import copy
import random
from datetime import date

from newsgate.nlp.cross_article import merge_groups
from newsgate.nlp.event_merge import merge_events
from newsgate.nlp.events import AGENT_LABEL

ACTORS = ["Ardenia", "Belmora", "Corvath", "Dunmere", "Elsiva", "Faroe Union", "Gresh"]
AGENTS = ["officials", "police", "protesters"]
TYPES = ["meeting", "statement", "protest", "agreement"]
PLACES = ["Vellport", "Osterby", "Kaltrin"]
WORDS = ["talks", "border", "trade", "water", "rights", "troops", "ceasefire"]


def _parts(rng: random.Random) -> dict | None:
    year = rng.choice([None, 2015, 2016])
    month = rng.choice([None, 3, 4])
    day = rng.choice([None, 12, 20]) if month else None
    weekday = rng.choice([None, 2]) if not (year and month and day) else None
    if year and month and day:
        weekday = date(year, month, day).weekday()
    parts = {"year": year, "month": month, "day": day, "weekday": weekday}
    return parts if any(v is not None for v in parts.values()) else None


def _event(rng: random.Random, article: int, sentence: int) -> dict:
    kind = rng.choice(TYPES)
    names, labels, roles = [], [], []
    for role in ("actor1", "actor2")[: rng.choice([1, 2])]:
        if rng.random() < 0.4:
            names.append(rng.choice(AGENTS))
            labels.append(AGENT_LABEL)
        else:
            names.append(rng.choice(ACTORS))
            labels.append("GPE")
        roles.append(role)
    parts = _parts(rng)
    full = parts and parts["year"] and parts["month"] and parts["day"]
    published = date(2016, 4, 25) if rng.random() < 0.7 else None
    return {
        "article_id": f"a{article:03d}",
        "event_type": kind,
        "sentence_index": sentence,
        "trigger_start": sentence * 100 + rng.randrange(50),
        "actor_names": names,
        "actor_labels": labels,
        "actor_roles": roles,
        "date_parts": parts,
        "event_date": date(parts["year"], parts["month"], parts["day"]) if full else None,
        "date_precision": "day" if full else None,
        "date_text": None,
        "date_ref": parts is None and rng.random() < 0.4,
        "places": rng.sample(PLACES, rng.choice([0, 1])),
        "words": rng.sample(WORDS, 3),
        "article_shingles": frozenset(rng.sample(range(40), 12)),
        "horizon": published or (date(2016, 5, 1) if rng.random() < 0.5 else None),
        "future": rng.random() < 0.1,
        "published": published,
        "told_once": kind == "protest",
        "implied_actor": "authorities" if kind == "protest" else None,
    }


def _corpus(seed: int, articles: int) -> list[dict]:
    rng = random.Random(seed)
    return [
        _event(rng, article, sentence)
        for article in range(articles)
        for sentence in range(rng.randrange(1, 8))
    ]


def _outcome(events: list[dict]) -> dict:
    fields = ("merge_key", "merged_date", "merged_precision", "event_date", "date_text")
    return {(e["article_id"], e["trigger_start"]): tuple(e.get(f) for f in fields) for e in events}


def test_merging_each_group_alone_gives_the_merge_of_all():
    for seed in range(8):
        events = _corpus(seed, 60)
        whole = _outcome(merge_events(copy.deepcopy(events)))
        groups = merge_groups(events)
        alone: dict = {}
        for group in sorted(set(groups)):
            members = [e for e, g in zip(events, groups, strict=True) if g == group]
            alone.update(_outcome(merge_events(copy.deepcopy(members))))
        assert alone == whole, seed
        assert len(set(groups)) > 1
        # the corpus is one where mentions of several articles do merge
        keys = [value[0] for value in whole.values()]
        assert len(set(keys)) < len(keys)


def test_named_actors_and_articles_link_groups_unnamed_agents_do_not():
    base = _event(random.Random(1), 0, 0)

    def made(article: str, names: list[str], labels: list[str], kind: str = "meeting") -> dict:
        return {
            **base,
            "article_id": article,
            "event_type": kind,
            "actor_names": names,
            "actor_labels": labels,
            "actor_roles": ["actor1", "actor2"][: len(names)],
            "date_parts": None,
            "date_ref": False,
        }

    events = [
        made("a1", ["Ardenia"], ["GPE"]),
        made("a2", ["Ardenia"], ["GPE"]),  # shares a named actor with a1
        made("a3", ["officials"], [AGENT_LABEL]),  # an unnamed agent: linked to nobody
        made("a4", ["officials"], [AGENT_LABEL]),
        made("a2", ["Belmora"], ["GPE"], kind="statement"),  # another type: its own group
    ]
    groups = merge_groups(events)
    assert groups[0] == groups[1]
    assert len({groups[1], groups[2], groups[3], groups[4]}) == 4
