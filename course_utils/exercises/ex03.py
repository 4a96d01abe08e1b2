"""Questions for solutions/03_per_class_masking_solutions; answers computed from the data below.

The triage and camera-trap data are generated here (the teaching notebook
never uses them).
"""

from __future__ import annotations

import functools

import numpy as np

from ..checks import ChoiceQuestion, FunctionQuestion, rate_question
from ..data import make_confused_predictions, make_missed_class_predictions, make_shifted_minority_data
from . import QuestionText, make_progress

__all__ = ["triage", "SPECIES", "camera_trap", "resampling_data", "q1", "q2", "q3", "q4", "q5", "q6", "q7",
           "progress"]

#: What the learner reads, from ex03.toml beside this module.
_TEXT = QuestionText.for_module(__name__)

#: The five species of :func:`camera_trap`.
SPECIES = ("deer", "fox", "boar", "badger", "hare")


def triage():
    """Labels and predictions of a 3-class triage model: 0 = home, 1 = GP, 2 = emergency.

    Examples
    --------
    >>> y_true, y_pred = triage()
    >>> y_true.shape, sorted(set(y_true.tolist()))
    ((300,), [0, 1, 2])
    """
    return make_missed_class_predictions(300, shares=(0.6, 0.3, 0.1), missed_class=2, missed_share=0.6,
                                         confused_with=1, n_other_errors=15, seed=9)


def camera_trap():
    """Labels and predictions of a species classifier on 700 camera-trap images (strings from SPECIES).

    Examples
    --------
    >>> y_true, y_pred = camera_trap()
    >>> y_true.shape, set(y_true.tolist()) == set(SPECIES)
    ((700,), True)
    """
    return make_confused_predictions(SPECIES, 700, shares=(0.40, 0.25, 0.14, 0.12, 0.09),
                                     recalls=(0.96, 0.93, 0.92, 0.50, 0.85),
                                     confused_with=("boar", "hare", "deer", "fox", "fox"), typical_share=0.75, seed=31)


def resampling_data():
    """Two overlapping classes, 1,000 majority and 100 minority rows (features X, labels y).

    Examples
    --------
    >>> X, y = resampling_data()
    >>> np.bincount(y).tolist(), X.shape[1]
    ([1000, 100], 10)
    """
    return make_shifted_minority_data(n_majority=1000, n_minority=100, shift=0.15, seed=3)


def _per_class_recall(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return {label.item(): float(np.mean(y_pred[y_true == label] == label)) for label in np.unique(y_true)}


def _recall(label):
    return _per_class_recall(*triage())[label]


# --- question 1: one recall with a mask -------------------------------------------------------------


def _one_vs_rest_accuracy():
    """Mistake: the two emergency masks compared over all patients."""
    y_true, y_pred = triage()
    return float(np.mean((y_true == 2) == (y_pred == 2)))


def _precision_not_recall():
    """Mistake: the mask on the predicted emergencies (precision)."""
    y_true, y_pred = triage()
    return float(np.mean(y_true[y_pred == 2] == 2))


q1 = _TEXT.ask(rate_question, "q1", expected=lambda: _recall(2),
               mistakes={"one_vs_rest_accuracy": _one_vs_rest_accuracy, "precision_not_recall": _precision_not_recall})

# --- question 2: per_class_recall, the function ---------------------------------------------------


def _precision_by_class(y_true, y_pred):
    """Mistake: the mask on the predicted class (precision), for every class of y_true."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return {label.item(): float(np.mean(y_true[y_pred == label] == label)) if np.any(y_pred == label)
            else float("nan") for label in np.unique(y_true)}


def _one_vs_rest_by_class(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return {label.item(): float(np.mean((y_true == label) == (y_pred == label))) for label in np.unique(y_true)}


def _recall_cases():
    """Hidden cases: a class never predicted, a predicted class absent from y_true, string labels, random ones."""
    cases = [([0, 1], [0, 0]), ([2, 2, 0], [2, 1, 1]), (["cat", "dog", "dog"], ["dog", "dog", "cat"]),
             ([1, 1, 1, 3], [1, 3, 1, 3]), ([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])]
    rng = np.random.default_rng(303)
    for n, k in [(20, 3), (100, 4), (400, 6)]:
        y_true = rng.integers(0, k, n)
        y_pred = np.where(rng.random(n) < 0.7, y_true, rng.integers(0, k + 1, n))
        cases.append((y_true, y_pred))
    return [(np.asarray(t), np.asarray(p)) for t, p in cases]


q2 = _TEXT.ask(FunctionQuestion, "q2", expected=_per_class_recall, cases=_recall_cases,
               mistakes={"precision_by_class": _precision_by_class, "one_vs_rest_by_class": _one_vs_rest_by_class})

# --- questions 3–4: averages --------------------------------------------------------------------


def _macro_recall():
    return float(np.mean(list(_per_class_recall(*triage()).values())))


def _plain_accuracy():
    """Mistake: accuracy, i.e. the recalls weighted by class size."""
    y_true, y_pred = triage()
    return float(np.mean(y_true == y_pred))


q3 = _TEXT.ask(rate_question, "q3", expected=_macro_recall, mistakes={"plain_accuracy": _plain_accuracy})


def _triage_average():
    y_true, y_pred = triage()
    recalls = _per_class_recall(y_true, y_pred)
    worst_hidden = min(recalls.values()) < np.mean(y_true == y_pred) - 0.1
    return "macro" if worst_hidden else "weighted"


q4 = _TEXT.ask(ChoiceQuestion, "q4", expected=_triage_average)

# --- questions 5–6: a class the average hides, on new data ---------------------------------------


def _weakest_species():
    recalls = _per_class_recall(*camera_trap())
    return min(recalls, key=recalls.get)


def _todays_accuracy():
    """The camera-trap classifier's accuracy as it is (question 6's mistake ``todays_accuracy``)."""
    y_true, y_pred = camera_trap()
    return float(np.mean(y_true == y_pred))


def _accuracy_if_fixed():
    y_true, y_pred = camera_trap()
    weakest = _weakest_species()
    share = float(np.mean(y_true == weakest))
    return _todays_accuracy() + share * (1 - _per_class_recall(y_true, y_pred)[weakest])


def _fixed_with_macro_weight():
    """Mistake: the weakest species' recall raised to 1, but weighted 1/5 (macro) instead of by its share."""
    return _todays_accuracy() + 0.2 * (1 - min(_per_class_recall(*camera_trap()).values()))


def _species_messages():
    """One message per species; only the weakest one's (shown to whoever picks it) says why it is right."""
    weakest = _weakest_species()
    return {name: (f"{name} has the lowest recall of the five, although it is neither the rarest nor the "
                   "most common species: its failure costs accuracy only its share of the images."
                   if name == weakest else
                   f"{name} is not the weakest: compare the recalls of all five species, not their counts.")
            for name in SPECIES}


q5 = _TEXT.ask(ChoiceQuestion, "q5", options=_species_messages(), expected=_weakest_species)

q6 = _TEXT.ask(rate_question, "q6", expected=_accuracy_if_fixed, tolerance=0.0002,
               mistakes={"todays_accuracy": _todays_accuracy, "fixed_with_macro_weight": _fixed_with_macro_weight})

# --- question 7: resampling, evaluated honestly ---------------------------------------------------


@functools.cache  # a forest takes a second to fit; the data never change
def _article_recall():
    from imblearn.over_sampling import SMOTE
    from sklearn.ensemble import RandomForestClassifier

    X, y = resampling_data()
    X_res, y_res = SMOTE(random_state=42).fit_resample(X, y)
    return float(np.mean(RandomForestClassifier(random_state=0).fit(X_res, y_res).predict(X)[y == 1] == 1))


@functools.cache
def _honest_recall():
    from imblearn.over_sampling import SMOTE
    from imblearn.pipeline import make_pipeline
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.model_selection import train_test_split

    X, y = resampling_data()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
    model = make_pipeline(SMOTE(random_state=42), RandomForestClassifier(random_state=0)).fit(X_tr, y_tr)
    return float(np.mean(model.predict(X_te)[y_te == 1] == 1))


q7 = _TEXT.ask(rate_question, "q7", expected=_honest_recall, mistakes={"article_recall": _article_recall})

progress = make_progress(__name__, "Exercises 03")
