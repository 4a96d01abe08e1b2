"""Widgets without a browser (move a control, check the numbers), plots, import rules."""

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn import metrics as skm  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from course_utils import data, plots, widgets  # noqa: E402
from course_utils.metrics import ConfusionCounts  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def digits_scores():
    split = data.load_digits_one_vs_rest(digit=9).select_features([21, 42])
    model = LogisticRegression().fit(split.X_train, split.y_train)
    return split.y_test, model.predict_proba(split.X_test)[:, 1]


@pytest.mark.parametrize("threshold", [0.05, 0.2, 0.5, 0.73])
def test_threshold_explorer_agrees_with_scikit_learn(digits_scores, threshold):
    y, scores = digits_scores
    explorer = widgets.threshold_explorer(y, scores, threshold=0.5)
    before = explorer.image.value
    explorer.controls["threshold"].value = threshold
    y_hat = scores >= threshold
    (tn, fp), (fn, tp) = skm.confusion_matrix(y, y_hat)
    assert explorer.result == ConfusionCounts(tp=tp, fp=fp, fn=fn, tn=tn)
    precision = skm.precision_score(y, y_hat, zero_division=np.nan)
    recall = skm.recall_score(y, y_hat)
    assert f"{recall:.3f}" in explorer.numbers.value
    if not np.isnan(precision):
        assert f"{precision:.3f}" in explorer.numbers.value
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
    assert (bytes(explorer.image.value) != bytes(before)) == (threshold != 0.5)
    assert explorer.last_update_seconds > 0


def test_prevalence_explorer_roc_stays_ap_falls():
    explorer = widgets.prevalence_explorer()
    balanced = explorer.result
    explorer.controls["negatives_per_positive"].value = 100
    rare = explorer.result
    assert abs(rare.roc_auc - balanced.roc_auc) < 0.08
    assert rare.average_precision < balanced.average_precision / 3
    assert f"{rare.average_precision:.3f}" in explorer.numbers.value


def test_baseline_explorer():
    explorer = widgets.baseline_explorer()
    explorer.controls["prevalence"].value = 0.01
    assert (explorer.result.accuracy, explorer.result.recall) == (0.99, 0.0)
    assert "0.990" in explorer.numbers.value


def test_live_experiment_shows_errors_instead_of_raising():
    def experiment(x):
        if x > 1:
            raise ValueError("x must be at most 1")
        return x

    slider = ipywidgets.FloatSlider(value=0.5, min=0, max=2)
    live = widgets.LiveExperiment(controls={"x": slider}, experiment=experiment,
                                  draw=lambda result, figure: figure.subplots().plot([0, result]),
                                  describe=lambda result: [("x", float(result))])
    slider.value = 1.5
    assert "x must be at most 1" in live.status.value
    assert live.result == 0.5
    slider.value = 0.8
    assert live.status.value == "" and live.result == 0.8


def test_plot_functions_return_the_axes_they_drew_on():
    y, scores = [0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9]
    _, ax = plt.subplots()
    for draw in (lambda a: plots.plot_confusion_matrix([[50, 10], [5, 35]], ax=a),
                 lambda a: plots.plot_threshold_tradeoff(y, scores, threshold=0.5, ax=a),
                 lambda a: plots.plot_score_distributions(y, scores, ax=a),
                 lambda a: plots.plot_roc_curve(y, scores, ax=a),
                 lambda a: plots.plot_pr_curve(y, scores, ax=a),
                 lambda a: plots.plot_metric_bars({"m": {"accuracy": 0.5, "recall": 0.1, "balanced_accuracy": 0.3}}, ax=a)):
        ax.clear()
        assert draw(ax) is ax


def test_confusion_matrix_plot_shows_the_counts():
    ax = plots.plot_confusion_matrix([[50, 10], [5, 35]])
    texts = " ".join(t.get_text() for t in ax.texts)
    for count in ("TN\n50", "FP\n10", "FN\n5", "TP\n35"):
        assert count in texts
    assert ax.get_title() == "accuracy 0.850"


def test_curves_label_their_area():
    y, scores = [0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8]
    assert "ROC-AUC 0.750" in plots.plot_roc_curve(y, scores).get_legend_handles_labels()[1][0]
    ap = skm.average_precision_score(y, scores)
    assert f"AP {ap:.3f}" in plots.plot_pr_curve(y, scores).get_legend_handles_labels()[1][0]


def test_metric_bars_draw_one_bar_per_model_and_metric():
    results = {"a": {"accuracy": 0.9, "recall": 0.1}, "b": {"accuracy": 0.8, "recall": 0.7},
               "c": {"accuracy": 0.7, "recall": 0.9}}
    ax = plots.plot_metric_bars(results, metrics=("accuracy", "recall"))
    assert len(ax.patches) == 6


def test_course_style_applies_only_when_called_and_imports_stay_light():
    code = ("import sys, matplotlib\n"
            "before = matplotlib.rcParams['font.size']\n"
            "import course_utils, course_utils.data, course_utils.metrics, course_utils.experiments, "
            "course_utils.plots, course_utils.checks, course_utils.exercises.ex00, course_utils.exercises.ex01, "
            "course_utils.reproducibility, course_utils.models, course_utils.ensemble\n"
            "assert matplotlib.rcParams['font.size'] == before\n"
            "heavy = [m for m in ('tensorflow', 'keras', 'matplotlib.pyplot', 'ipywidgets') if m in sys.modules]\n"
            "course_utils.plots.apply_course_style()\n"
            "print(heavy, matplotlib.rcParams['font.size'])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] 12.0"


def test_no_module_calls_plt_show():
    from pathlib import Path

    import course_utils

    for path in Path(course_utils.__file__).parent.rglob("*.py"):
        assert "plt.show(" not in path.read_text(), path
