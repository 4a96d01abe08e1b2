"""Sequence models' baselines, metrics and experiments, on the tasks of :mod:`course_utils.data.sequences`.

The tasks (``first_token_task``, ``counting_task``, ``noisy_tagging_task``)
return integer token sequences (tokens 1…vocab_size; 0 is reserved for
padding) and labels, deterministic given a seed. The models come from
:mod:`course_utils.models`; TensorFlow is imported only when one is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ._validation import check_positive_int, check_seed
from .data import noisy_tagging_task
from .metrics import majority_rate

__all__ = [
    "bag_of_tokens", "bag_of_tokens_accuracy", "token_accuracy",
    "sequence_accuracy", "shuffle_within_sequences", "LSTMLab", "LSTMRun", "PaddingPoint", "PaddingSweep",
    "padding_sweep",
]


def _check_tokens(X):
    X = np.asarray(X)
    if X.ndim != 2 or not np.issubdtype(X.dtype, np.integer) or X.size == 0:
        raise ValueError(f"X must be a non-empty 2-D integer array of tokens, got shape {X.shape} and dtype {X.dtype}.")
    return X


def bag_of_tokens(X, *, vocab_size=None):
    """Count each token per sequence: an order-blind representation (padding 0 ignored).

    Examples
    --------
    >>> bag_of_tokens(np.array([[1, 2, 2, 0]]), vocab_size=3)
    array([[1, 2, 0]])
    """
    X = _check_tokens(X)
    vocab_size = int(X.max()) if vocab_size is None else check_positive_int(vocab_size, "vocab_size")
    return np.stack([(X == token).sum(axis=1) for token in range(1, vocab_size + 1)], axis=1)


def bag_of_tokens_accuracy(X_train, y_train, X_test, y_test, *, vocab_size=None):
    """Test accuracy of logistic regression on token counts — the order-blind baseline.

    Examples
    --------
    >>> from course_utils.data import counting_task
    >>> X, y = counting_task(600, length=10, seed=0)
    >>> bag_of_tokens_accuracy(X[:400], y[:400], X[400:], y[400:]) > 0.95
    True
    """
    from sklearn.linear_model import LogisticRegression

    vocab_size = vocab_size or int(max(np.max(X_train), np.max(X_test)))
    model = LogisticRegression(max_iter=1000)
    model.fit(bag_of_tokens(X_train, vocab_size=vocab_size), y_train)
    return float(model.score(bag_of_tokens(X_test, vocab_size=vocab_size), y_test))


def token_accuracy(y_true, y_pred, *, mask=None):
    """Share of correctly labelled positions; with ``mask``, only where mask is True.

    Examples
    --------
    >>> y, pred = np.array([[1, 0, 0]]), np.array([[0, 0, 0]])
    >>> token_accuracy(y, pred), token_accuracy(y, pred, mask=np.array([[True, False, False]]))
    (0.6666666666666666, 0.0)
    """
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.ndim != 2:
        raise ValueError(f"y_true and y_pred must be 2-D arrays of the same shape (sequences x steps), "
                         f"got {y_true.shape} and {y_pred.shape}.")
    correct = y_true == y_pred
    if mask is None:
        return float(correct.mean())
    mask = np.asarray(mask, dtype=bool)
    if mask.shape != y_true.shape:
        raise ValueError(f"mask must have the shape of y_true {y_true.shape}, got {mask.shape}.")
    if not mask.any():
        raise ValueError("mask selects no position; nothing to score.")
    return float(correct[mask].mean())


def sequence_accuracy(y_true, y_pred, *, mask=None):
    """Share of sequences whose every (real) position is labelled correctly.

    Examples
    --------
    >>> sequence_accuracy(np.array([[1, 0], [1, 1]]), np.array([[1, 0], [1, 0]]))
    0.5
    """
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.ndim != 2:
        raise ValueError(f"y_true and y_pred must be 2-D arrays of the same shape, "
                         f"got {y_true.shape} and {y_pred.shape}.")
    correct = y_true == y_pred
    if mask is not None:
        correct = correct | ~np.asarray(mask, dtype=bool)
    return float(correct.all(axis=1).mean())


def shuffle_within_sequences(X, *, seed=0):
    """Shuffle the tokens inside each sequence; padding (0) stays at the end.

    Keeps every sequence's token counts and destroys its order: re-scoring
    a trained model on the result shows how much it relies on order.

    Examples
    --------
    >>> X = np.array([[1, 2, 3, 0], [4, 5, 6, 7]])
    >>> shuffled = shuffle_within_sequences(X, seed=0)
    >>> bool(np.array_equal(np.sort(shuffled, axis=1), np.sort(X, axis=1))), bool(shuffled[0, 3] == 0)
    (True, True)
    """
    X = _check_tokens(X)
    keys = np.random.default_rng(check_seed(seed)).random(X.shape)
    keys[X == 0] = 2.0  # after every real token
    return np.take_along_axis(X, np.argsort(keys, axis=1, kind="stable"), axis=1)


@dataclass(frozen=True)
class LSTMRun:
    """One training run of :class:`LSTMLab`: what the trained model scores, and on what.

    Attributes
    ----------
    task : str
        Name of the task function.
    length : int
    accuracy : float
        On the test sequences.
    train_accuracy : float
        On the training sequences, after training.
    majority_rate : float
        Share of the commoner class in the test labels — what "always predict it" scores.
    order_shuffled_accuracy : float
        The same trained model on the test sequences with their tokens
        shuffled inside each sequence (labels unchanged): order destroyed,
        counts kept.
    predictions : int ndarray
        Test predictions (threshold 0.5).
    y_test : int ndarray
        Test labels.

    Examples
    --------
    :meth:`LSTMLab.run` returns one (it trains); the fields on their own:

    >>> run = LSTMRun(task="first_token_task", length=10, accuracy=0.95, train_accuracy=0.97, majority_rate=0.5,
    ...               order_shuffled_accuracy=0.6, predictions=np.array([1, 0]), y_test=np.array([1, 0]))
    >>> round(run.order_drop, 2)
    0.35
    """

    task: str
    length: int
    accuracy: float
    train_accuracy: float
    majority_rate: float
    order_shuffled_accuracy: float
    predictions: np.ndarray = field(repr=False)
    y_test: np.ndarray = field(repr=False)

    @property
    def order_drop(self):
        """How much accuracy shuffling the tokens costs: the model's use of order."""
        return self.accuracy - self.order_shuffled_accuracy


class LSTMLab:
    """One small LSTM classifier over tokens, retrained from the same start for every run.

    Building a Keras model and tracing its training step costs seconds; three
    epochs on 1,000 short sequences cost a fraction of that. The lab builds
    one model that accepts any sequence length (:func:`course_utils.models.build_lstm`)
    and restarts it for each run (:func:`course_utils.models.restart_training`):
    every run starts from the same initial weights with a fresh optimizer,
    exactly as if the model had been built anew with the same seed.

    Parameters
    ----------
    units : int
        LSTM width.
    vocab_size, embedding_dim : int
        Tokens 1 … vocab_size and their embedding width.
    learning_rate : float
        Adam's default learning rate for :meth:`run`.
    seed : int
        Initial weights and the order ``fit`` shuffles in.

    Examples
    --------
    >>> lab = LSTMLab(units=8)  # doctest: +SKIP
    >>> run = lab.run(first_token_task, 10)  # doctest: +SKIP
    >>> run.accuracy > 0.9, run.order_drop > 0.3  # doctest: +SKIP
    (True, True)
    """

    def __init__(self, *, units=8, vocab_size=8, embedding_dim=8, learning_rate=0.005, seed=0):
        from .models import build_lstm

        self.vocab_size = check_positive_int(vocab_size, "vocab_size", minimum=2)
        self.learning_rate = learning_rate
        self.seed = check_seed(seed)
        self.model = build_lstm(None, vocab_size=vocab_size, embedding_dim=embedding_dim, units=units,
                                learning_rate=learning_rate, seed=seed)
        self._initial_weights = [w.copy() for w in self.model.get_weights()]

    def _predict(self, X):
        return (np.asarray(self.model(X, training=False))[:, 0] > 0.5).astype(int)

    def run(self, task, length, *, n_train=1000, n_test=1000, epochs=3, batch_size=64, learning_rate=None,
            shuffle_labels=False, class_weight=None, data_seed=0):
        """Train on ``task(n_train, length=length, seed=data_seed)``; score on a fresh test set.

        Parameters
        ----------
        task : callable
            A task such as :func:`course_utils.data.first_token_task` or
            :func:`course_utils.data.counting_task`.
        length : int
        n_train, n_test, epochs, batch_size : int
        learning_rate : float or None
            ``None``: the lab's learning rate.
        shuffle_labels : bool
            Permute the training and the test labels (independently): the
            null run, where labels have nothing to do with the inputs.
        class_weight : dict or None
            Passed to ``fit``, e.g. ``{0: 1.0, 1: 9.0}``.
        data_seed : int
            Training data from ``data_seed``, test data from ``data_seed + 1``.

        Returns
        -------
        LSTMRun
        """
        from .models import restart_training

        if not callable(task):
            raise TypeError(f"task must be a task function such as first_token_task, got {type(task).__name__}.")
        length = check_positive_int(length, "length")
        epochs = check_positive_int(epochs, "epochs")
        batch_size = check_positive_int(batch_size, "batch_size")
        data_seed = check_seed(data_seed, "data_seed")
        X_train, y_train = task(n_train, length=length, vocab_size=self.vocab_size, seed=data_seed)
        X_test, y_test = task(n_test, length=length, vocab_size=self.vocab_size, seed=data_seed + 1)
        if shuffle_labels:
            rng = np.random.default_rng(data_seed)
            y_train, y_test = rng.permutation(y_train), rng.permutation(y_test)
        restart_training(self.model, self._initial_weights,
                         learning_rate=self.learning_rate if learning_rate is None else learning_rate,
                         seed=self.seed)
        self.model.fit(X_train, y_train, epochs=epochs, batch_size=batch_size, class_weight=class_weight,
                       verbose=0)
        predictions = self._predict(X_test)
        shuffled = self._predict(shuffle_within_sequences(X_test, seed=data_seed))
        return LSTMRun(task=getattr(task, "__name__", "task"), length=length,
                       accuracy=float(np.mean(predictions == y_test)),
                       train_accuracy=float(np.mean(self._predict(X_train) == y_train)),
                       majority_rate=majority_rate(y_test),
                       order_shuffled_accuracy=float(np.mean(shuffled == y_test)),
                       predictions=predictions, y_test=y_test)


class PaddingPoint(NamedTuple):
    """One point of a :class:`PaddingSweep`.

    Examples
    --------
    >>> point = PaddingPoint(padding_fraction=0.5, accuracy_with_padding=0.95, accuracy_real_tokens=0.9)
    >>> round(point.accuracy_with_padding - point.accuracy_real_tokens, 2)
    0.05
    """

    padding_fraction: float
    accuracy_with_padding: float
    accuracy_real_tokens: float


@dataclass(frozen=True)
class PaddingSweep:
    """Token accuracy of one tagger at several padding fractions, counting padding and not.

    :func:`padding_sweep` computes one from a trained tagger.

    Examples
    --------
    >>> sweep = PaddingSweep(padding_fractions=np.array([0.0, 0.5]), accuracy_with_padding=np.array([0.8, 0.9]),
    ...                      accuracy_real_tokens=np.array([0.8, 0.8]))
    >>> sweep.at(0.45)
    PaddingPoint(padding_fraction=0.5, accuracy_with_padding=0.9, accuracy_real_tokens=0.8)
    """

    padding_fractions: np.ndarray
    accuracy_with_padding: np.ndarray
    accuracy_real_tokens: np.ndarray

    def at(self, padding_fraction):
        """The :class:`PaddingPoint` at the grid fraction nearest to ``padding_fraction``."""
        i = int(np.argmin(np.abs(self.padding_fractions - padding_fraction)))
        return PaddingPoint(float(self.padding_fractions[i]), float(self.accuracy_with_padding[i]),
                            float(self.accuracy_real_tokens[i]))


def padding_sweep(model, *, padding_fractions=(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
                  max_length=20, n_samples=500, seed=1):
    """Score a trained tagger on test sets with more and more padding.

    Every test set is ``noisy_tagging_task(n_samples, max_length=max_length,
    padding_fraction=f, seed=seed)``: the same random draws, cut to other
    lengths, so the curves differ only by padding — and the point at the
    fraction a notebook evaluated on reproduces that evaluation. Runs the
    model once per fraction (inference only), so a widget can later look the
    results up instantly.

    Returns
    -------
    PaddingSweep

    Examples
    --------
    >>> sweep = padding_sweep(tagger, padding_fractions=(0.0, 0.5))  # doctest: +SKIP
    >>> sweep.at(0.5).accuracy_with_padding > sweep.at(0.5).accuracy_real_tokens  # doctest: +SKIP
    True
    """
    fractions = np.asarray(padding_fractions, dtype=float)
    if fractions.ndim != 1 or fractions.size == 0:
        raise ValueError(f"padding_fractions must be a non-empty 1-D sequence, got shape {fractions.shape}.")
    with_padding, real_tokens = [], []
    for fraction in fractions:
        X, y, mask = noisy_tagging_task(n_samples, max_length=max_length, padding_fraction=float(fraction),
                                        seed=seed)
        predicted = (np.asarray(model(X, training=False))[..., 0] > 0.5).astype(int)
        with_padding.append(token_accuracy(y, predicted))
        real_tokens.append(token_accuracy(y, predicted, mask=mask))
    return PaddingSweep(fractions, np.array(with_padding), np.array(real_tokens))
