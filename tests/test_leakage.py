"""Each leakage experiment shows its leak: wrong way above chance, right way at chance."""

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils import leakage, widgets  # noqa: E402

INFLATING = [leakage.feature_selection_leak, leakage.oversampling_leak, leakage.duplicate_leak,
             leakage.group_leak, leakage.temporal_leak, leakage.target_leak]


@pytest.mark.parametrize("experiment", INFLATING, ids=lambda f: f.__name__)
@pytest.mark.parametrize("seed", [0, 1])
def test_leak_inflates_and_honest_score_is_at_chance(experiment, seed):
    result = experiment(seed=seed)
    assert result.leaky > 0.75, result.row()
    assert abs(result.honest - result.chance) < 0.15, result.row()
    assert result.inflation > 0.2


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_scaling_leak_is_within_noise(seed):
    result = leakage.scaling_leak(seed=seed)
    assert abs(result.inflation) < 0.02 and abs(result.honest - 0.5) < 0.06


def test_tuning_on_the_test_set_is_optimistic_on_average():
    results = [leakage.tuning_on_test_leak(seed=seed) for seed in range(4)]
    assert all(r.leaky >= r.honest for r in results)
    assert np.mean([r.honest for r in results]) < 0.58 < np.mean([r.leaky for r in results])


def test_experiments_are_deterministic():
    assert leakage.group_leak(seed=3) == leakage.group_leak(seed=3)
    assert leakage.feature_selection_leak(seed=3).row() != leakage.feature_selection_leak(seed=4).row()


def test_generators():
    X, y, groups = leakage.make_grouped_noise(n_groups=6, per_group=4, seed=0)
    assert X.shape == (24, 5) and len(np.unique(groups)) == 6
    for g in np.unique(groups):
        assert len(np.unique(y[groups == g])) == 1  # one label per patient
    X, y = leakage.make_drifting_series(n_steps=200, block=50, seed=0)
    assert X.shape == (200, 3) and all(len(np.unique(y[i:i + 50])) == 1 for i in range(0, 200, 50))
    X, y, item = leakage.make_duplicated_noise(n_unique=10, copies=3, seed=0)
    assert X.shape[0] == 30 and np.allclose(X[0], X[1], atol=0.1)


@pytest.mark.parametrize("call, words", [
    (lambda: leakage.feature_selection_leak(n_features=5, n_selected=10), "n_selected (10) cannot exceed n_features (5)"),
    (lambda: leakage.feature_selection_leak(n_samples=2), "n_samples must be at least"),
    (lambda: leakage.duplicate_leak(copies=1), "copies must be at least 2"),
    (lambda: leakage.group_leak(n_groups=2), "n_groups must be at least 4"),
    (lambda: leakage.temporal_leak(seed=-1), "seed must be at least 0"),
    (lambda: leakage.make_drifting_series(block="50"), "block must be an integer"),
    (lambda: widgets.selection_leak_explorer(n_features=123), "n_features must be one of"),
])
def test_bad_input_is_named(call, words):
    with pytest.raises((ValueError, TypeError)) as raised:
        call()
    assert words in str(raised.value)


def test_selection_widget_reruns_the_experiment():
    explorer = widgets.selection_leak_explorer(n_features=2000, n_selected=20)
    assert explorer.result == leakage.feature_selection_leak(n_features=2000, n_selected=20)
    before = bytes(explorer.image.value)
    explorer.controls["n_features"].value = 50
    expected = leakage.feature_selection_leak(n_features=50, n_selected=20)
    assert explorer.result == expected
    assert f"{expected.leaky:.3f}" in explorer.numbers.value and f"{expected.honest:.3f}" in explorer.numbers.value
    assert bytes(explorer.image.value) != before
