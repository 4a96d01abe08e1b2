"""Exercise questions, one module per notebook (``ex01`` for notebook 01, …).

Each module exposes the data the exercises use, the question objects
(``q1``, ``q2``, …) whose expected answers are computed from that data, and
``progress()``: a scoreboard of the learner's verdicts so far.

What a learner reads — each question's name, hint, solution, answer options
and the message for each typical mistake — lives in a TOML file beside the
module (``ex03.toml`` for ``ex03``), so instructors can reword it without
touching code. The module keeps the logic: the data, the expected answers and
the functions that compute each typical wrong answer, joined to their
messages by a short label.
"""

import importlib.resources
import inspect
import sys
import tomllib

from ..checks import Question, _natural_key, _show, progress_report


class QuestionText:
    """The learner-facing text of one exercise module, read from its TOML file.

    Parameters
    ----------
    file_name : str
        Names the file in error messages.
    source : str
        The TOML text: one table ``[qN]`` per question, with ``[qN.mistakes]``
        and ``[qN.options]`` where the question has them.

    Examples
    --------
    >>> from course_utils.checks import NumberQuestion
    >>> text = QuestionText("demo.toml", '''
    ... [q1]
    ... name = "Question 1"
    ... hint = "Count the negatives."
    ... solution = "accuracy = 0.97"
    ... mistakes.error_rate = "That is the error rate."
    ... ''')
    >>> q1 = text.ask(NumberQuestion, "q1", expected=lambda: 0.97, mistakes={"error_rate": lambda: 0.03})
    >>> q1.evaluate(0.03).message
    'That is the error rate.'
    >>> text.unused()
    []
    """

    def __init__(self, file_name, source):
        self._file_name = file_name
        self._tables = tomllib.loads(source)
        self._asked = set()

    @classmethod
    def for_module(cls, module_name):
        """The text of exercise module ``module_name``: the ``.toml`` file of the same name in this package."""
        file_name = module_name.rsplit(".", 1)[-1] + ".toml"
        return cls(file_name, importlib.resources.files(__name__).joinpath(file_name).read_text(encoding="utf-8"))

    def ask(self, factory, key, /, *, mistakes=None, **logic):
        """Build question ``key`` with ``factory``: its text from the file, its logic from the keywords.

        ``mistakes`` maps each label of the table ``[key.mistakes]`` to the
        function computing that wrong answer; the messages keep the file's order.
        """
        if key not in self._tables:
            raise KeyError(f"{self._file_name} has no table [{key}]; it has {sorted(self._tables)}.")
        text = dict(self._tables[key])
        messages = text.pop("mistakes", {})
        wrong_answers = dict(mistakes or {})
        if set(messages) != set(wrong_answers):
            raise ValueError(f"{self._file_name} [{key}.mistakes] has the labels {sorted(messages)}, but the code "
                             f"gives mistakes for {sorted(wrong_answers)}; they must be the same.")
        clash = sorted(set(text) & set(logic))
        if clash:
            raise ValueError(f"{self._file_name} [{key}] and the code both give {clash}; give each once.")
        accepted = inspect.signature(factory).parameters
        unknown = sorted((set(text) | ({"mistakes"} if messages else set())) - set(accepted))
        if unknown:
            raise ValueError(f"{self._file_name} [{key}] gives {unknown}, which {factory.__name__} does not take "
                             f"(it takes {sorted(accepted)}).")
        if messages:
            text["mistakes"] = [(wrong_answers[label], message) for label, message in messages.items()]
        self._asked.add(key)
        return factory(**text, **logic)

    def unused(self):
        """Tables of the file no question was built from (stale text); empty when all are used."""
        return sorted(set(self._tables) - self._asked)


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
