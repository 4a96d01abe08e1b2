"""Figure functions: each takes ``ax=None`` and returns the Axes it drew on.

Where scikit-learn has a Display for the figure (ROC and precision–recall
curves, confusion matrix) it draws, the function restyles it the course's way
and returns the Display: its ``ax_`` is the Axes.

Nothing here changes matplotlib's global state at import; call
:func:`apply_course_style` once in a notebook's setup cell to get the course
look (Okabe–Ito colour-blind-safe palette, projector-sized fonts).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_binary_labels, as_numeric_1d, check_positive_int, check_real, check_same_length
from .metrics import ConfusionCounts
from .stats import binomial_se, sample_sd

__all__ = [
    "OKABE_ITO",
    "apply_course_style",
    "plot_confusion_matrix",
    "update_confusion_matrix",
    "plot_threshold_tradeoff",
    "plot_roc_curve",
    "plot_pr_curve",
    "plot_metric_bars",
    "plot_score_bars",
    "update_score_bars",
    "plot_accuracy_strips",
    "plot_seed_spread",
    "plot_reliability_diagram",
    "plot_leak_scores",
    "plot_per_class_recall",
    "plot_padding_accuracy",
    "plot_scores_vs_baseline",
    "plot_cost_curve",
]

#: Okabe & Ito (2008) palette, distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}

COURSE_STYLE = {
    "axes.prop_cycle": None,  # filled in by apply_course_style
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "legend.fontsize": 11,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "figure.figsize": (6.0, 4.0),
}


#: Curves with more points than this are thinned for drawing (metrics use all points).
_MAX_CURVE_POINTS = 3000


def _thin(x, y):
    """Keep at most _MAX_CURVE_POINTS evenly spaced points of a curve, ends included.

    Only the drawing is thinned; the AUC/AP in the legend use every point.
    """
    if x.size <= _MAX_CURVE_POINTS:
        return x, y
    keep = np.unique(np.linspace(0, x.size - 1, _MAX_CURVE_POINTS).astype(int))
    return x[keep], y[keep]


def apply_course_style():
    """Apply the course's matplotlib style (call explicitly, once per notebook).

    Returns
    -------
    dict
        The rcParams that were set.

    Examples
    --------
    >>> settings = apply_course_style()
    >>> settings["font.size"]
    12
    """
    import matplotlib as mpl
    from cycler import cycler

    settings = dict(COURSE_STYLE)
    settings["axes.prop_cycle"] = cycler(color=list(OKABE_ITO.values()))
    mpl.rcParams.update(settings)
    return settings


def _new_axes(ax):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    return ax


def plot_confusion_matrix(counts, *, ax=None, labels=("negative", "positive"),
                          title=None, normalize=False):
    """Draw a 2x2 confusion matrix with the count (and share) in each cell.

    scikit-learn's :class:`~sklearn.metrics.ConfusionMatrixDisplay` draws it;
    this function then gives it the course's look: blue cells, each cell
    named (TN, FP, FN, TP) with its count and its share of the actual class.

    Parameters
    ----------
    counts : ConfusionCounts or array-like of shape (2, 2)
        A 2x2 array must be in scikit-learn's layout ``[[tn, fp], [fn, tp]]``.
    ax : matplotlib Axes, optional
    labels : tuple of two str
        Names of class 0 and class 1.
    title : str, optional
        Defaults to the accuracy; a good title states the finding.
    normalize : bool
        Colour cells by their share of the *actual* class (row), so a
        minority class that is always missed shows up dark even when small.

    Returns
    -------
    sklearn.metrics.ConfusionMatrixDisplay
        Its ``ax_`` is the Axes, ``im_`` the coloured cells and ``text_`` the 2x2 cell texts.

    Examples
    --------
    >>> display = plot_confusion_matrix([[50, 10], [5, 35]], labels=("ham", "spam"))
    >>> display.ax_.get_ylabel(), display.text_[1, 1].get_text().splitlines()[:2]
    ('actual class', ['TP', '35'])
    """
    from sklearn.metrics import ConfusionMatrixDisplay

    if not isinstance(counts, ConfusionCounts):
        if counts is None or isinstance(counts, (str, bytes, dict)):
            raise TypeError("counts must be a ConfusionCounts or a 2x2 matrix [[tn, fp], [fn, tp]], "
                            f"got {type(counts).__name__}.")
        counts = ConfusionCounts.from_matrix(counts)
    _check_labels(labels)
    display = ConfusionMatrixDisplay(counts.as_matrix(), display_labels=list(labels))
    display.plot(ax=ax, cmap="Blues", colorbar=False, values_format="d", im_kw={"vmin": 0, "vmax": 1},
                 text_kw={"fontsize": 11})
    ax = display.ax_
    ax.set_xticks([0, 1], [f"predicted\n{labels[0]}", f"predicted\n{labels[1]}"])
    ax.set_yticks([0, 1], [labels[0], labels[1]])
    ax.set_xlabel("predicted class")
    ax.set_ylabel("actual class")
    update_confusion_matrix(display, counts, title=title, normalize=normalize)
    return display


def _confusion_cells(counts, normalize):
    """Cell colours (0-1) and ((row, col), text, text colour) for each cell of a confusion matrix."""
    matrix = counts.as_matrix()
    row_totals = matrix.sum(axis=1, keepdims=True)
    shares = np.divide(matrix, row_totals, out=np.zeros(matrix.shape), where=row_totals > 0)
    colour = shares if normalize else matrix / max(matrix.max(), 1)
    names = [["TN", "FP"], ["FN", "TP"]]
    cells = [((row, col), f"{names[row][col]}\n{matrix[row, col]}\n({shares[row, col]:.0%} of row)",
              "white" if colour[row, col] > 0.55 else "black") for row in range(2) for col in range(2)]
    return colour, cells


def update_confusion_matrix(display, counts, *, title=None, normalize=False):
    """Show new counts on a display drawn by :func:`plot_confusion_matrix`, changing only what depends on them.

    Parameters
    ----------
    display : sklearn.metrics.ConfusionMatrixDisplay
        What :func:`plot_confusion_matrix` returned.
    counts : ConfusionCounts
    title : str, optional
        Defaults to the accuracy.
    normalize : bool
        As in :func:`plot_confusion_matrix`.

    Returns
    -------
    list of matplotlib Artist
        The artists it changed (the image, the four cell texts, the title), for a
        widget that re-renders only those.

    Examples
    --------
    >>> from course_utils.metrics import ConfusionCounts
    >>> display = plot_confusion_matrix(ConfusionCounts(tn=5, fp=1, fn=2, tp=2))
    >>> changed = update_confusion_matrix(display, ConfusionCounts(tn=6, fp=0, fn=1, tp=3))
    >>> display.text_[1, 1].get_text().splitlines()[:2], display.ax_.get_title()
    (['TP', '3'], 'accuracy 0.900')
    """
    colour, cells = _confusion_cells(counts, normalize)
    display.confusion_matrix = counts.as_matrix()
    display.im_.set_data(colour)
    for (cell, text, text_colour) in cells:
        display.text_[cell].set_text(text)
        display.text_[cell].set_color(text_colour)
    ax = display.ax_
    ax.set_title(title if title is not None else f"accuracy {counts.accuracy:.3f}")
    return [display.im_, *display.text_.ravel(), ax.title]


def _check_labels(labels):
    if isinstance(labels, str) or not isinstance(labels, (tuple, list)) or len(labels) != 2:
        raise (ValueError if isinstance(labels, (tuple, list)) else TypeError)(
            f"labels must name the two classes, e.g. ('negative', 'positive'), got {labels!r}.")


def _check_threshold(threshold):
    if threshold is not None:
        check_real(threshold, "threshold")


def _curve_inputs(y_true, scores):
    y_true = as_binary_labels(y_true, "y_true")
    scores = as_numeric_1d(scores, "scores")
    check_same_length(y_true=y_true, scores=scores)
    if np.unique(y_true).size < 2:
        raise ValueError("y_true holds only one class; a curve needs both classes.")
    return y_true, scores


def plot_threshold_tradeoff(y_true, scores, *, threshold=None, ax=None):
    """Precision and recall as the decision threshold moves.

    Parameters
    ----------
    y_true : array-like of 0/1
    scores : array-like of float
    threshold : float, optional
        Draw a vertical line here.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        The axes holding the precision and the recall curve.

    Examples
    --------
    >>> ax = plot_threshold_tradeoff([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], threshold=0.5)
    >>> [line.get_label() for line in ax.get_lines()][:2]
    ['precision', 'recall']
    """
    from sklearn.metrics import precision_recall_curve

    y_true, scores = _curve_inputs(y_true, scores)
    _check_threshold(threshold)
    ax = _new_axes(ax)
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    ax.plot(thresholds, precision[:-1], color=OKABE_ITO["blue"], label="precision")
    ax.plot(thresholds, recall[:-1], color=OKABE_ITO["vermillion"], label="recall")
    if threshold is not None:
        ax.axvline(threshold, color=OKABE_ITO["black"], linestyle="--", linewidth=1,
                   label=f"threshold {threshold:.2f}")
    ax.set_xlabel("threshold (predict 1 if score ≥ it)")
    if scores.min() >= 0 and scores.max() <= 1:
        ax.set_xlim(0, 1)
    ax.set_ylabel("value")
    ax.set_ylim(-0.02, 1.02)
    ax.legend(loc="lower left")
    return ax


def _course_curve_look(display, *, metric, label, xlabel, ylabel, legend_loc):
    """Restyle a scikit-learn curve display the course's way (after it has drawn).

    The legend names the curve and its metric (e.g. ``model: ROC-AUC 0.812``), the
    axes keep their free aspect ratio and run from 0 to 1, and a curve with very many
    points is thinned for drawing (the metric used every point).
    """
    line, ax = display.line_, display.ax_
    line.set_data(*_thin(*(np.asarray(values) for values in line.get_data())))
    line.set_label(f"{label}: {metric}" if label else metric)
    display.chance_level_.set_label("_nolegend_")
    ax.set_aspect("auto")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc=legend_loc)
    return display


def _line_style(color):
    return {} if color is None else {"color": color}


def plot_roc_curve(y_true, scores, *, ax=None, label=None, color=None):
    """ROC curve (recall vs false-positive rate) with its AUC in the legend and the chance diagonal.

    scikit-learn's :class:`~sklearn.metrics.RocCurveDisplay` draws it; this
    function gives it the course's labels and legend.

    Parameters
    ----------
    y_true : array-like of 0/1
    scores : array-like of float
        Higher means more likely class 1.
    ax : matplotlib Axes, optional
    label : str, optional
        Name of the curve in the legend.
    color : matplotlib colour, optional

    Returns
    -------
    sklearn.metrics.RocCurveDisplay
        Its ``ax_`` is the Axes, ``line_`` the curve, ``chance_level_`` the diagonal and
        ``roc_auc`` the area under the curve.

    Examples
    --------
    >>> display = plot_roc_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], label="model")
    >>> display.ax_.get_xlabel(), display.line_.get_label()
    ('false-positive rate', 'model: ROC-AUC 0.750')
    """
    from sklearn.metrics import RocCurveDisplay

    y_true, scores = _curve_inputs(y_true, scores)
    display = RocCurveDisplay.from_predictions(
        y_true, scores, ax=ax, curve_kwargs=_line_style(color), plot_chance_level=True,
        chance_level_kw={"color": "grey", "linestyle": ":", "linewidth": 1})
    return _course_curve_look(display, metric=f"ROC-AUC {display.roc_auc:.3f}", label=label,
                              xlabel="false-positive rate", ylabel="recall (true-positive rate)",
                              legend_loc="lower right")


def plot_pr_curve(y_true, scores, *, ax=None, label=None, color=None):
    """Precision–recall curve with average precision and the chance level (prevalence) in the curve's colour.

    scikit-learn's :class:`~sklearn.metrics.PrecisionRecallDisplay` draws it;
    this function gives it the course's labels and legend.

    Parameters
    ----------
    y_true, scores, ax, label, color
        As for :func:`plot_roc_curve`.

    Returns
    -------
    sklearn.metrics.PrecisionRecallDisplay
        Its ``ax_`` is the Axes, ``line_`` the curve, ``chance_level_`` the prevalence line
        and ``average_precision`` the AP.

    Examples
    --------
    >>> display = plot_pr_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8])
    >>> display.ax_.get_ylabel(), display.line_.get_label()
    ('precision', 'AP 0.833')
    """
    from sklearn.metrics import PrecisionRecallDisplay

    y_true, scores = _curve_inputs(y_true, scores)
    display = PrecisionRecallDisplay.from_predictions(
        y_true, scores, ax=ax, drop_intermediate=True, curve_kwargs=_line_style(color), plot_chance_level=True,
        chance_level_kw={"linestyle": ":", "linewidth": 1})
    display.chance_level_.set_color(display.line_.get_color())
    return _course_curve_look(display, metric=f"AP {display.average_precision:.3f}", label=label,
                              xlabel="recall", ylabel="precision", legend_loc="upper right")


def plot_metric_bars(results, *, metrics=("accuracy", "recall", "balanced_accuracy"),
                     ax=None, title=None):
    """Grouped bars: one group per metric, one bar per model.

    Parameters
    ----------
    results : dict
        ``{model name: {metric name: value}}``, e.g. from
        :func:`course_utils.metrics.metric_summary`.
    metrics : sequence of str
        Which metrics to show, in order.

    Examples
    --------
    >>> ax = plot_metric_bars({"always 0": {"accuracy": 0.9, "recall": 0.0}},
    ...                       metrics=("accuracy", "recall"))
    >>> len(ax.patches)
    2
    """
    if not isinstance(results, dict) or not results:
        raise TypeError("results must be a non-empty dict {model name: {metric: value}}.")
    for name, row in results.items():
        if not isinstance(row, dict):
            raise TypeError(f"results[{name!r}] must be a dict {{metric: value}}, got {type(row).__name__}.")
        missing = [m for m in metrics if m not in row]
        if missing:
            raise ValueError(f"results[{name!r}] has no value for {missing}.")
        for metric in metrics:
            check_real(row[metric], f"results[{name!r}][{metric!r}]")
    ax = _new_axes(ax)
    width = 0.8 / len(results)
    positions = np.arange(len(metrics))
    colours = list(OKABE_ITO.values())
    for i, (name, row) in enumerate(results.items()):
        values = [row[m] for m in metrics]
        bars = ax.bar(positions + i * width - 0.4 + width / 2, values, width,
                      label=name, color=colours[i % len(colours)])
        ax.bar_label(bars, fmt="%.2f", fontsize=10)
    ax.set_xticks(positions, [m.replace("_", "\n") for m in metrics])
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("score")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=min(len(results), 3))
    if title:
        ax.set_title(title)
    return ax


def plot_score_bars(scores, *, ax=None, colors=None, ylabel="score", title=None, fmt="%.3f",
                    chance=None, chance_band=None):
    """One labelled bar per score, on a fixed 0–1.1 scale, optionally with the chance level.

    Parameters
    ----------
    scores : dict of str to float
        ``{bar name: value}``, left to right.
    ax : matplotlib Axes, optional
    colors : sequence of matplotlib colours, optional
        One per bar; defaults to the Okabe–Ito palette.
    ylabel, title : str, optional
    fmt : str
        Format of the value written on each bar.
    chance : float, optional
        Draw a dotted line at this score.
    chance_band : float, optional
        Shade ``chance ± chance_band`` (e.g. two standard errors), labelled "chance ± 2 SE".

    Returns
    -------
    bars : matplotlib BarContainer
    labels : list of matplotlib Text
        The values written on the bars; :func:`update_score_bars` changes both.

    Examples
    --------
    >>> bars, labels = plot_score_bars({"accuracy": 0.9, "recall": 0.0})
    >>> [label.get_text() for label in labels]
    ['0.900', '0.000']
    """
    if not isinstance(scores, dict) or not scores:
        raise TypeError("scores must be a non-empty dict {bar name: value}.")
    for name, value in scores.items():
        check_real(value, f"scores[{name!r}]")
    ax = _new_axes(ax)
    colours = list(colors) if colors is not None else list(OKABE_ITO.values())[:len(scores)]
    bars = ax.bar(list(scores), list(scores.values()), color=colours)
    labels = ax.bar_label(bars, fmt=fmt)
    if chance is not None:
        check_real(chance, "chance")
        if chance_band is not None:
            ax.axhspan(chance - chance_band, chance + chance_band, color="grey", alpha=0.2, label="chance ± 2 SE")
            ax.legend(loc="upper right")
        ax.axhline(chance, color="grey", linestyle=":")
    ax.set_ylim(0, 1.1)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return bars, labels


def update_score_bars(bars, labels, values, *, fmt="{:.3f}"):
    """Give bars drawn by :func:`plot_score_bars` new heights and written values.

    Returns
    -------
    list of matplotlib Artist
        The bars and labels it changed.

    Examples
    --------
    >>> bars, labels = plot_score_bars({"accuracy": 0.9, "recall": 0.0})
    >>> changed = update_score_bars(bars, labels, [0.99, 0.0])
    >>> labels[0].get_text(), round(bars[0].get_height(), 2)
    ('0.990', 0.99)
    """
    values = as_numeric_1d(values, "values")
    check_same_length(bars=list(bars), values=values)
    for bar, label, value in zip(bars, labels, values.tolist(), strict=True):
        bar.set_height(value)
        label.xy = (bar.get_x() + bar.get_width() / 2, value)
        label.set_text(fmt.format(value))
    return [*bars, *labels]


def plot_accuracy_strips(groups, *, ax=None, title=None, xlabel="test accuracy"):
    """One row of dots per group of runs, with the mean ± 1 sd drawn over it (notebook 05).

    Parameters
    ----------
    groups : dict of str to array-like of float
        ``{condition: accuracies of its runs}``; the first group is drawn on top.

    Examples
    --------
    >>> ax = plot_accuracy_strips({"seed": [0.90, 0.91, 0.92], "split": [0.88, 0.91, 0.94]})
    >>> [t.get_text() for t in ax.get_yticklabels()][::-1]  # top to bottom
    ['seed', 'split']
    """
    if not isinstance(groups, dict) or not groups:
        raise TypeError("groups must be a non-empty dict {name: accuracies}.")
    values = {name: as_numeric_1d(v, f"groups[{name!r}]") for name, v in groups.items()}
    ax = _new_axes(ax)
    rng = np.random.default_rng(0)
    colours = list(OKABE_ITO.values())
    names = list(values)
    for row, name in enumerate(names):
        y = len(names) - 1 - row
        v = values[name]
        ax.scatter(v, y + rng.uniform(-0.15, 0.15, v.size), s=22, alpha=0.75,
                   color=colours[row % len(colours)], zorder=2)
        sd = sample_sd(v)
        ax.errorbar(v.mean(), y + 0.32, xerr=sd, fmt="D", color=OKABE_ITO["black"], capsize=4,
                    markersize=5, zorder=3)
    ax.set_yticks(range(len(names)), names[::-1])
    ax.set_ylim(-0.6, len(names) - 0.3)
    ax.set_xlabel(xlabel)
    if title:
        ax.set_title(title)
    return ax


def plot_seed_spread(accuracies, *, n_test, seed_sd=None, ax=None, title=None, xlim=None, max_runs=None):
    """Histogram of runs' test accuracies with their mean, 95 % range and the binomial interval.

    Parameters
    ----------
    accuracies : array-like of float
        One test accuracy per run.
    n_test : int
        Test-set size of each run, for the binomial sampling interval drawn above the bars.
    seed_sd : float, optional
        Also draw ±1.96 of this spread (the seed alone) above the bars.
    xlim : (float, float), optional
        Accuracies outside it are counted in its first or last bar.
    max_runs : int, optional
        Scale the y axis for bars of up to this many runs (e.g. the most runs a widget
        can show), so that it does not change with the data; by default it fits the tallest bar.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_seed_spread([0.90, 0.91, 0.93, 0.92], n_test=400)
    >>> ax.get_xlabel()
    'test accuracy'
    """
    values = as_numeric_1d(accuracies, "accuracies")
    ax = _new_axes(ax)
    mean = float(values.mean())
    low, high = np.percentile(values, [2.5, 97.5])
    lo_x, hi_x = xlim if xlim is not None else (min(values.min(), mean - 0.05), max(values.max(), mean + 0.05))
    counts, edges = np.histogram(np.clip(values, lo_x, hi_x), bins=np.linspace(lo_x, hi_x, 31))
    if max_runs is None:
        top = max(int(counts.max()), 1)
    else:
        top = check_positive_int(max_runs, "max_runs")
        if values.size > top:
            raise ValueError(f"max_runs must be at least the number of runs ({values.size}), got {max_runs}.")
    ax.axvspan(low, high, color=OKABE_ITO["blue"], alpha=0.12, label="95 % of runs")
    ax.stairs(counts, edges, fill=True, color=OKABE_ITO["sky"], label=f"{values.size} runs")
    ax.axvline(mean, color=OKABE_ITO["black"], linewidth=2, label=f"mean {mean:.3f}")
    se = binomial_se(min(max(mean, 0.0), 1.0), n_test)
    rows = [(1.96 * se, OKABE_ITO["vermillion"], f"±1.96 binomial SE, n={n_test}")]
    if seed_sd is not None:
        rows.append((1.96 * seed_sd, OKABE_ITO["green"], "±1.96 sd, seed only"))
    for level, (half, colour, label) in enumerate(rows):
        y = top * (1.15 + 0.15 * level)
        ax.plot([mean - half, mean + half], [y, y], color=colour, linewidth=3, solid_capstyle="butt", label=label)
    ax.set_xlim(lo_x, hi_x)
    ax.set_ylim(0, top * 1.5)
    ax.set_xlabel("test accuracy")
    ax.set_ylabel("runs")
    ax.legend(loc="upper left", fontsize=9, frameon=False)
    if title:
        ax.set_title(title)
    return ax


def plot_reliability_diagram(y_true, p, *, n_bins=10, ax=None, label=None, color=None):
    """Accuracy against confidence per bin; the diagonal is perfect calibration.

    Points below the diagonal mean over-confidence (the model is less often
    right than it claims). The legend carries the ECE.

    Not drawn by scikit-learn's ``CalibrationDisplay``: that one bins the
    probability of class 1 over [0, 1] (fraction of positives per bin), while
    this diagram bins the confidence in the *predicted* class over [0.5, 1],
    the bins the ECE (:func:`course_utils.stats.reliability_curve`) uses.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_reliability_diagram([1, 1, 0, 0], [0.9, 0.9, 0.1, 0.6], n_bins=5)
    >>> ax.get_xlabel()
    'confidence in the predicted class'
    """
    from .stats import reliability_curve

    curve = reliability_curve(y_true, p, n_bins=n_bins)
    ax = _new_axes(ax)
    ax.plot([0.5, 1.0], [0.5, 1.0], color="grey", linestyle=":", linewidth=1, label="perfectly calibrated")
    prefix = f"{label}: " if label else ""
    ax.plot(curve.confidence, curve.accuracy, "o-", color=color or OKABE_ITO["vermillion"],
            label=f"{prefix}ECE {curve.ece:.3f}")
    ax.set_xlabel("confidence in the predicted class")
    ax.set_ylabel("accuracy")
    ax.set_xlim(0.48, 1.02)
    ax.set_ylim(0.3, 1.02)
    ax.legend(loc="upper left")
    return ax


def plot_leak_scores(results, *, ax=None, title=None):
    """Horizontal bars: each leak's wrong-way score beside its right-way score, with chance marked.

    Parameters
    ----------
    results : sequence of :class:`course_utils.leakage.LeakResult`
        One row each, top to bottom.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from course_utils.leakage import LeakResult
    >>> ax = plot_leak_scores([LeakResult("groups", 0.9, 0.5, 0.5, "accuracy", "GroupKFold")])
    >>> len(ax.patches)
    2
    """
    if isinstance(results, (str, bytes, dict)) or not hasattr(results, "__iter__"):
        raise TypeError(f"results must be a list of LeakResult, got {type(results).__name__}.")
    results = list(results)
    if not results:
        raise ValueError("results is empty; pass at least one LeakResult.")
    for i, result in enumerate(results):
        if not all(hasattr(result, name) for name in ("leak", "leaky", "honest", "chance")):
            raise TypeError(f"results[{i}] must be a LeakResult, got {type(result).__name__}.")
    ax = _new_axes(ax)
    rows = np.arange(len(results))
    wrong = ax.barh(rows - 0.2, [r.leaky for r in results], height=0.4, color=OKABE_ITO["vermillion"])
    right = ax.barh(rows + 0.2, [r.honest for r in results], height=0.4, color=OKABE_ITO["blue"])
    for row, result in zip(rows, results, strict=True):
        (chance,) = ax.plot([result.chance] * 2, [row - 0.45, row + 0.45], color=OKABE_ITO["black"], linestyle=":")
    ax.set_yticks(rows, [r.leak for r in results])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.05)
    ax.set_xlabel("score (accuracy or balanced accuracy)")
    ax.legend([wrong, right, chance], ["wrong way", "right way", "chance"], loc="upper left",
              bbox_to_anchor=(1.0, 1.0))
    if title:
        ax.set_title(title)
    return ax


def plot_per_class_recall(recalls, *, accuracy, highlight=None, ax=None, title=None):
    """One bar per class: its recall on the test set, with the overall accuracy as a dashed line.

    Parameters
    ----------
    recalls : array-like of float
        Recall of class 0, 1, 2, ...
    accuracy : float
        Overall accuracy, drawn across the bars.
    highlight : int, optional
        Class whose bar is drawn in vermillion (the others in sky blue).
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_per_class_recall([0.9, 0.95, 0.4], accuracy=0.75, highlight=2)
    >>> len(ax.patches), ax.get_ylabel()
    (3, 'recall on the test set')
    """
    recalls = as_numeric_1d(recalls, "recalls")
    check_real(accuracy, "accuracy")
    ax = _new_axes(ax)
    classes = np.arange(recalls.size)
    colours = [OKABE_ITO["vermillion"] if c == highlight else OKABE_ITO["sky"] for c in classes]
    ax.bar(classes, recalls, color=colours)
    ax.axhline(accuracy, color=OKABE_ITO["black"], linestyle="--")
    ax.text(recalls.size - 0.5, accuracy + 0.01, "overall accuracy", ha="right", va="bottom", fontsize=10)
    ax.set_xticks(classes)
    ax.set_xlabel("digit")
    ax.set_ylabel("recall on the test set")
    ax.set_ylim(0, 1.05)
    if title:
        ax.set_title(title)
    return ax


def plot_padding_accuracy(padding_fractions, accuracy_with_padding, accuracy_real_tokens, *, marked=None,
                          ax=None, title="padding inflates token accuracy"):
    """Token accuracy against the share of padding: counting the padding positions, and on real tokens only.

    The axes' limits depend only on the padding fractions, so a widget moving
    ``marked`` never changes them.

    Parameters
    ----------
    padding_fractions, accuracy_with_padding, accuracy_real_tokens : array-like of float
        One value each per padding fraction (e.g. a :class:`course_utils.sequences.PaddingSweep`'s fields).
    marked : float, optional
        Draw a dashed vertical line at this padding fraction (the Axes' last line).
    ax : matplotlib Axes, optional
    title : str or None
        None for no title.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_padding_accuracy([0.0, 0.4], [0.7, 0.82], [0.7, 0.7], marked=0.4)
    >>> ax.get_lines()[-1].get_xdata()[0], ax.get_xlabel()
    (0.4, 'share of positions that are padding')
    """
    fractions = as_numeric_1d(padding_fractions, "padding_fractions")
    with_padding = as_numeric_1d(accuracy_with_padding, "accuracy_with_padding")
    real_tokens = as_numeric_1d(accuracy_real_tokens, "accuracy_real_tokens")
    check_same_length(padding_fractions=fractions, accuracy_with_padding=with_padding,
                      accuracy_real_tokens=real_tokens)
    ax = _new_axes(ax)
    ax.plot(fractions, with_padding, "o-", color=OKABE_ITO["vermillion"], label="counting padding")
    ax.plot(fractions, real_tokens, "s-", color=OKABE_ITO["blue"], label="real tokens only (masked)")
    if marked is not None:
        check_real(marked, "marked")
        ax.axvline(marked, color=OKABE_ITO["black"], linestyle="--", linewidth=1)
    margin = 0.05 * max(float(np.ptp(fractions)), 0.1)
    ax.set_xlim(fractions.min() - margin, fractions.max() + margin)
    ax.set_ylim(0.5, 1.02)
    ax.set_xlabel("share of positions that are padding")
    ax.set_ylabel("token accuracy")
    if title:
        ax.set_title(title)
    ax.legend(loc="upper left")
    return ax


def plot_scores_vs_baseline(names, values, intervals, baselines, *, ax=None, title=None):
    """Horizontal bars: each metric with its interval, the majority baseline's value marked beside it.

    Parameters
    ----------
    names : sequence of str
    values : sequence of float
    intervals : sequence of (low, high)
    baselines : sequence of float
        The same metric for the majority-class baseline.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_scores_vs_baseline(["accuracy", "MCC"], [0.75, 0.36], [(0.72, 0.78), (0.3, 0.42)], [0.7, 0.0])
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['accuracy', 'MCC']
    """
    if isinstance(names, (str, bytes)) or not hasattr(names, "__len__"):
        raise TypeError(f"names must be a list of metric names, got {type(names).__name__}.")
    values = as_numeric_1d(values, "values")
    baselines = as_numeric_1d(baselines, "baselines")
    intervals = np.asarray(intervals, dtype=float)
    if intervals.shape != (len(values), 2):
        raise ValueError(f"intervals must hold one (low, high) pair per value, got shape {intervals.shape}.")
    check_same_length(names=list(names), values=values, baselines=baselines)
    ax = _new_axes(ax)
    rows = np.arange(len(values))
    errors = np.abs(np.vstack([values - intervals[:, 0], intervals[:, 1] - values]))
    ax.barh(rows, values, color=OKABE_ITO["blue"], xerr=errors, capsize=3, label="model (95 % interval)")
    ax.scatter(baselines, rows, marker="|", s=400, linewidths=3, color=OKABE_ITO["vermillion"], zorder=3,
               label="majority baseline")
    ax.set_yticks(rows, list(names))
    ax.invert_yaxis()
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlim(min(-0.05, float(np.min(intervals)) - 0.05), 1.0)
    ax.set_xlabel("score")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=9, frameon=False)
    if title:
        ax.set_title(title, pad=28)
    return ax


def plot_cost_curve(thresholds, costs, *, chosen=None, trivial=None, ax=None, title=None):
    """Cost per case against the decision threshold, with the chosen threshold and the best trivial rule.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_cost_curve([0.9, 0.5, 0.1], [1.2, 0.8, 0.7], chosen=0.1, trivial=0.7)
    >>> ax.get_xlabel()
    'threshold on P(positive)'
    """
    thresholds = as_numeric_1d(thresholds, "thresholds")
    costs = as_numeric_1d(costs, "costs")
    check_same_length(thresholds=thresholds, costs=costs)
    ax = _new_axes(ax)
    order = np.argsort(thresholds)
    ax.plot(thresholds[order], costs[order], color=OKABE_ITO["blue"], label="validation cost")
    if trivial is not None:
        check_real(trivial, "trivial")
        ax.axhline(trivial, color=OKABE_ITO["black"], linestyle=":", label=f"best trivial rule {trivial:.2f}")
    if chosen is not None:
        check_real(chosen, "chosen")
        ax.axvline(chosen, color=OKABE_ITO["vermillion"], linestyle="--", label=f"chosen {chosen:.2f}")
    ax.axvline(0.5, color="grey", linewidth=0.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("threshold on P(positive)")
    ax.set_ylabel("cost per case")
    ax.legend(loc="upper left", fontsize=9)
    ax.set_title(title if title is not None else "cost against threshold")
    return ax
