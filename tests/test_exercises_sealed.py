"""No question gives its answer away before ``.solution()`` is called.

Walks every question of every exercise set (``course_utils.exercises.ex*``, found
automatically, so new sets are covered as they appear) and fails if the expected
value — formatted at the precision its tolerance accepts — or the right option's
message, or a text naming the right option's label and no other, appears in
anything a learner can read without asking for the solution: public attributes
and properties, ``repr``/``str``, the option list, the hint, mistake messages,
the docstrings of its module and the module's public functions.
"""

import importlib
import inspect
import math
import pkgutil
import re

import numpy as np
import pytest

import course_utils.exercises
from course_utils.checks import ArrayQuestion, ChoiceQuestion, FunctionQuestion, NumberQuestion, Question

MODULES = [importlib.import_module(f"course_utils.exercises.{info.name}")
           for info in pkgutil.iter_modules(course_utils.exercises.__path__) if info.name.startswith("ex")]


def _questions(kind=Question):
    """Every question of ``kind`` in every set, as pytest parameters (module, question)."""
    found = []
    for module in MODULES:
        for name, value in sorted(vars(module).items()):
            if isinstance(value, kind):
                found.append(pytest.param(module, value, id=f"{module.__name__.rsplit('.', 1)[-1]}.{name}"))
    return found


QUESTIONS = _questions()


def _flatten(where, value, seen):
    """(where, text) pairs for everything readable inside ``value``; callables give their docstring."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, (list, tuple, set)):
        for i, item in enumerate(value):
            yield from _flatten(f"{where}[{i}]", item, seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(f"{where}[{key!r}]", key, seen)
            yield from _flatten(f"{where}[{key!r}]", item, seen)
    elif callable(value):  # methods, mistake functions: their docstring (a mistake's value is wrong anyway)
        yield f"{where}.__doc__", inspect.getdoc(value) or ""
    else:
        yield where, repr(value)


def learner_visible_texts(module, question):
    """Everything a learner can read about ``question`` without calling ``.solution()``."""
    texts = [("repr", repr(question)), ("str", str(question)), ("hint", question._hint),
             ("module docstring", module.__doc__ or "")]
    seen = set()
    for attribute in dir(question):
        if not attribute.startswith("_"):
            texts += list(_flatten(attribute, getattr(question, attribute), seen))
    for name, value in vars(module).items():
        if not name.startswith("_") and inspect.isfunction(value) and value.__module__ == module.__name__:
            texts.append((f"{module.__name__}.{name}.__doc__", inspect.getdoc(value) or ""))
        elif not name.startswith("_") and isinstance(value, str):
            texts.append((f"{module.__name__}.{name}", value))
    return texts


def _without_question_names(text):
    return re.sub(r"(Question|question|q|set|Set|Exercises?|notebook)\s*\d+", "", text)


def number_patterns(value, tolerance):
    """Regexes matching ``value`` written with as many decimals as the tolerance accepts, or one more."""
    decimals = max(0, math.ceil(-math.log10(2 * tolerance)))
    patterns = set()
    for places in (decimals, decimals + 1):
        text = f"{value:.{places}f}"
        patterns.add(text)
        if text.startswith("0."):
            patterns.add(text[1:])  # ".39"
    return [re.compile(rf"(?<![\d.]){re.escape(p)}(?![\d])(?!\.\d)") for p in sorted(patterns)]


def label_pattern(label):
    """A right label 'A' counts as named when quoted; a longer label ('macro') also as a whole word."""
    quoted = rf"['\"`]{re.escape(label)}['\"`]"
    if label.isdigit():  # "few 8s", "digit 8"
        return re.compile(rf"{quoted}|(?<![\d.,]){label}s?(?![\w.,])")
    if len(label) >= 2:
        return re.compile(rf"{quoted}|\b{re.escape(label)}\b", re.IGNORECASE)
    return re.compile(quoted)


def test_every_set_was_found():
    names = {module.__name__.rsplit(".", 1)[-1] for module in MODULES}
    assert {"ex00", "ex01", "ex02", "ex03"} <= names
    assert len(QUESTIONS) >= 20


@pytest.mark.parametrize("module, question", QUESTIONS)
def test_no_public_expected_attribute(module, question):
    assert not hasattr(question, "expected")
    public = {name: getattr(question, name) for name in dir(question) if not name.startswith("_")}
    for name, value in public.items():
        assert value is not question._expected, f"public attribute {name} is the reference"
    assert repr(question) == f"<{type(question).__name__} {question.name!r}>"


@pytest.mark.parametrize("module, question", _questions(NumberQuestion))
def test_expected_number_is_not_readable(module, question):
    value = float(question._expected())
    patterns = number_patterns(value, question.tolerance)
    for where, text in learner_visible_texts(module, question):
        cleaned = _without_question_names(text)
        for pattern in patterns:
            assert not pattern.search(cleaned), (
                f"{where} shows the expected value {value:g} ({pattern.pattern}): {text[:200]!r}")


@pytest.mark.parametrize("module, question", _questions(ArrayQuestion))
def test_expected_array_is_not_readable(module, question):
    expected = np.asarray(question._expected(), dtype=float).reshape(-1)
    for where, text in learner_visible_texts(module, question):
        assert str(expected.tolist())[1:-1] not in text, f"{where} lists the expected array"


@pytest.mark.parametrize("module, question", _questions(ChoiceQuestion))
def test_right_option_is_not_singled_out(module, question):
    right = str(question._expected()).strip().lower()
    labels = {label.strip().lower(): label for label in question.options}
    assert right in labels, f"expected() returns {right!r}, not one of the options {question.options}"
    right_message = question._options[right]
    assert not re.match(r"\W*(right|correct|yes, right)\b", right_message, re.IGNORECASE), (
        f"the right option's message starts by saying so: {right_message[:60]!r}")
    pattern = label_pattern(labels[right])
    wrong_patterns = [label_pattern(label) for key, label in labels.items() if key != right]
    for where, text in learner_visible_texts(module, question):
        assert right_message not in text, f"{where} contains the right option's message"
        if where in ("options",) or where.startswith("options["):
            continue
        if pattern.search(text):
            assert any(p.search(text) for p in wrong_patterns), (
                f"{where} names the right option {labels[right]!r} and no other: {text[:200]!r}")
    for key, message in question._options.items():
        if key != right:
            assert not pattern.search(message), (
                f"the message for wrong option {key!r} names the right option {labels[right]!r}: {message!r}")


@pytest.mark.parametrize("module, question", _questions(FunctionQuestion))
def test_function_reference_is_private(module, question):
    reference = question._expected
    for where, text in learner_visible_texts(module, question):
        if reference.__doc__:
            assert reference.__doc__.strip() not in text, f"{where} shows the reference's docstring"
    public = [getattr(question, name) for name in dir(question) if not name.startswith("_")]
    assert all(value is not question._cases for value in public)


# --- the patterns themselves ------------------------------------------------------------------


def test_number_patterns_match_the_value_at_its_precision_only():
    patterns = number_patterns(0.3901, 0.005)
    found = [bool(any(p.search(text) for p in patterns)) for text in
             ("it is 0.39 here", "precision .390", "0.391", "10.39", "0.3", "Question 039")]
    assert found == [True, True, False, False, False, False]
    counts = number_patterns(24, 0.5)
    assert any(p.search("24 false alarms") for p in counts) and not any(p.search("240 or 1.24") for p in counts)


def test_label_pattern():
    assert label_pattern("A").search("answer 'A'") and not label_pattern("A").search("A model")
    assert label_pattern("macro").search("use macro averaging") and not label_pattern("macro").search("macroscopic")
    assert label_pattern("8").search("trained with few 8s") and not label_pattern("8").search("0.8 or 18 or 8.5")


def test_the_walk_finds_a_leak_when_there_is_one():
    """The detectors are not vacuous: a question that leaks through its hint, an attribute or a docstring is caught."""
    import types

    module = types.ModuleType("course_utils.exercises.ex99", "Questions for a set that leaks.")

    def data():
        """The model was trained with few 'B's."""

    data.__module__ = module.__name__
    module.data = data
    number = NumberQuestion(name="Question 1", expected=lambda: 0.4062, hint="It is about 0.41.", solution="s")
    number.note = "see 0.406"
    leaks = [where for where, text in learner_visible_texts(module, number)
             if any(p.search(_without_question_names(text)) for p in number_patterns(0.4062, number.tolerance))]
    assert leaks == ["hint", "note"]
    choice = ChoiceQuestion(name="Question 2", options={"A": "a", "B": "right: b"}, expected=lambda: "B",
                            hint="h", solution="s")
    singled = [where for where, text in learner_visible_texts(module, choice)
               if label_pattern("B").search(text) and not label_pattern("A").search(text)]
    assert singled == ["course_utils.exercises.ex99.data.__doc__"]
