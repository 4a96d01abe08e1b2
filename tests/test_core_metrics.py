"""Metrics built from scratch agree with scikit-learn; the seed articles' numbers."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn import metrics as skm

from course_utils.experiments import (always_negative_experiment, binormal_population_ap,
                                      prevalence_experiment)
from course_utils.metrics import (ConfusionCounts, confusion_counts, evaluate_threshold,
                                  majority_rate, metric_summary, predict_at_threshold)


def test_seed_001_matrix():
    counts = ConfusionCounts.from_matrix([[50, 10], [5, 35]])
    assert (counts.tp, counts.fp, counts.fn, counts.tn) == (35, 10, 5, 50)
    assert round(counts.precision, 3) == 0.778
    assert counts.recall == 0.875 and counts.accuracy == 0.85
    assert round(counts.f1, 3) == 0.824


def test_chicco_jurman_example():
    summary = ConfusionCounts(tp=90, fn=1, tn=0, fp=9).summary()
    assert summary["accuracy"] == 0.9 and summary["f1"] == 0.947
    assert summary["mcc"] == -0.032 and summary["balanced_accuracy"] == 0.495
    assert summary["specificity"] == 0.0


def test_undefined_ratios_are_nan():
    counts = ConfusionCounts(tp=0, fp=0, fn=3, tn=7)
    assert math.isnan(counts.precision) and math.isnan(counts.mcc)
    assert counts.recall == 0.0 and counts.accuracy == 0.7


def test_as_matrix_round_trips():
    matrix = [[7, 1], [2, 5]]
    np.testing.assert_array_equal(ConfusionCounts.from_matrix(matrix).as_matrix(), matrix)


def test_threshold_rule_is_greater_or_equal_like_scikit_learn():
    np.testing.assert_array_equal(predict_at_threshold([0.2, 0.5, 0.7], 0.5), [0, 1, 1])
    y, scores = [0, 1, 1, 0, 1], [0.1, 0.5, 0.9, 0.5, 0.3]
    counts = evaluate_threshold(y, scores, threshold=0.5)
    (tn, fp), (fn, tp) = skm.confusion_matrix(y, np.asarray(scores) >= 0.5)
    assert (counts.tn, counts.fp, counts.fn, counts.tp) == (tn, fp, fn, tp)


def test_metric_summary_matches_scikit_learn():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 200)
    scores = np.clip(y * 0.3 + rng.random(200) * 0.7, 0, 1)
    y_pred = (scores >= 0.5).astype(int)
    summary = metric_summary(y, y_pred, scores=scores, decimals=6)
    assert summary["precision"] == round(skm.precision_score(y, y_pred), 6)
    assert summary["mcc"] == round(skm.matthews_corrcoef(y, y_pred), 6)
    assert summary["roc_auc"] == round(skm.roc_auc_score(y, scores), 6)
    assert summary["average_precision"] == round(skm.average_precision_score(y, scores), 6)


def test_majority_rate():
    assert majority_rate([0, 0, 0, 1]) == 0.75
    assert majority_rate(["a", "b", "b"]) == pytest.approx(2 / 3)


labels = st.integers(1, 60).flatmap(lambda n: st.tuples(
    arrays(np.int64, n, elements=st.integers(0, 1)), arrays(np.int64, n, elements=st.integers(0, 1))))


def same(ours, theirs):
    return (math.isnan(ours) and math.isnan(theirs)) or ours == pytest.approx(theirs)


@pytest.mark.filterwarnings("ignore::UserWarning")
@settings(max_examples=150, deadline=None)
@given(labels)
def test_hand_made_metrics_equal_scikit_learn(pair):
    y_true, y_pred = pair
    counts = confusion_counts(y_true, y_pred)
    assert counts.n == len(y_true)
    (tn, fp), (fn, tp) = skm.confusion_matrix(y_true, y_pred, labels=[0, 1])
    assert (counts.tn, counts.fp, counts.fn, counts.tp) == (tn, fp, fn, tp)
    assert same(counts.accuracy, skm.accuracy_score(y_true, y_pred))
    assert same(counts.precision, skm.precision_score(y_true, y_pred, zero_division=np.nan))
    assert same(counts.recall, skm.recall_score(y_true, y_pred, zero_division=np.nan))
    assert same(counts.f1, skm.f1_score(y_true, y_pred, zero_division=np.nan))
    mcc = skm.matthews_corrcoef(y_true, y_pred)
    assert (math.isnan(counts.mcc) and mcc == 0.0) or counts.mcc == pytest.approx(mcc, abs=1e-12)
    for value in (counts.accuracy, counts.precision, counts.recall, counts.f1):
        assert math.isnan(value) or 0.0 <= value <= 1.0


@pytest.mark.filterwarnings("ignore::UserWarning")
@settings(max_examples=100, deadline=None)
@given(labels)
def test_balanced_accuracy_is_macro_recall(pair):
    y_true, y_pred = pair
    if len(np.unique(y_true)) < 2:
        return
    counts = confusion_counts(y_true, y_pred)
    assert counts.balanced_accuracy == pytest.approx(skm.balanced_accuracy_score(y_true, y_pred))
    assert counts.balanced_accuracy == pytest.approx(skm.recall_score(y_true, y_pred, average="macro"))


@pytest.mark.filterwarnings("ignore::UserWarning")
@settings(max_examples=100, deadline=None)
@given(labels)
def test_swapping_classes_turns_recall_into_specificity(pair):
    y_true, y_pred = pair
    counts, swapped = confusion_counts(y_true, y_pred), confusion_counts(1 - y_true, 1 - y_pred)
    assert same(swapped.recall, counts.specificity)
    assert same(swapped.specificity, counts.recall)
    assert swapped.accuracy == counts.accuracy


@pytest.mark.parametrize("prevalence", [0.01, 0.05, 0.1, 0.3, 0.5])
def test_always_negative_accuracy_is_one_minus_prevalence(prevalence):
    counts = always_negative_experiment(prevalence, n_samples=1000)
    assert counts.accuracy == pytest.approx(1 - prevalence)
    assert counts.recall == 0.0


def test_roc_auc_ignores_prevalence_average_precision_does_not():
    runs = {r: prevalence_experiment(r, n_positive=2000, auc=0.75, seed=1) for r in (1, 10, 100)}
    for ratio, run in runs.items():
        assert abs(run.roc_auc - 0.75) < 0.02
        assert abs(run.average_precision - binormal_population_ap(ratio)) < 0.03
    assert runs[1].average_precision > runs[10].average_precision > runs[100].average_precision
    assert [round(binormal_population_ap(r), 3) for r in (1, 10, 100)] == [0.742, 0.259, 0.038]
