"""Time blocks of the event merge: dated mentions merge only within their calendar month, so a
new dated article changes only the events of its own months; mentions that nothing dates to a
year still join an event of any month."""

import copy
from datetime import date

from newsgate.nlp.cross_article import merge_groups
from newsgate.nlp.event_merge import merge_block, merge_events


def _mention(article, sentence, parts=None, *, actors=("Ardenia", "Belmora"), **extra):
    return {
        "article_id": article,
        "sentence_index": sentence,
        "trigger_start": sentence * 100,
        "event_type": extra.pop("kind", "meeting"),
        "actor_names": list(actors),
        "actor_labels": ["GPE"] * len(actors),
        "actor_roles": ["actor1", "actor2"][: len(actors)],
        "date_parts": parts,
        "event_date": extra.pop("event_date", None),
        "date_precision": extra.pop("date_precision", None),
        "places": extra.pop("places", ["Vellport"]),
        "words": extra.pop("words", ["talks", "border", "met"]),
        "horizon": extra.pop("horizon", extra.get("published")),
        "published": extra.pop("published", None),
        **extra,
    }


def test_the_block_is_the_month_of_what_the_article_says():
    stated = _mention("a", 0, {"year": 2016, "month": 4})
    assert merge_block(stated) == ("month", 2016, 4)
    resolved = _mention(
        "a",
        1,
        {"weekday": 2},
        event_date=date(2016, 4, 20),
        date_precision="day",
        published=date(2016, 4, 22),
    )
    assert merge_block(resolved) == ("month", 2016, 4)
    assert merge_block(_mention("a", 2, {"year": 2014})) == ("year", 2014)
    # undated in a dated article: the month it was published in
    assert merge_block(_mention("b", 0, published=date(2016, 5, 2))) == ("month", 2016, 5)
    # an undated article's "on Wednesday" or "April 20" fixes no year: no block
    assert merge_block(_mention("c", 0, {"weekday": 2}, horizon=date(2014, 6, 30))) is None
    assert merge_block(_mention("c", 1, {"month": 4, "day": 20})) is None


def test_dated_reports_of_two_months_stay_apart_undated_ones_join_either():
    events = merge_events(
        [
            _mention(
                "a",
                0,
                {"year": 2016, "month": 4, "day": 20, "weekday": 2},
                published=date(2016, 4, 22),
            ),
            _mention("b", 0, {"weekday": 2}, published=date(2016, 4, 21)),
            # the same actors, the same weekday, a month later: another occasion
            _mention("c", 0, {"weekday": 2}, published=date(2016, 5, 20)),
            # an undated article's "April 20": the April event, whatever its horizon
            _mention("d", 0, {"month": 4, "day": 20}, horizon=date(2014, 6, 30)),
        ]
    )
    a, b, c, d = (e["merge_key"] for e in events)
    assert a == b == d != c
    assert events[0]["merged_date"] == date(2016, 4, 20)


def _month_corpus(months: list[int], article: str = "m") -> list[dict]:
    return [
        _mention(f"{article}{month:02d}{n}", 0, {"weekday": 2}, published=date(2016, month, 10 + n))
        for month in months
        for n in range(3)
    ]


def _outcome(events):
    fields = ("merge_key", "merged_date", "merged_precision")
    return {(e["article_id"], e["sentence_index"]): tuple(e[f] for f in fields) for e in events}


def test_groups_are_months_where_every_article_shares_an_actor():
    events = _month_corpus([1, 2, 3, 4])
    groups = merge_groups(events)
    assert len(set(groups)) == 4
    # a new article of March joins March's group only: the other groups keep their members
    more = [*events, _mention("new", 0, {"weekday": 2}, published=date(2016, 3, 25))]
    grown = merge_groups(more)
    before = {frozenset(i for i, g in enumerate(groups) if g == h) for h in set(groups)}
    after = {frozenset(i for i, g in enumerate(grown) if g == h) for h in set(grown)}
    assert len(before - after) == 1
    [changed] = before - after
    assert {events[i]["published"].month for i in changed} == {3}
    # and merging the groups alone gives the merge of all
    whole = _outcome(merge_events(copy.deepcopy(more)))
    alone: dict = {}
    for group in set(grown):
        members = [e for e, g in zip(more, grown, strict=True) if g == group]
        alone.update(_outcome(merge_events(copy.deepcopy(members))))
    assert alone == whole


def test_a_mention_without_a_block_links_the_months_it_can_join():
    events = [*_month_corpus([1, 2]), _mention("u", 0, {"weekday": 2})]
    assert len(set(merge_groups(events))) == 1
    # one that shares no actor with them links nothing
    other = [*_month_corpus([1, 2]), _mention("u", 0, {"weekday": 2}, actors=("Corvath",))]
    assert len(set(merge_groups(other))) == 3
