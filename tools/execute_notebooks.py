"""Re-run notebooks top to bottom in a fresh kernel and save their outputs.

Usage: ``python tools/execute_notebooks.py [NOTEBOOK ...]`` (default: every
notebook in notebooks/ and solutions/). Each runs with its own folder as the
working directory; the first failing cell stops the run with a message naming
the notebook and the cell.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellControlSignal, CellExecutionError, DeadKernelError

ROOT = Path(__file__).resolve().parents[1]
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
#: The same quiet, deterministic environment `make test` gives nbval's kernels.
KERNEL_ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "MPLBACKEND": "module://matplotlib_inline.backend_inline",
              "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def default_notebooks():
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))


def _name(path):
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def execute(path, *, timeout=300):
    """Execute ``path`` in place; return the wall time in seconds."""
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    for cell in notebook.cells:  # timestamps from earlier runs only make noisy diffs
        cell.metadata.pop("execution", None)
    current = {"index": None}

    def on_cell_start(cell, cell_index):
        current["index"] = cell_index

    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3", record_timing=False,
                            allow_errors=False, on_cell_start=on_cell_start,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    try:
        client.execute()
    except (CellExecutionError, CellControlSignal, DeadKernelError) as error:
        # Nothing is written: the committed notebook keeps its last good outputs.
        raise SystemExit(f"{_name(path)}: cell {current['index']} (0-based) failed: "
                         f"{type(error).__name__}\n{error}") from None
    seconds = time.perf_counter() - start
    nbformat.write(notebook, path)
    return seconds


def main(argv):
    os.environ.update(KERNEL_ENV)
    paths = [Path(p).resolve() for p in argv] or default_notebooks()
    for path in paths:
        print(f"{_name(path)}: {execute(path):.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
