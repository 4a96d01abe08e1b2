"""Plot functions: Axes in, Axes out, documented labels, no global state at import."""

import os
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from sklearn.metrics import average_precision_score, roc_auc_score  # noqa: E402

from course_utils import plots  # noqa: E402
from course_utils.metrics import ConfusionCounts, metric_summary  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def scored():
    rng = np.random.default_rng(0)
    y = (rng.uniform(size=300) < 0.2).astype(int)
    scores = np.clip(rng.normal(0.35 + 0.3 * y, 0.15), 0, 1)
    return y, scores


def _curve_calls(y, s):
    return {
        "plot_threshold_tradeoff": lambda ax: plots.plot_threshold_tradeoff(y, s, threshold=0.5, ax=ax),
        "plot_score_distributions": lambda ax: plots.plot_score_distributions(y, s, threshold=0.5, ax=ax),
        "plot_roc_curve": lambda ax: plots.plot_roc_curve(y, s, ax=ax),
        "plot_pr_curve": lambda ax: plots.plot_pr_curve(y, s, ax=ax),
        "plot_confusion_matrix": lambda ax: plots.plot_confusion_matrix([[50, 10], [5, 35]], ax=ax),
        "plot_metric_bars": lambda ax: plots.plot_metric_bars({"m": {"accuracy": 0.9, "recall": 0.1,
                                                                     "balanced_accuracy": 0.5}}, ax=ax),
    }


@pytest.mark.parametrize("name", ["plot_threshold_tradeoff", "plot_score_distributions", "plot_roc_curve",
                                  "plot_pr_curve", "plot_confusion_matrix", "plot_metric_bars"])
def test_returns_the_given_axes(name, scored):
    call = _curve_calls(*scored)[name]
    fig, (left, right) = plt.subplots(1, 2)
    returned = call(right)
    assert returned is right
    assert right.has_data() or right.texts or right.images
    assert not left.has_data()  # nothing drawn on the other Axes


@pytest.mark.parametrize("name", ["plot_threshold_tradeoff", "plot_score_distributions", "plot_roc_curve",
                                  "plot_pr_curve", "plot_confusion_matrix", "plot_metric_bars"])
def test_creates_axes_when_none_given(name, scored):
    call = _curve_calls(*scored)[name]
    before = plt.get_fignums()
    ax = call(None)
    assert isinstance(ax, Axes)
    assert len(plt.get_fignums()) == len(before) + 1


def test_confusion_matrix_labels_and_counts():
    ax = plots.plot_confusion_matrix([[50, 10], [5, 35]], labels=("ham", "spam"))
    assert ax.get_ylabel() == "actual class"
    assert ax.get_xlabel() == "predicted class"
    assert ax.get_title() == "accuracy 0.850"
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 4
    assert any("35" in t for t in texts)
    for count, name in ((50, "TN"), (10, "FP"), (5, "FN"), (35, "TP")):
        assert any(name in t and str(count) in t for t in texts), (name, count)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ham", "spam"]
    assert "spam" in ax.get_xticklabels()[1].get_text()


def test_confusion_matrix_from_counts_and_custom_title():
    counts = ConfusionCounts(tp=35, fp=10, fn=5, tn=50)
    ax = plots.plot_confusion_matrix(counts, title="most spam is caught", normalize=True)
    assert ax.get_title() == "most spam is caught"
    assert any("35" in t.get_text() for t in ax.texts)
    assert any("88% of row" in t.get_text() for t in ax.texts)  # 35 / 40


def test_threshold_tradeoff_lines(scored):
    y, s = scored
    ax = plots.plot_threshold_tradeoff(y, s, threshold=0.4)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[:2] == ["precision", "recall"]
    assert "threshold 0.40" in labels
    assert ax.get_ylabel() == "value"
    assert "threshold" in ax.get_xlabel()


def test_score_distributions_labels(scored):
    y, s = scored
    ax = plots.plot_score_distributions(y, s, labels=("healthy", "sick"))
    assert ax.get_xlabel() == "score" and ax.get_ylabel() == "density"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [f"actual healthy (n={int((y == 0).sum())})", f"actual sick (n={int(y.sum())})"]


def test_roc_curve_labels_and_auc(scored):
    y, s = scored
    ax = plots.plot_roc_curve(y, s, label="model")
    assert ax.get_xlabel() == "false-positive rate"
    assert ax.get_ylabel() == "recall (true-positive rate)"
    assert ax.get_lines()[0].get_label() == f"model: ROC-AUC {roc_auc_score(y, s):.3f}"


def test_pr_curve_labels_ap_and_chance_level(scored):
    y, s = scored
    ax = plots.plot_pr_curve(y, s)
    assert ax.get_xlabel() == "recall" and ax.get_ylabel() == "precision"
    assert ax.get_lines()[0].get_label() == f"AP {average_precision_score(y, s):.3f}"
    chance = ax.get_lines()[1].get_ydata()
    assert chance[0] == pytest.approx(y.mean())


def test_long_curves_are_thinned_but_auc_uses_all_points():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 20_000)
    s = rng.normal(size=20_000) + y
    ax = plots.plot_roc_curve(y, s)
    assert len(ax.get_lines()[0].get_xdata()) <= 3000
    assert ax.get_lines()[0].get_label() == f"ROC-AUC {roc_auc_score(y, s):.3f}"


def test_metric_bars_one_bar_per_model_and_metric():
    results = {
        "always 0": metric_summary([0, 0, 0, 1], [0, 0, 0, 0]),
        "model": metric_summary([0, 0, 0, 1], [0, 0, 1, 1]),
        "other": metric_summary([0, 0, 0, 1], [0, 1, 1, 1]),
    }
    metrics = ("accuracy", "recall", "f1", "mcc")
    ax = plots.plot_metric_bars(results, metrics=metrics, title="accuracy lies")
    assert len(ax.patches) == len(results) * len(metrics)
    heights = sorted(round(p.get_height(), 3) for p in ax.patches)
    expected = sorted(round(row[m], 3) for row in results.values() for m in metrics)
    assert heights == expected
    assert ax.get_title() == "accuracy lies"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(results)


def test_metric_bars_docstring_example():
    ax = plots.plot_metric_bars({"always 0": {"accuracy": 0.9, "recall": 0.0}}, metrics=("accuracy", "recall"))
    assert len(ax.patches) == 2


def test_apply_course_style_changes_rcparams_only_when_called():
    with matplotlib.rc_context():
        settings = plots.apply_course_style()
        assert settings["font.size"] == 12
        assert matplotlib.rcParams["font.size"] == 12
        colours = [c["color"] for c in matplotlib.rcParams["axes.prop_cycle"]]
        assert colours == list(plots.OKABE_ITO.values())


def test_import_does_not_touch_rcparams():
    code = ("import matplotlib\n"
            "default = matplotlib.rcParamsDefault['font.size']\n"
            "import course_utils.plots, course_utils.widgets\n"
            "assert matplotlib.rcParams['font.size'] == default, matplotlib.rcParams['font.size']\n"
            "assert matplotlib.rcParams['axes.spines.top'] is True\n"
            "course_utils.plots.apply_course_style()\n"
            "assert matplotlib.rcParams['font.size'] == 12\n"
            "print('ok')\n")
    env = {**os.environ, "PYTHONPATH": str(REPO), "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_no_plt_show_in_course_utils():
    sources = sorted((REPO / "course_utils").rglob("*.py"))
    assert len(sources) >= 10
    offenders = [str(p.relative_to(REPO)) for p in sources if "plt.show(" in p.read_text(encoding="utf-8")]
    assert offenders == []
