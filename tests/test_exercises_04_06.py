"""Exercise sets 04–06: reference answers pass, typical mistakes get their message, the premises hold.

The generic properties (sealed, robust to wrong types, placeholder = not
attempted) are tested for every set in test_exercises_sealed.py and
test_exercises_fuzz.py; this file checks what is particular to these sets.
"""

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from scipy import stats
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import (
    GroupKFold,
    GroupShuffleSplit,
    KFold,
    LeaveOneGroupOut,
    StratifiedGroupKFold,
    StratifiedKFold,
    cross_val_score,
)
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline

from course_utils.checks import ChoiceQuestion, FunctionQuestion, NumberQuestion, Question, ____
from course_utils.exercises import ex04, ex05, ex06

ROOT = Path(__file__).resolve().parents[1]
SETS = {"04": (ex04, "notebooks/04_leakage.ipynb"), "05": (ex05, "notebooks/05_seed_variance.ipynb"),
        "06": (ex06, "notebooks/06_sequence_models.ipynb")}


def questions(module):
    return [value for name, value in sorted(vars(module).items()) if isinstance(value, Question)]


def status(question, answer):
    return question.evaluate(answer).status


def message(question, answer):
    verdict = question.evaluate(answer)
    assert verdict.status == "incorrect", verdict
    return verdict.message


# --- the shape of each set ------------------------------------------------------------------

@pytest.mark.parametrize("number", SETS)
def test_each_set_has_six_questions_and_a_function_to_write(number):
    module, _ = SETS[number]
    found = questions(module)
    assert len(found) >= 6
    assert any(isinstance(q, FunctionQuestion) for q in found)
    assert not any(isinstance(q, ChoiceQuestion) and q._expected.__name__ == "<lambda>"
                   and q._expected.__code__.co_names == () for q in found), "a constant choice answer"


def _notebook_outputs(path):
    notebook = json.loads((ROOT / path).read_text(encoding="utf-8"))
    texts = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            texts.append("".join(output.get("text", "")))
            for kind in ("text/plain", "text/html"):
                texts.append("".join(output.get("data", {}).get(kind, "")))
    return "\n".join(texts)


@pytest.mark.parametrize("number", SETS)
def test_no_number_answer_can_be_copied_from_the_teaching_notebook(number):
    """No number printed in the notebook's outputs passes a number question of the set."""
    module, path = SETS[number]
    printed = {float(text) for text in re.findall(r"(?<![\w.])\d*\.\d+(?:e-?\d+)?", _notebook_outputs(path))}
    assert len(printed) > 20, f"{path} has no outputs to compare with: execute it (tools/execute_notebooks.py)"
    for question in questions(module):
        if isinstance(question, NumberQuestion):
            copied = [value for value in printed if question.evaluate(value).correct]
            assert not copied, f"{question.name}: {copied} printed in {path} passes it"


# --- 04 -------------------------------------------------------------------------------------

def test_ex04_the_colleagues_score_really_leaks_and_the_pipeline_fixes_it():
    assert ex04._leaky_selection_score() > 0.75
    verdict = ex04.q1.evaluate(make_pipeline(SelectKBest(f_classif, k=10), KNeighborsClassifier(n_neighbors=1)))
    assert verdict.correct and "within noise of chance" in verdict.message


def test_ex04_q1_mistakes():
    assert "leaky score itself" in message(ex04.q1, ex04._leaky_selection_score())
    assert "without a feature-selection step" in message(ex04.q1, KNeighborsClassifier(n_neighbors=1))
    assert "raised" in message(ex04.q1, make_pipeline(KNeighborsClassifier(n_neighbors=1),
                                                      SelectKBest(f_classif, k=10)))


def test_ex04_choice_answers_follow_the_data_descriptions():
    assert ex04.q2.evaluate("GroupKFold").correct and ex04.q6.evaluate("timeseriessplit").correct
    assert "patient" in message(ex04.q2, "StratifiedKFold")
    assert "future" in message(ex04.q6, "KFold")
    table, diabetic = ex04.patients()
    import pandas as pd

    assert ex04.q5.evaluate(table.corrwith(pd.Series(diabetic)).abs().idxmax()).correct


def test_ex04_q3_reports_the_test_score_of_the_validation_choice():
    scores = ex04.candidate_scores()
    assert (scores["validation"] == scores["validation"].max()).sum() == 1  # one clear choice
    assert ex04.q3.evaluate(scores.loc[scores["validation"].idxmax(), "test"]).correct
    assert "best *test* score" in message(ex04.q3, scores["test"].max())
    assert "validation score" in message(ex04.q3, scores["validation"].max())
    assert "average test score" in message(ex04.q3, scores["test"].mean())


@pytest.mark.parametrize("splitter, words", [
    (GroupKFold(n_splits=5), "no item has rows on both sides"),
    (StratifiedGroupKFold(n_splits=5), "balances the classes"),
    (StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=3), "balances the classes"),
    (GroupShuffleSplit(n_splits=3, random_state=0), "Random group splits are valid"),
    (LeaveOneGroupOut(), "One item per test fold"),
])
def test_ex04_q4_accepts_every_splitter_that_keeps_items_together(splitter, words):
    verdict = ex04.q4.evaluate(splitter)
    assert verdict.correct and words in verdict.message


@pytest.mark.parametrize("answer, words", [
    (KFold(5), "ignores the groups argument"),
    (StratifiedKFold(5, shuffle=True, random_state=0), "on both sides"),
    ("GroupKFold", "not its name"),
    (GroupKFold, "Create a splitter from the class"),
    (5, "do not know which rows are copies"),
    (GroupKFold(n_splits=500), "raised ValueError"),
])
def test_ex04_q4_mistakes(answer, words):
    assert words in message(ex04.q4, answer)


def _honest(X, y, groups, k):
    pipeline = make_pipeline(SelectKBest(f_classif, k=k), KNeighborsClassifier(n_neighbors=1))
    return cross_val_score(pipeline, X, y, groups=groups, cv=GroupKFold(n_splits=5)).mean()


def _by_hand(X, y, groups, k):
    accuracies = []
    for train, test in GroupKFold(n_splits=5).split(X, y, groups):
        selector = SelectKBest(f_classif, k=k).fit(X[train], y[train])
        model = KNeighborsClassifier(n_neighbors=1).fit(selector.transform(X[train]), y[train])
        accuracies.append(np.mean(model.predict(selector.transform(X[test])) == y[test]))
    return np.mean(accuracies)


def _outside(X, y, groups, k):
    X_best = SelectKBest(f_classif, k=k).fit_transform(X, y)
    return cross_val_score(KNeighborsClassifier(n_neighbors=1), X_best, y, groups=groups, cv=GroupKFold(5)).mean()


def _no_groups(X, y, groups, k):
    return cross_val_score(make_pipeline(SelectKBest(f_classif, k=k), KNeighborsClassifier(n_neighbors=1)),
                           X, y, cv=5).mean()


def _stratified_groups(X, y, groups, k):
    return cross_val_score(make_pipeline(SelectKBest(f_classif, k=k), KNeighborsClassifier(n_neighbors=1)),
                           X, y, groups=groups, cv=StratifiedGroupKFold(5)).mean()


def test_ex04_q7_accepts_the_pipeline_and_the_loop_written_by_hand():
    assert ex04.q7.evaluate(_honest).correct
    assert ex04.q7.evaluate(_by_hand).correct


@pytest.mark.parametrize("function, words", [
    (_outside, "test folds help choose the features"),
    (_no_groups, "Your folds ignore the groups"),
    (_stratified_groups, "StratifiedGroupKFold keeps each group together too"),
])
def test_ex04_q7_mistakes_show_the_smallest_failing_data_set(function, words):
    text = message(ex04.q7, function)
    assert words in text and "this is the smallest" in text and "honest_cv_accuracy(X=" in text


def test_ex04_q7_hidden_cases_are_leaky_on_the_wrong_way():
    cases = ex04._honest_cases()
    assert len(cases) >= 4
    outside = [_outside(*case) - _honest(*case) for case in cases]
    assert np.mean(outside) > 0.1  # selecting on all rows inflates these noise data sets


def test_ex04_exercise_blank_function_is_not_attempted():
    def honest_cv_accuracy(X, y, groups, k):
        return ____

    assert status(ex04.q7, honest_cv_accuracy) == "not attempted"


# --- 05 -------------------------------------------------------------------------------------

def _counts():
    y_true, pred_a, pred_b = ex05.two_models()
    a_right, b_right = pred_a == y_true, pred_b == y_true
    return y_true, a_right, b_right, int(np.sum(a_right & ~b_right)), int(np.sum(~a_right & b_right))


def test_ex05_reference_answers_by_a_learners_route():
    y_true, a_right, b_right, b, c = _counts()
    accuracy_a, accuracy_b, n = a_right.mean(), b_right.mean(), len(y_true)
    assert ex05.q1.evaluate(math.sqrt(accuracy_b * (1 - accuracy_b) / n)).correct
    half_width = 1.96 * math.hypot(math.sqrt(accuracy_a * (1 - accuracy_a) / n),
                                   math.sqrt(accuracy_b * (1 - accuracy_b) / n))
    assert ex05.q2.evaluate("yes" if accuracy_b - accuracy_a > half_width else "no").correct
    assert ex05.q3.evaluate(lambda b, c: stats.binomtest(b, b + c, 0.5).pvalue if b + c else 1.0).correct
    assert ex05.q4.evaluate(stats.binomtest(b, b + c, 0.5).pvalue).correct
    runs = ex05.seed_runs()
    assert ex05.q6.evaluate((runs.max() - runs.mean()) / runs.std(ddof=1)).correct


def test_ex05_premises_of_the_reflection():
    """Unpaired: cannot tell; McNemar: a difference; plain paired t below 0.05, corrected above."""
    y_true, a_right, b_right, b, c = _counts()
    assert not ex05._unpaired_says_better()
    assert stats.binomtest(b, b + c, 0.5).pvalue < 0.05
    accuracy_a, accuracy_b = ex05.fold_scores()
    assert stats.ttest_rel(accuracy_b, accuracy_a).pvalue < 0.05 < ex05._corrected_p()
    assert stats.ttest_ind(accuracy_b, accuracy_a).pvalue > 0.3


def test_ex05_corrected_t_is_the_nadeau_bengio_formula():
    accuracy_a, accuracy_b = ex05.fold_scores()
    d = accuracy_b - accuracy_a
    ratio = ex05.FOLDS["n_test"] / ex05.FOLDS["n_train"]
    t = d.mean() / math.sqrt((1 / len(d) + ratio) * d.var(ddof=1))
    assert ex05._corrected_p() == pytest.approx(2 * stats.t.sf(abs(t), len(d) - 1), abs=1e-12)
    assert ex05._paired_t_p(ratio=0.0) == pytest.approx(stats.ttest_rel(accuracy_b, accuracy_a).pvalue, abs=1e-12)
    assert ex05.FOLDS["n_test"] * ex05.FOLDS["n_folds"] == ex05.FOLDS["n_train"] + ex05.FOLDS["n_test"]


def test_ex05_mcnemar_reference_equals_scipy_on_every_hidden_case():
    for b, c in ex05._mcnemar_cases():
        want = stats.binomtest(b, b + c, 0.5).pvalue if b + c else 1.0
        assert ex05._mcnemar_reference(b, c) == pytest.approx(want, abs=1e-12)


@pytest.mark.parametrize("function, words", [
    (lambda b, c: stats.chi2.sf((abs(b - c) - 1) ** 2 / (b + c), 1) if b + c else 1.0, "chi-square"),
    (lambda b, c: stats.binom.cdf(min(b, c), b + c, 0.5), "one tail"),
    (lambda b, c: stats.binomtest(b, b + c, 0.5).pvalue, "mcnemar_p(b=0, c=0)"),
])
def test_ex05_q3_mistakes(function, words):
    assert words in message(ex05.q3, function)


@pytest.mark.parametrize("question, wrong, words", [
    (ex05.q1, lambda: ex05._se_b() ** 2, "variance"),
    (ex05.q1, lambda: ex05._se(ex05._accuracies()[0], 600), "model A's"),
    (ex05.q2, lambda: "yes", "is the gap really the larger one"),
    (ex05.q4, lambda: ex05._mcnemar_on_data() / 2, "one-sided"),
    (ex05.q4, ex05._binomtest_on_all_samples, "disagreements"),
    (ex05.q4, lambda: ex05._chi_square_p(True), "chi-square"),
    (ex05.q5, lambda: stats.ttest_rel(*ex05.fold_scores()).pvalue, "plain paired t-test"),
    (ex05.q5, lambda: stats.ttest_ind(*ex05.fold_scores()).pvalue, "unpaired"),
    (ex05.q5, lambda: ex05._paired_t_p(ratio=9.0), "upside down"),
    (ex05.q6, lambda: ex05._best_in_sds(ddof=0), "ddof=1"),
    (ex05.q6, lambda: float(ex05.seed_runs().max() - ex05.seed_runs().mean()), "units of the seed"),
])
def test_ex05_typical_mistakes_get_their_message(question, wrong, words):
    assert words in message(question, wrong())


# --- 06 -------------------------------------------------------------------------------------

def test_ex06_masked_token_accuracy_accepts_a_plain_solution_and_catches_the_mistakes():
    def plain(y_true, y_pred, mask):
        keep = np.asarray(mask).astype(bool)
        return np.mean(np.asarray(y_true)[keep] == np.asarray(y_pred)[keep])

    assert ex06.q1.evaluate(plain).correct
    counts_padding = message(ex06.q1, lambda y_true, y_pred, mask: np.mean(y_true == y_pred))
    assert "counts the padded positions" in counts_padding and "mask=[ True, False]" in counts_padding
    assert "picks positions 0 and 1" in message(ex06.q1, lambda y_true, y_pred, mask: np.mean((y_true == y_pred)[mask]))


def test_ex06_tagging_questions():
    y_true, y_pred, mask = ex06.tagging_example()
    assert ex06.q2.evaluate(((y_true == y_pred) | ~mask).all(axis=1).mean()).correct
    assert "padded positions count against" in message(ex06.q2, (y_true == y_pred).all(axis=1).mean())
    assert "per-token accuracy" in message(ex06.q2, np.mean((y_true == y_pred)[mask]))


def test_ex06_reports_have_the_same_accuracy_and_different_sizes():
    a, b = ex06.REPORTS["A"], ex06.REPORTS["B"]
    assert round(a["correct"] / a["n_test"], 3) == round(b["correct"] / b["n_test"], 3)
    assert b["n_test"] > 4 * a["n_test"]
    assert ex06.q3.evaluate(stats.binomtest(a["correct"], a["n_test"], 0.5).pvalue).correct
    p_b = stats.binomtest(b["correct"], b["n_test"], 0.5).pvalue
    assert ex06.q4.evaluate("yes" if p_b < 0.05 else "no").correct
    assert stats.binomtest(a["correct"], a["n_test"], 0.5).pvalue > 0.05 > p_b  # the reflection's contrast


def test_ex06_mystery_tasks_one_explained_by_counts():
    bags = {name: ex06._bag_of_tokens_accuracy(*data) for name, data in ex06.mystery_tasks().items()}
    majority = {name: max(data[3].mean(), 1 - data[3].mean()) for name, data in ex06.mystery_tasks().items()}
    assert bags["A"] >= 0.95 and abs(bags["B"] - majority["B"]) < 0.05  # far from the 0.95 decision line
    assert ex06.q5.evaluate("A").correct
    assert "no better than the majority rate" in message(ex06.q5, "B")


@pytest.mark.parametrize("seed", range(5))
def test_ex06_permutation_estimates_from_any_seed_are_accepted(seed):
    y_true, y_pred = ex06.imbalanced_predictions()
    rng = np.random.default_rng(seed)
    observed = np.mean(y_true == y_pred)
    shuffled = np.array([np.mean(rng.permutation(y_true) == y_pred) for _ in range(2000)])
    assert ex06.q6.evaluate((np.sum(shuffled >= observed) + 1) / 2001).correct


def test_ex06_permutation_premise_and_mistakes():
    y_true, y_pred = ex06.imbalanced_predictions()
    exact = ex06._permutation_p()
    assert np.mean(y_true == y_pred) > 0.6 and exact > 0.1  # above 0.5, yet nothing learnt
    coin = stats.binomtest(int(np.sum(y_true == y_pred)), len(y_true), 0.5).pvalue
    assert "tests against a coin" in message(ex06.q6, coin)
    assert "below" in message(ex06.q6, 1 - exact)
    assert "strictly better" in message(ex06.q6, ex06._permutation_p(strictly_better=True))


def test_ex06_exact_permutation_p_matches_a_long_monte_carlo():
    y_true, y_pred = ex06.imbalanced_predictions()
    rng = np.random.default_rng(1)
    observed = np.sum(y_true == y_pred)
    matches = np.array([np.sum(rng.permutation(y_true) == y_pred) for _ in range(20_000)])
    assert np.mean(matches >= observed) == pytest.approx(ex06._permutation_p(), abs=0.015)


def test_ex06_bag_of_tokens_reference_agrees_with_a_plain_logistic_regression():
    X_train, y_train, X_test, y_test = ex06.mystery_tasks()["A"]

    def counts(X):
        return np.stack([np.bincount(row, minlength=ex06.VOCAB_SIZE + 1)[1:] for row in X])

    model = LogisticRegression(max_iter=1000).fit(counts(X_train), y_train)
    assert model.score(counts(X_test), y_test) == pytest.approx(ex06._bag_of_tokens_accuracy(X_train, y_train,
                                                                                              X_test, y_test))


@pytest.mark.parametrize("module", [ex04, ex05, ex06])
def test_progress_scoreboard_counts_checks(module, capsys):
    first = questions(module)[0]
    history = list(first._history)
    try:
        first.check("certainly not an answer")
        module.progress()
        out = capsys.readouterr().out
        assert "questions attempted" in out and "Revisit" in out
    finally:
        first._history[:] = history
