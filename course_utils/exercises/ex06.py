"""Questions for solutions/06_sequence_models_solutions.

All data are generated here without training anything, and every expected
answer is computed from them.
"""

from __future__ import annotations

import numpy as np

from ..checks import ChoiceQuestion, NumberQuestion
from ..sequences import (bag_of_tokens_accuracy, counting_task, noisy_tagging_task, permutation_test,
                         sequence_accuracy, token_accuracy)

__all__ = ["tagging_example", "REPORT", "mystery_task", "weak_predictions",
           "q1", "q2", "q3", "q4", "q5", "q6"]

#: A reported result: an LSTM's accuracy on a balanced test set of this size.
REPORT = {"accuracy": 0.56, "n_test": 200}


def tagging_example():
    """Padded sequences, their per-token labels, a tagger's predictions and the padding mask.

    The "tagger" here is a rule that ignores the label noise (it predicts the
    clean label), so its real-token accuracy is about 0.7.
    """
    X, y, mask = noisy_tagging_task(50, max_length=12, padding_fraction=0.5, seed=6)
    predicted = np.where(mask, (X > 4).astype(int), 0)
    return y, predicted, mask


def mystery_task():
    """Train and test sequences of a task whose rule you do not know: X_train, y_train, X_test, y_test."""
    X_train, y_train = counting_task(600, length=12, seed=21)
    X_test, y_test = counting_task(400, length=12, seed=22)
    return X_train, y_train, X_test, y_test


def weak_predictions():
    """Test labels and a model's predictions that agree 58 % of the time."""
    rng = np.random.default_rng(3)
    y_true = rng.integers(0, 2, 200)
    agree = np.zeros(200, bool)
    agree[rng.permutation(200)[:116]] = True
    return y_true, np.where(agree, y_true, 1 - y_true)


def _binomial_p_value():
    from scipy.stats import binomtest

    successes = round(REPORT["accuracy"] * REPORT["n_test"])
    return binomtest(successes, REPORT["n_test"], 0.5).pvalue


q1 = NumberQuestion(
    name="Question 1 (token accuracy without padding)",
    expected=lambda: token_accuracy(*tagging_example()[:2], mask=tagging_example()[2]),
    mistakes=[(lambda: token_accuracy(*tagging_example()[:2]),
               "that counts the padding positions, which the tagger gets right for free. Use the mask.")],
    low=0.0, high=1.0,
    hint="correct = (y_true == y_pred); average it only where mask is True: correct[mask].mean().",
    solution="masked_accuracy = np.mean((y_true == y_pred)[mask])",
)

q2 = NumberQuestion(
    name="Question 2 (per-sequence accuracy)",
    expected=lambda: sequence_accuracy(*tagging_example()[:2], mask=tagging_example()[2]),
    mistakes=[(lambda: token_accuracy(*tagging_example()[:2], mask=tagging_example()[2]),
               "that is the per-token accuracy. A sequence counts only if *all* its real tokens are right.")],
    low=0.0, high=1.0,
    hint="A padded position can never make a sequence wrong: (correct | ~mask).all(axis=1).mean().",
    solution="sequence_ok = ((y_true == y_pred) | ~mask).all(axis=1)\nper_sequence = sequence_ok.mean()",
)

q3 = NumberQuestion(
    name="Question 3 (binomial p-value)",
    expected=_binomial_p_value,
    tolerance=0.002,
    low=0.0, high=1.0,
    hint="scipy.stats.binomtest(k, n, 0.5).pvalue with k = accuracy x n correct predictions.",
    solution="k = round(REPORT['accuracy'] * REPORT['n_test'])\n"
             "p_value = binomtest(k, REPORT['n_test'], 0.5).pvalue",
)

q4 = ChoiceQuestion(
    name="Question 4 (beats chance?)",
    options={"yes": "p < 0.05 would be needed to call it better than a coin at the usual level.",
             "no": "right: with this many test sequences, this accuracy is within what a coin flip "
                   "produces one time in ten or more."},
    expected=lambda: "yes" if _binomial_p_value() < 0.05 else "no",
    hint="Compare your p-value from question 3 with 0.05.",
    solution="beats_chance = 'yes' if p_value < 0.05 else 'no'",
)

q5 = ChoiceQuestion(
    name="Question 5 (does the mystery task need order?)",
    options={"yes": "if an order-blind model scores this well, order is not needed to solve the task.",
             "no": "right: token counts alone solve it, so an LSTM's high score proves nothing about order."},
    expected=lambda: "no" if bag_of_tokens_accuracy(*mystery_task()) > 0.9 else "yes",
    hint="Score sequences.bag_of_tokens_accuracy(X_train, y_train, X_test, y_test). "
         "If counting tokens is enough, order is not needed.",
    solution="bag = sequences.bag_of_tokens_accuracy(*ex06.mystery_task())\n"
             "needs_order = 'no' if bag > 0.9 else 'yes'",
)

q6 = NumberQuestion(
    name="Question 6 (permutation p-value)",
    expected=lambda: permutation_test(*weak_predictions(), n_permutations=2000, seed=0).p_value,
    tolerance=0.015,
    low=0.0, high=1.0,
    hint="sequences.permutation_test(y_true, y_pred, n_permutations=2000).p_value — a Monte-Carlo "
         "estimate, so any seed gives nearly the same answer.",
    solution="p_perm = sequences.permutation_test(y_true_w, y_pred_w, n_permutations=2000, seed=0).p_value",
)
