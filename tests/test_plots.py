"""Plot functions: Axes in, Axes out, documented labels, no global state at import."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from conftest import assert_fresh_python_prints_ok  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from sklearn.metrics import (  # noqa: E402
    ConfusionMatrixDisplay,
    PrecisionRecallDisplay,
    RocCurveDisplay,
    average_precision_score,
    roc_auc_score,
)

from course_utils import plots  # noqa: E402
from course_utils.metrics import ConfusionCounts, metric_summary  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scored():
    rng = np.random.default_rng(0)
    y = (rng.uniform(size=300) < 0.2).astype(int)
    scores = np.clip(rng.normal(0.35 + 0.3 * y, 0.15), 0, 1)
    return y, scores


def _curve_calls(y, s):
    return {
        "plot_threshold_tradeoff": lambda ax: plots.plot_threshold_tradeoff(y, s, threshold=0.5, ax=ax),
        "plot_roc_curve": lambda ax: plots.plot_roc_curve(y, s, ax=ax),
        "plot_pr_curve": lambda ax: plots.plot_pr_curve(y, s, ax=ax),
        "plot_confusion_matrix": lambda ax: plots.plot_confusion_matrix([[50, 10], [5, 35]], ax=ax),
        "plot_metric_bars": lambda ax: plots.plot_metric_bars({"m": {"accuracy": 0.9, "recall": 0.1,
                                                                     "balanced_accuracy": 0.5}}, ax=ax),
    }


#: Functions drawn by a scikit-learn Display return it (its ``ax_`` is the Axes); the others return the Axes.
DISPLAYS = {"plot_roc_curve": RocCurveDisplay, "plot_pr_curve": PrecisionRecallDisplay,
            "plot_confusion_matrix": ConfusionMatrixDisplay}


def _axes(name, returned):
    if name in DISPLAYS:
        assert isinstance(returned, DISPLAYS[name])
        return returned.ax_
    return returned


@pytest.mark.parametrize("name", ["plot_threshold_tradeoff", "plot_roc_curve",
                                  "plot_pr_curve", "plot_confusion_matrix", "plot_metric_bars"])
def test_returns_the_given_axes(name, scored):
    call = _curve_calls(*scored)[name]
    fig, (left, right) = plt.subplots(1, 2)
    returned = call(right)
    assert _axes(name, returned) is right
    assert right.has_data() or right.texts or right.images
    assert not left.has_data()  # nothing drawn on the other Axes


@pytest.mark.parametrize("name", ["plot_threshold_tradeoff", "plot_roc_curve",
                                  "plot_pr_curve", "plot_confusion_matrix", "plot_metric_bars"])
def test_creates_axes_when_none_given(name, scored):
    call = _curve_calls(*scored)[name]
    before = plt.get_fignums()
    ax = _axes(name, call(None))
    assert isinstance(ax, Axes)
    assert len(plt.get_fignums()) == len(before) + 1


def test_confusion_matrix_labels_and_counts():
    display = plots.plot_confusion_matrix([[50, 10], [5, 35]], labels=("ham", "spam"))
    ax = display.ax_
    assert display.confusion_matrix.tolist() == [[50, 10], [5, 35]]
    assert display.text_[1, 0].get_text() == "FN\n5\n(12% of row)"
    assert display.im_.get_cmap().name == "Blues"
    assert len(ax.figure.axes) == 1  # no colour bar
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
    display = plots.plot_confusion_matrix(counts, title="most spam is caught", normalize=True)
    ax = display.ax_
    assert display.im_.get_array()[1, 1] == pytest.approx(35 / 40)  # coloured by share of the row
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


def test_roc_curve_labels_and_auc(scored):
    y, s = scored
    display = plots.plot_roc_curve(y, s, label="model", color=plots.OKABE_ITO["blue"])
    ax = display.ax_
    assert ax.get_xlabel() == "false-positive rate"
    assert ax.get_ylabel() == "recall (true-positive rate)"
    assert display.roc_auc == pytest.approx(roc_auc_score(y, s))
    assert ax.get_lines()[0] is display.line_
    assert display.line_.get_label() == f"model: ROC-AUC {roc_auc_score(y, s):.3f}"
    assert display.line_.get_color() == plots.OKABE_ITO["blue"]
    assert display.chance_level_.get_xydata().tolist() == [[0, 0], [1, 1]]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [display.line_.get_label()]  # no chance entry
    assert ax.get_xlim() == (0, 1) and ax.get_ylim() == (0, 1.02)
    assert ax.get_aspect() == "auto"


def test_curves_on_one_axes_each_get_a_legend_entry(scored):
    y, s = scored
    fig, ax = plt.subplots()
    for label in ("a", "b"):
        plots.plot_roc_curve(y, s, ax=ax, label=label)
    assert [t.get_text()[:3] for t in ax.get_legend().get_texts()] == ["a: ", "b: "]


def test_pr_curve_labels_ap_and_chance_level(scored):
    y, s = scored
    display = plots.plot_pr_curve(y, s)
    ax = display.ax_
    assert ax.get_xlabel() == "recall" and ax.get_ylabel() == "precision"
    assert ax.get_lines()[0].get_label() == f"AP {average_precision_score(y, s):.3f}"
    assert display.line_.get_drawstyle() == "steps-post"  # as average precision integrates it
    chance = ax.get_lines()[1].get_ydata()
    assert chance[0] == pytest.approx(y.mean())
    assert display.chance_level_.get_color() == display.line_.get_color()


def test_long_curves_are_thinned_but_auc_uses_all_points():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 20_000)
    s = rng.normal(size=20_000) + y
    ax = plots.plot_roc_curve(y, s).ax_
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


def test_update_confusion_matrix_changes_only_the_cells_and_title():
    display = plots.plot_confusion_matrix(ConfusionCounts(tn=5, fp=1, fn=2, tp=2))
    changed = plots.update_confusion_matrix(display, ConfusionCounts(tn=0, fp=6, fn=0, tp=4), normalize=True)
    assert changed == [display.im_, *display.text_.ravel(), display.ax_.title]
    assert display.confusion_matrix.tolist() == [[0, 6], [0, 4]]
    assert display.text_[0, 1].get_text() == "FP\n6\n(100% of row)"
    assert display.text_[0, 1].get_color() == "white" and display.text_[0, 0].get_color() == "black"
    assert display.ax_.get_title() == "accuracy 0.400"


def test_score_bars_and_their_update():
    bars, labels = plots.plot_score_bars({"accuracy": 0.9, "recall": 0.0}, chance=0.5, chance_band=0.1,
                                         title="always negative")
    ax = bars.patches[0].axes
    assert [b.get_height() for b in bars] == [0.9, 0.0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["accuracy", "recall"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["chance ± 2 SE"]
    limits = ax.get_ylim()
    changed = plots.update_score_bars(bars, labels, [0.5, 0.25])
    assert changed == [*bars, *labels]
    assert [b.get_height() for b in bars] == [0.5, 0.25]
    assert [t.get_text() for t in labels] == ["0.500", "0.250"]
    assert ax.get_ylim() == limits == (0, 1.1)
    with pytest.raises(ValueError, match="values"):
        plots.update_score_bars(bars, labels, [0.5])
    with pytest.raises(TypeError, match="scores"):
        plots.plot_score_bars([0.5, 0.2])


def test_per_class_recall_highlights_one_class():
    ax = plots.plot_per_class_recall([0.9, 0.95, 0.4], accuracy=0.75, highlight=2, title="rare 2")
    colours = [matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours == [plots.OKABE_ITO["sky"].lower()] * 2 + [plots.OKABE_ITO["vermillion"].lower()]
    assert ax.get_lines()[0].get_ydata()[0] == 0.75
    assert ax.get_title() == "rare 2"


def test_padding_accuracy_limits_do_not_depend_on_the_marker():
    fractions, with_padding, real = [0.0, 0.2, 0.4, 0.7], [0.7, 0.75, 0.8, 0.9], [0.7] * 4
    limits = []
    for marked in (0.0, 0.7):
        ax = plots.plot_padding_accuracy(fractions, with_padding, real, marked=marked)
        assert ax.get_lines()[-1].get_xdata()[0] == marked
        limits.append((ax.get_xlim(), ax.get_ylim()))
    assert limits[0] == limits[1]
    with pytest.raises(ValueError, match="accuracy_real_tokens"):
        plots.plot_padding_accuracy(fractions, with_padding, [0.7])


def test_seed_spread_max_runs_fixes_the_y_axis():
    few = plots.plot_seed_spread([0.90, 0.91, 0.93], n_test=400, xlim=(0.8, 1.0), max_runs=20)
    many = plots.plot_seed_spread([0.92] * 20, n_test=400, xlim=(0.8, 1.0), max_runs=20)
    assert few.get_ylim() == many.get_ylim() == (0, 30)
    assert few.get_xlim() == many.get_xlim() == (0.8, 1.0)
    with pytest.raises(ValueError, match="max_runs"):
        plots.plot_seed_spread([0.9] * 5, n_test=400, max_runs=4)


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
    assert_fresh_python_prints_ok(code)


def test_no_plt_show_in_course_utils():
    sources = sorted((REPO / "course_utils").rglob("*.py"))
    assert len(sources) >= 10
    offenders = [str(p.relative_to(REPO)) for p in sources if "plt.show(" in p.read_text(encoding="utf-8")]
    assert offenders == []
