"""Bundled and generated data sets, deterministic given a seed.

Nothing here downloads anything: the course uses scikit-learn's bundled data
sets, NumPy generators and small open-licensed files shipped in
``course_utils/datasets`` (source and licence in its README), so every number
is reproducible offline.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import (
    check_fraction,
    check_positive_int,
    check_real,
    check_seed,
)

__all__ = [
    "Split",
    "make_imbalanced_binary",
    "make_binormal_scores",
    "load_digits_one_vs_rest",
    "load_german_credit",
]


@dataclass(frozen=True)
class Split:
    """A train/test split; unpacks as ``X_train, X_test, y_train, y_test``.

    Examples
    --------
    >>> split = load_digits_one_vs_rest(digit=9)
    >>> X_train, X_test, y_train, y_test = split
    >>> X_test.shape
    (899, 64)
    """

    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    feature_names: tuple = ()

    def __iter__(self):
        return iter((self.X_train, self.X_test, self.y_train, self.y_test))

    def select_features(self, columns):
        """Return a new split keeping only the given column indices."""
        n_features = self.X_train.shape[1]
        if isinstance(columns, (str, bytes)) or not hasattr(columns, "__iter__"):
            raise TypeError(f"columns must be a list of column indices, got {type(columns).__name__}.")
        columns = list(columns)
        bad = [c for c in columns if not isinstance(c, (int, np.integer)) or not 0 <= c < n_features]
        if bad or not columns:
            raise ValueError(
                f"columns must be a non-empty list of integers in [0, {n_features}), got {columns!r}."
            )
        names = tuple(self.feature_names[c] for c in columns) if self.feature_names else ()
        return Split(self.X_train[:, columns], self.X_test[:, columns],
                     self.y_train, self.y_test, names)


def make_imbalanced_binary(n_samples=1000, *, prevalence=0.05, separation=1.5,
                           n_features=2, seed=0):
    """Two Gaussian blobs with a chosen share of positives.

    Parameters
    ----------
    n_samples : int
        Total number of samples.
    prevalence : float
        Fraction of positives (label 1), strictly between 0 and 1.
    separation : float
        Distance between the class means along every feature, in standard
        deviations. 0 makes the classes indistinguishable.
    n_features : int
        Number of features.
    seed : int
        Seed of the generator; the same seed gives the same data.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,), ints 0/1
        Exactly ``round(prevalence * n_samples)`` positives (at least one).

    Examples
    --------
    >>> X, y = make_imbalanced_binary(200, prevalence=0.1, seed=1)
    >>> X.shape, int(y.sum())
    ((200, 2), 20)
    """
    n_samples = check_positive_int(n_samples, "n_samples", minimum=2)
    prevalence = check_fraction(prevalence, "prevalence")
    check_real(separation, "separation")
    n_features = check_positive_int(n_features, "n_features")
    rng = np.random.default_rng(check_seed(seed))
    n_positive = int(np.clip(round(prevalence * n_samples), 1, n_samples - 1))
    y = np.zeros(n_samples, dtype=int)
    y[:n_positive] = 1
    rng.shuffle(y)
    X = rng.normal(size=(n_samples, n_features)) + separation * y[:, None]
    return X, y


def make_binormal_scores(n_positive=1000, n_negative=1000, *, auc=0.75, seed=0):
    """Classifier scores from the binormal model: N(0, 1) vs N(d, 1).

    ``d`` is chosen so that the population ROC-AUC equals ``auc``
    (``auc = Phi(d / sqrt(2))``), so changing the class ratio changes
    prevalence while leaving the classifier's quality untouched.

    Parameters
    ----------
    n_positive, n_negative : int
        Number of positive and negative samples.
    auc : float
        Population ROC-AUC, in (0.5, 1).
    seed : int
        Seed of the generator.

    Returns
    -------
    y_true : ndarray of 0/1 ints, positives first
    scores : ndarray of floats

    Examples
    --------
    >>> y, s = make_binormal_scores(10, 90, seed=0)
    >>> float(y.mean())
    0.1
    """
    from scipy.stats import norm

    n_positive = check_positive_int(n_positive, "n_positive")
    n_negative = check_positive_int(n_negative, "n_negative")
    auc = check_fraction(auc, "auc", low=0.5, high=1.0)
    rng = np.random.default_rng(check_seed(seed))
    shift = np.sqrt(2.0) * norm.ppf(auc)
    scores = np.concatenate([rng.normal(shift, 1.0, n_positive),
                             rng.normal(0.0, 1.0, n_negative)])
    y_true = np.concatenate([np.ones(n_positive, int), np.zeros(n_negative, int)])
    return y_true, scores


def load_digits_one_vs_rest(*, digit=9, test_size=0.5, seed=0):
    """scikit-learn's bundled 8x8 digits as "this digit vs the rest".

    The split is stratified, so train and test keep the prevalence of the
    chosen digit (about 0.10).

    Parameters
    ----------
    digit : int
        The positive class, 0-9.
    test_size : float
        Fraction of the 1,797 images kept for testing.
    seed : int
        Seed of the split.

    Returns
    -------
    Split
        Pixel intensities 0-16; ``feature_names`` are ``"pixel_<row>_<col>"``.

    Examples
    --------
    >>> split = load_digits_one_vs_rest(digit=9)
    >>> round(float(split.y_test.mean()), 3)
    0.1
    """
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    if isinstance(digit, bool) or not isinstance(digit, (int, np.integer)):
        raise TypeError(f"digit must be an integer from 0 to 9, got {type(digit).__name__} {digit!r}.")
    if not 0 <= digit <= 9:
        raise ValueError(f"digit must be an integer from 0 to 9, got {digit!r}.")
    test_size = check_fraction(test_size, "test_size")
    X, labels = load_digits(return_X_y=True)
    y = (labels == digit).astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, stratify=y, random_state=check_seed(seed))
    names = tuple(f"pixel_{i // 8}_{i % 8}" for i in range(64))
    return Split(X_train, X_test, y_train, y_test, names)


def load_german_credit():
    """The Statlog German Credit data (UCI, CC BY 4.0), shipped with the course.

    1,000 loan applicants, 20 attributes (7 numeric, 13 categorical), labelled
    ``"good"`` (700) or ``"bad"`` (300). The data set's documentation states a
    cost: calling a bad applicant good costs 5, calling a good applicant bad
    costs 1. Source, licence and known problems: ``course_utils/datasets/README.md``.

    Returns
    -------
    X : pandas.DataFrame of shape (1000, 20)
        Numeric columns as integers, categorical columns as strings.
    y : pandas.Series of str
        ``"good"`` or ``"bad"``, named ``"credit_risk"``.

    Examples
    --------
    >>> X, y = load_german_credit()
    >>> X.shape, int((y == "bad").sum())
    ((1000, 20), 300)
    """
    from importlib.resources import files

    import pandas as pd

    with files("course_utils.datasets").joinpath("german_credit.csv").open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle)
    y = frame.pop("class").rename("credit_risk")
    return frame, y
