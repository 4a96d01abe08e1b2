"""Metrics the course builds from scratch, for teaching.

These functions exist so learners can see *how* a number is made; the
notebooks always show that they agree with scikit-learn, which is what
learners should use in their own work. Undefined ratios (e.g. precision when
nothing is predicted positive) are returned as NaN rather than silently 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._validation import (
    as_binary_labels,
    as_labels,
    as_numeric_1d,
    check_real,
    check_same_length,
)

__all__ = [
    "ConfusionCounts",
    "confusion_counts",
    "predict_at_threshold",
    "evaluate_threshold",
    "majority_rate",
    "metric_summary",
]


def _ratio(numerator, denominator):
    return numerator / denominator if denominator else math.nan


@dataclass(frozen=True)
class ConfusionCounts:
    """The four cells of a binary confusion matrix and the metrics built on them.

    Parameters
    ----------
    tp, fp, fn, tn : int
        True positives, false positives, false negatives, true negatives.

    Examples
    --------
    The matrix from the note "Why RNNs handle sequences in PyTorch – Why Metrics Matter"
    (rows = actual, columns = predicted):

    >>> counts = ConfusionCounts.from_matrix([[50, 10], [5, 35]])
    >>> round(counts.precision, 3), counts.recall, counts.accuracy
    (0.778, 0.875, 0.85)
    """

    tp: int
    fp: int
    fn: int
    tn: int

    def __post_init__(self):
        for name in ("tp", "fp", "fn", "tn"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
                raise TypeError(f"{name} must be a whole number of samples, got {value!r}.")
            if value < 0:
                raise ValueError(f"{name} must be >= 0, got {value}.")
            object.__setattr__(self, name, int(value))
        if self.n == 0:
            raise ValueError("A confusion matrix needs at least one sample; all counts are 0.")

    @classmethod
    def from_matrix(cls, matrix):
        """Build from a 2x2 matrix in scikit-learn's layout ``[[tn, fp], [fn, tp]]``.

        Rows are the actual class (0 then 1), columns the predicted class.

        Examples
        --------
        >>> ConfusionCounts.from_matrix([[50, 10], [5, 35]]).tp
        35
        """
        if matrix is None or isinstance(matrix, (str, bytes, dict, set)):
            raise TypeError(f"matrix must be a 2x2 array-like [[tn, fp], [fn, tp]], got {type(matrix).__name__}.")
        try:
            array = np.asarray(matrix)
        except ValueError:  # ragged nested lists
            raise ValueError("matrix must be 2x2 [[tn, fp], [fn, tp]]; its rows have different lengths.") from None
        if array.shape != (2, 2):
            raise ValueError(
                "matrix must be 2x2 [[tn, fp], [fn, tp]] (rows = actual, "
                f"columns = predicted), got shape {array.shape}."
            )
        if not np.issubdtype(array.dtype, np.number) or np.any(array != np.round(array)):
            raise ValueError("matrix must hold whole-number counts.")
        (tn, fp), (fn, tp) = array.astype(int).tolist()
        return cls(tp=tp, fp=fp, fn=fn, tn=tn)

    @property
    def n(self):
        """Total number of samples."""
        return self.tp + self.fp + self.fn + self.tn

    @property
    def accuracy(self):
        """(TP + TN) / n: the share of all predictions that are right."""
        return (self.tp + self.tn) / self.n

    @property
    def precision(self):
        """TP / (TP + FP): of the predicted positives, how many are real."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self):
        """TP / (TP + FN), a.k.a. sensitivity: of the real positives, how many are found."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def specificity(self):
        """TN / (TN + FP): of the real negatives, how many are left alone."""
        return _ratio(self.tn, self.tn + self.fp)

    @property
    def f1(self):
        """Harmonic mean of precision and recall: 2TP / (2TP + FP + FN)."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def balanced_accuracy(self):
        """Mean of recall and specificity (the recall of each class, averaged)."""
        return (self.recall + self.specificity) / 2

    @property
    def prevalence(self):
        """Share of real positives in the data."""
        return (self.tp + self.fn) / self.n

    @property
    def mcc(self):
        """Matthews correlation coefficient, in [-1, 1]; 0 means no better than chance.

        NaN when a row or column of the matrix is empty (e.g. nothing is
        predicted positive); scikit-learn reports 0 in that case.
        """
        numerator = self.tp * self.tn - self.fp * self.fn
        denominator = math.sqrt((self.tp + self.fp) * (self.tp + self.fn)
                                * (self.tn + self.fp) * (self.tn + self.fn))
        return _ratio(numerator, denominator)

    def as_matrix(self):
        """The counts as ``[[tn, fp], [fn, tp]]`` (scikit-learn's layout)."""
        return np.array([[self.tn, self.fp], [self.fn, self.tp]])

    def summary(self, *, decimals=3):
        """All metrics as a dict of floats rounded to ``decimals``.

        Examples
        --------
        >>> ConfusionCounts(tp=35, fp=10, fn=5, tn=50).summary()["f1"]
        0.824
        """
        names = ("accuracy", "precision", "recall", "specificity", "f1",
                 "balanced_accuracy", "mcc")
        return {name: round(float(getattr(self, name)), decimals) for name in names}


def confusion_counts(y_true, y_pred):
    """Count TP, FP, FN and TN with boolean masks.

    Parameters
    ----------
    y_true, y_pred : array-like of 0/1
        Actual and predicted labels, same length.

    Returns
    -------
    ConfusionCounts

    Examples
    --------
    >>> confusion_counts([1, 0, 1, 1], [1, 1, 0, 1])
    ConfusionCounts(tp=2, fp=1, fn=1, tn=0)
    """
    y_true = as_binary_labels(y_true, "y_true")
    y_pred = as_binary_labels(y_pred, "y_pred")
    check_same_length(y_true=y_true, y_pred=y_pred)
    actual_positive = y_true == 1
    predicted_positive = y_pred == 1
    return ConfusionCounts(
        tp=int(np.sum(actual_positive & predicted_positive)),
        fp=int(np.sum(~actual_positive & predicted_positive)),
        fn=int(np.sum(actual_positive & ~predicted_positive)),
        tn=int(np.sum(~actual_positive & ~predicted_positive)),
    )


def predict_at_threshold(scores, threshold):
    """Turn scores into 0/1 predictions: 1 where ``score >= threshold``.

    The same rule as scikit-learn's ``precision_recall_curve`` and
    ``roc_curve`` use for their thresholds.

    Examples
    --------
    >>> predict_at_threshold([0.2, 0.5, 0.9], 0.5)
    array([0, 1, 1])
    """
    scores = as_numeric_1d(scores, "scores")
    check_real(threshold, "threshold")
    return (scores >= threshold).astype(int)


def evaluate_threshold(y_true, scores, *, threshold=0.5):
    """Confusion counts of the classifier ``score >= threshold``.

    This is the pure experiment behind the threshold widget.

    Parameters
    ----------
    y_true : array-like of 0/1
    scores : array-like of float
        Predicted probabilities or any score where larger means "more positive".
    threshold : float

    Returns
    -------
    ConfusionCounts

    Examples
    --------
    >>> evaluate_threshold([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8], threshold=0.5)
    ConfusionCounts(tp=1, fp=1, fn=1, tn=1)
    """
    y_true = as_binary_labels(y_true, "y_true")
    predictions = predict_at_threshold(scores, threshold)
    check_same_length(y_true=y_true, scores=predictions)
    return confusion_counts(y_true, predictions)


def majority_rate(y):
    """Accuracy of always predicting the most frequent label in ``y``.

    Examples
    --------
    >>> majority_rate([0, 0, 0, 1])
    0.75
    """
    labels = as_labels(y, "y")
    _, counts = np.unique(labels, return_counts=True)
    return float(counts.max() / counts.sum())


def metric_summary(y_true, y_pred, *, scores=None, decimals=3):
    """scikit-learn's metrics for one binary classifier, as a dict.

    Accuracy, precision, recall, F1, balanced accuracy and MCC of the
    predictions; ROC-AUC and average precision too when ``scores`` are given.
    Undefined precision (nothing predicted positive) is reported as NaN.

    Examples
    --------
    >>> metric_summary([0, 0, 1, 1], [0, 0, 0, 1])["recall"]
    0.5
    """
    from sklearn import metrics as skm

    y_true = as_binary_labels(y_true, "y_true")
    y_pred = as_binary_labels(y_pred, "y_pred")
    check_same_length(y_true=y_true, y_pred=y_pred)
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise TypeError(f"decimals must be an integer, got {type(decimals).__name__}.")
    if scores is not None:
        scores = as_numeric_1d(scores, "scores")
        check_same_length(y_true=y_true, scores=scores)
        if np.unique(y_true).size < 2:
            raise ValueError("y_true holds only one class; ROC-AUC and average precision need both.")
    row = {
        "accuracy": skm.accuracy_score(y_true, y_pred),
        "precision": skm.precision_score(y_true, y_pred, zero_division=np.nan),
        "recall": skm.recall_score(y_true, y_pred, zero_division=np.nan),
        "f1": skm.f1_score(y_true, y_pred, zero_division=np.nan),
        "balanced_accuracy": skm.balanced_accuracy_score(y_true, y_pred),
        "mcc": skm.matthews_corrcoef(y_true, y_pred),
    }
    if scores is not None:
        row["roc_auc"] = skm.roc_auc_score(y_true, scores)
        row["average_precision"] = skm.average_precision_score(y_true, scores)
    return {name: round(float(value), decimals) for name, value in row.items()}
