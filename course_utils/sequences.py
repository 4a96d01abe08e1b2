"""Sequence tasks with known answers, baselines, and the metrics that go with them.

Every generator returns integer token sequences (tokens 1…vocab_size; 0 is
reserved for padding) and labels, deterministic given a seed. The Keras
builders import TensorFlow only when called.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import as_binary_labels, check_fraction, check_positive_int, check_seed
from .stats import PermutationResult, permutation_test  # noqa: F401  (moved to stats; re-exported)

__all__ = [
    "first_token_task", "counting_task", "noisy_tagging_task", "bag_of_tokens",
    "bag_of_tokens_accuracy", "permutation_test", "PermutationResult", "token_accuracy",
    "sequence_accuracy", "build_lstm_classifier", "build_lstm_tagger", "PaddingSweep", "padding_sweep",
]


def _check_task(n_samples, length, vocab_size, seed, *, min_vocab=2):
    n_samples = check_positive_int(n_samples, "n_samples", minimum=2)
    length = check_positive_int(length, "length")
    vocab_size = check_positive_int(vocab_size, "vocab_size", minimum=min_vocab)
    return n_samples, length, vocab_size, np.random.default_rng(check_seed(seed))


def first_token_task(n_samples=1000, *, length=10, vocab_size=8, seed=0):
    """Is the *first* token a 1 or a 2? Needs memory and order.

    The first token is 1 or 2 (50/50); the rest are uniform over the
    vocabulary. An order-blind model only sees that one extra count, which
    helps less and less as sequences grow.

    Returns
    -------
    X : int array (n_samples, length), tokens 1…vocab_size
    y : int array (n_samples,), 1 when the first token is 1

    Examples
    --------
    >>> X, y = first_token_task(4, length=5, seed=0)
    >>> bool(np.all(y == (X[:, 0] == 1)))
    True
    """
    n_samples, length, vocab_size, rng = _check_task(n_samples, length, vocab_size, seed)
    X = rng.integers(1, vocab_size + 1, size=(n_samples, length))
    X[:, 0] = rng.choice([1, 2], size=n_samples)
    return X, (X[:, 0] == 1).astype(int)


def counting_task(n_samples=1000, *, length=10, vocab_size=8, seed=0):
    """Does token 1 occur more often than token 2? Order does not matter.

    Ties are broken by resampling the sequence, so both classes are about
    equally common and the label is a pure function of the token counts.

    Examples
    --------
    >>> X, y = counting_task(5, length=6, seed=1)
    >>> bool(np.all(y == ((X == 1).sum(1) > (X == 2).sum(1))))
    True
    """
    n_samples, length, vocab_size, rng = _check_task(n_samples, length, vocab_size, seed)
    X = rng.integers(1, vocab_size + 1, size=(n_samples, length))
    ties = (X == 1).sum(1) == (X == 2).sum(1)
    while ties.any():
        X[ties] = rng.integers(1, vocab_size + 1, size=(int(ties.sum()), length))
        ties = (X == 1).sum(1) == (X == 2).sum(1)
    return X, ((X == 1).sum(1) > (X == 2).sum(1)).astype(int)


def noisy_tagging_task(n_samples=1000, *, max_length=20, vocab_size=8, padding_fraction=0.4,
                       label_noise=0.3, seed=0):
    """A per-token labelling task with padded, variable-length sequences.

    Each real token's label is 1 when the token is in the upper half of the
    vocabulary, flipped with probability ``label_noise`` — so no model can
    exceed about ``1 - label_noise`` on real tokens. Sequences are padded at
    the end with token 0 (label 0); on average ``padding_fraction`` of the
    positions are padding.

    Returns
    -------
    X : int array (n_samples, max_length), 0 = padding
    y : int array (n_samples, max_length), 0 on padding
    mask : bool array (n_samples, max_length), True on real tokens

    Examples
    --------
    >>> X, y, mask = noisy_tagging_task(3, max_length=6, padding_fraction=0.5, seed=0)
    >>> bool(np.all(X[~mask] == 0)) and bool(np.all(y[~mask] == 0))
    True
    """
    n_samples, max_length, vocab_size, rng = _check_task(n_samples, max_length, vocab_size, seed)
    padding_fraction = check_fraction(padding_fraction, "padding_fraction", inclusive=(True, False))
    label_noise = check_fraction(label_noise, "label_noise", high=0.5, inclusive=(True, False))
    mean_length = max(1.0, (1 - padding_fraction) * max_length)
    spread = min(mean_length - 1, max_length - mean_length)
    lengths = np.clip(np.round(rng.uniform(mean_length - spread, mean_length + spread, n_samples)),
                      1, max_length).astype(int)
    mask = np.arange(max_length)[None, :] < lengths[:, None]
    X = np.where(mask, rng.integers(1, vocab_size + 1, size=(n_samples, max_length)), 0)
    clean = (X > vocab_size // 2).astype(int)
    flip = rng.random(X.shape) < label_noise
    y = np.where(mask, clean ^ flip, 0)
    return X, y, mask


def bag_of_tokens(X, *, vocab_size=None):
    """Count each token per sequence: an order-blind representation (padding 0 ignored).

    Examples
    --------
    >>> bag_of_tokens(np.array([[1, 2, 2, 0]]), vocab_size=3)
    array([[1, 2, 0]])
    """
    X = np.asarray(X)
    if X.ndim != 2 or not np.issubdtype(X.dtype, np.integer) or X.size == 0:
        raise ValueError(f"X must be a non-empty 2-D integer array of tokens, got shape {X.shape} and dtype {X.dtype}.")
    vocab_size = int(X.max()) if vocab_size is None else check_positive_int(vocab_size, "vocab_size")
    return np.stack([(X == token).sum(axis=1) for token in range(1, vocab_size + 1)], axis=1)


def bag_of_tokens_accuracy(X_train, y_train, X_test, y_test, *, vocab_size=None):
    """Test accuracy of logistic regression on token counts — the order-blind baseline.

    Examples
    --------
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
        raise ValueError(f"y_true and y_pred must be 2-D arrays of the same shape, got {y_true.shape} and {y_pred.shape}.")
    correct = y_true == y_pred
    if mask is not None:
        correct = correct | ~np.asarray(mask, dtype=bool)
    return float(correct.all(axis=1).mean())


def build_lstm_classifier(sequence_length, *, vocab_size=8, units=8, embedding_dim=8,
                          learning_rate=0.005, seed=0):
    """Embedding → LSTM → sigmoid: a small sequence classifier, compiled and seeded.

    Examples
    --------
    >>> model = build_lstm_classifier(10)  # doctest: +SKIP
    """
    from .reproducibility import import_tensorflow, set_seed

    sequence_length = check_positive_int(sequence_length, "sequence_length")
    vocab_size = check_positive_int(vocab_size, "vocab_size", minimum=2)
    units = check_positive_int(units, "units")
    set_seed(seed, tensorflow=True)
    import_tensorflow()
    import keras

    model = keras.Sequential([keras.Input((sequence_length,), dtype="int32"),
                              keras.layers.Embedding(vocab_size + 1, embedding_dim),
                              keras.layers.LSTM(units),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(keras.optimizers.Adam(learning_rate), "binary_crossentropy", metrics=["accuracy"])
    return model


def build_lstm_tagger(max_length, *, vocab_size=8, units=8, mask_zero=False, learning_rate=0.01, seed=0):
    """An LSTM that labels every position (``return_sequences=True``).

    With ``mask_zero=True`` the embedding marks token 0 as padding; Keras then
    leaves padded positions out of the loss *and* of the metrics. Compiled with
    ``metrics=["accuracy"]`` and ``weighted_metrics=["accuracy"]``: only the
    second uses a ``sample_weight`` given to ``fit``/``evaluate``.

    Examples
    --------
    >>> model = build_lstm_tagger(20, mask_zero=True)  # doctest: +SKIP
    """
    from .reproducibility import import_tensorflow, set_seed

    max_length = check_positive_int(max_length, "max_length")
    vocab_size = check_positive_int(vocab_size, "vocab_size", minimum=2)
    units = check_positive_int(units, "units")
    set_seed(seed, tensorflow=True)
    import_tensorflow()
    import keras

    model = keras.Sequential([keras.Input((max_length,), dtype="int32"),
                              keras.layers.Embedding(vocab_size + 1, 8, mask_zero=mask_zero),
                              keras.layers.LSTM(units, return_sequences=True),
                              keras.layers.Dense(1, activation="sigmoid")])
    # `metrics` ignore sample_weight; `weighted_metrics` apply it (reported as "weighted_accuracy").
    model.compile(keras.optimizers.Adam(learning_rate), "binary_crossentropy", metrics=["accuracy"],
                  weighted_metrics=["accuracy"])
    return model


@dataclass(frozen=True)
class PaddingSweep:
    """Token accuracy of one tagger at several padding fractions, with and without the mask."""

    padding_fractions: np.ndarray
    accuracy_with_padding: np.ndarray
    accuracy_real_tokens: np.ndarray

    def at(self, padding_fraction):
        """(fraction, accuracy counting padding, accuracy on real tokens) at the nearest grid point."""
        i = int(np.argmin(np.abs(self.padding_fractions - padding_fraction)))
        return (float(self.padding_fractions[i]), float(self.accuracy_with_padding[i]),
                float(self.accuracy_real_tokens[i]))


def padding_sweep(model, *, padding_fractions=(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
                  max_length=20, n_samples=300, seed=100):
    """Score a trained tagger on test sets with more and more padding.

    Runs the model once per padding fraction (inference only), so a widget
    can later look the results up instantly.

    Returns
    -------
    PaddingSweep
    """
    fractions = np.asarray(padding_fractions, dtype=float)
    with_padding, real_tokens = [], []
    for i, fraction in enumerate(fractions):
        X, y, mask = noisy_tagging_task(n_samples, max_length=max_length, padding_fraction=float(fraction),
                                        seed=seed + i)
        predicted = (np.asarray(model(X, training=False))[..., 0] > 0.5).astype(int)
        with_padding.append(token_accuracy(y, predicted))
        real_tokens.append(token_accuracy(y, predicted, mask=mask))
    return PaddingSweep(fractions, np.array(with_padding), np.array(real_tokens))
