"""Data sets are deterministic given a seed and have the documented shape and balance."""

import importlib

import numpy as np
import pandas as pd
import pytest
from conftest import assert_refused
from sklearn.metrics import roc_auc_score

from course_utils import data
from course_utils.data import (
    Split,
    counting_task,
    first_token_task,
    last_above_first_task,
    load_digits_one_vs_rest,
    load_digits_with_rare_class,
    load_tumours,
    make_binormal_probabilities,
    make_binormal_scores,
    make_candidate_accuracies,
    make_categorical_noise,
    make_confused_predictions,
    make_drifting_series,
    make_duplicated_noise,
    make_grouped_noise,
    make_imbalanced_binary,
    make_imbalanced_noise,
    make_missed_class_predictions,
    make_noise_classification,
    make_overconfident_logits,
    make_paired_fold_scores,
    make_paired_predictions,
    make_patient_table,
    make_seed_accuracies,
    make_shifted_minority_data,
    make_uninformed_predictions,
    noisy_tagging_task,
    repeated_token_task,
    unmasked_tagging_task,
)
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


# --- the package: one organising axis -------------------------------------------------------


def test_every_name_lives_in_exactly_one_shape_module_and_nowhere_else():
    shapes = {name: importlib.import_module(f"course_utils.data.{name}") for name in ("tabular", "sequences", "real")}
    assert sorted(data.__all__) == sorted(name for module in shapes.values() for name in module.__all__)
    for name in data.__all__:
        (home,) = [shape for shape, module in shapes.items() if name in module.__all__]
        assert getattr(data, name).__module__ == f"course_utils.data.{home}", name
    # the experiment modules use the generators but do not publish them as their own
    for experiments in ("leakage", "per_class", "sequences", "experiments"):
        module = importlib.import_module(f"course_utils.{experiments}")
        assert not set(data.__all__) & set(module.__all__), experiments


# --- tabular: the leakage experiments' noise --------------------------------------------------


def test_leakage_generators():
    X, y, groups = make_grouped_noise(n_groups=6, per_group=4, n_features=3, seed=0)
    assert X.shape == (24, 3) and len(np.unique(groups)) == 6
    for g in np.unique(groups):
        assert len(np.unique(y[groups == g])) == 1  # one label per patient
    X, y = make_drifting_series(n_steps=200, block=50, seed=0)
    assert X.shape == (200, 3) and all(len(np.unique(y[i:i + 50])) == 1 for i in range(0, 200, 50))
    X, y, item = make_duplicated_noise(n_unique=10, copies=3, seed=0)
    assert X.shape[0] == 30 and np.allclose(X[0], X[1], atol=0.1) and np.all(y[item == 4] == y[item == 4][0])
    X, y = make_noise_classification(n_samples=11, n_features=4)
    assert X.shape == (11, 4) and y.sum() == 6
    X, y = make_imbalanced_noise(n_samples=200, prevalence=0.1, n_features=3)
    assert X.shape == (200, 3) and y.sum() == 20
    category, y = make_categorical_noise(n_samples=103, n_categories=10, seed=0)
    assert np.bincount(category).tolist() == [11, 11, 11] + [10] * 7 and set(np.unique(y)) == {0, 1}


def test_shuffle_reorders_rows_and_keeps_the_draws():
    X, y = make_noise_classification(n_samples=40, n_features=3, seed=2)
    X_shuffled, y_shuffled = make_noise_classification(n_samples=40, n_features=3, shuffle=True, seed=2)
    np.testing.assert_array_equal(X, X_shuffled)          # the labels are drawn after the features
    assert y_shuffled.sum() == y.sum() and not np.array_equal(y, y_shuffled)
    X, y, item = make_duplicated_noise(n_unique=20, copies=2, n_features=3, seed=4)
    X_s, y_s, item_s = make_duplicated_noise(n_unique=20, copies=2, n_features=3, shuffle=True, seed=4)
    assert sorted(item_s.tolist()) == item.tolist() and not np.array_equal(item, item_s)
    for k in range(20):  # each item keeps its label and its base point, whatever the order
        assert set(y_s[item_s == k]) == {y[item == k][0]}
        np.testing.assert_allclose(X_s[item_s == k].mean(axis=0), X[item == k].mean(axis=0), atol=0.05)


def test_grouped_noise_options_keep_one_label_per_group():
    X, y, groups = make_grouped_noise(n_groups=9, per_group=3, n_features=4, balanced=True, shuffle=True, seed=1)
    assert np.bincount(groups).tolist() == [3] * 9 and not np.array_equal(groups, np.sort(groups))
    labels = [set(y[groups == g].tolist()) for g in range(9)]
    assert all(len(label) == 1 for label in labels) and sum(label == {1} for label in labels) == 4  # 0,1,0,…
    X_plain, _, _ = make_grouped_noise(n_groups=9, per_group=3, n_features=4, offset_sd=0.0, seed=1)
    assert abs(X_plain.std() - 1) < 0.2 and X.std() > 2  # the offsets are the spread beyond the rows' own noise
    # the defaults keep their draws
    np.testing.assert_array_equal(make_grouped_noise(n_groups=5, seed=3)[0],
                                  make_grouped_noise(n_groups=5, offset_sd=3.0, balanced=False, shuffle=False,
                                                     seed=3)[0])


def test_duplicated_noise_jitter_is_the_spread_of_the_copies():
    X, _, item = make_duplicated_noise(n_unique=200, copies=2, n_features=5, jitter=0.0, seed=0)
    np.testing.assert_array_equal(X[item == 3][0], X[item == 3][1])
    X, _, item = make_duplicated_noise(n_unique=200, copies=2, n_features=5, jitter=0.5, seed=0)
    gaps = X[0::2] - X[1::2]                               # copy minus copy: variance 2 * jitter**2
    assert abs(gaps.std() - 0.5 * np.sqrt(2)) < 0.05


def test_shifted_minority_data():
    X, y = make_shifted_minority_data(n_majority=20, n_minority=5, shift=2.0, seed=1)
    assert X.shape == (25, 10) and y.sum() == 5
    assert X[y == 1].min() >= 2 > 1 >= X[y == 0].max()  # the article's classes do not overlap


# --- tabular: probabilities, paired predictions and scores ----------------------------------------


def test_binormal_probabilities_keep_the_ranking_of_the_scores():
    y, probabilities = make_binormal_probabilities(300, 700, auc=0.8, seed=3)
    assert int(y.sum()) == 300 and ((0 < probabilities) & (probabilities < 1)).all()
    assert roc_auc_score(y, probabilities) == pytest.approx(0.8, abs=0.04)
    y_sorted, scores = make_binormal_scores(300, 700, auc=0.8, seed=3)
    assert roc_auc_score(y, probabilities) == pytest.approx(roc_auc_score(y_sorted, scores))  # a monotone map
    _, steeper = make_binormal_probabilities(300, 700, auc=0.8, slope=3.0, seed=3)
    assert np.abs(steeper - 0.5).mean() > np.abs(probabilities - 0.5).mean()  # more confident


def test_paired_predictions_follow_the_shares():
    y, a, b = make_paired_predictions(20_000, n_classes=4, shares=(0.6, 0.1, 0.2, 0.1), seed=0)
    a_right, b_right = a == y, b == y
    observed = [np.mean(a_right & b_right), np.mean(a_right & ~b_right), np.mean(~a_right & b_right),
                np.mean(~a_right & ~b_right)]
    np.testing.assert_allclose(observed, [0.6, 0.1, 0.2, 0.1], atol=0.01)
    assert set(np.unique(np.r_[y, a, b]).tolist()) == {0, 1, 2, 3}
    both_wrong = ~a_right & ~b_right
    assert np.mean(a[both_wrong] != b[both_wrong]) > 0.5  # wrong answers are drawn independently


def test_paired_fold_scores_share_the_fold_difficulty():
    a, b = make_paired_fold_scores(200, 150, gain=0.02, seed=1)
    assert a.shape == b.shape == (200,) and ((0 <= a) & (a <= 1) & (0 <= b) & (b <= 1)).all()
    assert np.corrcoef(a, b)[0, 1] > 0.9                      # hard folds are hard for both
    assert np.mean(b - a) == pytest.approx(0.02, abs=0.003)
    np.testing.assert_allclose(a * 150, np.round(a * 150), atol=1e-9)  # whole test samples


def test_seed_accuracies_spread():
    accuracies = make_seed_accuracies(2000, 1000, accuracy=0.9, seed_sd=0.01, seed=0)
    assert accuracies.mean() == pytest.approx(0.9, abs=0.002)
    # seed-to-seed and binomial test-set noise add up
    assert accuracies.std() == pytest.approx(np.sqrt(0.01 ** 2 + 0.9 * 0.1 / 1000), rel=0.1)
    np.testing.assert_array_equal(accuracies, make_seed_accuracies(2000, 1000, accuracy=0.9, seed_sd=0.01, seed=0))


def test_overconfident_logits_are_calibrated_by_their_overconfidence():
    from course_utils.calibration import binary_cross_entropy, sigmoid

    logits, y = make_overconfident_logits(20_000, overconfidence=3.0, noise_sd=0.0, seed=0)
    losses = {t: binary_cross_entropy(y, sigmoid(logits / t)) for t in (1.0, 2.0, 3.0, 4.0)}
    assert min(losses, key=losses.get) == 3.0 and losses[1.0] > losses[3.0] + 0.1


def test_missed_class_predictions_miss_the_class_and_little_else():
    y, pred = make_missed_class_predictions(3000, shares=(0.5, 0.3, 0.2), missed_class=2, missed_share=0.6,
                                            confused_with=0, n_other_errors=30, seed=0)
    assert np.mean(pred[y == 2] == 2) == pytest.approx(0.4, abs=0.01)
    assert set(pred[(y == 2) & (pred != 2)].tolist()) == {0}
    assert 0 < np.sum(pred[y != 2] != y[y != 2]) <= 30 and not np.any(pred[y != 2] == 2)
    np.testing.assert_allclose(np.bincount(y) / 3000, [0.5, 0.3, 0.2], atol=0.03)


def test_confused_predictions_follow_the_recalls_and_the_typical_confusion():
    classes = ("a", "b", "c")
    y, pred = make_confused_predictions(classes, 20_000, shares=(0.5, 0.3, 0.2), recalls=(0.9, 0.6, 1.0),
                                        confused_with=("b", "c", "a"), typical_share=0.75, seed=1)
    recall = {c: np.mean(pred[y == c] == c) for c in classes}
    assert recall["a"] == pytest.approx(0.9, abs=0.02) and recall["b"] == pytest.approx(0.6, abs=0.02)
    assert recall["c"] == 1.0
    wrong_b = pred[(y == "b") & (pred != "b")]
    assert np.mean(wrong_b == "c") == pytest.approx(0.75 + 0.25 / 2, abs=0.03)  # typical, or by chance


def test_candidate_accuracies_are_binomial_noise_around_one_accuracy():
    validation, test = make_candidate_accuracies(4000, n_validation=150, n_test=60, accuracy=0.7, seed=0)
    assert validation.mean() == pytest.approx(0.7, abs=0.005) and test.mean() == pytest.approx(0.7, abs=0.005)
    assert validation.std() == pytest.approx(np.sqrt(0.21 / 150), rel=0.1)
    assert abs(np.corrcoef(validation, test)[0, 1]) < 0.05  # choosing on validation picks noise
    np.testing.assert_allclose(test * 60, np.round(test * 60), atol=1e-9)


def test_patient_table_leaks_through_one_column_only():
    table, diabetic = make_patient_table(2000, leak_agreement=0.9, seed=0)
    correlations = table.corrwith(pd.Series(diabetic)).abs()
    assert correlations.idxmax() == "insulin_prescribed" and correlations.drop("insulin_prescribed").max() < 0.1
    assert np.mean(table["insulin_prescribed"] == diabetic) == pytest.approx(0.9, abs=0.02)


def test_uninformed_predictions_are_independent_of_the_labels():
    y, pred = make_uninformed_predictions(20_000, prevalence=0.75, predicted_share=0.8, seed=0)
    assert y.mean() == pytest.approx(0.75, abs=0.01) and pred.mean() == pytest.approx(0.8, abs=0.01)
    assert np.mean(y == pred) == pytest.approx(0.75 * 0.8 + 0.25 * 0.2, abs=0.01)  # chance agreement


def test_load_tumours():
    X, y = load_tumours()
    assert X.shape == (569, 30) and y.name == "diagnosis" and y.value_counts()["malignant"] == 212


# --- sequences ------------------------------------------------------------------------------


@pytest.mark.parametrize("task", [first_token_task, counting_task])
def test_tasks_are_deterministic_and_balanced(task):
    X1, y1 = task(2000, length=12, seed=3)
    X2, y2 = task(2000, length=12, seed=3)
    np.testing.assert_array_equal(X1, X2)
    assert X1.min() >= 1 and X1.max() <= 8 and abs(y1.mean() - 0.5) < 0.05
    assert not np.array_equal(X1, task(2000, length=12, seed=4)[0])


def test_labels_follow_the_rules():
    X, y = first_token_task(500, length=7, seed=0)
    np.testing.assert_array_equal(y, X[:, 0] == 1)
    X, y = counting_task(500, length=7, seed=0)
    np.testing.assert_array_equal(y, (X == 1).sum(1) > (X == 2).sum(1))


def test_count_and_order_tasks_follow_their_rules():
    X, y = repeated_token_task(500, length=12, vocab_size=5, token=4, min_count=3, seed=0)
    np.testing.assert_array_equal(y, (X == 4).sum(axis=1) >= 3)
    assert X.min() == 1 and X.max() == 5
    X, y = last_above_first_task(500, length=12, vocab_size=5, seed=0)
    np.testing.assert_array_equal(y, X[:, -1] > X[:, 0])
    shuffled = X[:, np.random.default_rng(0).permutation(12)]
    assert not np.array_equal(y, shuffled[:, -1] > shuffled[:, 0])  # order is the label


def test_unmasked_tagging_task():
    y_true, y_pred, mask = unmasked_tagging_task(4000, max_length=10, min_length=3, vocab_size=5, threshold=3,
                                                 label_noise=0.25, seed=0)
    assert np.all(mask[:, :3]) and not np.all(mask) and np.all(y_true[~mask] == 0)
    assert np.mean(y_true[mask] == y_pred[mask]) == pytest.approx(0.75, abs=0.01)  # the rule, minus the noise
    assert np.mean(y_pred[~mask]) == pytest.approx(0.5, abs=0.02)  # meaningless output at padding


def test_tagging_task_padding_and_noise():
    X, y, mask = noisy_tagging_task(2000, max_length=20, padding_fraction=0.4, label_noise=0.3, seed=0)
    assert abs((1 - mask.mean()) - 0.4) < 0.05
    assert np.all(X[~mask] == 0) and np.all(X[mask] > 0) and np.all(y[~mask] == 0)
    clean = (X > 4).astype(int)
    assert abs(np.mean(clean[mask] == y[mask]) - 0.7) < 0.02  # the label-noise ceiling
    assert np.all(mask[:, 0])  # every sequence has at least one real token


def test_first_token_task_positive_share():
    X, y = first_token_task(4000, length=6, positive_share=0.1, seed=0)
    assert abs(y.mean() - 0.1) < 0.02 and set(np.unique(X[:, 0])) == {1, 2}
    np.testing.assert_array_equal(y, X[:, 0] == 1)
    # the balanced default keeps its data: the same draws as an explicit 0.5
    X_default, _ = first_token_task(50, length=6, seed=3)
    np.testing.assert_array_equal(X_default, first_token_task(50, length=6, positive_share=0.5, seed=3)[0])


# --- real: digits with a rare class -----------------------------------------------------------


def test_training_set_only_is_shrunk():
    X_train, X_test, y_train, y_test = load_digits_with_rare_class(keep_fraction=0.1)
    assert np.sum(y_train == 8) == 9 and np.sum(y_test == 8) == 87


def test_overlap_changes_only_the_rare_class_in_both_parts():
    clean = load_digits_with_rare_class(keep_fraction=1.0)
    mixed = load_digits_with_rare_class(keep_fraction=1.0, overlap=0.5)
    for X_clean, X_mixed, y in [(clean[0], mixed[0], clean[2]), (clean[1], mixed[1], clean[3])]:
        np.testing.assert_array_equal(X_clean[y != 8], X_mixed[y != 8])
        assert np.abs(X_clean[y == 8] - X_mixed[y == 8]).mean() > 1
    # cache untouched
    np.testing.assert_array_equal(load_digits_with_rare_class(keep_fraction=1.0)[0], clean[0])


# --- bad input: the right exception type, and a message that names the argument -------------------------


@pytest.mark.parametrize("call, error, words", [
    (lambda: make_drifting_series(block="50"), TypeError, "block must be an integer"),
    (lambda: make_drifting_series(n_features=0), ValueError, "n_features must be at least 1"),
    (lambda: make_categorical_noise(n_samples="many"), TypeError, "n_samples must be an integer"),
    (lambda: make_categorical_noise(n_samples=10, n_categories=11), ValueError, "n_categories (11) cannot exceed"),
    (lambda: make_noise_classification(n_samples=3), ValueError, "n_samples must be at least 4"),
    (lambda: make_noise_classification(shuffle="yes"), TypeError, "shuffle must be True or False"),
    (lambda: make_imbalanced_noise(prevalence=0.7), ValueError, "prevalence must be in (0, 0.5]"),
    (lambda: make_duplicated_noise(copies=1), ValueError, "copies must be at least 2"),
    (lambda: make_duplicated_noise(n_features=2.5), TypeError, "n_features must be an integer"),
    (lambda: make_duplicated_noise(jitter=-0.1), ValueError, "jitter must be at least 0"),
    (lambda: make_duplicated_noise(jitter="small"), TypeError, "jitter must be a number"),
    (lambda: make_duplicated_noise(shuffle=None), TypeError, "shuffle must be True or False"),
    (lambda: make_grouped_noise(n_groups=2), ValueError, "n_groups must be at least 4"),
    (lambda: make_grouped_noise(seed=-1), ValueError, "seed must be at least 0"),
    (lambda: make_grouped_noise(offset_sd=-1), ValueError, "offset_sd must be at least 0"),
    (lambda: make_grouped_noise(balanced=1), TypeError, "balanced must be True or False"),
    (lambda: make_overconfident_logits(overconfidence=0), ValueError, "overconfidence must be positive"),
    (lambda: make_overconfident_logits(noise_sd="some"), TypeError, "noise_sd must be a number"),
    (lambda: make_missed_class_predictions(shares=(1.0,)), ValueError, "shares must be at least 2 numbers"),
    (lambda: make_missed_class_predictions(missed_class=3), ValueError, "missed_class must be a class from 0 to 2"),
    (lambda: make_missed_class_predictions(confused_with=2), ValueError, "confused_with must differ from missed"),
    (lambda: make_missed_class_predictions(missed_share=1.5), ValueError, "missed_share must be in [0, 1]"),
    (lambda: make_missed_class_predictions(10, n_other_errors=50), ValueError, "n_other_errors must be at most"),
    (lambda: make_confused_predictions(("a", "a"), shares=(0.5, 0.5), recalls=(1, 1), confused_with=("a", "a")),
     ValueError, "classes must be at least 2 distinct labels"),
    (lambda: make_confused_predictions(("a", "b"), shares=(0.5, 0.5), recalls=(1.0,), confused_with=("b", "a")),
     ValueError, "recalls must be 2 numbers in [0, 1]"),
    (lambda: make_confused_predictions(("a", "b"), shares=(0.5, 0.5), recalls=(1.0, 2.0), confused_with=("b", "a")),
     ValueError, "recalls must be in [0, 1]"),
    (lambda: make_confused_predictions(("a", "b"), shares=(0.5, 0.5), recalls=(1, 1), confused_with=("a", "b")),
     ValueError, "confused_with must name, for each of the 2 classes, another class"),
    (lambda: make_candidate_accuracies(n_validation=0), ValueError, "n_validation must be at least 1"),
    (lambda: make_patient_table(leak_agreement=1.2), ValueError, "leak_agreement must be in [0, 1]"),
    (lambda: make_uninformed_predictions(prevalence="most"), TypeError, "prevalence must be a number"),
    (lambda: repeated_token_task(10, vocab_size=5, token=6), ValueError, "token must be one of the tokens 1 … 5"),
    (lambda: repeated_token_task(10, min_count=0), ValueError, "min_count must be at least 1"),
    (lambda: unmasked_tagging_task(10, max_length=4, min_length=5), ValueError, "min_length (5) cannot exceed"),
    (lambda: unmasked_tagging_task(10, label_noise=0.5), ValueError, "label_noise must be in [0, 0.5)"),
    (lambda: make_shifted_minority_data(n_minority=0), ValueError, "n_minority must be at least 1"),
    (lambda: make_shifted_minority_data(shift="2"), TypeError, "shift must be a number"),
    (lambda: make_binormal_probabilities(slope=0), ValueError, "slope must be positive"),
    (lambda: make_binormal_probabilities(intercept="low"), TypeError, "intercept must be a number"),
    (lambda: make_binormal_probabilities(auc=0.4), ValueError, "auc must be in (0.5, 1)"),
    (lambda: make_paired_predictions(shares=(0.5, 0.5)), ValueError, "shares must be 4 numbers that sum to 1"),
    (lambda: make_paired_predictions(shares=(0.5, 0.5, 0.5, -0.5)), ValueError, "shares must be 4 numbers of at"),
    (lambda: make_paired_predictions(shares="even"), ValueError, "shares must be 4 numbers"),
    (lambda: make_paired_predictions(shares=(0.25, 0.25, "a", 0.5)), TypeError, "shares must be a number"),
    (lambda: make_paired_predictions(n_classes=1), ValueError, "n_classes must be at least 2"),
    (lambda: make_paired_fold_scores(n_folds=1), ValueError, "n_folds must be at least 2"),
    (lambda: make_paired_fold_scores(accuracy=1.2), ValueError, "accuracy must be in (0, 1)"),
    (lambda: make_paired_fold_scores(gain_sd=-0.1), ValueError, "gain_sd must be at least 0"),
    (lambda: make_paired_fold_scores(gain=None), TypeError, "gain must be a number"),
    (lambda: make_seed_accuracies(n_test=0), ValueError, "n_test must be at least 1"),
    (lambda: make_seed_accuracies(seed_sd=-1), ValueError, "seed_sd must be at least 0"),
    (lambda: first_token_task(10, length=0), ValueError, "length must be at least 1"),
    (lambda: counting_task(10, vocab_size=1), ValueError, "vocab_size must be at least 2"),
    (lambda: noisy_tagging_task(10, padding_fraction=1.0), ValueError, "padding_fraction"),
    (lambda: noisy_tagging_task(10, label_noise=0.6), ValueError, "label_noise"),
    (lambda: first_token_task(10, positive_share=1.0), ValueError, "positive_share must be in (0, 1)"),
    (lambda: load_digits_with_rare_class(keep_fraction=0), ValueError, "keep_fraction must be in (0, 1]"),
    (lambda: load_digits_with_rare_class(keep_fraction="half"), TypeError, "keep_fraction must be a number"),
    (lambda: load_digits_with_rare_class(overlap=1.0), ValueError, "overlap must be in [0, 1)"),
    (lambda: load_digits_with_rare_class(rare_class=11), ValueError, "rare_class must be a digit"),
    (lambda: load_digits_with_rare_class(test_size=1.5), ValueError, "test_size must be in (0, 1)"),
    (lambda: load_digits_one_vs_rest(digit=10), ValueError, "digit must be an integer from 0 to 9"),
    (lambda: load_digits_one_vs_rest(digit="9"), TypeError, "digit must be an integer from 0 to 9"),
])
def test_bad_input_is_named(call, error, words):
    assert_refused(call, error, words)
