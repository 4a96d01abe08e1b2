"""Data are deterministic; seeds repeat; the environment report; the Keras builder."""

import random

import numpy as np
import pytest

from course_utils import data
from course_utils.metrics import confusion_counts, majority_rate
from course_utils.reproducibility import COURSE_PACKAGES, environment_report, set_seed


def test_generators_are_deterministic_given_a_seed():
    X1, y1 = data.make_imbalanced_binary(300, prevalence=0.1, seed=4)
    X2, y2 = data.make_imbalanced_binary(300, prevalence=0.1, seed=4)
    X3, _ = data.make_imbalanced_binary(300, prevalence=0.1, seed=5)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, X3)
    assert y1.sum() == 30


def test_binormal_scores_have_the_requested_auc():
    from sklearn.metrics import roc_auc_score

    y, scores = data.make_binormal_scores(2000, 2000, auc=0.8, seed=2)
    assert abs(roc_auc_score(y, scores) - 0.8) < 0.03


def test_digits_nine_vs_rest():
    split = data.load_digits_one_vs_rest(digit=9)
    X_train, X_test, y_train, y_test = split
    assert X_test.shape == (899, 64) and X_train.shape == (898, 64)
    assert round(majority_rate(y_test), 3) == 0.9
    assert abs(y_train.mean() - y_test.mean()) < 0.002  # stratified
    two = split.select_features([21, 42])
    assert two.X_train.shape == (898, 2) and two.feature_names == ("pixel_2_5", "pixel_5_2")


def test_set_seed_repeats_python_and_numpy():
    assert set_seed(7) == 7
    first = (random.random(), np.random.rand())
    set_seed(7)
    assert (random.random(), np.random.rand()) == first


@pytest.mark.parametrize("seed", [-1, 1.5, "0", None])
def test_set_seed_rejects_bad_seeds(seed):
    with pytest.raises((TypeError, ValueError), match="seed"):
        set_seed(seed)


def test_environment_report_without_tensorflow():
    report = environment_report(check_tensorflow=False)
    assert report.ok, report.problems
    assert set(report.packages) == set(COURSE_PACKAGES) and all(report.packages.values())
    assert "All checks passed" in str(report) and "All checks passed" in report._repr_html_()


def test_keras_model_is_repeatable_and_evaluate_matches_the_confusion_matrix():
    from course_utils.models import build_binary_mlp

    X, y = data.make_imbalanced_binary(200, prevalence=0.2, separation=1.0, seed=0)
    runs = []
    for _ in range(2):
        model = build_binary_mlp(2, hidden_units=(4,), seed=3)
        initial = [w.copy() for w in model.get_weights()]
        model.fit(X, y, epochs=3, batch_size=32, verbose=0)
        runs.append((initial, model.predict(X, verbose=0).ravel(), model.evaluate(X, y, verbose=0)[1]))
    for a, b in zip(runs[0][0], runs[1][0]):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(runs[0][1], runs[1][1])
    counts = confusion_counts(y, (runs[0][1] > 0.5).astype(int))
    assert runs[0][2] == pytest.approx(counts.accuracy, abs=1e-6)
