"""Exercise checkers: reference answer passes, placeholder is "not attempted", wrong types never raise."""

import importlib
import pkgutil
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest
from sklearn import metrics as skm

import course_utils.exercises
from course_utils import checks
from course_utils.checks import ArrayQuestion, ChoiceQuestion, FunctionQuestion, NumberQuestion, Question, Verdict, ____
from course_utils.exercises import ex01, ex02, ex03

# Every exercise module is covered automatically, including ones added later.
EXERCISE_MODULES = tuple(importlib.import_module(f"course_utils.exercises.{info.name}")
                         for info in pkgutil.iter_modules(course_utils.exercises.__path__))


def all_questions():
    found = []
    for module in EXERCISE_MODULES:
        for name in sorted(vars(module)):
            value = getattr(module, name)
            if isinstance(value, Question):
                found.append(pytest.param(value, id=f"{module.__name__.rsplit('.', 1)[-1]}.{name}"))
    return found


QUESTIONS = all_questions()


def reference_answer(question):
    """What a learner who solved the question passes (the checker's private reference)."""
    return question._expected if isinstance(question, checks.FunctionQuestion) else question._expected()


def test_questions_were_found():
    ids = {p.id for p in QUESTIONS}
    assert {"ex00.q1", "ex01.q1", "ex01.q4", "ex01.q7"} <= ids


@pytest.mark.parametrize("question", QUESTIONS)
def test_reference_answer_is_correct(question):
    verdict = question.evaluate(reference_answer(question))
    assert verdict.status == "correct", verdict.message
    assert verdict.correct


@pytest.mark.parametrize("question", QUESTIONS)
def test_placeholder_is_not_attempted(question):
    verdict = question.evaluate(checks.____)
    assert verdict.status == "not attempted"
    assert question.name in verdict.message
    assert question.evaluate(____).status == "not attempted"


WRONG_TYPES = [
    pytest.param("0.5", id="str"),
    pytest.param(None, id="None"),
    pytest.param({"answer": 0.5}, id="dict"),
    pytest.param([1, 2, 3], id="list"),
    pytest.param(np.zeros(3), id="ndarray"),
    pytest.param(lambda: 0.5, id="lambda"),
]


@pytest.mark.parametrize("answer", WRONG_TYPES)
@pytest.mark.parametrize("question", QUESTIONS)
def test_wrong_types_are_incorrect_without_raising(question, answer):
    verdict = question.evaluate(answer)
    assert verdict.status == "incorrect"
    assert isinstance(verdict.message, str) and verdict.message.strip()
    assert "could not be checked" not in verdict.message  # handled on purpose, not by the catch-all


@pytest.mark.parametrize("question", QUESTIONS)
def test_check_hint_solution_run(question, capsys):
    question.check(reference_answer(question))
    question.check(____)
    question.check("certainly not")
    question.hint()
    question.solution()
    out = capsys.readouterr().out
    for title in ("Correct", "Not attempted yet", "Incorrect", "Hint", "Solution"):
        assert title in out, title


def number_mistakes():
    found = []
    for param in QUESTIONS:
        question = param.values[0]
        if isinstance(question, NumberQuestion):
            for i, (wrong, message) in enumerate(question.mistakes):
                found.append(pytest.param(question, wrong, message, id=f"{param.id}-mistake{i}"))
    return found


@pytest.mark.parametrize("question, wrong, message", number_mistakes())
def test_each_mistake_gets_its_teaching_message(question, wrong, message):
    verdict = question.evaluate(wrong())
    assert verdict.status == "incorrect"
    assert verdict.message == message


def test_mistakes_exist_for_number_questions():
    assert len(number_mistakes()) >= 8


# --- the question classes ------------------------------------------------------------------


def test_number_question_basics():
    q = NumberQuestion(name="Q", expected=lambda: 0.75, hint="h", solution="s",
                       mistakes=[(lambda: 0.25, "That is the error rate.")], low=0.0, high=1.0)
    assert q.evaluate(0.25).message == "That is the error rate."
    assert q.evaluate(0.752).status == "correct"
    assert q.evaluate(0.752).message == "0.752 is right."
    assert q.evaluate(np.float32(0.75)).status == "correct"
    assert q.evaluate(np.array([0.75])).status == "correct"
    assert q.evaluate(True).status == "incorrect"
    assert "NaN" in q.evaluate(float("nan")).message
    assert "infinite" in q.evaluate(float("inf")).message
    assert q.evaluate(3.0).message == "3 is impossible here: Q expects a single number between 0 and 1. " \
                                      "Call .hint() for a pointer."
    assert q.evaluate(0.5).message == "0.500 is not it. Call .hint() for a pointer."
    assert q.evaluate(...).status == "not attempted"
    assert q.evaluate("0.75").message.endswith("Remove the quotes.")
    assert "answer[0]" in q.evaluate([0.75]).message
    assert "np.mean" in q.evaluate([0.75, 0.5]).message


@pytest.mark.parametrize("low, high, text", [
    (None, None, "a single number;"), (0.0, None, "a single number of at least 0;"),
    (None, 1.0, "a single number of at most 1;"), (0.0, 1.0, "a single number between 0 and 1;"),
])
def test_number_question_range_messages_with_a_missing_bound(low, high, text):
    """The message formats each bound only when it is set (ex02.q1.check(-5) used to crash on None)."""
    q = NumberQuestion(name="Q", expected=lambda: 0.5, hint="h", solution="s", low=low, high=high)
    verdict = q.evaluate("x")
    assert verdict.status == "incorrect" and text in verdict.message
    for value in (-5, 1e12):
        verdict = q.evaluate(value)
        assert verdict.status == "incorrect", verdict
        assert "impossible" in verdict.message or verdict.message.endswith("is not it. Call .hint() for a pointer.")


def test_integer_question_asks_for_a_count():
    q = NumberQuestion(name="Q", expected=lambda: 24, tolerance=0.5, hint="h", solution="s", integer=True,
                       low=0, high=100)
    assert q.evaluate(24.0).status == "correct" and q.evaluate(24.0).message == "24 is right."
    assert "whole number" in q.evaluate("24").message
    assert "is not a whole number" in q.evaluate(30.5).message


def test_question_needs_a_function_for_expected():
    with pytest.raises(TypeError, match="expected"):
        NumberQuestion(name="Q", expected=0.75, hint="h", solution="s")


def test_choice_question():
    q = ChoiceQuestion(name="Q", options={"A": "A is cheap but misses most sick patients.",
                                          "B": "B catches more of them."},
                       expected=lambda: "B", hint="h", solution="s")
    assert q.evaluate("B").status == "correct"
    assert q.evaluate("b").status == "correct"
    assert q.evaluate("  b ").status == "correct"
    assert q.evaluate("B").message == "B catches more of them."
    wrong = q.evaluate("a")
    assert wrong.status == "incorrect" and wrong.message == "A is cheap but misses most sick patients."
    unknown = q.evaluate("C")
    assert unknown.status == "incorrect"
    assert unknown.message == "'C' is not an option: Q expects one of the strings 'A', 'B'."
    assert q.evaluate(2).status == "incorrect"
    assert "'A', 'B'" in q.evaluate(2).message
    assert q.options == ("A", "B")


def test_choice_question_accepts_bools_and_ints_naming_an_option():
    q = ChoiceQuestion(name="Q", options={"True": "t", "False": "f"}, expected=lambda: "True", hint="h", solution="s")
    assert q.evaluate(True).correct and not q.evaluate(False).correct
    digits = ChoiceQuestion(name="Q", options={str(d): "d" for d in range(3)}, expected=lambda: "2",
                            hint="h", solution="s")
    assert digits.evaluate(2).correct and digits.evaluate(np.int64(2)).correct


def test_array_question():
    q = ArrayQuestion(name="Q", expected=lambda: [0, 1, 1], hint="h", solution="s",
                      mistakes=[(lambda: [1, 0, 0], "labels swapped")])
    assert q.evaluate([0, 1]).message == "Q expects an array of 3 numbers; you passed a list of 2 values."
    assert q.evaluate([0, 1]).status == "incorrect"
    assert q.evaluate(np.array([0, 1, 1])).status == "correct"
    assert q.evaluate((0.0, 1.0, 1.0)).status == "correct"
    assert q.evaluate(np.array([[0], [1], [1]])).status == "correct"
    assert q.evaluate([1, 0, 0]).message == "labels swapped"
    assert q.evaluate([0, 0, 1]).message.startswith("1 of 3 values differ")
    assert "NaN" in q.evaluate([0, np.nan, 1]).message
    for bad in ("011", None, {"a": 1}, 3, lambda: 0, ["a", "b", "c"], np.zeros((3, 3))):
        verdict = q.evaluate(bad)
        assert verdict.status == "incorrect" and "an array of 3 numbers" in verdict.message, bad
    assert q.evaluate(____).status == "not attempted"


def test_repr_and_str_show_name_and_kind_only():
    q = NumberQuestion(name="Question 9 (x)", expected=lambda: 0.123, hint="h", solution="s")
    assert repr(q) == str(q) == "<NumberQuestion 'Question 9 (x)'>"
    assert not hasattr(q, "expected")


def test_a_bug_in_the_checker_is_reported_as_the_checkers():
    def broken():
        raise KeyError("oops")

    verdict = NumberQuestion(name="Q", expected=broken, hint="h", solution="s").evaluate(0.5)
    assert verdict.status == "checker problem"
    assert "not in your answer" in verdict.message and "report" in verdict.message
    assert "KeyError" in verdict.message and "broken" in verdict.message
    assert str(verdict).startswith("Checker problem (not your fault):")


# --- FunctionQuestion --------------------------------------------------------------------------


def _recall_reference(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return np.array([np.mean(y_pred[y_true == c] == c) if np.any(y_true == c) else 0.0 for c in (0, 1)])


def _recall_cases():
    rng = np.random.default_rng(0)
    cases = [(np.array([0, 1]), np.array([0, 0])), (np.array([1, 1, 1]), np.array([1, 0, 1]))]
    cases += [(rng.integers(0, 2, n), rng.integers(0, 2, n)) for n in (5, 20, 50)]
    return cases


def _recall_question(**options):
    return FunctionQuestion(name="Question 3", signature="per_class_recall(y_true, y_pred)",
                            expected=_recall_reference, cases=_recall_cases, hint="h", solution="s", **options)


def test_function_question_accepts_a_right_function():
    verdict = _recall_question().evaluate(lambda y_true, y_pred: _recall_reference(y_true, y_pred).tolist())
    assert verdict.correct and "all 5 hidden cases" in verdict.message


def test_function_question_shows_the_smallest_failing_case_with_the_learners_output():
    def precision_instead(y_true, y_pred):
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        return np.array([np.mean(y_true[y_pred == c] == c) if np.any(y_pred == c) else 0.0 for c in (0, 1)])

    verdict = _recall_question(mistakes=[(precision_instead, "you divided by the predicted counts.")]).evaluate(
        precision_instead)
    assert verdict.status == "incorrect"
    assert verdict.message.startswith("per_class_recall(y_true=[0, 1], y_pred=[0, 0]) returned [0.5, 0. ], "
                                      "expected [1., 0.]: the values differ.")
    assert "hidden cases fail; this is the smallest" in verdict.message
    assert verdict.message.endswith("you divided by the predicted counts.")


def test_function_question_reports_the_learners_exception_as_theirs():
    def divides(y_true, y_pred):
        y_true, y_pred = y_true.tolist(), y_pred.tolist()
        pairs = list(zip(y_true, y_pred, strict=True))
        return [sum(t == p == c for t, p in pairs) / sum(t == c for t in y_true) for c in (0, 1)]

    verdict = _recall_question().evaluate(divides)
    assert verdict.status == "incorrect"
    assert verdict.message.startswith(
        "your function raised ZeroDivisionError (division by zero) at `return [sum(t == p")
    assert "on per_class_recall(y_true=[1, 1, 1], y_pred=[1, 0, 1])" in verdict.message


def test_function_question_teaches_about_non_functions_and_signatures():
    q = _recall_question()
    for value in (0.5, None, "per_class_recall", np.zeros(2)):
        verdict = q.evaluate(value)
        assert verdict.status == "incorrect"
        assert "expects a function per_class_recall(y_true, y_pred)" in verdict.message
        assert ".check(per_class_recall)" in verdict.message
    verdict = q.evaluate(lambda y_true: y_true)
    assert verdict.status == "incorrect" and "calls it as per_class_recall(y_true, y_pred)" in verdict.message
    assert "forget `return`" in q.evaluate(lambda y_true, y_pred: None).message
    assert q.evaluate(lambda y_true, y_pred: ____).status == "not attempted"
    assert "shape" in q.evaluate(lambda y_true, y_pred: np.zeros((7, 3))).message
    assert "NaN" in q.evaluate(lambda y_true, y_pred: np.full(2, np.nan)).message
    assert "cannot be read as numbers" in q.evaluate(lambda y_true, y_pred: ["a", "b"]).message


def test_function_question_does_not_let_the_learner_mutate_the_cases():
    def destructive(y_true, y_pred):
        y_true[:] = 0
        return _recall_reference(y_true, y_pred)

    q = _recall_question()
    assert not q.evaluate(destructive).correct
    assert q.evaluate(_recall_reference).correct


def test_function_question_mentions_a_numpy_warning_only_when_wrong():
    def nan_for_missing(y_true, y_pred):
        y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
        return np.array([np.mean(y_pred[y_true == c] == c) for c in (0, 1)])

    verdict = _recall_question().evaluate(nan_for_missing)
    assert verdict.status == "incorrect" and "NumPy warned: Mean of empty slice" in verdict.message


def test_function_question_signature_defaults_to_the_solutions_def_line():
    q = FunctionQuestion(name="Q", reference=lambda b, c: b + c, cases=[(1, 2)], hint="h",
                         solution="def mcnemar_p(b, c):\n    return b + c")
    assert q.signature == "mcnemar_p(b, c)"
    assert q.evaluate(lambda b, c: c + b).correct
    with pytest.raises(TypeError, match="reference"):
        FunctionQuestion(name="Q", cases=[(1,)], hint="h", solution="s")


def test_progress_report_counts_latest_verdicts(capsys):
    from course_utils.exercises import make_progress

    q1 = NumberQuestion(name="Question 1", expected=lambda: 1.0, hint="h", solution="s")
    q2 = NumberQuestion(name="Question 2", expected=lambda: 2.0, hint="h", solution="s")
    q3 = NumberQuestion(name="Question 3", expected=lambda: 3.0, hint="h", solution="s")
    q1.check(1.0)
    q2.check(5.0)
    q3.check(____)
    assert checks.progress_report([q1, q2, q3], "Exercises 99").message == (
        "Exercises 99: 2 of 3 questions attempted, 1 correct. Revisit: Question 2. Not tried yet: Question 3.")
    q2.check(2.0)
    q3.check(3.0)
    assert checks.progress_report([q1, q2, q3]).message.endswith("3 correct. All done — well done.")
    capsys.readouterr()
    make_progress("course_utils.exercises.ex00", "Exercises 00")()
    assert "Exercises 00:" in capsys.readouterr().out


@pytest.mark.parametrize("status, title", [
    ("correct", "Correct"), ("incorrect", "Incorrect"), ("not attempted", "Not attempted yet"),
    ("hint", "Hint"), ("solution", "Solution"),
])
def test_verdict_str_and_html_contain_the_title(status, title):
    verdict = Verdict(status, "look at <the> denominator")
    assert str(verdict).startswith(f"{title}:")
    assert "look at <the> denominator" in str(verdict)
    assert title in verdict._repr_html_()
    assert "&lt;the&gt;" in verdict._repr_html_()  # message is escaped
    assert repr(verdict) == str(verdict)


def test_placeholder_is_a_falsy_singleton():
    assert checks._Placeholder() is ____
    assert not ____
    assert repr(____) == "____"


def test_every_exercise_set_has_at_least_six_questions():
    for module in EXERCISE_MODULES:
        if module.__name__.endswith("ex00"):  # the setup notebook's single warm-up question
            continue
        count = sum(isinstance(value, Question) for value in vars(module).values())
        assert count >= 6, f"{module.__name__} has only {count} questions"


# --- the sets as a whole ---------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w])")


def _printed_numbers(notebook_path):
    """Every number in the notebook's sources and text outputs (not its images)."""
    notebook = nbformat.read(notebook_path, as_version=4)
    texts = []
    for cell in notebook.cells:
        texts.append(cell.source)
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            data = output.get("data", {})
            texts += [str(data.get(kind, "")) for kind in ("text/plain", "text/html", "text/markdown")]
    return {float(match) for text in texts for match in NUMBER.findall(text)}


def _sets_with_notebooks():
    found = []
    for module in EXERCISE_MODULES:
        number = module.__name__.rsplit("ex", 1)[-1]
        notebooks = sorted((ROOT / "notebooks").glob(f"{number}_*.ipynb"))
        if number != "00" and notebooks:
            found.append(pytest.param(module, notebooks[0], id=module.__name__.rsplit(".", 1)[-1]))
    return found


@pytest.mark.parametrize("module, notebook_path", _sets_with_notebooks())
def test_no_number_printed_in_the_teaching_notebook_answers_a_question(module, notebook_path):
    printed = _printed_numbers(notebook_path)
    for name, question in sorted(vars(module).items()):
        if isinstance(question, NumberQuestion):
            expected = float(question._expected())
            copied = sorted(x for x in printed if abs(x - expected) <= question.tolerance)
            assert not copied, f"{name}: {notebook_path.name} prints {copied}, which passes the question"


@pytest.mark.parametrize("module", [m for m in EXERCISE_MODULES if not m.__name__.endswith("ex00")],
                         ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_set_has_a_function_question_and_a_progress_board(module, capsys):
    questions = [value for value in vars(module).values() if isinstance(value, Question)]
    assert any(isinstance(q, FunctionQuestion) for q in questions), "no question asks for a function"
    module.progress()
    assert f"of {len(questions)} questions attempted" in capsys.readouterr().out


@pytest.mark.parametrize("solution", sorted((ROOT / "solutions").glob("*_solutions.ipynb")), ids=lambda p: p.name)
def test_every_set_ends_with_a_reflection(solution):
    notebook = nbformat.read(solution, as_version=4)
    markdown = [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
    last_heading = [text for text in markdown if text.startswith("## ")][-1]
    assert last_heading.startswith("## Reflection") and "<!-- BEGIN SOLUTION -->" in last_heading


def test_exercise_notebooks_have_no_orphan_answer_prompt():
    for path in sorted((ROOT / "exercises").glob("*_exercises.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown" and "*Your answer here.*" in cell.source:
                assert cell.source.strip() != "*Your answer here.*", f"{path.name}: a prompt without a question"


# --- sets 01–03: the expected answers agree with independent computations ---------------------------


def test_ex01_answers_match_scikit_learn():
    y, probabilities = ex01.screening_data()
    assert y.shape == probabilities.shape == (2000,) and y.sum() == 100
    predicted = (probabilities >= 0.5).astype(int)
    assert ex01.q2._expected() == pytest.approx(skm.accuracy_score(y, predicted) - skm.accuracy_score(y, 0 * y))
    assert ex01.q3._expected() == pytest.approx(skm.balanced_accuracy_score(y, predicted))
    recalls = {t: skm.recall_score(y, probabilities >= t) for t in ex01.THRESHOLDS}
    best = max(t for t, r in recalls.items() if r >= 0.9)
    assert ex01.q4._expected() == pytest.approx(best)
    matrix = skm.confusion_matrix(y, probabilities >= best)
    assert ex01.q5._expected() == pytest.approx(matrix[0, 1] / matrix[1, 1])
    quiz = np.repeat([1, 1, 0, 0], [24, 176, 24, 9776]), np.repeat([1, 0, 1, 0], [24, 176, 24, 9776])
    assert skm.accuracy_score(*quiz) == pytest.approx(0.98) and skm.recall_score(*quiz) == pytest.approx(0.12)
    assert ex01.q6._expected() == pytest.approx(skm.matthews_corrcoef(*quiz))
    costs = {name: ex01.MISS_COST * skm.confusion_matrix(y, probabilities >= t)[1, 0]
             + skm.confusion_matrix(y, probabilities >= t)[0, 1] for name, t in ex01.CANDIDATES.items()}
    assert ex01.q7._expected() == min(costs, key=costs.get)
    assert sorted(costs.values())[1] > 1.2 * min(costs.values())  # not a near-tie


def test_ex01_function_question_agrees_with_scikit_learn_on_its_hidden_cases():
    for y_true, y_pred in ex01._metric_cases():
        precision, recall, f1 = ex01._precision_recall_f1(y_true, y_pred)
        if y_pred.sum():
            assert precision == pytest.approx(skm.precision_score(y_true, y_pred))
        if y_true.sum():
            assert recall == pytest.approx(skm.recall_score(y_true, y_pred))
        if y_true.sum() or y_pred.sum():
            assert f1 == pytest.approx(skm.f1_score(y_true, y_pred))
    verdict = ex01.q1.evaluate(lambda y_true, y_pred: (skm.precision_score(y_true, y_pred, zero_division=0),
                                                        skm.recall_score(y_true, y_pred, zero_division=0),
                                                        skm.f1_score(y_true, y_pred, zero_division=0)))
    assert verdict.status == "incorrect" and "float('nan')" in verdict.message
    assert verdict.message.startswith("precision_recall_f1(y_true=[0, 0], y_pred=[0, 0]) returned (0.0, 0.0, 0.0), "
                                      "expected (nan, nan, nan)")


def test_ex02_answers_match_independent_computations():
    from sklearn.metrics import log_loss

    y, p = ex02.predictions()
    assert ex02.q1._expected() == pytest.approx(log_loss(y, p))
    y2, p_a, p_b = ex02.two_models()
    assert ex02.q2._expected() == ("A" if log_loss(y2, p_a) < log_loss(y2, p_b) else "B")
    losses = -np.log(np.where(y2 == 1, p_b, 1 - p_b))
    assert ex02.q3._expected() == pytest.approx(losses.max() / losses.sum())
    y4, logits = ex02.logit_batch()
    assert ex02.q4._expected() == pytest.approx(log_loss(y4, 1 / (1 + np.exp(-logits))))
    val_logits, y_val, test_logits, y_test = ex02.calibration_splits()
    grid = {t: log_loss(y_val, 1 / (1 + np.exp(-val_logits / t))) for t in ex02.TEMPERATURES}
    ranked = sorted(grid, key=grid.get)
    assert ex02.q6._expected() == ranked[0]
    assert grid[ranked[1]] - grid[ranked[0]] > 1e-7  # far from a tie: the same on every machine
    assert abs(ex02.q6.mistakes[0][0]() - ex02.q6._expected()) > 0.5  # fitting on test really differs


def test_ex02_ece_hint_formula_is_the_reference():
    def by_hint(y_true, p, n_bins):
        predicted = p >= 0.5
        confidence = np.where(predicted, p, 1 - p)
        correct = predicted == (y_true == 1)
        index = np.minimum(((confidence - 0.5) / (0.5 / n_bins)).astype(int), n_bins - 1)
        return sum(np.sum(index == b) * abs(correct[index == b].mean() - confidence[index == b].mean())
                   for b in range(n_bins) if np.any(index == b)) / len(p)

    assert ex02.q5.evaluate(by_hint).correct
    unclipped = ex02.q5.evaluate(_ece_without_clip)  # a confidence of exactly 1 falls off the last bin
    assert unclipped.status == "incorrect" and "raised IndexError" in unclipped.message


def _ece_without_clip(y_true, p, n_bins):
    predicted = p >= 0.5
    confidence = np.where(predicted, p, 1 - p)
    correct = predicted == (y_true == 1)
    index = ((confidence - 0.5) / (0.5 / n_bins)).astype(int)
    gaps, counts = np.zeros(n_bins), np.zeros(n_bins)
    for i, b in enumerate(index):
        gaps[b] += correct[i] - confidence[i]
        counts[b] += 1
    return float(np.sum(np.abs(gaps)) / len(p))


def test_ex03_answers_match_scikit_learn():
    y_true, y_pred = ex03.triage()
    assert ex03.q1._expected() == pytest.approx(skm.recall_score(y_true, y_pred, labels=[2], average=None)[0])
    assert ex03.q3._expected() == pytest.approx(skm.balanced_accuracy_score(y_true, y_pred))
    assert ex03.q1._expected() < np.mean(y_true == y_pred) - 0.3  # the emergencies really are hidden
    assert ex03.q4._expected() == "macro"
    y_cam, y_cam_pred = ex03.camera_trap()
    by_species = skm.recall_score(y_cam, y_cam_pred, labels=list(ex03.SPECIES), average=None)
    recalls = dict(zip(ex03.SPECIES, by_species, strict=True))
    weakest = min(recalls, key=recalls.get)
    assert ex03.q5._expected() == weakest
    shares = {s: np.mean(y_cam == s) for s in ex03.SPECIES}
    assert weakest != min(shares, key=shares.get), "the weakest species should not simply be the rarest"
    fixed = np.where(y_cam == weakest, y_cam, y_cam_pred)
    assert ex03.q6._expected() == pytest.approx(skm.accuracy_score(y_cam, fixed))


def test_ex03_typical_mistakes_get_their_message():
    y_true, y_pred = ex03.triage()
    assert "one-vs-rest accuracy" in ex03.q1.evaluate(np.mean((y_true == 2) == (y_pred == 2))).message
    assert "precision" in ex03.q1.evaluate(np.mean(y_true[y_pred == 2] == 2)).message
    assert "accuracy" in ex03.q3.evaluate(np.mean(y_true == y_pred)).message
    assert ex03.q4.evaluate("weighted").status == "incorrect"
    wrong = [s for s in ex03.SPECIES if s != ex03.q5._expected()]
    assert all(ex03.q5.evaluate(s).message.startswith(f"{s} is not the weakest") for s in wrong)
    verdict = ex03.q2.evaluate(lambda y_true, y_pred: {c: np.mean(y_true[y_pred == c] == c) for c in np.unique(y_true)})
    assert verdict.status == "incorrect" and "masked on the predicted class" in verdict.message
    only_ints = ex03.q2.evaluate(lambda y_true, y_pred: {c: np.mean(y_pred[y_true == c] == c)
                                                        for c in range(int(y_true.max()) + 1)})
    assert only_ints.status == "incorrect" and "its keys are [0, 1, 2], expected [0, 2]" in only_ints.message
