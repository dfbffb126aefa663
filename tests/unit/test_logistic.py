"""The shared logistic model of the shipped models: its score, its fit and its file."""

import json
import math

import numpy as np
import pytest

from newsgate.errors import LineModelError
from newsgate.logistic import fit_weights, probability, read_model_file


def test_no_features_score_one_half():
    assert probability({"a": 3.0}, {}) == 0.5


def test_weighted_sum_through_the_logistic():
    p = probability({"a": 2.0, "b": -1.0}, {"a": 1.0, "b": 0.5})
    assert p == pytest.approx(1.0 / (1.0 + math.exp(-1.5)))


def test_a_feature_without_weight_counts_nothing():
    assert probability({"a": 1.0}, {"a": 0.0, "unknown": 50.0}) == 0.5


def test_names_fix_the_sum_and_must_be_present():
    assert probability({"a": 1.0, "b": 1.0}, {"a": 1.0, "b": 1.0}, ["a"]) == pytest.approx(
        1.0 / (1.0 + math.exp(-1.0))
    )
    with pytest.raises(KeyError):
        probability({"a": 1.0}, {}, ["a"])


def test_extreme_sums_do_not_overflow():
    assert probability({"a": 1.0}, {"a": 1e9}) == pytest.approx(1.0)
    assert probability({"a": 1.0}, {"a": -1e9}) == pytest.approx(0.0, abs=1e-12)


def test_fit_separates_a_separable_feature_and_leaves_the_bias_free():
    # column 0 is the bias; the label is 1 exactly when column 1 is 1
    x = np.array([[1.0, 1.0]] * 20 + [[1.0, 0.0]] * 30)
    y = np.array([1.0] * 20 + [0.0] * 30)
    w = fit_weights(x, y, steps=2000)
    weights = {"bias": w[0], "cue": w[1]}
    assert probability(weights, {"bias": 1.0, "cue": 1.0}) > 0.8
    assert probability(weights, {"bias": 1.0, "cue": 0.0}) < 0.2
    # a stronger L2 shrinks the feature's weight
    assert fit_weights(x, y, l2=50.0, steps=2000)[1] < w[1]


def _model_file(tmp_path, data):
    path = tmp_path / "model.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_a_model_file_gives_its_maps_in_the_order_asked(tmp_path):
    path = _model_file(tmp_path, {"b": {"x": 2, "y": 0}, "a": {"x": 1, "y": -1}, "threshold": 0.4})
    maps, threshold = read_model_file(path, ("a", "b"), ["x", "y"], LineModelError, "build.py")
    assert maps == [{"x": 1.0, "y": -1.0}, {"x": 2.0, "y": 0.0}] and threshold == 0.4


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("{not json", "malformed"),
        ({"a": {"x": 1, "y": 1}}, "malformed"),  # no threshold
        ({"a": {"x": 1, "y": 1}, "threshold": 1.5}, "not a probability"),
        ({"a": {"x": 1, "y": 1, "z": 1}, "threshold": 0.5}, "unknown features"),
        ({"a": {"x": 1}, "threshold": 0.5}, "missing features"),
    ],
)
def test_an_unusable_model_file_is_the_callers_typed_error(tmp_path, data, says):
    with pytest.raises(LineModelError, match=says) as caught:
        read_model_file(_model_file(tmp_path, data), ("a",), ["x", "y"], LineModelError, "b.py")
    assert caught.value.code == "NG061"


def test_an_absent_model_file_names_its_build_script(tmp_path):
    with pytest.raises(LineModelError, match=r"not found: build it with scripts/build_x\.py"):
        read_model_file(
            tmp_path / "absent.json", ("a",), ["x"], LineModelError, "scripts/build_x.py"
        )
