"""The event merge remembers, for one call, whether two articles' shingle sets share text: the
merge gives what comparing the sets every time gives, and nothing is kept after the call."""

import copy
import random

import pytest

from newsgate.nlp import event_merge
from newsgate.nlp.event_merge import SHARED_TEXT, merge_events
from tests.unit.test_merge_groups import _corpus, _outcome


def _uncached(mine, theirs) -> bool:
    return len(mine & theirs) / min(len(mine), len(theirs)) >= SHARED_TEXT


def _one_set_per_article(events: list[dict], seed: int) -> list[dict]:
    # as the NLP stage hands them over: every event of an article holds the same set object,
    # some articles copies of others (so text is shared across articles), some without shingles
    rng = random.Random(seed)
    sets: dict[str, frozenset | None] = {}
    for event in events:
        article = event["article_id"]
        if article not in sets:
            roll = rng.random()
            if roll < 0.1:
                sets[article] = None
            elif roll < 0.4 and sets:
                sets[article] = frozenset(rng.choice([s for s in sets.values() if s] or [{1}]))
            else:
                sets[article] = frozenset(rng.sample(range(60), 15))
        event["article_shingles"] = sets[article]
    return events


@pytest.mark.parametrize("shared_objects", [True, False])
def test_remembered_overlaps_merge_as_comparing_every_time(monkeypatch, shared_objects):
    for seed in range(6):
        events = _corpus(seed, 50)
        if shared_objects:
            events = _one_set_per_article(events, seed)
        remembered = _outcome(merge_events(copy.deepcopy(events)))
        assert event_merge._SHARED == {}
        with monkeypatch.context() as patched:
            patched.setattr(event_merge, "_share", _uncached)
            compared = _outcome(merge_events(copy.deepcopy(events)))
        assert remembered == compared, seed


def test_nothing_is_remembered_after_a_failed_merge(monkeypatch):
    events = _one_set_per_article(_corpus(3, 40), 3)

    def fail(clusters):
        # every mention is placed by now, so overlaps were remembered
        assert event_merge._SHARED
        raise RuntimeError("late failure")

    monkeypatch.setattr(event_merge, "_share_article_years", fail)
    with pytest.raises(RuntimeError):
        merge_events(events)
    assert event_merge._SHARED == {}


def test_an_empty_list_merges_to_nothing():
    assert merge_events([]) == []
    assert event_merge._SHARED == {}
