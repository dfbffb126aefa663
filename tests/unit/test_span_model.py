"""The span model: free capitalised runs, their features and the learned ORG/place decision."""

import json

import pytest
import spacy
from spacy.tokens import Span

from newsgate.errors import SpanModelError
from newsgate.nlp.names import span_model
from newsgate.nlp.names.span_model import (
    FEATURES,
    SpanModel,
    free_runs,
    learned_spans,
    load_model,
    run_features,
)


@pytest.fixture(scope="module")
def nlp():
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


def _runs(doc, taken=frozenset()):
    return [doc[s:e].text for s, e in free_runs(doc, set(taken))]


def test_free_runs_join_name_words_and_skip_function_words(nlp):
    doc = nlp("The crews of Velmora Harbour Authority reached the Line of Control on Monday.")
    assert _runs(doc) == ["Velmora Harbour Authority", "Line of Control", "Monday"]


def test_free_runs_leave_claimed_tokens_out(nlp):
    doc = nlp("Talks in Quellmora and Dastavan ended.")
    assert _runs(doc, taken={2}) == ["Talks", "Dastavan"]


def test_features_read_the_context_of_every_mention(nlp):
    doc = nlp(
        "Workers at Zorbitex walked out. Zorbitex said wages were cut. Aid reached Quellmora."
    )
    feats = {key: f for key, (_, f) in run_features(doc, free_runs(doc, set()), []).items()}
    assert feats["Zorbitex"]["before_reporting_verb"] == 1.0
    assert feats["Zorbitex"]["mentions_2_plus"] == 1.0
    assert feats["Zorbitex"]["unknown_word"] == 1.0
    assert feats["Quellmora"]["after_place_preposition"] == 0.0  # "reached" is no preposition
    assert feats["Workers"]["all_sentence_start"] == 1.0
    assert feats["Workers"]["unknown_word"] == 0.0


def test_features_see_coordination_with_known_places(nlp):
    doc = nlp("Floods hit Perlavo and Quellmora on Monday.")
    ents = [Span(doc, 2, 3, label="GPE")]
    feats = {key: f for key, (_, f) in run_features(doc, free_runs(doc, {2}), ents).items()}
    assert feats["Quellmora"]["coordinated_place"] == 1.0
    assert feats["Monday"]["time_word"] == 1.0


def _model(threshold=0.5):
    return SpanModel(
        org={"bias": -4.0, "before_reporting_verb": 6.0},
        place={"bias": -4.0, "after_place_preposition": 6.0, "time_word": -10.0},
        threshold=threshold,
    )


def test_learned_spans_label_by_the_stronger_model(nlp):
    doc = nlp("Zorbitex said the plant in Quellmora would close on Monday.")
    spans = {(s.text, s.label_) for s in learned_spans(doc, [], _model())}
    assert spans == {("Zorbitex", "ORG"), ("Quellmora", "GPE")}


def test_learned_spans_must_not_fire_below_the_threshold(nlp):
    doc = nlp("Zorbitex said the plant in Quellmora would close on Monday.")
    assert learned_spans(doc, [], _model(threshold=0.999)) == []


def test_learned_spans_off_when_disabled(nlp):
    doc = nlp("Zorbitex said the plant would close.")
    span_model.set_enabled(False)
    try:
        assert learned_spans(doc, [], _model()) == []
    finally:
        span_model.set_enabled(True)


def test_shipped_model_loads_with_known_features():
    model = load_model()
    assert set(model.org) <= set(FEATURES) and set(model.place) <= set(FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_missing_or_malformed_model_is_a_typed_error(tmp_path):
    with pytest.raises(SpanModelError):
        load_model.__wrapped__(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SpanModelError):
        load_model.__wrapped__(bad)
    unknown = tmp_path / "unknown.json"
    unknown.write_text(
        json.dumps({"org_weights": {"shoe_size": 1}, "place_weights": {}, "threshold": 0.5}),
        encoding="utf-8",
    )
    with pytest.raises(SpanModelError, match="unknown features"):
        load_model.__wrapped__(unknown)


def test_caption_lines_are_left_to_the_rules(nlp):
    doc = nlp(span_model.caption_doc(nlp, "Zorbitex said the plant in Quellmora would close."))
    assert learned_spans(doc, [], _model()) == []
