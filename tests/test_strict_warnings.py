"""`make test` sets COURSE_STRICT_WARNINGS=1: deprecations raised by notebook
cells (module __main__) or course code become errors inside nbval's kernels."""

import os
import subprocess
import sys

import pytest

SNIPPET = """
import warnings
import course_utils
warnings.warn("old API", {category})
print("no error")
"""


def run(category, strict):
    env = {**os.environ, "COURSE_STRICT_WARNINGS": "1" if strict else "0", "PYTHONWARNINGS": ""}
    return subprocess.run([sys.executable, "-c", SNIPPET.format(category=category)],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("category", ["DeprecationWarning", "FutureWarning"])
def test_strict_mode_turns_deprecations_in_main_into_errors(category):
    result = run(category, strict=True)
    assert result.returncode != 0 and category in result.stderr


def test_without_strict_mode_a_deprecation_is_only_a_warning():
    result = run("FutureWarning", strict=False)
    assert result.returncode == 0 and "no error" in result.stdout
