"""Shared test configuration and helpers (test modules import the helpers: ``from conftest import …``)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]

# Property tests draw the same examples on every run and every machine, so a
# green CI run is repeatable (a new counter-example shows up when the code or
# the test changes, not at random on a workshop morning).
settings.register_profile("course", derandomize=True, deadline=None)
settings.load_profile("course")


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the figures a test opened with pyplot (without importing pyplot where no test did)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def bad_feature_calls(function, *, non_numbers="X must contain numbers"):
    """Rows (call, exception, words): ``function(X, y)`` must refuse each bad feature matrix X by name.

    ``non_numbers`` is the message for an X of strings (a function that reads
    X as a numeric 2-D array from the start calls it not array-like).
    """
    return [(lambda: function("X", [0, 1]), TypeError, "X must be a 2-D array-like"),
            (lambda: function([["a"], ["b"]], [0, 1]), TypeError, non_numbers),
            (lambda: function([1.0, 2.0], [0, 1]), ValueError, "X must be 2-D"),
            (lambda: function([[1.0], [2.0]], [0, 1, 1]), ValueError, "X has 2, y has 3")]


def assert_refused(call, error, words):
    """``call()`` raises ``error`` (an exception type or a tuple of them) with ``words`` in its message."""
    with pytest.raises(error) as raised:
        call()
    assert words in str(raised.value)


def assert_fresh_python_prints_ok(code):
    """Run ``code`` in a fresh interpreter (the repository importable, Agg backend); it must print just "ok"."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
