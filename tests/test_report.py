"""course_utils.report: planted leaks are caught, a clean pipeline is not flagged, numbers equal scikit-learn's."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as skm
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from course_utils.report import (
    METRICS,
    _all_metrics,
    _choose_threshold,
    _error_counts,
    bootstrap_metrics,
    honest_report,
)

LEAK_CHECKS = {"duplicates", "synthetic rows", "single feature", "groups", "time order", "too good to be true",
               "shuffled labels"}
FAST = dict(n_repeats=1, n_bootstrap=200)


def _model():
    return make_pipeline(StandardScaler(), LogisticRegression())


def _data(n=600, seed=0, weights=(0.75,)):
    return make_classification(n, n_features=6, n_informative=3, n_redundant=0, weights=list(weights),
                               flip_y=0.1, class_sep=0.8, random_state=seed)


# --- the planted-leak table -------------------------------------------------------------------------


def _clean():
    X, y = _data()
    return dict(X=X, y=y)


def _duplicate_rows():
    X, y = _data(300)
    return dict(X=np.repeat(X, 3, axis=0), y=np.repeat(y, 3))


def _target_derived_column():
    X, y = _data()
    rng = np.random.default_rng(1)
    leaked = np.where(rng.random(y.size) < 0.02, 1 - y, y) + rng.normal(0, 0.1, y.size)  # "recorded after the outcome"
    return dict(X=np.column_stack([X, leaked]), y=y)


def _shared_groups():
    rng = np.random.default_rng(2)
    groups = np.repeat(np.arange(100), 8)
    labels = rng.integers(0, 2, 100)
    X = rng.normal(size=(800, 5)) + rng.normal(0, 3, (100, 5))[groups]     # each group has its own offset
    return dict(X=X, y=labels[groups], groups=groups, cv=KFold(5, shuffle=True, random_state=0))


def _shuffled_time():
    X, y = _data()
    return dict(X=X, y=y, time=np.arange(y.size), cv=KFold(5, shuffle=True, random_state=0))


def _smote_before_split():
    from imblearn.over_sampling import SMOTE

    X, y = _data(weights=(0.9,))
    X_resampled, y_resampled = SMOTE(random_state=0).fit_resample(X, y)
    return dict(X=X_resampled, y=y_resampled)


PLANTED = [
    ("clean pipeline", _clean, set()),
    ("duplicate rows", _duplicate_rows, {"duplicates"}),
    ("target-derived column", _target_derived_column, {"single feature"}),
    ("shared groups", _shared_groups, {"groups"}),
    ("shuffled time", _shuffled_time, {"time order"}),
    ("SMOTE before splitting", _smote_before_split, {"synthetic rows"}),
]


@pytest.mark.parametrize("name, make, expected", PLANTED, ids=[p[0] for p in PLANTED])
def test_each_planted_leak_raises_its_warning(name, make, expected):
    kwargs = make()
    report = honest_report(_model(), kwargs.pop("X"), kwargs.pop("y"), **kwargs, **FAST)
    raised = report.warning_checks() & LEAK_CHECKS
    assert expected <= raised, f"{name}: expected {expected}, raised {raised}"
    if not expected:
        assert raised == set(), f"clean pipeline flagged: {[f.message for f in report.warnings]}"


def test_clean_pipeline_with_groups_and_time_is_not_flagged():
    X, y = _data()
    report = honest_report(_model(), X, y, groups=np.arange(y.size) // 3, **FAST)
    assert not report.warning_checks() & LEAK_CHECKS
    assert "StratifiedGroupKFold" in report.splitter
    report = honest_report(_model(), X, y, time=np.arange(y.size)[::-1], **FAST)
    assert not report.warning_checks() & LEAK_CHECKS
    assert report.splitter.startswith("TimeSeriesSplit")


def test_duplicates_with_groups_are_kept_together():
    """The fix for duplicated items: give the item as group; then copies never straddle a split."""
    kwargs = _duplicate_rows()
    groups = np.repeat(np.arange(300), 3)
    report = honest_report(_model(), kwargs["X"], kwargs["y"], groups=groups, **FAST)
    assert "duplicates" not in report.warning_checks()


def test_ok_messages_never_claim_there_is_no_leak():
    X, y = _data()
    report = honest_report(_model(), X, y, **FAST)
    for finding in report.findings:
        assert "no leak" not in finding.message.lower()
        assert finding.notebook in {"01", "02", "03", "04", "05", "06"}


def test_resampling_inside_the_pipeline_is_not_flagged():
    from imblearn.over_sampling import SMOTE
    from imblearn.pipeline import make_pipeline as imb_pipeline

    X, y = _data(weights=(0.9,))
    report = honest_report(imb_pipeline(StandardScaler(), SMOTE(random_state=0), LogisticRegression()), X, y, **FAST)
    assert not report.warning_checks() & LEAK_CHECKS


def test_too_good_and_chance_level():
    X, y = make_classification(400, n_features=4, n_informative=2, n_redundant=0, class_sep=4, flip_y=0,
                               random_state=0)
    assert "too good to be true" in honest_report(_model(), X, y, **FAST).warning_checks()
    rng = np.random.default_rng(0)
    noise = honest_report(_model(), rng.normal(size=(400, 4)), rng.integers(0, 2, 400), **FAST)
    assert "chance level" in noise.warning_checks()


# --- numbers equal scikit-learn's on the same predictions ---------------------------------------------


def test_point_estimates_equal_scikit_learn_on_the_same_predictions():
    X, y = _data()
    report = honest_report(_model(), X, y, leak_checks=False, **FAST)
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    proba = cross_val_predict(_model(), X, y, cv=cv, method="predict_proba")[:, 1]
    np.testing.assert_allclose(report.proba(0), proba, rtol=1e-10)
    pred = proba >= 0.5
    expected = {"accuracy": skm.accuracy_score(y, pred), "balanced_accuracy": skm.balanced_accuracy_score(y, pred),
                "mcc": skm.matthews_corrcoef(y, pred), "precision": skm.precision_score(y, pred),
                "recall": skm.recall_score(y, pred), "f1": skm.f1_score(y, pred),
                "roc_auc": skm.roc_auc_score(y, proba), "average_precision": skm.average_precision_score(y, proba)}
    for key, value in expected.items():
        assert report.scores[key].value == pytest.approx(value, abs=1e-12), key
    assert report.scores["accuracy"].baseline == pytest.approx(max(y.mean(), 1 - y.mean()))
    assert report.scores["balanced_accuracy"].baseline == 0.5
    assert report.scores["average_precision"].baseline == pytest.approx(y.mean())
    np.testing.assert_array_equal(report.confusion, skm.confusion_matrix(y, pred))
    table = skm.classification_report(y, pred, output_dict=True)
    assert report.per_class.loc["macro average", "F1"] == pytest.approx(table["macro avg"]["f1-score"])
    assert report.per_class.loc["weighted average", "recall"] == pytest.approx(table["weighted avg"]["recall"])


@settings(max_examples=40, deadline=None, derandomize=True)
@given(n=st.integers(5, 60), seed=st.integers(0, 10_000), ties=st.booleans())
def test_weighted_metrics_equal_scikit_learn_with_sample_weight(n, seed, ties):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    y[:2] = [0, 1]
    proba = rng.random(n)
    if ties:
        proba = np.round(proba, 1)
    weights = rng.integers(0, 4, n).astype(float)
    weights[:2] = 1
    ours = _all_metrics(y, proba, weights[None, :])
    pred = proba >= 0.5
    kw = dict(sample_weight=weights)
    expected = {"accuracy": skm.accuracy_score(y, pred, **kw),
                "balanced_accuracy": skm.balanced_accuracy_score(y, pred, **kw),
                "mcc": skm.matthews_corrcoef(y, pred, **kw),
                "precision": skm.precision_score(y, pred, zero_division=0, **kw),
                "recall": skm.recall_score(y, pred, **kw), "f1": skm.f1_score(y, pred, zero_division=0, **kw),
                "roc_auc": skm.roc_auc_score(y, proba, **kw),
                "average_precision": skm.average_precision_score(y, proba, **kw)}
    for key, value in expected.items():
        assert ours[key][0] == pytest.approx(value, abs=1e-9), key


@settings(max_examples=25, deadline=None, derandomize=True)
@given(n=st.integers(30, 300), accuracy=st.floats(0.55, 0.95), seed=st.integers(0, 1000))
def test_bootstrap_intervals_are_ordered_bounded_and_near_the_binomial(n, accuracy, seed):
    from scipy.stats import binomtest

    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    correct = rng.random(n) < accuracy
    proba = np.where(correct, y, 1 - y) * 0.6 + 0.2           # 0.8 for a predicted 1, 0.2 for a predicted 0
    intervals = bootstrap_metrics(y, proba[None, :], n_resamples=400, seed=seed)
    for key in METRICS:
        low, high = intervals[key]
        if np.isfinite(low):
            assert low <= high
            assert -1 - 1e-12 <= low and high <= 1 + 1e-12
    low, high = intervals["accuracy"]
    k = int(correct.sum())
    wilson = binomtest(k, n).proportion_ci(0.95, method="wilson")
    assert abs((high - low) - (wilson.high - wilson.low)) < 0.35 * (wilson.high - wilson.low) + 3 / n
    assert low - 2 / n <= k / n <= high + 2 / n


def test_bootstrap_is_reproducible_and_groups_widen_the_interval():
    rng = np.random.default_rng(0)
    groups = np.repeat(np.arange(40), 10)
    y = np.repeat(rng.integers(0, 2, 40), 10)
    proba = np.clip(y * 0.5 + rng.normal(0.25, 0.3, 40)[groups], 0, 1)
    rows = bootstrap_metrics(y, proba[None, :], n_resamples=500, seed=3)
    assert rows == bootstrap_metrics(y, proba[None, :], n_resamples=500, seed=3)
    clustered = bootstrap_metrics(y, proba[None, :], n_resamples=500, seed=3, groups=groups)
    width = lambda interval: interval[1] - interval[0]  # noqa: E731
    assert width(clustered["accuracy"]) > 1.5 * width(rows["accuracy"])


# --- the cost-chosen threshold -------------------------------------------------------------------------


def test_cost_curve_and_threshold_by_brute_force():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200)
    proba = np.round(np.clip(0.3 * y + rng.random(200) * 0.7, 0, 1), 2)
    thresholds, fp, fn = _error_counts(y, proba)
    costs = (fp + 4.0 * fn) / y.size
    for t, c in zip(thresholds[1:], costs[1:], strict=True):
        pred = proba >= t
        assert c == pytest.approx((np.sum(pred & (y == 0)) + 4 * np.sum(~pred & (y == 1))) / y.size)
    chosen = _choose_threshold(thresholds, fp, fn, y.size, 4.0)
    brute = min((np.sum((proba >= t) & (y == 0)) + 4 * np.sum((proba < t) & (y == 1))) / y.size
                for t in np.r_[np.unique(proba), 1.01])
    pred = proba >= chosen
    assert (np.sum(pred & (y == 0)) + 4 * np.sum(~pred & (y == 1))) / y.size == pytest.approx(brute)


def test_cost_analysis_without_refitting_matches_a_rebuilt_report():
    X, y = _data()
    report = honest_report(_model(), X, y, false_negative_cost=5, leak_checks=False, **FAST)
    again = honest_report(_model(), X, y, false_negative_cost=2, leak_checks=False, **FAST)
    assert report.cost_analysis(2).cost_chosen == pytest.approx(again.cost.cost_chosen)
    assert report.cost.cost_all_negative == pytest.approx(5 * y.mean())
    assert report.cost.cost_all_positive == pytest.approx(1 - y.mean())
    assert np.median(report.cost.thresholds) < np.median(again.cost.thresholds)   # costlier misses: lower threshold


# --- rendering and bad input -----------------------------------------------------------------------


def test_markdown_and_html_render():
    X, y = _data()
    report = honest_report(_model(), X, y, false_negative_cost=3, **FAST)
    markdown = report.to_markdown()
    assert "| balanced accuracy |" in markdown and "majority baseline" in markdown and "Cost" in markdown
    page = report._repr_html_()
    assert "data:image/png;base64," in page and "04_leakage.ipynb" in page
    assert "bootstrap" in report.summary_sentence()


def test_string_labels_and_data_frames():
    X, y = _data()
    frame = pd.DataFrame(X, columns=[f"x{i}" for i in range(X.shape[1])])
    labels = np.where(y == 1, "bad", "good")
    report = honest_report(_model(), frame, labels, **FAST)
    assert report.class_names == ("good", "bad")
    assert set(report.per_class.index) >= {"good", "bad", "macro average", "weighted average"}


@pytest.mark.parametrize("change, argument", [
    (dict(y=np.zeros(600)), "y"),
    (dict(y=np.zeros(10)), "X and y"),
    (dict(groups=np.zeros(5)), "groups"),
    (dict(time=np.arange(7)), "time"),
    (dict(model="LogisticRegression"), "model"),
    (dict(X="data"), "X"),
    (dict(n_splits=1), "n_splits"),
    (dict(false_negative_cost=-1), "false_negative_cost"),
    (dict(positive_label=7), "positive_label"),
    (dict(cv="kfold"), "cv"),
])
def test_bad_input_names_the_argument(change, argument):
    X, y = _data()
    kwargs = dict(model=_model(), X=X, y=y, n_repeats=1, n_bootstrap=100)
    kwargs.update(change)
    with pytest.raises((ValueError, TypeError), match=argument):
        honest_report(kwargs.pop("model"), kwargs.pop("X"), kwargs.pop("y"), **kwargs)


def test_non_numeric_X_without_a_pipeline_is_refused():
    frame = pd.DataFrame({"colour": ["red", "blue"] * 50, "size": np.arange(100.0)})
    with pytest.raises(TypeError, match="non-numeric columns .*colour.*Pipeline"):
        honest_report(LogisticRegression(), frame, np.arange(100) % 2)


def test_paired_comparisons_use_the_same_rows():
    X, y = _data()
    report = honest_report(_model(), X, y, leak_checks=False, **FAST)
    pred = report.proba(0) >= 0.5
    majority = int(round(y.mean()))
    assert report.mcnemar.only_b_right == int(np.sum((pred == report.y) & (majority != report.y)))
    assert report.mcnemar.only_a_right == int(np.sum((pred != report.y) & (majority == report.y)))
    assert 0 <= report.scores["accuracy"].p_value <= 1


def test_cost_widget_moves_the_threshold_without_refitting():
    from course_utils.widgets import cost_threshold_explorer

    X, y = _data()
    report = honest_report(_model(), X, y, false_negative_cost=5, leak_checks=False, **FAST)
    explorer = cost_threshold_explorer(report, false_negative_cost=5)
    before = np.median(explorer.result.thresholds)
    explorer.controls["false_negative_cost"].value = 20
    assert np.median(explorer.result.thresholds) < before
    assert explorer.result.cost_chosen == pytest.approx(report.cost_analysis(20).cost_chosen)
    assert explorer.image.value[:4] == b"\x89PNG"
    with pytest.raises(ValueError, match="false_negative_cost"):
        cost_threshold_explorer(honest_report(_model(), X, y, leak_checks=False, **FAST))
    with pytest.raises(TypeError, match="report"):
        cost_threshold_explorer("report")


def test_course_data_set_ships_inside_the_package():
    import tomllib
    from importlib.resources import files
    from pathlib import Path

    from course_utils.data import load_german_credit

    assert files("course_utils.datasets").joinpath("german_credit.csv").is_file()
    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    assert "*.csv" in pyproject["tool"]["setuptools"]["package-data"]["course_utils.datasets"]
    X, y = load_german_credit()
    assert X.shape == (1000, 20) and set(y) == {"good", "bad"} and (y == "bad").sum() == 300
    assert X.select_dtypes("number").shape[1] == 7


def test_time_budget_stops_adding_repetitions():
    X, y = _data()
    report = honest_report(_model(), X, y, n_repeats=5, max_seconds=0, leak_checks=False, n_bootstrap=100)
    assert report.n_repeats == 1 and report.seeds == (0,)


def test_importing_the_report_loads_no_tensorflow_plots_or_widgets():
    import subprocess
    import sys

    loaded = subprocess.run([sys.executable, "-c", "import sys, course_utils.report; print(sorted(sys.modules))"],
                            capture_output=True, text=True, check=True).stdout
    for heavy in ("'tensorflow'", "'keras'", "'matplotlib'", "'ipywidgets'", "'course_utils.widgets'"):
        assert heavy not in loaded
