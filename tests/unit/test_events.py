from datetime import date

import duckdb
import polars as pl
import pytest

from newsgate.nlp.cross_article import EVENT_SCHEMA
from newsgate.nlp.event_lexicon import conventions_types
from newsgate.nlp.event_merge import merge_events
from newsgate.nlp.events import event_types
from newsgate.nlp.pipeline import make_doc
from newsgate.tables import declared_tables
from newsgate.warehouse import build_table, write_frame


def _events(nlp, text, published=None, kind=None):
    doc = nlp(make_doc(nlp, text, published))
    return [e for e in doc._.events if kind is None or e["event_type"] == kind]


def _roles(event):
    return dict(zip(event["actor_roles"], event["actor_names"], strict=True))


def test_taxonomy_covers_every_cameo_root_with_its_quadclass():
    types = event_types()
    assert types["meeting"] == ("04", 1)
    assert types["statement"] == ("01", 1)
    assert types["attack"] == ("19", 4)
    roots = {root: quad for root, quad in types.values() if root}
    assert sorted(roots) == [f"{n:02d}" for n in range(1, 21)]
    # QuadClass follows the CAMEO root: 01-05 verbal and 06-09 material cooperation,
    # 10-14 verbal and 15-20 material conflict
    for root, quad in roots.items():
        n = int(root)
        assert quad == (1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4), root
    # the kinds analysts need beyond CAMEO have no CAMEO code
    for kind in ("election", "court_verdict", "accident", "natural_disaster", "appointment"):
        assert types[kind] == (None, None)
    assert types["arrest"] == ("17", 4)
    assert types["resignation"] == ("08", 2)


def test_meeting_has_both_actors_place_and_publication_relative_date(nlp):
    [event] = _events(
        nlp, "France and Germany met in Berlin on Wednesday.", date(2024, 5, 3), "meeting"
    )
    assert _roles(event)["actor1"] == "France"
    assert _roles(event)["actor2"] == "Germany"
    assert event["place"] == "Berlin"
    assert (event["event_date"], event["date_precision"]) == (date(2024, 5, 1), "day")
    assert event["date_text"] == "on Wednesday"
    assert (event["cameo_root"], event["quad_class"]) == ("04", 1)


def test_capitals_and_demonyms_act_for_their_country(nlp):
    [event] = _events(nlp, "Moscow accused Washington of provocations.", kind="accusation")
    assert _roles(event) == {"actor1": "Russia", "actor2": "United States"}
    [incident] = _events(
        nlp, "Russian jets buzzed an American destroyer.", kind="military_incident"
    )
    assert _roles(incident)["actor1"] == "Russia"
    assert "United States" in incident["actor_names"]


def test_words_inside_quotes_do_not_trigger_events(nlp):
    events = _events(nlp, "“Troops attacked the town and annexed it,” Maria Ostrova said.")
    assert [e["event_type"] for e in events] == ["statement"]
    assert events[0]["actor_names"] == ["Maria Ostrova"]


def test_back_reference_to_a_meeting_is_not_a_new_meeting(nlp):
    events = _events(nlp, "After the meeting, Germany criticized France.")
    assert [e["event_type"] for e in events] == ["accusation"]


def test_statement_needs_a_named_speaker_and_counts_once_per_speaker(nlp):
    assert _events(nlp, "He said the talks had failed.", kind="statement") == []
    text = "Maria Ostrova said the talks failed. Maria Ostrova added that Spain was to blame."
    assert len(_events(nlp, text, kind="statement")) == 1


def test_negated_trigger_is_no_event(nlp):
    assert _events(nlp, "Germany has never suspended cooperation with France.") == []
    assert _events(nlp, "Germany did not attack France on Monday.", date(2024, 5, 3)) == []


def test_date_binds_to_its_own_clause(nlp):
    text = "France and Spain last met in June 2014, when France annexed Andorra."
    [meeting] = _events(nlp, text, kind="meeting")
    [annexation] = _events(nlp, text, kind="annexation")
    assert (meeting["event_date"], meeting["date_precision"]) == (date(2014, 6, 1), "month")
    assert annexation["event_date"] is None


def test_sentence_initial_date_dates_the_event(nlp):
    [event] = _events(
        nlp, "On 6 June 2016, Poland began a large military exercise.", kind="exercise"
    )
    assert event["event_date"] == date(2016, 6, 6)
    assert "Poland" in event["actor_names"]


def test_undated_article_keeps_relative_dates_null(nlp):
    [event] = _events(nlp, "Turkey shot down a Russian jet in November.", kind="attack")
    assert event["event_date"] is None
    assert event["date_text"] == "in November"
    assert _roles(event)["actor1"] == "Turkey"


@pytest.mark.parametrize("text", ["", "   ", "“", "said met annexed", "” stray “ marks ‘ met"])
def test_empty_and_malformed_text_give_no_events(nlp, text):
    assert _events(nlp, text) == []


def _mention(article, sentence, parts=None, *, kind="meeting", actors=("NATO", "Russia"), **extra):
    roles = ["actor1", "actor2", "other"][: len(actors)]
    return {
        "article_id": article,
        "sentence_index": sentence,
        "event_type": kind,
        "actor_names": list(actors),
        "actor_roles": roles,
        "date_parts": parts,
        "event_date": extra.pop("event_date", None),
        "places": extra.pop("places", []),
        "words": extra.pop("words", []),
        "horizon": extra.pop("horizon", None),
        **extra,
    }


def _keys(events):
    return [e["merge_key"] for e in events]


def test_partial_dates_from_several_reports_merge_into_one_dated_event():
    events = merge_events(
        [
            _mention("a", 0, {"month": 4, "day": 20}, horizon=date(2014, 6, 30)),
            _mention("b", 3, {"year": 2016, "month": 4}, horizon=date(2016, 7, 9)),
            _mention("c", 0, {"weekday": 2}, horizon=date(2014, 12, 31)),
            _mention("d", 2, {"year": 2022, "month": 1, "day": 12}, published=date(2022, 1, 12)),
        ]
    )
    a, b, c, d = events
    assert a["merge_key"] == b["merge_key"] == c["merge_key"] != d["merge_key"]
    assert (a["merged_date"], a["merged_precision"]) == (date(2016, 4, 20), "day")
    assert d["merged_date"] == date(2022, 1, 12)


def test_conflicting_dates_or_no_shared_actor_keep_events_apart():
    events = merge_events(
        [
            _mention("a", 0, {"year": 2016, "month": 4, "day": 20}),
            _mention("b", 0, {"year": 2022, "month": 1, "day": 12}),
            _mention("c", 0, {"year": 2016, "month": 4, "day": 20}, actors=("France", "Spain")),
        ]
    )
    assert len(set(_keys(events))) == 3


def test_unnamed_agents_are_shared_actors_within_an_article_only():
    day = {"year": 2016, "month": 4, "day": 20}
    agents = {"actors": ("officials",), "actor_labels": ["AGENT"]}
    events = merge_events(
        [
            _mention("a", 0, day, **agents),
            _mention("a", 4, day, **agents),
            _mention("b", 0, day, **agents),
            # a named actor still joins reports across articles
            _mention("c", 0, day, actors=("officials", "NATO"), actor_labels=["AGENT", "ORG"]),
            _mention("d", 2, day, actors=("NATO",), actor_labels=["ORG"]),
        ]
    )
    a1, a2, b, c, d = _keys(events)
    assert a1 == a2
    assert len({a1, b, c}) == 3
    assert c == d


def test_directed_events_with_swapped_actors_stay_apart():
    events = merge_events(
        [
            _mention("a", 1, kind="accusation", words=["blames", "risk", "conflict"]),
            _mention("b", 1, kind="accusation", words=["blames", "risk", "conflict"]),
            _mention(
                "c", 1, kind="accusation", actors=("Russia", "NATO"), words=["blames", "risk"]
            ),
        ]
    )
    first, second, swapped = _keys(events)
    assert first == second != swapped


def test_undated_mention_without_evidence_stays_alone():
    events = merge_events(
        [_mention("a", 0, {"year": 2016, "month": 4, "day": 20}), _mention("b", 5)]
    )
    assert len(set(_keys(events))) == 2
    assert events[1]["merged_date"] is None


def test_statement_after_the_meeting_takes_the_meetings_day():
    events = merge_events(
        [
            _mention(
                "a",
                0,
                {"year": 2016, "month": 4, "day": 20},
                event_date=date(2016, 4, 20),
                date_precision="day",
            ),
            _mention("a", 2, kind="statement", actors=("Jens Stoltenberg",), date_ref=True),
            _mention("b", 0, {"weekday": 2}, words=["met", "first", "time"]),
            _mention("b", 1, kind="statement", actors=("Jens Stoltenberg",), date_ref=True),
            _mention("c", 0, {"year": 2016, "month": 4, "day": 20}, words=["met", "first", "time"]),
        ]
    )
    assert events[1]["event_date"] == date(2016, 4, 20)
    assert events[1]["merged_date"] == date(2016, 4, 20)
    # article b dates its meeting only through other reports: its own mention stays undated
    assert events[3]["event_date"] is None
    assert events[3]["merged_date"] == date(2016, 4, 20)


def test_year_found_for_one_month_day_of_an_article_dates_its_others():
    events = merge_events(
        [
            _mention("a", 0, {"month": 4, "day": 20}),
            _mention("a", 0, {"month": 4, "day": 12}, kind="statement", actors=("NATO",)),
            _mention("b", 4, {"year": 2016, "month": 4}),
        ]
    )
    assert events[1]["merged_date"] == date(2016, 4, 12)
    assert events[1]["event_date"] is None


def test_bilateral_body_stands_for_its_two_members(nlp):
    [event] = _events(nlp, "The last NATO-Russia Council was held on July 5, 2019.", kind="meeting")
    assert _roles(event) == {"actor1": "NATO", "actor2": "Russia"}
    assert event["event_date"] == date(2019, 7, 5)


def test_anaphoric_council_takes_the_council_named_before(nlp):
    text = "The NATO-Russia Council was set up in 2002. In April 2016, the council convened again."
    [event] = _events(nlp, text, kind="meeting")
    assert set(event["actor_names"]) == {"NATO", "Russia"}
    assert (event["event_date"], event["date_precision"]) == (date(2016, 4, 1), "month")


def test_passive_puts_the_agent_first(nlp):
    [event] = _events(
        nlp, "A Polish plane was intercepted by Russian jets.", kind="military_incident"
    )
    assert _roles(event) == {"actor1": "Russia", "actor2": "Poland"}


def test_possessive_owner_stays_with_an_organisational_speaker(nlp):
    # the entity layer folds the owner into the ministry's canonical name
    [event] = _events(nlp, "Taiwan's Defence Ministry said it saw 45 aircraft.", kind="statement")
    assert _roles(event)["actor1"] == "Taiwanese Defense Ministry"


def test_object_after_a_comma_is_not_actor2(nlp):
    text = "China launched drills on Saturday, days after Germany protested."
    [event] = _events(nlp, text, kind="exercise")
    assert _roles(event)["actor1"] == "China"
    assert "actor2" not in event["actor_roles"]


def test_event_sql_merges_mentions_and_counts_outlets():
    tables = {t.name: t for t in declared_tables()}
    con = duckdb.connect(":memory:")
    con.execute("create schema work")
    body = "NATO and Russia met in Brussels."
    write_frame(
        con,
        "article",
        pl.DataFrame(
            {"article_id": ["a1", "a2", "a3"], "outlet": ["AFP", "AFP", None], "body": [body] * 3}
        ),
    )
    rows = [
        {
            "article_id": article,
            "event_type": "meeting",
            "cameo_root": "04",
            "quad_class": 1,
            "trigger": "met",
            "trigger_start": 15,
            "sentence_index": 0,
            "start_char": 0,
            "end_char": len(body),
            "actor_names": ["NATO", "Russia"],
            "actor_labels": ["ORG", "GPE"],
            "actor_roles": ["actor1", "actor2"],
            "place": "Brussels",
            "event_date": None,
            "date_precision": None,
            "date_text": None,
            "merge_key": key,
            "merged_date": date(2016, 4, 20) if key == "k1" else None,
            "merged_precision": "day" if key == "k1" else None,
        }
        for article, key in (("a1", "k1"), ("a2", "k1"), ("a3", "k1"), ("a3", "k2"))
    ]
    rows[-1]["sentence_index"] = 1
    write_frame(con, "raw_event_mention", pl.DataFrame(rows, schema=EVENT_SCHEMA))
    build_table(con, tables["event_mention"], "r1")
    build_table(con, tables["event"], "r1")
    mention = con.execute(
        "select actor1_name, actor2_name, actor1 = actors[1] from work.event_mention limit 1"
    ).fetchall()
    assert mention == [("NATO", "Russia", True)]
    events = con.execute(
        "select event_date, date_precision, article_count, source_count, actor1_name"
        " from work.event order by article_count desc"
    ).fetchall()
    con.close()
    assert events == [(date(2016, 4, 20), "day", 3, 2, "NATO"), (None, None, 1, 1, "NATO")]


def test_tense_is_read_per_clause(nlp):
    text = "France will meet Germany on Thursday, Maria Ostrova said on Monday."
    events = _events(nlp, text, date(2022, 1, 12))
    dated = {e["event_type"]: e["event_date"] for e in events}
    assert dated == {"meeting": date(2022, 1, 13), "statement": date(2022, 1, 10)}


def test_pronoun_speaker_is_read_through_the_name_resolver(nlp):
    text = "Prime Minister Nikol Pashinian spoke in Yerevan. He accused Baku of lying."
    [event] = _events(nlp, text, kind="accusation")
    assert _roles(event) == {"actor1": "Nikol Pashinian", "actor2": "Baku"}


def test_closing_attribution_of_a_reported_event_is_no_statement(nlp):
    text = "Floods killed ten people in Leyte, Governor Ana Reyes said."
    events = _events(nlp, text, date(2024, 5, 8))
    assert [e["event_type"] for e in events] == ["natural_disaster"]
    # announcing a planned event is a statement of its own
    text = "France and Germany will meet in Berlin on Friday, Maria Ostrova said."
    kinds = {e["event_type"] for e in _events(nlp, text, date(2024, 5, 8))}
    assert kinds == {"meeting", "statement"}


def test_agentless_arrest_is_made_by_the_authorities(nlp):
    [event] = _events(nlp, "Karl Brandt was arrested on Monday.", kind="arrest")
    assert _roles(event) == {"actor1": "authorities", "actor2": "Karl Brandt"}
    assert event["actor_labels"][0] == "AGENT"


def test_an_arrest_told_from_several_sides_is_one_event():
    def arrest(sentence, agent):
        return _mention(
            "a",
            sentence,
            kind="arrest",
            actors=(agent, "Karl Brandt"),
            told_once=True,
            implied_actor="authorities",
        )

    # "police" and the agentless passive's "authorities" agree; "riot police" is police
    same = merge_events([arrest(0, "police"), arrest(2, "authorities"), arrest(4, "riot police")])
    assert len(set(_keys(same))) == 1
    # a different named agent is a different arrest, and another article tells its own
    apart = merge_events(
        [arrest(0, "police"), arrest(2, "army"), {**arrest(0, "police"), "article_id": "b"}]
    )
    assert len(set(_keys(apart))) == 3


def test_the_killed_and_wounded_are_no_actors(nlp):
    text = "Russian forces shelled the town on Monday, killing five Ukrainian soldiers."
    for event in _events(nlp, text, kind="attack"):
        assert "Ukraine" not in event["actor_names"]
        assert _roles(event)["actor1"] == "Russia"


def test_speaker_is_the_name_an_apposition_describes(nlp):
    text = "Karl Brandt, the head of the Liberal Party, said the vote was rigged."
    [event] = _events(nlp, text, kind="statement")
    assert _roles(event) == {"actor1": "Karl Brandt"}
    [event] = _events(nlp, "Karl Brandt on Wednesday said the vote was rigged.", kind="statement")
    assert _roles(event) == {"actor1": "Karl Brandt"}


def test_the_purpose_of_an_act_is_part_of_it(nlp):
    text = "France summoned the German ambassador on Monday to protest the raid."
    assert [e["event_type"] for e in _events(nlp, text)] == ["summons"]


def test_the_charge_named_by_a_court_or_prosecutor_is_no_verbal_act(nlp):
    text = "Prosecutors charged Karl Brandt with threatening the judge."
    assert [e["event_type"] for e in _events(nlp, text)] == ["arrest"]
    text = "The court convicted Karl Brandt of accusing the president of fraud."
    assert [e["event_type"] for e in _events(nlp, text)] == ["court_verdict"]


def test_obligations_and_targets_met_are_no_meetings(nlp):
    assert _events(nlp, "France has to negotiate with Germany.", kind="meeting") == []
    assert _events(nlp, "France met the funding gap on Monday.", kind="meeting") == []


def test_participle_after_a_preposition_modifies_a_noun(nlp):
    assert _events(nlp, "The list of detained protesters grew on Monday.") == []


def test_a_named_seat_of_power_is_an_organisation_and_outlets_take_no_part(nlp):
    [event] = _events(nlp, "The Kremlin criticised Germany on Monday.", kind="accusation")
    assert _roles(event)["actor1"] == "Kremlin"
    [event] = _events(nlp, "Moscow criticised Germany on Monday.", kind="accusation")
    assert _roles(event)["actor1"] == "Russia"
    text = "France attacked Germany on Monday, Reuters reported."
    [event] = _events(nlp, text, kind="attack")
    assert "Reuters" not in event["actor_names"]


def test_issuing_a_statement_and_upholding_a_sentence_are_events(nlp):
    [event] = _events(nlp, "France issued a statement on Monday.", kind="statement")
    assert _roles(event) == {"actor1": "France"}
    assert _events(nlp, "The court upheld the sentence on Monday.", kind="court_verdict")
    assert _events(nlp, "The president dissolved parliament on Monday.", kind="dismissal")


def test_an_election_outcome_says_the_vote_took_place(nlp):
    text = "The Labour Party's election victory on Sunday surprised analysts."
    [event] = _events(nlp, text, kind="election")
    assert _roles(event)["actor1"] == "Labour Party"


def test_both_nations_are_the_two_named_before(nlp):
    text = "France and Germany met in Paris on Monday. The two nations signed a trade agreement."
    [event] = _events(nlp, text, kind="agreement")
    assert set(event["actor_names"]) == {"France", "Germany"}


def test_emergency_rule_rate_hold_and_tear_gas_shells_are_events(nlp):
    text = "Governor Anna Berg declared a state of emergency on Monday."
    assert [e["event_type"] for e in _events(nlp, text)] == ["coercion"]
    text = "Anna Berg declared that the vote was rigged."
    assert [e["event_type"] for e in _events(nlp, text)] == ["statement"]
    text = "The central bank kept its key interest rate at 2 percent on Thursday."
    assert [e["event_type"] for e in _events(nlp, text)] == ["economic_measure"]
    text = "Police fired tear gas canisters at the crowd on Sunday."
    assert [e["event_type"] for e in _events(nlp, text)] == ["crackdown"]


def test_a_clock_time_is_no_prime_minister(nlp):
    text = "Protesters marched through the city at 3 pm on Sunday."
    [event] = _events(nlp, text, kind="protest")
    assert "pm" not in event["actor_names"]


def test_an_article_tells_of_one_earthquake_but_of_floods_place_by_place(nlp):
    text = (
        "A powerful earthquake struck the region on Tuesday, killing 200 people. "
        "The quake destroyed hundreds of buildings, officials said."
    )
    [quake] = _events(nlp, text, date(2024, 5, 8), kind="natural_disaster")
    assert quake["event_date"] == date(2024, 5, 7)
    text = "Floods killed ten people in Leyte. Floods killed five people in Samar."
    assert len(_events(nlp, text, kind="natural_disaster")) == 2


def test_speaker_before_several_descriptions_and_place_inside_a_place(nlp):
    text = (
        "Karl Brandt, spokesman for the shipping association, representing the ports of "
        "Hamburg and Bremen, said no talks were planned."
    )
    [event] = _events(nlp, text, kind="statement")
    assert _roles(event) == {"actor1": "Karl Brandt"}
    text = "Police arrested four suspects in the Swabi district of Khyber Pakhtunkhwa on Monday."
    [event] = _events(nlp, text, kind="arrest")
    assert "Khyber Pakhtunkhwa" not in event["actor_names"]


def test_an_arrest_told_once_merges_whoever_is_named_arrested():
    def arrest(sentence, agent, arrested):
        return _mention(
            "a",
            sentence,
            kind="arrest",
            actors=(agent, arrested),
            told_once=True,
            implied_actor="authorities",
        )

    events = merge_events([arrest(0, "police", "Swabi"), arrest(1, "authorities", "terrorists")])
    assert len(set(_keys(events))) == 1


def test_a_definite_body_word_speaks_for_the_body_the_article_named(nlp):
    text = (
        "The Ruritanian Foreign Ministry summoned the envoy of Freedonia on Monday. "
        "The ministry said the envoy was told of its concern."
    )
    statements = _events(nlp, text, kind="statement")
    assert [e["actor_names"][0] for e in statements] == ["Ruritanian Foreign Ministry"]
    # with no ministry named before, "the ministry" is nobody the article can name
    assert _events(nlp, "The ministry said the envoy was told.", kind="statement") == []
    assert _events(nlp, "Officials said the envoy was told.", kind="statement") == []


def test_an_undated_article_dates_a_weekday_by_the_full_date_it_states_for_that_day(nlp):
    # June 5, 2013 was a Wednesday; the article has no publication date
    text = (
        "Rescuers search the rubble in Lyon on June 5, 2013. "
        "Germany and France held talks on Wednesday."
    )
    (meeting,) = _events(nlp, text, kind="meeting")
    assert meeting["event_date"] == date(2013, 6, 5)
    # a weekday no stated date falls on stays null
    (meeting,) = _events(nlp, text.replace("Wednesday", "Friday"), kind="meeting")
    assert meeting["event_date"] is None


def test_a_state_protesting_is_no_demonstration_and_a_street_is_no_demonstrator(nlp):
    assert _events(nlp, "Germany protests against the actions of France.", kind="protest") == []
    text = "Hundreds of farmers marched along Main Street on Monday."
    for event in _events(nlp, text, date(2024, 5, 8), kind="protest"):
        assert "Main Street" not in [
            n
            for n, r in zip(event["actor_names"], event["actor_roles"], strict=True)
            if r == "actor1"
        ]


def test_two_speakers_joined_by_while_make_two_statements(nlp):
    text = "Maria Ostrova told reporters the talks went well while Karl Brenner said they failed."
    speakers = [e["actor_names"][0] for e in _events(nlp, text, kind="statement")]
    assert speakers == ["Maria Ostrova", "Karl Brenner"]
    # a speaker's second verb in one sentence is the same statement
    text = "Maria Ostrova told reporters the talks went well and said they would resume."
    assert len(_events(nlp, text, kind="statement")) == 1


def test_a_refused_meeting_is_no_meeting(nlp):
    assert _events(nlp, "Germany refused to meet with France on Monday.", kind="meeting") == []
    text = "Critics faulted Germany for its refusal to meet with France."
    assert _events(nlp, text, kind="meeting") == []


def test_a_courts_fine_is_part_of_its_sentence_not_a_sanction(nlp):
    text = (
        "The Supreme Court sentenced Karl Brenner to two years in prison and imposed a fine "
        "of 5,000 euros."
    )
    kinds = {e["event_type"] for e in _events(nlp, text)}
    assert "court_verdict" in kinds
    assert "sanction" not in {conventions_types()[k] for k in kinds}


def test_export_controls_and_a_tariff_hike_taking_effect_are_trade_measures(nlp):
    text = "The Commerce Department imposed new export controls on Russia."
    assert _events(nlp, text, kind="economic_measure")
    text = "A United States tariff hike on Chinese goods took effect on Friday."
    assert _events(nlp, text, date(2018, 7, 6), kind="economic_measure")
    # a tariff named without its occurrence is a topic, not an event
    assert _events(nlp, "Analysts discussed the tariff hike.", kind="economic_measure") == []


def test_a_date_word_after_the_object_keeps_the_object_its_head(nlp):
    text = "President Karl Brenner dismissed the two outgoing ministers yesterday."
    kinds = [e["event_type"] for e in _events(nlp, text, date(2024, 5, 8))]
    assert kinds == ["dismissal"]


def test_claiming_lives_and_a_plural_noun_after_a_name_are_no_statements(nlp):
    text = "A fire broke out in Lyon on Monday, claiming the lives of two firefighters."
    assert _events(nlp, text, date(2024, 5, 8), kind="statement") == []
    text = "Smoke from the blaze was visible in nearby US states."
    assert _events(nlp, text, kind="statement") == []
    # a name before a verb with a complement still speaks
    text = "Karl Brenner states that the talks failed."
    assert _events(nlp, text, kind="statement")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Rescue workers pulled nine people from the rubble on Tuesday.", "rescue workers"),
        ("Firefighters battle strong winds near the town.", "firefighters"),
        ("The navy was called in for rescue efforts in the delta.", "navy"),
    ],
)
def test_rescue_and_relief_operations_are_aid_events_with_their_agents(nlp, text, actor):
    [event] = _events(nlp, text, date(2030, 3, 7), "aid")
    assert actor in [name.lower() for name in event["actor_names"]]
    assert conventions_types()["aid"] == "other"


def test_rescue_subjects_need_their_verbs(nlp):
    # a rise or fall is a market move only with a market word; a rescuer's "fall" is none
    assert not _events(nlp, "The rescue workers said the wall might fall.", None, "aid")
    # the rescued are no actors of a rescue
    rescued = _events(nlp, "Twelve passengers were rescued after the ferry capsized.", None, "aid")
    assert not [e for e in rescued if "passengers" in e["actor_names"]]


def test_first_mention_of_a_disaster_by_reference_is_the_disaster(nlp):
    text = "The toll from the worst floods in decades rose above 200 dead in the province."
    [event] = _events(nlp, text, None, "natural_disaster")
    assert event["trigger"] == "floods"
    # once the article has told of the floods, "the floods" refers back to them
    told = "Floods killed 30 people in the province. The toll from the floods rose to 40 dead."
    assert len(_events(nlp, told, None, "natural_disaster")) == 1


def test_an_outcome_tells_that_an_election_took_place(nlp):
    text = "Miriam Osterlund won the Vallby seat in the parliamentary election."
    [event] = _events(nlp, text, None, "election")
    assert "Miriam Osterlund" in event["actor_names"]
    # a count of votes alone is no outcome
    assert not _events(nlp, "Osterlund said the votes were counted slowly.", None, "election")


def test_conceding_and_claiming_victory_are_statements(nlp):
    [event] = _events(nlp, "Miriam Osterlund conceded defeat late on Sunday.", None, "statement")
    assert event["actor_names"][0] == "Miriam Osterlund"
    [event] = _events(nlp, "Tomas Vinter claimed victory in the runoff.", None, "statement")
    assert event["actor_names"][0] == "Tomas Vinter"


def test_a_veto_is_a_legislative_act_not_a_statement(nlp):
    events = _events(nlp, "France vetoed the draft resolution at the council.", None)
    assert [e["event_type"] for e in events] == ["legislative_vote"]
    assert conventions_types()["legislative_vote"] == "other"


def test_raiding_homes_or_offices_is_a_search_while_a_hideout_raid_is_an_attack(nlp):
    [event] = _events(nlp, "Police raided the offices of Vantoria Bank on Monday.", None)
    assert event["event_type"] == "coercion"
    assert conventions_types()["coercion"] == "other"
    [event] = _events(nlp, "Police raided the militants' hideout near the river.", None)
    assert event["event_type"] == "attack"


def test_a_later_types_verb_keeps_an_earlier_types_object_patterns(nlp):
    # "overturn" is an accident's verb and a ruling's verb + object ("overturned the verdict")
    [event] = _events(nlp, "The appeals court overturned the verdict on Monday.", None)
    assert event["event_type"] == "court_verdict"
    [event] = _events(nlp, "A bus overturned on a mountain road, killing 12 people.", None)
    assert event["event_type"] == "accident"


def test_workers_striking_is_a_strike_with_the_workers_as_actors(nlp):
    [event] = _events(nlp, "About 9,000 dockworkers struck 14 ports on Monday.", None)
    assert event["event_type"] == "strike_or_boycott"
    assert event["actor_names"] == ["dockworkers"]
    # a storm that could strike the coast is no strike
    assert not _events(
        nlp, "Forecasters said the storm could strike the coast.", None, "strike_or_boycott"
    )


def test_speaking_by_phone_is_a_phone_call_between_both_leaders(nlp):
    text = "Premier Ana Ruvalo and President Ivo Marek spoke by phone about trade on Tuesday."
    [event] = _events(nlp, text, date(2031, 5, 9), "phone_call")
    assert {"Ana Ruvalo", "Ivo Marek"} <= set(event["actor_names"])
    assert event["event_date"] == date(2031, 5, 6)


def test_placing_sanctions_and_sanctioning_are_sanctions(nlp):
    for text in (
        "The Treasury Department placed sanctions on 14 people on Friday.",
        "Canada sanctioned the shipping firm for breaking the embargo.",
    ):
        assert _events(nlp, text, None, "sanctions"), text


# --- counted groups ("the two ministers") and relative clauses ("which struck on Tuesday") ---


def _names(event):
    return set(event["actor_names"])


def test_counted_group_stands_for_the_people_named_before(nlp):
    text = "Juan Perez met Carlos Ruiz in Lima. The two ministers agreed to work closely on trade."
    [deal] = _events(nlp, text, kind="agreement")
    assert _roles(deal)["actor1"] == "Juan Perez"
    assert _roles(deal)["actor2"] == "Carlos Ruiz"
    assert "ministers" not in _names(deal)


def test_counted_group_takes_as_many_names_as_it_counts(nlp):
    text = (
        "President Ana Lopez hosted Prime Minister Omar Haddad and Chancellor Ingrid Berg. "
        "The three leaders agreed to take concrete steps on vaccines."
    )
    [deal] = _events(nlp, text, kind="agreement")
    assert _names(deal) == {"Ana Lopez", "Omar Haddad", "Ingrid Berg"}


def test_counted_group_of_states_takes_countries_not_people(nlp):
    text = "Juan Perez of Kenya met officials from Peru. The two countries signed a trade deal."
    [deal] = _events(nlp, text, kind="agreement")
    assert {"Kenya", "Peru"} <= _names(deal)
    assert "Juan Perez" not in _names(deal)


def test_counted_group_in_reported_speech_and_future(nlp):
    text = (
        "Juan Perez met Carlos Ruiz. Officials said the two ministers agreed to cooperate. "
        "The two leaders will meet again in Lima."
    )
    [deal] = _events(nlp, text, kind="agreement")
    assert {"Juan Perez", "Carlos Ruiz"} <= _names(deal)
    planned = [e for e in _events(nlp, text, kind="meeting") if e["future"]]
    assert planned and {"Juan Perez", "Carlos Ruiz"} <= _names(planned[0])


def test_counted_group_without_enough_names_or_negated_stands_for_no_one(nlp):
    [deal] = _events(nlp, "The two ministers agreed to work closely on trade.", kind="agreement")
    assert _names(deal) == {"ministers"}
    assert not _events(
        nlp, "Juan Perez met Carlos Ruiz. The two ministers did not agree.", kind="agreement"
    )
    # a passive's victims are no counted group of actors: "two protesters" has no "the"
    [arrest] = _events(
        nlp, "Juan Perez met Carlos Ruiz. Two protesters were arrested by police.", kind="arrest"
    )
    assert _roles(arrest)["actor1"] == "police"


def test_counted_group_acts_only_as_the_nearest_subject(nlp):
    text = (
        "Juan Perez met Carlos Ruiz. Fears the two sides could clash have grown since "
        "Peru started a bombing campaign in Chile."
    )
    [campaign] = _events(nlp, text, kind="attack")
    assert _roles(campaign)["actor1"] == "Peru"
    assert "Juan Perez" not in _names(campaign)


def test_relative_clause_dates_its_noun(nlp):
    text = "The quake, which struck on Tuesday, killed 20 people in Peru."
    [quake] = _events(nlp, text, date(2017, 5, 24), "natural_disaster")
    assert quake["event_date"] == date(2017, 5, 23)
    # a verb's object with a relative clause is not the event: the raid stays undated
    [raid] = _events(nlp, "Police raided the office, which reopened on Monday.", date(2017, 5, 24))
    assert raid["event_date"] is None
    # a date far into a long relative clause tells of that clause, not of the noun
    text = "The summit, which had been planned for years by many officials, was held on Monday."
    assert all(
        e["event_date"] in (None, date(2017, 5, 22))
        for e in _events(nlp, text, date(2017, 5, 24), "meeting")
    )


def test_definite_organisation_head_speaks_for_the_named_body(nlp):
    text = "The Reserve Bank of Ruritania cut rates. The bank said growth would recover."
    said = _events(nlp, text, kind="statement")
    assert said and said[0]["actor_names"][0] == "Reserve Bank of Ruritania"


@pytest.mark.parametrize(
    "text",
    [
        # no bank named before: an unnamed source, no statement
        "The bank said growth would recover.",
        # indefinite: not the body named before
        "The Reserve Bank of Ruritania cut rates. A bank said growth would recover.",
        # a word that heads no organisation name
        "The Reserve Bank of Ruritania cut rates. The river said nothing.",
    ],
)
def test_definite_head_needs_a_named_body_and_an_organisation_head(nlp, text):
    assert not _events(nlp, text, kind="statement")
