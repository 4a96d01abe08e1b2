"""Seed variance (notebook 05): experiments, plots and the widget.

The statistics they use are tested in test_stats.py; exercise set 05 in test_exercises_04_06.py."""

import math

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

from course_utils import plots, variance, widgets  # noqa: E402


@pytest.fixture(scope="module")
def digits():
    X, y = load_digits(return_X_y=True)
    return X / 16, y


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
    np.testing.assert_allclose(small.accuracies * 50, np.round(small.accuracies * 50), atol=1e-9)  # counts of 50
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
