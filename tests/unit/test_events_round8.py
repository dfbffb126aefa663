"""Round 8 of issue 14: wider candidates and actors (invented sentences only)."""

from datetime import date

import pytest

from newsgate.nlp.pipeline import make_doc


def _events(nlp, text, published=None, kind=None):
    doc = nlp(make_doc(nlp, text, published))
    return [e for e in doc._.events if kind is None or e["event_type"] == kind]


def _kinds(nlp, text, published=None):
    return {e["event_type"] for e in _events(nlp, text, published)}


# --- accidents named by a vehicle and a motion verb ----------------------------------------


def test_a_vehicle_plunging_is_an_accident_without_actors(nlp):
    [event] = _events(
        nlp,
        "A crowded minibus plunged into a river on Monday, killing nine passengers.",
        date(2021, 3, 10),
        "accident",
    )
    assert event["actor_names"] == []
    assert event["event_date"] == date(2021, 3, 8)


def test_a_vehicle_with_a_participle_after_it_is_still_the_subject(nlp):
    assert "accident" in _kinds(nlp, "The lorry carrying cement veered off the bridge.")


def test_a_vehicle_word_modifying_another_noun_is_no_accident(nlp):
    # "bus fares", "car sales": the vehicle word only modifies the subject
    assert "accident" not in _kinds(nlp, "Bus fares fell by a tenth in the spring.")
    assert "accident" not in _kinds(nlp, "Car sales plunged for a third month.")


def test_the_nearest_subject_word_decides_between_market_and_accident(nlp):
    kinds = _kinds(nlp, "Shares in the ferry operator plunged after the results.")
    assert "market_move" in kinds
    assert "accident" not in kinds


def test_a_negated_vehicle_plunge_is_no_accident(nlp):
    assert "accident" not in _kinds(nlp, "The coach did not fall into the ravine.")


# --- speakers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"We will not give in," said Councillor Mary Okafor.',
        '"We will not give in," said Deputy Mayor Mary Okafor, who chairs the board.',
        '"We will not give in," said Dr Mary Okafor.',
    ],
)
def test_said_then_a_titled_name_names_the_speaker(nlp, text):
    [event] = _events(nlp, text, kind="statement")
    assert event["actor_names"][0] == "Mary Okafor"


def test_a_lower_case_word_between_said_and_a_name_is_no_title(nlp):
    # "said yesterday Mary ..." is no title; the name is not taken from after the verb
    events = _events(nlp, '"We will not give in," said reporters near Mary Okafor.')
    assert all("Mary Okafor" not in e["actor_names"] for e in events)


def test_a_relative_clause_between_speaker_and_verb_keeps_the_speaker(nlp):
    [event] = _events(
        nlp,
        "Prime Minister Tomas Varga, who faces a vote later this month, offered condolences "
        "to the families.",
        kind="pledge_statement",
    )
    assert event["actor_names"][0] == "Tomas Varga"


def test_a_demonym_before_an_agent_noun_names_the_group_and_its_country(nlp):
    [event] = _events(
        nlp, "Kenyan activists called for the release of the prisoners.", kind="demand"
    )
    assert event["actor_names"][:2] == ["Kenyan activists", "Kenya"]


def test_a_demonym_alone_still_speaks_for_its_country(nlp):
    [event] = _events(nlp, "Kenyan leaders and Ugandan diplomats condemned the raid.")
    assert "Kenya" in event["actor_names"] or "Uganda" in event["actor_names"]


# --- agents and subjects -------------------------------------------------------------------


def test_the_head_of_the_subject_acts_not_a_name_in_its_prepositional_phrase(nlp):
    [event] = _events(nlp, "Soldiers from the Green Brigade attacked the village on Monday.")
    assert event["actor_names"][0] == "soldiers"
    # the name inside the phrase stays among the actors
    assert "Green Brigade" in event["actor_names"]


def test_a_name_after_a_comma_is_no_prepositional_phrase_of_the_subject(nlp):
    [event] = _events(nlp, "After talks with soldiers, the Green Brigade attacked the village.")
    assert event["actor_names"][0] == "Green Brigade"
