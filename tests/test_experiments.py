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
    assert all(a > b for a, b in zip(values, values[1:]))
    assert binormal_population_ap(10, auc=0.9) > binormal_population_ap(10, auc=0.75)
    # a classifier barely better than chance has AP close to the prevalence
    assert binormal_population_ap(9, auc=0.5001) == pytest.approx(0.1, abs=0.01)
