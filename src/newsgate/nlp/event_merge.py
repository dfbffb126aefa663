"""Merge event mentions from many articles into real-world events, and date them together.

The rule (see the README, "Events"): mentions are merged only within one event type, when
they share a core actor, their partial dates unify (year, month, day and weekday never
conflict), and there is positive evidence that they are the same occurrence: the same day,
month or year stated in both, a weekday that falls on the cluster's date, a shared place,
similar sentences, or the same article. Dated mentions are clustered first (most specific
first), undated ones then join the best-supported compatible cluster. A mention without a year
cannot join an event dated before the latest year its own article states (its horizon), and a
future-tense mention cannot join an event dated before that article's latest stated date; among
equally supported clusters the one nearest the article's horizon wins, because news reports
events close to its own time. Where several mentions' partial dates unify into a full date
(e.g. "April 2016" + "April 20" + "on Wednesday"), the event gets that date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsgate.nlp.event_lexicon import lexicon
from newsgate.nlp.events import AGENT_LABEL

_KEYS = ("year", "month", "day")
_TYPE_ORDER = ("meeting",)
# types whose actors meet as equals; in the others actor1 acts on actor2
_SYMMETRIC = {"meeting", "agreement", "statement"}
# share of word 4-grams two articles must have in common to count as copies of one report
SHARED_TEXT = 0.15
# score lost per year between a year-less mention's article horizon and a candidate event
YEAR_PENALTY = 0.5
# undated mentions are re-placed only out of clusters this small: re-placing rebuilds the
# cluster, and in a large one a single mention rarely changes where it belongs (cost bound)
REPLACE_LIMIT = 50


@dataclass(eq=False)
class _Cluster:
    event_type: str
    seq: int = 0
    parts: dict = field(default_factory=dict)
    actors: set = field(default_factory=set)
    places: set = field(default_factory=set)
    words: set = field(default_factory=set)
    articles: set = field(default_factory=set)
    members: list = field(default_factory=list)
    roles: set = field(default_factory=set)
    shingles: list = field(default_factory=list)


class _Clusters:
    """Every cluster in creation order, indexed by (type, core actor) and by member event.

    A mention can only join a cluster sharing a named core actor, or one of its own article
    (unnamed agents and kinds told once), so looking clusters up by actor and by article gives
    the same candidates, in the same order, as scanning them all — in linear time.
    """

    def __init__(self) -> None:
        self.ordered: dict[int, _Cluster] = {}
        self.by_actor: dict[tuple[str, str], dict[int, _Cluster]] = {}
        self.by_article: dict[tuple[str, str], dict[int, _Cluster]] = {}
        self.home: dict[int, _Cluster] = {}
        self._next = 0

    def __iter__(self):
        return iter(list(self.ordered.values()))

    def new(self, event_type: str) -> _Cluster:
        self._next += 1
        cluster = _Cluster(event_type=event_type, seq=self._next)
        self.ordered[cluster.seq] = cluster
        return cluster

    def absorb(self, cluster: _Cluster, event: dict) -> None:
        _absorb(cluster, event)
        self.home[id(event)] = cluster
        for actor in cluster.actors:
            self.by_actor.setdefault((cluster.event_type, actor), {})[cluster.seq] = cluster
        key = (cluster.event_type, event["article_id"])
        self.by_article.setdefault(key, {})[cluster.seq] = cluster

    def remove(self, cluster: _Cluster) -> None:
        del self.ordered[cluster.seq]
        for actor in cluster.actors:
            self.by_actor.get((cluster.event_type, actor), {}).pop(cluster.seq, None)
        for article_id in cluster.articles:
            self.by_article.get((cluster.event_type, article_id), {}).pop(cluster.seq, None)

    def candidates(self, event_type: str, actors: set, article_id: str | None = None) -> list:
        """Return the clusters sharing a core actor, and those of `article_id` when given."""
        found: dict[int, _Cluster] = {}
        for actor in actors:
            found.update(self.by_actor.get((event_type, actor), {}))
        if article_id is not None:
            found.update(self.by_article.get((event_type, article_id), {}))
        return [found[seq] for seq in sorted(found)]


def merge_events(events: list[dict]) -> list[dict]:
    """Return `events` with merge_key (same for one real-world event) and the event's date."""
    clusters = _Clusters()
    types = sorted({e["event_type"] for e in events}, key=lambda t: (t not in _TYPE_ORDER, t))
    for event_type in types:
        mentions = sorted((e for e in events if e["event_type"] == event_type), key=_specificity)
        for event in mentions:
            _place_mention(event, clusters)
        # undated mentions are placed again once every cluster has all its dated members
        for event in mentions:
            if _specificity(event)[0] < 4:
                continue
            home = clusters.home[id(event)]
            if len(home.members) > REPLACE_LIMIT:
                continue
            clusters.remove(home)
            rest = [m for m in home.members if m is not event]
            if rest:
                _rebuild(home.event_type, rest, clusters)
            _place_mention(event, clusters)
        if event_type == "meeting":
            # every meeting is placed (meetings come first): date the "after the meeting" mentions
            _date_references(events, clusters)
    _share_article_years(list(clusters))
    for cluster in clusters:
        first = min(cluster.members, key=_position)
        key = f"{cluster.event_type}|{first['article_id']}|{first['sentence_index']:06d}"
        if first.get("trigger_start") is not None:
            # a sentence may report two events of one type (in two clauses)
            key += f"|{first['trigger_start']:08d}"
        value, precision = _date_of(cluster.parts)
        for event in cluster.members:
            event["merge_key"] = key
            event["merged_date"] = value
            event["merged_precision"] = precision
    return events


def _position(event: dict) -> tuple:
    return event["article_id"], event["sentence_index"], event.get("trigger_start") or 0


def _specificity(event: dict) -> tuple:
    parts = event.get("date_parts") or {}
    if parts.get("year") and parts.get("month") and parts.get("day"):
        rank = 0
    elif parts.get("month") and parts.get("day"):
        rank = 1
    elif parts.get("year") and parts.get("month"):
        rank = 2
    elif parts.get("year"):
        rank = 3
    elif parts.get("weekday") is not None:
        rank = 4
    else:
        rank = 5
    return rank, event["article_id"], event["sentence_index"]


def _core_actors(event: dict) -> set:
    names = event.get("actor_names") or []
    roles = event.get("actor_roles") or []
    if event["event_type"] == "statement":
        return set(names[:1])
    core = {n for n, r in zip(names, roles, strict=False) if r in ("actor1", "actor2")}
    return core or set(names)


def _agents(event: dict) -> set:
    labels = event.get("actor_labels") or []
    return {
        n
        for n, label in zip(event.get("actor_names") or [], labels, strict=False)
        if label == AGENT_LABEL
    }


def _place_mention(event: dict, clusters: _Clusters) -> None:
    parts = event.get("date_parts") or {}
    best, best_score = None, 0.0
    # a kind told once per article (an arrest, a protest) is one event there whoever is named
    told_once = event["article_id"] if event.get("told_once") else None
    core = _core_actors(event)
    # an unnamed agent ("officials", "police") names nobody in particular: it is a shared actor
    # only within one article, so clusters are looked up by it there (across a corpus, every
    # "officials met" would otherwise be a candidate for every other: quadratic time)
    named = core - _agents(event)
    # an actorless kind (a flood, a crash) joins only its own article's reports of one place
    actorless = not core and not lexicon().types[event["event_type"]].needs_actor
    local = event["article_id"] if told_once or named != core or actorless else None
    for cluster in clusters.candidates(event["event_type"], named, local):
        if not (named & cluster.actors) and event["article_id"] not in cluster.articles:
            continue
        if actorless:
            if cluster.actors or not _same_place(event, cluster):
                continue
            if _unify(cluster.parts, parts) is None:
                continue
            # of equally supported reports, a report naming no place continues the story told
            # just before it
            score = (_evidence(event, parts, cluster), _told_before(event, cluster))
            if best is None or score > best_score:
                best, best_score = cluster, score
            continue
        # within its article such a kind needs only its actor1 to agree: who was arrested
        # is told in many ways ("four terrorists", "the suspects")
        same_story = told_once in cluster.articles and _agents_agree(event, cluster)
        if (
            event["event_type"] not in _SYMMETRIC
            and not same_story
            and not _same_direction(event, cluster)
        ):
            continue
        if not core & cluster.actors and not same_story:
            continue
        unified = _unify(cluster.parts, parts)
        if unified is None or not _within_horizon(event, cluster, unified):
            continue
        evidence = _evidence(event, parts, cluster)
        if evidence < 1:
            continue
        score = evidence - YEAR_PENALTY * _distance(event, unified)
        if best is None or score > best_score:
            best, best_score = cluster, score
    if best is None:
        best = clusters.new(event["event_type"])
        best.parts = dict(_unify({}, parts) or {})
    else:
        best.parts = _unify(best.parts, parts)
    clusters.absorb(best, event)


def _told_before(event: dict, cluster: _Cluster) -> int:
    """Return the sentence of the cluster's last report before the mention (-1 when none)."""
    return max(
        (
            m["sentence_index"]
            for m in cluster.members
            if m["article_id"] == event["article_id"]
            and m["sentence_index"] <= event["sentence_index"]
        ),
        default=-1,
    )


def _same_place(event: dict, cluster: _Cluster) -> bool:
    """Tell whether a mention and a cluster can tell of one place: disasters are told place by
    place ("storms in Sichuan ... storms in Yunnan"), and a report naming none fits any."""
    mine = set(event.get("places") or [])
    return not mine or not cluster.places or bool(mine & cluster.places)


def _absorb(best: _Cluster, event: dict) -> None:
    best.members.append(event)
    best.roles |= set(_directed(event))
    if event.get("article_shingles"):
        best.shingles.append((event["article_id"], event["article_shingles"]))
    best.actors |= _core_actors(event)
    best.places |= set(event.get("places") or [])
    best.words |= set(event.get("words") or [])
    best.articles.add(event["article_id"])


def _rebuild(event_type: str, members: list[dict], clusters: _Clusters) -> _Cluster:
    fresh = clusters.new(event_type)
    for event in members:
        fresh.parts = _unify(fresh.parts, event.get("date_parts") or {}) or fresh.parts
        clusters.absorb(fresh, event)
    return fresh


def _directed(event: dict) -> list[tuple[str, str]]:
    names = event.get("actor_names") or []
    roles = event.get("actor_roles") or []
    return [(r, n) for n, r in zip(names, roles, strict=False) if r in ("actor1", "actor2")]


def _same_direction(event: dict, cluster: _Cluster) -> bool:
    """In directed events (A accuses B) the same role must not hold a different actor."""
    implied = event.get("implied_actor")
    for role, name in _directed(event):
        others = {n for r, n in cluster.roles if r == role}
        if others and not any(_same_agent(name, other, implied) for other in others):
            return False
    return True


def _same_agent(a: str, b: str, implied: str | None) -> bool:
    """Tell whether two actor names can be one party: equal, one the type's implied actor
    ("authorities" of an agentless passive), or two descriptions with one head ("riot police",
    "police")."""
    if a == b or (implied is not None and implied in (a, b)):
        return True
    return a.islower() and b.islower() and a.split()[-1] == b.split()[-1]


def _agents_agree(event: dict, cluster: _Cluster) -> bool:
    """Tell whether an article's mention and a cluster of its article name no different actor1."""
    implied = event.get("implied_actor")
    mine = [n for r, n in _directed(event) if r == "actor1"]
    theirs = [n for r, n in cluster.roles if r == "actor1"]
    return not mine or not theirs or any(_same_agent(a, b, implied) for a in mine for b in theirs)


def _shares_text(event: dict, cluster: _Cluster) -> bool:
    """Tell whether the mention's article shares much wording with an article of the cluster."""
    mine = event.get("article_shingles")
    if not mine:
        return False
    for article_id, theirs in cluster.shingles:
        if (
            article_id != event["article_id"]
            and theirs
            and len(mine & theirs) / min(len(mine), len(theirs)) >= SHARED_TEXT
        ):
            return True
    return False


def _unify(a: dict, b: dict) -> dict | None:
    """Combine two partial dates, or None when they contradict each other."""
    out = {}
    for key in (*_KEYS, "weekday"):
        x, y = (a or {}).get(key), (b or {}).get(key)
        if x is not None and y is not None and x != y:
            return None
        out[key] = x if x is not None else y
    if all(out[k] for k in _KEYS):
        try:
            full = date(out["year"], out["month"], out["day"])
        except ValueError:
            return None
        if out["weekday"] is not None and out["weekday"] != full.weekday():
            return None
        out["weekday"] = full.weekday()
    return out


def _within_horizon(event: dict, cluster: _Cluster, unified: dict) -> bool:
    """A mention's own article bounds when it can have happened (see the module docstring)."""
    year = unified.get("year")
    if year is None:
        return True
    horizon = event.get("horizon")
    parts = event.get("date_parts") or {}
    if horizon is None or parts.get("year"):
        return True
    earliest = (year, unified.get("month") or 1, unified.get("day") or 1)
    published = event.get("published")
    if (
        published
        and not event.get("future")
        and earliest > (published.year, published.month, published.day)
    ):
        return False
    if event.get("future"):
        if unified.get("month") is None:
            return year >= horizon.year
        if unified.get("day") is None:
            return (year, unified["month"]) > (horizon.year, horizon.month)
        return (year, unified["month"], unified["day"]) > (horizon.year, horizon.month, horizon.day)
    return True


def _evidence(event: dict, parts: dict, cluster: _Cluster) -> float:
    score = 0.0
    shared = {k for k in _KEYS if parts.get(k) is not None and cluster.parts.get(k) is not None}
    if shared >= set(_KEYS):
        score += 3
    elif "month" in shared:
        score += 2
    elif "year" in shared:
        score += 1
    if parts.get("weekday") is not None and cluster.parts.get("weekday") == parts["weekday"]:
        score += 1
    if set(event.get("places") or []) & cluster.places:
        score += 1
    words = set(event.get("words") or [])
    if words and cluster.words:
        overlap = len(words & cluster.words) / len(words | cluster.words)
        score += 2 if overlap >= 0.5 else 1 if overlap >= 0.3 else 0
    if event["article_id"] in cluster.articles:
        score += 1
    if _shares_text(event, cluster):
        score += 2
    return score


def _distance(event: dict, unified: dict) -> int:
    horizon = event.get("horizon")
    year = unified.get("year")
    if horizon is None or year is None or (event.get("date_parts") or {}).get("year"):
        return 0
    return abs(year - horizon.year)


def _date_of(parts: dict) -> tuple[date | None, str | None]:
    year, month, day = (parts.get(k) for k in _KEYS)
    if year and month and day:
        return date(year, month, day), "day"
    if year and month:
        return date(year, month, 1), "month"
    if year:
        return date(year, 1, 1), "year"
    return None, None


def _share_article_years(clusters: list[_Cluster]) -> None:
    """Give an article's year-less "Month D" dates the year its other reports fixed for one.

    When one "April 20" of an article is placed in 2016 by other articles' dates, its other
    year-less "April 12" is read in 2016 too, provided exactly one year was found and the
    event's other dates agree. Only the event's date changes; the mention keeps its own.
    """
    years: dict[str, set[int]] = {}
    for cluster in clusters:
        value, precision = _date_of(cluster.parts)
        for event in cluster.members:
            if precision == "day" and _month_day_only(event):
                years.setdefault(event["article_id"], set()).add(value.year)
    for cluster in clusters:
        for event in cluster.members:
            found = years.get(event["article_id"], set())
            if len(found) == 1 and _month_day_only(event):
                with_year = {**event["date_parts"], "year": next(iter(found))}
                cluster.parts = _unify(cluster.parts, with_year) or cluster.parts


def _month_day_only(event: dict) -> bool:
    parts = event.get("date_parts") or {}
    return bool(parts.get("month") and parts.get("day") and not parts.get("year"))


def _date_references(events: list[dict], clusters: _Clusters) -> None:
    """Date 'after the meeting' mentions with the day of their article's meeting, once known."""
    pending = [e for e in events if e.get("date_ref") and not e.get("event_date")]
    if not pending:
        return
    by_article: dict[str, list[tuple[_Cluster, dict]]] = {}
    for cluster in clusters:
        if cluster.event_type == "meeting":
            for member in cluster.members:
                by_article.setdefault(member["article_id"], []).append((cluster, member))
    for event in pending:
        meetings = [
            (c, m)
            for c, m in by_article.get(event["article_id"], [])
            if m["sentence_index"] <= event["sentence_index"]
        ]
        if not meetings:
            continue
        cluster, meeting = max(meetings, key=lambda cm: cm[1]["sentence_index"])
        value, precision = _date_of(cluster.parts)
        if precision == "day":
            # the mention's own date only when its article dates the meeting itself; a day
            # learnt from other reports dates the event, not what this article says
            if meeting.get("event_date") == value and meeting.get("date_precision") == "day":
                event["event_date"], event["date_precision"] = value, precision
            event["date_text"] = event.get("date_text") or "after the meeting"
            event["date_parts"] = {
                "year": value.year,
                "month": value.month,
                "day": value.day,
                "weekday": value.weekday(),
            }
        event["date_ref"] = False
