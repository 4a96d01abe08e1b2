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
from . import QuestionText, make_progress

__all__ = ["screening_data", "QUIZ", "THRESHOLDS", "CANDIDATES", "MISS_COST",
           "q1", "q2", "q3", "q4", "q5", "q6", "q7", "progress"]

#: What the learner reads, from ex01.toml beside this module.
_TEXT = QuestionText.for_module(__name__)

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


def _precision_recall_swapped(y_true, y_pred):
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


q1 = _TEXT.ask(FunctionQuestion, "q1", expected=_precision_recall_f1, cases=_metric_cases,
               mistakes={"precision_recall_swapped": _precision_recall_swapped,
                         "harmonic_f1": _harmonic_f1,
                         "zero_for_undefined": _zero_for_undefined})

# --- questions 2–5: the screening model ----------------------------------------------------------


def _baseline_accuracy():
    """Accuracy of 'everybody is healthy': the share of healthy patients."""
    return float(np.mean(screening_data()[0] == 0))


q2 = _TEXT.ask(NumberQuestion, "q2", expected=lambda: _counts().accuracy - _baseline_accuracy(),
               tolerance=0.0002, low=-1.0, high=1.0,
               mistakes={"sign_flipped": lambda: _baseline_accuracy() - _counts().accuracy,
                         "minus_share_of_sick": lambda: _counts().accuracy - float(np.mean(screening_data()[0])),
                         "model_accuracy_alone": lambda: _counts().accuracy})

q3 = _TEXT.ask(rate_question, "q3", expected=lambda: _counts().balanced_accuracy,
               mistakes={"plain_accuracy": lambda: _counts().accuracy,
                         "precision_recall_mean": lambda: (_counts().precision + _counts().recall) / 2,
                         "recall_alone": lambda: _counts().recall})


def _largest_threshold_with_recall(target=0.9):
    return float(max(t for t in THRESHOLDS if _counts(t).recall >= target))


def _smallest_threshold_short_of_recall(target=0.9):
    return float(min(t for t in THRESHOLDS if _counts(t).recall < target))


q4 = _TEXT.ask(rate_question, "q4", expected=_largest_threshold_with_recall,
               mistakes={"default_threshold": lambda: 0.5,
                         "one_step_too_high": _smallest_threshold_short_of_recall})


def _counts_at_recall_threshold():
    """The counts at the threshold of question 4."""
    return _counts(_largest_threshold_with_recall())


def _alarms_per_find():
    counts = _counts_at_recall_threshold()
    return counts.fp / counts.tp


q5 = _TEXT.ask(NumberQuestion, "q5", expected=_alarms_per_find, tolerance=0.01, low=0.0, high=2000.0,
               mistakes={"finds_per_alarm": lambda: 1 / _alarms_per_find(),
                         "false_alarm_count": lambda: _counts_at_recall_threshold().fp,
                         "false_discovery_rate": lambda: 1 - _counts_at_recall_threshold().precision})

# --- question 6: the quiz, as one honest number --------------------------------------------------


def _quiz_errors():
    return round((1 - QUIZ["accuracy"]) * QUIZ["n_samples"])


def _quiz_counts(false_alarms=None):
    tp = round(QUIZ["recall"] * QUIZ["n_positive"])
    fn = QUIZ["n_positive"] - tp
    fp = _quiz_errors() - fn if false_alarms is None else false_alarms
    return ConfusionCounts(tp=tp, fp=fp, fn=fn, tn=QUIZ["n_samples"] - QUIZ["n_positive"] - fp)


def _mcc_with_every_error_a_false_alarm():
    return _quiz_counts(false_alarms=_quiz_errors()).mcc


q6 = _TEXT.ask(NumberQuestion, "q6", expected=lambda: _quiz_counts().mcc, tolerance=0.001, low=-1.0, high=1.0,
               mistakes={"every_error_a_false_alarm": _mcc_with_every_error_a_false_alarm,
                         "balanced_accuracy": lambda: _quiz_counts().balanced_accuracy,
                         "quiz_accuracy": lambda: QUIZ["accuracy"]})

# --- question 7: choose a threshold by what the errors cost --------------------------------------


def _cheapest_candidate():
    costs = {name: MISS_COST * _counts(t).fn + _counts(t).fp for name, t in CANDIDATES.items()}
    return min(costs, key=costs.get)


q7 = _TEXT.ask(ChoiceQuestion, "q7", expected=_cheapest_candidate)

progress = make_progress(__name__, "Exercises 01")
