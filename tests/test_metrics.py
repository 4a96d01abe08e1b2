"""The from-scratch metrics agree with scikit-learn, on fixed examples and on random arrays."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn import metrics as skm

from course_utils.metrics import (
    ConfusionCounts,
    confusion_counts,
    evaluate_threshold,
    majority_rate,
    metric_summary,
    predict_at_threshold,
)

SUMMARY_KEYS = {"accuracy", "precision", "recall", "specificity", "f1", "balanced_accuracy", "mcc"}


def labels_from_matrix(matrix):
    """y_true, y_pred arrays realising a 2x2 matrix [[tn, fp], [fn, tp]]."""
    (tn, fp), (fn, tp) = matrix
    y_true = np.r_[np.zeros(tn + fp, int), np.ones(fn + tp, int)]
    y_pred = np.r_[np.zeros(tn, int), np.ones(fp, int), np.zeros(fn, int), np.ones(tp, int)]
    return y_true, y_pred


# --- seed article 001 -------------------------------------------------------


def test_seed_001_matrix():
    counts = ConfusionCounts.from_matrix([[50, 10], [5, 35]])
    assert (counts.tp, counts.fp, counts.fn, counts.tn) == (35, 10, 5, 50)
    assert counts.n == 100
    assert round(counts.precision, 3) == 0.778
    assert counts.recall == pytest.approx(0.875)
    assert counts.accuracy == pytest.approx(0.85)
    assert round(counts.f1, 3) == 0.824
    assert counts.as_matrix().tolist() == [[50, 10], [5, 35]]


def test_seed_001_matrix_agrees_with_sklearn():
    y_true, y_pred = labels_from_matrix([[50, 10], [5, 35]])
    counts = confusion_counts(y_true, y_pred)
    assert counts == ConfusionCounts.from_matrix([[50, 10], [5, 35]])
    assert counts.precision == pytest.approx(skm.precision_score(y_true, y_pred))
    assert counts.recall == pytest.approx(skm.recall_score(y_true, y_pred))
    assert counts.f1 == pytest.approx(skm.f1_score(y_true, y_pred))
    assert counts.mcc == pytest.approx(skm.matthews_corrcoef(y_true, y_pred))


# --- Chicco & Jurman ----------------------------------------------------------


def test_chicco_jurman_example():
    counts = ConfusionCounts(tp=90, fn=1, tn=0, fp=9)
    assert counts.accuracy == pytest.approx(0.90)
    assert round(counts.f1, 3) == 0.947
    assert counts.mcc == pytest.approx(-0.032, abs=5e-4)
    assert counts.mcc < 0
    assert round(counts.balanced_accuracy, 3) == 0.495
    y_true, y_pred = labels_from_matrix(counts.as_matrix().tolist())
    assert counts.mcc == pytest.approx(skm.matthews_corrcoef(y_true, y_pred))
    assert counts.balanced_accuracy == pytest.approx(skm.balanced_accuracy_score(y_true, y_pred))


# --- undefined ratios -----------------------------------------------------------


def test_precision_is_nan_when_nothing_is_predicted_positive():
    counts = ConfusionCounts(tp=0, fp=0, fn=3, tn=7)
    assert math.isnan(counts.precision)
    assert counts.recall == 0.0
    assert counts.f1 == 0.0
    assert math.isnan(counts.mcc)
    assert counts.accuracy == pytest.approx(0.7)


def test_recall_and_balanced_accuracy_nan_without_positives():
    counts = ConfusionCounts(tp=0, fp=2, fn=0, tn=8)
    assert math.isnan(counts.recall)
    assert math.isnan(counts.balanced_accuracy)
    assert counts.specificity == pytest.approx(0.8)
    assert counts.precision == 0.0
    assert counts.prevalence == 0.0


def test_specificity_nan_without_negatives_and_f1_nan_when_all_true_negatives():
    assert math.isnan(ConfusionCounts(tp=4, fp=0, fn=1, tn=0).specificity)
    assert math.isnan(ConfusionCounts(tp=0, fp=0, fn=0, tn=5).f1)


# --- summary() ------------------------------------------------------------------------


def test_summary_keys_and_rounding():
    counts = ConfusionCounts.from_matrix([[50, 10], [5, 35]])
    summary = counts.summary()
    assert set(summary) == SUMMARY_KEYS
    assert summary["precision"] == 0.778
    assert summary["f1"] == 0.824
    assert summary["accuracy"] == 0.85
    assert summary["recall"] == 0.875
    assert summary["specificity"] == round(50 / 60, 3)
    assert all(isinstance(v, float) for v in summary.values())
    assert counts.summary(decimals=1)["precision"] == 0.8
    assert counts.summary(decimals=5)["precision"] == round(35 / 45, 5)


def test_summary_keeps_nan():
    summary = ConfusionCounts(tp=0, fp=0, fn=3, tn=7).summary()
    assert math.isnan(summary["precision"])
    assert math.isnan(summary["mcc"])


# --- confusion_counts, predict_at_threshold, evaluate_threshold ---------------------------


def test_confusion_counts_docstring_example():
    assert confusion_counts([1, 0, 1, 1], [1, 1, 0, 1]) == ConfusionCounts(tp=2, fp=1, fn=1, tn=0)


def test_predict_at_threshold_uses_greater_or_equal():
    assert predict_at_threshold([0.2, 0.5, 0.9], 0.5).tolist() == [0, 1, 1]
    assert predict_at_threshold([0.2, 0.5, 0.9], 0.9).tolist() == [0, 0, 1]
    assert predict_at_threshold([0.2, 0.5, 0.9], 0.0).tolist() == [1, 1, 1]


@pytest.mark.parametrize("threshold", [0.0, 0.25, 0.4, 0.5, 0.6, 0.8, 1.0])
def test_evaluate_threshold_equals_sklearn_confusion_matrix(threshold):
    rng = np.random.default_rng(3)
    y_true = rng.integers(0, 2, 300)
    scores = np.round(rng.uniform(size=300), 2)  # rounding makes ties with the thresholds
    assert np.any(scores == threshold) or threshold in (0.0, 1.0)
    counts = evaluate_threshold(y_true, scores, threshold=threshold)
    expected = skm.confusion_matrix(y_true, (scores >= threshold).astype(int), labels=[0, 1])
    assert counts.as_matrix().tolist() == expected.tolist()


def test_evaluate_threshold_score_equal_to_threshold_is_positive():
    counts = evaluate_threshold([0, 1, 1], [0.3, 0.5, 0.7], threshold=0.5)
    assert counts == ConfusionCounts(tp=2, fp=0, fn=0, tn=1)
    counts = evaluate_threshold([1, 0], [0.5, 0.5], threshold=0.5)
    assert counts == ConfusionCounts(tp=1, fp=1, fn=0, tn=0)


def test_evaluate_threshold_matches_sklearn_precision_recall_curve_thresholds():
    """At each threshold of precision_recall_curve, our counts give sklearn's precision/recall."""
    rng = np.random.default_rng(11)
    y_true = rng.integers(0, 2, 200)
    scores = rng.uniform(size=200) + 0.3 * y_true
    precision, recall, thresholds = skm.precision_recall_curve(y_true, scores)
    for p, r, t in list(zip(precision, recall, thresholds, strict=False))[::20]:
        counts = evaluate_threshold(y_true, scores, threshold=t)
        assert counts.precision == pytest.approx(p)
        assert counts.recall == pytest.approx(r)


# --- majority_rate and metric_summary ---------------------------------------------------


def test_majority_rate_examples():
    assert majority_rate([0, 0, 0, 1]) == 0.75
    assert majority_rate([1, 1, 0]) == pytest.approx(2 / 3)
    assert majority_rate([1]) == 1.0


def test_metric_summary_equals_sklearn():
    rng = np.random.default_rng(5)
    y_true = (rng.uniform(size=400) < 0.2).astype(int)
    scores = np.clip(rng.normal(0.3 + 0.3 * y_true, 0.2), 0, 1)
    y_pred = (scores >= 0.45).astype(int)
    summary = metric_summary(y_true, y_pred, scores=scores)
    expected = {
        "accuracy": skm.accuracy_score(y_true, y_pred),
        "precision": skm.precision_score(y_true, y_pred),
        "recall": skm.recall_score(y_true, y_pred),
        "f1": skm.f1_score(y_true, y_pred),
        "balanced_accuracy": skm.balanced_accuracy_score(y_true, y_pred),
        "mcc": skm.matthews_corrcoef(y_true, y_pred),
        "roc_auc": skm.roc_auc_score(y_true, scores),
        "average_precision": skm.average_precision_score(y_true, scores),
    }
    assert set(summary) == set(expected)
    for name, value in expected.items():
        assert summary[name] == round(float(value), 3), name
    # ... and the hand-made counts agree with it
    counts = confusion_counts(y_true, y_pred)
    for name in ("accuracy", "precision", "recall", "f1", "balanced_accuracy", "mcc"):
        assert round(getattr(counts, name), 3) == summary[name], name


def test_metric_summary_without_scores_and_decimals():
    summary = metric_summary([0, 0, 1, 1], [0, 0, 0, 1])
    assert set(summary) == {"accuracy", "precision", "recall", "f1", "balanced_accuracy", "mcc"}
    assert summary["recall"] == 0.5
    assert metric_summary([0, 1, 1], [0, 1, 0], decimals=2)["recall"] == 0.5
    assert metric_summary([0, 1, 1], [1, 1, 0], decimals=2)["precision"] == 0.5
    assert metric_summary([0, 1, 1], [1, 1, 1], decimals=4)["accuracy"] == 0.6667


def test_metric_summary_precision_nan_when_nothing_predicted_positive():
    summary = metric_summary([0, 0, 1, 1], [0, 0, 0, 0])
    assert math.isnan(summary["precision"])
    assert summary["recall"] == 0.0
    assert summary["accuracy"] == 0.5


# --- property tests ------------------------------------------------------------------------


@st.composite
def label_pairs(draw, min_size=1, max_size=60):
    n = draw(st.integers(min_size, max_size))
    y_true = draw(arrays(np.int64, n, elements=st.integers(0, 1)))
    y_pred = draw(arrays(np.int64, n, elements=st.integers(0, 1)))
    return y_true, y_pred


def same_or_both_nan(ours, theirs):
    if math.isnan(ours) or math.isnan(theirs):
        return math.isnan(ours) and math.isnan(theirs)
    return math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-12)


PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, derandomize=True)
# scikit-learn warns when all labels are one class; those inputs are exactly what we want to test.
single_label_ok = pytest.mark.filterwarnings("ignore:A single label was found:UserWarning",
                                             "ignore:y_pred contains classes not in y_true:UserWarning")


def for_label_pairs(min_size=1):
    """Run a property test on generated (y_true, y_pred) pairs, single-class ones included."""
    return lambda test: single_label_ok(PROPERTY_SETTINGS(given(label_pairs(min_size=min_size))(test)))


@for_label_pairs()
def test_confusion_counts_agree_with_sklearn_confusion_matrix(pair):
    y_true, y_pred = pair
    counts = confusion_counts(y_true, y_pred)
    expected = skm.confusion_matrix(y_true, y_pred, labels=[0, 1])
    assert counts.as_matrix().tolist() == expected.tolist()
    assert counts.tp + counts.fp + counts.fn + counts.tn == len(y_true) == counts.n


@for_label_pairs()
def test_metrics_agree_with_sklearn(pair):
    y_true, y_pred = pair
    counts = confusion_counts(y_true, y_pred)
    assert same_or_both_nan(counts.accuracy, skm.accuracy_score(y_true, y_pred))
    assert same_or_both_nan(counts.precision, skm.precision_score(y_true, y_pred, zero_division=np.nan))
    assert same_or_both_nan(counts.recall, skm.recall_score(y_true, y_pred, zero_division=np.nan))
    assert same_or_both_nan(counts.f1, skm.f1_score(y_true, y_pred, zero_division=np.nan))
    assert same_or_both_nan(counts.specificity,
                            skm.recall_score(y_true, y_pred, pos_label=0, zero_division=np.nan))
    sk_mcc = skm.matthews_corrcoef(y_true, y_pred)
    if math.isnan(counts.mcc):
        assert sk_mcc == 0.0
    else:
        assert counts.mcc == pytest.approx(sk_mcc, abs=1e-12)


@for_label_pairs(min_size=2)
def test_balanced_accuracy_is_macro_recall_when_both_classes_present(pair):
    y_true, y_pred = pair
    counts = confusion_counts(y_true, y_pred)
    if np.unique(y_true).size == 2:
        assert counts.balanced_accuracy == pytest.approx(skm.balanced_accuracy_score(y_true, y_pred))
        assert counts.balanced_accuracy == pytest.approx(skm.recall_score(y_true, y_pred, average="macro"))
    else:
        assert math.isnan(counts.balanced_accuracy)


@for_label_pairs()
def test_f1_is_harmonic_mean_of_precision_and_recall(pair):
    counts = confusion_counts(*pair)
    p, r = counts.precision, counts.recall
    if math.isnan(p) or math.isnan(r):
        return
    if p + r == 0:
        assert counts.f1 == 0.0
    else:
        assert counts.f1 == pytest.approx(2 * p * r / (p + r))


@for_label_pairs()
def test_metric_ranges(pair):
    counts = confusion_counts(*pair)
    for name in ("accuracy", "precision", "recall", "specificity", "f1", "balanced_accuracy", "prevalence"):
        value = getattr(counts, name)
        assert math.isnan(value) or 0.0 <= value <= 1.0, name
    assert not math.isnan(counts.accuracy)
    assert math.isnan(counts.mcc) or -1.0 - 1e-12 <= counts.mcc <= 1.0 + 1e-12


@for_label_pairs()
def test_swapping_labels_turns_recall_into_specificity(pair):
    y_true, y_pred = pair
    counts = confusion_counts(y_true, y_pred)
    swapped = confusion_counts(1 - y_true, 1 - y_pred)
    assert same_or_both_nan(swapped.recall, counts.specificity)
    assert same_or_both_nan(swapped.specificity, counts.recall)
    assert swapped.accuracy == counts.accuracy


@for_label_pairs()
def test_always_negative_accuracy_is_one_minus_prevalence(pair):
    y_true, _ = pair
    counts = confusion_counts(y_true, np.zeros_like(y_true))
    assert counts.accuracy == pytest.approx(1 - y_true.mean())
    assert counts.prevalence == pytest.approx(y_true.mean())


@for_label_pairs()
def test_majority_rate_at_least_half_and_equals_best_constant(pair):
    y_true, _ = pair
    rate = majority_rate(y_true)
    assert 0.5 <= rate <= 1.0
    assert rate == pytest.approx(max(y_true.mean(), 1 - y_true.mean()))
