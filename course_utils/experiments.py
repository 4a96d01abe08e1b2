"""Pure experiment functions: inputs in, numbers out, no display.

Widgets in :mod:`course_utils.widgets` wrap these; tests call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import as_numeric_1d, check_fraction, check_positive_int, check_real, check_seed
from .data import make_binormal_scores
from .metrics import ConfusionCounts, confusion_counts, evaluate_threshold

__all__ = ["always_negative_experiment", "PrevalenceResult", "prevalence_experiment",
           "binormal_population_ap", "THRESHOLD_GRID", "ThresholdChoice", "threshold_meeting"]

#: The positions of the threshold widget's slider: 0.00, 0.01, ..., 1.00.
THRESHOLD_GRID = tuple(round(0.01 * i, 2) for i in range(101))

_THRESHOLD_RATES = ("accuracy", "precision", "recall", "specificity", "f1", "balanced_accuracy", "mcc")


def always_negative_experiment(prevalence, *, n_samples=1000, seed=0):
    """Score the "always predict negative" classifier on data with a given prevalence.

    Parameters
    ----------
    prevalence : float
        Share of positives, in (0, 1).
    n_samples : int
        Size of the generated label set.
    seed : int
        Seed for shuffling the labels.

    Returns
    -------
    ConfusionCounts
        Its accuracy is ``1 - prevalence``; its recall is always 0.

    Examples
    --------
    >>> always_negative_experiment(0.01).accuracy
    0.99
    """
    prevalence = check_fraction(prevalence, "prevalence")
    n_samples = check_positive_int(n_samples, "n_samples", minimum=2)
    rng = np.random.default_rng(check_seed(seed))
    n_positive = int(np.clip(round(prevalence * n_samples), 1, n_samples - 1))
    y_true = rng.permutation(np.r_[np.ones(n_positive, int), np.zeros(n_samples - n_positive, int)])
    return confusion_counts(y_true, np.zeros(n_samples, int))


@dataclass(frozen=True)
class PrevalenceResult:
    """Scores of one fixed-quality classifier at one class ratio.

    Examples
    --------
    >>> result = prevalence_experiment(10)
    >>> result.y_true.size, round(result.prevalence, 3), round(result.roc_auc, 2)
    (5500, 0.091, 0.75)
    """

    negatives_per_positive: float
    y_true: np.ndarray
    scores: np.ndarray
    roc_auc: float
    average_precision: float

    @property
    def prevalence(self):
        """Share of positives."""
        return float(self.y_true.mean())


def prevalence_experiment(negatives_per_positive, *, n_positive=500, auc=0.75, seed=0):
    """ROC-AUC and average precision of the same classifier at a given class ratio.

    The scores come from the binormal model with a fixed population ROC-AUC,
    so the classifier does not change — only how many negatives it faces.

    Parameters
    ----------
    negatives_per_positive : float
        1 for balanced data, 10 for 1:10, 100 for 1:100 (at least 0.01).
    n_positive : int
        Number of positives; negatives are ``round(n_positive * ratio)``.
    auc : float
        Population ROC-AUC of the classifier.
    seed : int

    Returns
    -------
    PrevalenceResult

    Examples
    --------
    >>> result = prevalence_experiment(10)
    >>> round(result.prevalence, 3)
    0.091
    """
    from sklearn.metrics import average_precision_score, roc_auc_score

    check_real(negatives_per_positive, "negatives_per_positive")
    if negatives_per_positive < 0.01:
        raise ValueError(f"negatives_per_positive must be at least 0.01, got {negatives_per_positive!r}.")
    n_positive = check_positive_int(n_positive, "n_positive")
    n_negative = max(1, int(round(n_positive * negatives_per_positive)))
    y_true, scores = make_binormal_scores(n_positive, n_negative, auc=auc, seed=seed)
    return PrevalenceResult(
        negatives_per_positive=float(negatives_per_positive), y_true=y_true, scores=scores,
        roc_auc=float(roc_auc_score(y_true, scores)),
        average_precision=float(average_precision_score(y_true, scores)))


def binormal_population_ap(negatives_per_positive, *, auc=0.75):
    """Average precision of the binormal classifier on an infinite sample.

    Integrates precision over recall for scores N(d, 1) (positives) and
    N(0, 1) (negatives) with ``d`` set by ``auc`` — the value that
    :func:`prevalence_experiment` estimates from a finite sample.

    Examples
    --------
    >>> round(binormal_population_ap(10), 3)
    0.259
    """
    from scipy.stats import norm

    check_real(negatives_per_positive, "negatives_per_positive")
    if negatives_per_positive <= 0:
        raise ValueError(f"negatives_per_positive must be positive, got {negatives_per_positive!r}.")
    auc = check_fraction(auc, "auc", low=0.5, high=1.0)
    shift = np.sqrt(2.0) * norm.ppf(auc)
    thresholds = np.linspace(-12.0, 12.0 + shift, 200_001)
    recall = norm.sf(thresholds - shift)
    false_positive_rate = norm.sf(thresholds)
    prevalence = 1.0 / (1.0 + negatives_per_positive)
    flagged = prevalence * recall + (1 - prevalence) * false_positive_rate
    precision = np.divide(prevalence * recall, flagged, out=np.ones_like(flagged), where=flagged > 0)
    return float(-np.trapezoid(precision, recall))


@dataclass(frozen=True)
class ThresholdChoice:
    """A threshold and the confusion counts of ``score >= threshold`` there.

    Examples
    --------
    >>> choice = threshold_meeting([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], metric="recall", at_least=1.0,
    ...                            choose="highest")
    >>> choice.threshold, choice.counts.recall, choice.counts.precision
    (0.4, 1.0, 0.6666666666666666)
    """

    threshold: float
    counts: ConfusionCounts


def threshold_meeting(y_true, scores, *, metric, at_least, choose, thresholds=THRESHOLD_GRID):
    """The highest or lowest threshold at which a rate reaches a target.

    Every threshold is scored with :func:`~course_utils.metrics.evaluate_threshold`,
    the experiment behind the threshold widget, so the answer is the slider
    position a learner would find. Two questions, two choices:

    * screening ("find at least 80 % of the positives"): the **highest**
      threshold whose recall is still at least 0.8 — the fewest false alarms
      that meet the target;
    * precision first ("no more false alarms than hits"): the **lowest**
      threshold whose precision is at least 0.5 — the most hits at that purity.

    Parameters
    ----------
    y_true : array-like of 0/1
    scores : array-like of float
        Predicted probabilities (or scores) of class 1.
    metric : str
        A rate of :class:`~course_utils.metrics.ConfusionCounts`: "accuracy",
        "precision", "recall", "specificity", "f1", "balanced_accuracy" or "mcc".
    at_least : float
        The target the rate must reach (thresholds where it is undefined never do).
    choose : {"highest", "lowest"}
        Which of the thresholds that reach the target to return.
    thresholds : sequence of float
        Candidates; the default is the widget's slider, 0.00 to 1.00 in steps of 0.01.

    Returns
    -------
    ThresholdChoice or None
        None when no candidate reaches the target.

    Examples
    --------
    >>> choice = threshold_meeting([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], metric="recall",
    ...                            at_least=1.0, choose="highest")
    >>> choice.threshold, choice.counts.fp
    (0.4, 1)
    """
    if metric not in _THRESHOLD_RATES:
        raise ValueError(f"metric must be one of {list(_THRESHOLD_RATES)}, got {metric!r}.")
    at_least = check_fraction(at_least, "at_least", low=-1.0, high=1.0, inclusive=(True, True))
    if choose not in ("highest", "lowest"):
        raise ValueError(f'choose must be "highest" or "lowest", got {choose!r}.')
    thresholds = as_numeric_1d(thresholds, "thresholds")
    candidates = sorted(thresholds.tolist(), reverse=choose == "highest")
    for threshold in candidates:
        counts = evaluate_threshold(y_true, scores, threshold=threshold)  # validates y_true and scores
        if getattr(counts, metric) >= at_least:  # an undefined (NaN) rate never qualifies
            return ThresholdChoice(float(threshold), counts)
    return None
