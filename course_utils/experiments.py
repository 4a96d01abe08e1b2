"""Pure experiment functions: inputs in, numbers out, no display.

Widgets in :mod:`course_utils.widgets` wrap these; tests call them directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import check_fraction, check_positive_int, check_real, check_seed
from .data import make_binormal_scores
from .metrics import confusion_counts

__all__ = ["always_negative_experiment", "PrevalenceResult", "prevalence_experiment",
           "binormal_population_ap"]


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
    """Scores of one fixed-quality classifier at one class ratio."""

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
