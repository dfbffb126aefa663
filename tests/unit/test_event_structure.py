"""Events read by sentence structure, on invented sentences: the agent of an active casualty
verb, police violence against protesters, a capitalised agent after a dateline, the implied
subject of a participle clause, places that do not speak, and disasters told place by place."""

from datetime import date

import pytest

from newsgate.nlp.event_merge import merge_events
from newsgate.nlp.pipeline import make_doc

PUBLISHED = date(2024, 5, 8)  # a Wednesday


def _events(nlp, text, kind=None):
    doc = nlp(make_doc(nlp, text, PUBLISHED))
    return [e for e in doc._.events if kind is None or e["event_type"] == kind]


def _roles(event):
    return dict(zip(event["actor_roles"], event["actor_names"], strict=True))


def test_an_active_casualty_verb_makes_its_subject_the_agent(nlp):
    text = "Security forces killed two people on Monday when they opened fire on protesters."
    [crackdown] = _events(nlp, text, "crackdown")
    assert _roles(crackdown)["actor1"] == "security forces"
    assert crackdown["event_date"] == date(2024, 5, 6)
    # a headline's "soldiers killed in a blast" are victims, not agents
    for event in _events(nlp, "Three soldiers killed in a blast near the border."):
        assert "soldiers" not in event["actor_names"]
    # a passive keeps its subject a victim
    for event in _events(nlp, "Three soldiers were killed two days ago by rebels."):
        assert _roles(event).get("actor1") != "soldiers"


@pytest.mark.parametrize(
    "text",
    [
        "Riot police fired tear gas at marchers in the capital.",
        "Police officers shot tear gas at the crowd.",
        "Police lobbed tear gas at students outside the university.",
        "Soldiers opened fire on demonstrators in the main square.",
        "Police shot dead three protesters near the mine.",
    ],
)
def test_force_against_protesters_is_a_crackdown(nlp, text):
    [crackdown] = _events(nlp, text, "crackdown")
    assert crackdown["actor_roles"][0] == "actor1"
    assert not _events(nlp, text, "attack")


def test_crackdown_negated_future_reported_and_other_targets(nlp):
    assert not _events(nlp, "Police did not fire on protesters.", "crackdown")
    [planned] = _events(nlp, "Police will fire tear gas at marchers on Friday.", "crackdown")
    assert planned["future"]
    reported = "Maria Ostrova said police fired tear gas at protesters."
    assert _events(nlp, reported, "crackdown") and _events(nlp, reported, "statement")
    # gunmen firing on a bus attack it; that is no repression of a protest
    [attack] = _events(nlp, "Gunmen opened fire on a bus, killing four people.")
    assert attack["event_type"] == "attack"


def test_a_capitalised_agent_after_a_dateline_acts(nlp):
    [arrest] = _events(nlp, "LAGOS, Nigeria -- Police arrested 20 people on Sunday.", "arrest")
    assert _roles(arrest)["actor1"] == "police"
    # inside a sentence a capitalised agent word is part of a name
    assert not any(
        "police" in e["actor_names"]
        for e in _events(nlp, "The Metropolitan Police Service arrested 20 people.")
    )


def test_a_participle_clause_takes_the_main_clause_subject(nlp):
    text = "Soldiers stormed the compound on Monday, arresting the general."
    [arrest] = _events(nlp, text, "arrest")
    assert _roles(arrest) == {"actor1": "soldiers", "actor2": "general"}
    # a clause with a subject of its own keeps it
    text = "Soldiers stormed the compound, and the police arrested the general."
    [arrest] = _events(nlp, text, "arrest")
    assert _roles(arrest)["actor1"] == "police"


def test_a_place_inside_a_prepositional_phrase_does_not_speak(nlp):
    text = "Officials in the eastern town of Varnos said one person was killed."
    assert not any("Varnos" in e["actor_names"] for e in _events(nlp, text, "statement"))
    text = "Maria Ostrova, representing the ports of Varnos and Telmar, said no talks were planned."
    assert not any("Telmar" in e["actor_names"] for e in _events(nlp, text, "statement"))
    # a country that is the subject still speaks
    [said] = _events(nlp, "In a statement, France said it regretted the decision.", "statement")
    assert said["actor_names"][0] == "France"


def test_disasters_have_no_actors_and_are_told_place_by_place(nlp):
    text = (
        "Storms struck Sichuan province, leaving 14 people dead. "
        "Storms also struck Yunnan province, where 11 people were reported dead."
    )
    found = _events(nlp, text, "natural_disaster")
    assert [e["actor_names"] for e in found] == [[], []]
    assert [e["places"] for e in found] == [["Sichuan"], ["Yunnan"]]
    for event in found:
        event["article_id"] = "a"
    merged = merge_events(found)
    assert merged[0]["merge_key"] != merged[1]["merge_key"]


def _disaster(sentence, places):
    return {
        "article_id": "a",
        "sentence_index": sentence,
        "event_type": "natural_disaster",
        "actor_names": [],
        "actor_roles": [],
        "actor_labels": [],
        "date_parts": None,
        "event_date": None,
        "places": places,
        "words": [],
        "horizon": None,
    }


def test_an_articles_reports_of_one_disaster_merge_unless_their_places_differ():
    events = merge_events(
        [
            _disaster(0, ["Varnos"]),
            _disaster(2, []),
            _disaster(4, ["Varnos"]),
            _disaster(6, ["Telmar"]),
        ]
    )
    keys = [e["merge_key"] for e in events]
    assert keys[0] == keys[1] == keys[2] != keys[3]
    # another article's flood is another event (no shared actor or text)
    other = merge_events(
        [_disaster(0, ["Varnos"]), {**_disaster(0, ["Varnos"]), "article_id": "b"}]
    )
    assert other[0]["merge_key"] != other[1]["merge_key"]


def test_a_sentences_one_day_dates_the_acts_it_links(nlp):
    text = "Soldiers stormed the compound on Monday, arresting the general."
    attack, arrest = _events(nlp, text)
    assert attack["event_date"] == arrest["event_date"] == date(2024, 5, 6)
    # a speaker's day dates the speaking, not what is reported
    [arrest] = _events(
        nlp, "Maria Ostrova said on Monday that police arrested the general.", "arrest"
    )
    assert arrest["event_date"] is None
    # a planned act keeps no past day; two days in a sentence are not shared
    text = "Rebels attacked the base on Monday and will hold talks with the army."
    [talks] = _events(nlp, text, "meeting")
    assert talks["event_date"] is None
    text = "Rebels attacked the base on Monday, and police arrested ten men on Tuesday."
    attack, arrest = _events(nlp, text)
    assert (attack["event_date"], arrest["event_date"]) == (date(2024, 5, 6), date(2024, 5, 7))


def test_a_thousands_separator_or_clock_colon_breaks_no_clause(nlp):
    [arrest] = _events(nlp, "Police arrested 4,000 people on Monday.", "arrest")
    assert arrest["event_date"] == date(2024, 5, 6)
    [arrest] = _events(nlp, "Police arrested 20 people at 11:30 on Monday.", "arrest")
    assert arrest["event_date"] == date(2024, 5, 6)
