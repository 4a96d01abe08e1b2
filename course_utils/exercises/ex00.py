"""Questions for notebooks/00_setup: a first checker."""

from ..checks import rate_question
from ..experiments import always_negative_experiment

__all__ = ["PREVALENCE", "q1"]

#: Share of positives in the warm-up question.
PREVALENCE = 0.03

q1 = rate_question(
    name="the warm-up question",
    expected=lambda: always_negative_experiment(PREVALENCE).accuracy,
    mistakes=[(lambda: PREVALENCE, "that is the share of positives, which the baseline always gets wrong. "
               "What share does it get right?"),
              (lambda: 100 * (1 - PREVALENCE), "give the accuracy as a fraction between 0 and 1, not a percentage.")],
    hint="A classifier that always says 'negative' is right on every negative sample. "
         "Move the slider to the same share of positives and read off the accuracy.",
    solution="accuracy = 1 - 0.03  # = 0.97: right on every negative, wrong on every positive",
)
