"""Questions for solutions/04_leakage_solutions.

Every expected answer is computed by running the right-way (or wrong-way)
experiment on the same generated data the learner gets.
"""

from __future__ import annotations

import numpy as np

from ..checks import ChoiceQuestion, NumberQuestion
from ..leakage import (duplicate_leak, feature_selection_leak, make_duplicated_noise,
                       make_noise_classification, scaling_leak)

__all__ = ["noise_data", "duplicated_data", "patients", "SPLITTERS", "STUDY", "recommend_splitter",
           "q1", "q2", "q3", "q4", "q5"]

#: Settings shared by question 1 and its checker.
SELECTION = {"n_samples": 60, "n_features": 2000, "n_selected": 10, "seed": 1}
#: Settings shared by question 4 and its checker.
DUPLICATES = {"n_unique": 200, "copies": 2, "seed": 5}

SPLITTERS = ("KFold", "StratifiedKFold", "GroupKFold", "TimeSeriesSplit")

#: Question 2's data set, described by what matters for the split.
STUDY = {"description": "12 chest X-rays per patient, 80 patients, label = diagnosis of the patient",
         "rows_share_an_id": True, "ordered_in_time": False, "predict_future": False}


def noise_data():
    """Question 1: 60 samples, 2,000 noise features, balanced labels."""
    return make_noise_classification(n_samples=SELECTION["n_samples"], n_features=SELECTION["n_features"],
                                     seed=SELECTION["seed"])


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
    if study["ordered_in_time"] or study["predict_future"]:
        return "TimeSeriesSplit"
    if study["rows_share_an_id"]:
        return "GroupKFold"
    return "StratifiedKFold"


def _leaked_column():
    table, label = patients()
    correlations = {column: abs(np.corrcoef(table[column], label)[0, 1]) for column in table}
    return max(correlations, key=correlations.get)


q1 = NumberQuestion(
    name="Question 1 (selection inside the pipeline)",
    expected=lambda: feature_selection_leak(**SELECTION).honest,
    tolerance=0.001,
    mistakes=[(lambda: feature_selection_leak(**SELECTION).leaky,
               "that is the leaky score: SelectKBest still sees all rows. Put it *inside* make_pipeline "
               "so cross_val_score refits it on each training fold.")],
    low=0.0, high=1.0,
    hint="pipeline = make_pipeline(SelectKBest(f_classif, k=10), KNeighborsClassifier(n_neighbors=1)); "
         "then cross_val_score(pipeline, X, y, cv=cv).mean().",
    solution="pipeline = make_pipeline(SelectKBest(f_classif, k=10), KNeighborsClassifier(n_neighbors=1))\n"
             "honest_score = cross_val_score(pipeline, X, y, cv=cv).mean()",
)

q2 = ChoiceQuestion(
    name="Question 2 (the splitter)",
    options={"KFold": "random folds put X-rays of the same patient on both sides: the model recognises patients.",
             "StratifiedKFold": "stratifying keeps the class balance but still splits a patient's X-rays.",
             "GroupKFold": "right: all X-rays of a patient stay in one fold (groups=patient_id).",
             "TimeSeriesSplit": "nothing here is ordered in time; the problem is rows that share a patient."},
    expected=lambda: recommend_splitter(STUDY),
    hint="Which rows belong together? Keep them on one side of every split.",
    solution="splitter = 'GroupKFold'  # with groups=patient_id",
)

q3 = ChoiceQuestion(
    name="Question 3 (does scaling leak here?)",
    options={"yes": "run it: on seed 004's data the difference is 0.000 — the scaler's statistics carry "
                    "next to no label information.",
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
