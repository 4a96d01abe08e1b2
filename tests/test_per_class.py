"""Per-class masks agree with scikit-learn; the rare-class experiment and widget."""

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.extra.numpy import arrays  # noqa: E402
from sklearn import metrics  # noqa: E402

from course_utils import per_class, widgets  # noqa: E402

SEED_002 = (np.array([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]), np.array([0, 1, 0, 0, 1, 2, 0, 0, 2, 0]))


def test_seed_002_corrections():
    table = per_class.per_class_table(*SEED_002)
    assert table["recall"].tolist() == [1.0, 0.667, 0.667]
    assert table["precision"].tolist() == [0.667, 1.0, 1.0]
    assert table["one_vs_rest_accuracy"].tolist() == [0.8, 0.9, 0.9]
    assert per_class.one_vs_rest_accuracy(*SEED_002, 1) == 0.9
    assert round(metrics.balanced_accuracy_score(*SEED_002), 3) == 0.778
    assert round(metrics.matthews_corrcoef(*SEED_002), 3) == 0.724


labelled = st.integers(3, 60).flatmap(lambda n: st.tuples(
    arrays(np.int64, n, elements=st.integers(0, 3)), arrays(np.int64, n, elements=st.integers(0, 3))))


@pytest.mark.filterwarnings("ignore::UserWarning")
@settings(max_examples=80, deadline=None)
@given(labelled)
def test_masks_equal_scikit_learn_and_average_identities(pair):
    y_true, y_pred = pair
    labels = np.unique(y_true)
    table = per_class.per_class_table(y_true, y_pred, labels=np.union1d(labels, np.unique(y_pred)), decimals=12) \
        if set(np.unique(y_pred)) <= set(labels) else None
    if table is not None:
        p, r, _, s = metrics.precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=np.nan)
        np.testing.assert_allclose(table.loc[labels, "recall"].astype(float), r)
        np.testing.assert_allclose(table.loc[labels, "precision"].astype(float), p)
        np.testing.assert_array_equal(table.loc[labels, "support"], s)
    # macro recall over the classes present in y_true is balanced accuracy
    macro = np.mean([np.mean(y_pred[y_true == c] == c) for c in labels])
    assert macro == pytest.approx(metrics.balanced_accuracy_score(y_true, y_pred))
    # micro-F1 is accuracy for single-label multi-class
    assert metrics.f1_score(y_true, y_pred, average="micro") == pytest.approx(np.mean(y_true == y_pred))


def test_rare_class_collapses_while_accuracy_holds():
    full, rare = per_class.rare_class_experiment(1.0), per_class.rare_class_experiment(0.02)
    assert rare.rare_recall < 0.2 < 0.8 < full.rare_recall
    assert full.accuracy - rare.accuracy < 0.1
    assert rare.macro_f1 < rare.accuracy


def test_training_set_only_is_shrunk():
    X_train, X_test, y_train, y_test = per_class.load_digits_with_rare_class(keep_fraction=0.1)
    assert np.sum(y_train == 8) == 9 and np.sum(y_test == 8) == 87


@pytest.mark.parametrize("call, words", [
    (lambda: per_class.per_class_table([0, 1], [0]), "y_true has 2, y_pred has 1"),
    (lambda: per_class.per_class_table([0, 1], [0, 5], labels=[0, 1]), "labels not in labels: [5]"),
    (lambda: per_class.per_class_table([0, 0], [0, 1], labels=[0, 1]), "class 1 has no sample in y_true"),
    (lambda: per_class.per_class_table([], []), "y_true is empty"),
    (lambda: per_class.load_digits_with_rare_class(keep_fraction=0), "keep_fraction"),
    (lambda: per_class.load_digits_with_rare_class(rare_class=11), "rare_class must be a digit"),
    (lambda: widgets.rare_class_explorer(keep_fraction=0.4), "keep_fraction must be one of"),
])
def test_bad_input_is_named(call, words):
    with pytest.raises((ValueError, TypeError)) as raised:
        call()
    assert words in str(raised.value)


def test_rare_class_widget():
    explorer = widgets.rare_class_explorer()
    explorer.controls["keep_fraction"].value = 0.05
    expected = per_class.rare_class_experiment(0.05)
    assert explorer.result == expected
    assert f"{expected.rare_recall:.3f}" in explorer.numbers.value
