"""course_utils.stats against the libraries that do the same: SciPy and scikit-learn.

Each test compares with an independent reference (a library call, an exact
enumeration or a defining property) rather than re-typing the formula it tests.
"""

import ast
import itertools
import math
import statistics
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as scipy_stats
from sklearn.metrics import f1_score, roc_auc_score

from course_utils import stats

# --- sd and spread ------------------------------------------------------------------------------

@settings(max_examples=50)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=30))
def test_sample_sd_and_spread_match_the_statistics_module(values):
    expected_sd = statistics.stdev(values) if len(values) > 1 else 0.0
    assert stats.sample_sd(values) == pytest.approx(expected_sd, abs=1e-12)
    summary = stats.spread(values)
    assert summary["mean"] == pytest.approx(statistics.fmean(values))
    assert summary["sd"] == pytest.approx(expected_sd, abs=1e-12)
    assert summary["range"] == pytest.approx(max(values) - min(values))


def test_spread_rounds():
    assert stats.spread([0.9, 0.92, 0.94], decimals=3) == {"mean": 0.92, "sd": 0.02, "min": 0.9,
                                                           "max": 0.94, "range": 0.04}


# --- binomial standard error and intervals -------------------------------------------------------

@settings(max_examples=60)
@given(st.floats(0.0, 1.0), st.integers(1, 100_000))
def test_binomial_se_is_scipys_binomial_sd_over_n(p, n):
    assert stats.binomial_se(p, n) == pytest.approx(scipy_stats.binom(n, p).std() / n, rel=1e-9, abs=1e-12)


@settings(max_examples=60)
@given(st.integers(1, 400), st.data())
def test_exact_interval_is_the_beta_quantile_clopper_pearson_interval(n, data):
    k = data.draw(st.integers(0, n))
    low, high = stats.binomial_interval(k, n, method="exact", confidence=0.9)
    expected_low = 0.0 if k == 0 else scipy_stats.beta.ppf(0.05, k, n - k + 1)
    expected_high = 1.0 if k == n else scipy_stats.beta.ppf(0.95, k + 1, n - k)
    assert (low, high) == pytest.approx((expected_low, expected_high), abs=1e-9)


@pytest.mark.parametrize("k, n", [(0, 20), (7, 20), (810, 900), (899, 900)])
def test_wilson_interval_inverts_the_score_test(k, n):
    # Wilson's interval is the set of p whose own SE puts k/n just 1.96 SE away: check both ends.
    low, high = stats.binomial_interval(k, n)
    z = scipy_stats.norm.ppf(0.975)
    for end in (low, high):
        assert abs(k / n - end) == pytest.approx(z * stats.binomial_se(end, n), abs=1e-9)


def _coverage(intervals, p):
    """Exact probability that the interval built from k ~ Binomial(n, p) contains p (row k of intervals)."""
    low, high = np.asarray(intervals).T
    k = np.arange(low.size)
    return float(np.sum(scipy_stats.binom.pmf(k, low.size - 1, p)[(low <= p) & (p <= high)]))


def test_wilson_and_exact_keep_their_coverage_where_wald_fails():
    n = 50
    z = scipy_stats.norm.ppf(0.975)
    exact = [stats.binomial_interval(k, n, method="exact") for k in range(n + 1)]
    wilson = [stats.binomial_interval(k, n) for k in range(n + 1)]
    wald = [(k / n - z * stats.binomial_se(k / n, n), k / n + z * stats.binomial_se(k / n, n)) for k in range(n + 1)]
    for p in (0.9, 0.95, 0.98):
        assert _coverage(exact, p) >= 0.95
        assert _coverage(wilson, p) > 0.90
    assert _coverage(wald, 0.98) < 0.70  # the Wald interval: p ± 1.96 SE


# --- bootstrap -----------------------------------------------------------------------------------

def _accuracy(t, p, axis=-1):
    return np.mean(t == p, axis=axis)


@pytest.fixture(scope="module")
def predictions():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 301)
    return y, np.where(rng.random(301) < 0.8, y, (y + 1) % 3)


def test_bootstrap_accuracy_equals_scipy_bootstrap(predictions):
    y, pred = predictions
    ours = stats.bootstrap_accuracy(y, pred, n_resamples=999, confidence=0.9, seed=3)
    scipy_result = scipy_stats.bootstrap((y, pred), _accuracy, paired=True, vectorized=True, method="percentile",
                                         n_resamples=999, confidence_level=0.9, rng=np.random.default_rng(3))
    np.testing.assert_allclose(ours.resampled, scipy_result.bootstrap_distribution)
    assert (ours.low, ours.high) == pytest.approx(tuple(scipy_result.confidence_interval))
    assert ours.se == pytest.approx(scipy_result.standard_error)
    assert ours.estimate == pytest.approx(np.mean(y == pred))


def test_bootstrap_se_of_an_accuracy_agrees_with_the_binomial_se(predictions):
    y, pred = predictions
    boot = stats.bootstrap_accuracy(y, pred, n_resamples=4000, seed=1)
    assert boot.se == pytest.approx(stats.binomial_se(boot.estimate, y.size), rel=0.1)


def test_bootstrap_of_any_metric_equals_scipy_and_chunks_do_not_change_it(predictions, monkeypatch):
    y, pred = predictions

    def macro_f1(t, p):
        return f1_score(t, p, average="macro")

    ours = stats.bootstrap_metric(macro_f1, y, pred, n_resamples=60, seed=5)
    scipy_result = scipy_stats.bootstrap((y, pred), macro_f1, paired=True, vectorized=False, method="percentile",
                                         n_resamples=60, rng=np.random.default_rng(5))
    np.testing.assert_allclose(ours.resampled, scipy_result.bootstrap_distribution)
    assert ours.estimate == pytest.approx(macro_f1(y, pred))
    monkeypatch.setattr(stats, "_CHUNK_VALUES", 301 * 7)  # 7 resamples per block
    chunked = stats.bootstrap_metric(macro_f1, y, pred, n_resamples=60, seed=5)
    np.testing.assert_array_equal(chunked.resampled, ours.resampled)


def test_vectorized_and_looped_bootstrap_agree(predictions):
    y, pred = predictions
    vectorized = stats.bootstrap_metric(_accuracy, y, pred, n_resamples=300, seed=2, vectorized=True)
    looped = stats.bootstrap_metric(_accuracy, y, pred, n_resamples=300, seed=2)
    np.testing.assert_array_equal(vectorized.resampled, looped.resampled)


# --- permutation test ----------------------------------------------------------------------------

@pytest.mark.parametrize("n, accuracy", [(40, 0.6), (301, 0.8)])
def test_permutation_test_equals_scipy_permutation_test(n, accuracy):
    rng = np.random.default_rng(n)
    y = rng.integers(0, 2, n)
    pred = np.where(rng.random(n) < accuracy, y, 1 - y)
    ours = stats.permutation_test(y, pred, n_permutations=500, seed=2)
    reference = scipy_stats.permutation_test((y,), lambda t, axis: _accuracy(t, pred, axis), vectorized=True,
                                             permutation_type="pairings", n_resamples=500, alternative="greater",
                                             rng=np.random.default_rng(2))
    np.testing.assert_allclose(ours.null_accuracies, reference.null_distribution)
    assert ours.p_value == pytest.approx(reference.pvalue)
    assert ours.accuracy == pytest.approx(reference.statistic)


def test_permutation_test_constant_predictor_and_chunks(monkeypatch):
    y = np.r_[np.zeros(90, int), np.ones(10, int)]
    majority = stats.permutation_test(y, np.zeros(100, int), n_permutations=500)
    assert majority.accuracy == 0.9 and majority.p_value == 1.0 and not majority.learned_something
    learnt = stats.permutation_test(y, y.copy(), n_permutations=500)
    assert learnt.p_value == pytest.approx(1 / 501) and learnt.learned_something
    monkeypatch.setattr(stats, "_CHUNK_VALUES", 100 * 3)
    np.testing.assert_array_equal(stats.permutation_test(y, y.copy(), n_permutations=500).null_accuracies,
                                  learnt.null_accuracies)


# --- McNemar -------------------------------------------------------------------------------------

def _pattern(both, only_a, only_b, neither):
    y = np.zeros(both + only_a + only_b + neither, int)
    a = np.r_[np.zeros(both + only_a, int), np.ones(only_b + neither, int)]
    b = np.r_[np.zeros(both, int), np.ones(only_a, int), np.zeros(only_b, int), np.ones(neither, int)]
    return y, a, b


@settings(max_examples=80)
@given(st.integers(0, 50), st.integers(0, 40), st.integers(0, 40), st.integers(0, 50))
def test_mcnemar_exact_matches_scipy_binomtest(both, only_a, only_b, neither):
    if both + only_a + only_b + neither == 0:
        return
    y, a, b = _pattern(both, only_a, only_b, neither)
    result = stats.mcnemar_test(y, a, b)
    assert (result.only_a_right, result.only_b_right) == (only_a, only_b)
    expected = 1.0 if only_a + only_b == 0 else scipy_stats.binomtest(only_a, only_a + only_b, 0.5).pvalue
    assert result.p_value == pytest.approx(expected, rel=1e-9, abs=1e-12)
    swapped = stats.mcnemar_test(y, b, a)  # swapping the models changes nothing but the labels
    assert swapped.p_value == pytest.approx(result.p_value)
    assert (swapped.only_a_right, swapped.only_b_right) == (only_b, only_a)


@settings(max_examples=60)
@given(st.integers(0, 60), st.integers(0, 60))
def test_mcnemar_chi_square_is_scipys_goodness_of_fit_test_on_the_discordant_counts(only_a, only_b):
    if only_a + only_b == 0:
        return
    y, a, b = _pattern(20, only_a, only_b, 5)
    plain = stats.mcnemar_test(y, a, b, exact=False, correction=False)
    reference = scipy_stats.chisquare([only_a, only_b])  # observed b, c against (b + c)/2 each
    assert plain.statistic == pytest.approx(reference.statistic, abs=1e-12)
    assert plain.p_value == pytest.approx(reference.pvalue, abs=1e-12)
    # Yates's continuity correction: move each count half a unit towards the other (never past it).
    shift = min(0.5, abs(only_a - only_b) / 2) * np.sign(only_a - only_b)
    corrected = stats.mcnemar_test(y, a, b, exact=False)
    yates = scipy_stats.chisquare([only_a - shift, only_b + shift])
    assert corrected.statistic == pytest.approx(yates.statistic, abs=1e-12)
    assert corrected.p_value == pytest.approx(yates.pvalue, abs=1e-12)
    assert corrected.method == "chi-square" and plain.method == "chi-square, no correction"


def test_mcnemar_ignores_samples_both_models_get_right_or_wrong():
    few, many = _pattern(10, 8, 2, 0), _pattern(1000, 8, 2, 500)
    assert stats.mcnemar_test(*few).p_value == stats.mcnemar_test(*many).p_value
    assert stats.mcnemar_test([1, 0], [1, 0], [1, 0]).p_value == 1.0


# --- paired t-tests ------------------------------------------------------------------------------

@settings(max_examples=50)
@given(st.lists(st.tuples(st.floats(0.5, 1.0), st.floats(-0.05, 0.05)), min_size=3, max_size=30),
       st.floats(0.05, 2.0))
def test_paired_difference_matches_scipy_ttest_rel_and_the_correction_only_rescales_the_variance(pairs, ratio):
    a = np.array([p[0] for p in pairs])
    b = a + np.array([p[1] for p in pairs])
    if np.std(b - a) < 1e-9:
        return
    plain = stats.paired_difference(a, b)
    reference = scipy_stats.ttest_rel(b, a)
    assert plain.t == pytest.approx(reference.statistic, rel=1e-6)
    assert plain.p_value == pytest.approx(reference.pvalue, rel=1e-6, abs=1e-12)
    assert plain.b_wins == int(np.sum(b > a)) and not plain.corrected
    # Nadeau–Bengio: the variance factor 1/J becomes 1/J + ratio; nothing else changes.
    corrected = stats.paired_difference(a, b, test_train_ratio=ratio)
    J = len(pairs)
    assert (plain.se / corrected.se) ** 2 == pytest.approx((1 / J) / (1 / J + ratio))
    assert corrected.p_value == pytest.approx(2 * scipy_stats.t.sf(abs(corrected.t), J - 1), rel=1e-9)
    assert corrected.p_value >= plain.p_value - 1e-12 and corrected.corrected


def test_paired_difference_constant_differences():
    result = stats.paired_difference([0.8, 0.9, 0.7], [0.81, 0.91, 0.71])
    assert result.p_value == 0.0 and result.t == math.inf
    same = stats.paired_difference([0.8, 0.9], [0.8, 0.9])
    assert same.p_value == 1.0 and same.b_wins == 0


# --- best of N -----------------------------------------------------------------------------------

@settings(max_examples=40)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=5), st.integers(1, 4))
def test_expected_best_of_n_equals_enumerating_every_draw(values, n):
    every_draw = [max(draw) for draw in itertools.product(values, repeat=n)]
    assert stats.expected_best_of_n(values, n) == pytest.approx(statistics.fmean(every_draw), abs=1e-12)


def test_best_of_n_sampling_matches_the_exact_mean_and_never_exceeds_the_observed_max():
    runs = np.linspace(0.90, 0.95, 20)
    means = [stats.best_of_n(runs, n, n_draws=20_000, seed=0).mean() for n in (1, 3, 10)]
    assert means[0] < means[1] < means[2] <= runs.max()
    assert means[2] == pytest.approx(stats.expected_best_of_n(runs, 10), abs=1e-3)
    assert stats.best_of_n(runs, 1000, n_draws=100).max() == runs.max()  # resampling is capped


# --- layers and bad input -----------------------------------------------------------------------

def test_stats_imports_only_numpy_scipy_and_validation():
    tree = ast.parse(Path(stats.__file__).read_text())
    imported = {node.module if isinstance(node, ast.ImportFrom) else alias.name
                for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names}
    assert imported <= {"__future__", "math", "dataclasses", "numpy", "scipy.stats", "_validation"}, imported
    loaded = subprocess.run([sys.executable, "-c", "import sys, course_utils.stats; print(sorted(sys.modules))"],
                            capture_output=True, text=True, check=True).stdout
    for heavy in ("'tensorflow'", "'keras'", "'matplotlib'", "'ipywidgets'", "'course_utils.plots'"):
        assert heavy not in loaded


def _needs_both_classes(t, p):
    if np.unique(t).size < 2:
        raise ValueError("needs both classes")
    return float(np.mean(t == p))


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.UndefinedMetricWarning")
@pytest.mark.parametrize("call, error, words", [
    (lambda: stats.sample_sd([]), ValueError, "values is empty"),
    (lambda: stats.spread([0.9, "x"]), TypeError, "values"),
    (lambda: stats.spread([0.9], decimals=-1), ValueError, "decimals"),
    (lambda: stats.binomial_se(1.2, 100), ValueError, "accuracy"),
    (lambda: stats.binomial_se("0.9", 100), TypeError, "accuracy"),
    (lambda: stats.binomial_se(0.9, 0), ValueError, "n_test"),
    (lambda: stats.binomial_se(0.9, 10.5), TypeError, "n_test"),
    (lambda: stats.binomial_interval(0.9, 100), TypeError, "n_correct must be an integer"),
    (lambda: stats.binomial_interval(101, 100), ValueError, "n_correct must be at most n_test=100"),
    (lambda: stats.binomial_interval(90, 100, confidence=1.5), ValueError, "confidence"),
    (lambda: stats.binomial_interval(90, 100, method="wald"), ValueError, "method must be one of"),
    (lambda: stats.bootstrap_accuracy([0, 1], [0]), ValueError, "y_true has 2, y_pred has 1"),
    (lambda: stats.bootstrap_accuracy([0, 1], [0.5, 1]), ValueError, "y_pred must hold class labels"),
    (lambda: stats.bootstrap_accuracy([0, 1], [0, 1], n_resamples=1), ValueError, "n_resamples"),
    (lambda: stats.bootstrap_metric("f1", [0, 1], [0, 1]), TypeError, "metric must be a function"),
    (lambda: stats.bootstrap_metric(lambda t, p: np.mean(t == p), [0, 1] * 5, [0, 1] * 5, vectorized=True),
     ValueError, "one value per row"),
    (lambda: stats.bootstrap_metric(roc_auc_score, [0] * 19 + [1], np.linspace(0, 1, 20), n_resamples=20), ValueError,
     "undefined .NaN or infinite. on"),  # most resamples hold no positive: sklearn warns and returns NaN
    (lambda: stats.bootstrap_metric(_needs_both_classes, [0] * 19 + [1], [0] * 20, n_resamples=20), ValueError,
     "metric failed on a bootstrap resample of the test set: needs both classes"),
    (lambda: stats.permutation_test([0, 1], [0]), ValueError, "y_true has 2, y_pred has 1"),
    (lambda: stats.permutation_test([], []), ValueError, "y_true must be a non-empty"),
    (lambda: stats.permutation_test(None, [0]), TypeError, "y_true"),
    (lambda: stats.permutation_test([0, 1], [0, 1], n_permutations=5), ValueError, "n_permutations"),
    (lambda: stats.mcnemar_test([0, 1], [0, 1], [0]), ValueError, "pred_b has 1"),
    (lambda: stats.mcnemar_test(None, [0], [0]), TypeError, "y_true"),
    (lambda: stats.mcnemar_test([0, 1], [0.2, 1], [0, 1]), ValueError, "pred_a must hold class labels"),
    (lambda: stats.paired_difference([0.9], [0.8]), ValueError, "scores_a and scores_b need at least 2"),
    (lambda: stats.paired_difference([0.9, 0.8], [0.8]), ValueError, "scores_a has 2, scores_b has 1"),
    (lambda: stats.paired_difference([0.9, 0.8], [0.8, 0.7], test_train_ratio=-1), ValueError,
     "test_train_ratio must be positive"),
    (lambda: stats.paired_difference([0.9, 0.8], [0.8, 0.7], test_train_ratio="1"), TypeError,
     "test_train_ratio"),
    (lambda: stats.best_of_n([0.9, np.nan], 2), ValueError, "scores contains NaN"),
    (lambda: stats.best_of_n([0.9], 0), ValueError, "n must be at least 1"),
    (lambda: stats.expected_best_of_n([], 2), ValueError, "scores"),
])
def test_bad_input_is_named(call, error, words):
    with pytest.raises(error, match=words):
        call()
