"""Exercise questions, one module per notebook (``ex01`` for notebook 01, …).

Each module exposes the data the exercises use, the question objects
(``q1``, ``q2``, …) whose expected answers are computed from that data, and
``progress()``: a scoreboard of the learner's verdicts so far.
"""

import sys

from ..checks import Question, _natural_key, _show, progress_report


def questions_of(module_name):
    """The questions ``q1``, ``q2``, … of an exercise module, in their order."""
    module = sys.modules[module_name]
    names = sorted((name for name, value in vars(module).items() if isinstance(value, Question)), key=_natural_key)
    return [getattr(module, name) for name in names]


def make_progress(module_name, title):
    """Return the ``progress()`` function of an exercise module.

    In the module: ``progress = make_progress(__name__, "Exercises 01")``.
    """

    def progress():
        """Show how many questions you attempted and got right, and which to revisit."""
        _show(progress_report(questions_of(module_name), title))

    return progress
