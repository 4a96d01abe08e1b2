"""How much does a test accuracy move, and is a difference real? (notebook 05)

Two kinds of helpers:

* statistics on predictions that need no training — the binomial standard
  error of an accuracy, a bootstrap interval, McNemar's test on two models'
  paired predictions, a paired-difference summary over seeds or folds, and
  the "best of N seeds" experiment;
* experiments that train many small MLPs with the batched engine
  (:func:`course_utils.ensemble.train_mlp_ensemble`): separating the sources
  of run-to-run variation, and :class:`SeedSpreadLab`, the experiment behind
  the notebook's widget.

Importing this module does not import TensorFlow; training does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ._validation import (
    as_labels,
    as_numeric_1d,
    check_fraction,
    check_positive_int,
    check_real,
    check_same_length,
    check_seed,
)

__all__ = [
    "binomial_se",
    "binomial_interval",
    "BootstrapInterval",
    "bootstrap_accuracy",
    "McNemarResult",
    "mcnemar_test",
    "PairedDifference",
    "paired_difference",
    "best_of_n",
    "expected_best_of_n",
    "spread",
    "per_member_splits",
    "SOURCE_CONDITIONS",
    "SourceSeparation",
    "source_separation_experiment",
    "SeedSpreadResult",
    "SeedSpreadLab",
]


def _check_accuracy(accuracy, name="accuracy"):
    return check_fraction(accuracy, name, inclusive=(True, True))


def binomial_se(accuracy, n_test):
    """Standard error of an accuracy measured on ``n_test`` independent samples.

    Each test sample is a coin flip that the model gets right with probability
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
    accuracy = _check_accuracy(accuracy)
    n_test = check_positive_int(n_test, "n_test")
    return math.sqrt(accuracy * (1.0 - accuracy) / n_test)


def binomial_interval(accuracy, n_test, *, confidence=0.95):
    """Normal-approximation interval ``accuracy ± z · binomial_se``, clipped to [0, 1].

    Examples
    --------
    >>> low, high = binomial_interval(0.9, 900)
    >>> round(low, 3), round(high, 3)
    (0.88, 0.92)
    """
    from scipy.stats import norm

    confidence = check_fraction(confidence, "confidence")
    z = float(norm.ppf(0.5 + confidence / 2))
    half = z * binomial_se(accuracy, n_test)
    return max(0.0, accuracy - half), min(1.0, accuracy + half)


@dataclass(frozen=True)
class BootstrapInterval:
    """A bootstrap percentile interval of one model's test accuracy.

    Attributes
    ----------
    accuracy : float
        The accuracy on the whole test set.
    low, high : float
        Percentile interval of the resampled accuracies.
    se : float
        Standard deviation of the resampled accuracies (the bootstrap SE).
    resampled : ndarray
        Accuracy on each resampled test set.
    """

    accuracy: float
    low: float
    high: float
    se: float
    resampled: np.ndarray = field(repr=False)


def _correct(y_true, y_pred, name_true="y_true", name_pred="y_pred"):
    y_true = as_labels(y_true, name_true)
    y_pred = as_labels(y_pred, name_pred)
    check_same_length(**{name_true: y_true, name_pred: y_pred})
    return y_true == y_pred


def bootstrap_accuracy(y_true, y_pred, *, n_resamples=2000, confidence=0.95, seed=0):
    """Resample the test set with replacement and recompute the accuracy.

    The spread of the resampled accuracies estimates how much the accuracy
    would move on another test set of the same size from the same source —
    for a plain accuracy it agrees with :func:`binomial_se`.

    Parameters
    ----------
    y_true, y_pred : array-like of labels
    n_resamples : int
    confidence : float in (0, 1)
    seed : int

    Returns
    -------
    BootstrapInterval

    Examples
    --------
    >>> result = bootstrap_accuracy([1, 0, 1, 1] * 50, [1, 0, 0, 1] * 50)
    >>> result.accuracy, result.low < 0.75 < result.high
    (0.75, True)
    """
    correct = _correct(y_true, y_pred)
    n_resamples = check_positive_int(n_resamples, "n_resamples", minimum=10)
    confidence = check_fraction(confidence, "confidence")
    rng = np.random.default_rng(check_seed(seed))
    n = correct.size
    resampled = np.array([correct[rng.integers(0, n, n)].mean() for _ in range(n_resamples)])
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(resampled, [tail, 100 - tail])
    return BootstrapInterval(accuracy=float(correct.mean()), low=float(low), high=float(high),
                             se=float(np.std(resampled, ddof=1)), resampled=resampled)


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
        ``min(b, c)`` for the exact test; the continuity-corrected chi-square
        ``(|b - c| - 1)² / (b + c)`` otherwise.
    p_value : float
        Two-sided.
    method : str
        ``"exact"`` or ``"chi-square"``.
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


def mcnemar_test(y_true, pred_a, pred_b, *, exact=True):
    """McNemar's test: do two models' error rates differ on one shared test set?

    Only the samples where the models *disagree* about being right carry
    information. Under "no difference", each of those is equally likely to
    favour A or B, so ``b`` (only A right) is Binomial(b + c, 1/2).

    Parameters
    ----------
    y_true, pred_a, pred_b : array-like of labels, same length
    exact : bool
        True (default): exact two-sided binomial p-value,
        ``min(1, 2 · P(X ≤ min(b, c)))``. False: chi-square with continuity
        correction, ``(|b − c| − 1)² / (b + c)`` on 1 degree of freedom.

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

    right_a = _correct(y_true, pred_a, "y_true", "pred_a")
    right_b = _correct(y_true, pred_b, "y_true", "pred_b")
    check_same_length(pred_a=right_a, pred_b=right_b)
    b = int(np.sum(right_a & ~right_b))
    c = int(np.sum(~right_a & right_b))
    if b + c == 0:
        return McNemarResult(b, c, 0.0, 1.0, "exact" if exact else "chi-square")
    if exact:
        p_value = min(1.0, 2.0 * float(binom.cdf(min(b, c), b + c, 0.5)))
        return McNemarResult(b, c, float(min(b, c)), p_value, "exact")
    statistic = (abs(b - c) - 1) ** 2 / (b + c) if abs(b - c) >= 1 else 0.0
    return McNemarResult(b, c, float(statistic), float(chi2.sf(statistic, 1)), "chi-square")


@dataclass(frozen=True)
class PairedDifference:
    """Summary of ``scores_b − scores_a`` over paired runs (same seeds, splits or folds).

    Attributes
    ----------
    differences : ndarray
    mean, sd : float
        Mean and standard deviation (ddof=1) of the differences.
    se : float
        Standard error of the mean difference (corrected if asked).
    t : float
    p_value : float
        Two-sided, t distribution with n − 1 degrees of freedom.
    b_wins : int
        Runs in which B scores higher than A.
    corrected : bool
        Whether the Nadeau–Bengio correction for overlapping training sets was applied.
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
        return int(self.differences.size)


def paired_difference(scores_a, scores_b, *, test_train_ratio=None):
    """Paired comparison of two models scored on the same runs.

    Pairing removes what the two models share — the same test set, the same
    split — so the difference is measured far more precisely than either
    score. With ``test_train_ratio`` (``n_test / n_train`` of each run) the
    variance is inflated by ``1/n + n_test/n_train`` instead of ``1/n``
    (Nadeau & Bengio 2003): runs that reuse the same data are not independent,
    and the plain paired t-test is then too confident.

    Parameters
    ----------
    scores_a, scores_b : array-like of float, same length (≥ 2)
    test_train_ratio : float, optional

    Returns
    -------
    PairedDifference

    Examples
    --------
    >>> result = paired_difference([0.80, 0.82, 0.81, 0.79], [0.81, 0.83, 0.83, 0.80])
    >>> round(result.mean, 4), result.b_wins
    (0.0125, 4)
    """
    from scipy.stats import t as student_t

    a = as_numeric_1d(scores_a, "scores_a")
    b = as_numeric_1d(scores_b, "scores_b")
    check_same_length(scores_a=a, scores_b=b)
    if a.size < 2:
        raise ValueError("scores_a and scores_b need at least 2 paired runs.")
    differences = b - a
    n = differences.size
    mean, sd = float(differences.mean()), float(differences.std(ddof=1))
    factor = 1.0 / n
    if test_train_ratio is not None:
        check_real(test_train_ratio, "test_train_ratio")
        if test_train_ratio <= 0:
            raise ValueError(f"test_train_ratio must be positive, got {test_train_ratio}.")
        factor += float(test_train_ratio)
    se = sd * math.sqrt(factor)
    if se == 0:
        t, p_value = (0.0, 1.0) if mean == 0 else (math.copysign(math.inf, mean), 0.0)
    else:
        t = mean / se
        p_value = float(2 * student_t.sf(abs(t), n - 1))
    return PairedDifference(differences=differences, mean=mean, sd=sd, se=se, t=float(t),
                            p_value=p_value, b_wins=int(np.sum(differences > 0)),
                            corrected=test_train_ratio is not None)


def best_of_n(accuracies, n, *, n_draws=10_000, seed=0):
    """Distribution of the best score among ``n`` runs picked at random.

    Each draw picks ``n`` of the given runs at random (with replacement, as if
    new seeds were tried) and keeps the highest — what a "best of n seeds"
    report would show.

    Parameters
    ----------
    accuracies : array-like of float
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
    accuracies = as_numeric_1d(accuracies, "accuracies")
    n = check_positive_int(n, "n")
    n_draws = check_positive_int(n_draws, "n_draws")
    rng = np.random.default_rng(check_seed(seed))
    picks = rng.integers(0, accuracies.size, size=(n_draws, n))
    return accuracies[picks].max(axis=1)


def expected_best_of_n(accuracies, n):
    """Exact mean of :func:`best_of_n`'s distribution (no sampling).

    With the runs sorted, the best of ``n`` draws is at most the k-th smallest
    with probability ``(k / m)^n``.

    Examples
    --------
    >>> expected_best_of_n([0.0, 1.0], 2)
    0.75
    """
    values = np.sort(as_numeric_1d(accuracies, "accuracies"))
    n = check_positive_int(n, "n")
    m = values.size
    k = np.arange(1, m + 1)
    weights = (k / m) ** n - ((k - 1) / m) ** n
    return float(np.sum(weights * values))


def spread(accuracies, *, decimals=None):
    """Mean, standard deviation (ddof=1), min, max and range of some scores.

    Examples
    --------
    >>> spread([0.90, 0.92, 0.94], decimals=3)
    {'mean': 0.92, 'sd': 0.02, 'min': 0.9, 'max': 0.94, 'range': 0.04}
    """
    values = as_numeric_1d(accuracies, "accuracies")
    sd = float(values.std(ddof=1)) if values.size > 1 else 0.0
    summary = {"mean": float(values.mean()), "sd": sd, "min": float(values.min()),
               "max": float(values.max()), "range": float(values.max() - values.min())}
    if decimals is not None:
        summary = {name: round(value, decimals) for name, value in summary.items()}
    return summary


def per_member_splits(X, y, split_seeds, *, test_size=0.5):
    """One stratified train/test split per seed, stacked with a leading member axis.

    Parameters
    ----------
    X : array of shape (n, d)
    y : int array of shape (n,)
    split_seeds : sequence of int
        ``random_state`` of each member's ``train_test_split``.
    test_size : float in (0, 1)

    Returns
    -------
    X_train, y_train, X_test, y_test : ndarrays of shape (E, n_train, d), (E, n_train), (E, n_test, d), (E, n_test)
        Ready for :func:`course_utils.ensemble.train_mlp_ensemble`.

    Examples
    --------
    >>> import numpy as np
    >>> X, y = np.arange(40.0).reshape(20, 2), np.tile([0, 1], 10)
    >>> X_train, y_train, X_test, y_test = per_member_splits(X, y, [0, 1, 2], test_size=0.5)
    >>> X_train.shape, y_test.shape
    ((3, 10, 2), (3, 10))
    """
    from sklearn.model_selection import train_test_split

    X = np.asarray(X)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be a non-empty 2-D array (samples x features), got shape {X.shape}.")
    y = as_labels(y, "y")
    check_same_length(X=X, y=y)
    test_size = check_fraction(test_size, "test_size")
    seeds = list(np.atleast_1d(np.asarray(split_seeds)))
    if not seeds:
        raise ValueError("split_seeds must hold at least one seed.")
    parts = [train_test_split(X, y, test_size=test_size, stratify=y,
                              random_state=check_seed(int(s) if isinstance(s, np.integer) else s,
                                                      "split_seeds[i]"))
             for s in seeds]
    X_train, X_test, y_train, y_test = (np.stack(p) for p in zip(*parts))
    return X_train, y_train, X_test, y_test


#: Which sources of randomness vary in each condition of the separation experiment.
SOURCE_CONDITIONS = {
    "initialisation only": ("init",),
    "data order only": ("order",),
    "init + order (seed)": ("init", "order"),
    "train/test split only": ("split",),
    "all together": ("init", "order", "split"),
}


@dataclass(frozen=True)
class SourceSeparation:
    """Test accuracies of the separation experiment, by condition.

    Attributes
    ----------
    accuracies : dict of str to ndarray
        One accuracy per run, for each condition of :data:`SOURCE_CONDITIONS`.
    seeds : dict of str to dict
        ``{"init": [...], "order": [...], "split": [...]}`` of each condition.
    test_predictions : dict of str to ndarray of shape (runs, n_test)
    n_test : int
    """

    accuracies: dict
    seeds: dict
    test_predictions: dict = field(repr=False)
    n_test: int

    def summary(self, *, decimals=3):
        """``{condition: {"mean", "sd", "min", "max", "range"}}``."""
        return {name: spread(values, decimals=decimals) for name, values in self.accuracies.items()}


def source_separation_experiment(X, y, *, n_runs=20, test_size=0.5, conditions=None, fixed_seed=0,
                                 hidden_units=32, epochs=20, batch_size=32, learning_rate=1e-3):
    """Vary one source of randomness at a time and measure the test-accuracy spread.

    Every condition trains ``n_runs`` MLPs. A source that is *not* varied is
    held at ``fixed_seed``; a varied source gets seeds ``fixed_seed + 1 …``.
    All conditions train together in one batched ensemble (one member per
    run), so the experiment costs about as much as one loop over a few fits.

    Parameters
    ----------
    X : array of shape (n, d), features already scaled
    y : int array of shape (n,), class indices
    n_runs : int
        Runs per condition (≥ 2).
    test_size : float
        Fraction held out in every split.
    conditions : dict of str to tuple, optional
        Name → varied sources among ``"init"``, ``"order"``, ``"split"``
        (default :data:`SOURCE_CONDITIONS`).
    fixed_seed : int
    hidden_units, epochs, batch_size, learning_rate :
        Passed to :func:`course_utils.ensemble.train_mlp_ensemble`.

    Returns
    -------
    SourceSeparation
    """
    from .ensemble import train_mlp_ensemble

    n_runs = check_positive_int(n_runs, "n_runs", minimum=2)
    fixed_seed = check_seed(fixed_seed, "fixed_seed")
    conditions = dict(SOURCE_CONDITIONS if conditions is None else conditions)
    if not conditions:
        raise ValueError("conditions must name at least one condition.")
    for name, sources in conditions.items():
        unknown = set(sources) - {"init", "order", "split"}
        if unknown or isinstance(sources, str):
            raise ValueError(f"conditions[{name!r}] must be a tuple of 'init', 'order', 'split', got {sources!r}.")
    varied = np.arange(fixed_seed + 1, fixed_seed + 1 + n_runs)
    fixed = np.full(n_runs, fixed_seed)
    seeds = {name: {source: (varied if source in sources else fixed).copy()
                    for source in ("init", "order", "split")}
             for name, sources in conditions.items()}
    all_seeds = {source: np.concatenate([seeds[name][source] for name in conditions])
                 for source in ("init", "order", "split")}
    X = np.asarray(X, dtype=np.float32)  # the engine trains in float32; halves the stacked copies
    X_train, y_train, X_test, y_test = per_member_splits(X, y, all_seeds["split"], test_size=test_size)
    result = train_mlp_ensemble(X_train, y_train, X_test, y_test, n_members=len(all_seeds["init"]),
                                hidden_units=hidden_units, epochs=epochs, batch_size=batch_size,
                                learning_rate=learning_rate, init_seeds=all_seeds["init"],
                                shuffle_seeds=all_seeds["order"], n_classes=int(np.max(y)) + 1)
    accuracies, predictions = {}, {}
    for index, name in enumerate(conditions):
        rows = slice(index * n_runs, (index + 1) * n_runs)
        accuracies[name] = result.test_accuracy[rows]
        predictions[name] = result.test_predictions[rows]
    return SourceSeparation(accuracies=accuracies, seeds=seeds, test_predictions=predictions,
                            n_test=int(y_test.shape[1]))


@dataclass(frozen=True)
class SeedSpreadResult:
    """What the widget shows for one setting.

    Attributes
    ----------
    n_seeds, n_test, hidden_units : int
        The setting.
    accuracies : ndarray of shape (n_seeds,)
        Each seed's model scored on its own test sample of ``n_test`` digits.
    seed_sd : float
        Spread of the same models on the whole shared test pool (seed only).
    """

    n_seeds: int
    n_test: int
    hidden_units: int
    accuracies: np.ndarray = field(repr=False)
    seed_sd: float

    @property
    def mean(self):
        return float(self.accuracies.mean())

    @property
    def sd(self):
        return float(self.accuracies.std(ddof=1)) if self.accuracies.size > 1 else 0.0

    @property
    def binomial_se(self):
        """Test-set sampling error of one accuracy at this test size."""
        return binomial_se(min(max(self.mean, 0.0), 1.0), self.n_test)

    @property
    def predicted_sd(self):
        """``sqrt(seed_sd² + binomial_se²)``: the two sources added."""
        return math.sqrt(self.seed_sd ** 2 + self.binomial_se ** 2)

    @property
    def interval(self):
        """Where about 95 % of runs fall: 2.5th and 97.5th percentile of the accuracies."""
        low, high = np.percentile(self.accuracies, [2.5, 97.5])
        return float(low), float(high)


class SeedSpreadLab:
    """The widget's experiment: many seeds of one MLP, each scored on its own test sample.

    The digits are split once into a training set and a held-out pool. For
    a model size, ``max_seeds`` MLPs (seeds 0, 1, …) are trained in one
    batched ensemble and cached; every other setting only re-scores them.
    Seed ``i``'s model is scored on ``n_test`` digits drawn with replacement
    from the pool (its own draw), as if each run had collected a fresh test
    set — so the spread combines the seed's effect and the test set's own
    sampling error.

    Parameters
    ----------
    X, y : the whole data set (features scaled, class indices)
    max_seeds : int
        Largest number of seeds the widget offers.
    test_size : float
        Share of the data in the held-out pool.
    epochs, batch_size, learning_rate :
        A quick training recipe, so a new model size trains in about a second.
    split_seed : int

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.datasets import load_digits
    >>> X, y = load_digits(return_X_y=True)
    >>> lab = SeedSpreadLab(X / 16, y, max_seeds=4, epochs=1)
    >>> lab.needs_training(16)
    True
    """

    def __init__(self, X, y, *, max_seeds=30, test_size=0.5, epochs=6, batch_size=64,
                 learning_rate=0.01, split_seed=0):
        from sklearn.model_selection import train_test_split

        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError(f"X must be a non-empty 2-D array (samples x features), got shape {X.shape}.")
        y = as_labels(y, "y")
        check_same_length(X=X, y=y)
        self.max_seeds = check_positive_int(max_seeds, "max_seeds", minimum=2)
        test_size = check_fraction(test_size, "test_size")
        self.epochs = check_positive_int(epochs, "epochs")
        self.batch_size = check_positive_int(batch_size, "batch_size")
        self.learning_rate = check_real(learning_rate, "learning_rate")
        self.X_train, self.X_pool, self.y_train, self.y_pool = train_test_split(
            X, y, test_size=test_size, stratify=y, random_state=check_seed(split_seed, "split_seed"))
        self.n_classes = int(np.max(y)) + 1
        self._pool_correct = {}

    @property
    def pool_size(self):
        return int(self.y_pool.size)

    def needs_training(self, hidden_units):
        """True when this model size has not been trained yet (the next run will train)."""
        return hidden_units not in self._pool_correct

    def pool_correct(self, hidden_units):
        """Boolean array (max_seeds, pool_size): which pool digits each seed's model gets right."""
        from .ensemble import train_mlp_ensemble

        hidden_units = check_positive_int(hidden_units, "hidden_units")
        if hidden_units not in self._pool_correct:
            result = train_mlp_ensemble(
                self.X_train, self.y_train, self.X_pool, self.y_pool, n_members=self.max_seeds,
                hidden_units=hidden_units, epochs=self.epochs, batch_size=self.batch_size,
                learning_rate=self.learning_rate, n_classes=self.n_classes)
            self._pool_correct[hidden_units] = result.test_predictions == self.y_pool
        return self._pool_correct[hidden_units]

    def run(self, n_seeds, n_test, hidden_units):
        """Accuracies of the first ``n_seeds`` seeds, each on its own sample of ``n_test`` pool digits.

        Returns
        -------
        SeedSpreadResult
        """
        n_seeds = check_positive_int(n_seeds, "n_seeds", minimum=2)
        if n_seeds > self.max_seeds:
            raise ValueError(f"n_seeds must be at most max_seeds={self.max_seeds}, got {n_seeds}.")
        n_test = check_positive_int(n_test, "n_test")
        correct = self.pool_correct(hidden_units)[:n_seeds]
        rng = np.random.default_rng([n_test, 5])  # the same test samples for every model size
        samples = rng.integers(0, self.pool_size, size=(self.max_seeds, n_test))[:n_seeds]
        accuracies = np.take_along_axis(correct, samples, axis=1).mean(axis=1)
        seed_sd = float(correct.mean(axis=1).std(ddof=1))
        return SeedSpreadResult(n_seeds=n_seeds, n_test=n_test, hidden_units=hidden_units,
                                accuracies=accuracies, seed_sd=seed_sd)
