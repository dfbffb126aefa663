"""The shared logistic score of the shipped models."""

import math

import pytest

from newsgate.logistic import probability


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
