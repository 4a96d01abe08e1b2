"""Seed variance (notebook 05): statistics, experiments, plots, the widget and the exercise checkers."""

import math

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from scipy.stats import binomtest, ttest_rel  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from course_utils import plots, variance, widgets  # noqa: E402
from course_utils.checks import ____  # noqa: E402
from course_utils.exercises import ex05  # noqa: E402


@pytest.fixture(scope="module")
def digits():
    X, y = load_digits(return_X_y=True)
    return X / 16, y


# --- binomial standard error and intervals -------------------------------------------------

def test_binomial_se_known_values():
    assert round(variance.binomial_se(0.9, 900), 3) == 0.01
    assert variance.binomial_se(0.5, 100) == pytest.approx(0.05)
    assert variance.binomial_se(1.0, 10) == 0.0
    low, high = variance.binomial_interval(0.9, 900)
    assert (low, high) == pytest.approx((0.9 - 1.959964 * 0.01, 0.9 + 1.959964 * 0.01), abs=1e-6)
    assert variance.binomial_interval(0.999, 10)[1] == 1.0  # clipped


@settings(max_examples=60, deadline=None)
@given(st.floats(0.0, 1.0), st.integers(1, 100_000))
def test_binomial_se_properties(p, n):
    se = variance.binomial_se(p, n)
    assert 0.0 <= se <= 0.5 / math.sqrt(n) + 1e-12  # largest at p = 0.5
    # 1 - p loses the digits of a tiny p to rounding, so compare with an absolute tolerance
    assert se == pytest.approx(variance.binomial_se(1 - p, n), abs=1e-9)
    assert variance.binomial_se(p, 4 * n) == pytest.approx(se / 2, abs=1e-12)


def test_bootstrap_agrees_with_binomial_and_is_seeded():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 10, 900)
    pred = np.where(rng.random(900) < 0.9, y, (y + 1) % 10)
    boot = variance.bootstrap_accuracy(y, pred, n_resamples=3000, seed=1)
    assert boot.accuracy == pytest.approx(np.mean(y == pred))
    assert boot.se == pytest.approx(variance.binomial_se(boot.accuracy, 900), rel=0.1)
    assert boot.low < boot.accuracy < boot.high
    again = variance.bootstrap_accuracy(y, pred, n_resamples=3000, seed=1)
    np.testing.assert_array_equal(boot.resampled, again.resampled)


# --- McNemar ---------------------------------------------------------------------------------

def _pattern(both, only_a, only_b, neither):
    y = np.zeros(both + only_a + only_b + neither, int)
    a = np.r_[np.zeros(both + only_a, int), np.ones(only_b + neither, int)]
    b = np.r_[np.zeros(both, int), np.ones(only_a, int), np.zeros(only_b, int), np.ones(neither, int)]
    return y, a, b


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 50), st.integers(0, 40), st.integers(0, 40), st.integers(0, 50))
def test_mcnemar_exact_matches_scipy_binomtest(both, only_a, only_b, neither):
    if both + only_a + only_b + neither == 0:
        return
    y, a, b = _pattern(both, only_a, only_b, neither)
    result = variance.mcnemar_test(y, a, b)
    assert (result.only_a_right, result.only_b_right) == (only_a, only_b)
    expected = 1.0 if only_a + only_b == 0 else binomtest(only_a, only_a + only_b, 0.5).pvalue
    assert result.p_value == pytest.approx(expected, rel=1e-9, abs=1e-12)
    # swapping the models changes nothing but the labels
    swapped = variance.mcnemar_test(y, b, a)
    assert swapped.p_value == pytest.approx(result.p_value)
    assert (swapped.only_a_right, swapped.only_b_right) == (only_b, only_a)


def test_mcnemar_chi_square_with_continuity_correction():
    y, a, b = _pattern(100, 30, 14, 6)
    result = variance.mcnemar_test(y, a, b, exact=False)
    assert result.statistic == pytest.approx((abs(30 - 14) - 1) ** 2 / 44)
    from scipy.stats import chi2

    assert result.p_value == pytest.approx(chi2.sf((16 - 1) ** 2 / 44, 1))
    exact = variance.mcnemar_test(y, a, b)
    assert abs(exact.p_value - result.p_value) < 0.01  # the approximation is close at b + c = 44
    assert variance.mcnemar_test([1, 0], [1, 0], [1, 0]).p_value == 1.0


def test_mcnemar_ignores_samples_both_models_get_right_or_wrong():
    y, a, b = _pattern(10, 8, 2, 0)
    more_agreement = _pattern(1000, 8, 2, 500)
    assert variance.mcnemar_test(y, a, b).p_value == variance.mcnemar_test(*more_agreement).p_value


# --- paired differences and best of N -----------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0.5, 1.0), st.floats(-0.05, 0.05)), min_size=3, max_size=30))
def test_paired_difference_matches_scipy_ttest_rel(pairs):
    a = np.array([p[0] for p in pairs])
    b = a + np.array([p[1] for p in pairs])
    if np.std(b - a) < 1e-9:
        return
    result = variance.paired_difference(a, b)
    reference = ttest_rel(b, a)
    assert result.t == pytest.approx(reference.statistic, rel=1e-6)
    assert result.p_value == pytest.approx(reference.pvalue, rel=1e-6, abs=1e-12)
    corrected = variance.paired_difference(a, b, test_train_ratio=0.25)
    assert corrected.p_value >= result.p_value - 1e-12 and corrected.corrected
    assert result.b_wins == int(np.sum(b > a))


def test_paired_difference_constant_differences():
    result = variance.paired_difference([0.8, 0.9, 0.7], [0.81, 0.91, 0.71])
    assert result.p_value == 0.0 and result.t == math.inf
    same = variance.paired_difference([0.8, 0.9], [0.8, 0.9])
    assert same.p_value == 1.0 and same.b_wins == 0


def test_best_of_n_grows_with_n_and_matches_the_exact_mean():
    runs = np.linspace(0.90, 0.95, 20)
    means = [variance.best_of_n(runs, n, n_draws=20_000, seed=0).mean() for n in (1, 3, 10)]
    assert means[0] < means[1] < means[2] <= runs.max()
    assert means[0] == pytest.approx(runs.mean(), abs=1e-3)
    assert means[2] == pytest.approx(variance.expected_best_of_n(runs, 10), abs=1e-3)
    draws = variance.best_of_n(runs, 5, n_draws=100)
    assert draws.shape == (100,) and np.all(np.isin(draws, runs))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=25), st.integers(1, 30))
def test_expected_best_of_n_properties(values, n):
    values = np.array(values)
    best = variance.expected_best_of_n(values, n)
    assert values.min() - 1e-12 <= best <= values.max() + 1e-12
    assert variance.expected_best_of_n(values, 1) == pytest.approx(values.mean())
    assert variance.expected_best_of_n(values, n + 1) >= best - 1e-12


def test_spread():
    assert variance.spread([0.9, 0.92, 0.94], decimals=3) == {"mean": 0.92, "sd": 0.02, "min": 0.9,
                                                              "max": 0.94, "range": 0.04}
    assert variance.spread([0.5])["sd"] == 0.0


# --- splits and the separation experiment -------------------------------------------------

def test_per_member_splits(digits):
    X, y = digits
    X_train, y_train, X_test, y_test = variance.per_member_splits(X, y, [0, 0, 1], test_size=0.5)
    assert X_train.shape == (3, 898, 64) and X_test.shape == (3, 899, 64) and y_test.shape == (3, 899)
    np.testing.assert_array_equal(X_test[0], X_test[1])
    assert not np.array_equal(X_test[0], X_test[2])
    half = np.bincount(y, minlength=10) / 2
    assert np.all(np.abs(np.bincount(y_test[2], minlength=10) - half) <= 1)  # stratified


def test_source_separation_varies_only_the_named_source(digits):
    X, y = digits
    conditions = {"init": ("init",), "split": ("split",)}
    result = variance.source_separation_experiment(X, y, n_runs=2, conditions=conditions, hidden_units=8,
                                                   epochs=2, learning_rate=0.01)
    assert set(result.accuracies) == {"init", "split"} and result.n_test == 899
    np.testing.assert_array_equal(result.seeds["init"]["split"], [0, 0])
    np.testing.assert_array_equal(result.seeds["init"]["init"], [1, 2])
    np.testing.assert_array_equal(result.seeds["split"]["init"], [0, 0])
    np.testing.assert_array_equal(result.seeds["split"]["split"], [1, 2])
    assert result.test_predictions["init"].shape == (2, 899)
    assert np.all(result.accuracies["init"] > 0.3)  # it learns (chance is 0.1)
    summary = result.summary()
    assert summary["split"]["min"] <= summary["split"]["mean"] <= summary["split"]["max"]


# --- the widget's experiment ---------------------------------------------------------------

@pytest.fixture(scope="module")
def lab(digits):
    return variance.SeedSpreadLab(*digits, max_seeds=4, epochs=1, batch_size=128)


def test_lab_caches_and_rescores(lab):
    first = lab.run(4, 899, 8)
    assert not lab.needs_training(8) and lab.needs_training(16)
    assert first.accuracies.shape == (4,) and first.n_test == 899
    again = lab.run(4, 899, 8)
    np.testing.assert_array_equal(first.accuracies, again.accuracies)  # deterministic test samples
    small = lab.run(3, 50, 8)
    np.testing.assert_array_equal(small.accuracies * 50, np.round(small.accuracies * 50))
    assert small.seed_sd == pytest.approx(np.std(lab.pool_correct(8)[:3].mean(axis=1), ddof=1))
    assert small.predicted_sd == pytest.approx(math.hypot(small.seed_sd, small.binomial_se))
    low, high = small.interval
    assert low <= small.mean <= high


def test_test_sampling_spread_shrinks_with_test_size(lab):
    # With the seed's part fixed, a 16x larger test sample shrinks the binomial SE 4x.
    small, large = lab.run(4, 50, 8), lab.run(4, 800, 8)
    assert small.binomial_se > 3 * large.binomial_se


def test_seed_spread_explorer_without_browser(lab):
    explorer = widgets.seed_spread_explorer(lab, n_seeds=4, n_test=100, hidden_units=8,
                                            seed_options=(2, 3, 4), size_options=(8, 16))
    assert explorer.result.n_seeds == 4 and explorer.image.value
    before = explorer.numbers.value
    explorer.controls["n_test"].value = 899
    assert explorer.result.n_test == 899 and explorer.numbers.value != before
    explorer.controls["n_seeds"].value = 2
    assert explorer.result.accuracies.shape == (2,)
    statuses = []
    explorer.status.observe(lambda change: statuses.append(change["new"]), names="value")
    explorer.controls["hidden_units"].value = 16  # not cached yet: trains, and says so first
    assert any("training 4 models" in status for status in statuses)
    assert explorer.status.value == "" and explorer.result.hidden_units == 16
    assert explorer.last_update_seconds > 0


# --- plots ------------------------------------------------------------------------------------

def test_plots_return_axes():
    ax = Figure().subplots()
    assert plots.plot_accuracy_strips({"a": [0.9, 0.91], "b": [0.88, 0.93]}, ax=ax, title="t") is ax
    assert len(ax.get_yticks()) == 2
    ax2 = Figure().subplots()
    assert plots.plot_seed_spread([0.9, 0.92, 0.91], n_test=100, seed_sd=0.004, ax=ax2) is ax2
    assert ax2.get_ylabel() == "runs"


# --- bad input names the argument ---------------------------------------------------------

@pytest.mark.parametrize("call, error, words", [
    (lambda: variance.binomial_se(1.2, 100), ValueError, "accuracy"),
    (lambda: variance.binomial_se("0.9", 100), TypeError, "accuracy"),
    (lambda: variance.binomial_se(0.9, 0), ValueError, "n_test"),
    (lambda: variance.binomial_se(0.9, 10.5), TypeError, "n_test"),
    (lambda: variance.binomial_interval(0.9, 100, confidence=1.5), ValueError, "confidence"),
    (lambda: variance.bootstrap_accuracy([0, 1], [0]), ValueError, "y_true has 2, y_pred has 1"),
    (lambda: variance.bootstrap_accuracy([0, 1], [0, 1], n_resamples=1), ValueError, "n_resamples"),
    (lambda: variance.mcnemar_test([0, 1], [0, 1], [0]), ValueError, "pred_b"),
    (lambda: variance.mcnemar_test(None, [0], [0]), TypeError, "y_true"),
    (lambda: variance.paired_difference([0.9], [0.8]), ValueError, "scores_a and scores_b need at least 2"),
    (lambda: variance.paired_difference([0.9, 0.8], [0.8]), ValueError, "scores_a has 2, scores_b has 1"),
    (lambda: variance.paired_difference([0.9, 0.8], [0.8, 0.7], test_train_ratio=-1), ValueError,
     "test_train_ratio"),
    (lambda: variance.best_of_n([0.9, np.nan], 2), ValueError, "accuracies"),
    (lambda: variance.best_of_n([0.9], 0), ValueError, "n must be at least 1"),
    (lambda: variance.expected_best_of_n([], 2), ValueError, "accuracies"),
    (lambda: variance.per_member_splits(np.zeros(5), [0, 1, 0, 1, 0], [0]), ValueError, "X must be"),
    (lambda: variance.per_member_splits(np.zeros((4, 2)), [0, 1, 0, 1], [-1]), ValueError, "split_seeds"),
    (lambda: variance.per_member_splits(np.zeros((4, 2)), [0, 1, 0, 1], [0], test_size=2), ValueError,
     "test_size"),
    (lambda: variance.source_separation_experiment(np.zeros((4, 2)), [0, 1, 0, 1], n_runs=1), ValueError,
     "n_runs"),
    (lambda: variance.source_separation_experiment(np.zeros((4, 2)), [0, 1, 0, 1],
                                                   conditions={"x": ("weights",)}), ValueError, "conditions"),
    (lambda: variance.SeedSpreadLab(np.zeros((10, 2)), [0, 1] * 5, max_seeds=1), ValueError, "max_seeds"),
    (lambda: variance.SeedSpreadLab(np.zeros((10, 2)), [0, 1] * 4), ValueError, "X has 10, y has 8"),
    (lambda: plots.plot_accuracy_strips([0.9, 0.8]), TypeError, "groups"),
    (lambda: plots.plot_seed_spread([], n_test=10), ValueError, "accuracies"),
])
def test_bad_input_is_named(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_lab_run_bad_input(lab):
    with pytest.raises(ValueError, match="n_seeds must be at most max_seeds=4"):
        lab.run(10, 100, 8)
    with pytest.raises(TypeError, match="n_test"):
        lab.run(2, 10.0, 8)
    with pytest.raises(ValueError, match="hidden_units"):
        lab.run(2, 100, 0)


# --- exercise checkers --------------------------------------------------------------------

def _status(question, answer):
    return question.evaluate(answer).status


def test_ex05_reference_answers_are_correct():
    y, a, b = ex05.paired_predictions()
    assert np.mean(a == y) == 0.82 and np.mean(b == y) == 0.83
    assert _status(ex05.q1, math.sqrt(0.83 * 0.17 / 500)) == "correct"
    assert _status(ex05.q2, "no") == "correct"
    p_value = binomtest(int(np.sum((a == y) & (b != y))), int(np.sum((a == y) != (b == y))), 0.5).pvalue
    assert _status(ex05.q3, p_value) == "correct"
    assert _status(ex05.q4, "McNemar") == "correct"
    assert _status(ex05.q5, "paired t-test") == "correct"
    runs = ex05.seed_runs()
    assert runs.shape == (20,) and _status(ex05.q6, runs.max() - runs.mean()) == "correct"


@pytest.mark.parametrize("question, answer, words", [
    (ex05.q1, 0.83 * 0.17 / 500, "square root"),
    (ex05.q1, 0.83 * 0.17 / math.sqrt(500), "over the whole fraction"),
    (ex05.q1, math.sqrt(0.83 * 0.17), "single test sample"),
    (ex05.q2, "yes", "inside the noise"),
    (ex05.q3, None, "single number"),
    (ex05.q3, ex05._binomtest_on_all_samples(), "discordant"),
    (ex05.q4, "unpaired", "same"),
    (ex05.q5, "mcnemar", "ten fold scores"),
    (ex05.q6, float(ex05.seed_runs().max() - ex05.seed_runs().min()), "range"),
])
def test_ex05_typical_mistakes_get_their_message(question, answer, words):
    verdict = question.evaluate(answer)
    assert verdict.status == "incorrect" and words in verdict.message


def test_ex05_one_sided_mcnemar_gets_its_message():
    one_sided = ex05.q3.expected / 2
    assert "one-sided" in ex05.q3.evaluate(one_sided).message


@pytest.mark.parametrize("question", [ex05.q1, ex05.q2, ex05.q3, ex05.q4, ex05.q5, ex05.q6])
def test_ex05_placeholder_and_wrong_types_never_raise(question):
    assert question.evaluate(____).status == "not attempted"
    for wrong in ["abc", [1, 2], {"a": 1}, np.array([0.1, 0.2]), object(), math.nan]:
        assert question.evaluate(wrong).status == "incorrect"
