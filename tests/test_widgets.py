"""Widgets without a browser: move a control, check the result and the displayed numbers."""

import os
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn import metrics as skm  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from course_utils.data import load_digits_one_vs_rest  # noqa: E402
from course_utils.widgets import (  # noqa: E402
    LiveExperiment,
    baseline_explorer,
    prevalence_explorer,
    threshold_explorer,
)

REPO = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def digits_probabilities():
    split = load_digits_one_vs_rest(digit=9).select_features([21, 42])
    model = LogisticRegression().fit(split.X_train, split.y_train)
    return split.y_test, model.predict_proba(split.X_test)[:, 1]


def png(explorer):
    """The PNG bytes shown (ipywidgets stores them as a memoryview)."""
    return bytes(explorer.image.value)


def assert_updated(explorer):
    assert png(explorer).startswith(PNG)
    assert isinstance(explorer.last_update_seconds, float)
    assert explorer.last_update_seconds > 0
    assert explorer.status.value == ""


def test_threshold_explorer_follows_the_slider(digits_probabilities):
    y, p = digits_probabilities
    explorer = threshold_explorer(y, p, threshold=0.7, question="Find recall 0.9")
    assert "Find recall 0.9" in explorer.children[0].value
    assert_updated(explorer)
    previous = png(explorer)
    for t in (0.05, 0.1, 0.2, 0.35, 0.5):
        explorer.controls["threshold"].value = t
        predicted = (p >= t).astype(int)
        expected = skm.confusion_matrix(y, predicted, labels=[0, 1])
        assert explorer.result.as_matrix().tolist() == expected.tolist(), t
        precision = skm.precision_score(y, predicted, zero_division=np.nan)
        recall = skm.recall_score(y, predicted)
        assert explorer.result.precision == pytest.approx(precision, nan_ok=True)
        assert explorer.result.recall == pytest.approx(recall)
        numbers = explorer.numbers.value
        assert f"{precision:.3f}" in numbers
        assert f"{recall:.3f}" in numbers
        assert f"{t:.3f}" in numbers
        assert f"<b>{int(predicted.sum())}</b>" in numbers
        assert_updated(explorer)
        assert png(explorer) != previous, f"image did not change at threshold {t}"
        previous = png(explorer)


def test_threshold_explorer_with_a_score_on_the_threshold():
    explorer = threshold_explorer([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8])
    explorer.controls["threshold"].value = 0.4
    assert explorer.result.tp == 2 and explorer.result.fp == 1
    explorer.controls["threshold"].value = 0.3
    assert explorer.result.recall == 1.0
    assert explorer.values() == {"threshold": 0.3}


def test_threshold_explorer_is_not_displayed_on_construction(digits_probabilities, capsys):
    y, p = digits_probabilities
    explorer = threshold_explorer(y, p)
    assert isinstance(explorer, ipywidgets.VBox)
    assert capsys.readouterr().out == ""


def test_prevalence_explorer_roc_stable_ap_falls():
    explorer = prevalence_explorer()
    assert_updated(explorer)
    explorer.controls["negatives_per_positive"].value = 1
    balanced = explorer.result
    numbers_1, image_1 = explorer.numbers.value, png(explorer)
    explorer.controls["negatives_per_positive"].value = 100
    skewed = explorer.result
    assert_updated(explorer)
    assert skewed.negatives_per_positive == 100
    assert abs(skewed.roc_auc - balanced.roc_auc) <= 0.05
    assert skewed.average_precision < balanced.average_precision
    assert skewed.average_precision < 0.1
    assert skewed.roc_auc == pytest.approx(skm.roc_auc_score(skewed.y_true, skewed.scores))
    assert explorer.numbers.value != numbers_1
    assert f"{skewed.average_precision:.3f}" in explorer.numbers.value
    assert f"{skewed.roc_auc:.3f}" in explorer.numbers.value
    assert f"{skewed.prevalence:.3f}" in explorer.numbers.value
    assert png(explorer) != image_1


def test_baseline_explorer_accuracy_and_recall():
    explorer = baseline_explorer()
    assert explorer.result.accuracy == pytest.approx(0.9)
    image_before = png(explorer)
    explorer.controls["prevalence"].value = 0.01
    assert explorer.result.accuracy == pytest.approx(0.99)
    assert explorer.result.recall == 0.0
    assert "0.990" in explorer.numbers.value
    assert "0.000" in explorer.numbers.value
    assert png(explorer) != image_before
    assert_updated(explorer)


def test_live_experiment_shows_errors_instead_of_raising():
    def experiment(x):
        if x > 0.5:
            raise ValueError("x must be at most 0.5 here")
        return x * 2

    def draw(result, figure):
        figure.subplots().bar(["x"], [result])

    slider = ipywidgets.FloatSlider(value=0.2, min=0, max=1, step=0.1)
    live = LiveExperiment(controls={"x": slider}, experiment=experiment, draw=draw,
                          describe=lambda r: [("double", r)])
    assert live.result == pytest.approx(0.4)
    assert "0.400" in live.numbers.value
    assert live.status.value == ""
    slider.value = 0.8  # must not raise
    assert "x must be at most 0.5 here" in live.status.value
    assert live.result == pytest.approx(0.4)  # the last good result is kept
    slider.value = 0.3
    assert live.status.value == ""
    assert live.result == pytest.approx(0.6)
    assert "0.600" in live.numbers.value


def test_live_experiment_error_on_first_update_does_not_raise():
    def experiment(x):
        raise TypeError("always wrong")

    live = LiveExperiment(controls={"x": ipywidgets.FloatSlider(value=0.2)}, experiment=experiment,
                          draw=lambda r, f: None, describe=lambda r: [])
    assert live.result is None
    assert "always wrong" in live.status.value


def test_course_utils_import_does_not_import_tensorflow():
    code = (
        "import sys\n"
        "import importlib, pkgutil\n"
        "import course_utils, course_utils.exercises\n"
        "for package in (course_utils, course_utils.exercises):  # every module, present and future\n"
        "    for info in pkgutil.iter_modules(package.__path__):\n"
        "        importlib.import_module(f'{package.__name__}.{info.name}')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('tensorflow', 'keras'))\n"
        "assert not loaded, loaded[:5]\n"
        "print('ok')\n")
    env = {**os.environ, "PYTHONPATH": str(REPO), "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
