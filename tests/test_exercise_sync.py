"""exercises/ is exactly what tools/make_exercises.py generates from solutions/."""

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import make_exercises  # noqa: E402

SOLUTIONS = sorted((ROOT / "solutions").glob("*_solutions.ipynb"))


def test_there_are_solution_notebooks():
    assert SOLUTIONS, "no solutions/*_solutions.ipynb found"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_exercise_notebook_is_generated_from_solution(solution):
    target = make_exercises.exercise_path(solution)
    assert target.exists(), f"{target.name} missing: run `make exercises`"
    expected = make_exercises.render(make_exercises.make_exercise(nbformat.read(solution, as_version=4)))
    assert target.read_text(encoding="utf-8") == expected, f"{target.name} drifted: run `make exercises`"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_exercise_notebook_has_no_answers_or_outputs(solution):
    exercise = nbformat.read(make_exercises.exercise_path(solution), as_version=4)
    code = [c for c in exercise.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    text = "\n".join(c.source for c in exercise.cells)
    assert "BEGIN SOLUTION" not in text and "NBVAL_CHECK_OUTPUT" not in text
    assert "____" in text
    assert exercise.metadata["kernelspec"]["name"] == "python3"


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def test_assignments_become_placeholders():
    source = "x = 1\n### BEGIN SOLUTION\na, b = 1, 2\ntotal = a + b\nprint(total)\n### END SOLUTION\nq.check(total)"
    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = [nbformat.v4.new_output("stream", text="3\n")]
    cell.execution_count = 4
    result = make_exercises.make_exercise(notebook(cell)).cells[0]
    assert result.source == ("x = 1\na, b = ____, ____  # your code here\n"
                             "total = ____  # your code here\nq.check(total)")
    assert result.outputs == [] and result.execution_count is None


def test_region_without_assignment_and_indentation():
    source = "for i in range(2):\n    ### BEGIN SOLUTION\n    print(i)\n    ### END SOLUTION"
    result = make_exercises.strip_code(source)
    assert result == "for i in range(2):\n    # your code here"


def test_markdown_region_and_title_and_check_marker():
    title = nbformat.v4.new_markdown_cell("# 01 · Topic — Solutions\ntext")
    answer = nbformat.v4.new_markdown_cell("Why?\n<!-- BEGIN SOLUTION -->\nBecause.\n<!-- END SOLUTION -->")
    checked = nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nq.check(1)")
    result = make_exercises.make_exercise(notebook(title, answer, checked))
    assert result.cells[0].source == "# 01 · Topic — Exercises\ntext"
    assert result.cells[1].source == "Why?\n*Your answer here.*"
    assert result.cells[2].source == "q.check(1)"


def test_solution_only_cells_are_dropped():
    kept = nbformat.v4.new_markdown_cell("kept")
    dropped = nbformat.v4.new_markdown_cell("discussion")
    dropped.metadata["tags"] = ["solution-only"]
    assert [c.source for c in make_exercises.make_exercise(notebook(kept, dropped)).cells] == ["kept"]


@pytest.mark.parametrize("source, problem", [
    ("### BEGIN SOLUTION\nx = 1", "without ### END"),
    ("x = 1\n### END SOLUTION", "without ### BEGIN"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "nested"),
])
def test_unbalanced_markers_name_the_cell(source, problem):
    with pytest.raises(make_exercises.MarkerError, match=rf"demo.ipynb, cell 0: .*{problem}"):
        make_exercises.make_exercise(notebook(nbformat.v4.new_code_cell(source)), "demo.ipynb")


def test_generation_does_not_modify_the_solution():
    cell = nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION")
    solution = notebook(cell)
    make_exercises.make_exercise(solution)
    assert "x = 1" in solution.cells[0].source


def test_unbalanced_markdown_markers_name_the_cell():
    cell = nbformat.v4.new_markdown_cell("Why?\n<!-- BEGIN SOLUTION -->\nBecause.")
    with pytest.raises(make_exercises.MarkerError, match=r"demo.ipynb, cell 0: unbalanced"):
        make_exercises.make_exercise(notebook(cell), "demo.ipynb")


def test_check_flag_reports_drift_and_writing_fixes_it(tmp_path, capsys):
    (tmp_path / "solutions").mkdir()
    nbformat.write(notebook(nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION")),
                   tmp_path / "solutions" / "09_demo_solutions.ipynb")
    assert make_exercises.main(["--check", "--root", str(tmp_path)]) == 1
    assert "exercises/09_demo_exercises.ipynb" in capsys.readouterr().out
    assert not (tmp_path / "exercises").exists(), "--check must not write"
    assert make_exercises.main(["--root", str(tmp_path)]) == 0
    assert make_exercises.main(["--check", "--root", str(tmp_path)]) == 0
    written = (tmp_path / "exercises" / "09_demo_exercises.ipynb").read_text(encoding="utf-8")
    assert "x = ____  # your code here" in written and written.endswith("}\n")


def test_a_function_body_region_becomes_return_placeholder():
    source = ('def f(y, p):\n    """Doc stays."""\n    ### BEGIN SOLUTION\n    total = y + p\n    if total:\n'
              '        return 1\n    return total\n    ### END SOLUTION\n\n\nq.check(f)')
    assert make_exercises.strip_code(source) == ('def f(y, p):\n    """Doc stays."""\n'
                                                 '    return ____  # your code here\n\n\nq.check(f)')


def test_exercise_function_cells_define_the_function():
    """A function the learner writes and checks (``q.check(name)``) keeps its def line in the exercise."""
    for solution in SOLUTIONS:
        exercise = nbformat.read(make_exercises.exercise_path(solution), as_version=4)
        for cell in nbformat.read(solution, as_version=4).cells:
            defined = set(re.findall(r"^def (\w+)\(", cell.source, flags=re.MULTILINE))
            for name in defined & set(re.findall(r"\.check\((\w+)\)", cell.source)):
                assert any(f"def {name}(" in c.source for c in exercise.cells), f"{solution.name}: {name} lost"
