"""course_utils keeps its layers (the import-linter contracts in pyproject.toml) and its import stays light."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert ", 0 broken" in result.stdout


def test_importing_course_utils_loads_no_tensorflow_or_matplotlib_pyplot():
    code = ("import sys, course_utils\n"
            "print(sorted(m for m in ('tensorflow', 'keras', 'matplotlib.pyplot') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
