"""Every event type on short invented sentences: plain, negated, future, reported, passive.

A negated trigger is no event; a future one is a planned event (future = True); an event
reported in someone's words ("X said that ...") is still found next to the statement, except a
verbal act (accusing, demanding) inside a statement, which is part of that statement; a passive
puts the agent ("by ...") first.
"""

from datetime import date

import pytest

from newsgate.nlp.events import event_types
from newsgate.nlp.pipeline import make_doc

PUBLISHED = date(2024, 5, 8)  # a Wednesday

# type: (plain, negated, future, reported, passive: (sentence, actor1) or None)
CASES = {
    "statement": (
        "France announced a new budget on Monday.",
        "France did not announce a budget.",
        "France will announce a new budget on Friday.",
        None,
        None,
    ),
    "appeal": (
        "France urged Germany to act.",
        "France never urged Germany to act.",
        "France will appeal to Germany on Friday.",
        None,
        None,
    ),
    "pledge_statement": (
        "France pledged aid to Spain.",
        "France did not pledge aid to Spain.",
        "France will promise aid to Spain.",
        None,
        None,
    ),
    "meeting": (
        "France and Germany met in Berlin on Monday.",
        "France and Germany did not meet in Berlin.",
        "France and Germany will meet in Berlin on Friday.",
        "Maria Ostrova said that France and Germany met in Berlin.",
        ("A summit was held by France and Germany in Berlin.", "France"),
    ),
    "phone_call": (
        "France telephoned Germany on Monday.",
        "France did not telephone Germany.",
        "France will phone Germany on Friday.",
        "Maria Ostrova said that France telephoned Germany.",
        None,
    ),
    "agreement": (
        "France and Germany signed a trade agreement on Monday.",
        "France and Germany did not sign the agreement.",
        "France and Germany will sign a trade agreement on Friday.",
        "Maria Ostrova said that France and Germany signed a trade agreement.",
        ("A trade agreement was signed by France and Germany.", "France"),
    ),
    "praise": (
        "France praised Germany.",
        "France did not praise Germany.",
        "France will welcome Germany's offer.",
        None,
        None,
    ),
    "material_cooperation": (
        "France bought fighter jets from Spain.",
        "France did not buy fighter jets.",
        "France will buy fighter jets from Spain.",
        "Maria Ostrova said that France bought fighter jets from Spain.",
        None,
    ),
    "aid": (
        "Germany allocated aid to Ukraine.",
        "Germany did not allocate aid to Ukraine.",
        "Germany will allocate aid to Ukraine.",
        "Maria Ostrova said that Germany allocated aid to Ukraine.",
        None,
    ),
    "concession": (
        "Rebels abandoned their stronghold.",
        "Rebels did not abandon their stronghold.",
        "Rebels will abandon their stronghold.",
        "Maria Ostrova said that rebels abandoned their stronghold.",
        None,
    ),
    "resignation": (
        "Prime Minister Ana Lopez resigned on Monday.",
        "Prime Minister Ana Lopez did not resign.",
        "Prime Minister Ana Lopez will resign on Friday.",
        "Maria Ostrova said that Prime Minister Ana Lopez resigned.",
        None,
    ),
    "investigation": (
        "The European Union investigated Google.",
        "The European Union did not investigate Google.",
        "The European Union will investigate Google.",
        "Maria Ostrova said that the European Union investigated Google.",
        ("Google was investigated by the European Union.", "European Union"),
    ),
    "demand": (
        "France demanded an apology from Germany.",
        "France did not demand an apology.",
        "France will demand an apology from Germany.",
        None,
        None,
    ),
    "accusation": (
        "France accused Germany of spying.",
        "France did not accuse Germany of spying.",
        "France will accuse Germany of spying.",
        None,
        ("Germany was accused by France of spying.", "France"),
    ),
    "rejection": (
        "France rejected the German proposal.",
        "France did not reject the German proposal.",
        "France will reject the German proposal.",
        None,
        None,
    ),
    "threat": (
        "France threatened Germany with sanctions.",
        "France did not threaten Germany.",
        "France will threaten Germany with sanctions.",
        None,
        None,
    ),
    "protest": (
        "Protesters marched in Paris on Monday.",
        "Protesters did not march in Paris.",
        "Protesters will march in Paris on Friday.",
        "Maria Ostrova said that protesters marched in Paris.",
        None,
    ),
    "strike_or_boycott": (
        "Nurses walked out in Paris on Monday.",
        "Nurses did not walk out.",
        "Nurses will go on strike on Friday.",
        "Maria Ostrova said that nurses walked out.",
        None,
    ),
    "deployment": (
        "France deployed troops to Mali.",
        "France did not deploy troops to Mali.",
        "France will deploy troops to Mali.",
        "Maria Ostrova said that France deployed troops to Mali.",
        ("Troops were deployed by France to Mali.", "France"),
    ),
    "exercise": (
        "France began a military exercise on Monday.",
        "France did not begin a military exercise.",
        "France will begin a military exercise on Friday.",
        "Maria Ostrova said that France began a military exercise.",
        None,
    ),
    "military_incident": (
        "Russian jets intercepted a French plane.",
        "Russian jets did not intercept a French plane.",
        "Russian jets will intercept French planes.",
        "Maria Ostrova said that Russian jets intercepted a French plane.",
        ("A French plane was intercepted by Russian jets.", "Russia"),
    ),
    "cut_ties": (
        "France suspended cooperation with Russia.",
        "France did not suspend cooperation with Russia.",
        "France will suspend cooperation with Russia.",
        "Maria Ostrova said that France suspended cooperation with Russia.",
        None,
    ),
    "sanctions": (
        "France imposed sanctions on Russia.",
        "France did not impose sanctions on Russia.",
        "France will impose sanctions on Russia.",
        "Maria Ostrova said that France imposed sanctions on Russia.",
        ("Sanctions were imposed by France on Russia.", "France"),
    ),
    "coercion": (
        "Militants burned a village.",
        "Militants did not burn the village.",
        "Militants will burn the village.",
        "Maria Ostrova said that militants burned a village.",
        ("A village was burned by militants.", "militants"),
    ),
    "administrative_sanction": (
        "The regulator fined Acme Bank on Monday.",
        "The regulator did not fine Acme Bank.",
        "The regulator will fine Acme Bank.",
        "Maria Ostrova said that the regulator fined Acme Bank.",
        ("Acme Bank was fined by the regulator.", "regulator"),
    ),
    "arrest": (
        "Police arrested three protesters on Monday.",
        "Police did not arrest the protesters.",
        "Police will arrest the protesters.",
        "Maria Ostrova said that police arrested three protesters.",
        ("Three protesters were arrested by police.", "police"),
    ),
    "crackdown": (
        "Police fired tear gas at protesters.",
        "Police did not fire tear gas at protesters.",
        "Police will fire tear gas at protesters.",
        "Maria Ostrova said that police fired tear gas at protesters.",
        None,
    ),
    "assault": (
        "Gunmen kidnapped two aid workers.",
        "Gunmen did not kidnap the aid workers.",
        "Gunmen will kidnap aid workers.",
        "Maria Ostrova said that gunmen kidnapped two aid workers.",
        ("Two aid workers were kidnapped by gunmen.", "gunmen"),
    ),
    "attack": (
        "Rebels attacked a checkpoint on Monday.",
        "Rebels did not attack the checkpoint.",
        "Rebels will attack the checkpoint.",
        "Maria Ostrova said that rebels attacked a checkpoint.",
        ("A checkpoint was attacked by rebels.", "rebels"),
    ),
    "annexation": (
        "Russia annexed Crimea.",
        "Russia did not annex Crimea.",
        "Russia will annex Crimea.",
        "Maria Ostrova said that Russia annexed Crimea.",
        ("Crimea was annexed by Russia.", "Russia"),
    ),
    "mass_violence": (
        "Soldiers massacred villagers.",
        "Soldiers did not massacre villagers.",
        "Soldiers will massacre villagers.",
        "Maria Ostrova said that soldiers massacred villagers.",
        ("Villagers were massacred by soldiers.", "soldiers"),
    ),
    "election": (
        "France held a presidential election on Sunday.",
        "France did not hold an election.",
        "France will hold a presidential election on Sunday.",
        "Maria Ostrova said that France held a presidential election.",
        ("A presidential election was held by France.", "France"),
    ),
    "legislative_vote": (
        "The opposition tabled a no-confidence motion on Monday.",
        "The opposition did not table a motion.",
        "The opposition will table a no-confidence motion.",
        "Maria Ostrova said that the opposition tabled a no-confidence motion.",
        ("A no-confidence motion was tabled by the opposition.", "opposition"),
    ),
    "court_verdict": (
        "The jury convicted the former mayor on Monday.",
        "The jury did not convict the former mayor.",
        "The jury will convict the former mayor.",
        "Maria Ostrova said that the jury convicted the former mayor.",
        ("The former mayor was convicted by the jury.", "jury"),
    ),
    "appointment": (
        "France appointed a new ambassador.",
        "France did not appoint an ambassador.",
        "France will appoint a new ambassador.",
        "Maria Ostrova said that France appointed a new ambassador.",
        ("A new ambassador was appointed by France.", "France"),
    ),
    "dismissal": (
        "France dismissed its defence minister on Monday.",
        "France did not dismiss its defence minister.",
        "France will dismiss its defence minister.",
        "Maria Ostrova said that France dismissed its defence minister.",
        None,
    ),
    "summons": (
        "France summoned the German ambassador on Monday.",
        "France did not summon the German ambassador.",
        "France will summon the German ambassador on Friday.",
        "Maria Ostrova said that France summoned the German ambassador.",
        ("The German ambassador was summoned by France.", "France"),
    ),
    "accident": (
        "A ferry capsized off the coast on Monday, killing ten people.",
        "The ferry did not capsize.",
        "The ferry will capsize.",
        "Maria Ostrova said that a ferry capsized, killing ten people.",
        None,
    ),
    "natural_disaster": (
        "An earthquake killed ten people in Peru on Monday.",
        "No earthquake killed anyone.",
        "An earthquake will hit Peru.",
        "Maria Ostrova said that an earthquake killed ten people in Peru.",
        None,
    ),
    "economic_measure": (
        "France raised tariffs on steel.",
        "France did not raise tariffs on steel.",
        "France will raise tariffs on steel.",
        "Maria Ostrova said that France raised tariffs on steel.",
        ("Tariffs on steel were raised by France.", "France"),
    ),
    "market_move": (
        "Oil prices surged five percent on Monday.",
        "Oil prices did not surge.",
        "Oil prices will surge.",
        "Maria Ostrova said that oil prices surged five percent.",
        None,
    ),
}


def _of_type(nlp, text, kind):
    doc = nlp(make_doc(nlp, text, PUBLISHED))
    return [e for e in doc._.events if e["event_type"] == kind]


def test_every_type_of_the_taxonomy_has_cases():
    assert set(CASES) == set(event_types())


@pytest.mark.parametrize("kind", sorted(CASES))
def test_plain_sentence_gives_the_type(nlp, kind):
    [event] = _of_type(nlp, CASES[kind][0], kind)
    assert not event["future"]
    assert event["cameo_root"] == event_types()[kind][0]


@pytest.mark.parametrize("kind", sorted(CASES))
def test_negated_sentence_gives_no_event(nlp, kind):
    assert _of_type(nlp, CASES[kind][1], kind) == []


@pytest.mark.parametrize("kind", sorted(CASES))
def test_future_sentence_gives_a_planned_event(nlp, kind):
    [event] = _of_type(nlp, CASES[kind][2], kind)
    assert event["future"]


@pytest.mark.parametrize("kind", sorted(k for k, case in CASES.items() if case[3]))
def test_event_in_reported_speech_is_found_beside_the_statement(nlp, kind):
    doc = nlp(make_doc(nlp, CASES[kind][3], PUBLISHED))
    kinds = [e["event_type"] for e in doc._.events]
    assert kind in kinds
    assert "statement" in kinds


@pytest.mark.parametrize("kind", sorted(k for k, case in CASES.items() if case[4]))
def test_passive_puts_the_agent_first(nlp, kind):
    text, agent = CASES[kind][4]
    [event] = _of_type(nlp, text, kind)
    roles = dict(zip(event["actor_roles"], event["actor_names"], strict=True))
    assert roles["actor1"] == agent


def test_verbal_act_inside_a_statement_belongs_to_the_statement(nlp):
    doc = nlp(make_doc(nlp, "Maria Ostrova said that France accused Germany of spying.", None))
    assert [e["event_type"] for e in doc._.events] == ["statement"]


def test_future_weekday_resolves_forwards_and_past_backwards(nlp):
    [past] = _of_type(nlp, CASES["meeting"][0], "meeting")
    [planned] = _of_type(nlp, CASES["meeting"][2], "meeting")
    assert past["event_date"] == date(2024, 5, 6)
    assert planned["event_date"] == date(2024, 5, 10)


def test_disasters_and_accidents_need_no_actor(nlp):
    [quake] = _of_type(nlp, CASES["natural_disaster"][0], "natural_disaster")
    assert quake["event_date"] == date(2024, 5, 6)
    assert "actor1" not in quake["actor_roles"]
    # a figure of speech is no disaster
    assert _of_type(nlp, "A flood of refugees killed the deal.", "natural_disaster") == []


def test_unnamed_actors_keep_their_country(nlp):
    [event] = _of_type(nlp, "Kenyan police arrested ten protesters.", "arrest")
    assert event["actor_names"][0] == "Kenyan police"
    assert event["actor_labels"][0] == "AGENT"
    assert "Kenya" in event["actor_names"]
