"""Exercise checkers: reference answer passes, placeholder is "not attempted", wrong types never raise."""

import numpy as np
import pytest
from sklearn import metrics as skm

from course_utils import checks
from course_utils.checks import ArrayQuestion, ChoiceQuestion, FunctionQuestion, NumberQuestion, Question, Verdict, ____
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


def reference_answer(question):
    """What a learner who solved the question passes (the checker's private reference)."""
    return question._expected if isinstance(question, checks.FunctionQuestion) else question._expected()


def test_questions_were_found():
    ids = {p.id for p in QUESTIONS}
    assert {"ex00.q1", "ex01.q1", "ex01.q4", "ex01.q7"} <= ids


@pytest.mark.parametrize("question", QUESTIONS)
def test_reference_answer_is_correct(question):
    verdict = question.evaluate(reference_answer(question))
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
    question.check(reference_answer(question))
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


# --- the question classes ------------------------------------------------------------------


def test_number_question_basics():
    q = NumberQuestion(name="Q", expected=lambda: 0.75, hint="h", solution="s",
                       mistakes=[(lambda: 0.25, "That is the error rate.")], low=0.0, high=1.0)
    assert q.evaluate(0.25).message == "That is the error rate."
    assert q.evaluate(0.752).status == "correct"
    assert q.evaluate(0.752).message == "0.752 is right."
    assert q.evaluate(np.float32(0.75)).status == "correct"
    assert q.evaluate(np.array([0.75])).status == "correct"
    assert q.evaluate(True).status == "incorrect"
    assert "NaN" in q.evaluate(float("nan")).message
    assert "infinite" in q.evaluate(float("inf")).message
    assert q.evaluate(3.0).message == "3 is impossible here: Q expects a single number between 0 and 1. " \
                                      "Call .hint() for a pointer."
    assert q.evaluate(0.5).message == "0.500 is not it. Call .hint() for a pointer."
    assert q.evaluate(...).status == "not attempted"
    assert q.evaluate("0.75").message.endswith("Remove the quotes.")
    assert "answer[0]" in q.evaluate([0.75]).message
    assert "np.mean" in q.evaluate([0.75, 0.5]).message


@pytest.mark.parametrize("low, high, text", [
    (None, None, "a single number;"), (0.0, None, "a single number of at least 0;"),
    (None, 1.0, "a single number of at most 1;"), (0.0, 1.0, "a single number between 0 and 1;"),
])
def test_number_question_range_messages_with_a_missing_bound(low, high, text):
    """The message formats each bound only when it is set (ex02.q1.check(-5) used to crash on None)."""
    q = NumberQuestion(name="Q", expected=lambda: 0.5, hint="h", solution="s", low=low, high=high)
    verdict = q.evaluate("x")
    assert verdict.status == "incorrect" and text in verdict.message
    for value in (-5, 1e12):
        verdict = q.evaluate(value)
        assert verdict.status == "incorrect", verdict
        assert "impossible" in verdict.message or verdict.message.endswith("is not it. Call .hint() for a pointer.")


def test_integer_question_asks_for_a_count():
    q = NumberQuestion(name="Q", expected=lambda: 24, tolerance=0.5, hint="h", solution="s", integer=True,
                       low=0, high=100)
    assert q.evaluate(24.0).status == "correct" and q.evaluate(24.0).message == "24 is right."
    assert "whole number" in q.evaluate("24").message
    assert "is not a whole number" in q.evaluate(30.5).message


def test_question_needs_a_function_for_expected():
    with pytest.raises(TypeError, match="expected"):
        NumberQuestion(name="Q", expected=0.75, hint="h", solution="s")


def test_choice_question():
    q = ChoiceQuestion(name="Q", options={"A": "A is cheap but misses most sick patients.",
                                          "B": "B catches more of them."},
                       expected=lambda: "B", hint="h", solution="s")
    assert q.evaluate("B").status == "correct"
    assert q.evaluate("b").status == "correct"
    assert q.evaluate("  b ").status == "correct"
    assert q.evaluate("B").message == "B catches more of them."
    wrong = q.evaluate("a")
    assert wrong.status == "incorrect" and wrong.message == "A is cheap but misses most sick patients."
    unknown = q.evaluate("C")
    assert unknown.status == "incorrect"
    assert unknown.message == "'C' is not an option: Q expects one of the strings 'A', 'B'."
    assert q.evaluate(2).status == "incorrect"
    assert "'A', 'B'" in q.evaluate(2).message
    assert q.options == ("A", "B")


def test_choice_question_accepts_bools_and_ints_naming_an_option():
    q = ChoiceQuestion(name="Q", options={"True": "t", "False": "f"}, expected=lambda: "True", hint="h", solution="s")
    assert q.evaluate(True).correct and not q.evaluate(False).correct
    digits = ChoiceQuestion(name="Q", options={str(d): "d" for d in range(3)}, expected=lambda: "2",
                            hint="h", solution="s")
    assert digits.evaluate(2).correct and digits.evaluate(np.int64(2)).correct


def test_array_question():
    q = ArrayQuestion(name="Q", expected=lambda: [0, 1, 1], hint="h", solution="s",
                      mistakes=[(lambda: [1, 0, 0], "labels swapped")])
    assert q.evaluate([0, 1]).message == "Q expects an array of 3 numbers; you passed a list of 2 values."
    assert q.evaluate([0, 1]).status == "incorrect"
    assert q.evaluate(np.array([0, 1, 1])).status == "correct"
    assert q.evaluate((0.0, 1.0, 1.0)).status == "correct"
    assert q.evaluate(np.array([[0], [1], [1]])).status == "correct"
    assert q.evaluate([1, 0, 0]).message == "labels swapped"
    assert q.evaluate([0, 0, 1]).message.startswith("1 of 3 values differ")
    assert "NaN" in q.evaluate([0, np.nan, 1]).message
    for bad in ("011", None, {"a": 1}, 3, lambda: 0, ["a", "b", "c"], np.zeros((3, 3))):
        verdict = q.evaluate(bad)
        assert verdict.status == "incorrect" and "an array of 3 numbers" in verdict.message, bad
    assert q.evaluate(____).status == "not attempted"


def test_repr_and_str_show_name_and_kind_only():
    q = NumberQuestion(name="Question 9 (x)", expected=lambda: 0.123, hint="h", solution="s")
    assert repr(q) == str(q) == "<NumberQuestion 'Question 9 (x)'>"
    assert not hasattr(q, "expected")


def test_a_bug_in_the_checker_is_reported_as_the_checkers():
    def broken():
        raise KeyError("oops")

    verdict = NumberQuestion(name="Q", expected=broken, hint="h", solution="s").evaluate(0.5)
    assert verdict.status == "checker problem"
    assert "not in your answer" in verdict.message and "report" in verdict.message
    assert "KeyError" in verdict.message and "broken" in verdict.message
    assert str(verdict).startswith("Checker problem (not your fault):")


# --- FunctionQuestion --------------------------------------------------------------------------


def _recall_reference(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return np.array([np.mean(y_pred[y_true == c] == c) if np.any(y_true == c) else 0.0 for c in (0, 1)])


def _recall_cases():
    rng = np.random.default_rng(0)
    cases = [(np.array([0, 1]), np.array([0, 0])), (np.array([1, 1, 1]), np.array([1, 0, 1]))]
    cases += [(rng.integers(0, 2, n), rng.integers(0, 2, n)) for n in (5, 20, 50)]
    return cases


def _recall_question(**options):
    return FunctionQuestion(name="Question 3", signature="per_class_recall(y_true, y_pred)",
                            expected=_recall_reference, cases=_recall_cases, hint="h", solution="s", **options)


def test_function_question_accepts_a_right_function():
    verdict = _recall_question().evaluate(lambda y_true, y_pred: _recall_reference(y_true, y_pred).tolist())
    assert verdict.correct and "all 5 hidden cases" in verdict.message


def test_function_question_shows_the_smallest_failing_case_with_the_learners_output():
    def precision_instead(y_true, y_pred):
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        return np.array([np.mean(y_true[y_pred == c] == c) if np.any(y_pred == c) else 0.0 for c in (0, 1)])

    verdict = _recall_question(mistakes=[(precision_instead, "you divided by the predicted counts.")]).evaluate(
        precision_instead)
    assert verdict.status == "incorrect"
    assert verdict.message.startswith("per_class_recall(y_true=[0, 1], y_pred=[0, 0]) returned [0.5, 0. ], "
                                      "expected [1., 0.]: the values differ.")
    assert "hidden cases fail; this is the smallest" in verdict.message
    assert verdict.message.endswith("you divided by the predicted counts.")


def test_function_question_reports_the_learners_exception_as_theirs():
    def divides(y_true, y_pred):
        y_true, y_pred = y_true.tolist(), y_pred.tolist()
        return [sum(t == p == c for t, p in zip(y_true, y_pred)) / sum(t == c for t in y_true) for c in (0, 1)]

    verdict = _recall_question().evaluate(divides)
    assert verdict.status == "incorrect"
    assert verdict.message.startswith("your function raised ZeroDivisionError (division by zero) at `return [sum(")
    assert "on per_class_recall(y_true=[1, 1, 1], y_pred=[1, 0, 1])" in verdict.message


def test_function_question_teaches_about_non_functions_and_signatures():
    q = _recall_question()
    for value in (0.5, None, "per_class_recall", np.zeros(2)):
        verdict = q.evaluate(value)
        assert verdict.status == "incorrect"
        assert "expects a function per_class_recall(y_true, y_pred)" in verdict.message
        assert ".check(per_class_recall)" in verdict.message
    verdict = q.evaluate(lambda y_true: y_true)
    assert verdict.status == "incorrect" and "calls it as per_class_recall(y_true, y_pred)" in verdict.message
    assert "forget `return`" in q.evaluate(lambda y_true, y_pred: None).message
    assert q.evaluate(lambda y_true, y_pred: ____).status == "not attempted"
    assert "shape" in q.evaluate(lambda y_true, y_pred: np.zeros((7, 3))).message
    assert "NaN" in q.evaluate(lambda y_true, y_pred: np.full(2, np.nan)).message
    assert "cannot be read as numbers" in q.evaluate(lambda y_true, y_pred: ["a", "b"]).message


def test_function_question_does_not_let_the_learner_mutate_the_cases():
    def destructive(y_true, y_pred):
        y_true[:] = 0
        return _recall_reference(y_true, y_pred)

    q = _recall_question()
    assert not q.evaluate(destructive).correct
    assert q.evaluate(_recall_reference).correct


def test_function_question_mentions_a_numpy_warning_only_when_wrong():
    def nan_for_missing(y_true, y_pred):
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        return np.array([np.mean(y_pred[y_true == c] == c) for c in (0, 1)])

    verdict = _recall_question().evaluate(nan_for_missing)
    assert verdict.status == "incorrect" and "NumPy warned: Mean of empty slice" in verdict.message


def test_function_question_signature_defaults_to_the_solutions_def_line():
    q = FunctionQuestion(name="Q", reference=lambda b, c: b + c, cases=[(1, 2)], hint="h",
                         solution="def mcnemar_p(b, c):\n    return b + c")
    assert q.signature == "mcnemar_p(b, c)"
    assert q.evaluate(lambda b, c: c + b).correct
    with pytest.raises(TypeError, match="reference"):
        FunctionQuestion(name="Q", cases=[(1,)], hint="h", solution="s")


def test_progress_report_counts_latest_verdicts(capsys):
    from course_utils.exercises import make_progress

    q1 = NumberQuestion(name="Question 1", expected=lambda: 1.0, hint="h", solution="s")
    q2 = NumberQuestion(name="Question 2", expected=lambda: 2.0, hint="h", solution="s")
    q3 = NumberQuestion(name="Question 3", expected=lambda: 3.0, hint="h", solution="s")
    q1.check(1.0)
    q2.check(5.0)
    q3.check(____)
    assert checks.progress_report([q1, q2, q3], "Exercises 99").message == (
        "Exercises 99: 2 of 3 questions attempted, 1 correct. Revisit: Question 2. Not tried yet: Question 3.")
    q2.check(2.0)
    q3.check(3.0)
    assert checks.progress_report([q1, q2, q3]).message.endswith("3 correct. All done — well done.")
    capsys.readouterr()
    make_progress("course_utils.exercises.ex00", "Exercises 00")()
    assert "Exercises 00:" in capsys.readouterr().out


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


def test_every_exercise_set_has_at_least_six_questions():
    for module in EXERCISE_MODULES:
        if module.__name__.endswith("ex00"):  # the setup notebook's single warm-up question
            continue
        count = sum(isinstance(value, Question) for value in vars(module).values())
        assert count >= 6, f"{module.__name__} has only {count} questions"
