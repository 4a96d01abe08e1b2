"""Tiny model builders. Importing this module does not import TensorFlow;
calling a Keras builder does (quietly, via :func:`import_tensorflow`).
"""

from __future__ import annotations

from ._validation import check_positive_int, check_real, check_seed
from .reproducibility import import_tensorflow, set_seed

__all__ = ["build_binary_mlp"]


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
    >>> model = build_binary_mlp(2, hidden_units=(4,))  # doctest: +SKIP
    >>> model.count_params()  # doctest: +SKIP
    17
    """
    n_features = check_positive_int(n_features, "n_features")
    try:
        units = [check_positive_int(u, "hidden_units[i]") for u in hidden_units]
    except TypeError:
        raise TypeError(f"hidden_units must be a sequence of integers, got {hidden_units!r}.") from None
    check_real(learning_rate, "learning_rate")
    if learning_rate <= 0:
        raise ValueError(f"learning_rate must be positive, got {learning_rate}.")
    set_seed(check_seed(seed), tensorflow=True)
    import_tensorflow()
    import keras

    layers = [keras.Input(shape=(n_features,))]
    layers += [keras.layers.Dense(u, activation="relu") for u in units]
    layers.append(keras.layers.Dense(1, activation="sigmoid"))
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="binary_crossentropy", metrics=["accuracy"])
    return model
