"""Sequence tasks, baselines, permutation test, masked metrics and the padding widget."""

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from course_utils import sequences, widgets  # noqa: E402


@pytest.mark.parametrize("task", [sequences.first_token_task, sequences.counting_task])
def test_tasks_are_deterministic_and_balanced(task):
    X1, y1 = task(2000, length=12, seed=3)
    X2, y2 = task(2000, length=12, seed=3)
    np.testing.assert_array_equal(X1, X2)
    assert X1.min() >= 1 and X1.max() <= 8 and abs(y1.mean() - 0.5) < 0.05
    assert not np.array_equal(X1, task(2000, length=12, seed=4)[0])


def test_labels_follow_the_rules():
    X, y = sequences.first_token_task(500, length=7, seed=0)
    np.testing.assert_array_equal(y, X[:, 0] == 1)
    X, y = sequences.counting_task(500, length=7, seed=0)
    np.testing.assert_array_equal(y, (X == 1).sum(1) > (X == 2).sum(1))


def test_bag_of_tokens_solves_counting_but_not_first_token_at_length_40():
    counting = sequences.counting_task(1000, length=20, seed=0), sequences.counting_task(1000, length=20, seed=1)
    assert sequences.bag_of_tokens_accuracy(*counting[0], *counting[1]) > 0.95
    order = sequences.first_token_task(1000, length=40, seed=0), sequences.first_token_task(1000, length=40, seed=1)
    assert sequences.bag_of_tokens_accuracy(*order[0], *order[1]) < 0.7


def test_tagging_task_padding_and_noise():
    X, y, mask = sequences.noisy_tagging_task(2000, max_length=20, padding_fraction=0.4, label_noise=0.3, seed=0)
    assert abs((1 - mask.mean()) - 0.4) < 0.05
    assert np.all(X[~mask] == 0) and np.all(X[mask] > 0) and np.all(y[~mask] == 0)
    clean = (X > 4).astype(int)
    assert abs(np.mean(clean[mask] == y[mask]) - 0.7) < 0.02  # the label-noise ceiling
    assert np.all(mask[:, 0])  # every sequence has at least one real token


def test_first_token_task_positive_share():
    X, y = sequences.first_token_task(4000, length=6, positive_share=0.1, seed=0)
    assert abs(y.mean() - 0.1) < 0.02 and set(np.unique(X[:, 0])) == {1, 2}
    np.testing.assert_array_equal(y, X[:, 0] == 1)
    # the balanced default keeps its data: the same draws as an explicit 0.5
    X_default, _ = sequences.first_token_task(50, length=6, seed=3)
    np.testing.assert_array_equal(X_default, sequences.first_token_task(50, length=6, positive_share=0.5, seed=3)[0])


def test_shuffle_within_sequences_keeps_counts_and_padding_and_breaks_order():
    X, _, mask = sequences.noisy_tagging_task(300, max_length=12, padding_fraction=0.3, seed=0)
    shuffled = sequences.shuffle_within_sequences(X, seed=1)
    counts = sequences.bag_of_tokens(X, vocab_size=8)
    np.testing.assert_array_equal(sequences.bag_of_tokens(shuffled, vocab_size=8), counts)
    np.testing.assert_array_equal(shuffled == 0, ~mask)  # padding stays at the end
    assert np.mean(shuffled[:, 0] != X[:, 0]) > 0.5
    np.testing.assert_array_equal(shuffled, sequences.shuffle_within_sequences(X, seed=1))
    # order-blind models cannot tell the difference; the first-token rule can
    Xf, yf = sequences.first_token_task(2000, length=10, seed=0)
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
    (lambda: sequences.first_token_task(10, length=0), "length must be at least 1"),
    (lambda: sequences.counting_task(10, vocab_size=1), "vocab_size must be at least 2"),
    (lambda: sequences.noisy_tagging_task(10, padding_fraction=1.0), "padding_fraction"),
    (lambda: sequences.noisy_tagging_task(10, label_noise=0.6), "label_noise"),
    (lambda: sequences.bag_of_tokens(np.array([0.5, 1.5])), "X must be a non-empty 2-D integer array"),
    (lambda: sequences.first_token_task(10, positive_share=1.0), "positive_share must be in (0, 1)"),
    (lambda: sequences.shuffle_within_sequences(np.array([1, 2])), "X must be a non-empty 2-D integer array"),
    (lambda: sequences.padding_sweep(None, padding_fractions=()), "padding_fractions must be a non-empty"),
    (lambda: sequences.token_accuracy(np.zeros((2, 3)), np.zeros((2, 4))), "same shape"),
    (lambda: sequences.token_accuracy(np.zeros((2, 3)), np.zeros((2, 3)), mask=np.zeros((2, 3), bool)),
     "mask selects no position"),
])
def test_bad_input_is_named(call, words):
    with pytest.raises((ValueError, TypeError)) as raised:
        call()
    assert words in str(raised.value)


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
    X, y, _ = sequences.noisy_tagging_task(300, max_length=10, padding_fraction=0.3, seed=0)
    tagger.fit(X, y[..., None], epochs=2, batch_size=64, verbose=0)
    sweep = sequences.padding_sweep(tagger, padding_fractions=(0.0, 0.3, 0.6), max_length=10, n_samples=200, seed=5)
    # with no padding both numbers agree; with much padding the unmasked one is higher
    assert sweep.accuracy_with_padding[0] == pytest.approx(sweep.accuracy_real_tokens[0])
    assert sweep.accuracy_with_padding[2] > sweep.accuracy_real_tokens[2]
    # the point at a fraction is the tagger scored on exactly that test set
    X3, y3, mask3 = sequences.noisy_tagging_task(200, max_length=10, padding_fraction=0.3, seed=5)
    predicted = (np.asarray(tagger(X3))[..., 0] > 0.5).astype(int)
    assert sweep.at(0.3) == (0.3, sequences.token_accuracy(y3, predicted),
                             sequences.token_accuracy(y3, predicted, mask=mask3))


def test_lstm_lab_restarts_from_the_same_weights_and_scores_word_order():
    lab = sequences.LSTMLab(units=4, seed=0)
    options = dict(n_train=200, n_test=300, epochs=2, batch_size=50)
    first = lab.run(sequences.first_token_task, 6, **options)
    lab.run(sequences.counting_task, 9, **options)  # a different run in between, another length
    again = lab.run(sequences.first_token_task, 6, **options)
    fresh = sequences.LSTMLab(units=4, seed=0).run(sequences.first_token_task, 6, **options)
    for run in (again, fresh):
        assert (run.accuracy, run.train_accuracy, run.order_shuffled_accuracy) == \
            (first.accuracy, first.train_accuracy, first.order_shuffled_accuracy)
        np.testing.assert_array_equal(run.predictions, first.predictions)
    _, y_test = sequences.first_token_task(300, length=6, seed=1)
    np.testing.assert_array_equal(first.y_test, y_test)
    assert first.majority_rate == max(y_test.mean(), 1 - y_test.mean())
    assert first.accuracy == np.mean(first.predictions == y_test)
    assert first.order_drop == first.accuracy - first.order_shuffled_accuracy
    shuffled = lab.run(sequences.first_token_task, 6, shuffle_labels=True, **options)
    assert shuffled.y_test.sum() == y_test.sum() and not np.array_equal(shuffled.y_test, y_test)
    with pytest.raises(TypeError, match="task must be a task function"):
        lab.run("first_token_task", 6)
