"""Questions for notebooks/00_setup: a first checker."""

from ..checks import rate_question
from ..experiments import always_negative_experiment
from . import QuestionText

__all__ = ["PREVALENCE", "q1"]

#: What the learner reads, from ex00.toml beside this module.
_TEXT = QuestionText.for_module(__name__)

#: Share of positives in the warm-up question.
PREVALENCE = 0.03

q1 = _TEXT.ask(rate_question, "q1", expected=lambda: always_negative_experiment(PREVALENCE).accuracy,
               mistakes={"share_of_positives": lambda: PREVALENCE,
                         "percentage_not_fraction": lambda: 100 * (1 - PREVALENCE)})
