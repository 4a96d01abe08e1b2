"""Measure every notebook against the course budgets (COURSE_DESIGN §8).

Each notebook runs top to bottom in a fresh kernel; a background thread
samples the kernel process's resident memory (children included) every
20 ms. Then each widget's update time is measured in-process: every control
is moved 20 times through its range and the time from the value change to the
new figure is recorded (p50/p95/max). The browser tables come from the last
`make test-browser`: key press to new figure in Chromium, and the live
kernels' total memory (PSS) at each step of the 00 → last notebook walk.

Usage: ``python tools/bench.py [--json results.json] [--solutions] [--no-widgets]
[--no-engine] [NOTEBOOK ...]`` (default: every notebook in notebooks/).
Prints Markdown tables; exits 0 even when over budget but marks it OVER.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

import nbformat
import numpy as np
import psutil
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_SECONDS, NOTEBOOK_MB, COURSE_SECONDS = 30.0, 1024.0, 180.0
WIDGET_P95_MS, WIDGET_PYTHON_MS = 150.0, 60.0
WIDGET_CHANGES = 20  # per control: enough for a p95 that is not just the maximum of five
WALK_MB = 1800.0  # live kernels' total PSS in the 00→last walk (Binder restarts kernels at 2 GB)


class PeakMemory(threading.Thread):
    """Poll a process tree's RSS until stopped; ``peak_mb`` holds the maximum."""

    def __init__(self, pid, interval=0.02):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak_mb = 0.0
        self._stop_event = threading.Event()

    def run(self):
        while not self._stop_event.is_set():
            try:
                processes = [self.process, *self.process.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in processes)
                self.peak_mb = max(self.peak_mb, rss / 2**20)
            except psutil.Error:
                pass
            self._stop_event.wait(self.interval)

    def stop(self):
        self._stop_event.set()
        self.join()


def bench_notebook(path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()  # kernel start-up counts: a learner waits for it too
    with client.setup_kernel():
        monitor = PeakMemory(client.km.provisioner.process.pid)
        monitor.start()
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        monitor.stop()
    return {"notebook": str(path.relative_to(ROOT)), "seconds": round(seconds, 1),
            "peak_mb": round(monitor.peak_mb)}


def _overconfident_logits(n=750, seed=0):
    """Logits three times too large, like notebook 02's over-trained network (the widget only rescales)."""
    rng = np.random.default_rng(seed)
    true_logits = rng.normal(0, 2, n)
    y = (rng.random(n) < 1 / (1 + np.exp(-true_logits))).astype(int)
    return 3 * true_logits, y


def _cycle(values, n=WIDGET_CHANGES):
    """``n`` values taken round-robin from ``values``, skipping repeats of the previous one (no change, no update)."""
    values = list(values)
    out = []
    while len(out) < n:
        for value in values:
            if len(out) < n and (not out or value != out[-1]):
                out.append(value)
    return out


def _zigzag(options):
    """A slider's options up and back down (the values a learner steps through)."""
    options = list(options)
    return options + options[-2:0:-1]


def _widget_cases():
    """(name, widget, control name, values) for every control of every widget the notebooks use."""
    from sklearn.linear_model import LogisticRegression

    from course_utils import plots, widgets
    from course_utils.data import load_digits_one_vs_rest

    plots.apply_course_style()
    digits = load_digits_one_vs_rest(digit=9).select_features([21, 42])
    scores = LogisticRegression().fit(digits.X_train, digits.y_train).predict_proba(digits.X_test)[:, 1]
    thresholds = [round(0.02 * i, 2) for i in range(1, 50)]
    ratios = [0.5, 1, 2, 5, 10, 20, 50, 100, 200]
    shares = [round(0.01 * i, 2) for i in range(1, 51)]
    from course_utils.sequences import PaddingSweep

    # The padding widget only looks up a precomputed sweep; its latency does not depend on the numbers.
    sweep = PaddingSweep(np.round(np.arange(0, 0.75, 0.1), 1), np.linspace(0.7, 0.9, 8), np.full(8, 0.7))
    from sklearn.datasets import load_digits

    from course_utils import variance

    X, y = load_digits(return_X_y=True)
    lab = variance.SeedSpreadLab(X / 16, y)  # notebook 05's settings (20 seeds, section 2's training recipe)
    seed_spread = widgets.seed_spread_explorer(lab, n_seeds=20, n_test=899, hidden_units=32, seed_options=(5, 10, 20))
    selection_leak = widgets.selection_leak_explorer()
    rare_class = widgets.rare_class_explorer()
    return [
        ("seed_spread_explorer (05)", seed_spread, "n_test", [50, 100, 200, 400, 899, 400, 200, 100]),
        ("seed_spread_explorer (05)", seed_spread, "n_seeds", [5, 10, 20, 10, 5, 10]),
        # A model size not seen yet trains 20 networks (a few seconds, the status line says so); then cached.
        ("seed_spread_explorer (05), first visits retrain", seed_spread, "hidden_units", [8, 16, 32, 64, 32, 16]),
        ("selection_leak_explorer (04)", selection_leak, "n_features",
         [50, 100, 200, 500, 1000, 2000, 1000, 500, 200, 100]),
        ("selection_leak_explorer (04)", selection_leak, "n_selected", [1, 2, 5, 10, 20, 50, 20, 10, 5, 2]),
        ("temperature_explorer (02)", widgets.temperature_explorer(*_overconfident_logits()), "temperature",
         [0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0]),
        ("rare_class_explorer (03)", rare_class, "keep_fraction", [1.0, 0.5, 0.3, 0.2, 0.1, 0.05, 0.02]),
        ("rare_class_explorer (03)", rare_class, "overlap", _zigzag(rare_class.controls["overlap"].options)),
        ("padding_explorer (06)", widgets.padding_explorer(sweep), "padding_fraction", list(sweep.padding_fractions)),
        ("threshold_explorer (01)", widgets.threshold_explorer(digits.y_test, scores), "threshold", thresholds),
        ("prevalence_explorer (01)", widgets.prevalence_explorer(), "negatives_per_positive", ratios + ratios[::-1]),
        ("baseline_explorer (00)", widgets.baseline_explorer(), "prevalence", shares),
    ]


def latency_summary(times):
    """p50, p95 (nearest rank) and maximum of a list of milliseconds, rounded."""
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return {"updates": len(times), "p50_ms": round(statistics.median(times)), "p95_ms": round(p95),
            "max_ms": round(times[-1])}


def bench_widgets():
    rows = []
    for name, widget, control, values in _widget_cases():
        times, cpu = [], []
        for value in _cycle(values):
            start = time.thread_time()
            widget.controls[control].value = value
            cpu.append((time.thread_time() - start) * 1000)
            times.append(widget.last_update_seconds * 1000)
        # CPU time does not grow when other processes share the cores; wall time does.
        rows.append({"widget": name, "control": control, **latency_summary(times),
                     "cpu_p95_ms": latency_summary(cpu)["p95_ms"]})
    return rows


def bench_ensemble(n_seeds=20):
    """Notebook 05's model (digits, 32 hidden units, 20 epochs): loop over fit vs batched engine."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    from course_utils.models import train_keras_loop, train_mlp_ensemble
    from course_utils.reproducibility import import_tensorflow

    import_tensorflow()
    X, y = load_digits(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X / 16, y, test_size=0.5, stratify=y, random_state=0)
    seeds = list(range(n_seeds))
    start = time.perf_counter()
    loop = train_keras_loop(X_train, y_train, X_test, y_test, seeds=seeds)
    loop_seconds = time.perf_counter() - start
    start = time.perf_counter()
    engine = train_mlp_ensemble(X_train, y_train, X_test, y_test, n_members=n_seeds, init_seeds=seeds)
    engine_seconds = time.perf_counter() - start
    return {"seeds": n_seeds, "loop_seconds": round(loop_seconds, 1), "engine_seconds": round(engine_seconds, 2),
            "speedup": round(loop_seconds / engine_seconds, 1),
            "loop_mean_sd": [round(float(loop.mean()), 3), round(float(loop.std(ddof=1)), 4)],
            "engine_mean_sd": [round(float(engine.test_accuracy.mean()), 3),
                               round(float(engine.test_accuracy.std(ddof=1)), 4)]}


REPORT_SECONDS = 10.0


def bench_report():
    """The capstone's budget: honest_report on 10,000 rows × 20 features, 5 splits × 3 seeds, logistic regression.

    Also times the cost-threshold widget of notebook 07 on that report.
    """
    from sklearn.datasets import make_classification
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from course_utils import plots, widgets
    from course_utils.report import honest_report

    X, y = make_classification(10_000, n_features=20, n_informative=5, weights=[0.8], flip_y=0.05, random_state=0)
    model = make_pipeline(StandardScaler(), LogisticRegression())
    start = time.perf_counter()
    report = honest_report(model, X, y, n_splits=5, n_repeats=3)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    with_cost = honest_report(model, X, y, n_splits=5, n_repeats=3, false_negative_cost=5)
    cost_seconds = time.perf_counter() - start
    plots.apply_course_style()
    explorer = widgets.cost_threshold_explorer(with_cost)
    times = []
    for value in [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 15, 10, 8, 6, 5, 4, 3, 2, 1, 2]:  # 20 changes
        explorer.controls["false_negative_cost"].value = value
        times.append(explorer.last_update_seconds * 1000)
    times.sort()
    return {"rows": len(y), "features": X.shape[1], "fits": 5 * 3, "seconds": round(seconds, 1),
            "seconds_with_cost": round(cost_seconds, 1), "warnings": sorted(report.warning_checks()),
            "widget_p50_ms": round(statistics.median(times)),
            "widget_p95_ms": round(times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))])}


def verdict(ok):
    return "OK" if ok else "**OVER**"


def print_header(*columns, first=False):
    """Start a Markdown table (after a blank line unless it is the first)."""
    print(("" if first else "\n") + "| " + " | ".join(columns) + " |\n" + "|---" * len(columns) + "|")


def print_row(*cells):
    """One row of the Markdown table being printed."""
    print("| " + " | ".join(str(cell) for cell in cells) + " |", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Benchmark the notebooks and widgets.")
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--solutions", action="store_true", help="also run every solutions/ notebook")
    parser.add_argument("--no-widgets", action="store_true")
    parser.add_argument("--no-engine", action="store_true", help="skip the ensemble-vs-loop timing (~35 s)")
    parser.add_argument("--no-report", action="store_true", help="skip the honest_report timing (~15 s)")
    args = parser.parse_args(argv)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if args.solutions:
        paths += sorted((ROOT / "solutions").glob("*.ipynb"))

    results = {"notebooks": [], "widgets": []}
    print_header("notebook", "seconds", "budget", "peak RSS MB", "budget", "verdict", first=True)
    for path in paths:
        row = bench_notebook(path)
        results["notebooks"].append(row)
        ok = row["seconds"] <= NOTEBOOK_SECONDS and row["peak_mb"] <= NOTEBOOK_MB
        print_row(row["notebook"], row["seconds"], f"{NOTEBOOK_SECONDS:.0f}", row["peak_mb"], f"{NOTEBOOK_MB:.0f}",
                  verdict(ok))
    total = round(sum(r["seconds"] for r in results["notebooks"]), 1)
    print_row("**total**", total, f"{COURSE_SECONDS:.0f}", "", "", verdict(total <= COURSE_SECONDS))

    if not args.no_widgets:
        print_header("widget, Python update (experiment + figure + PNG)", "control", "updates", "p50 ms", "p95 ms",
                     "max ms", "CPU p95 ms", "budget p95", "verdict")
        for row in bench_widgets():
            results["widgets"].append(row)
            ok = "retrain" in row["widget"] or row["p95_ms"] <= WIDGET_PYTHON_MS  # training says so on screen
            print_row(row["widget"], row["control"], row["updates"], row["p50_ms"], row["p95_ms"], row["max_ms"],
                      row["cpu_p95_ms"], f"{WIDGET_PYTHON_MS:.0f}", verdict(ok))
    browser = ROOT / "browser-artifacts" / "widget_latency_browser.json"
    if browser.exists():  # written by `make test-browser`: key press in Chromium to new figure on screen
        print_header("widget, in the browser (last `make test-browser`): key press to new figure", "presses",
                     "p50 ms", "p95 ms", "max ms", "budget p95", "verdict")
        for name, times in json.loads(browser.read_text()).items():
            row = {"widget": name, **latency_summary(times)}
            results.setdefault("browser_widgets", []).append(row)
            print_row(name, row["updates"], row["p50_ms"], row["p95_ms"], row["max_ms"], f"{WIDGET_P95_MS:.0f}",
                      verdict(row["p95_ms"] <= WIDGET_P95_MS))
    walk = ROOT / "browser-artifacts" / "kernel_memory_walk.json"
    if walk.exists():  # written by `make test-browser`: one JupyterLab session, 00 → last notebook
        steps = json.loads(walk.read_text())
        results["walk"] = steps
        print_header("walk in one JupyterLab session (last `make test-browser`)", "live kernels", "their PSS MB",
                     "budget", "verdict")
        for step in steps:
            print_row(step["step"], step["kernels"], step["pss_mb"], f"{WALK_MB:.0f}",
                      verdict(step["pss_mb"] <= WALK_MB))
        peak = max(step["pss_mb"] for step in steps)
        print_row("**peak**", "", f"**{peak}**", f"{WALK_MB:.0f}", verdict(peak <= WALK_MB))
    if not args.no_engine:
        row = bench_ensemble()
        results["engine"] = row
        print_header("batched ensemble, 20 seeds", "loop over fit s", "engine s", "speedup", "budget", "verdict",
                     "mean ± sd (loop / engine)")
        print_row("notebook 05 model", row["loop_seconds"], row["engine_seconds"], f"{row['speedup']}×", "≥ 10×",
                  verdict(row["speedup"] >= 10), f"{row['loop_mean_sd'][0]} ± {row['loop_mean_sd'][1]} / "
                  f"{row['engine_mean_sd'][0]} ± {row['engine_mean_sd'][1]}")
    if not args.no_report:
        row = bench_report()
        results["report"] = row
        print_header("honest_report (07), logistic regression", "5 splits × 3 seeds s", "with cost threshold s",
                     "budget", "verdict", "cost widget p50 / p95 ms")
        print_row(f"{row['rows']:,} rows × {row['features']} features", row["seconds"], row["seconds_with_cost"],
                  f"{REPORT_SECONDS:.0f}", verdict(row["seconds"] <= REPORT_SECONDS),
                  f"{row['widget_p50_ms']} / {row['widget_p95_ms']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
