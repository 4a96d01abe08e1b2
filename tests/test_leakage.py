"""Each leakage experiment shows its leak: wrong way above chance, right way at chance; helpers, widget, checkers."""

import matplotlib

matplotlib.use("Agg")
import dataclasses  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from conftest import assert_refused, bad_feature_calls  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from sklearn.neighbors import KNeighborsClassifier  # noqa: E402

from course_utils import leakage, plots, widgets  # noqa: E402
from course_utils.data import make_imbalanced_noise  # noqa: E402

INFLATING = [leakage.feature_selection_leak, leakage.oversampling_leak, leakage.duplicate_leak,
             leakage.group_leak, leakage.temporal_leak, leakage.target_leak]


# --- every leak, measured ---------------------------------------------------------------------------------

@pytest.mark.parametrize("experiment", INFLATING, ids=lambda f: f.__name__)
@pytest.mark.parametrize("seed", [0, 1])
def test_leak_inflates_and_honest_score_is_at_chance(experiment, seed):
    result = experiment(seed=seed)
    assert result.leaky > 0.75, result.row()
    assert abs(result.honest - result.chance) < 0.15, result.row()
    assert result.inflation > 0.2


@pytest.mark.parametrize("experiment, n_units", [(leakage.feature_selection_leak, 80),
                                                 (leakage.duplicate_leak, 300), (leakage.group_leak, 100)],
                         ids=["selection", "duplicates", "groups"])
def test_on_noise_only_data_the_honest_mean_is_chance_and_the_leaky_mean_is_far_above(experiment, n_units):
    results = [experiment(seed=seed) for seed in range(8)]
    standard_error_of_the_mean = np.sqrt(0.25 / n_units) / np.sqrt(len(results))
    assert abs(np.mean([r.honest for r in results]) - 0.5) < 3 * standard_error_of_the_mean
    assert np.mean([r.leaky for r in results]) > 0.5 + 0.25


def test_feature_selection_wrong_way_matches_the_design_on_average():
    # Course design §6: ≈ 0.78 wrong way vs ≈ 0.50 honest (2,000 noise features, top 20)
    results = [leakage.feature_selection_leak(n_samples=80, seed=seed) for seed in range(20)]
    assert np.mean([r.leaky for r in results]) == pytest.approx(0.78, abs=0.04)
    assert np.mean([r.honest for r in results]) == pytest.approx(0.5, abs=0.05)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_scaling_leak_is_within_noise(seed):
    result = leakage.scaling_leak(seed=seed)
    assert abs(result.inflation) < 0.02 and abs(result.honest - 0.5) < 0.06


def test_article_scaling_split_is_within_one_test_row_and_at_chance():
    results = [leakage.article_scaling_split(seed=seed) for seed in range(10)]
    assert all(abs(r.inflation) <= 1 / 200 + 1e-12 for r in results)  # 200 test rows: one row is 0.005
    assert all(round(r.honest * 200, 6).is_integer() for r in results)  # scored on the article's 200 test rows
    assert abs(np.mean([r.honest for r in results]) - 0.5) < 3 * np.sqrt(0.25 / 2000)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_target_encoding_on_all_rows_leaks_and_inside_the_folds_does_not(seed):
    result = leakage.target_encoding_leak(seed=seed)
    assert result.leaky > 0.6 and result.inflation > 0.1, result.row()
    # at chance: the share of the majority label (within 0.03 of 0.5 here) plus noise
    assert abs(result.honest - 0.5) < 2.5 * np.sqrt(0.25 / 1000) + 0.03, result.row()


def test_target_encoding_leak_follows_the_row_s_own_label():
    # 5 rows per category: thresholding the all-rows mean at 0.5 is right when >= 2 of the other 4 share the label
    results = [leakage.target_encoding_leak(seed=seed) for seed in range(4)]
    assert np.mean([r.leaky for r in results]) == pytest.approx(11 / 16, abs=0.03)
    fewer_rows = leakage.target_encoding_leak(n_samples=1000, n_categories=500, seed=0)
    assert fewer_rows.leaky > results[0].leaky  # fewer rows per category, larger leak


def test_logistic_fits_on_noise_are_converged_far_from_the_boundary():
    # Checked cells print digits from these fits: the optimum must be reached far beyond the printed precision,
    # so that any BLAS kernel or thread count gives the same predictions. Two different solvers must agree.
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(0)
    X, y = rng.random((1000, 20)), rng.integers(0, 2, 1000)
    X_train, X_test, y_train, _ = train_test_split(StandardScaler().fit_transform(X), y, test_size=0.2, random_state=42)
    newton = leakage._logistic().fit(X_train, y_train)
    lbfgs = LogisticRegression(solver="lbfgs", tol=1e-12, max_iter=10_000).fit(X_train, y_train)
    np.testing.assert_allclose(newton.coef_, lbfgs.coef_, atol=1e-6)
    assert np.array_equal(newton.predict(X_test), lbfgs.predict(X_test))
    assert np.abs(newton.decision_function(X_test)).min() > 1e-4


def test_feature_selection_results_are_cached():
    first = leakage.feature_selection_leak(n_samples=30, n_features=40, n_selected=5, seed=4)
    assert leakage.feature_selection_leak(n_samples=30, n_features=40, n_selected=5, seed=4) is first


def test_tuning_on_the_test_set_is_optimistic_on_average():
    results = [leakage.tuning_on_test_leak(seed=seed) for seed in range(4)]
    assert all(r.leaky >= r.honest for r in results)
    assert np.mean([r.honest for r in results]) < 0.58 < np.mean([r.leaky for r in results])


LEAK_EXPERIMENTS = [leakage.scaling_leak, leakage.feature_selection_leak, leakage.oversampling_leak,
                    leakage.duplicate_leak, leakage.group_leak, leakage.temporal_leak, leakage.target_leak,
                    leakage.target_encoding_leak, leakage.tuning_on_test_leak]


def test_leak_labels_are_distinct_and_name_no_source_file():
    labels = [experiment(seed=0).leak for experiment in LEAK_EXPERIMENTS]
    assert len(set(labels)) == len(labels)
    assert not any("seed" in label for label in labels)  # learner-visible labels


def test_experiments_are_deterministic_and_depend_on_the_seed():
    assert leakage.group_leak(seed=3) == leakage.group_leak(seed=3)
    assert leakage.oversampling_leak(seed=3) == leakage.oversampling_leak(seed=3)
    assert leakage.feature_selection_leak(seed=3).row() != leakage.feature_selection_leak(seed=4).row()


# --- LeakResult -------------------------------------------------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1))
def test_leak_result_inflation_is_leaky_minus_honest(leaky, honest):
    result = leakage.LeakResult("x", np.float64(leaky), honest, 0.5, "accuracy", "fix")
    assert result.inflation == pytest.approx(leaky - honest)
    assert type(result.leaky) is float
    assert result.row()["inflation"] == pytest.approx(round(leaky - honest, 3), abs=1e-3)


def test_leak_result_is_frozen_and_summarised():
    result = leakage.LeakResult("x", 0.9, 0.5, 0.5, "accuracy", "fix")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.leaky = 0.1
    assert result.summary() == "wrong way 0.900 | right way 0.500 | chance 0.500 | inflation +0.400 (accuracy)"
    assert result.row(decimals=1) == {"leaky": 0.9, "honest": 0.5, "chance": 0.5, "inflation": 0.4,
                                      "metric": "accuracy", "fix": "fix"}


# --- random oversampling ----------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 2), min_size=2, max_size=40), st.integers(0, 10_000))
def test_random_oversample_balances_with_copies_of_the_same_class(labels, seed):
    y = np.array(labels)
    X = np.arange(y.size, dtype=float).reshape(-1, 1) * 10 + y[:, None]  # each row unique, its class readable
    X_res, y_res = leakage.random_oversample(X, y, seed=seed)
    np.testing.assert_array_equal(X_res[:y.size], X)  # the original rows first, unchanged
    np.testing.assert_array_equal(y_res[:y.size], y)
    counts = np.unique(y_res, return_counts=True)[1]
    assert counts.min() == counts.max() == np.bincount(y).max()
    added = X_res[y.size:, 0]
    assert np.isin(added, X[:, 0]).all()                           # only copies
    np.testing.assert_array_equal(added.astype(int) % 10, y_res[y.size:])  # of a row of the same class


def test_oversampling_honest_half_is_a_loop_over_training_folds():
    # the notebook writes the loop out; it must give the function's honest score
    from sklearn.metrics import balanced_accuracy_score
    from sklearn.model_selection import StratifiedKFold

    X, y = make_imbalanced_noise(seed=2)
    scores = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=2).split(X, y):
        X_train, y_train = leakage.random_oversample(X[train], y[train], seed=2)
        model = KNeighborsClassifier(n_neighbors=1).fit(X_train, y_train)
        scores.append(balanced_accuracy_score(y[test], model.predict(X[test])))
    assert leakage.oversampling_leak(seed=2).honest == pytest.approx(np.mean(scores))


# --- bad input: the right exception type, and a message that names the argument ---------------------------

@pytest.mark.parametrize("call, error, words", [
    (lambda: leakage.feature_selection_leak(n_features=5, n_selected=10), ValueError, "n_selected (10) cannot exceed"),
    (lambda: leakage.feature_selection_leak(n_samples=2), ValueError, "n_samples must be at least"),
    (lambda: leakage.feature_selection_leak(n_selected=2.5), TypeError, "n_selected must be an integer"),
    (lambda: leakage.duplicate_leak(copies=1), ValueError, "copies must be at least 2"),
    (lambda: leakage.group_leak(n_groups=2), ValueError, "n_groups must be at least 4"),
    (lambda: leakage.group_leak(n_features=0), ValueError, "n_features must be at least 1"),
    (lambda: leakage.temporal_leak(seed=-1), ValueError, "seed must be at least 0"),
    (lambda: leakage.oversampling_leak(prevalence=0.7), ValueError, "prevalence must be in"),
    (lambda: leakage.oversampling_leak(prevalence="10 %"), TypeError, "prevalence must be a number"),
    (lambda: leakage.article_scaling_split(seed=1.5), TypeError, "seed must be an integer"),
    (lambda: leakage.target_encoding_leak(n_categories=2000), ValueError, "n_categories (2000) cannot exceed"),
    (lambda: leakage.target_encoding_leak(n_categories=0), ValueError, "n_categories must be at least 1"),
    *bad_feature_calls(leakage.random_oversample),
    (lambda: leakage.random_oversample([[1.0], [2.0]], [0, np.nan]), ValueError, "y contains NaN"),
    (lambda: leakage.random_oversample([[1.0], [2.0]], [0, 1], seed=-2), ValueError, "seed must be at least 0"),
    (lambda: leakage.selection_leak_grid([], [5]), ValueError, "n_features_options must be a non-empty list"),
    (lambda: leakage.selection_leak_grid([50], "5"), TypeError, "n_selected_options must be a non-empty list"),
    (lambda: leakage.selection_leak_grid([50.0], [5]), TypeError, "n_features_options must be an integer"),
    (lambda: plots.plot_leak_scores([]), ValueError, "results is empty"),
    (lambda: plots.plot_leak_scores([0.9]), TypeError, "results[0] must be a LeakResult"),
    (lambda: plots.plot_leak_scores(0.9), TypeError, "results must be a list of LeakResult"),
    (lambda: widgets.selection_leak_explorer(n_features=123), ValueError, "n_features must be one of"),
    (lambda: widgets.selection_leak_explorer(n_selected=3), ValueError, "n_selected must be one of"),
])
def test_bad_input_is_named(call, error, words):
    assert_refused(call, error, words)


# --- grid, plot and widget --------------------------------------------------------------------------------

def test_selection_grid_skips_impossible_pairs_and_matches_direct_runs():
    grid = leakage.selection_leak_grid([5, 40], [10, 2], n_samples=30, seed=2)
    assert sorted(grid) == [(5, 2), (40, 2), (40, 10)]
    assert grid[40, 10] == leakage.feature_selection_leak(n_samples=30, n_features=40, n_selected=10, seed=2)


def test_plot_leak_scores_draws_two_bars_per_leak_and_the_chance_line():
    results = [leakage.scaling_leak(seed=0), leakage.feature_selection_leak(seed=0), leakage.oversampling_leak(seed=0)]
    ax = plots.plot_leak_scores(results, ax=Figure().subplots(), title="t")
    assert len(ax.patches) == 6
    assert [t.get_text() for t in ax.get_yticklabels()] == [r.leak for r in results]
    assert [p.get_width() for p in ax.patches[:3]] == pytest.approx([r.leaky for r in results])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["wrong way", "right way", "chance"]


def test_selection_widget_looks_results_up_and_redraws():
    explorer = widgets.selection_leak_explorer(n_features=2000, n_selected=20)
    assert explorer.result == leakage.feature_selection_leak(n_features=2000, n_selected=20)
    before = bytes(explorer.image.value)
    explorer.controls["n_features"].value = 50
    expected = leakage.feature_selection_leak(n_features=50, n_selected=20)
    assert explorer.result == expected
    assert f"{expected.leaky:.3f}" in explorer.numbers.value and f"{expected.honest:.3f}" in explorer.numbers.value
    assert bytes(explorer.image.value) != before and explorer.image.value[:4] == b"\x89PNG"
    explorer.controls["n_selected"].value = 1
    # a look-up and a redraw, no cross-validation: the very result computed when the widget was built
    assert explorer.result is leakage.feature_selection_leak(n_features=50, n_selected=1)
