"""course_utils keeps its layers (the import-linter contracts in pyproject.toml) and its import stays light."""

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import course_utils

ROOT = Path(__file__).resolve().parents[1]
TENSORFLOW_USERS = {"course_utils.models", "course_utils.reproducibility"}


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


def _top_level_modules():
    return sorted(f"course_utils.{info.name}" for info in pkgutil.iter_modules(course_utils.__path__))


def test_only_the_models_and_the_seeding_may_import_tensorflow():
    """Every other module of course_utils is a source of the forbidden-TensorFlow contract, new ones included."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    contract, = [c for c in config["contracts"] if c["type"] == "forbidden" and "tensorflow" in c["forbidden_modules"]]
    assert {"tensorflow", "keras"} <= set(contract["forbidden_modules"])
    assert set(contract["source_modules"]) == set(_top_level_modules()) - TENSORFLOW_USERS


def test_importing_every_module_loads_no_tensorflow():
    """TensorFlow is imported when a model is built or trained, never by an import (models included)."""
    code = ("import importlib, pkgutil, sys, course_utils\n"
            "for info in pkgutil.walk_packages(course_utils.__path__, 'course_utils.'):\n"
            "    importlib.import_module(info.name)\n"
            "print(sorted(m for m in ('tensorflow', 'keras') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
