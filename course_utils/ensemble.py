"""Train many seeds of a small MLP at once, as one batched ensemble.

A loop over ``model.fit`` for 20 seeds spends most of its time in Python and
Keras overhead on tiny matrices. Here the E members' weights carry a leading
member axis — kernels of shape ``(E, inputs, outputs)`` applied with
``einsum`` — so one step trains every member. Each member has its own
initialisation seed, its own shuffle order and (optionally) its own
train/test split; the loss is the *sum* of the members' mean losses, so each
member's gradient is exactly the gradient of its own loss, and Adam's
element-wise update keeps the members independent.

The architecture and training mimic this Keras model, which
:func:`train_keras_loop` trains one seed at a time for comparison::

    keras.Sequential([keras.Input((d,)), Dense(h, "relu"), Dense(k)])  # logits
    compile(Adam(learning_rate), SparseCategoricalCrossentropy(from_logits=True))
    fit(X, y, epochs=..., batch_size=..., shuffle=True)

TensorFlow is imported only when a function here is called.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import check_positive_int, check_real, check_seed
from .reproducibility import import_tensorflow
from .stats import spread

__all__ = ["EnsembleResult", "train_mlp_ensemble", "train_keras_loop"]


@dataclass(frozen=True)
class EnsembleResult:
    """Per-member results of one ensemble run (arrays have one row per member).

    Attributes
    ----------
    init_seeds, shuffle_seeds : ndarray of int, shape (E,)
    test_accuracy : ndarray, shape (E,)
    train_accuracy : ndarray, shape (E,)
    test_predictions : ndarray of int, shape (E, n_test)
        Predicted class of every test sample, for paired comparisons.
    epoch_loss : ndarray, shape (E, epochs)
        Mean training loss of each epoch.
    """

    init_seeds: np.ndarray
    shuffle_seeds: np.ndarray
    test_accuracy: np.ndarray
    train_accuracy: np.ndarray
    test_predictions: np.ndarray
    epoch_loss: np.ndarray

    @property
    def n_members(self):
        return int(self.test_accuracy.size)

    def summary(self, *, decimals=3):
        """Mean, standard deviation (ddof=1), min, max and range of the test accuracy."""
        return spread(self.test_accuracy, decimals=decimals)


def _per_member(array, name, n_members, *, ndim):
    """Return ``array`` with a leading member axis: shared arrays are broadcast."""
    array = np.asarray(array)
    if array.ndim == ndim:
        return np.broadcast_to(array, (n_members, *array.shape))
    if array.ndim == ndim + 1:
        if array.shape[0] != n_members:
            raise ValueError(f"{name} has {array.shape[0]} member slices, expected n_members={n_members}.")
        return array
    raise ValueError(f"{name} must have {ndim} dimensions (shared by all members) or {ndim + 1} "
                     f"(one slice per member), got shape {array.shape}.")


def _check_data(X, y, name_x, name_y, n_members):
    X = _per_member(X, name_x, n_members, ndim=2)
    y = _per_member(y, name_y, n_members, ndim=1)
    if not np.issubdtype(X.dtype, np.number) or not np.all(np.isfinite(X)):
        raise ValueError(f"{name_x} must hold finite numbers.")
    if X.shape[1] == 0:
        raise ValueError(f"{name_x} is empty.")
    if X.shape[:2] != y.shape:
        raise ValueError(f"{name_x} has {X.shape[1]} rows per member but {name_y} has {y.shape[1]} labels.")
    if not np.issubdtype(y.dtype, np.integer) or y.min() < 0:
        raise ValueError(f"{name_y} must hold class indices 0, 1, 2, … (integers).")
    return X.astype(np.float32), y.astype(np.int32)


def _seeds(seeds, name, n_members):
    if seeds is None:
        return np.arange(n_members)
    seeds = np.asarray(seeds)
    if seeds.shape != (n_members,) or not np.issubdtype(seeds.dtype, np.integer) or np.any(seeds < 0):
        raise ValueError(f"{name} must be {n_members} non-negative integers (one per member), got {seeds!r}.")
    return seeds


def _glorot(rng, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(np.float32)


def train_mlp_ensemble(X_train, y_train, X_test, y_test, *, n_members=20, hidden_units=32,
                       epochs=20, batch_size=32, learning_rate=1e-3, init_seeds=None,
                       shuffle_seeds=None, n_classes=None):
    """Train ``n_members`` independent one-hidden-layer MLPs in one batched model.

    Parameters
    ----------
    X_train : array of shape (n, d), or (E, n, d) for one training set per member
    y_train : int array of shape (n,) or (E, n)
    X_test, y_test : likewise, for the test sets
    n_members : int
        E, the number of independent models.
    hidden_units : int
        Width of the hidden ReLU layer.
    epochs, batch_size, learning_rate :
        As in Keras ``fit`` with ``Adam(learning_rate)``.
    init_seeds : sequence of E ints, optional
        Seed of each member's Glorot-uniform initialisation (default 0…E-1).
    shuffle_seeds : sequence of E ints, optional
        Seed of each member's per-epoch shuffle order (default: ``init_seeds``).
        Give all members the same value to remove data-order variation.
    n_classes : int, optional
        Number of classes (default: largest label + 1).

    Returns
    -------
    EnsembleResult

    Examples
    --------
    >>> from sklearn.datasets import load_digits
    >>> X, y = load_digits(return_X_y=True)
    >>> result = train_mlp_ensemble(X[:1000] / 16, y[:1000], X[1000:] / 16, y[1000:],
    ...                             n_members=4, epochs=3)  # doctest: +SKIP
    >>> result.test_accuracy.shape  # doctest: +SKIP
    (4,)
    """
    n_members = check_positive_int(n_members, "n_members")
    hidden_units = check_positive_int(hidden_units, "hidden_units")
    epochs = check_positive_int(epochs, "epochs")
    batch_size = check_positive_int(batch_size, "batch_size")
    check_real(learning_rate, "learning_rate")
    if learning_rate <= 0:
        raise ValueError(f"learning_rate must be positive, got {learning_rate}.")
    Xtr, ytr = _check_data(X_train, y_train, "X_train", "y_train", n_members)
    Xte, yte = _check_data(X_test, y_test, "X_test", "y_test", n_members)
    if Xtr.shape[2] != Xte.shape[2]:
        raise ValueError(f"X_train has {Xtr.shape[2]} features but X_test has {Xte.shape[2]}.")
    init_seeds = _seeds(init_seeds, "init_seeds", n_members)
    shuffle_seeds = _seeds(shuffle_seeds, "shuffle_seeds", n_members) if shuffle_seeds is not None else init_seeds
    if n_classes is None:
        n_classes = int(max(ytr.max(), yte.max())) + 1
    n_classes = check_positive_int(n_classes, "n_classes", minimum=2)

    tf = import_tensorflow()
    import keras

    n_features, n_train = Xtr.shape[2], Xtr.shape[1]
    init = [np.random.default_rng(check_seed(int(s), "init_seeds[i]")) for s in init_seeds]
    kernel_1 = tf.Variable(np.stack([_glorot(r, n_features, hidden_units) for r in init]))
    kernel_2 = tf.Variable(np.stack([_glorot(r, hidden_units, n_classes) for r in init]))
    bias_1 = tf.Variable(np.zeros((n_members, 1, hidden_units), np.float32))
    bias_2 = tf.Variable(np.zeros((n_members, 1, n_classes), np.float32))
    variables = [kernel_1, bias_1, kernel_2, bias_2]
    optimizer = keras.optimizers.Adam(learning_rate)
    X_train_t, y_train_t = tf.constant(Xtr), tf.constant(ytr)

    def logits_of(x):
        hidden = tf.nn.relu(tf.einsum("ebd,edh->ebh", x, kernel_1) + bias_1)
        return tf.einsum("ebh,ehk->ebk", hidden, kernel_2) + bias_2

    @tf.function(reduce_retracing=True)
    def train_step(batch_index):
        x = tf.gather(X_train_t, batch_index, batch_dims=1)
        y = tf.gather(y_train_t, batch_index, batch_dims=1)
        with tf.GradientTape() as tape:
            per_sample = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits_of(x))
            member_loss = tf.reduce_mean(per_sample, axis=1)
            total = tf.reduce_sum(member_loss)  # sum: each member's gradient is its own
        optimizer.apply_gradients(zip(tape.gradient(total, variables), variables, strict=True))
        return member_loss

    shufflers = [np.random.default_rng(check_seed(int(s), "shuffle_seeds[i]")) for s in shuffle_seeds]
    epoch_loss = np.zeros((n_members, epochs))
    for epoch in range(epochs):
        order = np.stack([rng.permutation(n_train) for rng in shufflers]).astype(np.int32)
        sums, count = np.zeros(n_members), 0
        for start in range(0, n_train, batch_size):
            batch = order[:, start:start + batch_size]
            sums += train_step(tf.constant(batch)).numpy() * batch.shape[1]
            count += batch.shape[1]
        epoch_loss[:, epoch] = sums / count

    def predict(X):
        return tf.argmax(logits_of(tf.constant(X)), axis=-1, output_type=tf.int32).numpy()

    test_predictions = predict(Xte)
    return EnsembleResult(
        init_seeds=np.asarray(init_seeds), shuffle_seeds=np.asarray(shuffle_seeds),
        test_accuracy=(test_predictions == yte).mean(axis=1),
        train_accuracy=(predict(Xtr) == ytr).mean(axis=1),
        test_predictions=test_predictions, epoch_loss=epoch_loss)


def train_keras_loop(X_train, y_train, X_test, y_test, *, seeds, hidden_units=32, epochs=20,
                     batch_size=32, learning_rate=1e-3, n_classes=None):
    """The ordinary way: one Keras model and one ``fit`` call per seed.

    Same architecture and training as :func:`train_mlp_ensemble`; used to
    check that the ensemble is statistically equivalent, and as the baseline
    of the speed benchmark.

    Returns
    -------
    ndarray of shape (len(seeds),)
        Test accuracy of each seed's model.
    """
    from .reproducibility import set_seed

    import_tensorflow()
    import keras

    X_train, X_test = np.asarray(X_train, np.float32), np.asarray(X_test, np.float32)
    n_classes = n_classes or int(max(np.max(y_train), np.max(y_test))) + 1
    accuracies = []
    for seed in seeds:
        set_seed(int(seed), tensorflow=True)
        model = keras.Sequential([keras.Input((X_train.shape[1],)),
                                  keras.layers.Dense(hidden_units, activation="relu"),
                                  keras.layers.Dense(n_classes)])
        model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        model.fit(X_train, y_train, epochs=epochs, batch_size=batch_size, shuffle=True, verbose=0)
        predictions = np.argmax(model.predict(X_test, verbose=0, batch_size=1024), axis=1)
        accuracies.append(float(np.mean(predictions == np.asarray(y_test))))
    return np.asarray(accuracies)
