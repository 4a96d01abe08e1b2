"""Statistics on scores and predictions: how uncertain is a number, and is a difference real?

Pure numbers — NumPy and SciPy only, no training, no drawing. Each function is
the course's own, readable version of a standard procedure, and the tests
check it against the library that does the same (SciPy's ``binomtest``,
``bootstrap``, ``permutation_test``, ``chisquare`` and ``ttest_rel``):

* spread of repeated runs: :func:`sample_sd`, :func:`spread`;
* one accuracy on ``n`` test samples: :func:`binomial_se`,
  :func:`binomial_interval` (Wilson or exact, never the Wald ``p ± z·SE``);
* resampling the test set: :func:`bootstrap_metric`, :func:`bootstrap_accuracy`;
* is anything learnt at all: :func:`permutation_test`;
* two models on one test set: :func:`mcnemar_test`;
* two models over paired runs: :func:`paired_difference` (plain or
  Nadeau–Bengio corrected resampled t-test);
* "best of N seeds" optimism: :func:`best_of_n`, :func:`expected_best_of_n`;
* calibration: :func:`reliability_curve`, :func:`top_label_reliability` and
  :func:`expected_calibration_error` (checked against scikit-learn's
  ``calibration_curve``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ._validation import (
    as_1d_array,
    as_binary_labels,
    as_labels,
    as_numeric_1d,
    as_probabilities,
    check_fraction,
    check_positive_int,
    check_real,
    check_same_length,
    check_seed,
)

__all__ = [
    "ReliabilityCurve",
    "reliability_curve",
    "top_label_reliability",
    "expected_calibration_error",
    "sample_sd",
    "spread",
    "binomial_se",
    "binomial_interval",
    "BootstrapInterval",
    "bootstrap_metric",
    "bootstrap_accuracy",
    "PermutationResult",
    "permutation_test",
    "McNemarResult",
    "mcnemar_test",
    "PairedDifference",
    "paired_difference",
    "best_of_n",
    "expected_best_of_n",
]

#: Resampled rows are built in chunks of at most this many values (≈ 32 MB of int32 indices).
_CHUNK_VALUES = 8_000_000


def sample_sd(values, *, name="values"):
    """Sample standard deviation (``ddof=1``) of some scores; 0.0 for a single score.

    Parameters
    ----------
    values : array-like of float, at least one value
    name : str
        How error messages call ``values``.

    Returns
    -------
    float

    Examples
    --------
    >>> round(sample_sd([0.90, 0.92, 0.94]), 3), sample_sd([0.9])
    (0.02, 0.0)
    """
    values = as_numeric_1d(values, name)
    return float(values.std(ddof=1)) if values.size > 1 else 0.0


def spread(values, *, decimals=None):
    """Mean, standard deviation (ddof=1), min, max and range of some scores.

    Parameters
    ----------
    values : array-like of float
        E.g. one test accuracy per run.
    decimals : int, optional
        Round every entry to this many decimals.

    Returns
    -------
    dict with keys ``"mean", "sd", "min", "max", "range"``

    Examples
    --------
    >>> spread([0.90, 0.92, 0.94], decimals=3)
    {'mean': 0.92, 'sd': 0.02, 'min': 0.9, 'max': 0.94, 'range': 0.04}
    """
    values = as_numeric_1d(values, "values")
    summary = {"mean": float(values.mean()), "sd": sample_sd(values), "min": float(values.min()),
               "max": float(values.max()), "range": float(values.max() - values.min())}
    if decimals is not None:
        decimals = check_positive_int(decimals, "decimals", minimum=0)
        summary = {key: round(value, decimals) for key, value in summary.items()}
    return summary


def binomial_se(accuracy, n_test):
    """Standard error of an accuracy measured on ``n_test`` independent samples.

    Each test sample is a trial the model passes with probability
    ``accuracy``, so the count of right answers is binomial and the accuracy's
    standard error is ``sqrt(p (1 - p) / n)``.

    Parameters
    ----------
    accuracy : float in [0, 1]
    n_test : int
        Number of test samples.

    Returns
    -------
    float

    Examples
    --------
    >>> round(binomial_se(0.9, 900), 3)
    0.01
    """
    accuracy = check_fraction(accuracy, "accuracy", inclusive=(True, True))
    n_test = check_positive_int(n_test, "n_test")
    return math.sqrt(accuracy * (1.0 - accuracy) / n_test)


_INTERVAL_METHODS = ("wilson", "exact", "wilsoncc")


def binomial_interval(n_correct, n_test, *, confidence=0.95, method="wilson"):
    """Confidence interval of an accuracy from its count of right answers.

    Uses SciPy's ``binomtest(n_correct, n_test).proportion_ci``. Wilson's
    interval (default) and the exact Clopper–Pearson interval keep close to
    their nominal coverage even near 0 and 1, where the textbook
    ``p ± 1.96·SE`` (Wald) interval is too narrow — at ``p = 1`` it has width 0.

    Parameters
    ----------
    n_correct : int
        Test samples the model gets right (``accuracy * n_test``).
    n_test : int
    confidence : float in (0, 1)
    method : {"wilson", "exact", "wilsoncc"}
        ``"exact"`` is Clopper–Pearson; ``"wilsoncc"`` is Wilson with continuity correction.

    Returns
    -------
    (low, high) : tuple of float

    Examples
    --------
    >>> low, high = binomial_interval(810, 900)        # accuracy 0.9
    >>> round(low, 3), round(high, 3)
    (0.879, 0.918)
    >>> binomial_interval(10, 10, method="exact")[1]  # 10 of 10 right: still an interval
    1.0
    """
    from scipy.stats import binomtest

    n_test = check_positive_int(n_test, "n_test")
    n_correct = check_positive_int(n_correct, "n_correct", minimum=0)
    if n_correct > n_test:
        raise ValueError(f"n_correct must be at most n_test={n_test}, got {n_correct}.")
    confidence = check_fraction(confidence, "confidence")
    if method not in _INTERVAL_METHODS:
        raise ValueError(f"method must be one of {_INTERVAL_METHODS}, got {method!r}.")
    interval = binomtest(n_correct, n_test).proportion_ci(confidence_level=confidence, method=method)
    return float(interval.low), float(interval.high)


@dataclass(frozen=True)
class BootstrapInterval:
    """A bootstrap percentile interval of a metric on one test set.

    Attributes
    ----------
    estimate : float
        The metric on the whole test set.
    low, high : float
        Percentile interval of the resampled values.
    se : float
        Standard deviation (ddof=1) of the resampled values: the bootstrap SE.
    confidence : float
    resampled : ndarray of shape (n_resamples,)
        The metric on each resampled test set.

    Examples
    --------
    >>> result = bootstrap_accuracy([1, 0, 1, 1] * 50, [1, 0, 0, 1] * 50)
    >>> result.estimate, round(result.low, 2), round(result.high, 2), result.resampled.shape
    (0.75, 0.69, 0.81, (2000,))
    """

    estimate: float
    low: float
    high: float
    se: float
    confidence: float
    resampled: np.ndarray = field(repr=False)


def _resample_indices(rng, n, n_resamples):
    """Yield blocks of bootstrap row indices, shape (rows, n), n_resamples rows in all.

    Drawn as ``rng.integers(0, n, (rows, n))``, the same stream as one call
    ``rng.integers(0, n, (n_resamples, n))`` (and as SciPy's ``bootstrap``).
    """
    rows = max(1, _CHUNK_VALUES // n)
    for start in range(0, n_resamples, rows):
        yield rng.integers(0, n, size=(min(rows, n_resamples - start), n), dtype=np.int32)


def bootstrap_metric(metric, y_true, y_pred, *, n_resamples=2000, confidence=0.95, seed=0,
                     vectorized=False):
    """Resample the test set with replacement and recompute a metric each time.

    The spread of the resampled values estimates how much the metric would
    move on another test set of the same size from the same source. It works
    for any metric (F1, ROC-AUC, …), where no simple formula exists. The
    resamples are exactly those of ``scipy.stats.bootstrap(..., paired=True,
    method="percentile", rng=np.random.default_rng(seed))``.

    Parameters
    ----------
    metric : callable
        ``metric(y_true, y_pred) -> float``, e.g. ``sklearn.metrics.f1_score``.
        With ``vectorized=True`` it receives 2-D arrays of shape
        ``(resamples, n)`` and must return one value per row — no Python
        loop over resamples then.
    y_true, y_pred : array-like, same length
        Labels, and predicted labels or scores (whatever ``metric`` takes).
    n_resamples : int (≥ 10)
    confidence : float in (0, 1)
    seed : int
    vectorized : bool

    Returns
    -------
    BootstrapInterval

    Examples
    --------
    >>> import numpy as np
    >>> def accuracy(t, p):
    ...     return np.mean(t == p, axis=-1)
    >>> result = bootstrap_metric(accuracy, [1, 0, 1, 1] * 50, [1, 0, 0, 1] * 50, vectorized=True)
    >>> result.estimate, result.low < 0.75 < result.high
    (0.75, True)
    """
    if not callable(metric):
        raise TypeError(f"metric must be a function metric(y_true, y_pred), got {type(metric).__name__}.")
    y_true = as_1d_array(y_true, "y_true")
    y_pred = as_1d_array(y_pred, "y_pred")
    check_same_length(y_true=y_true, y_pred=y_pred)
    n_resamples = check_positive_int(n_resamples, "n_resamples", minimum=10)
    confidence = check_fraction(confidence, "confidence")
    rng = np.random.default_rng(check_seed(seed))
    estimate = float(metric(y_true, y_pred))
    blocks = []
    for index in _resample_indices(rng, y_true.size, n_resamples):
        if vectorized:
            values = np.asarray(metric(y_true[index], y_pred[index]), dtype=float)
            if values.shape != (index.shape[0],):
                raise ValueError(f"metric with vectorized=True must return one value per row: expected shape "
                                 f"({index.shape[0]},), got {values.shape}.")
        else:
            try:
                values = np.array([metric(y_true[row], y_pred[row]) for row in index], dtype=float)
            except ValueError as error:
                raise ValueError(f"metric failed on a bootstrap resample of the test set: {error}") from None
        blocks.append(values)
    resampled = np.concatenate(blocks)
    undefined = int(np.sum(~np.isfinite(resampled)))
    if undefined:
        raise ValueError(f"metric is undefined (NaN or infinite) on {undefined} of {n_resamples} bootstrap "
                         "resamples of the test set, e.g. one that lacks a class; it needs a larger test set.")
    low, high = np.quantile(resampled, [(1 - confidence) / 2, (1 + confidence) / 2])
    return BootstrapInterval(estimate=estimate, low=float(low), high=float(high), se=sample_sd(resampled),
                             confidence=confidence, resampled=resampled)


def _mean_equal(a, b):
    return np.mean(a == b, axis=-1)


def bootstrap_accuracy(y_true, y_pred, *, n_resamples=2000, confidence=0.95, seed=0):
    """Bootstrap percentile interval of a test accuracy (vectorised :func:`bootstrap_metric`).

    For a plain accuracy the bootstrap SE agrees with :func:`binomial_se`.

    Parameters
    ----------
    y_true, y_pred : array-like of labels, same length
    n_resamples : int (≥ 10)
    confidence : float in (0, 1)
    seed : int

    Returns
    -------
    BootstrapInterval

    Examples
    --------
    >>> result = bootstrap_accuracy([1, 0, 1, 1] * 50, [1, 0, 0, 1] * 50)
    >>> result.estimate, round(result.se, 2)
    (0.75, 0.03)
    """
    y_true = as_labels(y_true, "y_true")
    y_pred = as_labels(y_pred, "y_pred")
    return bootstrap_metric(_mean_equal, y_true, y_pred, n_resamples=n_resamples, confidence=confidence,
                            seed=seed, vectorized=True)


@dataclass(frozen=True)
class PermutationResult:
    """Observed accuracy, the accuracies under shuffled labels, and the p-value.

    Attributes
    ----------
    accuracy : float
    null_accuracies : ndarray of shape (n_permutations,)
        Accuracy of the same predictions against each shuffled copy of the labels.
    p_value : float
        ``(1 + #{null ≥ observed}) / (n_permutations + 1)``, one-sided.

    Examples
    --------
    >>> y = [0] * 50 + [1] * 50
    >>> result = permutation_test(y, [0] * 45 + [1] * 50 + [0] * 5, n_permutations=200)
    >>> result.accuracy, round(float(result.null_accuracies.mean()), 2), result.learned_something
    (0.9, 0.5, True)
    """

    accuracy: float
    null_accuracies: np.ndarray = field(repr=False)
    p_value: float

    @property
    def learned_something(self):
        """True when p < 0.05: the accuracy is unlikely if labels and predictions were unrelated.

        False does *not* show that nothing was learnt — only that this test
        set could not tell.
        """
        return self.p_value < 0.05


def permutation_test(y_true, y_pred, *, n_permutations=1000, seed=0):
    """Would this accuracy be surprising if the predictions had nothing to do with the labels?

    Shuffles the true labels ``n_permutations`` times and counts how often the
    same predictions score at least as well. No retraining is needed: it
    tests the predictions you already have. A model that always predicts one
    class gets p = 1 whatever its accuracy: shuffling the labels cannot change
    its score. The shuffles are those of ``scipy.stats.permutation_test(...,
    permutation_type="pairings", rng=np.random.default_rng(seed))``, drawn all
    at once (no loop over permutations).

    Parameters
    ----------
    y_true, y_pred : array-like of labels, same length
    n_permutations : int (≥ 10)
    seed : int

    Returns
    -------
    PermutationResult

    Examples
    --------
    >>> result = permutation_test([0] * 90 + [1] * 10, [0] * 100)
    >>> result.accuracy, result.p_value
    (0.9, 1.0)
    """
    y_true = as_labels(y_true, "y_true", allow_empty=True)
    if y_true.size == 0:
        raise ValueError("y_true must be a non-empty 1-D array of labels, got an empty one.")
    y_pred = as_labels(y_pred, "y_pred")
    check_same_length(y_true=y_true, y_pred=y_pred)
    n_permutations = check_positive_int(n_permutations, "n_permutations", minimum=10)
    rng = np.random.default_rng(check_seed(seed))
    n = y_true.size
    rows = max(1, _CHUNK_VALUES // n)
    null_counts = np.concatenate([
        (rng.permuted(np.broadcast_to(y_true, (min(rows, n_permutations - start), n)), axis=1) == y_pred).sum(axis=1)
        for start in range(0, n_permutations, rows)])
    observed = int(np.sum(y_true == y_pred))
    p_value = (1 + int(np.sum(null_counts >= observed))) / (n_permutations + 1)
    return PermutationResult(accuracy=observed / n, null_accuracies=null_counts / n, p_value=p_value)


@dataclass(frozen=True)
class McNemarResult:
    """McNemar's test of two models on the same test samples.

    Attributes
    ----------
    only_a_right : int
        Samples model A gets right and model B gets wrong (often called b).
    only_b_right : int
        Samples model B gets right and model A gets wrong (c).
    statistic : float
        ``min(b, c)`` for the exact test; the chi-square statistic otherwise.
    p_value : float
        Two-sided.
    method : str
        ``"exact"``, ``"chi-square"`` or ``"chi-square, no correction"``.

    Examples
    --------
    >>> result = mcnemar_test([1] * 30, [1] * 20 + [0] * 10, [1] * 12 + [0] * 8 + [1] * 2 + [0] * 8)
    >>> result.discordant, result.method, round(result.p_value, 3)
    (10, 'exact', 0.109)
    """

    only_a_right: int
    only_b_right: int
    statistic: float
    p_value: float
    method: str

    @property
    def discordant(self):
        """Number of samples on which exactly one of the models is right."""
        return self.only_a_right + self.only_b_right


def mcnemar_test(y_true, pred_a, pred_b, *, exact=True, correction=True):
    """McNemar's test: do two models' error rates differ on one shared test set?

    Only the samples where the models *disagree* about being right carry
    information. Under "no difference", each of those is equally likely to
    favour A or B, so ``b`` (only A right) is Binomial(b + c, ½).

    Parameters
    ----------
    y_true, pred_a, pred_b : array-like of labels, same length
    exact : bool
        True (default): exact two-sided binomial p-value,
        ``min(1, 2 · P(X ≤ min(b, c)))``. False: the chi-square approximation
        on 1 degree of freedom.
    correction : bool
        With ``exact=False``: continuity correction, ``(|b − c| − 1)² / (b + c)``
        (default), or none, ``(b − c)² / (b + c)``.

    Returns
    -------
    McNemarResult

    Examples
    --------
    >>> y = [1] * 30
    >>> a = [1] * 20 + [0] * 10
    >>> b = [1] * 12 + [0] * 8 + [1] * 2 + [0] * 8
    >>> result = mcnemar_test(y, a, b)
    >>> result.only_a_right, result.only_b_right, round(result.p_value, 3)
    (8, 2, 0.109)
    """
    from scipy.stats import binom, chi2

    y_true = as_labels(y_true, "y_true")
    pred_a = as_labels(pred_a, "pred_a")
    pred_b = as_labels(pred_b, "pred_b")
    check_same_length(y_true=y_true, pred_a=pred_a, pred_b=pred_b)
    right_a, right_b = y_true == pred_a, y_true == pred_b
    b = int(np.sum(right_a & ~right_b))
    c = int(np.sum(~right_a & right_b))
    method = "exact" if exact else ("chi-square" if correction else "chi-square, no correction")
    if b + c == 0:
        return McNemarResult(b, c, 0.0, 1.0, method)
    if exact:
        p_value = min(1.0, 2.0 * float(binom.cdf(min(b, c), b + c, 0.5)))
        return McNemarResult(b, c, float(min(b, c)), p_value, method)
    excess = max(abs(b - c) - (1 if correction else 0), 0)
    statistic = excess ** 2 / (b + c)
    return McNemarResult(b, c, float(statistic), float(chi2.sf(statistic, 1)), method)


@dataclass(frozen=True)
class PairedDifference:
    """Summary of ``scores_b − scores_a`` over paired runs (same seeds, splits or folds).

    Attributes
    ----------
    differences : ndarray
    mean, sd : float
        Mean and standard deviation (ddof=1) of the differences.
    se : float
        Standard error of the mean difference: ``sd · sqrt(1/J)``, or with the
        Nadeau–Bengio correction ``sd · sqrt(1/J + n_test/n_train)``.
    t : float
    p_value : float
        Two-sided, t distribution with J − 1 degrees of freedom.
    b_wins : int
        Runs in which B scores higher than A.
    corrected : bool
        Whether the Nadeau–Bengio correction was applied.

    Examples
    --------
    >>> result = paired_difference([0.80, 0.82, 0.81, 0.79], [0.81, 0.83, 0.83, 0.80])
    >>> result.n, result.b_wins, round(result.t, 2), result.corrected
    (4, 4, 5.0, False)
    """

    differences: np.ndarray = field(repr=False)
    mean: float
    sd: float
    se: float
    t: float
    p_value: float
    b_wins: int
    corrected: bool

    @property
    def n(self):
        """Number of paired runs, J."""
        return int(self.differences.size)


def paired_difference(scores_a, scores_b, *, test_train_ratio=None):
    """Paired t-test of two models scored on the same J runs, optionally Nadeau–Bengio corrected.

    Pairing removes what the two models share — the same test set, the same
    split — so the difference is measured far more precisely than either
    score. Without ``test_train_ratio`` this is the ordinary paired t-test
    (``scipy.stats.ttest_rel(scores_b, scores_a)``): the variance of the mean
    difference is ``sd² / J``, which assumes the J runs are independent.

    Runs that resample one data set are not independent: their training sets
    overlap, so their differences are correlated and ``sd² / J`` is too small.
    Nadeau & Bengio (2003) replace the factor ``1/J`` by
    ``1/J + n_test/n_train`` (the *corrected resampled t-test*). That factor
    does not shrink as runs are added, so more runs of the same data cannot
    make the test arbitrarily confident. It is a heuristic — derived for a
    simplified correlation model — and is known to be conservative.

    Parameters
    ----------
    scores_a, scores_b : array-like of float, same length (≥ 2)
    test_train_ratio : float > 0, optional
        ``n_test / n_train`` of each run; applies the correction.

    Returns
    -------
    PairedDifference

    Examples
    --------
    >>> a, b = [0.80, 0.82, 0.81, 0.79], [0.81, 0.83, 0.83, 0.80]
    >>> plain, corrected = paired_difference(a, b), paired_difference(a, b, test_train_ratio=1.0)
    >>> round(plain.mean, 4), plain.b_wins, round(plain.p_value, 3), round(corrected.p_value, 3)
    (0.0125, 4, 0.015, 0.111)
    """
    from scipy.stats import t as student_t

    a = as_numeric_1d(scores_a, "scores_a")
    b = as_numeric_1d(scores_b, "scores_b")
    check_same_length(scores_a=a, scores_b=b)
    if a.size < 2:
        raise ValueError("scores_a and scores_b need at least 2 paired runs.")
    factor = 1.0 / a.size
    if test_train_ratio is not None:
        check_real(test_train_ratio, "test_train_ratio")
        if test_train_ratio <= 0:
            raise ValueError(f"test_train_ratio must be positive (n_test / n_train), got {test_train_ratio}.")
        factor += float(test_train_ratio)
    differences = b - a
    mean, sd = float(differences.mean()), sample_sd(differences)
    se = sd * math.sqrt(factor)
    if se == 0:
        t, p_value = (0.0, 1.0) if mean == 0 else (math.copysign(math.inf, mean), 0.0)
    else:
        t = mean / se
        p_value = float(2 * student_t.sf(abs(t), differences.size - 1))
    return PairedDifference(differences=differences, mean=mean, sd=sd, se=se, t=float(t), p_value=p_value,
                            b_wins=int(np.sum(differences > 0)), corrected=test_train_ratio is not None)


def best_of_n(scores, n, *, n_draws=10_000, seed=0):
    """Distribution of the best score among ``n`` runs picked at random from ``scores``.

    Each draw picks ``n`` of the given runs at random (with replacement, as if
    new seeds were tried) and keeps the highest — what a "best of n seeds"
    report would show. Resampling can never exceed ``max(scores)``, so for
    ``n`` near or above ``len(scores)`` it *understates* how lucky the best
    of ``n`` fresh seeds would get.

    Parameters
    ----------
    scores : array-like of float
        Scores of runs that differ only by seed.
    n : int
    n_draws : int
    seed : int

    Returns
    -------
    ndarray of shape (n_draws,)

    Examples
    --------
    >>> draws = best_of_n([0.90, 0.91, 0.92, 0.93], 1)
    >>> round(float(draws.mean()), 2)
    0.92
    """
    scores = as_numeric_1d(scores, "scores")
    n = check_positive_int(n, "n")
    n_draws = check_positive_int(n_draws, "n_draws")
    rng = np.random.default_rng(check_seed(seed))
    picks = rng.integers(0, scores.size, size=(n_draws, n))
    return scores[picks].max(axis=1)


def expected_best_of_n(scores, n):
    """Exact mean of :func:`best_of_n`'s distribution (no sampling).

    With the ``m`` runs sorted, the best of ``n`` draws is at most the k-th
    smallest with probability ``(k / m)^n``.

    Parameters
    ----------
    scores : array-like of float
    n : int

    Returns
    -------
    float

    Examples
    --------
    >>> expected_best_of_n([0.0, 1.0], 2)
    0.75
    """
    values = np.sort(as_numeric_1d(scores, "scores"))
    n = check_positive_int(n, "n")
    m = values.size
    k = np.arange(1, m + 1)
    weights = (k / m) ** n - ((k - 1) / m) ** n
    return float(np.sum(weights * values))


# --- calibration: reliability curves and the expected calibration error ----------------------------------


@dataclass(frozen=True)
class ReliabilityCurve:
    """Per-bin confidence and accuracy of the predicted class (empty bins dropped).

    Examples
    --------
    >>> curve = reliability_curve([1, 1, 0, 0], [0.9, 0.9, 0.1, 0.6], n_bins=5)
    >>> curve.confidence.round(2).tolist(), curve.accuracy.tolist(), round(curve.ece, 3)
    ([0.6, 0.9], [0.0, 1.0], 0.225)
    """

    bin_edges: np.ndarray
    confidence: np.ndarray
    accuracy: np.ndarray
    counts: np.ndarray

    @property
    def ece(self):
        """Expected calibration error: count-weighted mean |accuracy − confidence|."""
        return float(np.sum(self.counts * np.abs(self.accuracy - self.confidence)) / self.counts.sum())


def reliability_curve(y_true, p, *, n_bins=10):
    """Bin predictions by their confidence in the predicted class, as Guo et al. (2017) do.

    For a binary prediction the predicted class is 1 when p ≥ 0.5 and its
    confidence is ``max(p, 1 − p)``, in [0.5, 1]; the bins split that range
    into ``n_bins`` equal widths.

    Returns
    -------
    ReliabilityCurve

    Examples
    --------
    >>> curve = reliability_curve([1, 1, 0, 0], [0.9, 0.9, 0.1, 0.6], n_bins=5)
    >>> curve.counts.tolist()
    [1, 3]
    """
    y_true = as_binary_labels(y_true, "y_true")
    p = as_probabilities(p, "p")
    check_same_length(y_true=y_true, p=p)
    n_bins = check_positive_int(n_bins, "n_bins")
    predicted = (p >= 0.5).astype(int)
    confidence = np.where(predicted == 1, p, 1 - p)
    correct = (predicted == y_true).astype(float)
    return _binned_reliability(confidence, correct, np.linspace(0.5, 1.0, n_bins + 1))


def top_label_reliability(y_true, proba, *, n_bins=10):
    """:func:`reliability_curve` for K classes: the confidence is the probability of the arg-max class.

    That confidence lies in [1/K, 1]; the bins split that range into
    ``n_bins`` equal widths (for K = 2 this is :func:`reliability_curve`).
    The curve's ``ece`` is the *top-label* ECE.

    Parameters
    ----------
    y_true : (n,) class codes 0 … K − 1 (column positions in ``proba``)
    proba : (n, K) class probabilities

    Examples
    --------
    >>> proba = np.array([[0.8, 0.1, 0.1], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [0.1, 0.7, 0.2]])
    >>> curve = top_label_reliability([0, 1, 2, 1], proba, n_bins=2)
    >>> curve.counts.tolist(), curve.accuracy.tolist(), round(curve.ece, 3)
    ([2, 2], [0.5, 1.0], 0.15)
    """
    proba = np.asarray(proba, dtype=float)
    if proba.ndim != 2 or proba.shape[1] < 2 or not np.all((proba >= 0) & (proba <= 1)):
        raise ValueError(f"proba must be an (n, K) array of probabilities with K ≥ 2, got shape {proba.shape}.")
    y_true = np.asarray(y_true)
    if y_true.shape != (proba.shape[0],) or not np.all(np.isin(y_true, np.arange(proba.shape[1]))):
        raise ValueError(f"y_true must hold one class code 0 … {proba.shape[1] - 1} per row of proba "
                         f"({proba.shape[0]}).")
    n_bins = check_positive_int(n_bins, "n_bins")
    predicted = proba.argmax(axis=1)
    confidence = proba[np.arange(proba.shape[0]), predicted]
    correct = (predicted == y_true).astype(float)
    return _binned_reliability(confidence, correct, np.linspace(1 / proba.shape[1], 1.0, n_bins + 1))


def _binned_reliability(confidence, correct, edges):
    n_bins = edges.size - 1
    index = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, n_bins - 1)
    counts = np.bincount(index, minlength=n_bins)
    keep = counts > 0
    mean_confidence = np.bincount(index, weights=confidence, minlength=n_bins)[keep] / counts[keep]
    mean_accuracy = np.bincount(index, weights=correct, minlength=n_bins)[keep] / counts[keep]
    return ReliabilityCurve(edges, mean_confidence, mean_accuracy, counts[keep])


def expected_calibration_error(y_true, p, *, n_bins=10):
    """ECE: how far confidence is from accuracy, averaged over bins weighted by their size.

    0 for a perfectly calibrated model; a model that says "90 % sure" and is
    right 75 % of the time contributes 0.15 for those predictions.

    Examples
    --------
    >>> round(expected_calibration_error([1, 1, 0, 0], [0.9, 0.9, 0.1, 0.6], n_bins=5), 3)
    0.225
    """
    return reliability_curve(y_true, p, n_bins=n_bins).ece
