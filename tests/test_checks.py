"""Exercise checkers: reference answer passes, placeholder is "not attempted", wrong types never raise."""

import numpy as np
import pytest
from sklearn import metrics as skm

from course_utils import checks
from course_utils.checks import ArrayQuestion, ChoiceQuestion, NumberQuestion, Question, Verdict, ____
import importlib
import pkgutil

import course_utils.exercises
from course_utils.exercises import ex00, ex01

# Every exercise module is covered automatically, including ones added later.
EXERCISE_MODULES = tuple(importlib.import_module(f"course_utils.exercises.{info.name}")
                         for info in pkgutil.iter_modules(course_utils.exercises.__path__))


def all_questions():
    found = []
    for module in EXERCISE_MODULES:
        for name in sorted(vars(module)):
            value = getattr(module, name)
            if isinstance(value, Question):
                found.append(pytest.param(value, id=f"{module.__name__.rsplit('.', 1)[-1]}.{name}"))
    return found


QUESTIONS = all_questions()


def test_questions_were_found():
    ids = {p.id for p in QUESTIONS}
    assert {"ex00.q1", "ex01.q1", "ex01.q4", "ex01.q7"} <= ids


@pytest.mark.parametrize("question", QUESTIONS)
def test_reference_answer_is_correct(question):
    verdict = question.evaluate(question.expected)
    assert verdict.status == "correct", verdict.message
    assert verdict.correct


@pytest.mark.parametrize("question", QUESTIONS)
def test_placeholder_is_not_attempted(question):
    verdict = question.evaluate(checks.____)
    assert verdict.status == "not attempted"
    assert question.name in verdict.message
    assert question.evaluate(____).status == "not attempted"


WRONG_TYPES = [
    pytest.param("0.5", id="str"),
    pytest.param(None, id="None"),
    pytest.param({"answer": 0.5}, id="dict"),
    pytest.param([1, 2, 3], id="list"),
    pytest.param(np.zeros(3), id="ndarray"),
    pytest.param(lambda: 0.5, id="lambda"),
]


@pytest.mark.parametrize("answer", WRONG_TYPES)
@pytest.mark.parametrize("question", QUESTIONS)
def test_wrong_types_are_incorrect_without_raising(question, answer):
    verdict = question.evaluate(answer)
    assert verdict.status == "incorrect"
    assert isinstance(verdict.message, str) and verdict.message.strip()
    assert "could not be checked" not in verdict.message  # handled on purpose, not by the catch-all


@pytest.mark.parametrize("question", QUESTIONS)
def test_check_hint_solution_run(question, capsys):
    question.check(question.expected)
    question.check(____)
    question.check("certainly not")
    question.hint()
    question.solution()
    out = capsys.readouterr().out
    for title in ("Correct", "Not attempted yet", "Incorrect", "Hint", "Solution"):
        assert title in out, title


def number_mistakes():
    found = []
    for param in QUESTIONS:
        question = param.values[0]
        if isinstance(question, NumberQuestion):
            for i, (wrong, message) in enumerate(question.mistakes):
                found.append(pytest.param(question, wrong, message, id=f"{param.id}-mistake{i}"))
    return found


@pytest.mark.parametrize("question, wrong, message", number_mistakes())
def test_each_mistake_gets_its_teaching_message(question, wrong, message):
    verdict = question.evaluate(wrong())
    assert verdict.status == "incorrect"
    assert verdict.message == message


def test_mistakes_exist_for_number_questions():
    assert len(number_mistakes()) >= 8


# --- expected answers are computed from the data, not stored ---------------------------


def _fake_screening(prevalence, seed):
    rng = np.random.default_rng(seed)
    y = (rng.uniform(size=400) < prevalence).astype(int)
    probabilities = np.clip(rng.normal(0.3 + 0.35 * y, 0.15), 0.001, 0.999)
    return y, probabilities


@pytest.mark.parametrize("prevalence", [0.2, 0.7], ids=["minority-sick", "majority-sick"])
def test_expected_answers_follow_the_data(monkeypatch, prevalence):
    original = {name: getattr(ex01, name).expected for name in ("q1", "q2", "q3", "q4")}
    y, probabilities = _fake_screening(prevalence, seed=12)
    monkeypatch.setattr(ex01, "screening_data", lambda: (y.copy(), probabilities.copy()))

    predicted = (probabilities >= 0.5).astype(int)
    assert ex01.q1.expected == pytest.approx(skm.precision_score(y, predicted))
    assert ex01.q2.expected == pytest.approx(skm.recall_score(y, predicted))
    # q3 is the accuracy of "always healthy" (the solution: np.mean(y_true == 0))
    assert ex01.q3.expected == pytest.approx(1 - y.mean())
    recalls = {t: skm.recall_score(y, probabilities >= t) for t in ex01.THRESHOLDS}
    assert ex01.q4.expected == pytest.approx(max(t for t, r in recalls.items() if r >= 0.9))
    for name in ("q1", "q2", "q3", "q4"):
        assert getattr(ex01, name).expected != pytest.approx(original[name], abs=1e-3), name
    # and the checker judges against the new data
    assert ex01.q3.evaluate(float(np.mean(y == 0))).status == "correct"


def test_ex01_expected_values_match_sklearn_on_the_real_data():
    y, probabilities = ex01.screening_data()
    assert y.shape == probabilities.shape == (2000,)
    assert y.sum() == 100
    assert ((0 < probabilities) & (probabilities < 1)).all()
    predicted = probabilities >= 0.5
    assert ex01.q1.expected == pytest.approx(skm.precision_score(y, predicted))
    assert ex01.q2.expected == pytest.approx(skm.recall_score(y, predicted))
    assert ex01.q3.expected == pytest.approx(0.95)
    assert ex01.q5.expected == 176 and ex01.q6.expected == 24
    assert ex00.q1.expected == pytest.approx(0.97)


# --- the question classes ------------------------------------------------------------------


def test_number_question_basics():
    q = NumberQuestion(name="Q", expected=lambda: 0.75, hint="h", solution="s",
                       mistakes=[(lambda: 0.25, "That is the error rate.")], low=0.0, high=1.0)
    assert q.evaluate(0.25).message == "That is the error rate."
    assert q.evaluate(0.752).status == "correct"
    assert q.evaluate(np.float32(0.75)).status == "correct"
    assert q.evaluate(np.array([0.75])).status == "correct"
    assert q.evaluate(True).status == "incorrect"
    assert "NaN" in q.evaluate(float("nan")).message
    assert "outside the possible range" in q.evaluate(3.0).message
    assert q.evaluate(0.5).message == "0.500 is not it. Call .hint() for a pointer."
    assert q.evaluate(...).status == "not attempted"


def test_question_needs_a_function_for_expected():
    with pytest.raises(TypeError, match="expected"):
        NumberQuestion(name="Q", expected=0.75, hint="h", solution="s")


def test_choice_question():
    q = ChoiceQuestion(name="Q", options={"A": "no: A is cheap", "B": "yes: B catches more"},
                       expected=lambda: "B", hint="h", solution="s")
    assert q.evaluate("B").status == "correct"
    assert q.evaluate("b").status == "correct"
    assert q.evaluate("  b ").status == "correct"
    assert q.evaluate("B").message == "yes: B catches more"
    wrong = q.evaluate("a")
    assert wrong.status == "incorrect" and wrong.message == "no: A is cheap"
    unknown = q.evaluate("C")
    assert unknown.status == "incorrect"
    assert "'A'" in unknown.message and "'B'" in unknown.message
    assert q.evaluate(2).status == "incorrect"
    assert "'A', 'B'" in q.evaluate(2).message


def test_ex01_q7_choice_is_case_insensitive():
    assert ex01.q7.evaluate(ex01.q7.expected.lower()).status == "correct"
    assert ex01.q7.evaluate(ex01.q7.expected.upper()).status == "correct"


def test_array_question():
    q = ArrayQuestion(name="Q", expected=lambda: [0, 1, 1], hint="h", solution="s",
                      mistakes=[(lambda: [1, 0, 0], "labels swapped")])
    assert q.evaluate([0, 1]).message == "expected 3 values, got 2."
    assert q.evaluate([0, 1]).status == "incorrect"
    assert q.evaluate(np.array([0, 1, 1])).status == "correct"
    assert q.evaluate((0.0, 1.0, 1.0)).status == "correct"
    assert q.evaluate(np.array([[0], [1], [1]])).status == "correct"
    assert q.evaluate([1, 0, 0]).message == "labels swapped"
    assert q.evaluate([0, 0, 1]).message.startswith("1 of 3 values differ")
    for bad in ("011", None, {"a": 1}, 3, lambda: 0, ["a", "b", "c"]):
        verdict = q.evaluate(bad)
        assert verdict.status == "incorrect" and verdict.message
    assert q.evaluate(____).status == "not attempted"


@pytest.mark.parametrize("status, title", [
    ("correct", "Correct"), ("incorrect", "Incorrect"), ("not attempted", "Not attempted yet"),
    ("hint", "Hint"), ("solution", "Solution"),
])
def test_verdict_str_and_html_contain_the_title(status, title):
    verdict = Verdict(status, "look at <the> denominator")
    assert str(verdict).startswith(f"{title}:")
    assert "look at <the> denominator" in str(verdict)
    assert title in verdict._repr_html_()
    assert "&lt;the&gt;" in verdict._repr_html_()  # message is escaped
    assert repr(verdict) == str(verdict)


def test_placeholder_is_a_falsy_singleton():
    assert checks._Placeholder() is ____
    assert not ____
    assert repr(____) == "____"


def test_every_exercise_set_has_at_least_four_questions():
    for module in EXERCISE_MODULES:
        if module.__name__.endswith("ex00"):  # the setup notebook's single warm-up question
            continue
        count = sum(isinstance(value, Question) for value in vars(module).values())
        assert count >= 4, f"{module.__name__} has only {count} questions"
