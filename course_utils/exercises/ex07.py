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
from . import make_progress

__all__ = ["load_tumours", "colleague_data", "make_model", "q1", "q2", "q3", "q4", "q5", "q6", "progress"]

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


q1 = rate_question(
    name="Question 1 (the majority baseline)",
    expected=_majority_rate,
    tolerance=0.0005,
    mistakes=[(_minority_rate, "that is the accuracy of always predicting the rarer diagnosis. The baseline "
                               "always predicts the more common one.")],
    hint="Count each diagnosis in y (y.value_counts()). A model that always predicts the more common one is "
         "right for exactly those rows.",
    solution="baseline_accuracy = y.value_counts(normalize=True).max()",
)

q2 = ChoiceQuestion(
    name="Question 2 (what does the report flag?)",
    options={
        "duplicates": "the duplicates check compares whole rows; it found no row of a test fold copied exactly in "
                      "its training fold. Read the warning that the report did print.",
        "interpolated": "the rows that a balancing step made by interpolating between two real tumours sit in "
                        "test folds while their parents are in training: the model is tested on near-copies.",
        "one column": "no single measurement predicts the diagnosis on its own with balanced accuracy ≥ 0.95 "
                      "here. Read the warning that the report did print.",
        "groups": "no groups were given, so this check could not look for them; it prints a note, not a "
                  "warning.",
        "time": "no time order was given, so this check could not look for it; it prints a note, not a "
                "warning.",
        "none": "the report does print a warning for the colleague's data: look at report.warnings.",
    },
    expected=_flagged_check,
    hint="Run honest_report on colleague_data() and print each finding in report.warnings: its .check and "
         ".message. Answer with the label above that describes it.",
    solution="report = honest_report(ex07.make_model(), X_c, y_c, positive_label='malignant', n_repeats=1)\n"
             "for finding in report.warnings:\n    print(finding.check, '|', finding.message)",
)

q3 = rate_question(
    name="Question 3 (the honest balanced accuracy)",
    expected=lambda: _honest_report().scores["balanced_accuracy"].value,
    # Tight: notebook 07 prints numbers within 0.002 of this one, and copying them must not pass.
    tolerance=1e-4,
    mistakes=[(lambda: _colleague_report().scores["balanced_accuracy"].value,
               "that is the score on the colleague's prepared rows. Start again from load_tumours() and let the "
               "pipeline do the balancing inside each training fold (make_model(resample=True)).")],
    hint="report = honest_report(ex07.make_model(resample=True), X, y, positive_label='malignant', "
         "false_negative_cost=ex07.MISSED_TUMOUR_COST) with X, y = ex07.load_tumours() and the default settings; "
         "then report.scores['balanced_accuracy'].value.",
    solution="X, y = ex07.load_tumours()\n"
             "report = honest_report(ex07.make_model(resample=True), X, y, positive_label='malignant',\n"
             "                       false_negative_cost=ex07.MISSED_TUMOUR_COST)\n"
             "honest_balanced_accuracy = report.scores['balanced_accuracy'].value",
)

q4 = FunctionQuestion(
    name="Question 4 (write cost_per_case)",
    expected=_cost_reference,
    cases=_cost_cases,
    mistakes=[(_swapped_costs, "The costs look swapped: a false negative (an actual 1 predicted 0) costs "
                               "false_negative_cost, a false positive costs 1."),
              (_total_not_mean, "That looks like the total cost; divide by the number of cases.")],
    hint="A false positive is y_pred == 1 where y_true == 0; a false negative the reverse. Count each with "
         "np.sum of a boolean mask, weight the false negatives, divide by len(y_true).",
    solution="def cost_per_case(y_true, y_pred, false_negative_cost):\n"
             "    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)\n"
             "    fp = np.sum((y_pred == 1) & (y_true == 0))\n"
             "    fn = np.sum((y_pred == 0) & (y_true == 1))\n"
             "    return (fp + false_negative_cost * fn) / len(y_true)",
)

q5 = NumberQuestion(
    name="Question 5 (the cost at the chosen threshold)",
    expected=lambda: _honest_report().cost.cost_chosen,
    tolerance=0.002,
    mistakes=[(lambda: _honest_report().cost.cost_default,
               "that is the cost at threshold 0.5. The question asks for the thresholds chosen on validation "
               "data (report.cost)."),
              (lambda: _honest_report().cost.best_trivial_cost,
               "that is the cost of the best rule that ignores the model.")],
    low=0.0, high=float(MISSED_TUMOUR_COST),
    hint="The report of question 3 was built with false_negative_cost; its .cost holds the cost per case at "
         "the chosen thresholds, at 0.5, and of the trivial rules.",
    solution="cost_chosen = report.cost.cost_chosen",
)


def _threshold_half_wins():
    cost = _honest_report().cost
    return "yes" if cost.cost_default < cost.best_trivial_cost else "no"


q6 = ChoiceQuestion(
    name="Question 6 (is threshold 0.5 good enough here?)",
    options={
        "yes": "compare report.cost.cost_default with report.cost.best_trivial_cost: threshold 0.5 costs less "
               "than the best rule that ignores the model.",
        "no": "compare report.cost.cost_default with report.cost.best_trivial_cost: at this cost of a missed "
              "tumour, threshold 0.5 costs more than the best rule that ignores the model.",
    },
    expected=_threshold_half_wins,
    hint="Does threshold 0.5 cost less per case than the best trivial rule (everyone benign, or everyone "
         "followed up)? Both numbers are in report.cost.",
    solution="beats_trivial = 'yes' if report.cost.cost_default < report.cost.best_trivial_cost else 'no'",
)

progress = make_progress(__name__, "Exercises 07")
