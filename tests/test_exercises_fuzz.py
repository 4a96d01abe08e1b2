"""Every question answers the wrong things learners type with a specific teaching message.

Each question of every set (``course_utils.exercises.ex*``, found automatically)
gets ``None``, ``____`` left in place, a string, a list, a tuple, NaN, inf, a
negative, a huge number, an array of the wrong shape, a DataFrame, a fitted
model and a function; a function question also gets functions that return
None, a string, NaN, the wrong shape, ``____``, or raise. Each verdict must be
*incorrect* or *not attempted* with a message naming what was expected — and
the checker's own failure ("checker problem") is a test failure, never a verdict.
"""

import importlib
import pkgutil
import re

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression

import course_utils.exercises
from course_utils.checks import (
    ArrayQuestion,
    ChoiceQuestion,
    FunctionQuestion,
    NumberQuestion,
    Question,
    ____,
    _format_number,
)

MODULES = [importlib.import_module(f"course_utils.exercises.{info.name}")
           for info in pkgutil.iter_modules(course_utils.exercises.__path__) if info.name.startswith("ex")]
QUESTIONS = [pytest.param(value, id=f"{module.__name__.rsplit('.', 1)[-1]}.{name}")
             for module in MODULES for name, value in sorted(vars(module).items()) if isinstance(value, Question)]


def a_function(x):
    return x


FITTED_MODEL = LogisticRegression().fit([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])

WRONG_INPUTS = {
    "None": None,
    "placeholder": ____,
    "string": "0.5",
    "word": "banana",
    "list": [0.2, 0.4, 0.6],
    "tuple": (0.5,),
    "nan": float("nan"),
    "inf": float("inf"),
    "negative": -5,
    "huge": 1e12,
    "huge int": 10**400,
    "wrong-shape array": np.zeros((7, 3)),
    "DataFrame": pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0]}),
    "fitted model": FITTED_MODEL,
    "function": a_function,
}


def _judge(question, answer):
    verdict = question.evaluate(answer)
    assert verdict.status != "checker problem", verdict.message
    assert verdict.status in ("incorrect", "not attempted"), (verdict.status, verdict.message)
    assert verdict.message.strip()
    return verdict


def _is_size_match(question, answer):
    """An array question given a list/array of the right size is judged on its values instead."""
    expected = np.asarray(question._expected()).size
    return np.size(answer) == expected


@pytest.mark.parametrize("kind", list(WRONG_INPUTS))
@pytest.mark.parametrize("question", QUESTIONS)
def test_wrong_input_gets_a_teaching_message(question, kind):
    answer = WRONG_INPUTS[kind]
    verdict = _judge(question, answer)
    message = verdict.message
    expects = question._expects()
    if kind == "placeholder":
        assert verdict.status == "not attempted" and question.name in message
        return
    assert verdict.status == "incorrect"
    if isinstance(question, NumberQuestion):
        if kind == "nan":
            assert "NaN" in message and expects in message
        elif kind == "inf":
            assert "infinite" in message and expects in message
        elif kind == "huge int":
            assert "infinite" in message and expects in message
        elif kind in ("negative", "huge"):
            bound_broken = (question.low is not None and answer < question.low) or (
                question.high is not None and answer > question.high)
            if bound_broken:
                assert message.startswith(f"{_format_number(answer)} is impossible here") and expects in message
            else:
                assert message.endswith("is not it. Call .hint() for a pointer.") or any(
                    message == text for _, text in question.mistakes)
        else:
            assert expects in message
    elif isinstance(question, ArrayQuestion) and kind in ("list", "tuple", "wrong-shape array", "negative") \
            and _is_size_match(question, answer):
        assert "values differ" in message or any(message == text for _, text in question.mistakes)
    elif isinstance(question, FunctionQuestion) and kind == "function":
        assert question._function_name in message  # "calls it as f(a, b)" or "f(a=…) returned …"
    else:
        assert expects in message, message


# --- learner functions that go wrong in the usual ways ------------------------------------------


def _raises(*args):
    raise ZeroDivisionError("division by zero")


LEARNER_FUNCTIONS = {
    "returns None": (lambda *args: None, r"returned None — did you forget `return`\?"),
    "returns a string": (lambda *args: "0.5", r"returned '0\.5', expected"),
    "returns NaN": (lambda *args: float("nan"), r"returned nan, expected"),
    "returns the wrong shape": (lambda *args: np.zeros((7, 3)), r"returned \[\[0\., 0\., 0\.\],.*expected"),
    "returns a DataFrame": (lambda *args: pd.DataFrame({"a": [1.0]}), r"returned .*expected"),
    "returns a model": (lambda *args: FITTED_MODEL, r"returned LogisticRegression\(\), expected"),
    "raises": (_raises, r"^your function raised ZeroDivisionError \(division by zero\)"),
}


@pytest.mark.parametrize("kind", list(LEARNER_FUNCTIONS))
@pytest.mark.parametrize("question", [p for p in QUESTIONS if isinstance(p.values[0], FunctionQuestion)])
def test_wrong_learner_function_gets_a_teaching_message(question, kind):
    function, pattern = LEARNER_FUNCTIONS[kind]
    verdict = _judge(question, function)
    assert verdict.status == "incorrect"
    assert re.search(pattern, verdict.message), verdict.message
    assert "hidden cases fail; this is the smallest" in verdict.message


@pytest.mark.parametrize("question", [p for p in QUESTIONS if isinstance(p.values[0], FunctionQuestion)])
def test_function_left_blank_is_not_attempted(question):
    verdict = _judge(question, lambda *args: ____)
    assert verdict.status == "not attempted" and "still returns ____" in verdict.message


@pytest.mark.parametrize("question", [p for p in QUESTIONS if isinstance(p.values[0], ChoiceQuestion)])
def test_every_option_gets_its_own_message(question):
    for label in question.options:
        verdict = question.evaluate(label)
        assert verdict.status in ("correct", "incorrect") and verdict.message.strip()
        assert verdict.message == question._options[label.strip().lower()]


@pytest.mark.parametrize("question", QUESTIONS)
def test_no_wrong_input_reveals_the_expected_number(question):
    if not isinstance(question, NumberQuestion):
        pytest.skip("not a number question")
    shown = f"{float(question._expected()):.3f}"
    for kind, answer in WRONG_INPUTS.items():
        assert shown not in question.evaluate(answer).message, kind
