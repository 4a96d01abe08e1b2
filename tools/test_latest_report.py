"""Markdown section of test-latest-report.md for one interpreter (called by tools/test_latest.sh).

Reads pytest's JUnit XML files, the ``pip freeze`` of the newest-releases environment
and constraints.txt; prints what was upgraded, what failed, and for each failure the
installed packages its traceback passes through (outermost = what course code called,
deepest = where it broke), so the package that caused a break is named.
"""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from collections import Counter
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LIBRARY_FRAME = re.compile(r"site-packages[/\\]([A-Za-z0-9_]+)")


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path):
    pins = {}
    for line in Path(path).read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[normalise(name)] = version.strip()
    return pins


def failures(junit_paths):
    """(test id, kind, text) for every failed or erroring test case."""
    found, total = [], 0
    for path in junit_paths:
        for case in ET.parse(path).iter("testcase"):
            total += 1
            for kind in ("failure", "error"):
                element = case.find(kind)
                if element is not None:
                    name = f"{case.get('classname', '')}::{case.get('name', '')}".strip(":")
                    text = ANSI.sub("", (element.get("message") or "") + "\n" + (element.text or ""))
                    found.append((name, kind, text))
    return found, total


def test_file(test_id):
    """'tests.test_x::name' -> 'tests/test_x.py'; 'notebooks.01_a.ipynb::Cell 3' -> 'notebooks/01_a.ipynb'."""
    module = test_id.split("::", 1)[0]
    if module.endswith(".ipynb"):
        folder, name = module.split(".", 1)
        return f"{folder}/{name}"
    return module.replace(".", "/") + ".py"


def culprits(text, module_to_dist):
    """Distributions of the library frames in a traceback: (outermost, deepest), or (None, None)."""
    runners = ("_pytest", "pluggy", "nbval", "jupyter_client", "nbclient", "ipykernel", "IPython", "tornado", "zmq")
    modules = [m for m in LIBRARY_FRAME.findall(text) if m not in runners]
    if not modules:
        return None, None
    names = [module_to_dist.get(m, [m])[0] for m in modules]
    return names[0], names[-1]


def summary_line(text):
    """The exception line of a failure ("TypeError: ..."), else its first line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        found = re.match(r"^(?:E\s+)?([A-Za-z_.]*(?:Error|Exception|Warning|Failed): .*)", line)
        if found:
            return found.group(1)[:200]
    return (lines or [""])[0][:200]


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("junit", nargs="+", type=Path)
    parser.add_argument("--failed-files", action="store_true", help="only print the files of the failed tests")
    parser.add_argument("--pinned-junit", type=Path, help="the failed files run again with the pins (.venv)")
    parser.add_argument("--python")
    parser.add_argument("--seconds", type=int, default=0)
    parser.add_argument("--exit-code", type=int, default=0)
    parser.add_argument("--freeze", type=Path, help="pip freeze of the newest-releases environment")
    parser.add_argument("--log", type=Path)
    parser.add_argument("--constraints", type=Path, default=ROOT / "constraints.txt")
    args = parser.parse_args(argv)
    if args.failed_files:
        found, _ = failures(args.junit)
        print("\n".join(sorted({test_file(name) for name, _, _ in found if (ROOT / test_file(name)).exists()})))
        return 0

    pins, installed = read_pins(args.constraints), read_pins(args.freeze)
    module_to_dist = {m: [normalise(d) for d in ds] for m, ds in metadata.packages_distributions().items()}
    found, total = failures([p for p in args.junit if p.exists()])
    print(f"\n## Python {args.python}: {total - len(found)} of {total} tests passed "
          f"({args.seconds // 60} min {args.seconds % 60} s, pytest exit {args.exit_code})\n")

    upgraded = [(n, pins[n], v) for n, v in sorted(installed.items()) if n in pins and pins[n] != v]
    new = [(n, v) for n, v in sorted(installed.items()) if n not in pins]
    print(f"{len(upgraded)} packages differ from constraints.txt, {len(new)} are not pinned there.\n")
    if upgraded:
        print("| package | pinned | newest installed |\n|---|---|---|")
        for name, pinned, version in upgraded:
            print(f"| {name} | {pinned} | {version} |")
        print()
    if new:
        print("Not in constraints.txt: " + ", ".join(f"{n} {v}" for n, v in new) + "\n")

    if not found:
        if args.exit_code == 0:
            print("**Nothing broke.** `make lock` can move the pins to these versions.")
        else:
            print("**The suite did not finish cleanly** although no test case failed; the log ends with:\n")
            tail = args.log.read_text().splitlines()[-20:] if args.log and args.log.exists() else []
            print("```\n" + "\n".join(tail) + "\n```")
        return 0
    pinned_failures = None
    if args.pinned_junit and args.pinned_junit.exists():
        pinned_failures = {name for name, _, _ in failures([args.pinned_junit])[0]}
        same = sum(name in pinned_failures for name, _, _ in found)
        print(f"Control run with the pins (.venv) of the failing files: {same} of these {len(found)} failures "
              "happen there too, so they are not caused by an upgrade.\n")
    blamed = Counter()
    print("| test | outcome | package it broke in (called → deepest) | message |\n|---|---|---|---|")
    for name, kind, text in found:
        also_pinned = pinned_failures is not None and name in pinned_failures
        outer, deepest = culprits(text, module_to_dist)
        if also_pinned:
            where = "none: fails with the pins too"
        elif outer is None:
            where = "no library frame (changed output or course code)"
        else:
            version = installed.get(outer, "?")
            mark = f" (pinned {pins[outer]})" if outer in pins and pins[outer] != version else ""
            where = f"{outer} {version}{mark}" + (f" → {deepest}" if deepest != outer else "")
            blamed[outer] += 1
        message = summary_line(text).replace("|", "\\|")
        print(f"| `{name}` | {kind} | {where} | {message} |")
    if blamed:
        print("\nFailures by package: " + ", ".join(f"{n} ({c})" for n, c in blamed.most_common()) + ".")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
