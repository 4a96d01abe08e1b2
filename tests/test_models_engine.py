"""The batched ensemble trains independent members, like a loop over Keras fit, but faster."""

import numpy as np
import pytest
from scipy.stats import mannwhitneyu, ttest_ind
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from course_utils.models import train_keras_loop, train_mlp_ensemble
from course_utils.stats import sample_sd, spread

SMALL = dict(hidden_units=16, epochs=4, batch_size=32, learning_rate=0.01)


@pytest.fixture(scope="module")
def digits():
    X, y = load_digits(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X / 16, y, test_size=0.5, stratify=y, random_state=0)
    return X_train, y_train, X_test, y_test


def test_changing_one_members_seed_changes_only_that_member(digits):
    base = train_mlp_ensemble(*digits, n_members=3, init_seeds=[0, 1, 2], **SMALL)
    changed = train_mlp_ensemble(*digits, n_members=3, init_seeds=[0, 1, 7], **SMALL)
    np.testing.assert_allclose(base.epoch_loss[:2], changed.epoch_loss[:2], rtol=1e-6)
    np.testing.assert_array_equal(base.test_predictions[:2], changed.test_predictions[:2])
    assert not np.allclose(base.epoch_loss[2], changed.epoch_loss[2])


def test_a_member_trains_the_same_alone_or_in_a_batch(digits):
    alone = train_mlp_ensemble(*digits, n_members=1, init_seeds=[5], **SMALL)
    batched = train_mlp_ensemble(*digits, n_members=3, init_seeds=[3, 5, 9], **SMALL)
    np.testing.assert_allclose(alone.epoch_loss[0], batched.epoch_loss[1], rtol=1e-4)
    assert np.mean(alone.test_predictions[0] == batched.test_predictions[1]) > 0.99


def test_shared_shuffle_seed_removes_only_order_variation(digits):
    result = train_mlp_ensemble(*digits, n_members=2, init_seeds=[4, 4], shuffle_seeds=[0, 0], **SMALL)
    np.testing.assert_allclose(result.epoch_loss[0], result.epoch_loss[1], rtol=1e-6)
    different_order = train_mlp_ensemble(*digits, n_members=2, init_seeds=[4, 4], shuffle_seeds=[0, 1], **SMALL)
    assert not np.allclose(different_order.epoch_loss[0], different_order.epoch_loss[1])


def test_per_member_splits(digits):
    X_train, y_train, X_test, y_test = digits
    rng = np.random.default_rng(0)
    index = np.stack([rng.permutation(len(y_train)) for _ in range(2)])
    result = train_mlp_ensemble(X_train[index], y_train[index], X_test, y_test, n_members=2,
                                init_seeds=[0, 0], shuffle_seeds=[0, 0], **SMALL)
    assert result.test_accuracy.shape == (2,)
    assert not np.allclose(result.epoch_loss[0], result.epoch_loss[1])


def test_ensemble_learns(digits):
    result = train_mlp_ensemble(*digits, n_members=4, **SMALL)
    assert np.all(result.test_accuracy > 0.8)  # chance is 0.1
    assert np.all(result.train_accuracy > 0.8)
    assert np.all(np.diff(result.epoch_loss, axis=1) < 0)  # loss falls every epoch
    assert result.test_predictions.shape == (4, len(digits[3]))
    np.testing.assert_allclose(result.test_accuracy, (result.test_predictions == digits[3]).mean(axis=1))
    summary = spread(result.test_accuracy)
    assert summary["min"] <= summary["mean"] <= summary["max"]


def test_spread_matches_a_loop_over_keras_fit(digits):
    """60 engine members against 20 fit calls: the difference in mean accuracy is bounded.

    Equivalence margin: the 95 % (Welch) interval of the difference in mean test accuracy lies inside
    ±0.02 (about one run-to-run sd of these short runs), and the standard deviations agree within a
    factor 3. A Mann–Whitney test detects no difference. Together they bound how different the two
    can be; they do not prove them equal.
    """
    ensemble = train_mlp_ensemble(*digits, n_members=60, init_seeds=np.arange(60), **SMALL).test_accuracy
    loop = train_keras_loop(*digits, seeds=np.arange(20) + 1000, **SMALL)
    low, high = ttest_ind(ensemble, loop, equal_var=False).confidence_interval(0.95)
    assert -0.02 < low and high < 0.02
    assert 1 / 3 < sample_sd(ensemble) / sample_sd(loop) < 3
    assert mannwhitneyu(ensemble, loop).pvalue > 0.01


@pytest.mark.parametrize("change, message", [
    (dict(y_train=np.zeros(5, int)), "y_train"),
    (dict(X_train=np.zeros((2, 3, 4, 5))), "X_train"),
    (dict(y_train=None), "y_train"),
    (dict(init_seeds=[0, 1]), "init_seeds"),
    (dict(shuffle_seeds=[-1, 0, 1]), "shuffle_seeds"),
    (dict(n_members=0), "n_members"),
    (dict(learning_rate=-1.0), "learning_rate"),
    (dict(X_test=np.zeros((4, 3))), "features"),
])
def test_bad_input_is_named(digits, change, message):
    X_train, y_train, X_test, y_test = digits
    arguments = dict(X_train=X_train, y_train=y_train, X_test=X_test, y_test=y_test, n_members=3)
    if change.get("y_train", 0) is None:
        change = dict(y_train=y_train.astype(float) + 0.5)
    arguments.update(change)
    if "X_test" in change:
        arguments["y_test"] = np.zeros(4, int)
    with pytest.raises((ValueError, TypeError), match=message):
        train_mlp_ensemble(**arguments, epochs=1)


@pytest.mark.parametrize("change, exc, message", [
    (dict(seeds=[]), ValueError, "seeds must be at least one non-negative integers"),
    (dict(seeds=[0, -1]), ValueError, "seeds must be"),
    (dict(seeds=[0.5]), ValueError, "seeds must be"),
    (dict(hidden_units=0), ValueError, "hidden_units must be at least 1"),
    (dict(learning_rate=0), ValueError, "learning_rate must be positive"),
    (dict(learning_rate="fast"), TypeError, "learning_rate must be a number"),
    (dict(X_test=np.zeros((4, 3))), ValueError, "features"),
    (dict(y_train=None), ValueError, "y_train must hold class indices"),
    (dict(n_classes=1), ValueError, "n_classes must be at least 2"),
])
def test_keras_loop_bad_input_is_named_before_tensorflow_trains(digits, change, exc, message):
    X_train, y_train, X_test, y_test = digits
    arguments = dict(X_train=X_train, y_train=y_train, X_test=X_test, y_test=y_test, seeds=[0])
    if change.get("y_train", 0) is None:
        change = dict(y_train=y_train.astype(float) + 0.5)
    arguments.update(change)
    if "X_test" in change:
        arguments["y_test"] = np.zeros(4, int)
    with pytest.raises(exc, match=message):
        train_keras_loop(**arguments, epochs=1)
