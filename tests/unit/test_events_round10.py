"""Round 10 of issue 14: definite agents read as the body the article names, plural -ing
nouns, rescue deployments and trade bans (invented text)."""

from datetime import date

import pytest

from newsgate.nlp.event_lexicon import lexicon, token_lemma
from newsgate.nlp.event_merge import merge_events
from newsgate.nlp.pipeline import make_doc


def _events(nlp, text, published=None, kind=None):
    doc = nlp(make_doc(nlp, text, published))
    return [e for e in doc._.events if kind is None or e["event_type"] == kind]


# --- "the bank", "the authority": the body of that head word the article names --------------


def test_a_definite_agent_is_the_body_named_before_it(nlp):
    text = (
        "The Varnia Monetary Authority fined Tolk Bank on Monday. "
        "Later the authority imposed a second fine on Tolk Bank."
    )
    fines = _events(nlp, text, kind="administrative_sanction")
    assert fines
    assert all("Varnia Monetary Authority" in e["actor_names"] for e in fines)
    assert not any("authority" in e["actor_names"] for e in fines)


def test_a_definite_agent_named_only_later_is_the_one_body_of_that_head(nlp):
    text = "The central bank raised the interest rate. Governor Ana Reyes of Tolk Bank spoke."
    [measure] = _events(nlp, text, kind="economic_measure")
    assert measure["actor_names"][0] == "Tolk Bank"


def test_an_agent_with_two_candidate_bodies_or_none_stays_unnamed(nlp):
    two = "The central bank raised the interest rate. Tolk Bank and Varn Bank disagreed."
    [measure] = _events(nlp, two, kind="economic_measure")
    assert measure["actor_names"][0] == "central bank"
    none = "The central bank raised the interest rate."
    [measure] = _events(nlp, none, kind="economic_measure")
    assert measure["actor_names"][0] == "central bank"


def test_an_indefinite_agent_is_not_resolved(nlp):
    text = "Tolk Bank opened a branch. A bank raised the interest rate."
    measures = _events(nlp, text, kind="economic_measure")
    assert all("Tolk Bank" not in e["actor_names"] for e in measures)


# --- plural -ing nouns are read as their singular --------------------------------------------


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("bombings", "bombing"), ("meetings", "meeting"), ("rulings", "ruling")],
)
def test_a_plural_ing_noun_takes_its_singulars_lemma(nlp, plural, singular):
    doc = nlp(make_doc(nlp, f"There were {plural} and a {singular}.", None))
    lemmas = {t.text: token_lemma(t) for t in doc}
    assert lemmas[plural] == lemmas[singular]


def test_plural_meetings_are_a_meeting(nlp):
    [meeting] = _events(nlp, "France and Chile held meetings in Lima.", kind="meeting")
    assert set(meeting["actor_names"]) >= {"France", "Chile"}


def test_a_noun_before_a_preposition_is_the_head_of_its_phrase(nlp):
    # "bombing in": "in" is no noun the -ing word could modify
    events = _events(nlp, "Militants carried out a bombing in the city.")
    assert [e["event_type"] for e in events] == ["assault"]
    assert events[0]["actor_names"] == ["militants"]


def test_an_ing_word_before_a_noun_still_modifies_it(nlp):
    assert not _events(nlp, "The ruling coalition met nobody.", kind="court_verdict")


# --- rescuers deployed are aid, troops deployed a deployment ---------------------------------


def test_rescue_teams_sent_or_deployed_are_aid(nlp):
    [aid] = _events(nlp, "Peru sent a rescue team to Chile.", kind="aid")
    assert aid["actor_names"][0] == "Peru"
    assert _events(nlp, "Peru deployed rescue workers to the coast.", kind="aid")
    assert not _events(nlp, "Peru deployed rescue workers to the coast.", kind="deployment")


def test_troops_deployed_stay_a_deployment(nlp):
    assert _events(nlp, "Peru deployed troops to the border.", kind="deployment")
    assert not _events(nlp, "Peru deployed troops to the border.", kind="aid")


# --- a ban on imports or exports is a trade measure ------------------------------------------


def test_a_ban_on_imports_is_an_economic_measure(nlp):
    text = "The Varnian government banned the import of used cars."
    [measure] = _events(nlp, text, kind="economic_measure")
    assert measure["trigger"] == "banned"
    assert not _events(nlp, text, kind="administrative_sanction")


def test_a_prohibited_export_is_an_economic_measure_and_a_negated_one_none(nlp):
    assert _events(nlp, "Peru prohibited the export of rice.", kind="economic_measure")
    assert not _events(nlp, "Peru has not prohibited the export of rice.")


def test_the_lexicons_occurrence_words_include_occur_and_happen():
    assert {"occur", "happen"} <= set(lexicon().occurrence)


@pytest.mark.parametrize("text", ["", "the", "the bank", "bombings", "deployed rescue", "“ban”"])
def test_empty_and_malformed_text_give_no_events(nlp, text):
    assert _events(nlp, text) == []


# --- "the ministers" after a meeting are its participants, and act at it ----------------------

_TALKS = (
    "Foreign Minister Ana Reyes met her Peruvian counterpart Luis Mora in Lima on Monday. "
    "The ministers signed a fishing accord."
)


def test_a_definite_plural_of_participants_is_the_last_meetings_actors(nlp):
    [agreed] = _events(nlp, _TALKS, date(2024, 5, 8), "agreement")
    assert {"Ana Reyes", "Luis Mora"} <= set(agreed["actor_names"])
    assert agreed["date_ref"]


def _mention(sentence, kind, day=None, **extra):
    return {
        "article_id": "a",
        "sentence_index": sentence,
        "event_type": kind,
        "actor_names": ["Reyes", "Mora"],
        "actor_roles": ["actor1", "actor2"],
        "date_parts": {"year": day.year, "month": day.month, "day": day.day} if day else None,
        "event_date": day,
        "date_precision": "day" if day else None,
        "places": [],
        "words": [],
        "horizon": None,
        **extra,
    }


def test_an_agreement_at_the_meeting_takes_the_meetings_day():
    meeting = _mention(0, "meeting", date(2024, 5, 6))
    agreed = _mention(1, "agreement", date_ref=True)
    merge_events([meeting, agreed])
    assert agreed["event_date"] == date(2024, 5, 6)
    unmarked = _mention(1, "agreement")
    merge_events([_mention(0, "meeting", date(2024, 5, 6)), unmarked])
    assert unmarked["event_date"] is None


def test_a_future_act_of_the_participants_is_not_dated_by_the_meeting(nlp):
    text = _TALKS.replace("signed a fishing accord", "will sign a fishing accord")
    [agreed] = _events(nlp, text, date(2024, 5, 8), "agreement")
    assert not agreed["date_ref"]


def test_a_definite_plural_with_no_meeting_before_stays_unnamed(nlp):
    [agreed] = _events(nlp, "The ministers signed a fishing accord.", kind="agreement")
    assert agreed["actor_names"] == ["ministers"]
    assert not agreed["date_ref"]


def test_the_meetings_parties_named_again_are_not_dated_by_it(nlp):
    text = (
        "France and Chile held talks in Lima on Monday. "
        "France and Chile also signed a fishing treaty."
    )
    agreements = _events(nlp, text, date(2024, 5, 8), "agreement")
    assert agreements
    assert not any(e["date_ref"] for e in agreements)
