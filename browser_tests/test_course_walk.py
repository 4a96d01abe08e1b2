"""The whole course in ONE JupyterLab session, as a learner following the notebooks' own instructions.

Notebook by notebook in one browser tab: open it, Run All, read (nothing heavy is moved),
then do what its ending says — *Kernel → Shut Down Kernel* — and open the next. At every
step, and every half second while a notebook runs, the live kernels' total memory (sum of
PSS, so shared library pages count once) must stay within WALK_MB: Binder restarts a
session's kernels at 2 GB. The steps go to browser-artifacts/kernel_memory_walk.json
for `make bench`.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request
from pathlib import Path

import psutil
from test_notebooks_in_browser import KERNEL_DONE, RUN_TIMEOUT_MS, error_outputs

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WALK_MB = 1800
SHUT_DOWN = re.compile(r"Kernel\s*→\s*Shut Down Kernel")


def live_kernel_ids(lab):
    base, token, _ = lab
    request = urllib.request.Request(f"{base}/api/kernels", headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return [kernel["id"] for kernel in json.loads(response.read())]


def shut_down_every_kernel(lab):
    """A fresh learner session: no kernels left over from other tests on this server."""
    base, token, _ = lab
    for kernel in live_kernel_ids(lab):
        request = urllib.request.Request(f"{base}/api/kernels/{kernel}", method="DELETE",
                                         headers={"Authorization": f"token {token}"})
        urllib.request.urlopen(request, timeout=30).close()


def kernels_pss_mb(lab):
    """(number of live kernels, their processes' total PSS in MB, children included)."""
    ids = live_kernel_ids(lab)
    processes = []
    for process in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if any(f"kernel-{kernel}.json" in cmdline for kernel in ids):
            processes += [process, *process.children(recursive=True)]
    total = 0
    for process in processes:
        try:
            total += process.memory_full_info().pss
        except psutil.Error:  # ended between listing and measuring
            pass
    return len(ids), round(total / 2**20)


def ending_says_shut_down(root_dir, path):
    cells = json.loads((root_dir / path).read_text())["cells"]
    tail = "".join("".join(cell["source"]) for cell in cells[-3:] if cell["cell_type"] == "markdown")
    return bool(SHUT_DOWN.search(tail))


def test_the_whole_course_in_one_session_stays_under_binders_memory_limit(page, lab):
    base, token, root_dir = lab
    shut_down_every_kernel(lab)
    steps = []

    def record(step, peak_during=0):
        kernels, pss = kernels_pss_mb(lab)
        steps.append({"step": step, "kernels": kernels, "pss_mb": max(pss, peak_during)})
        out = ROOT / "browser-artifacts" / "kernel_memory_walk.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(steps, indent=1) + "\n")
        assert steps[-1]["pss_mb"] <= WALK_MB, f"live kernels use {steps[-1]['pss_mb']} MB at '{step}': {steps}"

    page.goto(f"{base}/lab/workspaces/walk/tree/{NOTEBOOKS[0]}?token={token}")
    for number, path in enumerate(NOTEBOOKS):
        name = Path(path).stem
        if number:  # the notebook's own **Next** link opens the next one in the same tab set
            page.evaluate("async (path) => {"
                          " await window.jupyterapp.commands.execute('docmanager:open', {path}); }", path)
        page.wait_for_function(
            "(path) => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
            " return w && w.context && w.context.path === path && w.sessionContext.session"
            " && w.sessionContext.session.kernel; }", arg=path, timeout=60_000)
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        time.sleep(1.0)
        peak, deadline = 0, time.monotonic() + 5 * RUN_TIMEOUT_MS / 1000  # a shared CI machine can be slow
        while not page.evaluate(KERNEL_DONE):
            assert time.monotonic() < deadline, f"{path} did not finish running"
            peak = max(peak, kernels_pss_mb(lab)[1])
            assert peak <= WALK_MB, f"live kernels use {peak} MB while {path} runs: {steps}"
            time.sleep(0.5)
        assert not error_outputs(page), error_outputs(page)[0][:2000]
        record(f"{name}: Run All", peak)
        if number == len(NOTEBOOKS) - 1:
            break
        assert ending_says_shut_down(root_dir, path), f"{path} does not end by asking to shut its kernel down"
        before = len(live_kernel_ids(lab))
        # Kernel → Shut Down Kernel
        page.evaluate("async () => { await window.jupyterapp.commands.execute('kernelmenu:shutdown'); }")
        deadline = time.monotonic() + 30
        while len(live_kernel_ids(lab)) >= before:
            assert time.monotonic() < deadline, f"Kernel → Shut Down Kernel left {path}'s kernel running"
            time.sleep(0.3)
        record(f"{name}: kernel shut down")
    assert len(steps) == 2 * len(NOTEBOOKS) - 1
