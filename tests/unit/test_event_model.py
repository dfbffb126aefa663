"""The event candidates (rules' events plus the ones a rule drops) and the selection model."""

import json

import pytest

from newsgate.errors import EventModelError
from newsgate.nlp.event_model import (
    CANDIDATE_KEYS,
    FEATURES,
    EventModel,
    candidate_features,
    load_model,
    score,
    select_events,
)
from newsgate.nlp.events import find_candidates, find_events
from newsgate.nlp.pipeline import make_doc


def _doc(nlp, text):
    return nlp(make_doc(nlp, text, None))


def test_rules_events_are_the_candidates_no_rule_drops(nlp):
    doc = _doc(nlp, "Police arrested the mayor of Springfield. Police did not arrest the governor.")
    candidates = find_candidates(doc)
    events = find_events(doc)
    kept = [c for c in candidates if not c["dropped"]]
    assert [e["trigger"] for e in events] == [c["trigger"] for c in kept]
    assert not any(key in e for e in events for key in CANDIDATE_KEYS)
    # the negated arrest is a candidate only, named by the rule that drops it
    assert any(c["dropped"] == "negated" and c["sentence_index"] == 1 for c in candidates)


def test_narrow_candidates_are_the_rules_events(nlp):
    doc = _doc(
        nlp, "The rebels did not attack the town. Rebels attacked the border post on Monday."
    )
    narrow = find_candidates(doc, wide=False)
    assert all(not c["dropped"] for c in narrow)
    assert [c["trigger"] for c in narrow] == [e["trigger"] for e in find_events(doc)]


def test_a_cameo_verb_coded_only_by_its_objects_is_a_wide_candidate(nlp):
    # CAMEO codes "expel" by its object; on its own it is a candidate the rules drop
    doc = _doc(nlp, "France expelled two Russian citizens on Monday.")
    alone = [c for c in find_candidates(doc) if c["dropped"] == "cameo_alone"]
    assert alone and alone[0]["trigger"].lower().startswith("expel")
    assert not [e for e in find_events(doc) if e["trigger"].lower().startswith("expel")]


def _event(**kw):
    base = {
        "event_type": "meeting",
        "sentence_index": 0,
        "actor_names": ["Ruritania", "Borduria"],
        "actor_labels": ["GPE", "GPE"],
        "actor_roles": ["actor1", "actor2"],
        "event_date": None,
        "date_precision": None,
        "date_text": None,
        "trigger": "met",
        "quad_class": 1,
        "published": None,
        "dropped": "",
        "sentences": 5,
    }
    return {**base, **kw}


def test_features_describe_shape_and_position_not_words():
    rows = candidate_features(
        [
            _event(),
            _event(event_type="statement", sentence_index=4, trigger="said", dropped="negated"),
        ]
    )
    assert set(rows[0]) == set(FEATURES)
    assert rows[0]["headline"] == 1.0 and rows[0]["family_meeting"] == 1.0
    assert rows[0]["two_parties"] == 1.0 and rows[0]["past_form"] == 1.0
    assert rows[1]["family_statement"] == 1.0 and rows[1]["dropped_negated"] == 1.0
    assert rows[1]["late"] == 1.0 and rows[1]["actor_in_headline"] == 1.0
    assert rows[1]["past_form"] == 1.0 and rows[0]["future"] == 0.0


def test_selection_keeps_what_scores_at_the_threshold_and_strips_candidate_keys():
    weights = {name: 0.0 for name in FEATURES}
    weights["bias"] = 2.0
    weights["dropped_negated"] = -10.0
    model = EventModel(weights=weights, threshold=0.5)
    kept = select_events([_event(), _event(trigger="meet", dropped="negated")], model)
    assert [e["trigger"] for e in kept] == ["met"]
    assert not set(CANDIDATE_KEYS) & set(kept[0])
    assert score({"bias": 1.0}, model) == pytest.approx(1 / (1 + 2.718281828**-2), rel=1e-6)


def test_packaged_model_loads_with_known_features():
    model = load_model()
    assert set(model.weights) <= set(FEATURES)
    assert 0.0 <= model.threshold <= 1.0


def test_missing_or_malformed_model_file_is_a_typed_error(tmp_path):
    with pytest.raises(EventModelError, match="not found"):
        load_model(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(EventModelError, match="malformed"):
        load_model(bad)
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"weights": {"a_page_word": 1.0}, "threshold": 0.5}))
    with pytest.raises(EventModelError, match="unknown features"):
        load_model(odd)
    far = tmp_path / "far.json"
    far.write_text(json.dumps({"weights": {"bias": 1.0}, "threshold": 3}))
    with pytest.raises(EventModelError, match="probability"):
        load_model(far)
    assert EventModelError.code == "NG058"
