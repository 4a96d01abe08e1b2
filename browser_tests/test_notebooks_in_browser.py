"""Every notebook runs in a real JupyterLab in a real Chromium, and every widget responds."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("*.ipynb"))
RUN_TIMEOUT_MS = 120_000
LATENCY_PRESSES = 20
LATENCIES = {}  # widget -> milliseconds from key press to new figure, written for `make bench`


@pytest.fixture(scope="module", autouse=True)
def save_latencies():
    yield
    if LATENCIES:
        out = ROOT / "browser-artifacts" / "widget_latency_browser.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(LATENCIES, indent=1) + "\n")

KERNEL_DONE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.sessionContext) return false;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  const code = panel.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.getSource().trim());
  const prompts = code.map(c => c.node.querySelector('.jp-InputPrompt')?.textContent || '');
  return prompts.every(p => !p.includes('*') && /\\[\\d+\\]/.test(p));
}"""


def open_notebook(page, lab, path):
    base, token, _ = lab
    workspace = path.replace("/", "-").replace(".", "-")
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{path}?token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.sessionContext"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session"
                           " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel",
                           timeout=60_000)


def run_all(page):
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    time.sleep(1.0)  # let the first cell get its [*] before polling
    page.wait_for_function(KERNEL_DONE, timeout=RUN_TIMEOUT_MS, polling=500)


def error_outputs(page):
    texts = page.locator(".jp-OutputArea-output").all_inner_texts()
    return [t for t in texts if "most recent call last" in t or "Traceback" in t]


@pytest.mark.parametrize("path", NOTEBOOKS)
def test_notebook_runs_and_widgets_respond(page, lab, path):
    open_notebook(page, lab, path)
    run_all(page)
    assert not error_outputs(page), error_outputs(page)[0][:2000]
    experiments = page.locator(".jupyter-widgets.widget-vbox:has(img):has(.widget-slider)")
    count = experiments.count()
    assert count >= 1, "every teaching notebook has at least one Try-it widget"
    for index in range(count):
        widget = experiments.nth(index)
        slider = widget.locator(".widget-slider [role=slider]").first
        image = widget.locator("img").first
        numbers = widget.locator(".widget-html").all_inner_texts()
        before = image.get_attribute("src")
        slider.scroll_into_view_if_needed()
        slider.focus()
        timings = []
        for _ in range(LATENCY_PRESSES):  # one key press, one update: time until the new figure arrives
            at_max = slider.get_attribute("aria-valuenow") == slider.get_attribute("aria-valuemax")
            start = time.perf_counter()
            slider.press("ArrowLeft" if at_max else "ArrowRight")
            try:
                page.wait_for_function("([img, before]) => img.getAttribute('src') !== before",
                                       arg=[image.element_handle(), before], timeout=10_000)
            except Exception as error:
                raise AssertionError(f"widget {index} ({slider.get_attribute('aria-valuetext')}): "
                                     f"the figure did not change; it shows: {widget.inner_text()[-300:]}") from error
            timings.append(round((time.perf_counter() - start) * 1000))
            before = image.get_attribute("src")
            if len(timings) == 1:  # the numbers follow the first press (later presses may step back to the start)
                numbers_panel = widget.locator(".widget-html").nth(1)  # 0: the question, 1: the numbers
                page.wait_for_function("([panel, before]) => panel.innerText !== before",
                                       arg=[numbers_panel.element_handle(), numbers[1]], timeout=10_000)
        LATENCIES[f"{path} widget {index}"] = timings
    assert not page.blocked_requests or all("127.0.0.1" not in u for u in page.blocked_requests)


def set_cell_source_and_run(page, cell_index, source):
    page.evaluate("""([index, source]) => {
        const panel = window.jupyterapp.shell.currentWidget;
        panel.content.activeCellIndex = index;
        panel.content.widgets[index].model.sharedModel.setSource(source);
    }""", [cell_index, source])
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-cell')")
    page.wait_for_function(KERNEL_DONE, timeout=RUN_TIMEOUT_MS, polling=300)
    return page.evaluate("""(index) => window.jupyterapp.shell.currentWidget.content.widgets[index]
                              .node.querySelector('.jp-Cell-outputWrapper').innerText""", cell_index)


def test_exercise_checker_in_the_browser(page, lab):
    path = "exercises/01_accuracy_paradox_exercises.ipynb"
    open_notebook(page, lab, path)
    run_all(page)
    assert not error_outputs(page)
    assert "Not attempted yet" in page.locator(".jp-Notebook").inner_text()
    index = page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .findIndex(c => c.model.sharedModel.getSource().includes('ex01.q3.check'))""")
    assert index > 0
    source = page.evaluate(
        "(i) => window.jupyterapp.shell.currentWidget.content.widgets[i].model.sharedModel.getSource()", index)
    blank = "balanced_accuracy = ____"
    assert blank in source
    wrong = set_cell_source_and_run(page, index, source.replace(blank, "balanced_accuracy = np.mean(y_pred == y_true)"))
    assert "Incorrect" in wrong and "plain accuracy" in wrong, wrong
    right = set_cell_source_and_run(page, index, source.replace(
        blank, "from sklearn.metrics import balanced_accuracy_score\n"
               "balanced_accuracy = balanced_accuracy_score(y_true, y_pred)"))
    assert "Correct" in right, right
