"""The pure experiment functions reproduce the course's claims."""

import numpy as np
import pytest
from sklearn.metrics import average_precision_score, roc_auc_score

from course_utils.experiments import (
    PrevalenceResult,
    always_negative_experiment,
    binormal_population_ap,
    prevalence_experiment,
)
from course_utils.metrics import ConfusionCounts


@pytest.mark.parametrize("prevalence", [0.01, 0.03, 0.05, 0.1, 0.25, 0.5])
def test_always_negative_accuracy_is_one_minus_prevalence(prevalence):
    counts = always_negative_experiment(prevalence)
    assert isinstance(counts, ConfusionCounts)
    assert counts.accuracy == pytest.approx(1 - prevalence)
    assert counts.recall == 0.0
    assert counts.tp == counts.fp == 0
    assert counts.n == 1000
    assert counts.prevalence == pytest.approx(prevalence)


def test_always_negative_other_sizes():
    counts = always_negative_experiment(0.2, n_samples=50, seed=3)
    assert counts.n == 50 and counts.fn == 10 and counts.tn == 40
    assert always_negative_experiment(0.01).accuracy == 0.99


def test_prevalence_experiment_result():
    result = prevalence_experiment(10)
    assert isinstance(result, PrevalenceResult)
    assert result.y_true.sum() == 500 and result.y_true.size == 5500
    assert round(result.prevalence, 3) == 0.091
    assert result.roc_auc == pytest.approx(roc_auc_score(result.y_true, result.scores))
    assert result.average_precision == pytest.approx(average_precision_score(result.y_true, result.scores))
    assert result.negatives_per_positive == 10.0


def test_prevalence_experiment_is_deterministic():
    a, b = prevalence_experiment(5, seed=2), prevalence_experiment(5, seed=2)
    np.testing.assert_array_equal(a.scores, b.scores)
    assert a.average_precision == b.average_precision
    assert prevalence_experiment(5, seed=3).average_precision != a.average_precision


def test_roc_auc_ignores_class_ratio_but_ap_falls():
    results = {ratio: prevalence_experiment(ratio) for ratio in (1, 10, 100)}
    for ratio, result in results.items():
        assert result.roc_auc == pytest.approx(0.75, abs=0.04), ratio
    ap = {ratio: result.average_precision for ratio, result in results.items()}
    assert ap[1] > ap[10] > ap[100]
    assert ap[100] < 0.1


@pytest.mark.parametrize("ratio, expected", [(1, 0.742), (10, 0.259), (100, 0.038)])
def test_binormal_population_ap_values(ratio, expected):
    assert round(binormal_population_ap(ratio), 3) == expected


@pytest.mark.parametrize("ratio", [1, 10, 100])
def test_sample_ap_close_to_population_ap(ratio):
    sample = prevalence_experiment(ratio, n_positive=2000)
    assert sample.average_precision == pytest.approx(binormal_population_ap(ratio), abs=0.05)


def test_population_ap_decreases_with_ratio_and_increases_with_auc():
    values = [binormal_population_ap(r) for r in (0.5, 1, 2, 5, 20)]
    assert all(a > b for a, b in zip(values[:-1], values[1:], strict=True))
    assert binormal_population_ap(10, auc=0.9) > binormal_population_ap(10, auc=0.75)
    # a classifier barely better than chance has AP close to the prevalence
    assert binormal_population_ap(9, auc=0.5001) == pytest.approx(0.1, abs=0.01)


# --- threshold_meeting: the answer to the threshold widget's question ---------

from course_utils.experiments import THRESHOLD_GRID, ThresholdChoice, threshold_meeting  # noqa: E402
from course_utils.metrics import evaluate_threshold  # noqa: E402

Y_SMALL = [0, 0, 0, 1, 1, 1]
S_SMALL = [0.1, 0.35, 0.7, 0.3, 0.6, 0.9]


def test_threshold_grid_is_the_slider():
    assert len(THRESHOLD_GRID) == 101
    assert THRESHOLD_GRID[0] == 0.0 and THRESHOLD_GRID[-1] == 1.0 and THRESHOLD_GRID[21] == 0.21


def test_highest_threshold_reaching_a_recall():
    choice = threshold_meeting(Y_SMALL, S_SMALL, metric="recall", at_least=2 / 3, choose="highest")
    assert isinstance(choice, ThresholdChoice)
    assert choice.threshold == 0.6
    assert choice.counts == evaluate_threshold(Y_SMALL, S_SMALL, threshold=0.6)
    # one step higher the recall drops below the target
    assert evaluate_threshold(Y_SMALL, S_SMALL, threshold=0.61).recall < 2 / 3


def test_lowest_threshold_reaching_a_precision():
    # precision is 0.6 at 0.30, 0.5 from 0.31 to 0.35 and 2/3 from 0.36 (0.6, 0.7 and 0.9 flagged)
    choice = threshold_meeting(Y_SMALL, S_SMALL, metric="precision", at_least=2 / 3, choose="lowest")
    assert choice.threshold == 0.36
    assert (choice.counts.tp, choice.counts.fp) == (2, 1)
    lower = [t for t in THRESHOLD_GRID if t < choice.threshold]
    assert not any(evaluate_threshold(Y_SMALL, S_SMALL, threshold=t).precision >= 2 / 3 for t in lower)


def test_unreachable_target_gives_none_and_undefined_precision_never_qualifies():
    assert threshold_meeting(Y_SMALL, S_SMALL, metric="precision", at_least=1.0, choose="lowest",
                             thresholds=[0.95, 0.99]) is None  # nothing flagged: precision NaN
    assert threshold_meeting([0, 0, 1], [0.9, 0.8, 0.1], metric="recall", at_least=1.0, choose="highest",
                             thresholds=[0.5, 0.9]) is None


def test_custom_thresholds_are_searched_in_order():
    choice = threshold_meeting(Y_SMALL, S_SMALL, metric="recall", at_least=1.0, choose="highest",
                               thresholds=[0.05, 0.3, 0.2])
    assert choice.threshold == 0.3


@pytest.mark.parametrize("choose", ["highest", "lowest"])
def test_threshold_meeting_agrees_with_a_brute_force_scan(choose):
    rng = np.random.default_rng(5)
    y = (rng.random(300) < 0.2).astype(int)
    scores = np.clip(0.3 * y + rng.normal(0.3, 0.2, 300), 0, 1)
    for metric, target in [("recall", 0.8), ("precision", 0.4), ("specificity", 0.9)]:
        meeting = [t for t in THRESHOLD_GRID
                   if getattr(evaluate_threshold(y, scores, threshold=t), metric) >= target]
        expected = (max if choose == "highest" else min)(meeting)
        assert threshold_meeting(y, scores, metric=metric, at_least=target, choose=choose).threshold == expected


def test_notebook_01_answers():
    """The two-pixel model's screening and precision-first thresholds printed in notebook 01."""
    from sklearn.linear_model import LogisticRegression

    from course_utils.data import load_digits_one_vs_rest

    split = load_digits_one_vs_rest(digit=9, test_size=0.5, seed=0).select_features([21, 42])
    scores = LogisticRegression(tol=1e-10).fit(split.X_train, split.y_train).predict_proba(split.X_test)[:, 1]
    screening = threshold_meeting(split.y_test, scores, metric="recall", at_least=0.8, choose="highest")
    assert (screening.threshold, screening.counts.tp, screening.counts.fp) == (0.21, 72, 99)
    purity = threshold_meeting(split.y_test, scores, metric="precision", at_least=0.5, choose="lowest")
    assert (purity.threshold, purity.counts.tp, purity.counts.fp) == (0.52, 37, 28)
    assert threshold_meeting(split.y_test, scores, metric="precision", at_least=0.9, choose="lowest") is None


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(metric="sensitivity"), ValueError, "metric must be one of"),
    (dict(metric=None), ValueError, "metric must be one of"),
    (dict(at_least=1.5), ValueError, "at_least must be in"),
    (dict(at_least="0.8"), TypeError, "at_least must be a number"),
    (dict(at_least=np.nan), ValueError, "at_least must be finite"),
    (dict(choose="best"), ValueError, "choose must be"),
    (dict(thresholds=[]), ValueError, "thresholds is empty"),
    (dict(thresholds="0.5"), TypeError, "thresholds must be an array-like"),
    (dict(thresholds=[0.5, np.nan]), ValueError, "thresholds contains NaN"),
    (dict(y_true=[0, 1, 2, 1, 0, 1]), ValueError, "y_true must hold only 0 and 1"),
    (dict(scores=[0.1, 0.2]), ValueError, "y_true has 6, scores has 2"),
    (dict(scores=None), TypeError, "scores must be"),
])
def test_threshold_meeting_bad_input_names_the_argument(kwargs, error, words):
    arguments = dict(y_true=Y_SMALL, scores=S_SMALL, metric="recall", at_least=0.8, choose="highest")
    arguments.update(kwargs)
    with pytest.raises(error) as raised:
        threshold_meeting(**arguments)
    assert words in str(raised.value)
