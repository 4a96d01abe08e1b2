"""Questions for solutions/02_cross_entropy_solutions; answers computed from the data below.

The data are generated here (the teaching notebook never uses them); no
network is trained.
"""

from __future__ import annotations

import numpy as np

from ..calibration import binary_cross_entropy, per_sample_cross_entropy, sigmoid
from ..checks import ChoiceQuestion, FunctionQuestion, NumberQuestion, rate_question
from ..data import make_overconfident_logits
from ..stats import expected_calibration_error
from . import QuestionText, make_progress

__all__ = ["predictions", "two_models", "logit_batch", "calibration_splits", "TEMPERATURES", "KERAS_EPSILON",
           "q1", "q2", "q3", "q4", "q5", "q6", "progress"]

#: What the learner reads, from ex02.toml beside this module.
_TEXT = QuestionText.for_module(__name__)

#: Keras clips probabilities into [KERAS_EPSILON, 1 - KERAS_EPSILON] before taking the log.
KERAS_EPSILON = 1e-7

#: Question 6: the temperatures to try (0.50, 0.55, …, 6.00).
TEMPERATURES = np.round(np.arange(0.5, 6.0001, 0.05), 2)


def predictions():
    """Labels and predicted probabilities of class 1 for 8 samples.

    Examples
    --------
    >>> y, p = predictions()
    >>> y.shape, p.shape
    ((8,), (8,))
    """
    y = np.array([1, 0, 1, 1, 0, 0, 1, 0])
    p = np.array([0.95, 0.2, 0.7, 0.99, 0.05, 0.6, 0.4, 0.01])
    return y, p


def two_models():
    """Labels and two models' probabilities of class 1 on the same 10 samples: A and B.

    Examples
    --------
    >>> y, p_a, p_b = two_models()
    >>> y.shape == p_a.shape == p_b.shape == (10,)
    True
    """
    y = np.array([1, 1, 0, 0, 1, 0, 1, 0, 1, 0])
    p_a = np.array([0.7, 0.65, 0.3, 0.35, 0.6, 0.4, 0.7, 0.3, 0.45, 0.4])
    p_b = np.array([0.99, 0.99, 0.01, 0.01, 0.99, 0.01, 0.99, 0.01, 0.001, 0.01])
    return y, p_a, p_b


def logit_batch():
    """Labels and the raw outputs of a final ``Dense(1)`` layer without activation, for 6 samples.

    Examples
    --------
    >>> y, logits = logit_batch()
    >>> y.shape, bool(logits.max() > 1)  # logits are not probabilities
    ((6,), True)
    """
    y = np.array([1, 0, 1, 0, 1, 0])
    logits = np.array([3.1, -0.4, 7.8, -5.2, 0.9, 1.7])
    return y, logits


def calibration_splits():
    """An over-confident model's logits and labels on a validation and a test split (400 samples each).

    Returns
    -------
    val_logits, y_val, test_logits, y_test : ndarray

    Examples
    --------
    >>> val_logits, y_val, test_logits, y_test = calibration_splits()
    >>> val_logits.shape, y_test.shape
    ((400,), (400,))
    """
    logits, y = make_overconfident_logits(800, logit_sd=1.5, overconfidence=3.5, noise_sd=0.5, seed=20)
    return logits[:400], y[:400], logits[400:], y[400:]


# --- questions 1–3: cross-entropy by hand, and what dominates it ---------------------------------

q1 = _TEXT.ask(NumberQuestion, "q1", expected=lambda: binary_cross_entropy(*predictions()),
               tolerance=0.0005, low=0.0, high=50.0,
               mistakes={"sign_flipped": lambda: -binary_cross_entropy(*predictions()),
                         "log10_not_ln": lambda: binary_cross_entropy(*predictions()) / np.log(10),
                         "log_p_for_every_label": lambda: float(-np.mean(np.log(predictions()[1])))})


def _lower_loss():
    y, p_a, p_b = two_models()
    return "A" if binary_cross_entropy(y, p_a) < binary_cross_entropy(y, p_b) else "B"


q2 = _TEXT.ask(ChoiceQuestion, "q2", expected=_lower_loss)


def _losses_of_b():
    y, _, p_b = two_models()
    return per_sample_cross_entropy(y, p_b)


def _worst_share():
    losses = _losses_of_b()
    return float(losses.max() / losses.sum())


q3 = _TEXT.ask(rate_question, "q3", expected=_worst_share,
               mistakes={"share_of_the_other_nine": lambda: 1 - _worst_share(),
                         "worst_loss_not_share": lambda: float(_losses_of_b().max())})

# --- question 4: logits and from_logits ------------------------------------------------------------


def _keras_clipped_loss():
    """What BinaryCrossentropy(from_logits=False) reports when handed logits: clipped into (0, 1)."""
    y, logits = logit_batch()
    return binary_cross_entropy(y, np.clip(logits, KERAS_EPSILON, 1 - KERAS_EPSILON), eps=KERAS_EPSILON)


def _loss_from_logits():
    y, logits = logit_batch()
    return binary_cross_entropy(y, sigmoid(logits))


def _sigmoid_twice_loss():
    """Mistake: the sigmoid applied to the logits, then again by a loss with from_logits=True."""
    y, logits = logit_batch()
    return binary_cross_entropy(y, sigmoid(sigmoid(logits)))


q4 = _TEXT.ask(NumberQuestion, "q4", expected=_loss_from_logits, tolerance=0.001, low=0.0, high=50.0,
               mistakes={"keras_clipped_loss": _keras_clipped_loss,
                         "sigmoid_twice": _sigmoid_twice_loss})

# --- question 5: ECE from scratch ------------------------------------------------------------------


def _reference_ece(y_true, p, n_bins):
    return expected_calibration_error(y_true, p, n_bins=n_bins)


def _ece_of_p(y_true, p, n_bins):
    """Mistake: bins p itself over [0, 1] and compares with the share of 1s."""
    y_true, p = np.asarray(y_true), np.asarray(p, dtype=float)
    index = np.clip((p * n_bins).astype(int), 0, n_bins - 1)
    return float(sum(np.sum(index == b) * abs(y_true[index == b].mean() - p[index == b].mean())
                     for b in range(n_bins) if np.any(index == b)) / len(y_true))


def _unweighted_ece(y_true, p, n_bins):
    """Mistake: averages the bins' gaps without weighting them by their size."""
    from ..stats import reliability_curve

    curve = reliability_curve(y_true, p, n_bins=n_bins)
    return float(np.mean(np.abs(curve.accuracy - curve.confidence)))


def _ece_cases():
    """Hidden cases: tiny ones, certain predictions (confidence exactly 1), then random ones."""
    cases = [([1], [0.8], 1), ([0, 1], [0.3, 0.9], 2), ([1, 1, 0, 0], [0.9, 0.9, 0.1, 0.6], 5),
             ([1, 0, 0, 1, 1], [1.0, 0.0, 1.0, 0.72, 0.35], 4)]
    rng = np.random.default_rng(202)
    for n, n_bins in [(30, 3), (200, 10), (500, 15)]:
        p = rng.random(n)
        y = (rng.random(n) < np.clip(p + rng.normal(0, 0.2, n), 0, 1)).astype(int)
        cases.append((y, p, n_bins))
    return [(np.asarray(y), np.asarray(p, dtype=float), n_bins) for y, p, n_bins in cases]


q5 = _TEXT.ask(FunctionQuestion, "q5", expected=_reference_ece, cases=_ece_cases,
               mistakes={"ece_of_p": _ece_of_p,
                         "unweighted_ece": _unweighted_ece})

# --- question 6: temperature scaling, fitted where it should be -----------------------------------


def _grid_temperature(logits, y):
    losses = [binary_cross_entropy(y, sigmoid(logits / t)) for t in TEMPERATURES]
    return float(TEMPERATURES[int(np.argmin(losses))])


def _validation_temperature():
    val_logits, y_val, _, _ = calibration_splits()
    return _grid_temperature(val_logits, y_val)


def _test_temperature():
    _, _, test_logits, y_test = calibration_splits()
    return _grid_temperature(test_logits, y_test)


q6 = _TEXT.ask(NumberQuestion, "q6", expected=_validation_temperature, tolerance=0.001, low=0.0, high=100.0,
               mistakes={"fitted_on_test": _test_temperature,
                         "no_scaling": lambda: 1.0})

progress = make_progress(__name__, "Exercises 02")
