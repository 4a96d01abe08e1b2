"""Widget factories: an ipywidgets UI around a pure experiment function.

Each factory returns a :class:`LiveExperiment` and never displays anything
itself; put it as the last line of a cell to show it. The experiment result
behind the current view is always in ``widget.result``, so tests can move a
control (``widget.controls["threshold"].value = 0.3``) and check the numbers
without a browser.
"""

from __future__ import annotations

import html
import io
import time

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ._validation import (
    as_binary_labels,
    as_numeric_1d,
    check_fraction,
    check_positive_int,
    check_real,
    check_same_length,
    check_seed,
)
from .experiments import always_negative_experiment, prevalence_experiment
from .metrics import evaluate_threshold
from .plots import (
    OKABE_ITO,
    plot_confusion_matrix,
    plot_cost_curve,
    plot_padding_accuracy,
    plot_per_class_recall,
    plot_pr_curve,
    plot_reliability_diagram,
    plot_roc_curve,
    plot_score_bars,
    plot_seed_spread,
    plot_threshold_tradeoff,
    update_confusion_matrix,
    update_score_bars,
)

__all__ = [
    "LiveExperiment",
    "threshold_explorer",
    "prevalence_explorer",
    "baseline_explorer",
    "figure_to_png",
    "padding_explorer",
    "selection_leak_explorer",
    "seed_spread_explorer",
    "temperature_explorer",
    "rare_class_explorer",
    "cost_threshold_explorer",
]


def figure_to_png(figure, *, dpi=72):
    """Render a matplotlib Figure to PNG bytes (no pyplot, no display).

    The layout is fixed by the caller (no ``bbox_inches="tight"``), which
    would draw the figure twice and double a widget's update time.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> png = figure_to_png(Figure(figsize=(2, 1)))
    >>> png[1:4], len(png) > 100
    (b'PNG', True)
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _rgba_to_png(canvas):
    """PNG bytes of what an Agg canvas holds now (no redraw): fast compression, no alpha."""
    from PIL import Image

    width, height = canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def _metrics_table(rows):
    """HTML table from (name, value) pairs; floats shown with 3 decimals."""
    cells = "".join(
        f"<tr><td style='padding:0 12px 0 0'>{html.escape(name)}</td>"
        f"<td style='text-align:right'><b>{value:.3f}</b></td></tr>"
        if isinstance(value, float) else
        f"<tr><td style='padding:0 12px 0 0'>{html.escape(name)}</td>"
        f"<td style='text-align:right'><b>{html.escape(str(value))}</b></td></tr>"
        for name, value in rows)
    return f"<table>{cells}</table>"


class LiveExperiment(widgets.VBox):
    """Controls, a numbers panel and a figure, kept in sync with an experiment.

    Parameters
    ----------
    controls : dict of str to ipywidgets.ValueWidget
        Keyword arguments of ``experiment``, by name.
    experiment : callable
        ``experiment(**values) -> result``; pure, no display.
    draw : callable
        ``draw(result, figure)`` draws the result on an empty Figure.
    describe : callable
        ``describe(result) -> list of (name, value)`` for the numbers panel.
    question : str, optional
        The "Try it" question shown above the controls.
    figsize : tuple
        Figure size in inches.
    redraw : callable, optional
        ``redraw(result)`` updates in place the artists that ``draw`` returned
        (a list: the only ones that change with the controls), or removes them
        and returns their replacements. Then an update re-renders only those
        over a cached image of the rest — several times faster than drawing
        the whole figure again.
    busy : callable, optional
        ``busy(**values) -> str or None``: a message for the status line while a slow
        experiment runs for these values (e.g. "training …"), or None when it will be quick.

    Attributes
    ----------
    result : object
        The experiment's result for the current control values.
    last_update_seconds : float
        Time from a control change to the new figure (for the benchmark).

    Examples
    --------
    >>> from ipywidgets import FloatSlider
    >>> def draw(result, figure):
    ...     figure.subplots().bar(["value"], [result])
    >>> live = LiveExperiment(controls={"x": FloatSlider(value=0.5, min=0, max=1)},
    ...                       experiment=lambda x: x ** 2, draw=draw,
    ...                       describe=lambda result: [("x squared", result)])
    >>> live.controls["x"].value = 0.3
    >>> round(live.result, 2)
    0.09
    """

    def __init__(self, *, controls, experiment, draw, describe, question=None,
                 figsize=(9.0, 3.6), redraw=None, busy=None):
        self.controls = dict(controls)
        self._experiment = experiment
        self._draw = draw
        self._redraw = redraw
        self._describe = describe
        self._busy = busy
        self._changing = None  # with redraw: the artists it changes, drawn over self._background
        self._background = self._background_limits = None
        self._figure = Figure(figsize=figsize, dpi=72)
        FigureCanvasAgg(self._figure)
        self.numbers = widgets.HTML()
        self.image = widgets.Image(format="png")
        self.status = widgets.HTML()
        self.result = None
        self.last_update_seconds = float("nan")
        header = [widgets.HTML(f"<b>Try it:</b> {html.escape(question)}")] if question else []
        super().__init__(children=[
            *header,
            widgets.HBox(list(self.controls.values())),
            widgets.HBox([self.image, self.numbers]),
            self.status,
        ])
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.update()

    def values(self):
        """Current control values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def update(self):
        """Re-run the experiment for the current values and redraw."""
        start = time.perf_counter()
        values = self.values()
        message = self._busy(**values) if self._busy is not None else None
        if message:
            self.status.value = f"<span style='color:{OKABE_ITO['blue']}'>⏳ {html.escape(message)}</span>"
        try:
            self.result = self._experiment(**values)
        except (ValueError, TypeError) as error:
            self.status.value = f"<span style='color:{OKABE_ITO['vermillion']}'>{html.escape(str(error))}</span>"
            return
        self.status.value = ""
        if self._changing is not None:
            replaced = self._redraw(self.result)
            if replaced is not None:  # redraw made new artists instead of changing the old ones
                self._set_changing(replaced)
        else:
            self._figure.clear()
            drawn = self._draw(self.result, self._figure)
            if self._redraw is not None:
                self._set_changing(drawn)
        self.numbers.value = _metrics_table(self._describe(self.result))
        self.image.value = self._render()
        self.last_update_seconds = time.perf_counter() - start

    def _set_changing(self, artists):
        # Drawn in matplotlib's order (by zorder, stable): a chance line stays over the bars it crosses.
        self._changing = sorted(artists, key=lambda artist: artist.get_zorder())
        for artist in self._changing:
            artist.set_animated(True)  # left out of the cached background

    def _render(self):
        if self._changing is None:
            return figure_to_png(self._figure)
        canvas = self._figure.canvas
        limits = [(ax.get_xlim(), ax.get_ylim()) for ax in self._figure.axes]
        if self._background is None or limits != self._background_limits:  # new limits, new ticks
            canvas.draw()  # everything but the changing artists
            self._background = canvas.copy_from_bbox(self._figure.bbox)
            self._background_limits = limits
        else:
            canvas.restore_region(self._background)
        for artist in self._changing:
            self._figure.draw_artist(artist)
        return _rgba_to_png(canvas)

    def _on_change(self, _change):
        self.update()


def _data_artists(ax):
    """What plotting added to ``ax`` (lines, bars, text, legend) and its title: what a new result changes."""
    legend = ax.get_legend()
    # Images first: they are drawn in this order, and a heat map must not cover the numbers written on it.
    return [*ax.images, *ax.lines, *ax.patches, *ax.collections, *ax.texts, *([legend] if legend else []), ax.title]


class _SameAxes:
    """A Figure whose ``subplots()`` hands back the axes it already has (for re-plotting on them)."""

    def __init__(self, figure):
        self._figure = figure

    def subplots(self, *_args, **_kwargs):
        axes = self._figure.axes
        return axes[0] if len(axes) == 1 else np.array(axes)

    def __getattr__(self, name):
        return getattr(self._figure, name)


def _replotting(draw):
    """``draw(result, figure)`` split into LiveExperiment's draw and redraw: the axes and their ticks stay
    (cached), and a new result removes the plotted artists and plots them again on the same axes.

    When a redraw changes an axis' limits, LiveExperiment renders the background again.
    """
    figures = []

    def first_draw(result, figure):
        figures[:] = [figure]
        draw(result, figure)
        return [artist for ax in figure.axes for artist in _data_artists(ax)]

    def redraw(result):
        figure = figures[0]
        for ax in figure.axes:
            for container in list(ax.containers):
                container.remove()
            for artist in _data_artists(ax)[:-1]:  # not the title: it is set again
                artist.remove()
        draw(result, _SameAxes(figure))
        return [artist for ax in figure.axes for artist in _data_artists(ax)]

    return first_draw, redraw


def _labels_and_values(y_true, **values):
    """``y_true`` as 0/1 labels and the one array in ``values`` as numbers of the same length, checked by name."""
    ((name, array),) = values.items()
    y_true, array = as_binary_labels(y_true, "y_true"), as_numeric_1d(array, name)
    check_same_length(y_true=y_true, **{name: array})
    return y_true, array


def _slider(value, *, name, low, high, step, description, readout_format=".2f", continuous_update=True):
    """A FloatSlider from ``low`` to ``high`` starting at ``value``; a value outside the range is refused by name.

    (ipywidgets would silently clamp it to the nearest end.) Like :func:`_choice_slider`, it updates while
    dragging unless the caller's update takes more than ~50 ms.
    """
    check_real(value, name)
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high} (the slider's range), got {value!r}.")
    return widgets.FloatSlider(value=value, min=low, max=high, step=step,
                               description=description, readout_format=readout_format,
                               continuous_update=continuous_update,
                               style={"description_width": "initial"},
                               layout=widgets.Layout(width="420px"))


def _choice_slider(options, value, *, name, description, width="420px", continuous_update=True):
    """A SelectionSlider over ``options`` starting at ``value``; a value not offered is refused by name
    (never replaced by the nearest option).

    It updates while dragging (``continuous_update``) unless an update takes more than ~50 ms.
    """
    if value not in options:
        raise ValueError(f"{name} must be one of the slider's values {list(options)}, got {value!r}.")
    return widgets.SelectionSlider(options=list(options), value=value, description=description,
                                   continuous_update=continuous_update, style={"description_width": "initial"},
                                   layout=widgets.Layout(width=width))


def threshold_explorer(y_true, scores, *, threshold=0.5, labels=("negative", "positive"),
                       question=None):
    """Slider over the decision threshold; redraws the confusion matrix and precision/recall.

    Parameters
    ----------
    y_true : array-like of 0/1
    scores : array-like of float in [0, 1]
        Predicted probabilities of class 1.
    threshold : float
        Starting threshold.
    labels : tuple of two str
        Class names for the confusion matrix.
    question : str, optional

    Returns
    -------
    LiveExperiment
        ``result`` is the :class:`~course_utils.metrics.ConfusionCounts` at the
        slider's threshold.

    Examples
    --------
    >>> explorer = threshold_explorer([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8])
    >>> explorer.controls["threshold"].value = 0.3
    >>> explorer.result.recall
    1.0
    """
    y_true, scores = _labels_and_values(y_true, scores=scores)
    check_fraction(threshold, "threshold", inclusive=(True, True))
    if scores.min() < 0 or scores.max() > 1:
        raise ValueError("scores must be probabilities in [0, 1] for the threshold slider.")

    def experiment(threshold):
        return evaluate_threshold(y_true, scores, threshold=threshold)

    drawn = {}

    def draw(counts, figure):
        left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.4]})
        figure.subplots_adjust(left=0.12, right=0.98, bottom=0.2, top=0.9, wspace=0.35)
        drawn["matrix"] = plot_confusion_matrix(counts, ax=left, labels=labels)
        plot_threshold_tradeoff(y_true, scores, ax=right)  # the curves do not move; the threshold line does
        drawn["line"] = right.axvline(explorer_threshold(), color=OKABE_ITO["black"], linestyle="--", linewidth=1)
        return [*update_confusion_matrix(drawn["matrix"], counts), drawn["line"]]

    def redraw(counts):
        update_confusion_matrix(drawn["matrix"], counts)
        drawn["line"].set_xdata([explorer_threshold()] * 2)

    def describe(counts):
        return [("threshold", explorer_threshold()), ("accuracy", counts.accuracy),
                ("precision", counts.precision), ("recall", counts.recall),
                ("specificity", counts.specificity), ("F1", counts.f1),
                ("predicted positive", counts.tp + counts.fp)]

    # An update re-renders a few artists only: fast enough while dragging.
    slider = _slider(threshold, name="threshold", low=0.0, high=1.0, step=0.01, description="threshold")

    def explorer_threshold():
        return float(slider.value)

    return LiveExperiment(controls={"threshold": slider}, experiment=experiment,
                          draw=draw, redraw=redraw, describe=describe, question=question)


def prevalence_explorer(*, negatives_per_positive=1.0, auc=0.75, n_positive=100, seed=0,
                        question=None):
    """Slider over the class ratio; the same classifier's ROC and PR curves redrawn.

    The classifier's quality is fixed (binormal scores with population ROC-AUC
    ``auc``); only the number of negatives changes.

    Returns
    -------
    LiveExperiment
        ``result`` is the :class:`~course_utils.experiments.PrevalenceResult`
        (scores, ROC-AUC, average precision) at the slider's class ratio.

    Examples
    --------
    >>> explorer = prevalence_explorer()
    >>> explorer.controls["negatives_per_positive"].value = 100
    >>> explorer.result.average_precision < 0.1
    True
    """
    check_fraction(auc, "auc", low=0.5, high=1.0)
    n_positive = check_positive_int(n_positive, "n_positive")
    check_seed(seed)
    # Re-samples and re-plots two curves, p95 under 40 ms in `make bench`: fast enough while dragging.
    slider = _choice_slider([0.5, 1, 2, 5, 10, 20, 50, 100, 200], negatives_per_positive,
                            name="negatives_per_positive", description="negatives per positive")

    def experiment(negatives_per_positive):
        return prevalence_experiment(negatives_per_positive, n_positive=n_positive,
                                     auc=auc, seed=seed)

    axes = []

    def curves(result):
        """Draw both curves; return the artists that depend on the data (lines and legends)."""
        left, right = axes
        roc = plot_roc_curve(result.y_true, result.scores, ax=left, color=OKABE_ITO["blue"])
        pr = plot_pr_curve(result.y_true, result.scores, ax=right, color=OKABE_ITO["vermillion"])
        return [roc.line_, roc.chance_level_, pr.line_, pr.chance_level_, left.get_legend(), right.get_legend()]

    def draw(result, figure):
        axes[:] = figure.subplots(1, 2)
        figure.subplots_adjust(left=0.08, right=0.98, bottom=0.15, top=0.9, wspace=0.25)
        drawn = curves(result)
        axes[0].set_title("ROC: ignores the class ratio")
        axes[1].set_title("precision–recall: feels it")
        return drawn

    def redraw(result):
        for ax in axes:  # new data, new curves: replace them, keep the axes (cached background)
            for artist in [*ax.lines, ax.get_legend()]:
                artist.remove()
        return curves(result)

    def describe(result):
        return [("negatives per positive", result.negatives_per_positive),
                ("prevalence", result.prevalence), ("ROC-AUC", result.roc_auc),
                ("average precision", result.average_precision)]

    return LiveExperiment(controls={"negatives_per_positive": slider}, experiment=experiment,
                          draw=draw, redraw=redraw, describe=describe, question=question)


def baseline_explorer(*, prevalence=0.1, n_samples=1000, question=None):
    """Slider over prevalence; the "always negative" classifier's accuracy and recall.

    Returns
    -------
    LiveExperiment
        ``result`` is the baseline's :class:`~course_utils.metrics.ConfusionCounts`.

    Examples
    --------
    >>> explorer = baseline_explorer()
    >>> explorer.controls["prevalence"].value = 0.01
    >>> explorer.result.accuracy, explorer.result.recall
    (0.99, 0.0)
    """
    check_fraction(prevalence, "prevalence", low=0.01, high=0.5, inclusive=(True, True))
    n_samples = check_positive_int(n_samples, "n_samples", minimum=2)

    def experiment(prevalence):
        return always_negative_experiment(prevalence, n_samples=n_samples)

    drawn = {}

    def draw(counts, figure):
        ax = figure.subplots()
        figure.subplots_adjust(left=0.16, right=0.97, bottom=0.12, top=0.88)
        drawn["ax"], drawn["bars"] = ax, plot_score_bars({"accuracy": counts.accuracy, "recall": counts.recall}, ax=ax,
                                        colors=[OKABE_ITO["blue"], OKABE_ITO["vermillion"]],
                                        title="'always negative' looks great on accuracy")
        return update_score_bars(*drawn["bars"], [counts.accuracy, counts.recall])

    def redraw(counts):
        update_score_bars(*drawn["bars"], [counts.accuracy, counts.recall])

    def describe(counts):
        return [("prevalence", counts.prevalence), ("accuracy", counts.accuracy),
                ("recall", counts.recall), ("positives missed", counts.fn)]

    # An update re-renders two bars only: fast enough while dragging.
    slider = _slider(prevalence, name="prevalence", low=0.01, high=0.5, step=0.01, description="share of positives")
    return LiveExperiment(controls={"prevalence": slider}, experiment=experiment, draw=draw, redraw=redraw,
                          describe=describe, question=question, figsize=(4.5, 3.2))


def padding_explorer(sweep, *, padding_fraction=0.4, question=None):
    """Slider over the padding fraction; token accuracy with and without counting padding.

    Parameters
    ----------
    sweep : course_utils.sequences.PaddingSweep
        Precomputed by :func:`course_utils.sequences.padding_sweep`, so moving
        the slider retrains and re-runs nothing.
    padding_fraction : float
        Starting fraction: one of the sweep's (rounded to 2 decimals).
    question : str, optional

    Returns
    -------
    LiveExperiment
        ``result`` is the :class:`~course_utils.sequences.PaddingPoint` at the slider's fraction.

    Examples
    --------
    >>> from course_utils.sequences import PaddingSweep
    >>> sweep = PaddingSweep(np.array([0.0, 0.4]), np.array([0.7, 0.82]), np.array([0.7, 0.7]))
    >>> explorer = padding_explorer(sweep, padding_fraction=0.0)
    >>> explorer.controls["padding_fraction"].value = 0.4
    >>> explorer.result.accuracy_with_padding
    0.82
    """
    if not all(hasattr(sweep, name) for name in ("padding_fractions", "accuracy_with_padding", "at")):
        raise TypeError(f"sweep must be a PaddingSweep from sequences.padding_sweep(...), got {type(sweep).__name__}.")
    fractions = [round(float(f), 2) for f in sweep.padding_fractions]
    slider = _choice_slider(fractions, padding_fraction, name="padding_fraction", description="padding fraction")
    drawn = {}

    def experiment(padding_fraction):
        return sweep.at(padding_fraction)

    def draw(result, figure):
        ax = figure.subplots()
        figure.subplots_adjust(left=0.12, right=0.97, bottom=0.16, top=0.88)
        plot_padding_accuracy(sweep.padding_fractions, sweep.accuracy_with_padding, sweep.accuracy_real_tokens,
                              marked=result.padding_fraction, ax=ax)
        drawn["marker"] = ax.get_lines()[-1]  # the curves and the axes stay; only the marker moves
        return [drawn["marker"]]

    def redraw(result):
        drawn["marker"].set_xdata([result.padding_fraction] * 2)

    def describe(result):
        return [("padding fraction", result.padding_fraction),
                ("accuracy counting padding", result.accuracy_with_padding),
                ("accuracy on real tokens", result.accuracy_real_tokens)]

    return LiveExperiment(controls={"padding_fraction": slider}, experiment=experiment, draw=draw, redraw=redraw,
                          describe=describe, question=question, figsize=(6.0, 3.6))


def seed_spread_explorer(lab, *, n_seeds=20, n_test=400, hidden_units=32, question=None,
                         seed_options=(5, 10, 20), test_options=(50, 100, 200, 400, 899),
                         size_options=(8, 16, 32, 64)):
    """Sliders over number of seeds, test-set size and model size; the accuracy distribution redrawn.

    Parameters
    ----------
    lab : course_utils.variance.SeedSpreadLab
        Trains each model size once (all seeds in one batched ensemble) and
        caches it; moving the seeds or test-size slider only re-scores cached
        models. A new model size retrains (a few seconds with notebook 05's
        recipe): the status line says "training … models" while it does.
    n_seeds, n_test, hidden_units : int
        Starting values: one of ``seed_options``, ``test_options`` and ``size_options``.
    question : str, optional
    seed_options, test_options, size_options : sequence of int
        The sliders' values; no seed option may exceed ``lab.max_seeds``.

    Returns
    -------
    LiveExperiment
        ``result`` is the :class:`~course_utils.variance.SeedSpreadResult` of the
        current number of seeds, test size and model size.

    Examples
    --------
    >>> from sklearn.datasets import load_digits
    >>> from course_utils.variance import SeedSpreadLab
    >>> X, y = load_digits(return_X_y=True)
    >>> lab = SeedSpreadLab(X / 16, y, max_seeds=20, epochs=1)
    >>> explorer = seed_spread_explorer(lab, n_seeds=5, hidden_units=8)  # doctest: +SKIP
    >>> explorer.controls["n_seeds"].value = 20  # re-scores the cached models  # doctest: +SKIP
    >>> explorer.result.n_seeds  # doctest: +SKIP
    20
    """
    if not all(hasattr(lab, name) for name in ("run", "needs_training", "max_seeds")):
        raise TypeError(f"lab must be a SeedSpreadLab from variance.SeedSpreadLab(...), got {type(lab).__name__}.")
    seed_options = [check_positive_int(n, "seed_options", minimum=2) for n in seed_options]
    if max(seed_options) > lab.max_seeds:
        raise ValueError(f"seed_options must not exceed the lab's max_seeds={lab.max_seeds}, got {seed_options}.")
    # Seeds and test size only re-score cached models (under 40 ms): they update while dragging.
    # A new model size retrains (seconds), so that slider waits for the release.
    controls = {"n_seeds": _choice_slider(seed_options, n_seeds, name="n_seeds", description="seeds",
                                          width="300px"),
                "n_test": _choice_slider(test_options, n_test, name="n_test", description="test digits",
                                         width="300px"),
                "hidden_units": _choice_slider(size_options, hidden_units, name="hidden_units",
                                               description="hidden units", width="300px", continuous_update=False)}

    def busy(n_seeds, n_test, hidden_units):
        if lab.needs_training(hidden_units):
            return f"training {lab.max_seeds} models with {hidden_units} hidden units…"
        return None

    def draw(result, figure):
        ax = figure.subplots()
        figure.subplots_adjust(left=0.09, right=0.98, bottom=0.16, top=0.9)
        # Fixed axes (whatever the sliders show) let an update re-render only the bars and lines.
        plot_seed_spread(result.accuracies, n_test=result.n_test, seed_sd=result.seed_sd, ax=ax,
                         xlim=(0.75, 1.0), max_runs=max(seed_options),
                         title=f"{result.n_seeds} seeds × {result.n_test} test digits: sd {result.sd:.3f}")

    def describe(result):
        low, high = result.interval
        return [("seeds", result.n_seeds), ("test digits per run", result.n_test),
                ("hidden units", result.hidden_units), ("mean accuracy", result.mean),
                ("sd of the runs", result.sd), ("seed-only sd", result.seed_sd),
                ("binomial SE", result.binomial_se), ("√(seed² + SE²)", result.predicted_sd),
                ("95 % of runs from", float(low)), ("… to", float(high))]

    draw, redraw = _replotting(draw)
    return LiveExperiment(controls=controls, experiment=lab.run, draw=draw, redraw=redraw, describe=describe,
                          question=question, figsize=(7.5, 3.8), busy=busy)


def selection_leak_explorer(*, n_features=2000, n_selected=20, n_samples=80, seed=0, question=None):
    """Sliders over noise features and features selected; wrong-way vs right-way cross-validation.

    Every slider position is computed once when the widget is built
    (:func:`course_utils.leakage.selection_leak_grid`: 36 pairs, about 2 s);
    moving a slider only looks the result up and redraws.

    Returns
    -------
    LiveExperiment
        ``result`` holds the wrong-way and right-way scores at the current
        sliders, as a :class:`~course_utils.leakage.LeakResult`.

    Examples
    --------
    >>> explorer = selection_leak_explorer()
    >>> explorer.controls["n_features"].value = 50
    >>> explorer.result.leaky > explorer.result.honest
    True
    """
    from .leakage import selection_leak_grid

    feature_options, selected_options = [50, 100, 200, 500, 1000, 2000], [1, 2, 5, 10, 20, 50]
    controls = {
        "n_features": _choice_slider(feature_options, n_features, name="n_features",
                                     description="noise features", width="330px"),
        "n_selected": _choice_slider(selected_options, n_selected, name="n_selected",
                                     description="selected", width="330px"),
    }
    n_samples = check_positive_int(n_samples, "n_samples", minimum=2)
    grid = selection_leak_grid(feature_options, selected_options, n_samples=n_samples, seed=seed)
    noise_band = 2 * np.sqrt(0.25 / n_samples)  # 2 binomial SE of a coin-flip accuracy
    drawn = {}

    def experiment(n_features, n_selected):
        return grid[n_features, n_selected]

    def title(result):
        return f"pure noise: the wrong way adds {result.inflation:+.2f}"

    def draw(result, figure):
        ax = figure.subplots()
        figure.subplots_adjust(left=0.14, right=0.97, bottom=0.12, top=0.88)
        drawn["ax"], drawn["bars"] = ax, plot_score_bars(
            {"selected on all rows\n(wrong way)": result.leaky, "selected inside CV\n(right way)": result.honest},
            ax=ax, colors=[OKABE_ITO["vermillion"], OKABE_ITO["blue"]], fmt="%.2f",
            ylabel="cross-validated accuracy", title=title(result), chance=0.5, chance_band=noise_band)
        return _data_artists(ax)  # the chance band and line too: drawn over the bars, as without the cache

    def redraw(result):
        update_score_bars(*drawn["bars"], [result.leaky, result.honest], fmt="{:.2f}")
        drawn["ax"].set_title(title(result))

    def describe(result):
        return [("wrong-way accuracy", result.leaky), ("right-way accuracy", result.honest),
                ("inflation", result.inflation), ("chance", 0.5)]

    return LiveExperiment(controls=controls,
                          experiment=experiment, draw=draw, redraw=redraw, describe=describe, question=question,
                          figsize=(5.5, 3.6))


def temperature_explorer(logits, y_true, *, temperature=1.0, n_bins=10, question=None):
    """Slider over the temperature: mean loss, accuracy and ECE of ``sigmoid(logits / T)``.

    The logits are computed once; moving the slider only rescales them, so
    nothing is retrained.

    Returns
    -------
    LiveExperiment
        ``result`` is the :class:`~course_utils.calibration.TemperatureResult`
        of :func:`~course_utils.calibration.temperature_experiment` at the slider's T.

    Examples
    --------
    >>> explorer = temperature_explorer([4.0, -3.0, 2.5, -0.5], [1, 0, 0, 0], temperature=1.0)
    >>> explorer.controls["temperature"].value = 4.0
    >>> explorer.result.temperature
    4.0
    """
    from .calibration import temperature_experiment

    y_true, logits = _labels_and_values(y_true, logits=logits)
    n_bins = check_positive_int(n_bins, "n_bins")
    slider = _choice_slider([0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0], temperature,
                            name="temperature", description="temperature T")

    def experiment(temperature):
        return temperature_experiment(logits, y_true, temperature, n_bins=n_bins)

    def draw(result, figure):
        ax = figure.subplots()
        figure.subplots_adjust(left=0.14, right=0.97, bottom=0.15, top=0.88)
        plot_reliability_diagram(y_true, result.p, n_bins=n_bins, ax=ax)
        ax.set_title(f"T = {result.temperature:g}: below the diagonal = over-confident")

    def describe(result):
        return [("temperature", result.temperature), ("mean loss", result.loss),
                ("accuracy", result.accuracy), ("ECE", result.ece),
                ("worst sample's loss", result.worst_loss),
                ("share of the loss from the worst 5 %", result.worst_share)]

    draw, redraw = _replotting(draw)
    return LiveExperiment(controls={"temperature": slider}, experiment=experiment, draw=draw, redraw=redraw,
                          describe=describe, question=question, figsize=(5.5, 3.6))


def rare_class_explorer(*, keep_fraction=1.0, overlap=0.0, rare_class=8, question=None):
    """Two sliders make one digit rarer in training or harder to separate; per-class recall, accuracy and macro-F1.

    Every slider position is computed once when the widget is built
    (:func:`~course_utils.per_class.rare_class_grid`: 21 fits of
    :func:`~course_utils.per_class.digits_model`, the model notebook 03 fits
    by hand, about 2 s; the results are cached for the notebook's answer
    cell); moving a slider only looks up and redraws.

    Parameters
    ----------
    keep_fraction : float
        Starting share of the rare digit's training images (one of the slider's values).
    overlap : float
        Starting share of another digit mixed into each image of the rare digit (one of the slider's values).
    rare_class : int 0-9
    question : str, optional

    Returns
    -------
    LiveExperiment
        ``result``: the test-set scores at the sliders' settings (a
        :class:`~course_utils.per_class.RareClassResult`).

    Examples
    --------
    >>> explorer = rare_class_explorer()
    >>> full_recall = explorer.result.rare_recall
    >>> explorer.controls["keep_fraction"].value = 0.02
    >>> explorer.result.rare_recall < full_recall
    True
    """
    from .per_class import rare_class_grid

    if isinstance(rare_class, bool) or not isinstance(rare_class, (int, np.integer)):
        raise TypeError(f"rare_class must be a digit 0-9 (int), got {type(rare_class).__name__}.")
    if not 0 <= rare_class <= 9:
        raise ValueError(f"rare_class must be a digit 0-9, got {rare_class!r}.")
    fractions, overlaps = [1.0, 0.5, 0.3, 0.2, 0.1, 0.05, 0.02], [0.0, 0.3, 0.6]
    fraction_slider = _choice_slider(fractions, keep_fraction, name="keep_fraction",
                                     description=f"share of {rare_class}s kept", width="340px")
    overlap_slider = _choice_slider(overlaps, overlap, name="overlap",
                                    description=f"other digits mixed into the {rare_class}s", width="300px")
    grid = rare_class_grid(fractions, overlaps, rare_class=rare_class)

    def experiment(keep_fraction, overlap):
        return grid[keep_fraction, overlap]

    def draw(result, figure):
        ax = figure.subplots()
        figure.subplots_adjust(left=0.12, right=0.98, bottom=0.15, top=0.88)
        plot_per_class_recall(result.recalls, accuracy=result.accuracy, highlight=rare_class, ax=ax,
                              title=f"digit {rare_class}: {result.keep_fraction:.0%} kept, {result.overlap:.0%} mixed "
                                    f"— recall {result.rare_recall:.2f}")

    def describe(result):
        return [("share of the digit kept", result.keep_fraction), ("share of other digits mixed in", result.overlap),
                ("overall accuracy", result.accuracy), ("macro-F1", result.macro_f1),
                (f"recall of digit {rare_class}", result.rare_recall)]

    draw, redraw = _replotting(draw)
    return LiveExperiment(controls={"keep_fraction": fraction_slider, "overlap": overlap_slider},
                          experiment=experiment, draw=draw, redraw=redraw, describe=describe, question=question,
                          figsize=(6.0, 3.4))


def cost_threshold_explorer(report, *, false_negative_cost=5.0, question=None):
    """Slider over the cost of a false negative; the threshold chosen on validation data and its test cost.

    Nothing is refitted: the report keeps each fold's validation predictions
    (:meth:`~course_utils.report.HonestReport.cost_analysis`), so moving the
    slider only re-chooses the thresholds and redraws.

    Parameters
    ----------
    report : HonestReport
        Built with ``false_negative_cost=...`` (so that it holds validation predictions).
    false_negative_cost : float
        Starting value (one of the slider's values).
    question : str, optional

    Returns
    -------
    LiveExperiment
        ``result`` is the report's threshold analysis redone for the slider's
        false-negative cost (a :class:`~course_utils.report.CostAnalysis`).

    Examples
    --------
    >>> from sklearn.datasets import make_classification
    >>> from sklearn.linear_model import LogisticRegression
    >>> from course_utils.report import honest_report
    >>> X, y = make_classification(200, n_features=3, n_informative=2, n_redundant=0, weights=[0.8], random_state=0)
    >>> report = honest_report(LogisticRegression(), X, y, n_splits=3, n_repeats=1, n_bootstrap=100,
    ...                        false_negative_cost=5)
    >>> explorer = cost_threshold_explorer(report)
    >>> explorer.controls["false_negative_cost"].value = 20
    >>> explorer.result.false_negative_cost
    20.0
    """
    from .report import HonestReport

    if not isinstance(report, HonestReport):
        raise TypeError(f"report must be an HonestReport from honest_report(...), got {type(report).__name__}.")
    if report.cost is None:
        raise ValueError("report was built without false_negative_cost=...; rebuild it with a cost so that it "
                         "keeps the validation predictions the slider needs.")
    costs = [1, 2, 3, 4, 5, 6, 8, 10, 15, 20]
    slider = _choice_slider(costs, false_negative_cost, name="false_negative_cost",
                            description="a false negative costs (× a false positive)")
    negative, positive = (str(name) for name in report.class_names)

    def experiment(false_negative_cost):
        return report.cost_analysis(false_negative_cost)

    def draw(result, figure):
        left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.4, 1]})
        figure.subplots_adjust(left=0.09, right=0.98, bottom=0.2, top=0.88, wspace=0.45)
        thresholds, validation_costs = result.validation_curve
        chosen = float(np.median(result.thresholds))
        # Relative to the best rule that ignores the model, so that one fixed scale fits every cost.
        plot_cost_curve(thresholds, validation_costs / result.best_trivial_cost, chosen=chosen, trivial=1.0,
                        ax=left, title=f"cost {result.false_negative_cost:g}:1 → threshold {chosen:.2f}")
        left.set_ylim(0, 2.5)
        left.set_ylabel("cost ÷ best trivial rule")
        plot_confusion_matrix(result.counts_chosen, ax=right, labels=(negative, positive),
                              title=f"test folds: {result.cost_chosen:.2f} per case")

    draw, redraw = _replotting(draw)

    def describe(result):
        (tn, fp), (fn, tp) = result.counts_chosen
        return [("false negative cost", float(result.false_negative_cost)),
                ("threshold (median over folds)", float(np.median(result.thresholds))),
                ("test cost, chosen threshold", result.cost_chosen), ("test cost, threshold 0.5", result.cost_default),
                (f"everyone '{positive}'", result.cost_all_positive),
                (f"everyone '{negative}'", result.cost_all_negative),
                (f"recall of '{positive}'", float(tp / (tp + fn)) if tp + fn else float("nan"))]

    return LiveExperiment(controls={"false_negative_cost": slider}, experiment=experiment, draw=draw,
                          redraw=redraw, describe=describe, question=question, figsize=(8.0, 3.6))
