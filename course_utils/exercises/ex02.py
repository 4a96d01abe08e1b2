"""Questions for solutions/02_cross_entropy_solutions; answers computed from the data below."""

from __future__ import annotations

import numpy as np

from ..calibration import binary_cross_entropy, expected_calibration_error, fit_temperature, sigmoid
from ..checks import ChoiceQuestion, NumberQuestion

__all__ = ["predictions", "two_models", "raw_outputs", "validation_logits", "q1", "q2", "q3", "q4", "q5"]


def predictions():
    """Labels and predicted probabilities of class 1 for 8 samples."""
    y = np.array([1, 0, 1, 1, 0, 0, 1, 0])
    p = np.array([0.95, 0.2, 0.7, 0.99, 0.05, 0.6, 0.4, 0.01])
    return y, p


def two_models():
    """Labels and two models' probabilities: A is cautious, B confident with one big mistake."""
    y = np.array([1, 1, 0, 0, 1, 0, 1, 0, 1, 0])
    p_a = np.array([0.7, 0.65, 0.3, 0.35, 0.6, 0.4, 0.7, 0.3, 0.45, 0.4])
    p_b = np.array([0.99, 0.99, 0.01, 0.01, 0.99, 0.01, 0.99, 0.01, 0.001, 0.01])
    return y, p_a, p_b


def raw_outputs():
    """What a model's last layer printed for five samples."""
    return np.array([3.1, -0.4, 7.8, -5.2, 0.9])


def validation_logits():
    """Logits and labels of an over-confident model on a validation split (600 samples)."""
    rng = np.random.default_rng(2)
    true_logits = rng.normal(0, 2, 600)
    y = (rng.random(600) < sigmoid(true_logits)).astype(int)
    return 3.0 * true_logits, y


q1 = NumberQuestion(
    name="Question 1 (cross-entropy by hand)",
    expected=lambda: binary_cross_entropy(*predictions()),
    mistakes=[(lambda: -binary_cross_entropy(*predictions()), "mind the minus sign: the loss is −mean(log …), a positive number."),
              (lambda: binary_cross_entropy(*predictions()) / np.log(10), "use the natural logarithm (np.log), not log10."),
              (lambda: float(-np.mean(np.log(predictions()[1]))),
               "for a 0 label the probability of the truth is 1 − p: use y·log p + (1 − y)·log(1 − p).")],
    low=0.0,
    hint="loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))",
    solution="bce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))",
)


def _lower_loss():
    y, p_a, p_b = two_models()
    return "A" if binary_cross_entropy(y, p_a) < binary_cross_entropy(y, p_b) else "B"


q2 = ChoiceQuestion(
    name="Question 2 (which model has the lower loss?)",
    options={"A": "right: both are 90 % accurate and B looks more certain, but its one confident mistake "
                  "(0.001 on a true 1) costs −log 0.001 ≈ 6.9 nats.",
             "B": "compute it: B's single confident mistake costs about 6.9 nats and dominates its mean."},
    expected=_lower_loss,
    hint="Compute the mean cross-entropy of both; look at B's ninth sample.",
    solution="lower = 'A' if bce(y, p_a) < bce(y, p_b) else 'B'",
)


def _needs_logits():
    raw = raw_outputs()
    return "True" if np.any((raw < 0) | (raw > 1)) else "False"


q3 = ChoiceQuestion(
    name="Question 3 (from_logits)",
    options={"True": "right: values outside [0, 1] are logits, so the loss must apply the sigmoid itself.",
             "False": "these outputs are not probabilities (some are negative, some above 1): they are logits."},
    expected=_needs_logits,
    hint="Can a probability be negative or larger than 1?",
    solution="from_logits = 'True'",
)

def _class_one_ece(y, p, n_bins):
    """The common mistake: bin p over [0, 1] and compare with the share of 1s."""
    index = np.clip((p * n_bins).astype(int), 0, n_bins - 1)
    return float(sum(np.sum(index == b) * abs(y[index == b].mean() - p[index == b].mean())
                     for b in range(n_bins) if np.any(index == b)) / len(y))


q4 = NumberQuestion(
    name="Question 4 (ECE with 5 bins)",
    expected=lambda: expected_calibration_error(*predictions(), n_bins=5),
    mistakes=[(lambda: _class_one_ece(*predictions(), n_bins=5),
               "that bins p itself over [0, 1]. The course (like Guo et al.) bins the confidence of the "
               "predicted class, max(p, 1 − p), over [0.5, 1].")],
    low=0.0, high=1.0,
    hint="calibration.expected_calibration_error(y, p, n_bins=5), or by hand: bin max(p, 1 − p) into 5 bins "
         "over [0.5, 1]; ECE = Σ (n_bin / n) · |accuracy − confidence|.",
    solution="ece = calibration.expected_calibration_error(y, p, n_bins=5)",
)

q5 = NumberQuestion(
    name="Question 5 (fit a temperature)",
    expected=lambda: fit_temperature(*validation_logits()),
    tolerance=0.05,
    mistakes=[(lambda: 1.0, "T = 1 changes nothing. Fit T on the validation logits.")],
    low=0.0,
    hint="calibration.fit_temperature(logits, y) minimises the validation cross-entropy over T.",
    solution="temperature = calibration.fit_temperature(logits, y_val)",
)
