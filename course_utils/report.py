"""An honest evaluation report in one call: :func:`honest_report`.

Everything notebooks 01–06 teach, applied to *your* model and data: a
leak-safe cross-validation (the right splitter for groups or time, every
fitted step — scaling, selection, resampling — refitted inside each training
fold), repeated over splits and seeds; the majority baseline next to every
score; intervals and spread; per-class numbers, calibration, a threshold for
a stated cost chosen on validation data; and leak smoke tests.

The leak checks are *smoke tests*: each can find one kind of problem, none
can prove that there is no leak. Their messages say what was checked
("no exact duplicate rows found across train and test folds"), never "no leakage".

With more than two classes in ``y`` the report (:class:`MulticlassHonestReport`)
shows macro and weighted averages side by side, the per-class table, the
K × K confusion matrix, each class's one-vs-rest ROC-AUC and average
precision next to its prevalence, and the top-label ECE; choosing a
threshold for a cost needs two classes.
"""

from __future__ import annotations

import base64
import copy
import html
import io
import math
import time as _time
from dataclasses import dataclass, field

import numpy as np

from ._validation import check_positive_int, check_real, check_seed
from .stats import mcnemar_test, paired_difference

__all__ = ["Score", "Finding", "CostAnalysis", "HonestReport", "MulticlassHonestReport", "honest_report",
           "bootstrap_metrics", "NOTEBOOKS"]

#: Where each topic is taught (used in the findings).
NOTEBOOKS = {
    "01": ("01 · The accuracy paradox", "01_accuracy_paradox.ipynb"),
    "02": ("02 · Cross-entropy and calibration", "02_cross_entropy.ipynb"),
    "03": ("03 · Per-class masking", "03_per_class_masking.ipynb"),
    "04": ("04 · Data leakage", "04_leakage.ipynb"),
    "05": ("05 · Seed variance", "05_seed_variance.ipynb"),
    "06": ("06 · Sequence models", "06_sequence_models.ipynb"),
}

#: Headline metrics, in display order: key -> label.
METRICS = {
    "accuracy": "accuracy",
    "balanced_accuracy": "balanced accuracy",
    "mcc": "MCC",
    "precision": "precision (positive class)",
    "recall": "recall (positive class)",
    "f1": "F1 (positive class)",
    "roc_auc": "ROC-AUC",
    "average_precision": "average precision",
}

#: Headline metrics for more than two classes, in display order: key -> label.
#: Macro averages weigh every class the same, weighted ones by support (weighted recall equals accuracy).
MULTICLASS_METRICS = {
    "accuracy": "accuracy",
    "balanced_accuracy": "balanced accuracy",
    "mcc": "MCC",
    "precision_macro": "precision (macro)",
    "precision_weighted": "precision (weighted)",
    "recall_macro": "recall (macro)",
    "recall_weighted": "recall (weighted)",
    "f1_macro": "F1 (macro)",
    "f1_weighted": "F1 (weighted)",
    "roc_auc": "ROC-AUC (one-vs-rest, macro)",
    "average_precision": "average precision (one-vs-rest, macro)",
}


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """One headline number with its interval, spread and the majority baseline beside it.

    Attributes
    ----------
    name : str
    value : float
        Mean over the repetitions of the metric on each repetition's out-of-fold predictions.
    low, high : float
        Percentile bootstrap interval (rows, or whole groups when ``groups`` are given, resampled).
    sd_repeats : float
        Standard deviation over repetitions (seeds and splits); NaN with one repetition.
    sd_folds : float
        Standard deviation over all single test folds.
    baseline : float
        The same metric for the majority-class baseline (fitted per training fold).
    difference : float
        Mean over folds of model minus baseline, paired fold by fold.
    p_value : float
        Two-sided corrected resampled t-test (Nadeau & Bengio 2003) of that difference, via
        :func:`course_utils.stats.paired_difference` — a conservative heuristic, not an exact test.

    Examples
    --------
    >>> score = Score(name="balanced accuracy", value=0.8, low=0.75, high=0.85, sd_repeats=float("nan"),
    ...               sd_folds=0.03, baseline=0.5, difference=0.3, p_value=0.01)
    >>> score.interval_text()
    '0.800 [0.750, 0.850]'
    """

    name: str
    value: float
    low: float
    high: float
    sd_repeats: float
    sd_folds: float
    baseline: float
    difference: float
    p_value: float

    def interval_text(self, decimals=3):
        return f"{self.value:.{decimals}f} [{self.low:.{decimals}f}, {self.high:.{decimals}f}]"


@dataclass(frozen=True)
class Finding:
    """One plain-language result of a check: a warning, or a note of what was checked.

    ``level`` is ``"warning"`` (act on it) or ``"ok"`` (what the check looked
    for and did not find — which is not proof that the problem is absent) or
    ``"note"`` (a recommendation). ``notebook`` is the key of :data:`NOTEBOOKS`.

    Examples
    --------
    >>> finding = Finding(check="duplicates", level="warning", message="12 test rows also appear in training.",
    ...                   notebook="04")
    >>> finding.level, NOTEBOOKS[finding.notebook] != ""
    ('warning', True)
    """

    check: str
    level: str
    message: str
    notebook: str


@dataclass(frozen=True)
class CostAnalysis:
    """The decision threshold chosen on validation data for a stated cost, and its cost on the test folds.

    Costs are per case, in units of one false positive; a false negative costs
    ``false_negative_cost``.

    Examples
    --------
    >>> from sklearn.datasets import make_classification
    >>> from sklearn.linear_model import LogisticRegression
    >>> X, y = make_classification(120, n_features=3, n_informative=2, n_redundant=0, weights=[0.7], random_state=0)
    >>> report = honest_report(LogisticRegression(), X, y, n_splits=3, n_repeats=1, n_bootstrap=100,
    ...                        false_negative_cost=5)
    >>> cost = report.cost
    >>> cost.thresholds.shape, cost.cost_chosen < cost.cost_default, cost.cost_chosen < cost.best_trivial_cost
    ((3,), True, True)
    """

    false_negative_cost: float
    thresholds: np.ndarray          # one per test fold, chosen on that fold's validation predictions
    cost_chosen: float              # test folds, each at its chosen threshold
    cost_default: float             # test folds at threshold 0.5
    cost_all_negative: float        # predict "negative" for everyone
    cost_all_positive: float        # predict "positive" for everyone
    counts_chosen: np.ndarray       # [[tn, fp], [fn, tp]] over the test folds at the chosen thresholds
    validation_curve: tuple         # (threshold grid, cost per case) on the pooled validation predictions

    @property
    def best_trivial_cost(self):
        return min(self.cost_all_negative, self.cost_all_positive)


@dataclass(repr=False)
class HonestReport:
    """What :func:`honest_report` returns. Show it in Jupyter (HTML with figures) or call :meth:`to_markdown`.

    Examples
    --------
    >>> from sklearn.datasets import make_classification
    >>> from sklearn.linear_model import LogisticRegression
    >>> X, y = make_classification(120, n_features=3, n_informative=2, n_redundant=0, weights=[0.7], random_state=0)
    >>> report = honest_report(LogisticRegression(), X, y, n_splits=3, n_repeats=1, n_bootstrap=100)
    >>> report.n_samples, report.splitter, report.warning_checks()
    (120, 'StratifiedKFold', set())
    >>> report.scores["balanced_accuracy"].value > report.scores["balanced_accuracy"].baseline
    True
    """

    title: str
    n_samples: int
    n_features: int
    class_names: tuple              # (negative, positive)
    prevalence: float               # share of the positive class among the evaluated rows
    splitter: str
    n_splits: int
    n_repeats: int
    seeds: tuple
    scores: dict                    # metric key -> Score
    per_class: object             # pandas DataFrame
    confusion: np.ndarray           # [[tn, fp], [fn, tp]], first repetition's out-of-fold predictions
    mcnemar: object               # stats.McNemarResult: baseline (a) vs model (b), first repetition, same rows
    ece: float
    shuffled_label_score: float     # balanced accuracy with permuted labels (same splits)
    single_feature_scores: dict     # column -> cross-validated balanced accuracy of that column alone
    cost: CostAnalysis | None
    findings: list
    seconds: float
    interval_method: str
    _y: np.ndarray = field(repr=False, default=None)
    _proba: np.ndarray = field(repr=False, default=None)   # (n_repeats, n_evaluated)
    _cost_curves: object = field(repr=False, default=None)  # _CostCurves, kept when built with a cost

    def __repr__(self):
        warned = sorted(self.warning_checks())
        return (f"<HonestReport {self.title!r}: {self.summary_sentence()}; "
                f"warnings: {', '.join(warned) if warned else 'none'}>")

    # -- convenience --
    @property
    def warnings(self):
        """The findings that ask for action."""
        return [f for f in self.findings if f.level == "warning"]

    def warning_checks(self):
        """Names of the checks that raised a warning, e.g. ``{"duplicates"}``."""
        return {f.check for f in self.warnings}

    def cost_analysis(self, false_negative_cost):
        """Re-choose the thresholds for another cost without refitting (the report needs ``false_negative_cost``)."""
        if self._cost_curves is None:
            raise ValueError("this report was built without false_negative_cost=..., so it holds no validation "
                             "predictions to choose a threshold on; rebuild it with a cost.")
        check_real(false_negative_cost, "false_negative_cost")
        if false_negative_cost <= 0:
            raise ValueError(f"false_negative_cost must be positive, got {false_negative_cost!r}.")
        return self._cost_curves.analysis(float(false_negative_cost))

    def proba(self, repeat=0):
        """Out-of-fold probabilities of the positive class for one repetition (rows as evaluated)."""
        return self._proba[repeat]

    @property
    def y(self):
        """The evaluated rows' labels, 1 = positive class."""
        return self._y

    # -- rendering --
    def summary_sentence(self, metric="balanced_accuracy"):
        """The sentence for a paper: value, interval, spread, baseline."""
        s = self.scores[metric]
        spread = (f"; sd {s.sd_repeats:.3f} over {self.n_repeats} repetitions" if self.n_repeats > 1 else "")
        return (f"{s.name} {s.value:.3f} (95 % bootstrap interval {s.low:.3f}–{s.high:.3f}{spread}) "
                f"against {s.baseline:.3f} for the majority-class baseline, from {self.n_splits}-fold "
                f"{self.splitter} on {self.n_samples} cases")

    def score_table(self):
        """The headline numbers as a pandas DataFrame (one row per metric)."""
        import pandas as pd

        rows = []
        for s in self.scores.values():
            rows.append({"metric": s.name, "model": s.value, "95% interval": f"[{s.low:.3f}, {s.high:.3f}]",
                         "sd (repeats)": s.sd_repeats, "sd (folds)": s.sd_folds, "baseline": s.baseline,
                         "model − baseline": s.difference, "p (paired)": s.p_value})
        return pd.DataFrame(rows).set_index("metric")

    def to_markdown(self):
        """The report as Markdown: for a README, a paper's appendix or a pull request."""
        lines = [f"## {self.title}", "",
                 f"{self.n_samples} cases, {self.n_features} features; {self._classes_text(_markdown_code)}. "
                 f"{self.n_splits}-fold {self.splitter}, "
                 f"{self.n_repeats} repetition(s) (seeds {', '.join(map(str, self.seeds))}); "
                 f"intervals: {self.interval_method}.", "",
                 "| metric | model | 95 % interval | sd over repeats | sd over folds | majority baseline "
                 "| model − baseline | p (paired) |",
                 "|---|---|---|---|---|---|---|---|"]
        for s in self.scores.values():
            lines.append(f"| {s.name} | {s.value:.3f} | [{s.low:.3f}, {s.high:.3f}] | {_fmt(s.sd_repeats)} | "
                         f"{_fmt(s.sd_folds)} | {s.baseline:.3f} | {s.difference:+.3f} | {_fmt_p(s.p_value)} |")
        m = self.mcnemar
        lines += ["", f"Paired test of accuracy against the baseline on the same rows (McNemar, first repetition): "
                      f"model right where the baseline is wrong {m.only_b_right}, the reverse {m.only_a_right}, "
                      f"p {_fmt_p(m.p_value)}. The p-values in the table are corrected resampled t-tests over folds "
                      "(Nadeau & Bengio 2003), a conservative heuristic.",
                  "", f"Calibration: {self._ece_name()} {self.ece:.3f}. "
                      "Shuffled-label balanced accuracy (chance check): "
                      f"{self.shuffled_label_score:.3f}.", "", "**Per class** (first repetition):", "",
                  _frame_to_markdown(self.per_class), "", *self._one_vs_rest_markdown(),
                  "**Confusion matrix** (first repetition; rows actual, columns predicted):", "",
                  _confusion_markdown(self.confusion, self.class_names), ""]
        if self.cost is not None:
            c = self.cost
            lines += [f"**Cost** (a false negative costs {c.false_negative_cost:g} false positives; per case): "
                      f"threshold chosen on validation data (median {np.median(c.thresholds):.3f}) "
                      f"{c.cost_chosen:.3f}; threshold 0.5 {c.cost_default:.3f}; everyone negative "
                      f"{c.cost_all_negative:.3f}; everyone positive {c.cost_all_positive:.3f}.", ""]
        lines += ["**Checks and warnings**", ""]
        for f in self.findings:
            mark = {"warning": "⚠️ **warning**", "ok": "✓ checked", "note": "ℹ️ note"}[f.level]
            lines.append(f"- {mark} ({f.check}): {f.message} — see notebook {NOTEBOOKS[f.notebook][0]}")
        return "\n".join(lines) + "\n"

    def figure(self):
        """A matplotlib Figure: scores vs baseline, confusion matrix, reliability diagram (and cost curve)."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        from .plots import plot_confusion_matrix, plot_cost_curve, plot_reliability_diagram, plot_scores_vs_baseline

        panels = 4 if self.cost is not None else 3
        figure = Figure(figsize=(4.2 * panels, 3.9))
        FigureCanvasAgg(figure)
        axes = figure.subplots(1, panels, gridspec_kw={"width_ratios": [1.5, 1, 1, 1.1][:panels]})
        figure.subplots_adjust(left=0.13, right=0.98, bottom=0.2, top=0.86, wspace=0.45)
        plot_scores_vs_baseline([s.name.replace(" (positive class)", "") for s in self.scores.values()],
                                [s.value for s in self.scores.values()],
                                [(s.low, s.high) for s in self.scores.values()],
                                [s.baseline for s in self.scores.values()], ax=axes[0])
        plot_confusion_matrix(self.confusion, ax=axes[1], labels=self.class_names,
                              title=f"recall of '{self.class_names[1]}' {self.scores['recall'].value:.2f}")
        plot_reliability_diagram(self._y, self._proba[0], n_bins=10, ax=axes[2])
        axes[2].set_title("calibration (first repetition)")
        if self.cost is not None:
            thresholds, costs = self.cost.validation_curve
            plot_cost_curve(thresholds, costs, chosen=float(np.median(self.cost.thresholds)),
                            trivial=self.cost.best_trivial_cost, ax=axes[3])
        return figure

    def _figure_alt(self):
        return (f"Report figures for {self.title}: the model's scores with their intervals next to the "
                "majority baseline, and the reliability diagram.")

    # Hooks where a report on more than two classes says something else (MulticlassHonestReport).
    def _classes_text(self, code):
        return f"positive class {code(self.class_names[1])} (prevalence {self.prevalence:.3f})"

    def _ece_name(self):
        return "ECE"

    def _one_vs_rest_markdown(self):
        return []

    def _extra_tables_html(self):
        return ""

    def _repr_html_(self):
        buffer = io.BytesIO()
        self.figure().savefig(buffer, format="png", dpi=72)
        image = base64.b64encode(buffer.getvalue()).decode("ascii")
        colours = {"warning": "#B34700", "ok": "#00785A", "note": "#0072B2"}  # ≥ 4.5:1 on white (WCAG AA)
        marks = {"warning": "⚠ warning", "ok": "✓ checked", "note": "ℹ note"}
        items = "".join(
            f"<li><span style='color:{colours[f.level]}'><b>{marks[f.level]}</b></span> ({html.escape(f.check)}): "
            f"{html.escape(f.message)} — <a href='../notebooks/{NOTEBOOKS[f.notebook][1]}'>"
            f"{html.escape(NOTEBOOKS[f.notebook][0])}</a></li>"
            for f in self.findings)
        cost = ""
        if self.cost is not None:
            c = self.cost
            cost = (f"<p><b>Cost</b> (false negative = {c.false_negative_cost:g} × false positive, per case): chosen "
                    f"threshold {c.cost_chosen:.3f} · threshold 0.5 {c.cost_default:.3f} · everyone negative "
                    f"{c.cost_all_negative:.3f} · everyone positive {c.cost_all_positive:.3f}</p>")
        return (f"<div><h3>{html.escape(self.title)}</h3>"
                f"<p>{self.n_samples} cases, {self.n_features} features, {self._classes_text(_html_code)}; "
                f"{self.n_splits}-fold {html.escape(self.splitter)} × {self.n_repeats}; "
                f"intervals: {html.escape(self.interval_method)}.</p>"
                f"{self.score_table().to_html(float_format=lambda v: f'{v:.3f}', na_rep='–')}"
                f"<img src='data:image/png;base64,{image}' alt='{html.escape(self._figure_alt(), quote=True)}'/>"
                f"<p><b>Per class</b> (first repetition)</p>{self.per_class.to_html(float_format=lambda v: f'{v:.3f}')}"
                f"{self._extra_tables_html()}"
                f"<p>{html.escape(self._ece_name())} {self.ece:.3f} · "
                f"shuffled-label balanced accuracy {self.shuffled_label_score:.3f}</p>"
                f"{cost}<p><b>Checks and warnings</b></p><ul>{items}</ul></div>")


@dataclass(repr=False)
class MulticlassHonestReport(HonestReport):
    """What :func:`honest_report` returns when ``y`` holds more than two classes.

    Everything :class:`HonestReport` has, with these differences:

    - ``scores`` holds the keys of :data:`MULTICLASS_METRICS`: accuracy, balanced
      accuracy, MCC (multiclass, Gorodkin's R_K as scikit-learn computes it),
      precision, recall and F1 both macro (every class counts the same) and
      weighted (each class by its support — weighted recall always equals
      accuracy), and one-vs-rest ROC-AUC and average precision, macro-averaged;
    - ``prevalence`` is a dict: each class's share of the evaluated rows;
      ``one_vs_rest`` a table of each class's prevalence, ROC-AUC and average
      precision against all other classes (first repetition);
    - ``confusion`` is K × K, rows actual, columns predicted, in the order of ``class_names``;
    - ``ece`` is the *top-label* ECE: each prediction's confidence is the
      probability of its predicted (arg-max) class, the range [1/K, 1] is split
      into 10 equal-width bins, and the ECE is the count-weighted mean of
      |accuracy − mean confidence| over the bins (for two classes this is the
      binary report's ECE);
    - ``y`` holds class codes 0 … K − 1 (positions in ``class_names``) and
      :meth:`proba` an (n, K) matrix;
    - no cost analysis: a threshold on one probability needs two classes.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from sklearn.linear_model import LogisticRegression
    >>> X, y = load_iris(return_X_y=True)
    >>> report = honest_report(LogisticRegression(max_iter=1000), X, y, n_splits=3, n_repeats=1, n_bootstrap=100)
    >>> type(report).__name__, report.class_names, report.confusion.shape
    ('MulticlassHonestReport', (0, 1, 2), (3, 3))
    >>> list(report.per_class.index)
    ['0', '1', '2', 'macro average', 'weighted average']
    >>> report.scores["recall_weighted"].value == report.scores["accuracy"].value
    True
    """

    one_vs_rest: object = None      # pandas DataFrame: prevalence, ROC-AUC, average precision per class

    def cost_analysis(self, false_negative_cost):
        """Not available for more than two classes (a threshold on one probability needs two)."""
        raise ValueError(f"cost_analysis (false_negative_cost={false_negative_cost!r}) needs two classes; this report "
                         f"has {len(self.class_names)}. Evaluate one class against the rest for a cost threshold.")

    def proba(self, repeat=0):
        """Out-of-fold class probabilities for one repetition: (rows as evaluated, K), columns as ``class_names``."""
        return self._proba[repeat]

    @property
    def y(self):
        """The evaluated rows' labels as codes 0 … K − 1 (positions in ``class_names``)."""
        return self._y

    def _classes_text(self, code):
        shares = ", ".join(f"{code(name)} {share:.3f}" for name, share in self.prevalence.items())
        return f"{len(self.class_names)} classes (prevalence {shares})"

    def _ece_name(self):
        return "top-label ECE"

    def _one_vs_rest_markdown(self):
        return ["**Each class against the rest** (first repetition; average precision of a random ranking = "
                "prevalence):", "", _frame_to_markdown(self.one_vs_rest), ""]

    def _extra_tables_html(self):
        import pandas as pd

        confusion = pd.DataFrame(self.confusion, index=[f"actual {c}" for c in self.class_names],
                                 columns=[f"predicted {c}" for c in self.class_names])
        return (f"<p><b>Each class against the rest</b> (first repetition; average precision of a random ranking = "
                f"prevalence)</p>{self.one_vs_rest.to_html(float_format=lambda v: f'{v:.3f}')}"
                f"<p><b>Confusion matrix</b> (first repetition; rows actual, columns predicted)</p>"
                f"{confusion.to_html()}<p>Top-label ECE: the predicted class's probability against how often it "
                f"is right, in 10 equal-width bins over [1/{len(self.class_names)}, 1].</p>")

    def _figure_alt(self):
        return (f"Report figures for {self.title}: the model's scores with their intervals next to the "
                "majority baseline, the confusion matrix, and the top-label reliability diagram.")

    def figure(self):
        """A matplotlib Figure: scores vs baseline, the K × K confusion matrix, top-label reliability diagram."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from sklearn.metrics import ConfusionMatrixDisplay

        from .plots import plot_scores_vs_baseline
        from .stats import top_label_reliability

        figure = Figure(figsize=(4.2 * 3 + 0.25 * len(self.class_names), 3.9 + 0.1 * len(self.class_names)))
        FigureCanvasAgg(figure)
        axes = figure.subplots(1, 3, gridspec_kw={"width_ratios": [1.5, 1.2, 1]})
        figure.subplots_adjust(left=0.17, right=0.98, bottom=0.2, top=0.86, wspace=0.55)
        scores = list(self.scores.values())
        plot_scores_vs_baseline([s.name.replace("one-vs-rest, ", "") for s in scores], [s.value for s in scores],
                                [(s.low, s.high) for s in scores], [s.baseline for s in scores], ax=axes[0])
        ConfusionMatrixDisplay(self.confusion, display_labels=[str(c) for c in self.class_names]).plot(
            ax=axes[1], colorbar=False, cmap="Blues", values_format="d")
        rows = self.per_class.iloc[:len(self.class_names)]
        axes[1].set_title(f"lowest recall: '{rows['recall'].idxmin()}' {rows['recall'].min():.2f}")
        curve = top_label_reliability(self._y, self._proba[0])
        low = 1 / len(self.class_names)
        axes[2].plot([low, 1.0], [low, 1.0], color="grey", linestyle=":", linewidth=1, label="perfectly calibrated")
        axes[2].plot(curve.confidence, curve.accuracy, "o-", color="#D55E00", label=f"top-label ECE {curve.ece:.3f}")
        axes[2].set(xlabel="confidence in the predicted class", ylabel="accuracy", xlim=(low - 0.02, 1.02),
                    ylim=(0, 1.02), title="calibration (first repetition)")
        axes[2].legend(loc="upper left")
        return figure


def _fmt(value):
    return "–" if value is None or not np.isfinite(value) else f"{value:.3f}"


def _fmt_p(p):
    if not np.isfinite(p):
        return "–"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def _markdown_code(name):
    return f"`{name}`"


def _html_code(name):
    return f"<code>{html.escape(str(name))}</code>"


def _confusion_markdown(confusion, class_names):
    lines = ["| | " + " | ".join(f"predicted {name}" for name in class_names) + " |",
             "|---" * (len(class_names) + 1) + "|"]
    for name, row in zip(class_names, confusion, strict=True):
        lines.append(f"| actual {name} | " + " | ".join(str(count) for count in row) + " |")
    return "\n".join(lines)


def _frame_to_markdown(frame):
    columns = [frame.index.name or ""] + list(frame.columns)
    lines = ["| " + " | ".join(map(str, columns)) + " |", "|" + "---|" * len(columns)]
    for index, row in frame.iterrows():
        cells = [str(int(v)) if name == "support" else f"{v:.3f}" if isinstance(v, float) else str(v)
                 for name, v in row.items()]
        lines.append(f"| {index} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# --- metrics on (weighted) predictions ----------------------------------------------------------


def _confusion_metrics(tp, fp, fn, tn):
    """Metrics from confusion counts (arrays broadcast); undefined ratios are 0, as scikit-learn's zero_division=0."""
    tp, fp, fn, tn = (np.asarray(v, dtype=float) for v in (tp, fp, fn, tn))
    n = tp + fp + fn + tn
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        recall = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
        specificity = np.where(tn + fp > 0, tn / (tn + fp), 0.0)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
        denominator = np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
        mcc = np.where(denominator > 0, (tp * tn - fp * fn) / denominator, 0.0)
    return {"accuracy": (tp + tn) / n, "balanced_accuracy": (recall + specificity) / 2, "mcc": mcc,
            "precision": precision, "recall": recall, "f1": f1}


def _ranking_metrics(y, scores, weights, *, skip_untied=False):
    """ROC-AUC and average precision for each row of ``weights`` (bootstrap counts), ties handled as scikit-learn does.

    Parameters
    ----------
    y : (n,) 0/1, scores : (n,), weights : (b, n)
    skip_untied : bool
        Skip grouping tied scores when there are none: faster, the same numbers up to the last bit
        (left off for two classes, whose reports stay bit-identical to earlier versions).
    """
    order = np.argsort(-scores, kind="mergesort")
    s, yy, w = scores[order], y[order], weights[:, order]
    starts = np.flatnonzero(np.r_[True, s[1:] != s[:-1]])          # groups of tied scores, high to low
    pos, neg = w * yy, w * (1 - yy)
    if starts.size < s.size or not skip_untied:
        pos, neg = np.add.reduceat(pos, starts, axis=1), np.add.reduceat(neg, starts, axis=1)
    total_pos, total_neg = pos.sum(axis=1), neg.sum(axis=1)
    tp, fp = np.cumsum(pos, axis=1), np.cumsum(neg, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        # AUC: each positive beats the negatives ranked below it, half of the tied ones.
        neg_below = total_neg[:, None] - fp
        auc = np.sum(pos * (neg_below + 0.5 * neg), axis=1) / (total_pos * total_neg)
        precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)   # a tied group with zero weight adds nothing
        ap = np.sum(pos * precision, axis=1) / total_pos
    return auc, ap


def _all_metrics(y, proba, weights=None, threshold=0.5):
    """Every headline metric; ``weights`` (b, n) gives b weighted versions at once."""
    if weights is None:
        weights = np.ones((1, y.size))
    pred = proba >= threshold
    yb = y.astype(bool)
    tp = weights @ (pred & yb)
    fp = weights @ (pred & ~yb)
    fn = weights @ (~pred & yb)
    tn = weights @ (~pred & ~yb)
    result = _confusion_metrics(tp, fp, fn, tn)
    result["roc_auc"], result["average_precision"] = _ranking_metrics(y, proba, weights)
    return result


def _multiclass_metrics(y, proba, weights=None):
    """Every multiclass headline metric as scikit-learn computes it; ``weights`` (b, n) gives b weighted versions.

    Parameters
    ----------
    y : (n,) class codes 0 … K − 1, proba : (n, K); the predicted class is the arg-max.
    """
    n, k = proba.shape
    if weights is None:
        weights = np.ones((1, n))
    cells = y * k + proba.argmax(axis=1)
    confusion = np.stack([np.bincount(cells, weights=w, minlength=k * k) for w in weights]).reshape(-1, k, k)
    support, predicted = confusion.sum(axis=2), confusion.sum(axis=1)
    hits = np.diagonal(confusion, axis1=1, axis2=2)
    total = support.sum(axis=1)
    seen = support > 0                      # balanced accuracy: classes present in y
    used = seen | (predicted > 0)           # macro averages: classes in y or in the predictions
    with np.errstate(divide="ignore", invalid="ignore"):
        recall = np.where(seen, hits / support, 0.0)
        precision = np.where(predicted > 0, hits / predicted, 0.0)
        f1 = np.where(used, 2 * hits / (support + predicted), 0.0)
        share = support / total[:, None]
        covariance = hits.sum(axis=1) * total - np.sum(support * predicted, axis=1)
        variance = (total ** 2 - np.sum(predicted ** 2, axis=1)) * (total ** 2 - np.sum(support ** 2, axis=1))
        result = {"accuracy": hits.sum(axis=1) / total,
                  "balanced_accuracy": np.sum(recall, axis=1) / seen.sum(axis=1),
                  "mcc": np.where(variance > 0, covariance / np.sqrt(variance), 0.0)}
        for key, values in (("precision", precision), ("recall", recall), ("f1", f1)):
            result[f"{key}_macro"] = np.sum(values, axis=1) / used.sum(axis=1)
            result[f"{key}_weighted"] = np.sum(values * share, axis=1)
    ranking = [_ranking_metrics((y == c).astype(int), proba[:, c], weights, skip_untied=True) for c in range(k)]
    result["roc_auc"] = np.mean([auc for auc, _ in ranking], axis=0)
    result["average_precision"] = np.mean([ap for _, ap in ranking], axis=0)
    return {key: result[key] for key in MULTICLASS_METRICS}


def _metrics_for(y, proba, weights=None):
    """Headline metrics of positive-class probabilities (n,) or class probabilities (n, K)."""
    return _all_metrics(y, proba, weights) if proba.ndim == 1 else _multiclass_metrics(y, proba, weights)


def bootstrap_metrics(y, probas, *, n_resamples=1000, confidence=0.95, groups=None, seed=0):
    """Percentile bootstrap intervals of every headline metric, averaged over repetitions.

    The same resampled rows (or whole groups) are used for every repetition's
    predictions, and each resample's metric is the mean over repetitions —
    the interval belongs to the number the report shows.

    Parameters
    ----------
    y : (n,) 0/1 labels, or class codes 0 … K − 1
    probas : (n_repeats, n) probabilities of class 1, or (n_repeats, n, K) class probabilities
        (then the intervals are for the keys of :data:`MULTICLASS_METRICS`)
    groups : (n,) optional; resample whole groups (cluster bootstrap)

    Returns
    -------
    dict of metric -> (low, high)

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> y = rng.integers(0, 2, 200)
    >>> p = np.clip(0.3 * y + rng.random(200) * 0.7, 0, 1)
    >>> low, high = bootstrap_metrics(y, p[None, :], n_resamples=200)["accuracy"]
    >>> bool(low < float(np.mean((p >= 0.5) == y)) < high)
    True
    """
    y = np.asarray(y).astype(int)
    probas = np.atleast_2d(np.asarray(probas, dtype=float))
    n = y.size
    rng = np.random.default_rng(seed)
    if groups is not None:
        _, group_index = np.unique(np.asarray(groups), return_inverse=True)
        n_units = group_index.max() + 1
    keys = METRICS if probas.ndim == 2 else MULTICLASS_METRICS
    draws = {key: [] for key in keys}
    chunk = max(1, min(n_resamples, 2_000_000 // max(n, 1)))
    done = 0
    while done < n_resamples:
        b = min(chunk, n_resamples - done)
        if groups is None:
            picks = rng.integers(0, n, size=(b, n))
            weights = np.bincount((picks + n * np.arange(b)[:, None]).ravel(), minlength=b * n).reshape(b, n)
        else:
            picks = rng.integers(0, n_units, size=(b, n_units))
            unit_weights = np.bincount((picks + n_units * np.arange(b)[:, None]).ravel(),
                                       minlength=b * n_units).reshape(b, n_units)
            weights = unit_weights[:, group_index]
        weights = weights.astype(float)
        per_repeat = [_metrics_for(y, proba, weights) for proba in probas]
        for key in keys:
            draws[key].append(np.mean([m[key] for m in per_repeat], axis=0))
        done += b
    alpha = (1 - confidence) / 2
    intervals = {}
    for key, values in draws.items():
        values = np.concatenate(values)
        values = values[np.isfinite(values)]
        intervals[key] = ((float(np.quantile(values, alpha)), float(np.quantile(values, 1 - alpha)))
                          if values.size else (math.nan, math.nan))
    return intervals


# --- the cost-chosen threshold --------------------------------------------------------------------


def _error_counts(y, proba):
    """False positives and false negatives when predicting positive at proba ≥ t, for t at every distinct
    probability (and above all, first): ``thresholds, fp, fn``."""
    order = np.argsort(-proba, kind="mergesort")
    p, yy = proba[order], y[order]
    starts = np.flatnonzero(np.r_[True, p[1:] != p[:-1]])
    tp = np.r_[0, np.cumsum(np.add.reduceat(yy, starts))]
    fp = np.r_[0, np.cumsum(np.add.reduceat(1 - yy, starts))]
    return np.r_[np.inf, p[starts]], fp, yy.sum() - tp


def _choose_threshold(thresholds, fp, fn, n, false_negative_cost):
    """The threshold of least cost per case, given the counts of :func:`_error_counts` on n rows."""
    best = int(np.argmin((fp + false_negative_cost * fn) / n))
    if best == 0:
        return 1.0 + 1e-9 if np.isinf(thresholds[0]) else thresholds[0]
    # halfway between the chosen probability and the next lower one: robust to unseen values
    lower = thresholds[best + 1] if best + 1 < thresholds.size else 0.0
    return float((thresholds[best] + lower) / 2)


class _CostCurves:
    """Everything about the cost-chosen threshold that does not depend on the cost, computed once.

    Per fold: the validation rows' false positives and false negatives at each distinct probability
    as threshold (so any cost's curve is one vectorised line); the pooled test rows; and the pooled
    validation rows' error counts on a display grid. Moving the cost slider then sorts nothing.
    """

    GRID = np.linspace(0, 1, 201)

    def __init__(self, folds, validation):
        self._fold_curves = [(*_error_counts(y_val, p_val), y_val.size) for y_val, p_val in validation]
        self._fold_sizes = [y_test.size for _, y_test, _ in folds]
        self._positive = np.concatenate([y_test for _, y_test, _ in folds]) == 1
        self._p_test = np.concatenate([p_test for _, _, p_test in folds])
        y_val = np.concatenate([v[0] for v in validation])
        p_val = np.concatenate([v[1] for v in validation])
        negatives, positives = np.sort(p_val[y_val == 0]), np.sort(p_val[y_val == 1])
        self._grid_fp = negatives.size - np.searchsorted(negatives, self.GRID, side="left")
        self._grid_fn = np.searchsorted(positives, self.GRID, side="left")
        self._n_val = y_val.size

    def analysis(self, false_negative_cost):
        chosen = [_choose_threshold(*curve, false_negative_cost) for curve in self._fold_curves]
        positive = self._positive

        def errors(flagged):
            return np.sum(flagged & ~positive), np.sum(~flagged & positive)

        def cost(flagged):
            fp, fn = errors(flagged)
            return float((fp + false_negative_cost * fn) / positive.size)

        flagged = self._p_test >= np.repeat(chosen, self._fold_sizes)
        fp, fn = errors(flagged)
        counts = np.array([[np.sum(~positive) - fp, fp], [fn, np.sum(positive) - fn]])
        return CostAnalysis(false_negative_cost, np.array(chosen), cost(flagged), cost(self._p_test >= 0.5),
                            cost(np.zeros(positive.size, bool)), cost(np.ones(positive.size, bool)), counts,
                            (self.GRID, (self._grid_fp + false_negative_cost * self._grid_fn) / self._n_val))


# --- input checks ---------------------------------------------------------------------------------


def _check_inputs(model, X, y, groups, time, positive_label):
    import pandas as pd

    if model is None or not (hasattr(model, "fit") and hasattr(model, "predict_proba")):
        raise TypeError("model must be a scikit-learn classifier or pipeline with fit and predict_proba "
                        f"(e.g. LogisticRegression()), got {type(model).__name__}.")
    if isinstance(X, pd.DataFrame):
        frame = X.reset_index(drop=True)
    else:
        if X is None or isinstance(X, (str, bytes, dict)):
            raise TypeError(f"X must be a 2-D array or a pandas DataFrame, got {type(X).__name__}.")
        array = np.asarray(X)
        if array.ndim != 2:
            raise ValueError(f"X must be 2-D (rows × features), got an array of shape {array.shape}.")
        frame = pd.DataFrame(array)
    if len(frame) == 0 or frame.shape[1] == 0:
        raise ValueError(f"X is empty (shape {frame.shape}); it needs rows and at least one feature.")
    non_numeric = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])
                   and not pd.api.types.is_bool_dtype(frame[c])]
    if non_numeric and not hasattr(model, "steps"):
        raise TypeError(f"X has non-numeric columns ({', '.join(map(str, non_numeric[:5]))}) but model is not a "
                        "Pipeline: put an encoder in front of it, e.g. make_pipeline(make_column_transformer("
                        "(OneHotEncoder(handle_unknown='ignore'), categorical_columns), remainder=StandardScaler()), "
                        "LogisticRegression()).")
    if y is None or isinstance(y, (str, bytes, dict)):
        raise TypeError(f"y must be a 1-D array of class labels, got {type(y).__name__}.")
    labels = np.asarray(y)
    if labels.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {labels.shape}.")
    if labels.size != len(frame):
        raise ValueError(f"X and y must have the same number of rows: X has {len(frame)}, y has {labels.size}.")
    if pd.isna(pd.Series(labels)).any():
        raise ValueError("y contains missing values; every row needs a class label.")
    classes = np.unique(labels)
    if classes.size < 2:
        raise ValueError(f"y holds only one class ({classes[0]!r}); an evaluation needs both classes.")
    if classes.size > 2:
        if positive_label is not None:
            raise ValueError(f"positive_label applies to two classes; y holds {classes.size} "
                             f"({', '.join(map(repr, classes[:5].tolist()))}). Leave positive_label unset for a "
                             "report on every class, or evaluate one class against the rest.")
        _check_row_arrays(frame, groups, time)
        return frame, np.searchsorted(classes, labels), tuple(_plain(c) for c in classes)
    if positive_label is None:
        counts = [(labels == c).sum() for c in classes]
        positive_label = classes[int(np.argmin(counts))] if counts[0] != counts[1] else classes[1]
    elif positive_label not in classes:
        raise ValueError(f"positive_label must be one of y's classes {classes.tolist()}, got {positive_label!r}.")
    negative_label = classes[classes != positive_label][0]
    y01 = (labels == positive_label).astype(int)
    _check_row_arrays(frame, groups, time)
    return frame, y01, (_plain(negative_label), _plain(positive_label))


def _check_row_arrays(frame, groups, time):
    import pandas as pd

    for name, values in (("groups", groups), ("time", time)):
        if values is None:
            continue
        if isinstance(values, (str, bytes, dict)):
            raise TypeError(f"{name} must be a 1-D array with one value per row of X, got {type(values).__name__}.")
        values = np.asarray(values)
        if values.ndim != 1 or values.size != len(frame):
            raise ValueError(f"{name} must have one value per row of X ({len(frame)}), got shape {values.shape}.")
        if pd.isna(pd.Series(values)).any():
            raise ValueError(f"{name} contains missing values.")


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def _with_seed(estimator, seed):
    """A clone of ``estimator`` with every ``random_state`` or ``seed`` parameter (nested ones too) set to ``seed``.

    ``seed`` is what the course's Keras wrapper (:class:`course_utils.models.KerasMLPClassifier`) calls it.
    """
    from sklearn.base import clone

    estimator = clone(estimator)
    keys = [k for k in estimator.get_params(deep=True)
            if k.rsplit("__", 1)[-1] in ("random_state", "seed")]
    if keys:
        estimator.set_params(**{k: seed for k in keys})
    return estimator


def _splitter(cv, n_splits, groups, time, seed):
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold, TimeSeriesSplit

    if cv is not None:
        cv = copy.deepcopy(cv)
        if getattr(cv, "shuffle", False) and hasattr(cv, "random_state"):
            cv.random_state = seed
        return cv, type(cv).__name__ + " (given)"
    if time is not None:
        return TimeSeriesSplit(n_splits=n_splits), "TimeSeriesSplit in time order"
    if groups is not None:
        return StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed), "StratifiedGroupKFold"
    return StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed), "StratifiedKFold"


def _validation_splitter(groups, time, seed):
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold, TimeSeriesSplit

    if time is not None:
        return TimeSeriesSplit(n_splits=3)
    if groups is not None:
        return StratifiedGroupKFold(n_splits=3, shuffle=True, random_state=seed)
    return StratifiedKFold(n_splits=3, shuffle=True, random_state=seed)


# --- leak smoke tests ---------------------------------------------------------------------------


def _row_hashes(frame):
    import pandas as pd

    return pd.util.hash_pandas_object(frame, index=False).to_numpy()


def _check_duplicates(frame, y, splits):
    hashes = _row_hashes(frame)
    flagged = np.zeros(len(frame), bool)
    for train, test in splits:
        flagged[test] |= np.isin(hashes[test], hashes[train])
    n_flagged = int(flagged.sum())
    tested = np.zeros(len(frame), bool)
    for _, test in splits:
        tested[test] = True
    if n_flagged:
        conflicting = len(set(zip(hashes, y, strict=True))) > len(set(hashes))
        extra = " Some copies even carry different labels." if conflicting else ""
        return Finding("duplicates", "warning",
                       f"{n_flagged} of {int(tested.sum())} test rows ({n_flagged / tested.sum():.0%}) have an exact "
                       "copy in their training fold: the model can recall them instead of predicting. Remove "
                       "duplicates before splitting, or split by the item they come from (groups=)." + extra, "04")
    return Finding("duplicates", "ok", "no exact duplicate rows found across train and test folds "
                   "(near-duplicates are not checked).", "04")


def _numeric_matrix(frame):
    import pandas as pd

    numeric = frame[[c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]].to_numpy(float)
    keep = np.all(np.isfinite(numeric), axis=0)
    numeric = numeric[:, keep]
    scale = numeric.std(axis=0)
    numeric = numeric[:, scale > 0]
    return (numeric - numeric.mean(axis=0)) / numeric.std(axis=0) if numeric.size else numeric


def _check_synthetic(frame, y, splits, *, neighbours=8, share=0.01):
    """Test rows lying exactly on a segment between two training rows of the same class: SMOTE's fingerprint."""
    from sklearn.neighbors import NearestNeighbors

    Z = _numeric_matrix(frame)
    if Z.shape[1] < 2:
        return Finding("synthetic rows", "note", "fewer than two numeric columns: the check for synthetic "
                       "(SMOTE-interpolated) rows was skipped.", "03")
    train, test = splits[0]
    flagged = 0
    for label in np.unique(y):
        tr, te = train[y[train] == label], test[y[test] == label]
        if tr.size < 2 or te.size == 0:
            continue
        k = min(neighbours, tr.size)
        index = NearestNeighbors(n_neighbors=k).fit(Z[tr]).kneighbors(Z[te], return_distance=False)
        A = Z[tr][index]                                  # (m, k, d) candidate segment ends
        x = Z[te][:, None, None, :]
        a, b = A[:, :, None, :], A[:, None, :, :]
        direction = b - a
        length2 = np.sum(direction ** 2, axis=-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.sum((x - a) * direction, axis=-1) / length2
            residual = np.linalg.norm(x - (a + t[..., None] * direction), axis=-1)
            moved = np.sum(np.abs(direction) > 1e-12, axis=-1)
            on_segment = ((t > 1e-9) & (t < 1 - 1e-9) & (residual <= 1e-7 * np.sqrt(length2)) & (moved >= 2)
                          & (length2 > 0))
        flagged += int(np.any(on_segment, axis=(1, 2)).sum())
    if flagged >= max(3, share * test.size):
        return Finding("synthetic rows", "warning",
                       f"{flagged} of {test.size} test rows in the first fold lie exactly on a line between two "
                       "training rows of their class — the fingerprint of SMOTE (or another interpolating "
                       "oversampler) applied before the split. Resample inside the training folds only: pass the "
                       "raw data and put the sampler in an imbalanced-learn Pipeline.", "03")
    return Finding("synthetic rows", "ok", "no test row lies exactly between two training rows of its class "
                   "(the pattern SMOTE leaves when it runs before the split).", "03")


def _single_feature_scores(frame, y, splits):
    """Cross-validated balanced accuracy of a depth-3 tree on each column alone (strings ordinally encoded).

    With K > 2 classes the tree instead grows best-first to max(8, 2K) leaves, enough to give
    every class its own interval of the column (a greedy depth-limited tree runs out of depth).
    """
    import pandas as pd
    from sklearn.metrics import balanced_accuracy_score
    from sklearn.tree import DecisionTreeClassifier

    n_classes = np.unique(y).size
    shape = {"max_depth": 3} if n_classes == 2 else {"max_leaf_nodes": max(8, 2 * n_classes)}
    scores = {}
    for column in frame.columns:
        values = frame[column]
        if not pd.api.types.is_numeric_dtype(values):
            values = pd.Series(pd.factorize(values.astype(str))[0], index=values.index)
        x = values.to_numpy(float).reshape(-1, 1)
        if not np.all(np.isfinite(x)):
            x = np.nan_to_num(x, nan=np.nanmedian(x))
        pred = np.empty(y.size, int)
        tested = np.zeros(y.size, bool)
        for train, test in splits:
            tree = DecisionTreeClassifier(**shape, random_state=0).fit(x[train], y[train])
            pred[test] = tree.predict(x[test])
            tested[test] = True
        scores[str(column)] = float(balanced_accuracy_score(y[tested], pred[tested]))
    return scores


def _check_single_feature(scores, threshold):
    best = max(scores, key=scores.get)
    suspects = [c for c, s in scores.items() if s >= threshold]
    if suspects:
        listed = ", ".join(f"'{c}' ({scores[c]:.2f})" for c in suspects[:3])
        return Finding("single feature", "warning",
                       f"{listed} alone predict{'s' if len(suspects) == 1 else ''} the label with balanced accuracy "
                       f"≥ {threshold:.2f}. A column this good on its own is more often recorded after the outcome "
                       "(target leakage) than a discovery: ask whether its value exists at the moment of prediction.",
                       "04")
    return Finding("single feature", "ok", f"no single column predicts the label with balanced accuracy ≥ "
                   f"{threshold:.2f} on its own (best: '{best}', {scores[best]:.2f}); leaks spread over several "
                   "columns are not checked.", "04")


#: check -> (note when its rows were not given, "ok" message when the splits pass it).
_SPLIT_CHECKS = {
    "groups": ("no groups given: if several rows come from one person, item or session, pass groups= so they "
               "stay on one side of each split.", "no group has rows on both sides of any split."),
    "time order": ("no time order given: if the data were collected over time, pass time= so the model is tested "
                   "on later rows than it was trained on.",
                   "every test row is later than all rows its model was trained on."),
}


def _split_check(check, values, problem):
    """A finding of notebook 04 about the splits: a note when ``values`` were not given, else a warning
    when ``problem(values)`` returns a message, else that the splits pass."""
    missing, fine = _SPLIT_CHECKS[check]
    if values is None:
        return Finding(check, "note", missing, "04")
    message = problem(np.asarray(values))
    return Finding(check, "warning", message, "04") if message else Finding(check, "ok", fine, "04")


def _check_groups(groups, splits, user_cv):
    def problem(groups):
        shared = set()
        for train, test in splits:
            shared |= set(np.intersect1d(groups[train], groups[test]).tolist())
        return shared and (f"{len(shared)} of {np.unique(groups).size} groups have rows in both a training and its "
                           f"test fold{' (the given cv ignores groups)' if user_cv else ''}: the model can recognise "
                           "the group instead of predicting. Use GroupKFold / StratifiedGroupKFold (leave cv= unset).")

    return _split_check("groups", groups, problem)


def _check_time(time, splits, user_cv):
    def problem(time):
        earlier = sum(int(np.sum(time[test] < time[train].max())) for train, test in splits)
        tested = sum(test.size for _, test in splits)
        return earlier and (f"{earlier} of {tested} test predictions ({earlier / tested:.0%}) are for rows earlier "
                            f"than the latest training row{' (the given cv shuffles time)' if user_cv else ''}: the "
                            "model is partly trained on the future. Use TimeSeriesSplit (leave cv= unset).")

    return _split_check("time order", time, problem)


# --- the report ------------------------------------------------------------------------------------


def honest_report(model, X, y, *, groups=None, time=None, cv=None, n_splits=5, n_repeats=3, positive_label=None,
                  false_negative_cost=None, seed=0, n_bootstrap=1000, confidence=0.95, leak_checks=True,
                  single_feature_threshold=0.95, too_good=0.99, max_seconds=None, title=None):
    """Evaluate a classifier honestly and return an :class:`HonestReport`.

    Parameters
    ----------
    model : scikit-learn classifier or Pipeline
        Unfitted; it is cloned and refitted inside every training fold, so
        every step of a Pipeline (scaling, selection, imbalanced-learn's
        resampling) sees training rows only. Needs ``predict_proba``.
    X : 2-D array or pandas DataFrame
        Raw features. Non-numeric columns need a Pipeline that encodes them.
    y : 1-D array of class labels
        Two classes give an :class:`HonestReport`; more give a :class:`MulticlassHonestReport`.
    groups : 1-D array, optional
        Which rows belong together (patient, item, session): folds keep each group whole.
    time : 1-D array, optional
        When each row was recorded: folds train on the past and test on what follows.
    cv : splitter, optional
        Overrides the splitter chosen from ``groups``/``time`` (the checks then test *your* splitter).
    n_splits, n_repeats : int
        Folds per repetition, and repetitions (each with its own seed for the split and the model).
    positive_label : optional
        The class of interest; default: the minority class. Two classes only.
    false_negative_cost : float, optional
        Cost of a false negative in units of a false positive. If given, each
        fold's threshold is chosen on validation predictions from its
        training rows (inner 3-fold) and scored on its test rows. Two classes only.
    seed : int
        First seed; repetition ``r`` uses ``seed + r``.
    n_bootstrap : int
        Bootstrap resamples for the intervals.
    confidence : float
        Interval level.
    leak_checks : bool
        Run the leak smoke tests.
    single_feature_threshold : float
        A column whose balanced accuracy alone reaches this is flagged.
    too_good : float
        A balanced accuracy at or above this is flagged as "too good to be true".
    max_seconds : float, optional
        Stop adding repetitions once this much time has passed (at least one runs).
    title : str, optional

    Returns
    -------
    HonestReport
        A :class:`MulticlassHonestReport` when ``y`` has more than two classes.

    Examples
    --------
    >>> from sklearn.datasets import make_classification
    >>> from sklearn.linear_model import LogisticRegression
    >>> X, y = make_classification(300, n_features=5, weights=[0.8], random_state=0)
    >>> report = honest_report(LogisticRegression(), X, y, n_repeats=1, n_bootstrap=200)
    >>> report.warning_checks()
    set()
    >>> report.scores["accuracy"].baseline > 0.7
    True
    """
    start = _time.perf_counter()
    frame, y01, class_names = _check_inputs(model, X, y, groups, time, positive_label)
    n_classes = len(class_names)
    n_splits = check_positive_int(n_splits, "n_splits", minimum=2)
    n_repeats = check_positive_int(n_repeats, "n_repeats")
    seed = check_seed(seed)
    n_bootstrap = check_positive_int(n_bootstrap, "n_bootstrap", minimum=100)
    check_real(confidence, "confidence")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, e.g. 0.95, got {confidence!r}.")
    if false_negative_cost is not None:
        check_real(false_negative_cost, "false_negative_cost")
        if false_negative_cost <= 0:
            raise ValueError(f"false_negative_cost must be positive, got {false_negative_cost!r}.")
        if n_classes > 2:
            raise ValueError(f"false_negative_cost needs two classes (a threshold on one class's probability); y "
                             f"holds {n_classes}. Leave false_negative_cost unset, or evaluate one class against "
                             "the rest.")
    minority = int(np.bincount(y01).min())
    if minority < n_splits:
        raise ValueError(f"y has only {minority} rows of its rarer class, fewer than n_splits={n_splits}: "
                         "lower n_splits or collect more data.")
    order_time = None if time is None else np.asarray(time)
    user_cv = cv is not None
    if user_cv and (isinstance(cv, (str, bytes)) or not hasattr(cv, "split")):
        raise TypeError(f"cv must be a scikit-learn splitter (e.g. KFold(5)), got {type(cv).__name__}.")

    from sklearn.dummy import DummyClassifier

    # Rows in time order when a time is given, so that TimeSeriesSplit trains on the past.
    row_order = np.argsort(order_time, kind="mergesort") if order_time is not None and not user_cv else None

    repeats, splitter_name = [], ""
    for r in range(n_repeats):
        if r and max_seconds is not None and _time.perf_counter() - start > max_seconds:
            break
        splitter, splitter_name = _splitter(cv, n_splits, groups, order_time, seed + r)
        if row_order is not None:
            splits = [(row_order[tr], row_order[te]) for tr, te in splitter.split(np.zeros((len(frame), 1)))]
        else:
            uses_groups = groups is not None and "Group" in type(splitter).__name__
            splits = list(splitter.split(frame, y01, groups if uses_groups else None))
        proba = np.full((len(frame),) if n_classes == 2 else (len(frame), n_classes), np.nan)
        baseline_proba = np.full(proba.shape, np.nan)
        folds, validation = [], []
        for train, test in splits:
            if np.isfinite(proba[test]).any():
                raise ValueError("cv must test each row at most once per repetition (a KFold-like splitter); "
                                 f"{type(splitter).__name__} tests some rows twice.")
            if np.unique(y01[train]).size < 2:
                raise ValueError("a training fold holds only one class; with time= or cv=, use fewer splits "
                                 "or check that both classes occur early in the data.")
            estimator = _with_seed(model, seed + r)
            try:
                estimator.fit(frame.iloc[train], y01[train])
                proba[test] = _class_scores(estimator, frame.iloc[test], n_classes)
            except (ValueError, TypeError) as error:
                raise type(error)(f"model could not be fitted or applied on a training fold: {error}") from error
            dummy = DummyClassifier(strategy="most_frequent").fit(frame.iloc[train], y01[train])
            majority = int(dummy.predict(frame.iloc[[0]])[0])
            baseline_proba[test] = float(majority) if n_classes == 2 else np.eye(n_classes)[majority]
            folds.append((test, y01[test], proba[test]))
            if false_negative_cost is not None:
                validation.append(_validation_predictions(model, frame.iloc[train], y01[train],
                                                          None if groups is None else np.asarray(groups)[train],
                                                          None if order_time is None else order_time[train],
                                                          seed + r))
        repeats.append({"splits": splits, "proba": proba, "baseline": baseline_proba, "folds": folds,
                        "validation": validation})

    evaluated = _tested(repeats[0]["proba"])
    for rep in repeats[1:]:
        evaluated &= _tested(rep["proba"])
    y_eval = y01[evaluated]
    probas = np.array([rep["proba"][evaluated] for rep in repeats])
    baselines = np.array([rep["baseline"][evaluated] for rep in repeats])
    groups_eval = None if groups is None else np.asarray(groups)[evaluated]

    scores = _headline_scores(y_eval, probas, baselines, repeats, groups_eval, n_bootstrap=n_bootstrap,
                              confidence=confidence, seed=seed)
    pred0 = _predicted_codes(probas[0])
    mcnemar = mcnemar_test(y_eval, _predicted_codes(baselines[0]), pred0)
    per_class = _per_class_table(y_eval, pred0, class_names)
    confusion = np.bincount(y_eval * n_classes + pred0, minlength=n_classes ** 2).reshape(n_classes, n_classes)
    if n_classes == 2:
        from .stats import expected_calibration_error

        ece = float(np.mean([expected_calibration_error(y_eval, p, n_bins=10) for p in probas]))
    else:
        from .stats import top_label_reliability

        ece = float(np.mean([top_label_reliability(y_eval, p).ece for p in probas]))

    first_splits = repeats[0]["splits"]
    cost = cost_curves = None
    if false_negative_cost is not None:
        cost_curves = _CostCurves([f for rep in repeats for f in rep["folds"]],
                                  [v for rep in repeats for v in rep["validation"]])
        cost = cost_curves.analysis(float(false_negative_cost))

    findings = []
    single = {}
    shuffled = math.nan
    if leak_checks:
        findings.append(_check_duplicates(frame, y01, first_splits))
        findings.append(_check_synthetic(frame, y01, first_splits))
        single = _single_feature_scores(frame, y01, first_splits)
        findings.append(_check_single_feature(single, single_feature_threshold))
        findings.append(_check_groups(groups, first_splits, user_cv))
        findings.append(_check_time(order_time, first_splits, user_cv))
        shuffled = _shuffled_label_score(model, frame, y01, first_splits, seed)
        findings += _score_checks(scores["balanced_accuracy"], shuffled, y_eval, too_good)
    if n_classes == 2:
        findings += _recommendations(scores, ece, cost, class_names, len(repeats), splitter_name)
        report_type, extra = HonestReport, {"prevalence": float(y_eval.mean())}
    else:
        findings += _multiclass_recommendations(scores, per_class, ece, class_names, y_eval, len(repeats),
                                                splitter_name)
        report_type = MulticlassHonestReport
        extra = {"prevalence": {name: float(np.mean(y_eval == k)) for k, name in enumerate(class_names)},
                 "one_vs_rest": _one_vs_rest_table(y_eval, probas[0], class_names)}

    return report_type(
        title=title or f"Honest evaluation: {_model_name(model)}", n_samples=int(evaluated.sum()),
        n_features=frame.shape[1], class_names=class_names,
        splitter=splitter_name, n_splits=len(first_splits), n_repeats=len(repeats),
        seeds=tuple(seed + r for r in range(len(repeats))), scores=scores, per_class=per_class,
        confusion=confusion, mcnemar=mcnemar, ece=ece, shuffled_label_score=shuffled, single_feature_scores=single,
        cost=cost,
        findings=findings, seconds=_time.perf_counter() - start,
        interval_method=f"{confidence:.0%} percentile bootstrap over the out-of-fold predictions "
                        f"({'whole groups' if groups is not None else 'rows'} resampled, {n_bootstrap} resamples)",
        _y=y_eval, _proba=probas, _cost_curves=cost_curves, **extra)


def _headline_scores(y, probas, baselines, repeats, groups, *, n_bootstrap, confidence, seed):
    """One Score per headline metric: mean over repetitions of each repetition's pooled out-of-fold metric."""
    keys = METRICS if probas.ndim == 2 else MULTICLASS_METRICS
    n_classes = 2 if probas.ndim == 2 else probas.shape[2]
    pooled = [_metrics_for(y, p) for p in probas]
    pooled_base = [_metrics_for(y, b) for b in baselines]
    intervals = bootstrap_metrics(y, probas, n_resamples=n_bootstrap, confidence=confidence, groups=groups, seed=seed)
    fold_scores, fold_base, ratios = {k: [] for k in keys}, {k: [] for k in keys}, []
    for rep in repeats:
        for (train, test), (_, y_test, p_test) in zip(rep["splits"], rep["folds"], strict=True):
            ratios.append(test.size / train.size)
            if np.unique(y_test).size < n_classes:
                continue   # AUC and friends are undefined on a fold that lacks a class
            model_m = _metrics_for(y_test, p_test)
            base_m = _metrics_for(y_test, rep["baseline"][test])
            for key in keys:
                fold_scores[key].append(float(model_m[key][0]))
                fold_base[key].append(float(base_m[key][0]))
    scores = {}
    for key, label in keys.items():
        values = np.array([float(m[key][0]) for m in pooled])
        model_folds, base_folds = np.array(fold_scores[key]), np.array(fold_base[key])
        scores[key] = Score(
            name=label, value=float(values.mean()), low=intervals[key][0], high=intervals[key][1],
            sd_repeats=float(values.std(ddof=1)) if values.size > 1 else math.nan,
            sd_folds=float(model_folds.std(ddof=1)) if model_folds.size > 1 else math.nan,
            baseline=float(np.mean([float(m[key][0]) for m in pooled_base])),
            difference=float(np.mean(model_folds - base_folds)) if model_folds.size else math.nan,
            p_value=(paired_difference(base_folds, model_folds, test_train_ratio=float(np.mean(ratios))).p_value
                     if model_folds.size > 1 else math.nan))
    return scores


def _model_name(model):
    steps = getattr(model, "steps", None)
    if steps:
        return " → ".join(type(step).__name__ for _, step in steps)
    return type(model).__name__


def _positive_proba(estimator, X):
    proba = np.asarray(estimator.predict_proba(X))
    classes = list(getattr(estimator, "classes_", [0, 1]))
    return proba[:, classes.index(1)] if 1 in classes else np.zeros(len(X))


def _validation_predictions(model, X_train, y_train, groups, time, seed):
    """Out-of-fold probabilities on the training rows (inner 3-fold), to choose a threshold on."""
    splitter = _validation_splitter(groups, time, seed)
    if time is not None:
        order = np.argsort(time, kind="mergesort")
        inner = [(order[a], order[b]) for a, b in splitter.split(np.zeros((len(order), 1)))]
    else:
        inner = list(splitter.split(X_train, y_train, groups))
    y_val, p_val = [], []
    for a, b in inner:
        if np.unique(y_train[a]).size < 2:
            continue
        estimator = _with_seed(model, seed).fit(X_train.iloc[a], y_train[a])
        y_val.append(y_train[b])
        p_val.append(_positive_proba(estimator, X_train.iloc[b]))
    return np.concatenate(y_val), np.concatenate(p_val)


def _shuffled_label_score(model, frame, y, splits, seed):
    """Balanced accuracy of the same pipeline and splits after permuting the labels across all rows."""
    from sklearn.metrics import balanced_accuracy_score

    rng = np.random.default_rng(seed + 10_000)
    shuffled = rng.permutation(y)
    pred = np.full(y.size, -1)
    for train, test in splits:
        if np.unique(shuffled[train]).size < 2:
            continue
        estimator = _with_seed(model, seed).fit(frame.iloc[train], shuffled[train])
        pred[test] = _predicted_codes(_class_scores(estimator, frame.iloc[test], int(y.max()) + 1))
    tested = pred >= 0
    return float(balanced_accuracy_score(shuffled[tested], pred[tested]))


def _score_checks(balanced, shuffled, y, too_good):
    counts = np.bincount(y)
    counts = counts[counts > 0]
    chance = 1 / counts.size
    # SE of balanced accuracy at chance: the mean of K recalls, each Binomial(n_k, 1/K) / n_k
    se_chance = math.sqrt(sum(chance * (1 - chance) / n for n in counts.tolist())) / counts.size
    findings = []
    if balanced.value >= too_good:
        findings.append(Finding("too good to be true", "warning",
                                f"balanced accuracy {balanced.value:.3f} is near perfect (shuffled labels give "
                                f"{shuffled:.3f}). Real problems are rarely this easy: look for a leak "
                                "(duplicates, a column recorded after the outcome, groups or time across the split) "
                                "before believing it.", "04"))
    if shuffled - chance > 3 * se_chance:
        findings.append(Finding("shuffled labels", "warning",
                                f"with shuffled labels the pipeline still scores {shuffled:.3f} balanced accuracy, "
                                f"more than 3 standard errors ({se_chance:.3f}) above chance ({chance:.3g}): "
                                "something other than the features' link to the label is being scored.", "06"))
    elif balanced.value - shuffled < 2 * se_chance:
        findings.append(Finding("chance level", "warning",
                                f"balanced accuracy {balanced.value:.3f} is within 2 standard errors of the "
                                f"shuffled-label score {shuffled:.3f}: the model is not distinguishable from chance "
                                "on this data.", "06"))
    else:
        findings.append(Finding("shuffled labels", "ok",
                                f"with shuffled labels the same pipeline scores {shuffled:.3f} balanced accuracy, "
                                "at chance, and the real labels score clearly above it; this does not rule out "
                                "leaks that the shuffling also removes.", "06"))
    return findings


def _recommendations(scores, ece, cost, class_names, n_repeats, splitter_name):
    acc, bal, rec = scores["accuracy"], scores["balanced_accuracy"], scores["recall"]
    notes = [Finding("baseline", "note",
                     f"accuracy {acc.value:.3f} is {acc.value - acc.baseline:+.3f} above always predicting "
                     f"'{class_names[0] if acc.baseline >= 0.5 else class_names[1]}' ({acc.baseline:.3f}). Report "
                     f"balanced accuracy ({bal.value:.3f}), MCC ({scores['mcc'].value:.3f}) and the recall of "
                     f"'{class_names[1]}' ({rec.value:.3f}) next to it, each with its interval.", "01")]
    if rec.value < 0.6 or scores["precision"].value < 0.6:
        notes.append(Finding("per class", "note",
                             f"the positive class '{class_names[1]}' gets recall {rec.value:.3f} and precision "
                             f"{scores['precision'].value:.3f}: the average hides it. Show the per-class table "
                             "(macro and weighted averages side by side).", "03"))
    notes += _calibration_and_spread_notes(ece, "ECE", bal, n_repeats, splitter_name)
    if cost is not None:
        verdict = ("beats" if cost.cost_chosen < cost.best_trivial_cost else "does not beat")
        notes.append(Finding("cost", "note",
                             f"with a false negative costing {cost.false_negative_cost:g} false positives, threshold "
                             f"0.5 costs {cost.cost_default:.3f} per case and the threshold chosen on validation data "
                             f"(median {np.median(cost.thresholds):.2f}) {cost.cost_chosen:.3f}, which {verdict} the "
                             f"best trivial rule ({cost.best_trivial_cost:.3f}). Choose thresholds on validation "
                             "data, never on the test rows.", "01"))
    return notes


def _calibration_and_spread_notes(ece, ece_name, bal, n_repeats, splitter_name):
    notes = []
    if ece > 0.05:
        notes.append(Finding("calibration", "note",
                             f"{ece_name} {ece:.3f}: the predicted probabilities are off by that much on average; "
                             "calibrate (e.g. CalibratedClassifierCV, temperature scaling) before using them as "
                             "risks.", "02"))
    if n_repeats > 1:
        notes.append(Finding("spread", "note",
                             f"balanced accuracy varies with sd {bal.sd_repeats:.3f} across {n_repeats} repetitions "
                             f"of {splitter_name} and {bal.sd_folds:.3f} across single folds: two models closer "
                             "than that are not shown to differ. Report mean ± sd and the interval.", "05"))
    return notes


def _per_class_table(y, pred, class_names):
    import pandas as pd
    from sklearn.metrics import precision_recall_fscore_support

    labels = list(range(len(class_names)))
    precision, recall, f1, support = precision_recall_fscore_support(y, pred.astype(int), labels=labels,
                                                                     zero_division=0)
    rows = {str(class_names[i]): [precision[i], recall[i], f1[i], int(support[i])] for i in labels}
    rows["macro average"] = [precision.mean(), recall.mean(), f1.mean(), int(support.sum())]
    weights = support / support.sum()
    rows["weighted average"] = [float(precision @ weights), float(recall @ weights), float(f1 @ weights),
                                int(support.sum())]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["precision", "recall", "F1", "support"])
    table["support"] = table["support"].astype(int)
    table.index.name = "class"
    return table


# --- more than two classes -------------------------------------------------------------------------


def _tested(proba):
    """Rows that got an out-of-fold prediction."""
    finite = np.isfinite(proba)
    return finite if finite.ndim == 1 else finite.all(axis=1)


def _class_scores(estimator, X, n_classes):
    """Positive-class probabilities (two classes) or an (n, K) matrix with columns in class-code order."""
    if n_classes == 2:
        return _positive_proba(estimator, X)
    proba = np.asarray(estimator.predict_proba(X), dtype=float)
    classes = [int(c) for c in getattr(estimator, "classes_", range(proba.shape[1]))]
    if proba.ndim != 2 or proba.shape[1] != len(classes):
        raise ValueError(f"predict_proba returned shape {proba.shape}, expected one column per class in classes_ "
                         f"({len(classes)}).")
    scores = np.zeros((len(X), n_classes))
    scores[:, classes] = proba
    return scores


def _predicted_codes(proba):
    """Predicted class codes: probability ≥ 0.5 for two classes, the arg-max for more."""
    return (proba >= 0.5).astype(int) if proba.ndim == 1 else proba.argmax(axis=1)


def _one_vs_rest_table(y, proba, class_names):
    import pandas as pd

    rows = {}
    for code, name in enumerate(class_names):
        positive = (y == code).astype(int)
        auc, ap = _ranking_metrics(positive, proba[:, code], np.ones((1, y.size)))
        rows[str(name)] = [positive.mean(), float(auc[0]), float(ap[0])]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["prevalence", "ROC-AUC", "average precision"])
    table.index.name = "class"
    return table


def _multiclass_recommendations(scores, per_class, ece, class_names, y, n_repeats, splitter_name):
    acc, bal = scores["accuracy"], scores["balanced_accuracy"]
    majority = class_names[int(np.argmax(np.bincount(y, minlength=len(class_names))))]
    notes = [Finding("baseline", "note",
                     f"accuracy {acc.value:.3f} is {acc.value - acc.baseline:+.3f} above always predicting "
                     f"'{majority}' ({acc.baseline:.3f}). Report balanced accuracy ({bal.value:.3f}), MCC "
                     f"({scores['mcc'].value:.3f}) and macro F1 ({scores['f1_macro'].value:.3f}) next to it, each "
                     "with its interval.", "01")]
    classes = per_class.iloc[:len(class_names)]
    worst = classes["recall"].idxmin()
    recall, precision, support = classes.loc[worst, ["recall", "precision", "support"]]
    if recall < 0.6:
        notes.append(Finding("per class", "warning",
                             f"class '{worst}' ({int(support)} cases) gets recall {recall:.3f} and precision "
                             f"{precision:.3f} while accuracy is {acc.value:.3f}: the average hides it. Read the "
                             f"per-class table (macro recall {scores['recall_macro'].value:.3f} against weighted "
                             f"{scores['recall_weighted'].value:.3f}).", "03"))
    else:
        notes.append(Finding("per class", "ok",
                             f"every class has recall ≥ 0.6 in the first repetition; the lowest is '{worst}' "
                             f"({recall:.3f}).", "03"))
    notes += _calibration_and_spread_notes(ece, "top-label ECE", bal, n_repeats, splitter_name)
    return notes
