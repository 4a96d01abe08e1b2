"""Per-class masks agree with scikit-learn; the rare-class experiment, widget and exercise checkers."""

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from conftest import assert_refused, bad_feature_calls  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.extra.numpy import arrays  # noqa: E402
from sklearn import metrics  # noqa: E402

from course_utils import per_class, widgets  # noqa: E402
from course_utils.data import load_digits_with_rare_class, make_shifted_minority_data  # noqa: E402

ARTICLE_EXAMPLE_3 = (np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]), np.array([0, 1, 0, 0, 1, 2, 0, 0, 2, 0]))


def test_article_example_3_corrections():
    table = per_class.per_class_table(*ARTICLE_EXAMPLE_3)
    assert table["recall"].tolist() == [1.0, 0.667, 0.667]
    assert table["precision"].tolist() == [0.667, 1.0, 1.0]
    assert table["one_vs_rest_accuracy"].tolist() == [0.8, 0.9, 0.9]
    assert table["support"].tolist() == [4, 3, 3]
    assert [per_class.one_vs_rest_accuracy(*ARTICLE_EXAMPLE_3, c) for c in (0, 1, 2)] == [0.8, 0.9, 0.9]
    assert round(metrics.recall_score(*ARTICLE_EXAMPLE_3, average="macro"), 3) == 0.778
    assert round(metrics.balanced_accuracy_score(*ARTICLE_EXAMPLE_3), 3) == 0.778
    assert round(metrics.matthews_corrcoef(*ARTICLE_EXAMPLE_3), 3) == 0.724


def test_table_with_a_class_never_predicted_has_nan_precision():
    table = per_class.per_class_table([0, 0, 1, 1], [0, 0, 0, 0])
    assert table.loc[1, "recall"] == 0.0 and np.isnan(table.loc[1, "precision"]) and table.loc[1, "f1"] == 0.0
    assert table.loc[0, "precision"] == 0.5 and table.loc[0, "support"] == 2


def test_labels_argument_orders_and_accepts_strings():
    table = per_class.per_class_table(["cat", "dog", "dog"], ["cat", "cat", "dog"], labels=["dog", "cat"])
    assert table.index.tolist() == ["dog", "cat"]
    assert table.loc["dog", "recall"] == 0.5 and table.loc["cat", "precision"] == 0.5


labelled = st.integers(3, 60).flatmap(lambda n: st.tuples(
    arrays(np.int64, n, elements=st.integers(0, 3)), arrays(np.int64, n, elements=st.integers(0, 3))))


def for_labelled_pairs(test):
    """Run a property test on 80 generated multi-class (y_true, y_pred) pairs (sklearn's warnings silenced)."""
    property_test = settings(max_examples=80, deadline=None)(given(labelled)(test))
    return pytest.mark.filterwarnings("ignore::UserWarning")(property_test)


@for_labelled_pairs
def test_masks_equal_scikit_learn(pair):
    y_true, y_pred = pair
    labels = np.unique(y_true)
    y_pred = np.where(np.isin(y_pred, labels), y_pred, labels[0])  # every label predicted also occurs in y_true
    table = per_class.per_class_table(y_true, y_pred, labels=labels, decimals=12)
    p, r, f, s = metrics.precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=np.nan)
    np.testing.assert_allclose(table["recall"].astype(float), r)
    np.testing.assert_allclose(table["precision"].astype(float), p)
    np.testing.assert_allclose(table["f1"].astype(float), f)
    np.testing.assert_array_equal(table["support"], s)


@for_labelled_pairs
def test_average_identities(pair):
    y_true, y_pred = pair
    labels = np.unique(y_true)
    # macro recall over the classes present in y_true is balanced accuracy
    macro = np.mean([np.mean(y_pred[y_true == c] == c) for c in labels])
    assert macro == pytest.approx(metrics.balanced_accuracy_score(y_true, y_pred))
    # micro-F1 (and weighted recall) is accuracy for single-label multi-class
    accuracy = np.mean(y_true == y_pred)
    assert metrics.f1_score(y_true, y_pred, average="micro") == pytest.approx(accuracy)
    assert metrics.recall_score(y_true, y_pred, average="weighted") == pytest.approx(accuracy)
    # one-vs-rest accuracy averaged over the K classes present is 1 - 2 * error rate / K
    present = np.union1d(y_true, y_pred)
    ovr = [per_class.one_vs_rest_accuracy(y_true, y_pred, c) for c in present]
    assert np.mean(ovr) == pytest.approx(1 - 2 * (1 - accuracy) / present.size)
    assert min(ovr) >= accuracy - 1e-12


def test_rare_class_collapses_while_accuracy_holds():
    full, rare = per_class.rare_class_experiment(1.0), per_class.rare_class_experiment(0.02)
    assert rare.rare_recall < 0.2 < 0.8 < full.rare_recall
    assert full.accuracy - rare.accuracy < 0.1
    assert rare.macro_f1 < rare.accuracy


def test_rare_class_experiment_is_the_notebook_model_and_is_cached():
    X_train, X_test, y_train, y_test = load_digits_with_rare_class(keep_fraction=0.05)
    predicted = per_class.digits_model().fit(X_train, y_train).predict(X_test)
    result = per_class.rare_class_experiment(0.05)
    assert result.accuracy == metrics.accuracy_score(y_test, predicted)
    assert result.rare_recall == metrics.recall_score(y_test, predicted, labels=[8], average=None)[0]
    assert per_class.rare_class_experiment(0.05) is result
    # accuracy is the recalls weighted by the classes' shares of the test set
    assert result.accuracy == pytest.approx(np.dot(np.bincount(y_test) / len(y_test), result.recalls))


def _smallest_gap(scores):
    top_two = np.sort(scores, axis=1)[:, -2:]
    return float((top_two[:, 1] - top_two[:, 0]).min())


@pytest.mark.parametrize("keep_fraction, overlap",
                         [(1.0, 0.0), (0.05, 0.0), (0.02, 0.0), (0.3, 0.0), (1.0, 0.6), (0.5, 0.6)])
def test_digits_model_is_converged_far_from_every_decision_boundary(keep_fraction, overlap):
    # Checked cells print digits from this model: no test image may sit so close to a boundary that the BLAS
    # kernel or thread count (differences ~1e-12) could change its class. A different solver must agree.
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X_train, X_test, y_train, _ = load_digits_with_rare_class(keep_fraction=keep_fraction, overlap=overlap)
    model = per_class.digits_model().fit(X_train, y_train)
    assert _smallest_gap(model.decision_function(X_test)) > 1e-5
    lbfgs = LogisticRegression(solver="lbfgs", tol=1e-10, max_iter=20_000)
    other = make_pipeline(StandardScaler(), lbfgs).fit(X_train, y_train)
    assert np.array_equal(model.predict(X_test), other.predict(X_test))


def test_notebook_03_remedies_are_far_from_their_boundaries():
    X_train, X_test, y_train, y_test = load_digits_with_rare_class(keep_fraction=0.05)
    plain = per_class.digits_model().fit(X_train, y_train)
    weighted = per_class.digits_model(class_weight="balanced").fit(X_train, y_train)
    assert _smallest_gap(weighted.decision_function(X_test)) > 1e-4
    probabilities = plain.predict_proba(X_test)
    priors = np.bincount(y_train, minlength=10) / len(y_train)
    assert _smallest_gap(np.log(probabilities / priors)) > 1e-4      # threshold moving
    assert np.abs(probabilities[:, 8] - 0.5).min() > 1e-4            # Keras Recall(class_id=8) thresholds at 0.5


def test_resampling_over_splits_moves_recall_up_and_precision_down():
    X, y = make_shifted_minority_data(n_majority=1000, n_minority=100, shift=0.15, seed=0)
    splits = per_class.resampling_over_splits(X, y, n_splits=4, seed=0)
    assert splits.shape == (4, 6) and list(splits.columns.names) == ["model", "metric"]
    gain = splits["SMOTE in a Pipeline"] - splits["no resampling"]
    assert (gain["recall"] > 0).all() and (gain["precision"] < 0).all()
    assert per_class.resampling_over_splits(X, y, n_splits=4, seed=0).equals(splits)


def test_article_examples_table():
    table = per_class.article_examples(seed=0, epochs=1, n_test_scale=1)
    assert table.shape == (6, 3) and table.index.names == ["example", "scored on"]
    assert ((table >= 0) & (table <= 1)).all().all()


def test_overlapping_class_collapses_while_accuracy_holds():
    full, hard = per_class.rare_class_experiment(1.0), per_class.rare_class_experiment(1.0, overlap=0.6)
    assert hard.rare_recall < 0.7 < 0.8 < full.rare_recall
    assert full.accuracy - hard.accuracy < 0.1
    assert hard.overlap == 0.6 and len(hard.recalls) == 10


def test_grid_holds_every_pair():
    grid = per_class.rare_class_grid([1.0, 0.1], [0.0, 0.5])
    assert set(grid) == {(1.0, 0.0), (1.0, 0.5), (0.1, 0.0), (0.1, 0.5)}
    assert grid[0.1, 0.5] == per_class.rare_class_experiment(0.1, overlap=0.5)


@pytest.mark.parametrize("call, error, words", [
    (lambda: per_class.per_class_table([0, 1], [0]), ValueError, "y_true has 2, y_pred has 1"),
    (lambda: per_class.per_class_table([0, 1], [0, 5], labels=[0, 1]), ValueError, "labels not in labels: [5]"),
    (lambda: per_class.per_class_table([0, 0], [0, 1], labels=[0, 1]), ValueError, "class 1 has no sample in y_true"),
    (lambda: per_class.per_class_table([], []), ValueError, "y_true is empty"),
    (lambda: per_class.one_vs_rest_accuracy([0, 1], [0, 1, 1], 1), ValueError, "y_true has 2, y_pred has 3"),
    (lambda: per_class.one_vs_rest_accuracy([0, 1], [0, 1], 7), ValueError,
     "label 7 occurs in neither y_true nor y_pred"),
    (lambda: per_class.rare_class_experiment(1.0, seed=-1), ValueError, "seed must be at least 0"),
    (lambda: per_class.rare_class_experiment(0.0), ValueError, "keep_fraction must be in (0, 1]"),
    (lambda: per_class.rare_class_experiment(1.0, rare_class="8"), ValueError, "rare_class must be a digit"),
    (lambda: per_class.digits_model(class_weight="even"), ValueError, "class_weight must be None"),
    *bad_feature_calls(per_class.resampling_over_splits, non_numbers="X must be a 2-D array-like"),
    (lambda: per_class.resampling_over_splits([[1.0], [2.0]], [0, 1], n_splits=0), ValueError, "n_splits must be"),
    (lambda: per_class.resampling_over_splits([[1.0], [2.0]], [0, 1], test_size=1.5), ValueError, "test_size must"),
    (lambda: per_class.article_examples(epochs=0), ValueError, "epochs must be at least 1"),
    (lambda: widgets.rare_class_explorer(keep_fraction=0.4), ValueError, "keep_fraction must be one of"),
    (lambda: widgets.rare_class_explorer(overlap=0.2), ValueError, "overlap must be one of"),
])
def test_bad_input_is_named(call, error, words):
    assert_refused(call, error, words)


def test_rare_class_widget():
    explorer = widgets.rare_class_explorer()
    start = explorer.result
    assert start == per_class.rare_class_experiment(1.0)
    explorer.controls["keep_fraction"].value = 0.05
    expected = per_class.rare_class_experiment(0.05)
    assert explorer.result == expected
    assert f"{expected.rare_recall:.3f}" in explorer.numbers.value
    explorer.controls["keep_fraction"].value = 1.0
    explorer.controls["overlap"].value = 0.6
    expected = per_class.rare_class_experiment(1.0, overlap=0.6)
    assert explorer.result == expected and expected.rare_recall < start.rare_recall - 0.3
    assert f"{expected.accuracy:.3f}" in explorer.numbers.value and "0.600" in explorer.numbers.value
    assert explorer.image.value[:4] == b"\x89PNG"
