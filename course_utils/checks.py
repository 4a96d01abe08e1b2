"""Exercise checkers in the style of Kaggle's learntools.

A question object has ``check(answer)``, ``hint()`` and ``solution()``.
``check`` shows one of three verdicts — *not attempted*, *incorrect* (with
what to look at) or *correct* — and never raises, whatever the learner
passes. The expected answer is always computed by a function from the same
data the learner sees; nothing is hard-coded.

Sealed: nothing public on a question (attributes, ``repr``, ``str``, option
list, hint) gives the expected answer away before ``solution()`` is called.

Robust: every kind of wrong input a learner types (``None``, a string, a list,
NaN, a model, a function, …) gets a teaching message that names what was
expected. If the checker's own code fails, the verdict says so — *checker
problem* — and never blames the learner.
"""

from __future__ import annotations

import copy
import html
import inspect
import linecache
import math
import numbers
import re
import traceback
import warnings
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

__all__ = ["____", "Verdict", "Question", "NumberQuestion", "rate_question", "ChoiceQuestion", "ArrayQuestion",
           "FunctionQuestion", "compare_outputs", "progress_report"]


class _Placeholder:
    """The blank a learner replaces; checking it gives *not attempted*."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "____"

    def __bool__(self):
        return False


#: Put in exercise notebooks where the learner's answer goes.
____ = _Placeholder()

class _Style(NamedTuple):
    colour: str
    title: str


_STYLES = {
    "correct": _Style("#00785A", "Correct"),
    "incorrect": _Style("#B34700", "Incorrect"),
    "not attempted": _Style("#0072B2", "Not attempted yet"),
    "hint": _Style("#8A5C00", "Hint"),
    "solution": _Style("#A0467F", "Solution"),
    "progress": _Style("#0072B2", "Progress"),
    "checker problem": _Style("#000000", "Checker problem (not your fault)"),
}

#: How a learner reports a checker problem.
_REPORT = ("This is a bug in the course's checker, not in your answer. Please report it to your "
           "instructor or in the course repository's issue tracker, with this message and your answer; "
           "meanwhile compare your work with .solution().")


@dataclass(frozen=True)
class Verdict:
    """What a checker says about an answer.

    Attributes
    ----------
    status : str
        ``"correct"``, ``"incorrect"``, ``"not attempted"``, ``"hint"``, ``"solution"``,
        ``"progress"`` or ``"checker problem"`` (the checker's own code failed).
    message : str
        The teaching text.

    Examples
    --------
    >>> verdict = Verdict("incorrect", "0.500 is not it. Call .hint() for a pointer.")
    >>> verdict.correct, str(verdict)
    (False, 'Incorrect: 0.500 is not it. Call .hint() for a pointer.')
    """

    status: str
    message: str

    @property
    def correct(self):
        return self.status == "correct"

    def __str__(self):
        return f"{_STYLES[self.status].title}: {self.message}"

    def __repr__(self):
        return str(self)

    def _repr_html_(self):
        colour, title = _STYLES[self.status]
        body = html.escape(self.message).replace("\n", "<br>")
        if self.status == "solution":
            body = f"<pre>{html.escape(self.message)}</pre>"
        return f"<div style='color:{colour}'><b>{title}:</b> {body}</div>"


def _show(verdict):
    try:
        from IPython.display import display
    except ImportError:  # plain Python: print instead
        print(verdict)
    else:
        display(verdict)


# --- describing what a learner passed ---------------------------------------------------------


def _short(value, limit=120):
    """A one-line, length-limited repr of ``value`` (arrays with their values)."""
    if isinstance(value, np.ndarray):
        text = np.array2string(value, separator=", ", threshold=20, precision=4, max_line_width=10_000)
    else:
        text = repr(_plain(value))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(value):
    """NumPy scalars as Python numbers (floats to 4 significant digits), inside lists, tuples, dicts."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):  # named tuples too: shown as plain tuples
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isfinite(value):
        return float(f"{value:.4g}")
    return value


def _is_pandas(value, kind):
    return type(value).__name__ == kind and type(value).__module__.startswith("pandas")


def _is_model(value):
    """A scikit-learn estimator or Keras model (anything with fit and predict)."""
    return not isinstance(value, type) and hasattr(value, "fit") and hasattr(value, "predict")


def _describe(value):
    """How to name what the learner passed, e.g. 'a list of 3 values'."""
    if value is None:
        return "None"
    if isinstance(value, bool) or isinstance(value, np.bool_):
        return f"the boolean {value}"
    if isinstance(value, str):
        return f"the string {_short(value, 40)}"
    if isinstance(value, numbers.Number):
        return f"the number {_short(value, 40)}"
    if _is_pandas(value, "DataFrame"):
        return f"a pandas DataFrame of shape {value.shape}"
    if _is_pandas(value, "Series"):
        return f"a pandas Series of {len(value)} values"
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return f"a 0-d NumPy array holding {_short(value.item(), 40)}"
        return f"a NumPy array of shape {value.shape}"
    if isinstance(value, (list, tuple, set, dict)):
        kind = type(value).__name__
        return f"a {kind} of {len(value)} value{'s' if len(value) != 1 else ''}"
    if _is_model(value):
        return f"a {type(value).__name__} model"
    if inspect.isclass(value):
        return f"the class {value.__name__}"
    if callable(value):
        return f"the function {getattr(value, '__name__', type(value).__name__)}"
    return f"a {type(value).__name__}"


def _advice(value):
    """One sentence about the most likely slip behind a wrong-type answer."""
    if value is None:
        return (" A variable is None when it holds the result of print(...) or of a function "
                "without `return`.")
    if isinstance(value, str):
        return " Remove the quotes." if _parses_as_number(value) else ""
    if _is_model(value):
        return " A model is not the answer: work it out from the model's predictions."
    if callable(value) and not inspect.isclass(value):
        return " Did you forget to call it, f(...) instead of f?"
    return ""


def _parses_as_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def _natural_key(text):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


# --- the base class ----------------------------------------------------------------------------


class Question:
    """Base class: subclasses implement :meth:`_judge` and :meth:`_expects`.

    Parameters
    ----------
    name : str
        How the question is called in messages, e.g. ``"Question 1"``.
    expected : callable
        No-argument function computing the reference answer from the data
        (for :class:`FunctionQuestion`: the reference implementation). Kept
        private: the sealed tests read it as ``question._expected``.
    hint : str
    solution : str
        Code or text shown by :meth:`solution`.

    Examples
    --------
    A learner uses :meth:`check`, :meth:`hint` and :meth:`solution` (in
    Jupyter each shows a coloured line; here, text):

    >>> q = NumberQuestion(name="Question 1", expected=lambda: 0.97, hint="Count the negatives.",
    ...                    solution="accuracy = 0.97")
    >>> q.check(____)
    Not attempted yet: replace ____ with your answer to Question 1, then run the cell again.
    >>> q.check(0.5)
    Incorrect: 0.500 is not it. Call .hint() for a pointer.
    >>> q.hint()
    Hint: Count the negatives.
    """

    kind = "question"

    def __init__(self, *, name, expected, hint, solution):
        if not callable(expected):
            raise TypeError("expected must be a function computing the reference answer.")
        self.name = name
        self._expected = expected
        self._hint = hint
        self._solution = solution
        self._history = []

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"

    __str__ = __repr__

    def evaluate(self, answer):
        """Judge ``answer`` and return a :class:`Verdict` (never raises).

        A learner's wrong answer of any type gets a teaching message; if the
        checker's own code fails, the status is ``"checker problem"``.
        """
        if answer is ____ or answer is Ellipsis:
            return Verdict("not attempted", f"replace ____ with your answer to {self.name}, then run the cell again.")
        try:
            return self._judge(answer)
        except Exception as error:  # the checker's own bug: say so, never blame the learner
            where = traceback.extract_tb(error.__traceback__)[-1]
            return Verdict("checker problem", f"the checker for {self.name} failed ({type(error).__name__}: "
                           f"{error}, at {where.name} line {where.lineno}). {_REPORT}")

    def check(self, answer):
        """Show whether ``answer`` is correct (in Jupyter: a coloured line)."""
        verdict = self.evaluate(answer)
        self._history.append(verdict.status)
        _show(verdict)

    def hint(self):
        """Show a hint."""
        _show(Verdict("hint", self._hint))

    def solution(self):
        """Show the reference solution."""
        _show(Verdict("solution", self._solution))

    def _expects(self):
        """What a right answer looks like, e.g. 'a single number between 0 and 1'."""
        raise NotImplementedError  # pragma: no cover - abstract

    def _wrong_type(self, answer):
        return Verdict("incorrect", f"{self.name} expects {self._expects()}; you passed "
                       f"{_describe(answer)}.{_advice(answer)}")

    def _judge(self, answer):  # pragma: no cover - abstract
        raise NotImplementedError


# --- numbers -----------------------------------------------------------------------------------


def _as_number(answer):
    """Return ``answer`` as a float, or None when it is not a single real number."""
    if isinstance(answer, (bool, np.bool_)):
        return None
    if isinstance(answer, numbers.Real):
        try:
            return float(answer)
        except OverflowError:  # an int beyond float's range
            return math.inf if answer > 0 else -math.inf
    if (isinstance(answer, np.ndarray) and answer.size == 1
            and (np.issubdtype(answer.dtype, np.integer) or np.issubdtype(answer.dtype, np.floating))):
        return float(answer.reshape(-1)[0])
    return None


def _format_number(value, tolerance=0.005):
    """``value`` with 3 decimals, or more when the tolerance is finer (0.0002 -> 4)."""
    if abs(value) >= 1e6:
        return f"{value:.3g}"
    if value == round(value):
        return f"{value:.0f}"
    places = max(3, math.ceil(-math.log10(2 * tolerance)))
    if abs(value) < 10 ** -places:
        return f"{value:.3g}"
    return f"{value:.{places}f}"


class NumberQuestion(Question):
    """The answer is one number, compared with an absolute tolerance.

    Parameters
    ----------
    tolerance : float
        Absolute tolerance (default 0.005: three decimals are enough).
    mistakes : sequence of (callable, str)
        Typical wrong answers: a no-argument function computing the wrong
        value, and the message that explains the mistake (it must not state
        the right value).
    low, high : float, optional
        Range a plausible answer must lie in (e.g. 0 and 1 for a rate).
    integer : bool
        The answer is a count: messages ask for a whole number.

    Examples
    --------
    >>> q = NumberQuestion(name="Q", expected=lambda: 0.75, hint="h", solution="s",
    ...                    mistakes=[(lambda: 0.25, "That is the error rate.")], low=0, high=1)
    >>> q.evaluate(0.25).message
    'That is the error rate.'
    >>> print(q.evaluate("0.75").message)
    Q expects a single number between 0 and 1; you passed the string '0.75'. Remove the quotes.
    >>> q
    <NumberQuestion 'Q'>
    """

    kind = "number"

    def __init__(self, *, name, expected, hint, solution, tolerance=0.005, mistakes=(),
                 low=None, high=None, integer=False):
        super().__init__(name=name, expected=expected, hint=hint, solution=solution)
        if not tolerance > 0:
            raise ValueError("tolerance must be a positive number.")
        self.tolerance = tolerance
        self.mistakes = list(mistakes)
        self.low, self.high = low, high
        self.integer = integer

    def _range(self):
        low, high = self.low, self.high
        if low is not None and high is not None:
            return f" between {low:g} and {high:g}"
        if low is not None:
            return f" of at least {low:g}"
        if high is not None:
            return f" of at most {high:g}"
        return ""

    def _expects(self):
        return ("a whole number" if self.integer else "a single number") + self._range()

    def _judge(self, answer):
        if isinstance(answer, (list, tuple)) and len(answer) == 1:
            return Verdict("incorrect", f"{self.name} expects {self._expects()}; you passed {_describe(answer)}. "
                           "Pass the number itself, e.g. answer[0].")
        if isinstance(answer, (np.ndarray, list, tuple)) and np.size(answer) > 1:
            return Verdict("incorrect", f"{self.name} expects {self._expects()}; you passed {_describe(answer)}. "
                           "If you computed one value per sample or per class, combine them as the question asks "
                           "(e.g. with np.mean).")
        value = _as_number(answer)
        if value is None:
            return self._wrong_type(answer)
        if math.isnan(value):
            return Verdict("incorrect", f"your answer is NaN (not a number), but {self.name} expects "
                           f"{self._expects()}: a division by zero, or a mean over an empty selection?")
        if math.isinf(value):
            return Verdict("incorrect", f"your answer is infinite, but {self.name} expects {self._expects()}: "
                           "a division by zero, or the log of 0?")
        shown = _format_number(value, self.tolerance)
        if abs(value - self._expected()) <= self.tolerance:
            return Verdict("correct", f"{shown} is right.")
        for wrong, message in self.mistakes:
            if abs(value - wrong()) <= self.tolerance:
                return Verdict("incorrect", message)
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            return Verdict("incorrect", f"{shown} is impossible here: {self.name} expects {self._expects()}. "
                           "Call .hint() for a pointer.")
        if self.integer and value != round(value):
            return Verdict("incorrect", f"{shown} is not a whole number: {self.name} asks for a count.")
        return Verdict("incorrect", f"{shown} is not it. Call .hint() for a pointer.")


def rate_question(*, name, expected, hint, solution, tolerance=0.001, mistakes=()):
    """A :class:`NumberQuestion` whose answer is a rate, a share or a probability: a number from 0 to 1.

    Three decimals are enough unless ``tolerance`` says otherwise; an answer
    outside [0, 1] is called impossible.

    Examples
    --------
    >>> q = rate_question(name="Q", expected=lambda: 0.9, hint="h", solution="s")
    >>> print(q.evaluate(90).message)
    90 is impossible here: Q expects a single number between 0 and 1. Call .hint() for a pointer.
    """
    return NumberQuestion(name=name, expected=expected, hint=hint, solution=solution, tolerance=tolerance,
                          mistakes=mistakes, low=0.0, high=1.0)


# --- choices -----------------------------------------------------------------------------------


class ChoiceQuestion(Question):
    """The answer is one of a few named options (case-insensitive strings).

    Parameters
    ----------
    options : dict of str to str
        Each option and what to tell a learner who picks it. A wrong option's
        message explains why it is wrong without naming the right one; the
        right option's message is shown only to a learner who picks it.
        Both are private: ``question.options`` lists the labels only.
    expected : callable
        Returns the correct option's label.

    Examples
    --------
    >>> q = ChoiceQuestion(name="Q", options={"a": "a ignores the rare class.", "b": "b weighs each class equally."},
    ...                    expected=lambda: "b", hint="h", solution="s")
    >>> q.evaluate("B").status, q.evaluate("c").status
    ('correct', 'incorrect')
    >>> q.options
    ('a', 'b')
    """

    kind = "choice"

    def __init__(self, *, name, options, expected, hint, solution):
        super().__init__(name=name, expected=expected, hint=hint, solution=solution)
        if len(options) < 2:
            raise ValueError("options must name at least two choices.")
        self._labels = tuple(options)
        self._options = {key.strip().lower(): message for key, message in options.items()}

    @property
    def options(self):
        """The option labels, in the order the question lists them."""
        return self._labels

    def _expects(self):
        return "one of the strings " + ", ".join(repr(label) for label in self._labels)

    def _judge(self, answer):
        if isinstance(answer, (bool, np.bool_, numbers.Integral)) and str(answer).lower() in self._options:
            answer = str(answer)  # True for "True", 8 for "8": the learner means that option
        if not isinstance(answer, str):
            return self._wrong_type(answer)
        choice = answer.strip().lower()
        if choice not in self._options:
            return Verdict("incorrect", f"{answer!r} is not an option: {self.name} expects {self._expects()}.")
        if choice == str(self._expected()).strip().lower():
            return Verdict("correct", self._options[choice])
        return Verdict("incorrect", self._options[choice])


# --- arrays ------------------------------------------------------------------------------------


class ArrayQuestion(Question):
    """The answer is an array (e.g. predictions), compared element-wise.

    Examples
    --------
    >>> q = ArrayQuestion(name="Q", expected=lambda: [0, 1, 1], hint="h", solution="s")
    >>> q.evaluate([0, 1]).message
    'Q expects an array of 3 numbers; you passed a list of 2 values.'
    """

    kind = "array"

    def __init__(self, *, name, expected, hint, solution, tolerance=1e-9, mistakes=()):
        super().__init__(name=name, expected=expected, hint=hint, solution=solution)
        self.tolerance = tolerance
        self.mistakes = list(mistakes)

    def _reference(self):
        return np.asarray(self._expected(), dtype=float).reshape(-1)

    def _expects(self):
        return f"an array of {self._reference().size} numbers"

    def _judge(self, answer):
        if (answer is None or isinstance(answer, (str, bytes, dict, set, numbers.Number, np.bool_))
                or _is_model(answer) or callable(answer) or np.ndim(answer) == 0):
            return self._wrong_type(answer)
        expected = self._reference()
        if _is_pandas(answer, "DataFrame") and answer.shape[1] != 1:
            return self._wrong_type(answer)
        try:
            values = np.asarray(answer, dtype=float)
        except (TypeError, ValueError):
            return Verdict("incorrect", f"{self.name} expects {self._expects()}; some of your values are not "
                           f"numbers ({_short(answer, 60)}).")
        if values.size != expected.size or sum(n > 1 for n in values.shape) > 1:
            return self._wrong_type(answer)
        values = values.reshape(-1)
        if np.isnan(values).any():
            return Verdict("incorrect", f"{int(np.isnan(values).sum())} of your values are NaN; {self.name} expects "
                           f"{self._expects()}.")
        if np.allclose(values, expected, atol=self.tolerance):
            return Verdict("correct", "all values match.")
        for wrong, message in self.mistakes:
            if np.allclose(values, np.asarray(wrong(), dtype=float).reshape(-1), atol=self.tolerance):
                return Verdict("incorrect", message)
        n_wrong = int(np.sum(~np.isclose(values, expected, atol=self.tolerance)))
        return Verdict("incorrect", f"{n_wrong} of {expected.size} values differ. Call .hint() for a pointer.")


# --- functions ---------------------------------------------------------------------------------


def compare_outputs(got, want, *, tolerance=1e-6):
    """Default comparison of a learner function's output with the reference output.

    Numbers, sequences/arrays of numbers and dicts of those are compared with an
    absolute-plus-relative ``tolerance``; anything else with ``==``.

    Returns
    -------
    str or None
        None when they match, else a short reason (shown to the learner).

    Examples
    --------
    >>> compare_outputs([0.5, 1.0], np.array([0.5, 1.0])) is None
    True
    >>> compare_outputs([0.5], np.array([0.5, 1.0]))
    'it has shape (1,), expected shape (2,)'
    """
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"it is {_describe(got)}, expected a dict with keys {sorted(want, key=str)}"
        if set(got) != set(want):
            return f"its keys are {sorted(got, key=str)}, expected {sorted(want, key=str)}"
        for key in want:
            reason = compare_outputs(got[key], want[key], tolerance=tolerance)
            if reason:
                return f"at key {key!r}: {reason}"
        return None
    want_array = np.asarray(want)
    if want_array.dtype.kind in "biuf":
        if isinstance(got, (str, bytes, dict, set)) or got is None or callable(got):
            return f"it is {_describe(got)}, expected {'a number' if want_array.ndim == 0 else 'numbers'}"
        try:
            got_array = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return f"it is {_describe(got)}, which cannot be read as numbers"
        if got_array.shape != want_array.shape:
            if got_array.size == want_array.size == 1:
                got_array = got_array.reshape(want_array.shape)
            else:
                return f"it has shape {got_array.shape}, expected shape {want_array.shape}"
        close = np.isclose(got_array, want_array.astype(float), atol=tolerance, rtol=tolerance, equal_nan=True)
        if np.all(close):
            return None
        if np.isnan(got_array[~close]).any():
            return "it contains NaN where a number was expected"
        return "the values differ"
    try:
        equal = bool(np.all(got == want))
    except Exception:  # a learner's object whose == fails is simply not equal
        equal = False
    return None if equal else "the values differ"


class FunctionQuestion(Question):
    """The answer is a function the learner wrote; it is called on hidden cases.

    Each hidden case is a tuple of positional arguments. The learner's
    function and the reference implementation (``expected``) are called on
    fresh copies of every case; the verdict shows the *smallest* case the
    learner's function gets wrong, with its output — or the exception it
    raised, reported as the learner's.

    Parameters
    ----------
    signature : str, optional
        How the function is called, e.g. ``"per_class_recall(y_true, y_pred)"``.
        Default: the ``def`` line in ``solution``.
    expected, reference : callable
        The reference implementation (private); give one of the two names.
    cases : callable or sequence
        The hidden cases: a list of argument tuples, or a no-argument
        function returning one (generate them with a seeded generator;
        include small ones so that a failure is easy to read).
    compare : callable, optional
        ``compare(got, want)`` returns None when ``got`` is acceptable, else a
        short reason; it must accept any object as ``got``. Default:
        :func:`compare_outputs` with ``tolerance``.
    tolerance : float
        For the default comparison (absolute and relative). The default, 1e-9,
        suits a function that recomputes the reference's formula; loosen it
        where a learner may reasonably take another numerical route.
    mistakes : sequence of (callable, str)
        Typical wrong implementations and the message for a function that
        behaves like one of them on every case it fails.

    Examples
    --------
    >>> q = FunctionQuestion(name="Q", signature="total(values)", expected=lambda values: float(np.sum(values)),
    ...                      cases=lambda: [([1.0, 2.0, 3.0],), ([4.0],), ([],)], hint="h", solution="s")
    >>> q.evaluate(lambda values: float(np.sum(values))).status
    'correct'
    >>> print(q.evaluate(lambda values: values[0] + sum(values[1:])).message)  # doctest: +ELLIPSIS
    your function raised IndexError (list index out of range)... on total(values=[]). (1 of 3 hidden cases fail; ...
    """

    kind = "function"

    def __init__(self, *, name, cases, hint, solution, expected=None, reference=None, signature=None,
                 compare=None, tolerance=1e-9, mistakes=()):
        if (expected is None) == (reference is None):
            raise TypeError("give the reference implementation as expected= (or its alias reference=), once.")
        reference = expected if expected is not None else reference
        super().__init__(name=name, expected=reference, hint=hint, solution=solution)
        if signature is None:  # from the solution's def line, else from the reference itself
            found = re.search(r"def\s+(\w+\(.*?\))\s*:", solution)
            parameters = ", ".join(inspect.signature(reference).parameters)
            signature = found.group(1) if found else f"{reference.__name__.strip('_')}({parameters})"
        match = re.fullmatch(r"\s*(\w+)\((.*)\)\s*", signature)
        if not match:
            raise ValueError(f"signature must look like 'name(arg1, arg2)', got {signature!r}.")
        if not callable(cases):
            cases = (lambda fixed: lambda: list(fixed))(tuple(cases))
        self.signature = signature.strip()
        self._function_name = match.group(1)
        self._parameters = [p.strip() for p in match.group(2).split(",") if p.strip()]
        self._cases = cases
        self._compare = compare or (lambda got, want: compare_outputs(got, want, tolerance=tolerance))
        self.mistakes = list(mistakes)

    def _expects(self):
        return f"a function {self.signature}"

    def _call_text(self, args):
        shown = ", ".join(f"{name}={_short(value, 80)}" for name, value in zip(self._parameters, args, strict=False))
        return f"{self._function_name}({shown})"

    def _judge(self, answer):
        if not callable(answer) or inspect.isclass(answer) or _is_model(answer):
            return Verdict("incorrect", f"{self.name} expects {self._expects()}; you passed {_describe(answer)}. "
                           f"Define it with `def {self.signature}:` and pass the function itself, without "
                           f"calling it: .check({self._function_name}).")
        mismatch = self._signature_problem(answer)
        if mismatch:
            return Verdict("incorrect", mismatch)
        cases = sorted(enumerate(self._cases()), key=lambda item: (_size(item[1]), item[0]))
        failures = []
        for _, args in cases:
            want = self._expected(*copy.deepcopy(args))
            got, raised, warned = _call_learner(answer, args)
            if got is ____:
                return Verdict("not attempted", f"your {self._function_name} still returns ____: replace it with "
                               f"your code, run that cell, then check again ({self.name}).")
            problem = raised or self._judge_output(got, want)
            if problem is not None:
                if warned and not raised:
                    problem += f" (NumPy warned: {warned})"
                failures.append((args, got, want, problem))
        if not failures:
            return Verdict("correct", f"your {self._function_name} matches the reference on all {len(cases)} "
                           "hidden cases.")
        args, got, want, problem = failures[0]
        count = f"({len(failures)} of {len(cases)} hidden cases fail; this is the smallest.)"
        if isinstance(problem, _Raised):
            message = f"your function raised {problem} on {self._call_text(args)}. {count}"
            message += _EXCEPTION_ADVICE.get(problem.split(" ", 1)[0], "")
        else:
            message = (f"{self._call_text(args)} returned {_short(got)}, expected {_short(want)}: {problem}. {count}")
        returned = [(case, output) for case, output, _, reason in failures if not isinstance(reason, _Raised)]
        for wrong, advice in self.mistakes:
            if returned and all(self._judge_output(output, wrong(*copy.deepcopy(case))) is None
                                for case, output in returned):
                message += " " + advice
                break
        return Verdict("incorrect", message)

    def _judge_output(self, got, want):
        if got is None and want is not None:
            return "it returned None — did you forget `return`?"
        return self._compare(got, want)

    def _signature_problem(self, function):
        try:
            parameters = inspect.signature(function)
        except (TypeError, ValueError):  # builtins without a signature: just call them
            return None
        try:
            parameters.bind(*self._parameters)
        except TypeError:
            return (f"your function has the parameters {parameters}, but {self.name} calls it as "
                    f"{self.signature} ({len(self._parameters)} argument"
                    f"{'s' if len(self._parameters) != 1 else ''}). Change its def line.")
        return None


class _Raised(str):
    """A learner function's exception, formatted for the verdict."""


_EXCEPTION_ADVICE = {
    "ZeroDivisionError": " Some input makes a denominator 0: decide what your function returns there.",
    "IndexError": " An index runs past the end of an array: check empty inputs and the largest values.",
    "KeyError": " A dictionary lookup found no such key: which labels can occur?",
}


def _size(args):
    return sum(int(np.size(arg)) if not isinstance(arg, (str, dict)) else len(arg) for arg in args)


def _call_learner(function, args):
    """Call the learner's function on a copy of ``args``.

    Returns (output, the exception it raised or None, the first warning it gave or None).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            got = function(*copy.deepcopy(args))
        except Exception as error:  # the learner's own exception: report it as theirs
            return None, _Raised(f"{type(error).__name__} ({error}){_where(function, error)}"), None
    return got, None, (str(caught[0].message) if caught else None)


def _where(function, error):
    """' in line N of your function: `code`' when the traceback reaches the learner's code."""
    code = getattr(function, "__code__", None)
    if code is None:
        return ""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == code.co_filename]
    if not frames:
        return ""
    frame = frames[-1]
    line = (frame.line or linecache.getline(frame.filename, frame.lineno)).strip()
    return f" at `{line}`" if line else ""


# --- progress ----------------------------------------------------------------------------------


def progress_report(questions, title="This set"):
    """A :class:`Verdict` summarising the learner's latest verdict on each question.

    Parameters
    ----------
    questions : sequence of Question
    title : str

    Examples
    --------
    >>> q = NumberQuestion(name="Question 1", expected=lambda: 1.0, hint="h", solution="s")
    >>> progress_report([q]).message
    'This set: 0 of 1 questions attempted, 0 correct. Not tried yet: Question 1.'
    """
    latest = {q.name: next((s for s in reversed(q._history) if s in ("correct", "incorrect")), None)
              for q in questions}
    attempted = [name for name, status in latest.items() if status]
    correct = [name for name, status in latest.items() if status == "correct"]
    revisit = [name for name, status in latest.items() if status == "incorrect"]
    untried = [name for name, status in latest.items() if status is None]
    parts = [f"{title}: {len(attempted)} of {len(questions)} questions attempted, {len(correct)} correct."]
    if revisit:
        parts.append("Revisit: " + "; ".join(revisit) + ".")
    if untried:
        parts.append("Not tried yet: " + "; ".join(untried) + ".")
    if questions and len(correct) == len(questions):
        parts.append("All done — well done.")
    return Verdict("progress", " ".join(parts))
