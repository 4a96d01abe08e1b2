"""Questions for solutions/04_leakage_solutions.

The data are generated here from fixed seeds (none of them is a data set the
teaching notebook uses), and every expected answer is computed by running the
experiment on them. Questions 1 and 4 run the learner's own pipeline or
splitter; question 7 calls the learner's function on hidden data sets.
"""

from __future__ import annotations

import inspect
import numbers
import warnings

import numpy as np

from ..checks import ChoiceQuestion, FunctionQuestion, Question, Verdict, _describe, rate_question
from ..data import (
    make_candidate_accuracies,
    make_duplicated_noise,
    make_grouped_noise,
    make_noise_classification,
    make_patient_table,
)
from . import QuestionText, make_progress

__all__ = ["noise_data", "selection_cv", "STUDIES", "candidate_scores", "duplicated_data", "patients",
           "PipelineQuestion", "SplitterQuestion", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "progress"]

#: What the learner reads, from ex04.toml beside this module.
_TEXT = QuestionText.for_module(__name__)

#: Question 1: samples, noise features, features the colleague keeps.
SELECTION = {"n_samples": 60, "n_features": 2000, "n_selected": 10, "seed": 1}

#: Data sets described by what matters for the split (questions 2 and 6).
STUDIES = {
    "x-rays": {"description": "12 chest X-rays per patient, 80 patients, label = diagnosis of the patient",
               "rows_share_an_id": True, "ordered_in_time": False},
    "sales": {"description": "one row per day for two years of a shop's sales; predict whether next week "
                             "is a busy week",
              "rows_share_an_id": False, "ordered_in_time": True},
}


# --- data ----------------------------------------------------------------------------------

def noise_data():
    """Question 1: 60 samples, 2,000 standard-normal features, balanced labels unrelated to them.

    Examples
    --------
    >>> X, y = noise_data()
    >>> X.shape, int(y.sum())
    ((60, 2000), 30)
    """
    return make_noise_classification(n_samples=SELECTION["n_samples"], n_features=SELECTION["n_features"],
                                     shuffle=True, seed=SELECTION["seed"])


def selection_cv():
    """Question 1's cross-validation splitter (the learner and the checker use the same folds).

    Examples
    --------
    >>> selection_cv().get_n_splits()
    5
    """
    from sklearn.model_selection import StratifiedKFold

    return StratifiedKFold(n_splits=5, shuffle=True, random_state=SELECTION["seed"])


def candidate_scores():
    """Question 3: 40 candidate models, each scored on a validation set and on a test set.

    Returns
    -------
    pandas.DataFrame
        One row per candidate; columns ``validation`` and ``test`` (accuracies
        on 150 rows each).

    Examples
    --------
    >>> scores = candidate_scores()
    >>> scores.shape, list(scores.columns)
    ((40, 2), ['validation', 'test'])
    """
    import pandas as pd

    validation, test = make_candidate_accuracies(40, n_validation=150, n_test=150, accuracy=0.5, seed=7)
    return pd.DataFrame({"validation": validation, "test": test},
                        index=pd.RangeIndex(1, 41, name="candidate"))


def duplicated_data():
    """Question 4: 200 items, each recorded twice with a little jitter, rows in random order.

    Returns
    -------
    X : ndarray (400, 10)
    y : ndarray of 0/1, one label per item (both copies share it)
    item : ndarray of int, the item each row records

    Examples
    --------
    >>> X, y, item = duplicated_data()
    >>> X.shape, int(np.bincount(item).max())
    ((400, 10), 2)
    """
    return make_duplicated_noise(n_unique=200, copies=2, n_features=10, jitter=0.01, shuffle=True, seed=5)


def patients():
    """Question 5: a patient table (pandas DataFrame) and the label "diabetic".

    One column was recorded *after* the diagnosis.

    Examples
    --------
    >>> table, diabetic = patients()
    >>> table.shape, diabetic.shape
    ((500, 5), (500,))
    """
    return make_patient_table(500, leak_agreement=0.92, seed=11)


# --- reference computations (private: the checker's side) -----------------------------------

def _knn():
    from sklearn.neighbors import KNeighborsClassifier

    return KNeighborsClassifier(n_neighbors=1)


def _leaky_selection_score():
    """The colleague's result in question 1: select on all rows, then cross-validate."""
    from sklearn.feature_selection import SelectKBest, f_classif
    from sklearn.model_selection import cross_val_score

    X, y = noise_data()
    X_best = SelectKBest(f_classif, k=SELECTION["n_selected"]).fit_transform(X, y)
    return float(cross_val_score(_knn(), X_best, y, cv=selection_cv()).mean())


def _reference_pipeline():
    from sklearn.feature_selection import SelectKBest, f_classif
    from sklearn.pipeline import make_pipeline

    return make_pipeline(SelectKBest(f_classif, k=SELECTION["n_selected"]), _knn())


def _recommend_splitter(study):
    """The splitter a data description calls for (the rule the notebook teaches)."""
    if study["ordered_in_time"]:
        return "TimeSeriesSplit"
    if study["rows_share_an_id"]:
        return "GroupKFold"
    return "StratifiedKFold"


def _splitter_question(*, study, options, name, hint, solution):
    """Which of the four splitters does ``STUDIES[study]`` call for? ``options``: one message per splitter."""
    if set(options) != {"KFold", "StratifiedKFold", "GroupKFold", "TimeSeriesSplit"}:
        raise ValueError(f"options must explain each of the four splitters, got {sorted(options)}.")
    return ChoiceQuestion(name=name, options=options, expected=lambda: _recommend_splitter(STUDIES[study]),
                          hint=hint, solution=solution)


def _chosen_on_validation():
    scores = candidate_scores()
    return float(scores.loc[scores["validation"].idxmax(), "test"])


def _group_splitter():
    from sklearn.model_selection import GroupKFold

    return GroupKFold(n_splits=5)


def _shuffled_kfold_score():
    from sklearn.model_selection import KFold, cross_val_score

    X, y, _ = duplicated_data()
    return float(cross_val_score(_knn(), X, y, cv=KFold(5, shuffle=True, random_state=0)).mean())


def _leaked_column():
    table, label = patients()
    correlations = {column: abs(np.corrcoef(table[column], label)[0, 1]) for column in table}
    return max(correlations, key=correlations.get)


def _honest_cases():
    """Hidden data sets for question 7, as (X, y, groups, k): both classes in each, rows shuffled."""
    settings = [(10, 2, 20, 2, 38), (15, 3, 20, 3, 41), (20, 3, 100, 5, 42), (30, 4, 300, 10, 43)]
    return [(*make_grouped_noise(n_groups=n_groups, per_group=per_group, n_features=n_features, offset_sd=2.0,
                                 balanced=True, shuffle=True, seed=seed), k)
            for n_groups, per_group, n_features, k, seed in settings]


def _cv_selection_score(X, y, groups, k, *, inside=True, cv=None):
    from sklearn.feature_selection import SelectKBest, f_classif
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline

    cv = _group_splitter() if cv is None else cv
    if inside:
        return float(cross_val_score(make_pipeline(SelectKBest(f_classif, k=k), _knn()), X, y,
                                     groups=groups, cv=cv).mean())
    X_best = SelectKBest(f_classif, k=k).fit_transform(X, y)
    return float(cross_val_score(_knn(), X_best, y, groups=groups, cv=cv).mean())


def _honest_reference(X, y, groups, k):
    return _cv_selection_score(X, y, groups, k)


def _selection_outside(X, y, groups, k):
    return _cv_selection_score(X, y, groups, k, inside=False)


def _folds_ignore_groups(X, y, groups, k):
    return _cv_selection_score(X, y, None, k, cv=5)


def _stratified_group_folds(X, y, groups, k):
    from sklearn.model_selection import StratifiedGroupKFold

    return _cv_selection_score(X, y, groups, k, cv=StratifiedGroupKFold(n_splits=5))


# --- question classes ----------------------------------------------------------------------

def _chance_band(n):
    """Two binomial standard errors of an accuracy at chance (0.5) on ``n`` samples."""
    return 2 * np.sqrt(0.25 / n)


class PipelineQuestion(Question):
    """The answer is a scikit-learn pipeline: the checker cross-validates it on the question's data.

    Correct when the pipeline still selects features (a step with
    ``get_support``) and its cross-validated accuracy on the noise data lies
    within two standard errors of chance.

    Examples
    --------
    >>> q1.evaluate("make_pipeline").message.endswith("; you passed the string 'make_pipeline'.")
    True
    """

    kind = "pipeline"

    def __init__(self, *, name, expected, hint, solution, data, cv, leaky):
        super().__init__(name=name, expected=expected, hint=hint, solution=solution)
        self._data, self._cv, self._leaky = data, cv, leaky

    def _expects(self):
        return "an unfitted scikit-learn pipeline (selection step, then classifier)"

    def _judge(self, answer):
        from sklearn.base import clone
        from sklearn.model_selection import cross_val_score

        if isinstance(answer, numbers.Real) and not isinstance(answer, (bool, np.bool_)):
            # A learner's int can exceed float range; such a number is not the leaky score either.
            leaky = 0 <= answer <= 1 and abs(float(answer) - self._leaky()) < 0.001
            return Verdict("incorrect", f"{self.name} expects {self._expects()}, not a number"
                           f"{' (and that one is the leaky score itself)' if leaky else ''}: build the pipeline "
                           "and pass it; the checker cross-validates it for you.")
        if inspect.isclass(answer) or not (hasattr(answer, "fit") and hasattr(answer, "get_params")):
            return self._wrong_type(answer)
        steps = [step for _, step in getattr(answer, "steps", [])]
        if not any(hasattr(step, "get_support") for step in steps):
            return Verdict("incorrect", f"{self.name} expects {self._expects()}; you passed {_describe(answer)} "
                           "without a feature-selection step. Keep the selection, but as the first step of the "
                           "pipeline (make_pipeline(selector, classifier)): the point is that cross-validation "
                           "refits it on each training fold.")
        X, y = self._data()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # e.g. k larger than the number of features: still a pipeline
                score = float(cross_val_score(clone(answer), X, y, cv=self._cv(), error_score="raise").mean())
        except Exception as error:  # the learner's pipeline failed to fit: say where
            return Verdict("incorrect", f"cross-validating your pipeline raised {type(error).__name__}: "
                           f"{str(error)[:200]}. Build it as make_pipeline(selector, classifier).")
        band = _chance_band(len(y))
        if abs(score - 0.5) <= band:
            return Verdict("correct", f"cross-validated inside the pipeline the accuracy is {score:.3f}, within "
                           f"noise of chance (0.5 ± {band:.3f}); the leaky version reported {self._leaky():.3f}.")
        return Verdict("incorrect", f"your pipeline scores {score:.3f}, outside chance ± {band:.3f} on pure noise: "
                       "does a step see the labels of the test folds some other way?")


class SplitterQuestion(Question):
    """The answer is a splitter object: the checker runs its ``split(X, y, groups=item)``.

    Correct when no item has rows on both sides of any split — whichever
    splitter achieves it. The verdict then reports the 1-nearest-neighbour
    accuracy with that splitter next to a shuffled split's.

    Examples
    --------
    >>> q4.evaluate("KFold").message.endswith("Pass the splitter itself, not its name: create it, e.g. "
    ...                                       "SomeSplitter(n_splits=5), and pass that.")
    True
    """

    kind = "splitter"

    def __init__(self, *, name, expected, hint, solution, data, leaky):
        super().__init__(name=name, expected=expected, hint=hint, solution=solution)
        self._data, self._leaky = data, leaky

    def _expects(self):
        return "a splitter object (like those in sklearn.model_selection)"

    def _judge(self, answer):
        from sklearn.metrics import accuracy_score

        wrong = f"{self.name} expects {self._expects()}; you passed {_describe(answer)}."
        if isinstance(answer, str):
            return Verdict("incorrect", f"{wrong} Pass the splitter itself, not its name: create it, e.g. "
                           "SomeSplitter(n_splits=5), and pass that.")
        if isinstance(answer, numbers.Integral) and not isinstance(answer, (bool, np.bool_)) and answer >= 2:
            return Verdict("incorrect", f"{wrong} cv={answer} in cross_val_score means {answer} folds of the usual "
                           "kind, which do not know which rows are copies of one item. Pass a splitter that takes "
                           "groups.")
        if inspect.isclass(answer) and hasattr(answer, "split"):
            return Verdict("incorrect", f"{wrong} Create a splitter from the class, e.g. "
                           f"{answer.__name__}(n_splits=5), and pass that.")
        if not callable(getattr(answer, "split", None)) or _is_data(answer):
            return self._wrong_type(answer)
        X, y, item = self._data()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                splits = [(np.asarray(train), np.asarray(test)) for train, test in answer.split(X, y, groups=item)]
        except Exception as error:  # the learner's splitter cannot split this data: say why
            return Verdict("incorrect", f"{type(answer).__name__}.split(X, y, groups=item) raised "
                           f"{type(error).__name__}: {str(error)[:200]}")
        ignored = any("groups parameter is ignored" in str(warning.message) for warning in caught)
        if not splits or not all(_valid_indices(part, len(y)) for split in splits for part in split):
            return Verdict("incorrect", f"{type(answer).__name__}.split did not give (train, test) index arrays "
                           "for these 400 rows.")
        for number, (train, test) in enumerate(splits, start=1):
            shared = np.intersect1d(item[train], item[test])
            if shared.size:
                why = f" ({type(answer).__name__} ignores the groups argument.)" if ignored else ""
                return Verdict("incorrect", f"split {number} of {type(answer).__name__} puts copies of {shared.size} "
                               f"items on both sides (item {shared[0]}, for one, has a row in training and one in "
                               f"test), so 1-NN finds the twin.{why} Use a splitter that keeps each item's rows "
                               "together.")
        accuracies = [accuracy_score(y[test], _knn().fit(X[train], y[train]).predict(X[test]))
                      for train, test in splits]
        score = float(np.mean(accuracies))
        band = _chance_band(np.unique(item).size)
        noise = (f"within noise of chance (0.5 ± {band:.3f} for {np.unique(item).size} items)"
                 if abs(score - 0.5) <= band else "on data with nothing to learn")
        kind = {"StratifiedGroupKFold": " It also balances the classes across folds — a good choice when "
                                        "classes are imbalanced.",
                "LeaveOneGroupOut": " One item per test fold is valid, but slow on large data.",
                "GroupShuffleSplit": " Random group splits are valid; with few splits the estimate is noisier."}
        return Verdict("correct", f"no item has rows on both sides of any of the {len(splits)} splits of "
                       f"{type(answer).__name__}.{kind.get(type(answer).__name__, '')} 1-NN accuracy "
                       f"{score:.3f}, {noise}; a shuffled split reports {self._leaky():.3f}.")


def _is_data(value):
    """Arrays and tables have no ``split`` worth calling (pandas' str.split is not a splitter)."""
    return isinstance(value, (np.ndarray, list, tuple, dict)) or type(value).__module__.startswith("pandas")


def _valid_indices(part, n):
    return (part.ndim == 1 and part.size > 0 and np.issubdtype(part.dtype, np.integer)
            and part.min() >= 0 and part.max() < n)


# --- questions -----------------------------------------------------------------------------

q1 = _TEXT.ask(PipelineQuestion, "q1", expected=_reference_pipeline, data=noise_data, cv=selection_cv,
               leaky=_leaky_selection_score)

q2 = _TEXT.ask(_splitter_question, "q2", study="x-rays")

q3 = _TEXT.ask(rate_question, "q3", expected=_chosen_on_validation,
               mistakes={"best_test_score": lambda: float(candidate_scores()["test"].max()),
                         "best_validation_score": lambda: float(candidate_scores()["validation"].max()),
                         "mean_test_score": lambda: float(candidate_scores()["test"].mean())})

q4 = _TEXT.ask(SplitterQuestion, "q4", expected=_group_splitter, data=duplicated_data, leaky=_shuffled_kfold_score)

q5 = _TEXT.ask(ChoiceQuestion, "q5", expected=_leaked_column)

q6 = _TEXT.ask(_splitter_question, "q6", study="sales")

q7 = _TEXT.ask(FunctionQuestion, "q7", expected=_honest_reference, cases=_honest_cases,
               mistakes={"selection_outside": _selection_outside,
                         "folds_ignore_groups": _folds_ignore_groups,
                         "stratified_group_folds": _stratified_group_folds})

progress = make_progress(__name__, "Exercises 04")
