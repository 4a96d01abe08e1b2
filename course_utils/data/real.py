"""Real data: scikit-learn's bundled data sets and the small files shipped in ``course_utils/datasets``.

Nothing here downloads anything; source and licence of every shipped file are
in ``course_utils/datasets/README.md``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from .._validation import check_fraction, check_seed

__all__ = ["Split", "load_digits_one_vs_rest", "load_digits_with_rare_class", "load_german_credit", "load_tumours"]


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
        """Return a new split keeping only the given column indices.

        Examples
        --------
        >>> split = Split(np.zeros((2, 3)), np.ones((1, 3)), np.array([0, 1]), np.array([1]), ("a", "b", "c"))
        >>> small = split.select_features([2, 0])
        >>> small.X_train.shape, small.feature_names
        ((2, 2), ('c', 'a'))
        """
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


def load_tumours():
    """scikit-learn's bundled Wisconsin breast-cancer data with named diagnoses.

    Returns
    -------
    X : pandas.DataFrame (569, 30)
        The measurements of each tumour.
    y : pandas.Series of "malignant" / "benign", named ``diagnosis``

    Examples
    --------
    >>> X, y = load_tumours()
    >>> X.shape, y.value_counts().to_dict()
    ((569, 30), {'benign': 357, 'malignant': 212})
    """
    import pandas as pd
    from sklearn.datasets import load_breast_cancer

    data = load_breast_cancer(as_frame=True)
    y = pd.Series(np.where(data.target == 0, "malignant", "benign"), name="diagnosis")
    return data.data, y


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


@functools.lru_cache(maxsize=4)
def _digits_split(test_size, seed):
    """The stratified digits split, read from disk once (the widget calls this on every move)."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    X, y = load_digits(return_X_y=True)
    split = train_test_split(X, y, test_size=test_size, stratify=y, random_state=seed)
    for array in split:
        array.setflags(write=False)
    return split


def load_digits_with_rare_class(*, rare_class=8, keep_fraction=0.05, overlap=0.0, test_size=0.5, seed=0):
    """Digits, split in half (stratified); then only ``keep_fraction`` of ``rare_class`` is kept in *training*.

    The test set keeps its natural 10 %, so it measures what a deployed model would meet.

    Parameters
    ----------
    rare_class : int 0-9
    keep_fraction : float in (0, 1]
        Share of the rare class's training images kept (the class gets *rarer*).
    overlap : float in [0, 1)
        Every image of the rare class, in training *and* test, becomes
        ``(1 - overlap) * itself + overlap * a random image of another digit``
        from the same part (the class gets *harder to separate*). The partner
        images are fixed by ``seed``; only the mixing weight changes.
    test_size, seed
        Passed to the stratified ``train_test_split``; ``seed`` also picks the kept images.

    Returns
    -------
    X_train, X_test, y_train, y_test : ndarray
        Pixel intensities 0-16 (64 columns) and digit labels 0-9; the arrays
        shared with the cache are read-only.

    Examples
    --------
    >>> X_train, X_test, y_train, y_test = load_digits_with_rare_class(rare_class=8, keep_fraction=0.1)
    >>> int((y_train == 8).sum()), int((y_test == 8).sum())
    (9, 87)
    """
    keep_fraction = check_fraction(keep_fraction, "keep_fraction", inclusive=(False, True))
    overlap = check_fraction(overlap, "overlap", inclusive=(True, False))
    test_size = check_fraction(test_size, "test_size")
    if isinstance(rare_class, bool) or rare_class not in range(10):
        raise ValueError(f"rare_class must be a digit 0-9, got {rare_class!r}.")
    X_train, X_test, y_train, y_test = _digits_split(test_size, check_seed(seed))
    rare = np.flatnonzero(y_train == rare_class)
    keep = np.random.default_rng(seed).permutation(rare)[:max(1, int(round(keep_fraction * rare.size)))]
    mask = y_train != rare_class
    mask[keep] = True
    if overlap > 0:
        X_train, X_test = (_blend(X_train, y_train, rare_class, overlap, [seed, 1]),
                           _blend(X_test, y_test, rare_class, overlap, [seed, 2]))
    return X_train[mask], X_test, y_train[mask], y_test


def _blend(X, y, label, weight, seed):
    """A copy of X whose rows of class ``label`` are mixed with random rows of the other classes."""
    rows = np.flatnonzero(y == label)
    partners = np.random.default_rng(seed).choice(np.flatnonzero(y != label), rows.size)
    X = X.copy()
    X[rows] = (1 - weight) * X[rows] + weight * X[partners]
    return X
