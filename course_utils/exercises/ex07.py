"""Questions for solutions/07_honest_evaluation_solutions.

The data: scikit-learn's bundled Wisconsin breast-cancer images (569 tumours,
30 measurements each), and a copy of it that a colleague prepared. Every
expected answer is computed here, from the same data, with
:func:`course_utils.report.honest_report` or NumPy.
"""

from __future__ import annotations

import functools

import numpy as np

from ..checks import ChoiceQuestion, FunctionQuestion, NumberQuestion, rate_question
from ..data import load_tumours
from ..metrics import majority_rate
from . import QuestionText, make_progress

__all__ = ["load_tumours", "colleague_data", "make_model", "q1", "q2", "q3", "q4", "q5", "q6", "progress"]

#: What the learner reads, from ex07.toml beside this module.
_TEXT = QuestionText.for_module(__name__)

#: The cost of a missed malignant tumour, in units of one needless follow-up of a benign one.
MISSED_TUMOUR_COST = 10


def colleague_data():
    """The colleague's prepared version of the same tumours, as they handed it over: ``X``, ``y``.

    Examples
    --------
    >>> X, y = colleague_data()
    >>> X.shape[1], len(X) == len(y)
    (30, True)
    """
    from imblearn.over_sampling import SMOTE

    X, y = load_tumours()
    return SMOTE(random_state=0).fit_resample(X, y)


def make_model(*, resample=False):
    """Scaling + logistic regression (fully converged); ``resample=True`` adds SMOTE inside the pipeline.

    Examples
    --------
    >>> [name for name, _ in make_model(resample=True).steps]
    ['standardscaler', 'smote', 'logisticregression']
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    if resample:
        from imblearn.over_sampling import SMOTE
        from imblearn.pipeline import make_pipeline

        return make_pipeline(StandardScaler(), SMOTE(random_state=0), LogisticRegression(max_iter=5000, tol=1e-10))
    from sklearn.pipeline import make_pipeline

    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000, tol=1e-10))


# --- reference computations (cached: each report takes a few seconds) ------------------------------


@functools.cache
def _colleague_report():
    from ..report import honest_report

    X, y = colleague_data()
    return honest_report(make_model(), X, y, positive_label="malignant", n_repeats=1)


@functools.cache
def _honest_report():
    from ..report import honest_report

    X, y = load_tumours()
    return honest_report(make_model(resample=True), X, y, positive_label="malignant",
                         false_negative_cost=MISSED_TUMOUR_COST)


def _majority_rate():
    return majority_rate(load_tumours()[1])


def _minority_rate():
    return 1 - _majority_rate()


_CHECKS = {"duplicates": "duplicates", "synthetic rows": "interpolated", "single feature": "one column",
           "groups": "groups", "time order": "time"}


def _flagged_check():
    raised = [check for check in _CHECKS if check in _colleague_report().warning_checks()]
    return _CHECKS[raised[0]] if raised else "none"


def _cost_reference(y_true, y_pred, false_negative_cost):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    false_positives = np.sum((y_pred == 1) & (y_true == 0))
    false_negatives = np.sum((y_pred == 0) & (y_true == 1))
    return float((false_positives + false_negative_cost * false_negatives) / y_true.size)


def _cost_cases():
    rng = np.random.default_rng(7)
    cases = [([0, 1], [0, 1], 5.0), ([1, 1, 0], [0, 0, 0], 10.0), ([0, 0, 1, 1], [1, 1, 1, 1], 3.0),
             ([1, 0, 1, 0, 1], [1, 0, 0, 1, 1], 1.0)]
    for n in (20, 57, 200):
        y_true = rng.integers(0, 2, n)
        y_pred = np.where(rng.random(n) < 0.8, y_true, 1 - y_true)
        cases.append((y_true, y_pred, float(rng.choice([2.0, 5.0, 10.0]))))
    return cases


def _swapped_costs(y_true, y_pred, false_negative_cost):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return float((false_negative_cost * np.sum((y_pred == 1) & (y_true == 0))
                  + np.sum((y_pred == 0) & (y_true == 1))) / y_true.size)


def _total_not_mean(y_true, y_pred, false_negative_cost):
    return _cost_reference(y_true, y_pred, false_negative_cost) * len(y_true)


# --- questions -----------------------------------------------------------------------------

q1 = _TEXT.ask(rate_question, "q1", expected=_majority_rate, tolerance=0.0005,
               mistakes={"minority_rate": _minority_rate})

q2 = _TEXT.ask(ChoiceQuestion, "q2", expected=_flagged_check)

# tolerance 1e-4 is tight on purpose: notebook 07 prints numbers within 0.002 of this one, and copying them
# must not pass.
q3 = _TEXT.ask(rate_question, "q3", expected=lambda: _honest_report().scores["balanced_accuracy"].value,
               tolerance=1e-4,
               mistakes={"colleague_data_score": lambda: _colleague_report().scores["balanced_accuracy"].value})

q4 = _TEXT.ask(FunctionQuestion, "q4", expected=_cost_reference, cases=_cost_cases,
               mistakes={"swapped_costs": _swapped_costs,
                         "total_not_mean": _total_not_mean})

q5 = _TEXT.ask(NumberQuestion, "q5", expected=lambda: _honest_report().cost.cost_chosen, tolerance=0.002,
               low=0.0, high=float(MISSED_TUMOUR_COST),
               mistakes={"cost_at_threshold_half": lambda: _honest_report().cost.cost_default,
                         "best_trivial_rule": lambda: _honest_report().cost.best_trivial_cost})


def _threshold_half_wins():
    cost = _honest_report().cost
    return "yes" if cost.cost_default < cost.best_trivial_cost else "no"


q6 = _TEXT.ask(ChoiceQuestion, "q6", expected=_threshold_half_wins)

progress = make_progress(__name__, "Exercises 07")
