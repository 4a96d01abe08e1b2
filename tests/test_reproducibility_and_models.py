"""Seeds make runs repeatable; the environment report; the one Keras model test."""

import random

import numpy as np
import pytest

from course_utils.reproducibility import COURSE_PACKAGES, EnvironmentReport, environment_report, set_seed


def test_set_seed_returns_the_seed():
    assert set_seed(42, tensorflow=False) == 42
    assert set_seed(0, tensorflow=False) == 0
    assert set_seed(np.int64(7), tensorflow=False) == 7


def test_set_seed_makes_numpy_and_random_repeatable():
    set_seed(123, tensorflow=False)
    first = (np.random.rand(5).tolist(), [random.random() for _ in range(5)], random.sample(range(100), 5))
    set_seed(123, tensorflow=False)
    second = (np.random.rand(5).tolist(), [random.random() for _ in range(5)], random.sample(range(100), 5))
    assert first == second
    set_seed(124, tensorflow=False)
    third = (np.random.rand(5).tolist(), [random.random() for _ in range(5)], random.sample(range(100), 5))
    assert third != first


@pytest.mark.parametrize("seed, exc", [(-1, ValueError), (1.5, TypeError), ("42", TypeError),
                                       (None, TypeError), (True, TypeError)])
def test_set_seed_rejects_bad_seeds(seed, exc):
    with pytest.raises(exc, match=r"\bseed\b"):
        set_seed(seed, tensorflow=False)


def test_environment_report_without_tensorflow():
    report = environment_report(check_tensorflow=False)
    assert isinstance(report, EnvironmentReport)
    assert report.python.startswith("3.")
    assert set(report.packages) == set(COURSE_PACKAGES)
    missing = [name for name, version in report.packages.items() if not version]
    assert missing == []
    assert report.tensorflow is None
    assert report.problems == []
    assert report.ok is True
    text = str(report)
    assert "All checks passed" in text
    assert "not checked" in text  # tensorflow row
    for name in COURSE_PACKAGES:
        assert name in text
    html = report._repr_html_()
    assert "All checks passed" in html
    assert html.count("<tr>") == len(report.rows())


def test_environment_report_lists_problems():
    report = EnvironmentReport(python="3.11.0", platform="Linux x86_64", packages={"numpy": None},
                               tensorflow=None, problems=["numpy is not installed"])
    assert report.ok is False
    assert "MISSING" in str(report)
    assert "Problems: numpy is not installed" in str(report)
    assert "All checks passed" not in report._repr_html_()
    assert "numpy is not installed" in report._repr_html_()


def test_build_binary_mlp_is_reproducible_and_keras_accuracy_matches_its_confusion_matrix():
    """The only test that builds and fits a Keras model (tiny data, 3 epochs)."""
    from course_utils.data import make_imbalanced_binary
    from course_utils.metrics import confusion_counts
    from course_utils.models import build_binary_mlp

    X, y = make_imbalanced_binary(200, prevalence=0.2, separation=1.5, seed=3)
    X = X.astype("float32")

    def train():
        model = build_binary_mlp(2, hidden_units=(4,), learning_rate=0.05, seed=11)
        initial = [w.copy() for w in model.get_weights()]
        model.fit(X, y, epochs=3, batch_size=32, verbose=0)
        return model, initial, model.predict(X, verbose=0).ravel()

    model_a, initial_a, predictions_a = train()
    model_b, initial_b, predictions_b = train()

    # architecture: 2 -> 4 (relu) -> 1 (sigmoid): 2*4+4 + 4*1+1 = 17 parameters
    assert model_a.count_params() == 17
    assert len(initial_a) == len(initial_b) == 4
    for wa, wb in zip(initial_a, initial_b, strict=True):
        np.testing.assert_array_equal(wa, wb)
    np.testing.assert_array_equal(predictions_a, predictions_b)
    assert ((predictions_a >= 0) & (predictions_a <= 1)).all()
    # training changed the weights
    assert any(not np.array_equal(w0, w1) for w0, w1 in zip(initial_a, model_a.get_weights(), strict=True))

    results = model_a.evaluate(X, y, verbose=0, return_dict=True)
    counts = confusion_counts(y, (predictions_a > 0.5).astype(int))
    assert results["accuracy"] == pytest.approx(counts.accuracy, abs=1e-6)


def test_build_lstm_shapes_for_tokens_features_stacks_and_taggers():
    from course_utils.models import build_lstm

    classifier = build_lstm(10, vocab_size=8, units=4, embedding_dim=8)
    # embedding 9*8, LSTM 4*(8+4+1)*4, dense 4+1
    assert classifier.count_params() == 72 + 208 + 5
    assert classifier.output_shape == (None, 1)
    assert classifier.layers[0].mask_zero is False
    any_length = build_lstm(None, vocab_size=5, units=3)
    assert any_length(np.ones((2, 7), dtype="int32")).shape == (2, 1)
    features = build_lstm(5, n_features=3, units=(6, 2))  # the article's stacked "complex" model, smaller
    assert [type(layer).__name__ for layer in features.layers] == ["LSTM", "LSTM", "Dense"]
    assert features.layers[0].return_sequences and not features.layers[1].return_sequences
    tagger = build_lstm(12, vocab_size=8, per_step=True, mask_zero=True, embedding_dim=5)
    assert tagger.output_shape == (None, 12, 1)
    assert tagger.layers[0].mask_zero is True and tagger.layers[0].output_dim == 5
    X = np.array([[1, 2, 0, 0], [3, 0, 0, 0]] * 4)
    result = tagger.evaluate(np.pad(X, ((0, 0), (0, 8))), np.zeros((8, 12, 1)), verbose=0, return_dict=True)
    assert "weighted_accuracy" in result  # only per-step models carry weighted_metrics


def test_restart_training_is_a_fresh_start():
    from course_utils.models import build_lstm, restart_training

    X = np.random.default_rng(0).integers(1, 5, (64, 6))
    y = (X[:, 0] == 1).astype(int)

    def train(model):
        model.fit(X, y, epochs=2, batch_size=16, verbose=0)
        return model.get_weights()

    model = build_lstm(6, vocab_size=4, units=3, learning_rate=0.01, seed=5)
    start = [w.copy() for w in model.get_weights()]
    trained = train(model)
    restart_training(model, start, seed=5)
    assert int(model.optimizer.iterations.numpy()) == 0
    for w0, w in zip(start, model.get_weights(), strict=True):
        np.testing.assert_array_equal(w0, w)
    for w1, w2 in zip(trained, train(model), strict=True):
        np.testing.assert_array_equal(w1, w2)
    restart_training(model, start, learning_rate=0.002, seed=5)
    assert float(model.optimizer.learning_rate.numpy()) == pytest.approx(0.002)


@pytest.mark.parametrize("call, exc, words", [
    (lambda m: m.build_lstm(0), ValueError, "sequence_length must be at least 1"),
    (lambda m: m.build_lstm(5, units=()), ValueError, "units must name at least one LSTM layer"),
    (lambda m: m.build_lstm(5, units="8"), TypeError, "units must be an integer or a sequence of integers"),
    (lambda m: m.build_lstm(5, mask_zero=True), ValueError, "mask_zero=True needs token inputs"),
    (lambda m: m.build_lstm(5, vocab_size=1), ValueError, "vocab_size must be at least 2"),
    (lambda m: m.build_lstm(5, learning_rate=0), ValueError, "learning_rate must be positive"),
    (lambda m: m.build_binary_mlp(0), ValueError, "n_features must be at least 1"),
    (lambda m: m.build_binary_mlp(2, hidden_units=4), TypeError, "hidden_units must be a sequence of integers"),
    (lambda m: m.article_network(n_features=0), ValueError, "n_features must be at least 1"),
    (lambda m: m.article_network(learning_rate=0), ValueError, "learning_rate must be positive"),
    (lambda m: m.article_network(learning_rate="fast"), TypeError, "learning_rate must be a number"),
    (lambda m: m.article_network(seed=-1), ValueError, "seed must be at least 0"),
    (lambda m: m.restart_training(m.build_lstm(3, units=2), [np.zeros(1)]), ValueError,
     "initial_weights must be this model's get_weights()"),
])
def test_keras_builders_bad_input_is_named(call, exc, words):
    from course_utils import models

    with pytest.raises(exc, match=words.replace("(", r"\(").replace(")", r"\)")):
        call(models)
