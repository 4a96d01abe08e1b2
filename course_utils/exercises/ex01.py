"""Questions for solutions/01_accuracy_paradox_solutions.

The data are generated here, deterministically, and every expected answer is
computed from them with scikit-learn — the checker never stores a number.
"""

from __future__ import annotations

import numpy as np
from sklearn import metrics as skm

from ..checks import ChoiceQuestion, NumberQuestion
from ..data import make_binormal_scores
from ..metrics import predict_at_threshold

__all__ = ["screening_data", "QUIZ", "THRESHOLDS", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]

#: The seed article's quiz: 98 % accuracy, 12 % recall, here on 10,000 transactions with 200 frauds.
QUIZ = {"n_samples": 10_000, "n_positive": 200, "accuracy": 0.98, "recall": 0.12}

#: Candidate thresholds for question 4.
THRESHOLDS = np.round(np.arange(0.0, 1.0001, 0.01), 2)


def screening_data():
    """2,000 patients, 5 % sick, and a model's predicted probability of being sick.

    Returns
    -------
    y_true : ndarray of 0/1 (1 = sick)
    probabilities : ndarray of float in (0, 1)
    """
    y_true, raw = make_binormal_scores(100, 1900, auc=0.9, seed=7)
    order = np.random.default_rng(7).permutation(y_true.size)
    probabilities = 1.0 / (1.0 + np.exp(-(1.5 * raw[order] - 3.0)))
    return y_true[order], probabilities


def _predictions(threshold=0.5):
    y_true, probabilities = screening_data()
    return y_true, predict_at_threshold(probabilities, threshold)


def _largest_threshold_with_recall(target=0.9):
    y_true, probabilities = screening_data()
    ok = [t for t in THRESHOLDS if skm.recall_score(y_true, probabilities >= t) >= target]
    return float(max(ok))


q1 = NumberQuestion(
    name="Question 1 (precision)",
    expected=lambda: skm.precision_score(*_predictions()),
    mistakes=[(lambda: skm.recall_score(*_predictions()),
               "that is the recall: you divided by the actual positives (TP + FN). Precision divides by "
               "the *predicted* positives (TP + FP)."),
              (lambda: skm.accuracy_score(*_predictions()),
               "that is the accuracy. Precision only looks at the samples predicted positive.")],
    low=0.0, high=1.0,
    hint="Build two boolean masks, actual = (y_true == 1) and predicted = (y_pred == 1). "
         "TP = (actual & predicted).sum(), FP = (~actual & predicted).sum(); precision = TP / (TP + FP).",
    solution="actual, predicted = y_true == 1, y_pred == 1\n"
             "tp = np.sum(actual & predicted); fp = np.sum(~actual & predicted)\n"
             "precision = tp / (tp + fp)",
)

q2 = NumberQuestion(
    name="Question 2 (recall)",
    expected=lambda: skm.recall_score(*_predictions()),
    mistakes=[(lambda: skm.precision_score(*_predictions()),
               "that is the precision. Recall divides by the *actual* positives (TP + FN): "
               "of the sick patients, how many did the model find?"),
              (lambda: skm.recall_score(*_predictions(), pos_label=0),
               "that is the specificity, the recall of the healthy class. Recall is about class 1.")],
    low=0.0, high=1.0,
    hint="FN = (actual & ~predicted).sum(); recall = TP / (TP + FN).",
    solution="fn = np.sum(actual & ~predicted)\nrecall = tp / (tp + fn)",
)

q3 = NumberQuestion(
    name="Question 3 (the baseline)",
    expected=lambda: float(np.mean(screening_data()[0] == 0)),
    mistakes=[(lambda: float(np.mean(screening_data()[0])),
               "that is the share of sick patients — exactly the ones the baseline gets wrong.")],
    low=0.0, high=1.0,
    hint="'Always healthy' predicts 0 for everybody. It is right on every healthy patient.",
    solution="baseline_accuracy = np.mean(y_true == 0)",
)

q4 = NumberQuestion(
    name="Question 4 (threshold for recall 0.9)",
    expected=_largest_threshold_with_recall,
    tolerance=0.001,
    mistakes=[(lambda: 0.5, "at 0.5 the recall is far below 0.9: lower the threshold.")],
    low=0.0, high=1.0,
    hint="Loop over THRESHOLDS, compute recall_score(y_true, probabilities >= t) for each, "
         "keep the thresholds where it is at least 0.9 and take the largest one.",
    solution="recalls = [recall_score(y_true, probabilities >= t) for t in THRESHOLDS]\n"
             "threshold_for_recall = max(t for t, r in zip(THRESHOLDS, recalls) if r >= 0.9)",
)

q5 = NumberQuestion(
    name="Question 5 (frauds missed)",
    expected=lambda: round((1 - QUIZ["recall"]) * QUIZ["n_positive"]),
    tolerance=0.5,
    mistakes=[(lambda: round(QUIZ["recall"] * QUIZ["n_positive"]),
               "that is how many frauds it *catches* (the true positives)."),
              (lambda: round((1 - QUIZ["accuracy"]) * QUIZ["n_samples"]),
               "that is the total number of errors, false positives included.")],
    low=0.0, high=QUIZ["n_positive"],
    hint="Recall = TP / (number of frauds). The frauds it misses are the false negatives: "
         "(1 - recall) x number of frauds.",
    solution="missed = round((1 - QUIZ['recall']) * QUIZ['n_positive'])",
)

q6 = NumberQuestion(
    name="Question 6 (false alarms)",
    expected=lambda: round((1 - QUIZ["accuracy"]) * QUIZ["n_samples"]
                           - (1 - QUIZ["recall"]) * QUIZ["n_positive"]),
    tolerance=0.5,
    mistakes=[(lambda: round((1 - QUIZ["accuracy"]) * QUIZ["n_samples"]),
               "that is every error; some of those errors are the missed frauds from question 5.")],
    low=0.0, high=QUIZ["n_samples"],
    hint="Errors = (1 - accuracy) x n = FN + FP. You know FN from question 5.",
    solution="errors = round((1 - QUIZ['accuracy']) * QUIZ['n_samples'])\nfalse_alarms = errors - missed",
)


def _screening_choice():
    y_true, probabilities = screening_data()
    recall_a = skm.recall_score(y_true, probabilities >= 0.5)
    recall_b = skm.recall_score(y_true, probabilities >= 0.2)
    return "A" if recall_a > recall_b else "B"


q7 = ChoiceQuestion(
    name="Question 7 (which threshold to ship)",
    options={"A": "threshold 0.5 has the higher accuracy, but in screening a missed sick patient is the "
                  "expensive error: compare the recalls, not the accuracies.",
             "B": "threshold 0.2 finds more of the sick patients (higher recall) at the price of more false "
                  "alarms — the right trade when a miss is the costly error."},
    expected=_screening_choice,
    hint="Compute accuracy and recall at both thresholds. Which error is expensive in screening?",
    solution="for t in (0.5, 0.2):\n    y_hat = probabilities >= t\n"
             "    print(t, accuracy_score(y_true, y_hat), recall_score(y_true, y_hat))\nchoice = 'B'",
)
