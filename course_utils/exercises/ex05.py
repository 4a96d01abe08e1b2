"""Questions for solutions/05_seed_variance_solutions.

Nothing here trains a network: the data are generated with NumPy, and every
expected answer is computed from them with :mod:`course_utils.variance`.
"""

from __future__ import annotations

import math

import numpy as np

from ..checks import ChoiceQuestion, NumberQuestion
from ..variance import binomial_se, mcnemar_test

__all__ = ["REPORT", "paired_predictions", "seed_runs", "q1", "q2", "q3", "q4", "q5", "q6"]

#: A reported comparison: two models' accuracies on the same test set of this size.
REPORT = {"accuracy_a": 0.82, "accuracy_b": 0.83, "n_test": 500}

#: Right/wrong counts behind :func:`paired_predictions`.
_PATTERN = {"both right": 395, "only A right": 15, "only B right": 20, "both wrong": 70}


def paired_predictions():
    """The two models of :data:`REPORT` on their shared test set: ``y_true, pred_a, pred_b``.

    Ten classes; model A gets 410 of 500 right (0.82), model B 415 (0.83).
    """
    rng = np.random.default_rng(5)
    n = sum(_PATTERN.values())
    y_true = rng.integers(0, 10, n)
    a_right = np.repeat([True, True, False, False], list(_PATTERN.values()))
    b_right = np.repeat([True, False, True, False], list(_PATTERN.values()))
    order = rng.permutation(n)
    a_right, b_right = a_right[order], b_right[order]

    def predictions(right):
        wrong_label = (y_true + rng.integers(1, 10, n)) % 10
        return np.where(right, y_true, wrong_label)

    return y_true, predictions(a_right), predictions(b_right)


def seed_runs():
    """Test accuracies of one model trained with 20 different seeds (500 test samples each)."""
    rng = np.random.default_rng(20)
    return np.round(rng.normal(0.83, 0.006, 20) * 500) / 500


def _se_b():
    return binomial_se(REPORT["accuracy_b"], REPORT["n_test"])


def _difference_is_noise():
    se_difference = math.hypot(binomial_se(REPORT["accuracy_a"], REPORT["n_test"]), _se_b())
    return abs(REPORT["accuracy_b"] - REPORT["accuracy_a"]) < 1.96 * se_difference


def _mcnemar_p():
    return mcnemar_test(*paired_predictions()).p_value


def _binomtest_on_all_samples():
    from scipy.stats import binomtest

    result = mcnemar_test(*paired_predictions())
    return binomtest(result.only_a_right, len(paired_predictions()[0]), 0.5).pvalue


def _optimism():
    runs = seed_runs()
    return float(runs.max() - runs.mean())


q1 = NumberQuestion(
    name="Question 1 (binomial standard error)",
    expected=_se_b,
    tolerance=0.0005,
    mistakes=[
        (lambda: REPORT["accuracy_b"] * (1 - REPORT["accuracy_b"]) / REPORT["n_test"],
         "that is the variance p(1 − p)/n. The standard error is its square root."),
        (lambda: REPORT["accuracy_b"] * (1 - REPORT["accuracy_b"]) / math.sqrt(REPORT["n_test"]),
         "the square root belongs over the whole fraction: sqrt(p (1 − p) / n)."),
        (lambda: math.sqrt(REPORT["accuracy_b"] * (1 - REPORT["accuracy_b"])),
         "that is the spread of a single test sample (right or wrong). Divide by n inside the root."),
    ],
    low=0.0, high=0.5,
    hint="p = REPORT['accuracy_b'], n = REPORT['n_test']; the standard error is sqrt(p * (1 - p) / n).",
    solution="p, n = REPORT['accuracy_b'], REPORT['n_test']\nse_b = np.sqrt(p * (1 - p) / n)",
)

q2 = ChoiceQuestion(
    name="Question 2 (is 0.83 better than 0.82?)",
    options={
        "yes": "each accuracy is uncertain by about ±0.03 (95 %) on 500 samples, so their difference by about "
               "±0.05: a gap of 0.01 is well inside the noise.",
        "no": "right: the 95 % half-width of the difference, 1.96 · sqrt(SE_a² + SE_b²), is about 0.05 — five "
              "times the reported gap. (Question 3 uses the paired predictions, which is sharper.)",
    },
    expected=lambda: "no" if _difference_is_noise() else "yes",
    hint="Compute both standard errors; the difference of two independent estimates has SE "
         "sqrt(SE_a² + SE_b²). Is |0.83 − 0.82| bigger than 1.96 times that?",
    solution="se_a = np.sqrt(0.82 * 0.18 / 500)\nse_diff = np.sqrt(se_a**2 + se_b**2)\n"
             "clearly_better = 'yes' if 0.01 > 1.96 * se_diff else 'no'",
)

q3 = NumberQuestion(
    name="Question 3 (McNemar p-value)",
    expected=_mcnemar_p,
    tolerance=0.002,
    mistakes=[
        (lambda: _mcnemar_p() / 2, "that is the one-sided p-value. The question is whether the models "
                                   "differ in either direction: double it."),
        (lambda: _binomtest_on_all_samples(),
         "the number of trials is the number of *discordant* samples (b + c), not the whole test set: "
         "samples both models get right or wrong say nothing about which is better."),
    ],
    low=0.0, high=1.0,
    hint="Count b = samples only A gets right and c = samples only B gets right. Under 'no difference', "
         "b is Binomial(b + c, 0.5): binomtest(b, b + c, 0.5).pvalue.",
    solution="a_right, b_right = pred_a == y_true, pred_b == y_true\n"
             "b, c = np.sum(a_right & ~b_right), np.sum(~a_right & b_right)\n"
             "p_mcnemar = binomtest(int(b), int(b + c), 0.5).pvalue",
)

q4 = ChoiceQuestion(
    name="Question 4 (one test set, one run each)",
    options={
        "mcnemar": "right: one shared test set and each model's predictions — compare them sample by sample.",
        "paired t-test": "a paired t-test needs several paired scores (seeds, splits or folds); here each "
                         "model has one run.",
        "unpaired": "the two models saw the *same* test samples; treating the accuracies as independent "
                    "throws away the pairing and is much less sensitive.",
    },
    expected=lambda: "mcnemar",
    hint="How many scores does each model have, and were they measured on the same samples?",
    solution="test = 'mcnemar'",
)

q5 = ChoiceQuestion(
    name="Question 5 (ten folds, both models)",
    options={
        "mcnemar": "McNemar compares predictions on one test set; here you have ten fold scores per model.",
        "paired t-test": "right: fold k of model A and fold k of model B share their data, so compare the ten "
                         "differences — and remember the folds overlap in training data, which makes the plain "
                         "t-test too confident (Nadeau & Bengio's correction).",
        "unpaired": "the fold scores are paired (same folds for both models); an unpaired test leaves the "
                    "fold-to-fold variation in and loses most of its power.",
    },
    expected=lambda: "paired t-test",
    hint="Both models were scored on the same ten folds.",
    solution="test = 'paired t-test'",
)

q6 = NumberQuestion(
    name="Question 6 (best-of-20 optimism)",
    expected=_optimism,
    tolerance=0.0005,
    mistakes=[
        (lambda: float(seed_runs().max() - seed_runs().min()),
         "that is the range (best minus worst). The question asks how far the best lies above the mean."),
    ],
    low=0.0, high=1.0,
    hint="runs = ex05.seed_runs(); compare runs.max() with runs.mean().",
    solution="runs = ex05.seed_runs()\noptimism = runs.max() - runs.mean()",
)
