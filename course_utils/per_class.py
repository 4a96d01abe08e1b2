"""Per-class evaluation with boolean masks, and the experiments of notebook 03."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ._validation import as_labels, check_fraction, check_positive_int, check_real, check_same_length, check_seed

__all__ = ["per_class_table", "one_vs_rest_accuracy", "load_digits_with_rare_class", "RareClassResult",
           "rare_class_experiment", "rare_class_grid", "make_seed003_data"]


def _check(y_true, y_pred, labels):
    y_true, y_pred = as_labels(y_true, "y_true"), as_labels(y_pred, "y_pred")
    check_same_length(y_true=y_true, y_pred=y_pred)
    if labels is None:
        labels = np.unique(np.concatenate([y_true, y_pred]))
    labels = np.asarray(labels)
    unknown = np.setdiff1d(np.unique(np.concatenate([y_true, y_pred])), labels)
    if unknown.size:
        raise ValueError(f"y_true/y_pred contain labels not in labels: {unknown.tolist()}.")
    return y_true, y_pred, labels


def one_vs_rest_accuracy(y_true, y_pred, label):
    """Accuracy of the yes/no question "is it ``label``?" — what seed 002's loop computes.

    Both masks are compared over *all* samples, so the many samples that are
    neither truly nor predicted ``label`` count as correct. Averaged over the
    K classes it is ``1 - 2 * error_rate / K``, never below plain accuracy.

    Examples
    --------
    >>> one_vs_rest_accuracy([0, 1, 2, 0, 1, 2, 0, 1, 2, 0], [0, 1, 0, 0, 1, 2, 0, 0, 2, 0], 1)
    0.9
    """
    y_true, y_pred, present = _check(y_true, y_pred, None)
    if label not in present:
        raise ValueError(f"label {label!r} occurs in neither y_true nor y_pred (labels present: {present.tolist()}).")
    return float(np.mean((y_true == label) == (y_pred == label)))


def per_class_table(y_true, y_pred, *, labels=None, decimals=3):
    """Precision, recall, F1, support and one-vs-rest accuracy of every class, built with masks.

    * recall: accuracy inside the mask ``y_true == c``;
    * precision: accuracy inside the mask ``y_pred == c``;
    * one-vs-rest accuracy: how often the two masks agree.

    The precision of a class that is never predicted is undefined (NaN);
    its F1, ``2TP / (2TP + FP + FN)``, is 0 — as in scikit-learn. Returns a
    pandas DataFrame indexed by class.

    Examples
    --------
    >>> table = per_class_table([0, 1, 2, 0, 1, 2, 0, 1, 2, 0], [0, 1, 0, 0, 1, 2, 0, 0, 2, 0])
    >>> table["recall"].tolist()
    [1.0, 0.667, 0.667]
    """
    import pandas as pd

    y_true, y_pred, labels = _check(y_true, y_pred, labels)
    rows = {}
    for c in labels:
        actual, predicted = y_true == c, y_pred == c
        if not actual.any():
            raise ValueError(f"class {c} has no sample in y_true; its recall is undefined.")
        recall = float(np.mean(y_pred[actual] == c))
        precision = float(np.mean(y_true[predicted] == c)) if predicted.any() else np.nan
        hits = int(np.sum(actual & predicted))    # F1 = 2TP / (2TP + FP + FN): defined whenever c occurs in y_true
        f1 = 2 * hits / (actual.sum() + predicted.sum())
        rows[c] = {"precision": precision, "recall": recall, "f1": f1, "support": int(actual.sum()),
                   "one_vs_rest_accuracy": float(np.mean(actual == predicted))}
    return pd.DataFrame(rows).T.round(decimals).astype({"support": int})


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
    X_train, X_test, y_train, y_test
    """
    keep_fraction = check_fraction(keep_fraction, "keep_fraction", inclusive=(False, True))
    overlap = check_fraction(overlap, "overlap", inclusive=(True, False))
    if isinstance(rare_class, bool) or rare_class not in range(10):
        raise ValueError(f"rare_class must be a digit 0-9, got {rare_class!r}.")
    X_train, X_test, y_train, y_test = _digits_split(float(test_size), check_seed(seed))
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


@dataclass(frozen=True)
class RareClassResult:
    """Test-set scores of :func:`rare_class_experiment`; ``recalls`` holds all ten digits' recall."""

    keep_fraction: float
    accuracy: float
    macro_f1: float
    rare_recall: float
    recalls: tuple
    overlap: float = 0.0


def rare_class_experiment(keep_fraction, *, overlap=0.0, rare_class=8, seed=0):
    """Make one digit rarer (``keep_fraction``) or harder to separate (``overlap``); score on the test set.

    Returns overall accuracy, macro-F1 and every digit's recall on the
    untouched-frequency test set (see :func:`load_digits_with_rare_class`).
    The model is a linear discriminant analysis: it learns class priors from
    the training frequencies, like most models, and fits in under 10 ms.

    Examples
    --------
    >>> full, rare = rare_class_experiment(1.0), rare_class_experiment(0.02)
    >>> rare.rare_recall < full.rare_recall / 3 and rare.accuracy > 0.85
    True
    >>> blurred = rare_class_experiment(1.0, overlap=0.6)
    >>> blurred.rare_recall < 0.5 < 0.85 < blurred.accuracy
    True
    """
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
    from sklearn.metrics import accuracy_score, f1_score, recall_score

    X_train, X_test, y_train, y_test = load_digits_with_rare_class(
        rare_class=rare_class, keep_fraction=keep_fraction, overlap=overlap, seed=seed)
    predicted = LinearDiscriminantAnalysis(solver="lsqr").fit(X_train, y_train).predict(X_test)
    recalls = recall_score(y_test, predicted, average=None, labels=np.arange(10))
    return RareClassResult(float(keep_fraction), float(accuracy_score(y_test, predicted)),
                           float(f1_score(y_test, predicted, average="macro")), float(recalls[rare_class]),
                           tuple(float(r) for r in recalls), float(overlap))


def rare_class_grid(keep_fractions, overlaps, *, rare_class=8, seed=0):
    """:func:`rare_class_experiment` for every (keep_fraction, overlap) pair, as a dict.

    The widget looks results up here instead of refitting on every move.

    Examples
    --------
    >>> grid = rare_class_grid([1.0, 0.1], [0.0])
    >>> sorted(grid) == [(0.1, 0.0), (1.0, 0.0)]
    True
    """
    return {(k, o): rare_class_experiment(k, overlap=o, rare_class=rare_class, seed=seed)
            for k in keep_fractions for o in overlaps}


def make_seed003_data(*, n_majority=100, n_minority=10, shift=2.0, seed=0):
    """Seed 003's data: uniform noise, the minority class shifted by ``shift`` in every feature.

    With the article's shift of 2 the classes do not even overlap; a smaller
    shift makes the problem the article meant to show.
    """
    n_majority, n_minority = check_positive_int(n_majority, "n_majority"), check_positive_int(n_minority, "n_minority")
    shift = float(check_real(shift, "shift"))
    rng = np.random.default_rng(check_seed(seed))
    X = np.concatenate([rng.random((n_majority, 10)), rng.random((n_minority, 10)) + shift])
    return X, np.r_[np.zeros(n_majority, int), np.ones(n_minority, int)]
