"""Round 7: the speaker ranker's candidates, features and loader, and the council and Irish
police titles, on invented sentences (each with a case where a rule must not fire)."""

import json
import math

import pytest

from newsgate.errors import ConfigError
from newsgate.nlp import speaker_model
from newsgate.nlp.pipeline import make_doc
from newsgate.nlp.quotes import speaker_candidates


def _doc(nlp, text, quotes=True):
    # candidates are read with the quotation component off, so the rules attribute each
    # quotation once (as the build script does)
    if quotes:
        return nlp(make_doc(nlp, text, None))
    with nlp.select_pipes(disable=["newsgate_quotes", "newsgate_events"]):
        return nlp(make_doc(nlp, text, None))


def _persons(nlp, text):
    return {e.kb_id_ or e.text for e in _doc(nlp, text).ents if e.label_ == "PERSON"}


def _speakers(nlp, text):
    return {q["text"]: q["speaker_name"] for q in _doc(nlp, text)._.quotes}


def _candidates(nlp, text):
    return speaker_candidates(_doc(nlp, text, quotes=False))


# --- candidates and features ------------------------------------------------------------------


def test_candidates_are_the_persons_named_around_a_quotation(nlp):
    text = (
        "Mayor Ana Ruiz met Tomas Okafor on Monday.\n\n"
        "“The bridge will reopen in May,” Ruiz said after the meeting."
    )
    [(quote, candidates)] = _candidates(nlp, text)
    assert quote["speaker_name"] == "Ana Ruiz"
    assert set(candidates) == {"Ana Ruiz", "Tomas Okafor"}
    ruiz, okafor = candidates["Ana Ruiz"], candidates["Tomas Okafor"]
    assert list(ruiz) == list(speaker_model.FEATURES)
    assert ruiz["rule_pick"] == 1.0 and okafor["rule_pick"] == 0.0
    assert ruiz["rule_cue_named"] == 1.0
    assert ruiz["verb_after_name"] == 1.0 and ruiz["same_sentence"] == 1.0
    assert okafor["after_preposition"] == 0.0 and okafor["previous_sentence"] == 1.0


def test_a_name_inside_a_quotation_is_marked_as_quoted(nlp):
    text = "Lena Brandt spoke at noon. “I trust Tomas Okafor completely,” she said."
    [(quote, candidates)] = _candidates(nlp, text)
    assert quote["speaker_name"] == "Lena Brandt"
    assert candidates["Tomas Okafor"]["inside_quote"] == 1.0
    assert candidates["Lena Brandt"]["inside_quote"] == 0.0
    assert candidates["Lena Brandt"]["quote_first_person"] == 1.0


def test_a_quotation_without_persons_around_has_no_candidates(nlp):
    text = "The ministry called the report “unfounded” on Tuesday."
    [(quote, candidates)] = _candidates(nlp, text)
    assert quote["speaker_name"] is None
    assert candidates == {}


def test_features_name_every_candidate_of_every_quotation(nlp):
    text = (
        "“We will rebuild,” said Ana Ruiz, the port director.\n\n"
        "“It will take a year,” she added, as Tomas Okafor looked on."
    )
    found = _candidates(nlp, text)
    assert [q["speaker_name"] for q, _ in found] == ["Ana Ruiz", "Ana Ruiz"]
    for _, candidates in found:
        for features in candidates.values():
            assert set(features) == set(speaker_model.FEATURES)
            assert all(isinstance(v, float) and math.isfinite(v) for v in features.values())
    assert found[1][1]["Ana Ruiz"]["previous_speaker"] == 1.0


def test_candidates_leave_the_published_speakers_unchanged(nlp):
    text = "“Prices will fall,” said Lena Brandt. “Not soon,” Tomas Okafor replied."
    assert _speakers(nlp, text) == {
        "Prices will fall,": "Lena Brandt",
        "Not soon,": "Tomas Okafor",
    }
    assert [q["speaker_name"] for q, _ in _candidates(nlp, text)] == [
        "Lena Brandt",
        "Tomas Okafor",
    ]


# --- the model file ---------------------------------------------------------------------------


def _write(tmp_path, data):
    path = tmp_path / "speaker_model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_model_file_loads_and_ranks(tmp_path):
    weights = dict.fromkeys(speaker_model.FEATURES, 0.0) | {"rule_pick": 3.0, "bias": -1.0}
    model = speaker_model.load_model(_write(tmp_path, {"threshold": 0.5, "weights": weights}))
    picked = dict.fromkeys(speaker_model.FEATURES, 0.0) | {"bias": 1.0, "rule_pick": 1.0}
    other = dict.fromkeys(speaker_model.FEATURES, 0.0) | {"bias": 1.0}
    assert speaker_model.score(picked, model) > 0.5 > speaker_model.score(other, model)
    assert speaker_model.rank({"A": other, "B": picked}, model)[0] == "B"
    assert speaker_model.rank({}, model) is None


def test_a_missing_model_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="speaker model"):
        speaker_model.load_model(tmp_path / "absent.json")


@pytest.mark.parametrize(
    "data",
    [
        "not json",
        {"threshold": 0.5},
        {"threshold": 0.5, "weights": {"bias": 1.0}},
        {"threshold": "high", "weights": dict.fromkeys(speaker_model.FEATURES, 0.0)},
    ],
)
def test_a_malformed_model_file_is_a_config_error(tmp_path, data):
    path = tmp_path / "speaker_model.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        speaker_model.load_model(path)
    assert err.value.code == "NG001"


# --- council and Irish police titles ----------------------------------------------------------


def test_council_abbreviation_is_a_title_not_part_of_the_name(nlp):
    text = "Councillor Ann Porter spoke first. Cr Porter said the rise was “tiny”."
    assert "Cr Porter" not in _persons(nlp, text)
    assert _speakers(nlp, text) == {"tiny": "Ann Porter"}


def test_cllr_is_a_title(nlp):
    assert _persons(nlp, "Cllr Mary Byrne said the plan was unfair.") == {"Mary Byrne"}


def test_garda_rank_is_a_title(nlp):
    text = "Garda Liam Doyle told the court the man “made no reply”."
    assert _persons(nlp, text) == {"Liam Doyle"}
    assert _speakers(nlp, text) == {"made no reply": "Liam Doyle"}


def test_garda_spokesman_stays_unnamed(nlp):
    text = "A Garda spokesman said “no comment” when asked."
    assert _persons(nlp, text) == set()
    assert _speakers(nlp, text) == {"no comment": None}
