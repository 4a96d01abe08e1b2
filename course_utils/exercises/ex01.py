"""Questions for solutions/01_accuracy_paradox_solutions.

The screening data come from :func:`course_utils.data.make_binormal_probabilities`
with fixed arguments (the teaching notebook never uses them), and every expected
answer is computed from them — the checker never stores a number.
"""

from __future__ import annotations

import numpy as np

from ..checks import ChoiceQuestion, FunctionQuestion, NumberQuestion, rate_question
from ..data import make_binormal_probabilities
from ..metrics import ConfusionCounts, confusion_counts, predict_at_threshold
from . import make_progress

__all__ = ["screening_data", "QUIZ", "THRESHOLDS", "CANDIDATES", "MISS_COST",
           "q1", "q2", "q3", "q4", "q5", "q6", "q7", "progress"]

#: The RNN-metrics note's quiz: 98 % accuracy, 12 % recall, here on 10,000 transactions with 200 frauds.
QUIZ = {"n_samples": 10_000, "n_positive": 200, "accuracy": 0.98, "recall": 0.12}

#: Candidate thresholds for question 4 (0.00, 0.01, …, 1.00).
THRESHOLDS = np.round(np.arange(0.0, 1.0001, 0.01), 2)

#: Question 7: three thresholds the screening programme considers.
CANDIDATES = {"A": 0.5, "B": 0.2, "C": 0.05}

#: Question 7: a sick patient sent home costs as much as this many false alarms.
MISS_COST = 10


def screening_data():
    """2,000 patients, 5 % sick, and a model's predicted probability of being sick.

    Returns
    -------
    y_true : ndarray of 0/1 (1 = sick)
    probabilities : ndarray of float in (0, 1)

    Examples
    --------
    >>> y_true, probabilities = screening_data()
    >>> len(y_true), int(y_true.sum())
    (2000, 100)
    """
    return make_binormal_probabilities(100, 1900, auc=0.9, slope=1.5, intercept=-3.0, seed=7)


def _counts(threshold=0.5):
    y_true, probabilities = screening_data()
    return confusion_counts(y_true, predict_at_threshold(probabilities, threshold))


# --- question 1: precision, recall and F1 from scratch -----------------------------------------


def _precision_recall_f1(y_true, y_pred):
    def count(truth, prediction):
        return int(np.sum((y_true == truth) & (y_pred == prediction)))

    counts = ConfusionCounts(tp=count(1, 1), fp=count(0, 1), fn=count(1, 0), tn=count(0, 0))
    return counts.precision, counts.recall, counts.f1


def _recall_precision_f1(y_true, y_pred):
    precision, recall, f1 = _precision_recall_f1(y_true, y_pred)
    return recall, precision, f1


def _harmonic_f1(y_true, y_pred):
    precision, recall, _ = _precision_recall_f1(y_true, y_pred)
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else float("nan")


def _zero_for_undefined(y_true, y_pred):
    return tuple(0.0 if np.isnan(value) else value for value in _precision_recall_f1(y_true, y_pred))


def _metric_cases():
    """Hidden cases: edge cases first (nothing flagged, no positives, nothing at all), then random ones."""
    cases = [([0, 0, 1], [0, 0, 0]), ([0, 0, 0], [0, 1, 0]), ([0, 0], [0, 0]), ([1, 1, 0, 1], [1, 0, 0, 1]),
             ([1, 0, 1, 0, 0], [1, 1, 1, 0, 0])]
    rng = np.random.default_rng(101)
    for n, prevalence in [(12, 0.3), (40, 0.1), (200, 0.05), (500, 0.5)]:
        y_true = (rng.random(n) < prevalence).astype(int)
        y_pred = np.where(rng.random(n) < 0.8, y_true, 1 - y_true)
        cases.append((y_true, y_pred))
    return [(np.asarray(t, dtype=int), np.asarray(p, dtype=int)) for t, p in cases]


q1 = FunctionQuestion(
    name="Question 1 (precision, recall and F1 from scratch)",
    expected=_precision_recall_f1,
    cases=_metric_cases,
    mistakes=[(_recall_precision_f1, "Your first two numbers are swapped: precision divides TP by the *predicted* "
                                     "positives, recall by the *actual* positives."),
              (_harmonic_f1, "F1 as 2·P·R / (P + R) is undefined whenever precision is; the question's "
                             "2·TP / (2·TP + FP + FN) is defined as long as anything is positive or flagged."),
              (_zero_for_undefined, "When nothing is flagged, precision is 0 / 0: undefined. Return "
                                    "float('nan') there, not 0 (scikit-learn's 0 is a convention that hides it).")],
    hint="Masks: tp = np.sum((y_true == 1) & (y_pred == 1)); fp, fn likewise. Divide only when the "
         "denominator is above 0, else use float('nan'). F1 = 2·tp / (2·tp + fp + fn).",
    solution="def precision_recall_f1(y_true, y_pred):\n"
             "    tp = np.sum((y_true == 1) & (y_pred == 1))\n"
             "    fp = np.sum((y_true == 0) & (y_pred == 1))\n"
             "    fn = np.sum((y_true == 1) & (y_pred == 0))\n"
             "    def ratio(a, b):\n"
             "        return a / b if b > 0 else float('nan')\n"
             "    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)",
)

# --- questions 2–5: the screening model ----------------------------------------------------------

q2 = NumberQuestion(
    name="Question 2 (accuracy above the baseline)",
    expected=lambda: _counts().accuracy - float(np.mean(screening_data()[0] == 0)),
    tolerance=0.0002,
    mistakes=[(lambda: float(np.mean(screening_data()[0] == 0)) - _counts().accuracy,
               "The sign is flipped: compute the model's accuracy minus the baseline's."),
              (lambda: _counts().accuracy - float(np.mean(screening_data()[0])),
               "You subtracted the share of *sick* patients. 'Everybody is healthy' is right on every healthy "
               "patient: its accuracy is the share of healthy ones."),
              (lambda: _counts().accuracy, "That is the model's accuracy alone; subtract the baseline's.")],
    low=-1.0, high=1.0,
    hint="accuracy = np.mean(y_pred == y_true); the baseline predicts 0 for everybody, so its accuracy is "
         "np.mean(y_true == 0). Subtract the second from the first.",
    solution="model_accuracy = np.mean(y_pred == y_true)\n"
             "baseline_accuracy = np.mean(y_true == 0)\n"
             "gain = model_accuracy - baseline_accuracy",
)

q3 = rate_question(
    name="Question 3 (balanced accuracy)",
    expected=lambda: _counts().balanced_accuracy,
    mistakes=[(lambda: _counts().accuracy, "That is plain accuracy. Balanced accuracy averages the recall of the "
                                           "sick (recall) and of the healthy (specificity) with equal weight."),
              (lambda: (_counts().precision + _counts().recall) / 2,
               "You averaged precision and recall. Balanced accuracy averages recall and *specificity*: "
               "TN / (TN + FP)."),
              (lambda: _counts().recall, "That is recall alone; average it with the specificity.")],
    hint="specificity = TN / (TN + FP); balanced accuracy = (recall + specificity) / 2. Your function from "
         "question 1 gives the recall.",
    solution="tn = np.sum((y_true == 0) & (y_pred == 0))\nfp = np.sum((y_true == 0) & (y_pred == 1))\n"
             "recall = precision_recall_f1(y_true, y_pred)[1]\n"
             "balanced_accuracy = (recall + tn / (tn + fp)) / 2",
)


def _largest_threshold_with_recall(target=0.9):
    return float(max(t for t in THRESHOLDS if _counts(t).recall >= target))


q4 = rate_question(
    name="Question 4 (threshold for recall 0.9)",
    expected=_largest_threshold_with_recall,
    mistakes=[(lambda: 0.5, "At 0.5 the recall is far below 0.9: lower the threshold."),
              (lambda: float(min(t for t in THRESHOLDS if _counts(t).recall < 0.9)),
               "That threshold is one step too high: its recall is already below 0.9. Take the largest "
               "threshold whose recall is *at least* 0.9.")],
    hint="Loop over ex01.THRESHOLDS, flag probabilities >= t, compute the recall for each, keep the "
         "thresholds where it is at least 0.9 and take the largest one.",
    solution="recalls = [precision_recall_f1(y_true, (probabilities >= t).astype(int))[1] for t in ex01.THRESHOLDS]\n"
             "threshold_for_recall = max(t for t, r in zip(ex01.THRESHOLDS, recalls) if r >= 0.9)",
)


def _alarms_per_find():
    counts = _counts(_largest_threshold_with_recall())
    return counts.fp / counts.tp


q5 = NumberQuestion(
    name="Question 5 (false alarms per sick patient found)",
    expected=_alarms_per_find,
    tolerance=0.01,
    mistakes=[(lambda: 1 / _alarms_per_find(), "Upside down: divide the false alarms by the sick patients found."),
              (lambda: _counts(_largest_threshold_with_recall()).fp,
               "That is the number of false alarms; divide it by the number of sick patients found (TP)."),
              (lambda: 1 - _counts(_largest_threshold_with_recall()).precision,
               "That is the share of flags that are false alarms, FP / (TP + FP). The question divides by TP only.")],
    low=0.0, high=2000.0,
    hint="At the threshold of question 4: FP = healthy patients flagged, TP = sick patients flagged; "
         "the ratio is FP / TP.",
    solution="flagged = probabilities >= threshold_for_recall\n"
             "tp = np.sum(flagged & (y_true == 1)); fp = np.sum(flagged & (y_true == 0))\n"
             "alarms_per_find = fp / tp",
)

# --- question 6: the quiz, as one honest number --------------------------------------------------


def _quiz_counts(false_alarms=None):
    tp = round(QUIZ["recall"] * QUIZ["n_positive"])
    fn = QUIZ["n_positive"] - tp
    errors = round((1 - QUIZ["accuracy"]) * QUIZ["n_samples"])
    fp = errors - fn if false_alarms is None else false_alarms
    return ConfusionCounts(tp=tp, fp=fp, fn=fn, tn=QUIZ["n_samples"] - QUIZ["n_positive"] - fp)


q6 = NumberQuestion(
    name="Question 6 (the quiz model's MCC)",
    expected=lambda: _quiz_counts().mcc,
    tolerance=0.001,
    mistakes=[(lambda: _quiz_counts(false_alarms=round((1 - QUIZ["accuracy"]) * QUIZ["n_samples"])).mcc,
               "You counted every error as a false alarm. Some of the errors are the missed frauds: "
               "FP = errors − FN."),
              (lambda: _quiz_counts().balanced_accuracy, "That is balanced accuracy, not MCC."),
              (lambda: QUIZ["accuracy"], "That is the quiz's accuracy; build the four counts and compute MCC.")],
    low=-1.0, high=1.0,
    hint="TP = recall × frauds; FN = frauds − TP; errors = (1 − accuracy) × n = FN + FP; TN = the rest. "
         "MCC = (TP·TN − FP·FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)).",
    solution="tp = round(0.12 * 200); fn = 200 - tp\n"
             "fp = round(0.02 * 10_000) - fn; tn = 10_000 - 200 - fp\n"
             "mcc = (tp * tn - fp * fn) / np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))",
)

# --- question 7: choose a threshold by what the errors cost --------------------------------------


def _cheapest_candidate():
    costs = {name: MISS_COST * _counts(t).fn + _counts(t).fp for name, t in CANDIDATES.items()}
    return min(costs, key=costs.get)


q7 = ChoiceQuestion(
    name="Question 7 (which threshold to ship)",
    options={"A": "A has the best accuracy and the fewest false alarms, but it sends most sick patients home, "
                  "and each of those costs as much as ten false alarms. Total the cost of both kinds of error.",
             "B": "B misses about a quarter of the sick patients and flags a few hundred healthy ones; "
                  "counted at ten false alarms per miss, that is the cheapest of the three.",
             "C": "C finds almost every sick patient, but the hundreds of extra false alarms cost more than the "
                  "few misses it avoids. Total the cost of both kinds of error."},
    expected=_cheapest_candidate,
    hint="For each candidate: cost = ex01.MISS_COST × FN + FP. Pick the smallest total.",
    solution="for name, t in ex01.CANDIDATES.items():\n"
             "    flagged = probabilities >= t\n"
             "    fn = np.sum(~flagged & (y_true == 1)); fp = np.sum(flagged & (y_true == 0))\n"
             "    print(name, t, ex01.MISS_COST * fn + fp)\n"
             "choice = 'B'  # the smallest total cost",
)

progress = make_progress(__name__, "Exercises 01")
