"""Data sets are deterministic given a seed and have the documented shape and balance."""

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from course_utils.data import Split, load_digits_one_vs_rest, make_binormal_scores, make_imbalanced_binary
from course_utils.metrics import majority_rate


@pytest.fixture(scope="module")
def digits9():
    return load_digits_one_vs_rest(digit=9)


# --- make_imbalanced_binary ----------------------------------------------------------------


def test_imbalanced_same_seed_same_data():
    X1, y1 = make_imbalanced_binary(300, prevalence=0.1, seed=4)
    X2, y2 = make_imbalanced_binary(300, prevalence=0.1, seed=4)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)


def test_imbalanced_different_seed_different_data():
    X1, y1 = make_imbalanced_binary(300, prevalence=0.1, seed=4)
    X2, y2 = make_imbalanced_binary(300, prevalence=0.1, seed=5)
    assert not np.array_equal(X1, X2)
    assert not np.array_equal(y1, y2)
    assert y1.sum() == y2.sum() == 30  # only the order and values change, not the count


@pytest.mark.parametrize("n_samples, prevalence, n_positive", [
    (200, 0.1, 20), (1000, 0.05, 50), (1000, 0.01, 10), (100, 0.5, 50), (999, 0.333, 333),
    (50, 0.001, 1),     # at least one positive
    (10, 0.999, 9),     # at least one negative
])
def test_imbalanced_exact_positive_count(n_samples, prevalence, n_positive):
    X, y = make_imbalanced_binary(n_samples, prevalence=prevalence, seed=0)
    assert X.shape == (n_samples, 2)
    assert y.shape == (n_samples,)
    assert int(y.sum()) == n_positive
    assert set(np.unique(y).tolist()) == {0, 1}
    assert np.issubdtype(y.dtype, np.integer)


def test_imbalanced_n_features_and_separation():
    X, y = make_imbalanced_binary(4000, prevalence=0.5, separation=2.0, n_features=3, seed=1)
    assert X.shape == (4000, 3)
    gap = X[y == 1].mean(axis=0) - X[y == 0].mean(axis=0)
    np.testing.assert_allclose(gap, 2.0, atol=0.15)
    X0, y0 = make_imbalanced_binary(4000, prevalence=0.5, separation=0.0, seed=1)
    np.testing.assert_allclose(X0[y0 == 1].mean(axis=0) - X0[y0 == 0].mean(axis=0), 0.0, atol=0.15)


def test_imbalanced_docstring_example():
    X, y = make_imbalanced_binary(200, prevalence=0.1, seed=1)
    assert (X.shape, int(y.sum())) == ((200, 2), 20)


# --- make_binormal_scores ------------------------------------------------------------------


def test_binormal_determinism():
    a = make_binormal_scores(50, 150, auc=0.8, seed=3)
    b = make_binormal_scores(50, 150, auc=0.8, seed=3)
    c = make_binormal_scores(50, 150, auc=0.8, seed=4)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    np.testing.assert_array_equal(a[0], c[0])  # labels are positives first, whatever the seed
    assert not np.array_equal(a[1], c[1])


def test_binormal_counts_and_order():
    y, scores = make_binormal_scores(10, 90, seed=0)
    assert y.shape == scores.shape == (100,)
    assert float(y.mean()) == 0.1
    assert y[:10].tolist() == [1] * 10 and y[10:].tolist() == [0] * 90


@pytest.mark.parametrize("auc", [0.6, 0.75, 0.9, 0.97])
def test_binormal_empirical_auc_matches_requested(auc):
    y, scores = make_binormal_scores(2000, 2000, auc=auc, seed=0)
    assert roc_auc_score(y, scores) == pytest.approx(auc, abs=0.03)


# --- digits one-vs-rest --------------------------------------------------------------------


def test_digits_nine_vs_rest_test_split(digits9):
    assert digits9.X_test.shape == (899, 64)
    assert digits9.y_test.shape == (899,)
    assert digits9.X_train.shape == (898, 64)
    assert round(majority_rate(digits9.y_test), 3) == 0.9
    assert round(float(digits9.y_test.mean()), 3) == 0.1
    assert set(np.unique(digits9.y_train).tolist()) == {0, 1}
    assert 0 <= digits9.X_test.min() and digits9.X_test.max() <= 16


def test_digits_positive_class_is_the_digit():
    from sklearn.datasets import load_digits

    _, labels = load_digits(return_X_y=True)
    for digit in (0, 3):
        split = load_digits_one_vs_rest(digit=digit)
        assert split.y_train.sum() + split.y_test.sum() == np.sum(labels == digit)


def test_digits_determinism(digits9):
    again = load_digits_one_vs_rest(digit=9)
    np.testing.assert_array_equal(again.X_test, digits9.X_test)
    np.testing.assert_array_equal(again.y_test, digits9.y_test)
    other = load_digits_one_vs_rest(digit=9, seed=1)
    assert not np.array_equal(other.X_test, digits9.X_test)


def test_split_unpacks_in_documented_order(digits9):
    X_train, X_test, y_train, y_test = digits9
    assert X_train is digits9.X_train and X_test is digits9.X_test
    assert y_train is digits9.y_train and y_test is digits9.y_test


def test_split_feature_names(digits9):
    assert len(digits9.feature_names) == 64
    assert digits9.feature_names[0] == "pixel_0_0"
    assert digits9.feature_names[21] == "pixel_2_5"
    assert digits9.feature_names[63] == "pixel_7_7"


def test_select_features(digits9):
    small = digits9.select_features([21, 42])
    assert isinstance(small, Split)
    assert small.X_train.shape == (898, 2) and small.X_test.shape == (899, 2)
    np.testing.assert_array_equal(small.X_test, digits9.X_test[:, [21, 42]])
    np.testing.assert_array_equal(small.y_test, digits9.y_test)
    assert small.feature_names == ("pixel_2_5", "pixel_5_2")
    # the original is unchanged
    assert digits9.X_test.shape == (899, 64)
    # numpy integers and tuples work too
    assert digits9.select_features(np.array([3])).X_train.shape == (898, 1)


def test_select_features_without_names():
    split = Split(np.arange(6.0).reshape(2, 3), np.arange(3.0).reshape(1, 3), np.array([0, 1]), np.array([1]))
    assert split.select_features([2]).feature_names == ()
    assert split.select_features([2]).X_train.tolist() == [[2.0], [5.0]]
