"""honest_report on more than two classes (numbers equal scikit-learn's); a small Keras MLP wrapped the sklearn way."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from sklearn import metrics as skm
from sklearn.base import clone
from sklearn.datasets import load_digits, load_iris, load_wine, make_classification
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler, label_binarize

from course_utils.models.sklearn_wrapper import KerasMLPClassifier
from course_utils.report import (
    MULTICLASS_METRICS,
    MulticlassHonestReport,
    _multiclass_metrics,
    _with_seed,
    honest_report,
)
from course_utils.stats import expected_calibration_error, top_label_reliability

LOADERS = {"iris": load_iris, "wine": load_wine, "digits": load_digits}


def _model():
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))


def _sklearn_scores(y, proba):
    """Every multiclass headline metric, computed by scikit-learn alone."""
    pred = proba.argmax(axis=1)
    scores = {"accuracy": skm.accuracy_score(y, pred), "balanced_accuracy": skm.balanced_accuracy_score(y, pred),
              "mcc": skm.matthews_corrcoef(y, pred),
              "roc_auc": skm.roc_auc_score(y, proba, multi_class="ovr", average="macro"),
              "average_precision": skm.average_precision_score(label_binarize(y, classes=np.unique(y)), proba,
                                                               average="macro")}
    for average in ("macro", "weighted"):
        p, r, f, _ = skm.precision_recall_fscore_support(y, pred, average=average, zero_division=0)
        scores.update({f"precision_{average}": p, f"recall_{average}": r, f"f1_{average}": f})
    return scores


@pytest.fixture(scope="module", params=sorted(LOADERS))
def dataset_report(request):
    X, y = LOADERS[request.param](return_X_y=True)
    report = honest_report(_model(), X, y, n_splits=5, n_repeats=2, n_bootstrap=200, leak_checks=False)
    return X, y, report


def test_out_of_fold_probabilities_are_cross_val_predicts(dataset_report):
    X, y, report = dataset_report
    assert isinstance(report, MulticlassHonestReport) and report.n_samples == y.size
    for r in range(2):
        expected = cross_val_predict(_model(), X, y, cv=StratifiedKFold(5, shuffle=True, random_state=r),
                                     method="predict_proba")
        np.testing.assert_allclose(report.proba(r), expected, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(report.y, y)


def test_every_headline_number_equals_scikit_learn(dataset_report):
    X, y, report = dataset_report
    assert list(report.scores) == list(MULTICLASS_METRICS)
    per_repeat = [_sklearn_scores(y, report.proba(r)) for r in range(2)]
    # the baseline predicts each training fold's majority class (probability 1 for it)
    majority = [cross_val_predict(DummyClassifier(strategy="most_frequent"), X, y,
                                  cv=StratifiedKFold(5, shuffle=True, random_state=r)) for r in range(2)]
    per_repeat_base = [_sklearn_scores(y, np.eye(np.unique(y).size)[m]) for m in majority]
    for key, score in report.scores.items():
        assert score.value == pytest.approx(np.mean([s[key] for s in per_repeat]), abs=1e-12), key
        assert score.baseline == pytest.approx(np.mean([s[key] for s in per_repeat_base]), abs=1e-12), key
        assert score.low <= score.value <= score.high, key
        assert score.p_value < 0.01, key
    assert report.scores["recall_weighted"].value == pytest.approx(report.scores["accuracy"].value, abs=1e-12)


def test_per_class_table_confusion_and_one_vs_rest_match_scikit_learn(dataset_report):
    _, y, report = dataset_report
    proba = report.proba(0)
    pred = proba.argmax(axis=1)
    expected = skm.classification_report(y, pred, output_dict=True, zero_division=0)
    rows = {str(c): str(c) for c in np.unique(y)} | {"macro average": "macro avg", "weighted average": "weighted avg"}
    assert list(report.per_class.index) == list(rows)
    for ours, theirs in rows.items():
        got = report.per_class.loc[ours]
        for column, key in (("precision", "precision"), ("recall", "recall"), ("F1", "f1-score")):
            assert got[column] == pytest.approx(expected[theirs][key], abs=1e-12), (ours, column)
        assert got["support"] == expected[theirs]["support"]
    np.testing.assert_array_equal(report.confusion, skm.confusion_matrix(y, pred))
    for k, name in enumerate(report.class_names):
        row = report.one_vs_rest.loc[str(name)]
        assert row["prevalence"] == pytest.approx(np.mean(y == k)) == pytest.approx(report.prevalence[name])
        assert row["ROC-AUC"] == pytest.approx(skm.roc_auc_score(y == k, proba[:, k]), abs=1e-12)
        assert row["average precision"] == pytest.approx(skm.average_precision_score(y == k, proba[:, k]), abs=1e-12)


def test_top_label_ece_follows_its_definition(dataset_report):
    _, y, report = dataset_report
    k = len(report.class_names)
    eces = []
    for r in range(2):
        proba = report.proba(r)
        confidence, correct = proba.max(axis=1), (proba.argmax(axis=1) == y)
        edges = np.linspace(1 / k, 1, 11)
        total = 0.0
        for i, (low, high) in enumerate(zip(edges[:-1], edges[1:], strict=True)):
            inside = (confidence <= high) & ((confidence > low) if i else np.ones_like(correct))
            if inside.any():
                total += inside.sum() * abs(correct[inside].mean() - confidence[inside].mean())
        eces.append(total / y.size)
    assert report.ece == pytest.approx(np.mean(eces), abs=1e-12)


def test_top_label_ece_of_two_classes_is_the_binary_ece():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 500)
    p = np.clip(0.6 * y + 0.4 * rng.random(500), 0.001, 0.999)
    p[p == 0.5] = 0.51
    curve = top_label_reliability(y, np.column_stack([1 - p, p]))
    assert curve.ece == pytest.approx(expected_calibration_error(y, p, n_bins=10), abs=1e-12)


def test_top_label_reliability_names_its_bad_argument():
    with pytest.raises(ValueError, match="proba must be an"):
        top_label_reliability([0, 1], [0.2, 0.8])
    with pytest.raises(ValueError, match="y_true must hold one class code 0 … 2"):
        top_label_reliability([0, 3], np.full((2, 3), 1 / 3))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_weighted_metrics_equal_scikit_learn_on_repeated_rows(seed):
    """The bootstrap's weighted metrics: a row with weight w counts as w copies of it."""
    rng = np.random.default_rng(seed)
    k, n = 4, 120
    y = np.r_[np.arange(k), rng.integers(0, k, n - k)]
    proba = rng.dirichlet(np.ones(k), n)
    weights = rng.integers(0, 4, (3, n))
    weights[:, :k] += 1                                   # every class stays present
    got = _multiclass_metrics(y, proba, weights.astype(float))
    for b, w in enumerate(weights):
        expected = _sklearn_scores(np.repeat(y, w), np.repeat(proba, w, axis=0))
        for key in MULTICLASS_METRICS:
            assert got[key][b] == pytest.approx(expected[key], abs=1e-12), key


# --- warnings on more than two classes ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["wine", "digits"])
def test_planted_target_column_is_flagged_on_multiclass_data(name):
    X, y = LOADERS[name](return_X_y=True)
    rng = np.random.default_rng(1)
    leaked = np.where(rng.random(y.size) < 0.02, rng.integers(0, y.max() + 1, y.size), y) + rng.normal(0, 0.1, y.size)
    clean = honest_report(_model(), X, y, n_splits=3, n_repeats=1, n_bootstrap=100)
    planted = honest_report(_model(), np.column_stack([X, leaked]), y, n_splits=3, n_repeats=1, n_bootstrap=100)
    assert "single feature" not in clean.warning_checks()
    assert "single feature" in planted.warning_checks()
    assert planted.single_feature_scores[str(X.shape[1])] >= 0.95
    assert max(clean.single_feature_scores.values()) < 0.95


def _rare_class_data():
    X, y = make_classification(900, n_features=6, n_informative=3, n_redundant=0, n_classes=3,
                               n_clusters_per_class=1, weights=[0.6, 0.34, 0.06], class_sep=0.6, flip_y=0.05,
                               random_state=3)
    return X, np.array(["common", "middle", "rare"])[y]


def test_per_class_warning_names_the_class_with_the_lowest_recall():
    X, y = _rare_class_data()
    report = honest_report(_model(), X, y, n_splits=5, n_repeats=1, n_bootstrap=200)
    recalls = report.per_class.loc[["common", "middle", "rare"], "recall"]
    assert recalls.idxmin() == "rare" and recalls.min() < 0.6
    (warning,) = [f for f in report.warnings if f.check == "per class"]
    assert "class 'rare'" in warning.message and f"recall {recalls.min():.3f}" in warning.message
    assert report.scores["recall_macro"].value < report.scores["recall_weighted"].value
    shuffled = [f for f in report.findings if f.check == "shuffled labels"]
    assert shuffled and shuffled[0].level == "ok"           # chance is 1/3 here, not 0.5
    assert abs(report.shuffled_label_score - 1 / 3) < 0.1


def test_renderings_show_the_per_class_table_and_the_k_by_k_matrix():
    X, y = _rare_class_data()
    report = honest_report(_model(), X, y, n_splits=3, n_repeats=1, n_bootstrap=100, leak_checks=False)
    markdown = report.to_markdown()
    assert "| | predicted common | predicted middle | predicted rare |\n|---|---|---|---|" in markdown
    for name, row in zip(report.class_names, report.confusion, strict=True):
        assert f"| actual {name} | {' | '.join(map(str, row))} |" in markdown
        assert f"| {name} | {report.per_class.loc[name, 'precision']:.3f} |" in markdown
    assert "| macro average |" in markdown and "| weighted average |" in markdown
    assert "top-label ECE" in markdown
    assert "3 classes (prevalence `common` 0.589, `middle` 0.340, `rare` 0.071)" in markdown
    page = report._repr_html_()
    assert "<th>predicted rare</th>" in page and "<th>actual rare</th>" in page and "weighted average" in page
    assert "[1/3, 1]" in page and "top-label ECE" in page
    assert len(report.figure().axes) == 3
    assert "MulticlassHonestReport" not in repr(report) and "balanced accuracy" in repr(report)


# --- bad input ------------------------------------------------------------------------------------------


def test_bad_multiclass_input_names_the_argument():
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match="false_negative_cost needs two classes"):
        honest_report(_model(), X, y, false_negative_cost=5)
    with pytest.raises(ValueError, match="positive_label applies to two classes"):
        honest_report(_model(), X, y, positive_label=2)
    with pytest.raises(ValueError, match="y holds only one class"):
        honest_report(_model(), X, np.zeros(y.size, int))
    report = honest_report(_model(), X, y, n_splits=3, n_repeats=1, n_bootstrap=100, leak_checks=False)
    with pytest.raises(ValueError, match="cost_analysis .* needs two classes"):
        report.cost_analysis(5)


# --- the Keras wrapper --------------------------------------------------------------------------------


def test_keras_wrapper_module_imports_without_tensorflow():
    code = ("import sys, course_utils.models.sklearn_wrapper; "
            "sys.exit('tensorflow' in sys.modules or 'keras' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_keras_wrapper_clones_and_gets_each_repetitions_seed():
    clf = KerasMLPClassifier(hidden_units=(4, 3), epochs=7, seed=5)
    twin = clone(clf)
    assert twin is not clf and twin.get_params() == clf.get_params() == {
        "hidden_units": (4, 3), "learning_rate": 0.01, "epochs": 7, "batch_size": 32, "seed": 5}
    assert twin.set_params(epochs=3).epochs == 3
    pipeline = _with_seed(make_pipeline(StandardScaler(), clf), 11)
    assert pipeline.get_params()["kerasmlpclassifier__seed"] == 11 and clf.seed == 5
    with pytest.raises(ValueError, match="only one class"):
        KerasMLPClassifier().fit(np.zeros((4, 2)), ["a"] * 4)


def test_keras_wrapper_fits_string_labels_reproducibly():
    X, y = _rare_class_data()
    X = StandardScaler().fit_transform(X[:200])
    y = y[:200]
    fitted = KerasMLPClassifier(hidden_units=(8,), epochs=3, seed=0).fit(X, y)
    proba = fitted.predict_proba(X)
    assert fitted.classes_.tolist() == ["common", "middle", "rare"] and proba.shape == (200, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1, atol=1e-5)
    assert set(fitted.predict(X)) <= set(fitted.classes_)
    again = KerasMLPClassifier(hidden_units=(8,), epochs=3, seed=0).fit(X, y).predict_proba(X)
    other = KerasMLPClassifier(hidden_units=(8,), epochs=3, seed=1).fit(X, y).predict_proba(X)
    np.testing.assert_array_equal(proba, again)
    assert not np.allclose(proba, other)
    binary = KerasMLPClassifier(hidden_units=(4,), epochs=2, seed=0).fit(X, y == "common")
    assert binary.classes_.tolist() == [False, True] and binary.predict_proba(X).shape == (200, 2)
    with pytest.raises(ValueError, match="5 features"):
        fitted.predict_proba(np.zeros((3, 5)))


def test_honest_report_takes_the_keras_wrapper():
    """Three folds, one repetition, no leak checks: three small fits (~2 s each)."""
    X, y = make_classification(300, n_features=5, n_informative=3, n_redundant=0, n_classes=3,
                               n_clusters_per_class=1, random_state=0)
    model = make_pipeline(StandardScaler(), KerasMLPClassifier(hidden_units=(8,), epochs=20, seed=0))
    report = honest_report(model, X, y, n_splits=3, n_repeats=1, n_bootstrap=200, leak_checks=False)
    assert isinstance(report, MulticlassHonestReport) and report.n_samples == 300
    balanced = report.scores["balanced_accuracy"]
    assert balanced.low > balanced.baseline + 0.3
    np.testing.assert_allclose(report.proba(0).sum(axis=1), 1, atol=1e-5)


def test_keras_wrapper_names_non_numeric_x():
    with pytest.raises(TypeError, match="X must contain numbers"):
        KerasMLPClassifier().fit([["a", "b"], ["c", "d"]], [0, 1])
