"""Widgets without a browser: move a control, check the result and the displayed numbers."""

import inspect
import time

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from conftest import assert_fresh_python_prints_ok  # noqa: E402
from sklearn import metrics as skm  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from course_utils import widgets  # noqa: E402
from course_utils.data import load_digits_one_vs_rest  # noqa: E402
from course_utils.widgets import (  # noqa: E402
    LiveExperiment,
    baseline_explorer,
    prevalence_explorer,
    threshold_explorer,
)

PNG = b"\x89PNG"


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
    assert_fresh_python_prints_ok(code)


# --- start values are checked up front; a slider never snaps to a nearest value -------------------------------


@pytest.fixture(scope="module")
def padding_sweep():
    from course_utils.sequences import PaddingSweep

    fractions = np.round(np.arange(0, 0.75, 0.1), 1)
    return PaddingSweep(fractions, np.linspace(0.7, 0.9, 8), np.full(8, 0.7))


@pytest.fixture(scope="module")
def seed_lab():
    """A lab that is never run here: building it trains nothing."""
    from sklearn.datasets import load_digits

    from course_utils.variance import SeedSpreadLab

    X, y = load_digits(return_X_y=True)
    return SeedSpreadLab(X / 16, y, max_seeds=20)


def test_slider_refuses_a_start_value_outside_its_range():
    with pytest.raises(ValueError, match=r"threshold must be between 0.0 and 1.0 .* got 1.5"):
        widgets._slider(1.5, name="threshold", low=0.0, high=1.0, step=0.01, description="t")
    with pytest.raises(TypeError, match="threshold"):
        widgets._slider("0.5", name="threshold", low=0.0, high=1.0, step=0.01, description="t")
    assert widgets._slider(1.0, name="threshold", low=0.0, high=1.0, step=0.01, description="t").value == 1.0


def test_choice_slider_refuses_a_value_it_does_not_offer():
    with pytest.raises(ValueError, match=r"padding_fraction must be one of the slider's values \[0.0, 0.5\], got 0.4"):
        widgets._choice_slider([0.0, 0.5], 0.4, name="padding_fraction", description="p")
    assert widgets._choice_slider([0.0, 0.5], 0.5, name="padding_fraction", description="p").value == 0.5


BAD_START_VALUES = {
    "threshold": lambda fx: threshold_explorer([0, 1, 1], [0.2, 0.6, 0.9], threshold=-0.1),
    "negatives_per_positive": lambda fx: prevalence_explorer(negatives_per_positive=3),
    "auc": lambda fx: prevalence_explorer(auc=1.5),
    "n_positive": lambda fx: prevalence_explorer(n_positive=0),
    "prevalence": lambda fx: baseline_explorer(prevalence=0.6),
    "padding_fraction": lambda fx: widgets.padding_explorer(fx["padding_sweep"], padding_fraction=0.45),
    "n_seeds": lambda fx: widgets.seed_spread_explorer(fx["seed_lab"], n_seeds=7),
    "n_test": lambda fx: widgets.seed_spread_explorer(fx["seed_lab"], n_test=123),
    "hidden_units": lambda fx: widgets.seed_spread_explorer(fx["seed_lab"], hidden_units=12),
    "seed_options": lambda fx: widgets.seed_spread_explorer(fx["seed_lab"], seed_options=(5, 10, 40)),
    "n_features": lambda fx: widgets.selection_leak_explorer(n_features=123),
    "n_samples": lambda fx: widgets.selection_leak_explorer(n_samples=1),
    "temperature": lambda fx: widgets.temperature_explorer([2.0, -1.0], [1, 0], temperature=0.3),
    "n_bins": lambda fx: widgets.temperature_explorer([2.0, -1.0], [1, 0], n_bins=0),
    "keep_fraction": lambda fx: widgets.rare_class_explorer(keep_fraction=0.4),
    "overlap": lambda fx: widgets.rare_class_explorer(overlap=0.2),
    "rare_class": lambda fx: widgets.rare_class_explorer(rare_class=12),
    "false_negative_cost": lambda fx: widgets.cost_threshold_explorer(fx["cost_report"], false_negative_cost=7),
}


@pytest.fixture(scope="module")
def cost_report():
    from sklearn.datasets import make_classification

    from course_utils.report import honest_report

    X, y = make_classification(300, n_features=5, weights=[0.8], random_state=0)
    return honest_report(LogisticRegression(), X, y, n_splits=3, n_repeats=1, false_negative_cost=5,
                         n_bootstrap=100, leak_checks=False)


@pytest.mark.parametrize("argument", sorted(BAD_START_VALUES))
def test_every_factory_refuses_a_bad_start_value_by_name(argument, request):
    needs = {"padding_fraction": "padding_sweep", "false_negative_cost": "cost_report"}
    fixtures = {name: request.getfixturevalue(name) for name in
                ([needs[argument]] if argument in needs else ["seed_lab"] if argument in
                 ("n_seeds", "n_test", "hidden_units", "seed_options") else [])}
    start = time.perf_counter()
    with pytest.raises(ValueError, match=argument):
        BAD_START_VALUES[argument](fixtures)
    assert time.perf_counter() - start < 1.5, "refused only after the expensive part (grid, training)"


# --- fast path: the axes never change with a control, so the cached background is always reused ------------------


def _count_full_draws(explorer):
    canvas = explorer._figure.canvas
    calls = []
    original = canvas.draw
    canvas.draw = lambda *args, **kwargs: (calls.append(1), original(*args, **kwargs))
    return calls


@pytest.mark.parametrize("build, control, values", [
    (lambda fx: widgets.padding_explorer(fx), "padding_fraction", [0.0, 0.7, 0.3]),
    (lambda fx: baseline_explorer(), "prevalence", [0.01, 0.5, 0.2]),
    (lambda fx: prevalence_explorer(), "negatives_per_positive", [200, 0.5, 10]),
    (lambda fx: threshold_explorer([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.8]), "threshold", [0.0, 1.0, 0.45]),
    (lambda fx: widgets.temperature_explorer([4.0, -3.0, 2.5, -0.5], [1, 0, 0, 0]), "temperature", [0.25, 8.0]),
], ids=["padding", "baseline", "prevalence", "threshold", "temperature"])
def test_moving_a_control_reuses_the_cached_background(build, control, values, padding_sweep):
    explorer = build(padding_sweep)
    full_draws = _count_full_draws(explorer)
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in explorer._figure.axes]
    images = {png(explorer)}
    for value in values:
        explorer.controls[control].value = value
        assert_updated(explorer)
        images.add(png(explorer))
    assert [(ax.get_xlim(), ax.get_ylim()) for ax in explorer._figure.axes] == limits
    assert full_draws == [], "an axis limit changed with the control: the whole figure was drawn again"
    assert len(images) == len(values) + 1


def test_padding_explorer_moves_only_its_marker(padding_sweep):
    explorer = widgets.padding_explorer(padding_sweep, padding_fraction=0.4)
    assert explorer.result.padding_fraction == 0.4
    explorer.controls["padding_fraction"].value = 0.7
    assert explorer.result.accuracy_with_padding == pytest.approx(0.9)
    assert f"{0.9:.3f}" in explorer.numbers.value
    (marker,) = explorer._changing
    assert marker.get_xdata()[0] == 0.7


def test_live_experiment_busy_message_is_shown_while_the_experiment_runs():
    seen = []

    def experiment(x):
        seen.append(live.status.value if seen else "")  # the first call happens inside the constructor
        return x

    live = None
    slider = ipywidgets.FloatSlider(value=0.2, min=0, max=1, step=0.1)
    live = LiveExperiment(controls={"x": slider}, experiment=experiment, draw=lambda r, f: f.subplots().plot([r]),
                          describe=lambda r: [("x", r)], busy=lambda x: "training <3 models" if x > 0.5 else None)
    slider.value = 0.8
    assert "⏳ training &lt;3 models" in seen[-1]  # escaped
    assert live.status.value == ""  # cleared when the result is in
    slider.value = 0.3
    assert seen[-1] == ""


def test_seed_spread_explorer_keeps_no_reference_to_itself():
    source = inspect.getsource(widgets.seed_spread_explorer)
    assert "holder" not in source and "busy=busy" in source


def test_sliders_update_while_dragging_except_the_one_that_retrains(seed_lab):
    """Updates measured under ~50 ms (`make bench`) follow the drag; only a retraining slider waits for release."""
    fast = [threshold_explorer([0, 1, 1], [0.2, 0.6, 0.9]), prevalence_explorer(), baseline_explorer(),
            widgets.temperature_explorer([2.0, -1.0], [1, 0])]
    for explorer in fast:
        assert all(control.continuous_update for control in explorer.controls.values()), explorer.controls
    spread = widgets.seed_spread_explorer(seed_lab, hidden_units=8)  # trains 20 small MLPs in one batch
    assert {name: control.continuous_update for name, control in spread.controls.items()} == {
        "n_seeds": True, "n_test": True, "hidden_units": False}
