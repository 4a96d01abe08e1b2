"""Small Keras models: builders, a fresh restart, and the ordinary one-``fit``-per-seed loop.

Importing this module does not import TensorFlow; calling a function here
does (quietly, via :func:`course_utils.reproducibility.import_tensorflow`).
Every builder seeds Python, NumPy and TensorFlow and turns on op determinism,
so the same call builds, and trains, the same model.
"""

from __future__ import annotations

import numpy as np

from .._validation import check_positive_int, check_positive_real, check_seed
from ..reproducibility import import_tensorflow, set_seed
from ._inputs import check_seeds, check_train_test

__all__ = ["build_binary_mlp", "build_lstm", "restart_training", "article_network", "train_keras_loop"]


def _seeded_keras(seed):
    """Seed everything (TensorFlow included) and return the ``keras`` module."""
    set_seed(check_seed(seed), tensorflow=True)
    import_tensorflow()
    import keras

    return keras


def build_binary_mlp(n_features, *, hidden_units=(8,), learning_rate=0.01, seed=0):
    """A small Keras MLP for binary classification, compiled and seeded.

    Sigmoid output, binary cross-entropy loss, Adam, and Keras' ``accuracy``
    metric (threshold 0.5) — the set-up most tutorials use.

    Parameters
    ----------
    n_features : int
        Number of input columns.
    hidden_units : sequence of int
        Width of each hidden ReLU layer; ``()`` gives logistic regression.
    learning_rate : float
        Adam's learning rate.
    seed : int
        Seeds Python, NumPy and TensorFlow (weights and shuffling) and turns
        on op determinism, so the same call trains the same model.

    Returns
    -------
    keras.Model

    Examples
    --------
    >>> model = build_binary_mlp(2, hidden_units=(4,))
    >>> model.count_params()  # 2*4 + 4 weights and biases into the hidden layer, 4 + 1 into the output
    17
    """
    n_features = check_positive_int(n_features, "n_features")
    try:
        units = [check_positive_int(u, "hidden_units[i]") for u in hidden_units]
    except TypeError:
        raise TypeError(f"hidden_units must be a sequence of integers, got {hidden_units!r}.") from None
    learning_rate = check_positive_real(learning_rate, "learning_rate")
    keras = _seeded_keras(seed)

    layers = [keras.Input(shape=(n_features,))]
    layers += [keras.layers.Dense(u, activation="relu") for u in units]
    layers.append(keras.layers.Dense(1, activation="sigmoid"))
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="binary_crossentropy", metrics=["accuracy"])
    return model


def build_lstm(sequence_length=None, *, vocab_size=None, n_features=1, embedding_dim=8, units=8,
               per_step=False, mask_zero=False, learning_rate=0.005, seed=0):
    """A small Keras LSTM for binary labels — per sequence or per position — compiled and seeded.

    One builder for every LSTM in the course: the inputs are token ids
    (``vocab_size`` given: ``Embedding`` → LSTM) or real-valued features
    (``n_features`` per step, as in the LSTM-accuracy article's examples).

    Parameters
    ----------
    sequence_length : int or None
        Steps per sequence; ``None`` accepts any length (one model, and one
        traced training step, for several lengths).
    vocab_size : int or None
        Tokens are 1 … vocab_size, 0 is padding. ``None``: real-valued inputs.
    n_features : int
        Values per step when ``vocab_size`` is None.
    embedding_dim : int
        Width of the token embedding.
    units : int or sequence of int
        LSTM width; several values stack LSTM layers.
    per_step : bool
        Label every position (``return_sequences=True``) instead of the
        whole sequence. Then compiled with ``metrics=["accuracy"]`` *and*
        ``weighted_metrics=["accuracy"]``: only the second uses a
        ``sample_weight`` passed to ``fit``/``evaluate`` (reported as
        ``weighted_accuracy``).
    mask_zero : bool
        Let the embedding mark token 0 as padding; Keras then leaves padded
        positions out of the loss *and* of every metric. Needs ``vocab_size``.
    learning_rate : float
        Adam's learning rate.
    seed : int
        Seeds Python, NumPy and TensorFlow and turns on op determinism.

    Returns
    -------
    keras.Model
        Sigmoid output, binary cross-entropy, Adam, ``accuracy`` at threshold 0.5.

    Examples
    --------
    >>> model = build_lstm(10, vocab_size=8, units=4)
    >>> model.count_params()  # embedding 9*8, LSTM 4*(8+4+1)*4, dense 4+1
    285
    """
    if sequence_length is not None:
        sequence_length = check_positive_int(sequence_length, "sequence_length")
    try:
        widths = [check_positive_int(units, "units")] if not hasattr(units, "__iter__") else \
            [check_positive_int(u, "units[i]") for u in units]
    except TypeError:
        raise TypeError(f"units must be an integer or a sequence of integers, got {units!r}.") from None
    if not widths:
        raise ValueError("units must name at least one LSTM layer, got an empty sequence.")
    if vocab_size is None:
        if mask_zero:
            raise ValueError("mask_zero=True needs token inputs: pass vocab_size.")
        n_features = check_positive_int(n_features, "n_features")
    else:
        vocab_size = check_positive_int(vocab_size, "vocab_size", minimum=2)
        embedding_dim = check_positive_int(embedding_dim, "embedding_dim")
    learning_rate = check_positive_real(learning_rate, "learning_rate")
    keras = _seeded_keras(seed)

    if vocab_size is None:
        inputs = [keras.Input((sequence_length, n_features))]
    else:
        inputs = [keras.Input((sequence_length,), dtype="int32"),
                  keras.layers.Embedding(vocab_size + 1, embedding_dim, mask_zero=mask_zero)]
    recurrent = [keras.layers.LSTM(width, return_sequences=per_step or i < len(widths) - 1)
                 for i, width in enumerate(widths)]
    model = keras.Sequential(inputs + recurrent + [keras.layers.Dense(1, activation="sigmoid")])
    extra = {"weighted_metrics": ["accuracy"]} if per_step else {}
    model.compile(keras.optimizers.Adam(learning_rate), "binary_crossentropy", metrics=["accuracy"], **extra)
    return model


def restart_training(model, initial_weights, *, learning_rate=None, seed=0):
    """Put a compiled model back to ``initial_weights`` with a fresh optimizer, ready to train again.

    The same as building the model anew with the same seed — same weights,
    zeroed Adam moments and step count, re-seeded shuffling — except that
    Keras keeps the training step it has already traced, which saves a few
    seconds per run on a small model.

    Parameters
    ----------
    model : keras.Model
        Compiled; its weights are overwritten.
    initial_weights : list of arrays
        ``model.get_weights()`` taken right after building.
    learning_rate : float or None
        A new learning rate for the optimizer; ``None`` keeps the current one.
    seed : int
        Re-seeds Python, NumPy and TensorFlow (the order ``fit`` shuffles in).

    Returns
    -------
    keras.Model
        ``model`` itself.

    Examples
    --------
    >>> import numpy as np
    >>> model = build_lstm(5, vocab_size=4, units=2)
    >>> start = model.get_weights()
    >>> history = model.fit(np.ones((8, 5), "int32"), np.ones(8), epochs=1, verbose=0)
    >>> model = restart_training(model, start, learning_rate=0.01)
    >>> int(model.optimizer.iterations.numpy()), all((a == b).all() for a, b in zip(start, model.get_weights()))
    (0, True)
    """
    seed = check_seed(seed)
    if learning_rate is not None:
        learning_rate = check_positive_real(learning_rate, "learning_rate")
    try:
        model.set_weights(initial_weights)
    except ValueError as error:
        raise ValueError(f"initial_weights must be this model's get_weights() from right after "
                         f"building: {error}") from None
    optimizer = model.optimizer
    learning_rate_variable = optimizer._learning_rate
    for variable in optimizer.variables:
        if variable is not learning_rate_variable:
            variable.assign(np.zeros(variable.shape, dtype=variable.dtype))
    if learning_rate is not None:
        optimizer.learning_rate = float(learning_rate)
    set_seed(seed, tensorflow=True)
    return model


def article_network(*, n_features=10, learning_rate=0.001, seed=0):
    """The Keras network of the article "Why are accuracy and loss metrics producing unexpected results?".

    Compiled as published: Dense(64, relu) → Dense(1, sigmoid), Adam, binary
    cross-entropy, ``accuracy``. :func:`course_utils.per_class.article_examples`
    trains it on the article's three examples.

    Parameters
    ----------
    n_features : int
        Number of input columns (the article: 10).
    learning_rate : float
        Adam's learning rate (the article used the default, 0.001).
    seed : int
        Seeds Python, NumPy and TensorFlow first (the article did not) and
        turns on op determinism.

    Returns
    -------
    keras.Sequential
        Compiled, untrained.

    Examples
    --------
    >>> article_network().count_params()  # 10*64 + 64 into the hidden layer, 64 + 1 into the output
    769
    """
    n_features = check_positive_int(n_features, "n_features")
    learning_rate = check_positive_real(learning_rate, "learning_rate")
    keras = _seeded_keras(seed)
    model = keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(64, activation="relu"),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def train_keras_loop(X_train, y_train, X_test, y_test, *, seeds, hidden_units=32, epochs=20,
                     batch_size=32, learning_rate=1e-3, n_classes=None):
    """The ordinary way: one Keras model and one ``fit`` call per seed.

    The same architecture and training as
    :func:`course_utils.models.train_mlp_ensemble` — Dense(hidden_units, relu)
    → Dense(n_classes) logits, sparse categorical cross-entropy, Adam,
    shuffled mini-batches; used to check that the batched engine is
    statistically equivalent, and as the baseline of its speed benchmark.

    Parameters
    ----------
    X_train : array of shape (n, d)
    y_train : int array of shape (n,)
        Class indices 0, 1, 2, …
    X_test, y_test : likewise, for the test set
    seeds : sequence of int
        One model per seed; each seeds Python, NumPy and TensorFlow.
    hidden_units : int
        Width of the hidden ReLU layer.
    epochs, batch_size, learning_rate :
        As in Keras ``fit`` with ``Adam(learning_rate)``.
    n_classes : int, optional
        Number of classes (default: largest label + 1).

    Returns
    -------
    ndarray of shape (len(seeds),)
        Test accuracy of each seed's model.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> X, y = rng.random((40, 3)), rng.integers(0, 2, 40)
    >>> train_keras_loop(X, y, X, y, seeds=[0, 1], hidden_units=4, epochs=1).shape
    (2,)
    """
    seeds = check_seeds(seeds, "seeds")
    hidden_units = check_positive_int(hidden_units, "hidden_units")
    epochs = check_positive_int(epochs, "epochs")
    batch_size = check_positive_int(batch_size, "batch_size")
    learning_rate = check_positive_real(learning_rate, "learning_rate")
    Xtr, ytr, Xte, yte, n_classes = check_train_test(X_train, y_train, X_test, y_test, n_classes=n_classes)
    Xtr, ytr, Xte, yte = Xtr[0], ytr[0], Xte[0], yte[0]
    accuracies = []
    for seed in seeds:
        keras = _seeded_keras(int(seed))
        model = keras.Sequential([keras.Input((Xtr.shape[1],)),
                                  keras.layers.Dense(hidden_units, activation="relu"),
                                  keras.layers.Dense(n_classes)])
        model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        model.fit(Xtr, ytr, epochs=epochs, batch_size=batch_size, shuffle=True, verbose=0)
        predictions = np.argmax(model.predict(Xte, verbose=0, batch_size=1024), axis=1)
        accuracies.append(float(np.mean(predictions == yte)))
    return np.asarray(accuracies)
