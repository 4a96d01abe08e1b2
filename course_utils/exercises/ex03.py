"""Questions for solutions/03_per_class_masking_solutions; answers computed from the data below."""

from __future__ import annotations

import numpy as np

from ..checks import ChoiceQuestion, NumberQuestion

__all__ = ["triage", "rare_digits_predictions", "resampling_data", "q1", "q2", "q3", "q4", "q5"]


def triage():
    """Labels and predictions of a 3-class triage model: 0 = home, 1 = GP, 2 = emergency."""
    rng = np.random.default_rng(9)
    y_true = rng.choice([0, 1, 2], size=300, p=[0.6, 0.3, 0.1])
    y_pred = y_true.copy()
    emergencies = np.flatnonzero(y_true == 2)
    y_pred[emergencies[: int(0.6 * emergencies.size)]] = 1           # most emergencies sent to the GP
    others = np.flatnonzero(y_true != 2)
    y_pred[rng.choice(others, 15, replace=False)] = rng.choice([0, 1], 15)
    return y_true, y_pred


def rare_digits_predictions():
    """Test labels and a digits model's predictions (trained with few 8s)."""
    from sklearn.linear_model import LogisticRegression

    from ..per_class import load_digits_with_rare_class

    X_train, X_test, y_train, y_test = load_digits_with_rare_class(rare_class=8, keep_fraction=0.05, seed=0)
    return y_test, LogisticRegression(max_iter=2000).fit(X_train, y_train).predict(X_test)


def _recall(label):
    y_true, y_pred = triage()
    return float(np.mean(y_pred[y_true == label] == label))


def _worst_class():
    y_true, y_pred = rare_digits_predictions()
    recalls = [np.mean(y_pred[y_true == c] == c) for c in range(10)]
    return str(int(np.argmin(recalls)))


q1 = NumberQuestion(
    name="Question 1 (recall of emergencies with a mask)",
    expected=lambda: _recall(2),
    mistakes=[(lambda: float(np.mean((triage()[0] == 2) == (triage()[1] == 2))),
               "that compares the two masks over all patients — one-vs-rest accuracy, the seed article's mistake. "
               "Look only inside the mask of true emergencies."),
              (lambda: float(np.mean(triage()[0][triage()[1] == 2] == 2)),
               "that is precision (mask on the predicted class). Recall uses the mask of the *true* class.")],
    low=0.0, high=1.0,
    hint="mask = y_true == 2; recall = np.mean(y_pred[mask] == 2)",
    solution="recall_emergency = np.mean(y_pred[y_true == 2] == 2)",
)

q2 = NumberQuestion(
    name="Question 2 (macro recall)",
    expected=lambda: float(np.mean([_recall(c) for c in (0, 1, 2)])),
    mistakes=[(lambda: float(np.mean(triage()[0] == triage()[1])),
               "that is accuracy (= weighted recall). Macro averages the three recalls equally.")],
    low=0.0, high=1.0,
    hint="Average the recall of classes 0, 1 and 2 with equal weight (it equals balanced accuracy).",
    solution="macro_recall = np.mean([np.mean(y_pred[y_true == c] == c) for c in (0, 1, 2)])",
)

q3 = ChoiceQuestion(
    name="Question 3 (which average for triage?)",
    options={"macro": "right: every class matters, including the rare emergencies; macro lets their failure show.",
             "weighted": "weighted recall equals accuracy here: the rare emergencies barely count.",
             "micro": "micro averages equal accuracy for single-label problems: the emergencies vanish in it."},
    expected=lambda: "macro" if _recall(2) < np.mean(triage()[0] == triage()[1]) - 0.1 else "weighted",
    hint="Which average gives a class with 10 % of the patients the same weight as the others?",
    solution="average = 'macro'",
)

q4 = ChoiceQuestion(
    name="Question 4 (the class the average hides)",
    options={str(d): f"digit {d}: compare its recall with the other digits' in the per-class table." for d in range(10)},
    expected=_worst_class,
    hint="per_class.per_class_table(y_test, y_pred) — find the smallest recall.",
    solution="table = per_class.per_class_table(y_test, y_pred)\nhidden = str(table['recall'].idxmin())",
)

def resampling_data():
    """Question 5: seed 003's data with overlapping classes (1,000 vs 100 samples)."""
    from ..per_class import make_seed003_data

    return make_seed003_data(n_majority=1000, n_minority=100, shift=0.15, seed=3)


def _article_recall():
    from imblearn.over_sampling import SMOTE
    from sklearn.ensemble import RandomForestClassifier

    X, y = resampling_data()
    X_res, y_res = SMOTE(random_state=42).fit_resample(X, y)
    return float(np.mean(RandomForestClassifier(random_state=0).fit(X_res, y_res).predict(X)[y == 1] == 1))


def _honest_recall():
    from imblearn.over_sampling import SMOTE
    from imblearn.pipeline import make_pipeline
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.model_selection import train_test_split

    X, y = resampling_data()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
    model = make_pipeline(SMOTE(random_state=42), RandomForestClassifier(random_state=0)).fit(X_tr, y_tr)
    return float(np.mean(model.predict(X_te)[y_te == 1] == 1))


q5 = NumberQuestion(
    name="Question 5 (fix the resampling snippet)",
    expected=_honest_recall,
    tolerance=0.001,
    mistakes=[(_article_recall, "that is the article's number: SMOTE on all rows and a score on the training "
                                "data. Split first, resample inside the pipeline, score the test part.")],
    low=0.0, high=1.0,
    hint="train_test_split(X, y, test_size=0.3, stratify=y, random_state=0); then "
         "make_pipeline(SMOTE(random_state=42), RandomForestClassifier(random_state=0)).fit(X_tr, y_tr); "
         "recall_score(y_te, model.predict(X_te)).",
    solution="X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)\n"
             "model = make_pipeline(SMOTE(random_state=42), RandomForestClassifier(random_state=0)).fit(X_tr, y_tr)\n"
             "honest_recall = recall_score(y_te, model.predict(X_te))",
)
