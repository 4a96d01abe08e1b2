"""Cross-entropy and temperature scaling, built from scratch for teaching.

The notebooks show these agree with scikit-learn's ``log_loss`` and Keras'
``BinaryCrossentropy``. Binary problems throughout: ``p`` is the predicted
probability of class 1. The calibration statistics themselves (reliability
curves, ECE) are in :mod:`course_utils.stats`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import (
    as_binary_labels,
    as_numeric_1d,
    as_probabilities,
    check_fraction,
    check_real,
    check_same_length,
)
from .stats import expected_calibration_error

__all__ = ["binary_cross_entropy", "per_sample_cross_entropy", "sigmoid", "fit_temperature",
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
