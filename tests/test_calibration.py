"""Cross-entropy and calibration helpers agree with scikit-learn and keep their promises."""

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from conftest import assert_refused  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.extra.numpy import arrays  # noqa: E402
from sklearn.metrics import log_loss  # noqa: E402

from course_utils import calibration, stats, widgets  # noqa: E402


def test_seed_002_cases():
    y = [1, 0, 1]
    values = [round(calibration.binary_cross_entropy(y, p), 4)
              for p in ([0.9, 0.1, 0.8], [0.1, 0.9, 0.1], [0.9, 0.9, 0.9])]
    assert values == [0.1446, 2.3026, 0.8378]


pairs = st.integers(2, 50).flatmap(lambda n: st.tuples(
    arrays(np.int64, n, elements=st.integers(0, 1)),
    arrays(np.float64, n, elements=st.floats(0.001, 0.999))))


@settings(max_examples=100, deadline=None)
@given(pairs)
def test_bce_is_non_negative_and_equals_log_loss(pair):
    y, p = pair
    ours = calibration.binary_cross_entropy(y, p)
    assert ours >= 0
    assert ours == pytest.approx(log_loss(y, p, labels=[0, 1]), rel=1e-9, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(pairs, st.floats(0.1, 10))
def test_temperature_never_changes_predictions_and_one_is_identity(pair, temperature):
    y, p = pair
    logits = np.log(p / (1 - p))
    np.testing.assert_allclose(calibration.apply_temperature(logits, 1.0), p, rtol=1e-9)
    scaled = calibration.apply_temperature(logits, temperature)
    np.testing.assert_array_equal(scaled > 0.5, p > 0.5)
    assert 0 <= stats.expected_calibration_error(y, p) <= 1


def test_ece_is_zero_for_a_calibrated_bin_and_counts_the_gap():
    # 10 predictions at 0.8 confidence, 8 right: perfectly calibrated
    y = np.array([1] * 8 + [0] * 2)
    assert stats.expected_calibration_error(y, np.full(10, 0.8)) == pytest.approx(0.0)
    # the same predictions 60 % right: gap 0.2
    y = np.array([1] * 6 + [0] * 4)
    assert stats.expected_calibration_error(y, np.full(10, 0.8)) == pytest.approx(0.2)


def test_fit_temperature_softens_an_over_confident_model():
    rng = np.random.default_rng(0)
    true_logits = rng.normal(0, 2, 2000)
    y = (rng.random(2000) < calibration.sigmoid(true_logits)).astype(int)
    assert calibration.fit_temperature(3 * true_logits, y) == pytest.approx(3.0, rel=0.15)
    assert calibration.fit_temperature(true_logits, y) == pytest.approx(1.0, rel=0.15)


@pytest.mark.parametrize("call, words", [
    (lambda: calibration.binary_cross_entropy([1, 0], [0.5, 1.5]), "p must be probabilities in [0, 1]"),
    (lambda: calibration.binary_cross_entropy([1, 2], [0.5, 0.5]), "y_true must hold only 0 and 1"),
    (lambda: calibration.binary_cross_entropy([1, 0], [0.5, np.nan]), "p contains NaN"),
    (lambda: calibration.binary_cross_entropy([1, 0, 1], [0.5, 0.5]), "y_true has 3, p has 2"),
    (lambda: calibration.binary_cross_entropy([[1, 0], [1, 0]], [0.5, 0.5, 0.5, 0.5]), "y_true must be 1-D"),
    (lambda: stats.expected_calibration_error([1, 0], [0.2, 0.7], n_bins=0), "n_bins must be at least 1"),
    (lambda: calibration.apply_temperature([1.0], 0), "temperature must be positive"),
    (lambda: calibration.fit_temperature([1.0, 2.0], [1]), "logits has 2, y_true has 1"),
    (lambda: widgets.temperature_explorer([1.0, -1.0], [1, 0], temperature=1.2), "temperature must be one of"),
])
def test_bad_input_is_named(call, words):
    assert_refused(call, (ValueError, TypeError), words)


def test_temperature_widget_rescales_without_changing_accuracy():
    rng = np.random.default_rng(1)
    logits = 3 * rng.normal(0, 2, 500)
    y = (rng.random(500) < calibration.sigmoid(logits / 3)).astype(int)
    explorer = widgets.temperature_explorer(logits, y)
    first = explorer.result
    explorer.controls["temperature"].value = 3.0
    scaled = explorer.result
    assert scaled.accuracy == first.accuracy
    assert scaled.ece < first.ece and scaled.loss < first.loss
    expected = stats.expected_calibration_error(y, calibration.apply_temperature(logits, 3.0))
    assert f"{expected:.3f}" in explorer.numbers.value


# --- temperature_experiment: the experiment behind the temperature widget -----


def _overconfident(n=400, seed=3):
    rng = np.random.default_rng(seed)
    true_logits = rng.normal(0, 2, n)
    y = (rng.random(n) < calibration.sigmoid(true_logits)).astype(int)
    return 4 * true_logits, y


@pytest.mark.parametrize("temperature", [0.5, 1.0, 4.0])
def test_temperature_experiment_equals_its_parts(temperature):
    logits, y = _overconfident()
    result = calibration.temperature_experiment(logits, y, temperature)
    p = calibration.apply_temperature(logits, temperature)
    np.testing.assert_array_equal(result.p, p)
    assert result.temperature == temperature
    assert result.loss == pytest.approx(calibration.binary_cross_entropy(y, p), rel=1e-12)
    assert result.loss == pytest.approx(log_loss(y, p), rel=1e-9)
    assert result.ece == stats.expected_calibration_error(y, p)
    assert result.accuracy == np.mean((logits >= 0) == y)
    losses = calibration.per_sample_cross_entropy(y, p)
    assert result.worst_loss == losses.max()
    assert result.worst_share == pytest.approx(np.sort(losses)[-20:].sum() / losses.sum())  # worst 5 % of 400


def test_temperature_experiment_fixes_overconfidence_and_keeps_accuracy():
    logits, y = _overconfident()
    plain, scaled = (calibration.temperature_experiment(logits, y, t) for t in (1.0, 4.0))
    assert scaled.accuracy == plain.accuracy
    assert scaled.loss < plain.loss and scaled.ece < plain.ece / 2
    assert scaled.worst_loss < plain.worst_loss / 2


def test_temperature_experiment_worst_share_with_fewer_than_twenty_samples():
    result = calibration.temperature_experiment([4.0, 4.0, -4.0, -4.0], [1, 0, 0, 0], 2.0)
    assert result.worst_loss == pytest.approx(-np.log(1 - calibration.sigmoid(2.0)))
    assert result.worst_share == pytest.approx(result.worst_loss / (4 * result.loss))


def test_temperature_widget_shows_the_experiment():
    logits, y = _overconfident()
    explorer = widgets.temperature_explorer(logits, y)
    explorer.controls["temperature"].value = 4.0
    expected = calibration.temperature_experiment(logits, y, 4.0)
    assert explorer.result.loss == expected.loss and explorer.result.ece == expected.ece
    assert f"{expected.worst_share:.3f}" in explorer.numbers.value


@pytest.mark.parametrize("call, error, words", [
    (lambda: calibration.temperature_experiment([1.0, -1.0], [1, 0], 0.0), ValueError, "temperature must be positive"),
    (lambda: calibration.temperature_experiment([1.0, -1.0], [1, 0], "2"), TypeError, "temperature must be a number"),
    (lambda: calibration.temperature_experiment([1.0, -1.0], [1, 0, 1], 1.0), ValueError, "logits has 2, y_true has 3"),
    (lambda: calibration.temperature_experiment([1.0, np.nan], [1, 0], 1.0), ValueError, "logits contains NaN"),
    (lambda: calibration.temperature_experiment([1.0, -1.0], [1, 2], 1.0), ValueError, "y_true must hold only 0 and 1"),
    (lambda: calibration.temperature_experiment([1.0, -1.0], [1, 0], 1.0, n_bins=0), ValueError,
     "n_bins must be at least 1"),
])
def test_temperature_experiment_bad_input_names_the_argument(call, error, words):
    assert_refused(call, error, words)


def test_reliability_bins_match_scikit_learns_calibration_curve():
    """The binary confidence bins over [0.5, 1] are the upper half of 2 × n_bins uniform bins over [0, 1]:
    scikit-learn's calibration_curve on (correct, confidence) gives the same accuracy and confidence per bin."""
    from sklearn.calibration import calibration_curve

    rng = np.random.default_rng(0)
    p = rng.uniform(size=2000)
    y = (rng.uniform(size=2000) < p ** 1.5).astype(int)  # miscalibrated on purpose
    curve = stats.reliability_curve(y, p, n_bins=10)
    predicted = (p >= 0.5).astype(int)
    confidence, correct = np.where(predicted == 1, p, 1 - p), (predicted == y).astype(int)
    accuracy, mean_confidence = calibration_curve(correct, confidence, n_bins=20, strategy="uniform")
    counts = np.histogram(confidence, bins=np.linspace(0, 1, 21))[0]
    counts = counts[counts > 0]
    np.testing.assert_allclose(curve.accuracy, accuracy, rtol=1e-12)
    np.testing.assert_allclose(curve.confidence, mean_confidence, rtol=1e-12)
    np.testing.assert_array_equal(curve.counts, counts)
    reference_ece = np.sum(counts * np.abs(accuracy - mean_confidence)) / counts.sum()
    assert stats.expected_calibration_error(y, p, n_bins=10) == pytest.approx(reference_ece, rel=1e-12)
