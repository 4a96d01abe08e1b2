"""Cross-entropy and calibration, built from scratch for teaching.

The notebooks show these agree with scikit-learn's ``log_loss`` and Keras'
``BinaryCrossentropy``. Binary problems throughout: ``p`` is the predicted
probability of class 1 — except :func:`top_label_reliability`, the
calibration of the predicted class among K.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import (
    as_binary_labels,
    as_numeric_1d,
    as_probabilities,
    check_fraction,
    check_positive_int,
    check_real,
    check_same_length,
)

__all__ = ["binary_cross_entropy", "per_sample_cross_entropy", "sigmoid", "ReliabilityCurve",
           "reliability_curve", "top_label_reliability", "expected_calibration_error", "fit_temperature",
           "apply_temperature", "TemperatureResult", "temperature_experiment"]


def sigmoid(logits):
    """Logistic function, numerically stable for large |logits|.

    Examples
    --------
    >>> float(sigmoid(0.0))
    0.5
    """
    logits = np.asarray(logits, dtype=float)
    return np.exp(-np.logaddexp(0.0, -logits))


def per_sample_cross_entropy(y_true, p, *, eps=1e-15):
    """−[y log p + (1 − y) log(1 − p)] for every sample, with p clipped to [eps, 1 − eps].

    Examples
    --------
    >>> per_sample_cross_entropy([1, 0], [0.9, 0.9]).round(4)
    array([0.1054, 2.3026])
    """
    y_true = as_binary_labels(y_true, "y_true")
    p = as_probabilities(p, "p")
    check_same_length(y_true=y_true, p=p)
    eps = check_fraction(eps, "eps", high=0.5)
    p = np.clip(p, eps, 1 - eps)
    return -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))


def binary_cross_entropy(y_true, p, *, eps=1e-15):
    """Mean binary cross-entropy (log loss), in nats.

    Examples
    --------
    The first case of the article "Why are accuracy and loss metrics producing unexpected results?":

    >>> round(binary_cross_entropy([1, 0, 1], [0.9, 0.1, 0.8]), 4)
    0.1446
    """
    return float(per_sample_cross_entropy(y_true, p, eps=eps).mean())


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


def apply_temperature(logits, temperature):
    """Probabilities ``sigmoid(logits / temperature)``; T > 1 softens, T < 1 sharpens.

    The sign of every logit is kept, so predictions at threshold 0.5 — and
    the accuracy — never change.

    Examples
    --------
    >>> apply_temperature([2.0, -2.0], 2.0).round(3)
    array([0.731, 0.269])
    """
    logits = as_numeric_1d(logits, "logits")
    check_real(temperature, "temperature")
    if temperature <= 0:
        raise ValueError(f"temperature must be positive, got {temperature!r}.")
    return sigmoid(logits / temperature)


def fit_temperature(logits, y_true, *, bounds=(0.05, 20.0)):
    """The temperature that minimises the mean cross-entropy on (validation) data.

    Guo et al. (2017): one scalar, fitted on a validation split, fixes most of
    a network's over-confidence without touching its predictions.

    Examples
    --------
    >>> logits = np.array([4.0, 4.0, 4.0, -4.0, -4.0, -4.0])
    >>> y = np.array([1, 1, 0, 0, 0, 1])          # right 2 times in 3 at "98 % sure"
    >>> round(fit_temperature(logits, y), 2)
    5.77
    """
    from scipy.optimize import minimize_scalar

    logits = as_numeric_1d(logits, "logits")
    y_true = as_binary_labels(y_true, "y_true")
    check_same_length(logits=logits, y_true=y_true)

    def loss(temperature):
        return binary_cross_entropy(y_true, apply_temperature(logits, temperature))

    return float(minimize_scalar(loss, bounds=bounds, method="bounded").x)


@dataclass(frozen=True)
class TemperatureResult:
    """Loss, accuracy and calibration of ``sigmoid(logits / temperature)``.

    ``worst_loss`` is the largest per-sample loss; ``worst_share`` its share
    of the summed loss.

    Examples
    --------
    >>> result = temperature_experiment([4.0, 4.0, -4.0, -4.0], [1, 0, 0, 0], 2.0)
    >>> result.p.round(3).tolist(), round(result.worst_loss, 3), round(result.worst_share, 3)
    ([0.881, 0.881, 0.119, 0.119], 2.127, 0.848)
    """

    temperature: float
    p: np.ndarray
    loss: float
    accuracy: float
    ece: float
    worst_loss: float
    worst_share: float


def temperature_experiment(logits, y_true, temperature, *, n_bins=10):
    """Rescale logits by a temperature and measure the mean loss, accuracy and ECE.

    The pure experiment behind the temperature widget of notebook 02.

    Parameters
    ----------
    logits : array-like of float
    y_true : array-like of 0/1
    temperature : float
        T > 0; 1 leaves the probabilities as they are.
    n_bins : int
        Bins of the ECE.

    Returns
    -------
    TemperatureResult
        ``worst_loss`` is the largest single sample's loss and ``worst_share``
        the share of the total loss carried by the worst 5 % of the samples
        (at least one sample).

    Examples
    --------
    >>> result = temperature_experiment([4.0, 4.0, -4.0, -4.0], [1, 0, 0, 0], 2.0)
    >>> result.accuracy, round(result.loss, 3)
    (0.75, 0.627)
    """
    logits = as_numeric_1d(logits, "logits")
    y_true = as_binary_labels(y_true, "y_true")
    check_same_length(logits=logits, y_true=y_true)
    p = apply_temperature(logits, temperature)
    losses = per_sample_cross_entropy(y_true, p)
    largest_first = np.sort(losses)[::-1]
    worst = max(1, len(losses) // 20)
    return TemperatureResult(
        temperature=float(temperature), p=p, loss=float(losses.mean()),
        accuracy=float(np.mean((p >= 0.5) == y_true)),
        ece=expected_calibration_error(y_true, p, n_bins=n_bins),
        worst_loss=float(largest_first[0]),
        worst_share=float(largest_first[:worst].sum() / largest_first.sum()))
