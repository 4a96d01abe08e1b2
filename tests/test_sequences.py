"""Sequence baselines, permutation test, masked metrics and the padding widget (the tasks: test_data.py)."""

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from conftest import assert_refused  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from course_utils import sequences, widgets  # noqa: E402
from course_utils.data import counting_task, first_token_task, noisy_tagging_task  # noqa: E402


def test_bag_of_tokens_solves_counting_but_not_first_token_at_length_40():
    counting = counting_task(1000, length=20, seed=0), counting_task(1000, length=20, seed=1)
    assert sequences.bag_of_tokens_accuracy(*counting[0], *counting[1]) > 0.95
    order = first_token_task(1000, length=40, seed=0), first_token_task(1000, length=40, seed=1)
    assert sequences.bag_of_tokens_accuracy(*order[0], *order[1]) < 0.7


def test_shuffle_within_sequences_keeps_counts_and_padding_and_breaks_order():
    X, _, mask = noisy_tagging_task(300, max_length=12, padding_fraction=0.3, seed=0)
    shuffled = sequences.shuffle_within_sequences(X, seed=1)
    counts = sequences.bag_of_tokens(X, vocab_size=8)
    np.testing.assert_array_equal(sequences.bag_of_tokens(shuffled, vocab_size=8), counts)
    np.testing.assert_array_equal(shuffled == 0, ~mask)  # padding stays at the end
    assert np.mean(shuffled[:, 0] != X[:, 0]) > 0.5
    np.testing.assert_array_equal(shuffled, sequences.shuffle_within_sequences(X, seed=1))
    # order-blind models cannot tell the difference; the first-token rule can
    Xf, yf = first_token_task(2000, length=10, seed=0)
    assert np.mean((sequences.shuffle_within_sequences(Xf, seed=0)[:, 0] == 1) == yf) < 0.7


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 30), st.integers(1, 12), st.integers(0, 10_000))
def test_masked_metrics_properties(n, length, seed):
    rng = np.random.default_rng(seed)
    y, pred = rng.integers(0, 2, (n, length)), rng.integers(0, 2, (n, length))
    mask = rng.random((n, length)) < 0.7
    mask[:, 0] = True
    assert sequences.token_accuracy(y, pred, mask=np.ones_like(mask)) == sequences.token_accuracy(y, pred)
    assert sequences.token_accuracy(y, pred, mask=mask) == np.mean((y == pred)[mask])
    # making padded positions wrong never changes the masked metrics
    spoiled = np.where(mask, pred, 1 - y)
    assert sequences.token_accuracy(y, spoiled, mask=mask) == sequences.token_accuracy(y, pred, mask=mask)
    assert sequences.sequence_accuracy(y, spoiled, mask=mask) == sequences.sequence_accuracy(y, pred, mask=mask)
    perfect_sequences = sequences.sequence_accuracy(y, pred, mask=mask) == 1.0
    assert perfect_sequences == (sequences.token_accuracy(y, pred, mask=mask) == 1.0)


@pytest.mark.parametrize("call, words", [
    (lambda: sequences.bag_of_tokens(np.array([0.5, 1.5])), "X must be a non-empty 2-D integer array"),
    (lambda: sequences.shuffle_within_sequences(np.array([1, 2])), "X must be a non-empty 2-D integer array"),
    (lambda: sequences.padding_sweep(None, padding_fractions=()), "padding_fractions must be a non-empty"),
    (lambda: sequences.token_accuracy(np.zeros((2, 3)), np.zeros((2, 4))), "same shape"),
    (lambda: sequences.token_accuracy(np.zeros((2, 3)), np.zeros((2, 3)), mask=np.zeros((2, 3), bool)),
     "mask selects no position"),
])
def test_bad_input_is_named(call, words):
    assert_refused(call, (ValueError, TypeError), words)


def test_padding_explorer_looks_up_precomputed_results():
    sweep = sequences.PaddingSweep(np.array([0.0, 0.2, 0.4]), np.array([0.7, 0.76, 0.82]), np.array([0.7, 0.7, 0.7]))
    explorer = widgets.padding_explorer(sweep, padding_fraction=0.0)
    assert explorer.result == sequences.PaddingPoint(0.0, 0.7, 0.7)
    explorer.controls["padding_fraction"].value = 0.4
    assert explorer.result == (0.4, 0.82, 0.7) and explorer.result.accuracy_with_padding == 0.82
    assert "0.820" in explorer.numbers.value  # latency is measured by tools/bench.py, not here


def test_padding_sweep_with_a_real_tagger():
    from course_utils.models import build_lstm

    tagger = build_lstm(10, vocab_size=8, per_step=True, learning_rate=0.01, seed=0)
    X, y, _ = noisy_tagging_task(300, max_length=10, padding_fraction=0.3, seed=0)
    tagger.fit(X, y[..., None], epochs=2, batch_size=64, verbose=0)
    sweep = sequences.padding_sweep(tagger, padding_fractions=(0.0, 0.3, 0.6), max_length=10, n_samples=200, seed=5)
    # with no padding both numbers agree; with much padding the unmasked one is higher
    assert sweep.accuracy_with_padding[0] == pytest.approx(sweep.accuracy_real_tokens[0])
    assert sweep.accuracy_with_padding[2] > sweep.accuracy_real_tokens[2]
    # the point at a fraction is the tagger scored on exactly that test set
    X3, y3, mask3 = noisy_tagging_task(200, max_length=10, padding_fraction=0.3, seed=5)
    predicted = (np.asarray(tagger(X3))[..., 0] > 0.5).astype(int)
    assert sweep.at(0.3) == sequences.PaddingPoint(
        padding_fraction=0.3, accuracy_with_padding=sequences.token_accuracy(y3, predicted),
        accuracy_real_tokens=sequences.token_accuracy(y3, predicted, mask=mask3))


def test_lstm_lab_restarts_from_the_same_weights_and_scores_word_order():
    lab = sequences.LSTMLab(units=4, seed=0)
    options = dict(n_train=200, n_test=300, epochs=2, batch_size=50)
    first = lab.run(first_token_task, 6, **options)
    lab.run(counting_task, 9, **options)  # a different run in between, another length
    again = lab.run(first_token_task, 6, **options)
    fresh = sequences.LSTMLab(units=4, seed=0).run(first_token_task, 6, **options)
    for run in (again, fresh):
        assert (run.accuracy, run.train_accuracy, run.order_shuffled_accuracy) == \
            (first.accuracy, first.train_accuracy, first.order_shuffled_accuracy)
        np.testing.assert_array_equal(run.predictions, first.predictions)
    _, y_test = first_token_task(300, length=6, seed=1)
    np.testing.assert_array_equal(first.y_test, y_test)
    assert first.majority_rate == pytest.approx(max(y_test.mean(), 1 - y_test.mean()), abs=1e-12)  # 1 - mean rounds
    assert first.accuracy == np.mean(first.predictions == y_test)
    assert first.order_drop == first.accuracy - first.order_shuffled_accuracy
    shuffled = lab.run(first_token_task, 6, shuffle_labels=True, **options)
    assert shuffled.y_test.sum() == y_test.sum() and not np.array_equal(shuffled.y_test, y_test)
    with pytest.raises(TypeError, match="task must be a task function"):
        lab.run("first_token_task", 6)
