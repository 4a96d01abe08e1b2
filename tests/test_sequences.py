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


def test_permutation_test_flags_nothing_learnt_and_something_learnt():
    y = np.array([0] * 90 + [1] * 10)
    majority = sequences.permutation_test(y, np.zeros(100, int), n_permutations=500)
    assert majority.accuracy == 0.9 and majority.p_value == 1.0 and not majority.learned_something
    learnt = sequences.permutation_test(y, y.copy(), n_permutations=500)
    assert learnt.p_value < 0.01 and learnt.learned_something


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
    (lambda: sequences.permutation_test([0, 1], [0]), "y_true has 2, y_pred has 1"),
    (lambda: sequences.permutation_test([], []), "y_true must be a non-empty"),
    (lambda: sequences.token_accuracy(np.zeros((2, 3)), np.zeros((2, 4))), "same shape"),
    (lambda: sequences.token_accuracy(np.zeros((2, 3)), np.zeros((2, 3)), mask=np.zeros((2, 3), bool)), "mask selects no position"),
    (lambda: sequences.build_lstm_classifier(0), "sequence_length must be at least 1"),
])
def test_bad_input_is_named(call, words):
    with pytest.raises((ValueError, TypeError)) as raised:
        call()
    assert words in str(raised.value)


def test_padding_explorer_looks_up_precomputed_results():
    sweep = sequences.PaddingSweep(np.array([0.0, 0.2, 0.4]), np.array([0.7, 0.76, 0.82]), np.array([0.7, 0.7, 0.7]))
    explorer = widgets.padding_explorer(sweep, padding_fraction=0.0)
    assert explorer.result == (0.0, 0.7, 0.7)
    explorer.controls["padding_fraction"].value = 0.4
    assert explorer.result == (0.4, 0.82, 0.7)
    assert "0.820" in explorer.numbers.value and explorer.last_update_seconds < 1.0


def test_padding_sweep_with_a_real_tagger():
    tagger = sequences.build_lstm_tagger(10, seed=0)
    X, y, _ = sequences.noisy_tagging_task(300, max_length=10, padding_fraction=0.3, seed=0)
    tagger.fit(X, y[..., None], epochs=2, batch_size=64, verbose=0)
    sweep = sequences.padding_sweep(tagger, padding_fractions=(0.0, 0.6), max_length=10, n_samples=200)
    # with no padding both numbers agree; with much padding the unmasked one is higher
    assert sweep.accuracy_with_padding[0] == pytest.approx(sweep.accuracy_real_tokens[0])
    assert sweep.accuracy_with_padding[1] > sweep.accuracy_real_tokens[1]
