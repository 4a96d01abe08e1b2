"""No copy-pasted blocks: pylint's duplicate-code check (and only that one) over the project's Python.

Six identical lines (comments, docstrings, imports and signatures aside) anywhere in
course_utils, tests, tools, browser_tests or site_tests fail the suite; put the shared logic in one function instead.
"""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MIN_LINES = 6


def duplicate_report(*paths, cwd=REPO):
    """pylint's duplicate-code messages (R0801) for ``paths``, as text ("" when there are none)."""
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--disable=all", "--enable=duplicate-code",
         f"--min-similarity-lines={MIN_LINES}", "--score=no", *map(str, paths)],
        capture_output=True, text=True, cwd=cwd, timeout=300)
    assert result.returncode in (0, 8), result.stderr  # 8: refactor messages found; anything else: pylint failed
    return result.stdout.strip()


def test_no_block_of_six_lines_is_repeated():
    report = duplicate_report("course_utils", "tests", "tools", "browser_tests", "site_tests")
    assert "R0801" not in report, report


def test_the_check_catches_a_copied_block(tmp_path):
    body = "".join(f"    total = total * {n} + values[{n}]\n" for n in range(MIN_LINES + 1))
    for name in ("first", "second"):
        (tmp_path / f"{name}.py").write_text(f"def {name}(values):\n    total = 0\n{body}    return total\n")
    report = duplicate_report("first.py", "second.py", cwd=tmp_path)
    assert "R0801" in report and "first" in report and "second" in report, report
