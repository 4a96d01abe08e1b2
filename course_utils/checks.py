"""Exercise checkers in the style of Kaggle's learntools.

A question object has ``check(answer)``, ``hint()`` and ``solution()``.
``check`` shows one of three verdicts — *not attempted*, *incorrect* (with
what to look at) or *correct* — and never raises, whatever the learner
passes. The expected answer is always computed by a function from the same
data the learner sees; nothing is hard-coded.
"""

from __future__ import annotations

import html
import math
import numbers
from dataclasses import dataclass

import numpy as np

__all__ = ["____", "Verdict", "Question", "NumberQuestion", "ChoiceQuestion", "ArrayQuestion"]


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

_STYLES = {
    "correct": ("#009E73", "Correct"),
    "incorrect": ("#D55E00", "Incorrect"),
    "not attempted": ("#0072B2", "Not attempted yet"),
    "hint": ("#E69F00", "Hint"),
    "solution": ("#CC79A7", "Solution"),
}


@dataclass(frozen=True)
class Verdict:
    """What a checker says about an answer.

    Attributes
    ----------
    status : str
        ``"correct"``, ``"incorrect"``, ``"not attempted"``, ``"hint"`` or ``"solution"``.
    message : str
        The teaching text.
    """

    status: str
    message: str

    @property
    def correct(self):
        return self.status == "correct"

    def __str__(self):
        return f"{_STYLES[self.status][1]}: {self.message}"

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


class Question:
    """Base class: subclasses implement :meth:`_judge`.

    Parameters
    ----------
    name : str
        How the question is called in messages, e.g. ``"Question 1"``.
    expected : callable
        No-argument function computing the reference answer from the data.
    hint : str
    solution : str
        Code or text shown by :meth:`solution`.
    """

    def __init__(self, *, name, expected, hint, solution):
        if not callable(expected):
            raise TypeError("expected must be a function computing the reference answer.")
        self.name = name
        self._expected = expected
        self._hint = hint
        self._solution = solution

    @property
    def expected(self):
        """The reference answer, computed from the data."""
        return self._expected()

    def evaluate(self, answer):
        """Judge ``answer`` and return a :class:`Verdict` (never raises)."""
        if answer is ____ or answer is Ellipsis:
            return Verdict("not attempted", f"replace ____ with your answer to {self.name}, then run the cell again.")
        try:
            return self._judge(answer)
        except Exception as error:  # a checker must never crash on a learner's input
            return Verdict("incorrect", f"this answer could not be checked ({type(error).__name__}: {error}). "
                           "Check its type against what the question asks for.")

    def check(self, answer):
        """Show whether ``answer`` is correct (in Jupyter: a coloured line)."""
        _show(self.evaluate(answer))

    def hint(self):
        """Show a hint."""
        _show(Verdict("hint", self._hint))

    def solution(self):
        """Show the reference solution."""
        _show(Verdict("solution", self._solution))

    def _judge(self, answer):  # pragma: no cover - abstract
        raise NotImplementedError


def _as_number(answer):
    """Return ``answer`` as float, or None when it is not a single real number."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        return float(answer)
    if isinstance(answer, np.ndarray) and answer.size == 1 and np.issubdtype(answer.dtype, np.number):
        return float(answer.reshape(-1)[0])
    return None


class NumberQuestion(Question):
    """The answer is one number, compared with a tolerance.

    Parameters
    ----------
    tolerance : float
        Absolute tolerance (default 0.005: three decimals are enough).
    mistakes : sequence of (callable, str)
        Typical wrong answers: a no-argument function computing the wrong
        value, and the message that explains the mistake.
    low, high : float, optional
        Range a plausible answer must lie in (e.g. 0 and 1 for a rate).

    Examples
    --------
    >>> q = NumberQuestion(name="Q", expected=lambda: 0.75, hint="h", solution="s",
    ...                    mistakes=[(lambda: 0.25, "That is the error rate.")])
    >>> q.evaluate(0.25).message
    'That is the error rate.'
    >>> q.evaluate("0.75").status
    'incorrect'
    """

    def __init__(self, *, name, expected, hint, solution, tolerance=0.005, mistakes=(),
                 low=None, high=None):
        super().__init__(name=name, expected=expected, hint=hint, solution=solution)
        self.tolerance = tolerance
        self.mistakes = list(mistakes)
        self.low, self.high = low, high

    def _judge(self, answer):
        value = _as_number(answer)
        if value is None:
            return Verdict("incorrect", f"{self.name} expects a single number, got "
                           f"{type(answer).__name__} {answer!r:.60}.")
        if math.isnan(value):
            return Verdict("incorrect", "your answer is NaN: a division by zero, or an empty selection?")
        if abs(value - self.expected) <= self.tolerance:
            shown = f"{value:.0f}" if value == round(value) else f"{value:.3f}"
            return Verdict("correct", f"{shown} is right.")
        for wrong, message in self.mistakes:
            if abs(value - wrong()) <= self.tolerance:
                return Verdict("incorrect", message)
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            return Verdict("incorrect", f"{value:g} is outside the possible range "
                           f"[{self.low:g}, {self.high:g}]. Try q.hint().")
        return Verdict("incorrect", f"{value:.3f} is not it. Call .hint() for a pointer.")


class ChoiceQuestion(Question):
    """The answer is one of a few named options (case-insensitive strings).

    Parameters
    ----------
    options : dict of str to str
        Each option and what to tell a learner who picks it when it is wrong.
    expected : callable
        Returns the correct option's key.

    Examples
    --------
    >>> q = ChoiceQuestion(name="Q", options={"a": "no", "b": "yes"},
    ...                    expected=lambda: "b", hint="h", solution="s")
    >>> q.evaluate("B").status, q.evaluate("c").status
    ('correct', 'incorrect')
    """

    def __init__(self, *, name, options, expected, hint, solution):
        super().__init__(name=name, expected=expected, hint=hint, solution=solution)
        if not options:
            raise ValueError("options must name at least two choices.")
        self.options = {key.lower(): message for key, message in options.items()}
        self._listed = ", ".join(repr(key) for key in options)

    def _judge(self, answer):
        listed = self._listed
        if not isinstance(answer, str):
            return Verdict("incorrect", f"{self.name} expects one of the strings {listed}, "
                           f"got {type(answer).__name__}.")
        choice = answer.strip().lower()
        if choice not in self.options:
            return Verdict("incorrect", f"{answer!r} is not one of the options {listed}.")
        expected = self.expected.lower()
        if choice == expected:
            return Verdict("correct", self.options[choice])
        return Verdict("incorrect", self.options[choice])


class ArrayQuestion(Question):
    """The answer is an array (e.g. predictions), compared element-wise.

    Examples
    --------
    >>> q = ArrayQuestion(name="Q", expected=lambda: [0, 1, 1], hint="h", solution="s")
    >>> q.evaluate([0, 1]).message
    'expected 3 values, got 2.'
    """

    def __init__(self, *, name, expected, hint, solution, tolerance=1e-9, mistakes=()):
        super().__init__(name=name, expected=expected, hint=hint, solution=solution)
        self.tolerance = tolerance
        self.mistakes = list(mistakes)

    def _judge(self, answer):
        expected = np.asarray(self.expected, dtype=float)
        if isinstance(answer, (str, bytes, dict)) or np.ndim(answer) == 0:
            return Verdict("incorrect", f"{self.name} expects an array of {expected.size} values, "
                           f"got {type(answer).__name__}.")
        try:
            values = np.asarray(answer, dtype=float).reshape(-1)
        except (TypeError, ValueError):
            return Verdict("incorrect", f"{self.name} expects numbers; your array could not be read as numbers.")
        if values.size != expected.size:
            return Verdict("incorrect", f"expected {expected.size} values, got {values.size}.")
        if np.allclose(values, expected, atol=self.tolerance):
            return Verdict("correct", "all values match.")
        for wrong, message in self.mistakes:
            if np.allclose(values, np.asarray(wrong(), dtype=float).reshape(-1), atol=self.tolerance):
                return Verdict("incorrect", message)
        n_wrong = int(np.sum(~np.isclose(values, expected, atol=self.tolerance)))
        return Verdict("incorrect", f"{n_wrong} of {expected.size} values differ. Call .hint() for a pointer.")
