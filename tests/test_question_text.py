"""The exercise text files: every table used, every label matched, mistakes named clearly."""

import importlib

import pytest

from course_utils.checks import ChoiceQuestion, NumberQuestion
from course_utils.exercises import QuestionText

MODULES = [f"course_utils.exercises.ex0{n}" for n in range(8)]

DEMO = '''
[q1]
name = "Question 1"
hint = "Count the negatives."
solution = "accuracy = 0.97"
mistakes.error_rate = "That is the error rate."
mistakes.percent = "Give a fraction, not a percentage."
'''


@pytest.mark.parametrize("module_name", MODULES)
def test_every_table_of_the_text_file_builds_a_question(module_name):
    module = importlib.import_module(module_name)
    assert module._TEXT.unused() == []


def test_mistakes_keep_the_order_of_the_file():
    text = QuestionText("demo.toml", DEMO)
    question = text.ask(NumberQuestion, "q1", expected=lambda: 0.97,
                        mistakes={"percent": lambda: 97.0, "error_rate": lambda: 0.03})
    assert [message for _, message in question.mistakes] == ["That is the error rate.",
                                                            "Give a fraction, not a percentage."]
    assert question.evaluate(97.0).message == "Give a fraction, not a percentage."


def test_text_and_logic_combine_for_options():
    text = QuestionText("demo.toml", '[q2]\nname = "Q2"\nhint = "h"\nsolution = "s"\n'
                                               '[q2.options]\nA = "A is wrong."\nB = "B is right."\n')
    question = text.ask(ChoiceQuestion, "q2", expected=lambda: "B")
    assert question.evaluate("a").message.startswith("A is wrong.")
    assert question.evaluate("B").correct


def test_a_missing_table_is_named():
    text = QuestionText("demo.toml", DEMO)
    with pytest.raises(KeyError, match=r"demo.toml has no table \[q9\]; it has \['q1'\]"):
        text.ask(NumberQuestion, "q9", expected=lambda: 1.0)


def test_labels_that_do_not_match_are_named():
    text = QuestionText("demo.toml", DEMO)
    with pytest.raises(ValueError, match=r"\[q1.mistakes\] has the labels \['error_rate', 'percent'\], but the "
                                         r"code gives mistakes for \['error_rate'\]"):
        text.ask(NumberQuestion, "q1", expected=lambda: 0.97, mistakes={"error_rate": lambda: 0.03})


def test_text_given_twice_is_refused():
    text = QuestionText("demo.toml", DEMO)
    with pytest.raises(ValueError, match=r"demo.toml \[q1\] and the code both give \['hint'\]"):
        text.ask(NumberQuestion, "q1", expected=lambda: 0.97, hint="again",
                 mistakes={"error_rate": lambda: 0.03, "percent": lambda: 97.0})


def test_unused_lists_the_tables_no_question_was_built_from():
    text = QuestionText("demo.toml", DEMO + '[q2]\nname = "Q2"\nhint = "h"\nsolution = "s"\n')
    text.ask(NumberQuestion, "q2", expected=lambda: 1.0)
    assert text.unused() == ["q1"]


def test_a_field_the_question_does_not_take_is_named():
    text = QuestionText("demo.toml", '[q1]\nname = "Q1"\nhnit = "typo"\nsolution = "s"\n')
    with pytest.raises(ValueError, match=r"demo.toml \[q1\] gives \['hnit'\], which NumberQuestion does not take "
                                         r"\(it takes \[.*'hint'.*\]\)"):
        text.ask(NumberQuestion, "q1", expected=lambda: 1.0)


def test_mistakes_for_a_question_without_mistakes_are_named():
    text = QuestionText("demo.toml", '[q1]\nname = "Q1"\nhint = "h"\nsolution = "s"\n'
                                     '[q1.options]\nA = "a"\n[q1.mistakes]\nguess = "no"\n')
    with pytest.raises(ValueError, match=r"gives \['mistakes'\], which ChoiceQuestion does not take"):
        text.ask(ChoiceQuestion, "q1", expected=lambda: "A", mistakes={"guess": lambda: "B"})
