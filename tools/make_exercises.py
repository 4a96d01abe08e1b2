"""Generate exercises/NN_slug_exercises.ipynb from solutions/NN_slug_solutions.ipynb.

Rules (the solutions notebook is the single source):

* In a code cell, the lines between ``### BEGIN SOLUTION`` and
  ``### END SOLUTION`` are replaced by one placeholder line per assigned
  name (``name = ____  # your code here``); a region without assignments
  becomes ``# your code here``. A region that returns (the body of a
  function the learner writes) becomes ``return ____  # your code here``, so
  the function is defined and its checker says *not attempted*.
* In a markdown cell, text between ``<!-- BEGIN SOLUTION -->`` and
  ``<!-- END SOLUTION -->`` becomes ``*Your answer here.*``.
* Cells tagged ``solution-only`` are dropped.
* ``# NBVAL_CHECK_OUTPUT`` lines are removed (an exercise has no reference
  output to compare with); outputs, execution counts, execution timings and
  saved widget state are stripped.
* "Solutions" in the title becomes "Exercises".

Usage: ``python tools/make_exercises.py [--check]``. With ``--check`` nothing
is written; the exit status is 1 if any exercise notebook is out of date.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
CODE_BEGIN, CODE_END = "### BEGIN SOLUTION", "### END SOLUTION"
MD_REGION = re.compile(r"<!-- BEGIN SOLUTION -->.*?<!-- END SOLUTION -->", re.DOTALL)
CHECK_MARKER = "# NBVAL_CHECK_OUTPUT"


class MarkerError(ValueError):
    """Unbalanced or nested solution markers."""


def _assigned_names(code):
    """Names assigned at the top level of ``code``, as placeholder target strings."""
    targets = []
    for node in ast.parse(code).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                if isinstance(target, ast.Name):
                    targets.append((target.id, 1))
                elif isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts):
                    targets.append((", ".join(e.id for e in target.elts), len(target.elts)))
    unique = []
    for target in targets:
        if target not in unique:
            unique.append(target)
    return unique


def _placeholder_lines(region, indent):
    import textwrap

    code = textwrap.dedent("\n".join(region))
    try:
        targets = _assigned_names(code)
    except SyntaxError as error:
        raise MarkerError(f"the solution region does not parse: {error}") from None
    if any(isinstance(node, ast.Return) for node in ast.parse(code).body):
        return [f"{indent}return ____  # your code here"]
    if not targets:
        return [f"{indent}# your code here"]
    return [f"{indent}{names} = {', '.join(['____'] * count)}  # your code here"
            for names, count in targets]


def strip_code(source, where="cell"):
    """Replace each solution region of a code cell's source by placeholders."""
    output, region, indent = [], None, ""
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == CHECK_MARKER:
            continue
        if stripped == CODE_BEGIN:
            if region is not None:
                raise MarkerError(f"{where}: nested {CODE_BEGIN}")
            region, indent = [], line[: len(line) - len(line.lstrip())]
        elif stripped == CODE_END:
            if region is None:
                raise MarkerError(f"{where}: {CODE_END} without {CODE_BEGIN}")
            output += _placeholder_lines(region, indent)
            region = None
        elif region is not None:
            region.append(line)
        else:
            output.append(line)
    if region is not None:
        raise MarkerError(f"{where}: {CODE_BEGIN} without {CODE_END}")
    return "\n".join(output)


def strip_markdown(source, where="cell"):
    """Replace each markdown solution region by a prompt."""
    result = MD_REGION.sub("*Your answer here.*", source)
    if "BEGIN SOLUTION" in result or "END SOLUTION" in result:
        raise MarkerError(f"{where}: unbalanced <!-- BEGIN/END SOLUTION --> markers")
    return result


def make_exercise(solution, name="notebook"):
    """Return the exercise notebook generated from a solutions notebook (not modified)."""
    exercise = nbformat.reads(nbformat.writes(solution), as_version=4)  # a deep copy
    cells = []
    for index, cell in enumerate(exercise.cells):
        where = f"{name}, cell {index}"
        if "solution-only" in cell.metadata.get("tags", []):
            continue
        if cell.cell_type == "code":
            cell.source = strip_code(cell.source, where)
            cell.outputs = []
            cell.execution_count = None
        elif cell.cell_type == "markdown":
            cell.source = strip_markdown(cell.source, where)
        cell.pop("id", None)
        cell.metadata.pop("execution", None)
        cells.append(cell)
    for cell in cells:
        if cell.cell_type == "markdown" and cell.source.startswith("#"):
            first, _, rest = cell.source.partition("\n")
            cell.source = first.replace("Solutions", "Exercises") + ("\n" + rest if rest else "")
            break
    exercise.cells = cells
    exercise.metadata.pop("widgets", None)  # saved widget state belongs to executed notebooks
    exercise.nbformat_minor = 4  # no cell ids: keeps regeneration byte-stable
    return exercise


def exercise_path(solution_path):
    """solutions/NN_slug_solutions.ipynb -> exercises/NN_slug_exercises.ipynb"""
    stem = solution_path.stem
    if not stem.endswith("_solutions"):
        raise ValueError(f"{solution_path} should be named NN_slug_solutions.ipynb")
    return solution_path.parent.parent / "exercises" / (stem[: -len("_solutions")] + "_exercises.ipynb")


def render(notebook):
    return nbformat.writes(notebook) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date exercises")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    stale = []
    for solution_path in sorted((args.root / "solutions").glob("*_solutions.ipynb")):
        target = exercise_path(solution_path)
        text = render(make_exercise(nbformat.read(solution_path, as_version=4), solution_path.name))
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(target)
        if not args.check:
            target.parent.mkdir(exist_ok=True)
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(args.root)}")
    if args.check and stale:
        print("out of date (run `make exercises`):", *[str(p.relative_to(args.root)) for p in stale], sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
