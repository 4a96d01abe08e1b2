"""Questions for solutions/04_leakage_solutions.

Every expected answer is computed by running the right-way (or wrong-way)
experiment on the same generated data the learner gets. Question 1 runs the
learner's own pipeline.
"""

from __future__ import annotations

import numpy as np

from ..checks import ChoiceQuestion, NumberQuestion, Question, Verdict
from ..leakage import (duplicate_leak, make_duplicated_noise, make_noise_classification, oversampling_leak,
                       scaling_leak)

__all__ = ["noise_data", "selection_cv", "leaky_selection_score", "reference_pipeline", "reference_pipeline_score", "duplicated_data", "patients", "SPLITTERS",
           "STUDIES", "recommend_splitter", "PipelineQuestion", "q1", "q2", "q3", "q4", "q5", "q6", "q7"]

#: Settings shared by question 1 and its checker.
SELECTION = {"n_samples": 60, "n_features": 2000, "n_selected": 10, "seed": 1}
#: Settings shared by question 4 and its checker.
DUPLICATES = {"n_unique": 200, "copies": 2, "seed": 5}

SPLITTERS = ("KFold", "StratifiedKFold", "GroupKFold", "TimeSeriesSplit")

#: Data sets described by what matters for the split (questions 2 and 6).
STUDIES = {
    "x-rays": {"description": "12 chest X-rays per patient, 80 patients, label = diagnosis of the patient",
               "rows_share_an_id": True, "ordered_in_time": False},
    "sales": {"description": "one row per day for two years of a shop's sales; predict whether next week "
                             "is a busy week",
              "rows_share_an_id": False, "ordered_in_time": True},
}


def noise_data():
    """Question 1: 60 samples, 2,000 noise features, balanced labels."""
    return make_noise_classification(n_samples=SELECTION["n_samples"], n_features=SELECTION["n_features"],
                                     seed=SELECTION["seed"])


def selection_cv():
    """Question 1's cross-validation splitter (the learner and the checker use the same folds)."""
    from sklearn.model_selection import StratifiedKFold

    return StratifiedKFold(n_splits=5, shuffle=True, random_state=SELECTION["seed"])


def leaky_selection_score():
    """The colleague's (leaky) result in question 1: select on all rows, then cross-validate."""
    from sklearn.feature_selection import SelectKBest, f_classif
    from sklearn.model_selection import cross_val_score
    from sklearn.neighbors import KNeighborsClassifier

    X, y = noise_data()
    X_best = SelectKBest(f_classif, k=SELECTION["n_selected"]).fit_transform(X, y)
    return float(cross_val_score(KNeighborsClassifier(n_neighbors=1), X_best, y, cv=selection_cv()).mean())


def duplicated_data():
    """Question 4: 200 items recorded twice each; returns X, y, item."""
    return make_duplicated_noise(n_unique=DUPLICATES["n_unique"], copies=DUPLICATES["copies"],
                                 seed=DUPLICATES["seed"])


def patients():
    """Question 5: a patient table (pandas DataFrame) and the label "diabetic".

    One column was recorded *after* the diagnosis.
    """
    import pandas as pd

    rng = np.random.default_rng(11)
    n = 500
    diabetic = rng.integers(0, 2, n)
    table = pd.DataFrame({
        "age": rng.integers(20, 80, n),
        "bmi": np.round(rng.normal(27, 4, n), 1),
        "insulin_prescribed": np.where(rng.random(n) < 0.92, diabetic, 1 - diabetic),
        "blood_pressure": np.round(rng.normal(125, 15, n)),
        "smoker": rng.integers(0, 2, n),
    })
    return table, diabetic


def recommend_splitter(study):
    """The splitter a data description calls for (the rule the notebook teaches)."""
    if study["ordered_in_time"]:
        return "TimeSeriesSplit"
    if study["rows_share_an_id"]:
        return "GroupKFold"
    return "StratifiedKFold"


def _leaked_column():
    table, label = patients()
    correlations = {column: abs(np.corrcoef(table[column], label)[0, 1]) for column in table}
    return max(correlations, key=correlations.get)


class PipelineQuestion(Question):
    """The answer is a scikit-learn pipeline: the checker cross-validates it on the question's data.

    Correct when the pipeline still selects features (a step with
    ``get_support``), and its cross-validated accuracy on the noise data is
    within two standard errors of chance. ``expected`` returns the reference
    pipeline (unfitted).
    """

    def __init__(self, *, name, expected, hint, solution, data, cv, leaky):
        super().__init__(name=name, expected=expected, hint=hint, solution=solution)
        self._data, self._cv, self._leaky = data, cv, leaky

    def _judge(self, answer):
        from sklearn.base import clone
        from sklearn.model_selection import cross_val_score

        if isinstance(answer, (int, float, np.number)) and not isinstance(answer, bool):
            if abs(float(answer) - self._leaky()) < 0.001:
                return Verdict("incorrect", "that is the leaky score itself. Build the pipeline: "
                               "make_pipeline(SelectKBest(...), KNeighborsClassifier(...)), and pass the pipeline.")
            return Verdict("incorrect", f"{self.name} expects the pipeline object, not a number: "
                           "the checker cross-validates it for you.")
        if not (hasattr(answer, "fit") and hasattr(answer, "get_params")):
            return Verdict("incorrect", f"{self.name} expects a scikit-learn pipeline, got {type(answer).__name__}.")
        steps = [step for _, step in getattr(answer, "steps", [])]
        if not any(hasattr(step, "get_support") for step in steps):
            return Verdict("incorrect", "keep the feature selection, but as the first step of the pipeline "
                           "(make_pipeline(SelectKBest(f_classif, k=10), classifier)): the point is that "
                           "cross-validation refits it on each training fold.")
        X, y = self._data()
        score = float(cross_val_score(clone(answer), X, y, cv=self._cv()).mean())
        band = 2 * np.sqrt(0.25 / len(y))
        if abs(score - 0.5) <= band:
            return Verdict("correct", f"cross-validated inside the pipeline the accuracy is {score:.3f}, within "
                           f"noise of chance (0.5 ± {band:.3f}); the leaky version reported {self._leaky():.3f}.")
        return Verdict("incorrect", f"your pipeline scores {score:.3f}, outside chance ± {band:.3f} on pure noise: "
                       "does a step see the labels of the test folds some other way?")


def reference_pipeline():
    """Question 1's answer: the selection moved inside the model, so every training fold refits it."""
    from sklearn.feature_selection import SelectKBest, f_classif
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline

    return make_pipeline(SelectKBest(f_classif, k=SELECTION["n_selected"]), KNeighborsClassifier(n_neighbors=1))


def reference_pipeline_score():
    """The honest accuracy of :func:`reference_pipeline` on question 1's data and folds."""
    from sklearn.model_selection import cross_val_score

    X, y = noise_data()
    return float(cross_val_score(reference_pipeline(), X, y, cv=selection_cv()).mean())


q1 = PipelineQuestion(
    name="Question 1 (selection inside the pipeline)",
    expected=reference_pipeline,
    data=noise_data, cv=selection_cv, leaky=leaky_selection_score,
    hint="make_pipeline(step1, step2) chains a selector and a classifier; cross_val_score then refits both "
         "on each training fold.",
    solution="pipeline = make_pipeline(SelectKBest(f_classif, k=10), KNeighborsClassifier(n_neighbors=1))",
)

q2 = ChoiceQuestion(
    name="Question 2 (the splitter for X-rays)",
    options={"KFold": "random folds put X-rays of the same patient on both sides: the model recognises patients.",
             "StratifiedKFold": "stratifying keeps the class balance but still splits a patient's X-rays.",
             "GroupKFold": "right: all X-rays of a patient stay in one fold (groups=patient_id).",
             "TimeSeriesSplit": "nothing here is ordered in time; the problem is rows that share a patient."},
    expected=lambda: recommend_splitter(STUDIES["x-rays"]),
    hint="Which rows belong together? Keep them on one side of every split.",
    solution="splitter = 'GroupKFold'  # with groups=patient_id",
)

q3 = ChoiceQuestion(
    name="Question 3 (does scaling leak here?)",
    options={"yes": "run it: on seed 004's data the difference is 0.000 — the scaler never sees a label, and "
                    "the test rows move its means and spreads by almost nothing.",
             "no": "right: the leak is real but harmless here; fit the scaler in the pipeline anyway."},
    expected=lambda: "yes" if abs(scaling_leak().inflation) >= 0.02 else "no",
    hint="leakage.scaling_leak() returns both scores; compare them.",
    solution="result = leakage.scaling_leak()\ninflates = 'yes' if abs(result.inflation) >= 0.02 else 'no'",
)

q4 = NumberQuestion(
    name="Question 4 (duplicates, done right)",
    expected=lambda: duplicate_leak(n_unique=DUPLICATES["n_unique"], copies=DUPLICATES["copies"],
                                    seed=DUPLICATES["seed"]).honest,
    tolerance=0.001,
    mistakes=[(lambda: duplicate_leak(n_unique=DUPLICATES["n_unique"], copies=DUPLICATES["copies"],
                                      seed=DUPLICATES["seed"]).leaky,
               "that is the random-split score: copies of an item are on both sides. Split by item.")],
    low=0.0, high=1.0,
    hint="cross_val_score(KNeighborsClassifier(n_neighbors=1), X, y, cv=GroupKFold(5), groups=item).mean()",
    solution="honest_duplicates = cross_val_score(KNeighborsClassifier(n_neighbors=1), X_dup, y_dup,\n"
             "                                    cv=GroupKFold(5), groups=item).mean()",
)

q5 = ChoiceQuestion(
    name="Question 5 (the leaked column)",
    options={"age": "age is known before the diagnosis.",
             "bmi": "BMI is measured before the diagnosis.",
             "insulin_prescribed": "right: insulin is prescribed *because* of the diagnosis — it will not "
                                   "exist when the model has to predict.",
             "blood_pressure": "measured before the diagnosis.",
             "smoker": "known before the diagnosis."},
    expected=_leaked_column,
    hint="Which column could only be filled in after the diagnosis? Its correlation with the label gives it away.",
    solution="table.corrwith(pd.Series(diabetic)).abs().idxmax()  # 'insulin_prescribed'",
)

q6 = ChoiceQuestion(
    name="Question 6 (the splitter for daily sales)",
    options={"KFold": "shuffled folds train on next month to predict last month: the model sees the future.",
             "StratifiedKFold": "stratified folds are still shuffled in time: the future trains the past.",
             "GroupKFold": "grouping by week helps a little, but later weeks still train earlier ones.",
             "TimeSeriesSplit": "right: train on the past, test on what comes after (add a gap so the test "
                                "weeks do not overlap the training weeks' targets)."},
    expected=lambda: recommend_splitter(STUDIES["sales"]),
    hint="At prediction time, which data will the model have? Only the past.",
    solution="splitter = 'TimeSeriesSplit'  # forward chaining, with a gap",
)

q7 = ChoiceQuestion(
    name="Question 7 (predict the oversampling leak)",
    options={"no": "run leakage.oversampling_leak(): copies of a minority row land in training and test "
                   "folds, and 1-NN finds the copy — the balanced accuracy jumps far above chance.",
             "yes": "right: oversampling before the split puts copies on both sides; oversample inside each "
                    "training fold (imbalanced-learn's Pipeline does it for you)."},
    expected=lambda: "yes" if oversampling_leak().inflation >= 0.1 else "no",
    hint="What does a 1-nearest-neighbour model predict for a test row whose exact copy is in training?",
    solution="result = leakage.oversampling_leak()\ninflates = 'yes' if result.inflation >= 0.1 else 'no'",
)
