"""Exercise set 07: reference answers pass, typical mistakes get their message, the premises hold.

The generic properties (sealed, robust to wrong types, placeholder = not
attempted) are tested for every set in test_exercises_sealed.py and
test_exercises_fuzz.py; this file checks what is particular to set 07.
"""

import numpy as np
import pytest

from course_utils.checks import FunctionQuestion, Question, ____
from course_utils.exercises import ex07
from course_utils.report import honest_report


def questions():
    return [value for _, value in sorted(vars(ex07).items()) if isinstance(value, Question)]


def status(question, answer):
    return question.evaluate(answer).status


def test_the_set_has_six_questions_and_a_function_to_write():
    assert len(questions()) >= 6
    assert any(isinstance(q, FunctionQuestion) for q in questions())


def test_premises_the_colleague_data_trip_one_leak_check_and_the_fix_clears_it():
    X, y = ex07.load_tumours()
    assert (y == "malignant").sum() == 212 and len(y) == 569
    colleague = ex07._colleague_report()
    assert colleague.warning_checks() & set(ex07._CHECKS) == {"synthetic rows"}
    honest = ex07._honest_report()
    assert not honest.warning_checks() & set(ex07._CHECKS)
    assert colleague.scores["balanced_accuracy"].value > honest.scores["balanced_accuracy"].value


def test_reference_answers_are_correct():
    X, y = ex07.load_tumours()
    assert status(ex07.q1, float((y == "benign").mean())) == "correct"
    assert status(ex07.q2, "interpolated") == "correct"
    report = honest_report(ex07.make_model(resample=True), X, y, positive_label="malignant",
                           false_negative_cost=ex07.MISSED_TUMOUR_COST)
    assert status(ex07.q3, report.scores["balanced_accuracy"].value) == "correct"

    def cost_per_case(y_true, y_pred, false_negative_cost):
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        fp = np.sum((y_pred == 1) & (y_true == 0))
        fn = np.sum((y_pred == 0) & (y_true == 1))
        return (fp + false_negative_cost * fn) / len(y_true)

    assert status(ex07.q4, cost_per_case) == "correct"
    assert status(ex07.q5, report.cost.cost_chosen) == "correct"
    expected = "yes" if report.cost.cost_default < report.cost.best_trivial_cost else "no"
    assert status(ex07.q6, expected) == "correct"


def test_typical_mistakes_get_their_message():
    X, y = ex07.load_tumours()
    minority = ex07.q1.evaluate(float((y == "malignant").mean()))
    assert minority.status == "incorrect" and "rarer" in minority.message
    colleague_score = ex07._colleague_report().scores["balanced_accuracy"].value
    assert "colleague" in ex07.q3.evaluate(colleague_score).message

    def swapped(y_true, y_pred, false_negative_cost):
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        return (false_negative_cost * np.sum((y_pred == 1) & (y_true == 0))
                + np.sum((y_pred == 0) & (y_true == 1))) / len(y_true)

    assert "swapped" in ex07.q4.evaluate(swapped).message
    assert "0.5" in ex07.q5.evaluate(ex07._honest_report().cost.cost_default).message
    assert status(ex07.q2, "duplicates") == "incorrect"


@pytest.mark.parametrize("index", range(6))
def test_placeholder_is_not_attempted(index):
    assert status(questions()[index], ____) == "not attempted"
