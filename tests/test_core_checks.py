"""Checkers: reference answers pass, typical mistakes get their message, nothing crashes."""

import numpy as np
import pytest

from course_utils.checks import ArrayQuestion, ChoiceQuestion, NumberQuestion, Question, Verdict, ____
from course_utils.exercises import ex00, ex01

QUESTIONS = [(module.__name__.rsplit(".", 1)[1] + "." + name, question)
             for module in (ex00, ex01)
             for name, question in vars(module).items() if isinstance(question, Question)]
WRONG_TYPES = ["0.5", None, {"a": 1}, [1, 2, 3], np.zeros(3), lambda: 0.5, object(), float("nan"), True]


def test_every_exercise_module_has_questions():
    assert {name.split(".")[0] for name, _ in QUESTIONS} == {"ex00", "ex01"}
    assert sum(name.startswith("ex01") for name, _ in QUESTIONS) >= 5


@pytest.mark.parametrize("name, question", QUESTIONS, ids=[n for n, _ in QUESTIONS])
def test_reference_answer_is_correct_and_placeholder_not_attempted(name, question):
    assert question.evaluate(question.expected).status == "correct"
    assert question.evaluate(____).status == "not attempted"


@pytest.mark.parametrize("name, question", QUESTIONS, ids=[n for n, _ in QUESTIONS])
@pytest.mark.parametrize("answer", WRONG_TYPES, ids=lambda a: type(a).__name__)
def test_wrong_types_get_a_message_not_a_traceback(name, question, answer):
    verdict = question.evaluate(answer)
    assert verdict.status == "incorrect" and verdict.message


@pytest.mark.parametrize("name, question", [(n, q) for n, q in QUESTIONS if isinstance(q, NumberQuestion)],
                         ids=[n for n, q in QUESTIONS if isinstance(q, NumberQuestion)])
def test_typical_mistakes_get_their_teaching_message(name, question):
    for wrong, message in question.mistakes:
        assert question.evaluate(wrong()).message == message


@pytest.mark.parametrize("name, question", QUESTIONS, ids=[n for n, _ in QUESTIONS])
def test_check_hint_and_solution_display(name, question, capsys):
    question.check(question.expected)
    question.hint()
    question.solution()
    shown = capsys.readouterr().out
    assert "Correct" in shown and "Hint" in shown and "Solution" in shown


def test_expected_answers_are_computed_from_the_data(monkeypatch):
    y = np.array([1] * 30 + [0] * 70)
    probabilities = np.linspace(0.99, 0.01, 100)
    monkeypatch.setattr(ex01, "screening_data", lambda: (y, probabilities))
    assert ex01.q3.expected == pytest.approx(0.7)
    assert ex01.q2.expected == pytest.approx(1.0)  # every sick patient has p >= 0.5 here
    assert ex01.q1.expected == pytest.approx(30 / 50)
    assert ex01.q4.expected == pytest.approx(max(t for t in ex01.THRESHOLDS if np.mean(probabilities[:30] >= t) >= 0.9))
    monkeypatch.setitem(ex01.QUIZ, "recall", 0.5)
    assert ex01.q5.expected == 100


def test_choice_question_is_case_insensitive_and_lists_options():
    question = ChoiceQuestion(name="Q", options={"Precision": "no", "Recall": "yes"},
                              expected=lambda: "recall", hint="h", solution="s")
    assert question.evaluate(" RECALL ").status == "correct"
    verdict = question.evaluate("accuracy")
    assert verdict.status == "incorrect" and "'Precision', 'Recall'" in verdict.message


def test_array_question():
    question = ArrayQuestion(name="Q", expected=lambda: [0, 1, 1], hint="h", solution="s",
                             mistakes=[(lambda: [1, 0, 0], "you flipped the classes")])
    assert question.evaluate(np.array([0, 1, 1])).status == "correct"
    assert question.evaluate([1, 0, 0]).message == "you flipped the classes"
    assert question.evaluate([0, 1]).message == "expected 3 values, got 2."
    assert "1 of 3 values differ" in question.evaluate([0, 0, 1]).message


def test_verdict_renders():
    verdict = Verdict("incorrect", "look at FP")
    assert str(verdict) == "Incorrect: look at FP"
    assert "Incorrect" in verdict._repr_html_() and not verdict.correct


def test_placeholder_is_a_singleton_and_falsy():
    from course_utils.checks import _Placeholder

    assert _Placeholder() is ____ and not ____ and repr(____) == "____"
