"""Exercise questions, one module per notebook (``ex01`` for notebook 01, …).

Each module exposes the data the exercises use, the question objects
(``q1``, ``q2``, …) whose expected answers are computed from that data, and
``progress()``: a scoreboard of the learner's verdicts so far.
"""

import sys

from ..checks import Question, _natural_key, _show, progress_report


def questions_of(module_name):
    """The questions ``q1``, ``q2``, … of an exercise module, in their order.

    Examples
    --------
    >>> from course_utils.exercises import ex03
    >>> [question.name.split(" (")[0] for question in questions_of("course_utils.exercises.ex03")][:3]
    ['Question 1', 'Question 2', 'Question 3']
    """
    module = sys.modules[module_name]
    names = sorted((name for name, value in vars(module).items() if isinstance(value, Question)), key=_natural_key)
    return [getattr(module, name) for name in names]


def make_progress(module_name, title):
    """Return the ``progress()`` function of an exercise module.

    In the module: ``progress = make_progress(__name__, "Exercises 01")``.

    Examples
    --------
    >>> import types
    >>> from course_utils.checks import NumberQuestion
    >>> demo = sys.modules["demo_exercises"] = types.ModuleType("demo_exercises")
    >>> demo.q1 = NumberQuestion(name="Question 1", expected=lambda: 1.0, hint="h", solution="s")
    >>> progress = make_progress("demo_exercises", "Demo")
    >>> progress()
    Progress: Demo: 0 of 1 questions attempted, 0 correct. Not tried yet: Question 1.
    >>> del sys.modules["demo_exercises"]
    """

    def progress():
        """Show how many questions you attempted and got right, and which to revisit."""
        _show(progress_report(questions_of(module_name), title))

    return progress
