"""Every public function and class of course_utils has a numpydoc docstring with a runnable example.

Public means: listed in the module's ``__all__``, or — in a module without
``__all__`` — defined there under a name without a leading underscore.
Modules whose own name starts with an underscore (``_validation``) are
private and exempt. Objects are checked in the module that defines them, so
a re-export is not counted twice. The examples themselves run as doctests
(``--doctest-modules``); this test only makes sure they exist.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import course_utils

_EXAMPLES = re.compile(r"^\s*Examples\s*\n\s*-{8,}\s*\n(?P<body>.*)", re.MULTILINE | re.DOTALL)


def _public_modules():
    names = [course_utils.__name__]
    for info in pkgutil.walk_packages(course_utils.__path__, prefix="course_utils."):
        if not any(part.startswith("_") for part in info.name.split(".")[1:]):
            names.append(info.name)
    return sorted(names)


def _public_names(module):
    if hasattr(module, "__all__"):
        names = list(module.__all__)
    else:
        names = [name for name in vars(module) if not name.startswith("_")]
    return [name for name in names
            if (inspect.isfunction(getattr(module, name, None)) or inspect.isclass(getattr(module, name, None)))
            and getattr(module, name).__module__ == module.__name__]


def _documented_names():
    found = []
    for module_name in _public_modules():
        module = importlib.import_module(module_name)
        found.extend(f"{module_name}.{name}" for name in _public_names(module))
    return found


def docstring_problem(obj):
    """What is missing from ``obj``'s docstring, or None when it has a summary and an example."""
    doc = inspect.getdoc(obj) if obj.__doc__ else None
    if not doc or not doc.strip():
        return "no docstring"
    if not doc.strip().splitlines()[0].strip():
        return "no one-line summary"
    examples = _EXAMPLES.search(doc)
    if examples is None:
        return "no 'Examples' section (a line 'Examples' underlined with dashes)"
    if ">>>" not in examples.group("body"):
        return "an 'Examples' section without a '>>>' line"
    return None


def _resolve(dotted):
    module_name, name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(module_name), name)


def test_the_check_finds_missing_examples():
    def undocumented():
        pass

    def summary_only():
        """Does something."""

    def prose_example():
        """Does something.

        Examples
        --------
        Call it.
        """

    def documented():
        """Does something.

        Examples
        --------
        >>> documented()
        """

    assert docstring_problem(undocumented) == "no docstring"
    assert "no 'Examples' section" in docstring_problem(summary_only)
    assert "without a '>>>' line" in docstring_problem(prose_example)
    assert docstring_problem(documented) is None


def test_the_public_names_are_found():
    names = _documented_names()
    assert "course_utils.checks.NumberQuestion" in names
    assert "course_utils.stats.binomial_interval" in names
    assert not any(name.rsplit(".", 1)[1].startswith("_") for name in names)


@pytest.mark.parametrize("dotted", _documented_names())
def test_public_name_has_a_numpydoc_example(dotted):
    problem = docstring_problem(_resolve(dotted))
    assert problem is None, f"{dotted}: {problem}"
