"""Figure functions: each takes ``ax=None`` and returns the Axes it drew on.

Nothing here changes matplotlib's global state at import; call
:func:`apply_course_style` once in a notebook's setup cell to get the course
look (Okabe–Ito colour-blind-safe palette, projector-sized fonts).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_binary_labels, as_numeric_1d, check_real, check_same_length
from .metrics import ConfusionCounts
from .stats import binomial_se, sample_sd

__all__ = [
    "OKABE_ITO",
    "apply_course_style",
    "plot_confusion_matrix",
    "update_confusion_matrix",
    "plot_threshold_tradeoff",
    "plot_score_distributions",
    "plot_roc_curve",
    "plot_pr_curve",
    "plot_metric_bars",
    "plot_reliability_diagram",
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
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_confusion_matrix([[50, 10], [5, 35]], labels=("ham", "spam"))
    >>> ax.get_ylabel()
    'actual class'
    """
    if not isinstance(counts, ConfusionCounts):
        if counts is None or isinstance(counts, (str, bytes, dict)):
            raise TypeError("counts must be a ConfusionCounts or a 2x2 matrix [[tn, fp], [fn, tp]], "
                            f"got {type(counts).__name__}.")
        counts = ConfusionCounts.from_matrix(counts)
    _check_labels(labels)
    if len(labels) != 2:
        raise ValueError(f"labels must name the two classes, got {labels!r}.")
    ax = _new_axes(ax)
    colour, cells = _confusion_cells(counts, normalize)
    ax.imshow(colour, cmap="Blues", vmin=0, vmax=1)
    for (row, col), text, text_colour in cells:
        ax.text(col, row, text, ha="center", va="center", fontsize=11, color=text_colour)
    ax.set_xticks([0, 1], [f"predicted\n{labels[0]}", f"predicted\n{labels[1]}"])
    ax.set_yticks([0, 1], [labels[0], labels[1]])
    ax.set_xlabel("predicted class")
    ax.set_ylabel("actual class")
    ax.set_title(title if title is not None else f"accuracy {counts.accuracy:.3f}")
    return ax


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


def update_confusion_matrix(ax, counts, *, title=None, normalize=False):
    """Show new counts on an Axes drawn by :func:`plot_confusion_matrix`, changing only what depends on them.

    Returns the artists it changed (the image, the four cell texts, the title), for a
    widget that re-renders only those.

    Examples
    --------
    >>> from course_utils.metrics import ConfusionCounts
    >>> ax = plot_confusion_matrix(ConfusionCounts(tn=5, fp=1, fn=2, tp=2))
    >>> changed = update_confusion_matrix(ax, ConfusionCounts(tn=6, fp=0, fn=1, tp=3))
    >>> ax.texts[3].get_text().splitlines()[:2], ax.get_title()
    (['TP', '3'], 'accuracy 0.900')
    """
    colour, cells = _confusion_cells(counts, normalize)
    ax.images[0].set_data(colour)
    for artist, (_, text, text_colour) in zip(ax.texts, cells, strict=False):
        artist.set_text(text)
        artist.set_color(text_colour)
    ax.set_title(title if title is not None else f"accuracy {counts.accuracy:.3f}")
    return [ax.images[0], *ax.texts[:4], ax.title]


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


def plot_score_distributions(y_true, scores, *, threshold=None, ax=None, bins=30,
                             labels=("negative", "positive")):
    """Histograms of the scores of each actual class (as densities).

    Examples
    --------
    >>> ax = plot_score_distributions([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8])
    >>> ax.get_xlabel()
    'score'
    """
    y_true, scores = _curve_inputs(y_true, scores)
    _check_threshold(threshold)
    _check_labels(labels)
    ax = _new_axes(ax)
    edges = np.histogram_bin_edges(scores, bins=bins)
    for value, colour in ((0, OKABE_ITO["blue"]), (1, OKABE_ITO["orange"])):
        ax.hist(scores[y_true == value], bins=edges, density=True, alpha=0.6, color=colour,
                label=f"actual {labels[value]} (n={int(np.sum(y_true == value))})")
    if threshold is not None:
        ax.axvline(threshold, color=OKABE_ITO["black"], linestyle="--", linewidth=1)
    ax.set_xlabel("score")
    ax.set_ylabel("density")
    ax.legend()
    return ax


def plot_roc_curve(y_true, scores, *, ax=None, label=None, color=None):
    """ROC curve (recall vs false-positive rate) with its AUC in the legend.

    Examples
    --------
    >>> ax = plot_roc_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], label="model")
    >>> ax.get_xlabel()
    'false-positive rate'
    """
    from sklearn.metrics import roc_auc_score, roc_curve

    y_true, scores = _curve_inputs(y_true, scores)
    ax = _new_axes(ax)
    fpr, tpr, _ = roc_curve(y_true, scores)
    auc = roc_auc_score(y_true, scores)
    fpr, tpr = _thin(fpr, tpr)
    prefix = f"{label}: " if label else ""
    ax.plot(fpr, tpr, color=color, label=f"{prefix}ROC-AUC {auc:.3f}")
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":", linewidth=1)
    ax.set_xlabel("false-positive rate")
    ax.set_ylabel("recall (true-positive rate)")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.legend(loc="lower right")
    return ax


def plot_pr_curve(y_true, scores, *, ax=None, label=None, color=None):
    """Precision–recall curve with average precision and the chance level (prevalence).

    Examples
    --------
    >>> ax = plot_pr_curve([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8])
    >>> ax.get_ylabel()
    'precision'
    """
    from sklearn.metrics import average_precision_score, precision_recall_curve

    y_true, scores = _curve_inputs(y_true, scores)
    ax = _new_axes(ax)
    precision, recall, _ = precision_recall_curve(y_true, scores)
    ap = average_precision_score(y_true, scores)
    recall, precision = _thin(recall, precision)
    prefix = f"{label}: " if label else ""
    (line,) = ax.plot(recall, precision, color=color, drawstyle="steps-post",
                      label=f"{prefix}AP {ap:.3f}")
    ax.axhline(y_true.mean(), color=line.get_color(), linestyle=":", linewidth=1)
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.legend(loc="upper right")
    return ax


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


def plot_seed_spread(accuracies, *, n_test, seed_sd=None, ax=None, title=None, xlim=None):
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
    top = max(int(counts.max()), 1)
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

    Bars below the diagonal mean over-confidence (the model is less often
    right than it claims). The legend carries the ECE.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = plot_reliability_diagram([1, 1, 0, 0], [0.9, 0.9, 0.1, 0.6], n_bins=5)
    >>> ax.get_xlabel()
    'confidence in the predicted class'
    """
    from .calibration import reliability_curve

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
