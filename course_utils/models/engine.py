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
:func:`course_utils.models.train_keras_loop` trains one seed at a time for
comparison::

    keras.Sequential([keras.Input((d,)), Dense(h, "relu"), Dense(k)])  # logits
    compile(Adam(learning_rate), SparseCategoricalCrossentropy(from_logits=True))
    fit(X, y, epochs=..., batch_size=..., shuffle=True)

TensorFlow is imported only when :func:`train_mlp_ensemble` is called.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import check_positive_int, check_positive_real
from ..reproducibility import import_tensorflow
from ._inputs import check_seeds, check_train_test

__all__ = ["EnsembleResult", "train_mlp_ensemble"]


@dataclass(frozen=True)
class EnsembleResult:
    """Per-member results of one ensemble run (arrays have one row per member).

    Summarise the spread of ``test_accuracy`` with
    :func:`course_utils.stats.spread`.

    Attributes
    ----------
    init_seeds, shuffle_seeds : ndarray of int, shape (E,)
    test_accuracy : ndarray, shape (E,)
    train_accuracy : ndarray, shape (E,)
    test_predictions : ndarray of int, shape (E, n_test)
        Predicted class of every test sample, for paired comparisons.
    epoch_loss : ndarray, shape (E, epochs)
        Mean training loss of each epoch.

    Examples
    --------
    :func:`train_mlp_ensemble` returns one; by hand, two members scored on four test samples:

    >>> import numpy as np
    >>> from course_utils.stats import spread
    >>> predictions = np.array([[0, 1, 1, 0], [0, 1, 0, 0]])
    >>> result = EnsembleResult(init_seeds=np.array([0, 1]), shuffle_seeds=np.array([0, 1]),
    ...                         test_accuracy=(predictions == [0, 1, 1, 1]).mean(axis=1),
    ...                         train_accuracy=np.array([0.9, 0.8]), test_predictions=predictions,
    ...                         epoch_loss=np.array([[0.7, 0.5], [0.7, 0.6]]))
    >>> spread(result.test_accuracy, decimals=3)
    {'mean': 0.625, 'sd': 0.177, 'min': 0.5, 'max': 0.75, 'range': 0.25}
    """

    init_seeds: np.ndarray
    shuffle_seeds: np.ndarray
    test_accuracy: np.ndarray
    train_accuracy: np.ndarray
    test_predictions: np.ndarray
    epoch_loss: np.ndarray


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
        Every member's seeds, accuracies, test predictions and loss curve.

    Examples
    --------
    >>> from sklearn.datasets import load_digits
    >>> X, y = load_digits(return_X_y=True)
    >>> result = train_mlp_ensemble(X[:1000] / 16, y[:1000], X[1000:] / 16, y[1000:],
    ...                             n_members=4, hidden_units=16, epochs=2, learning_rate=0.01)
    >>> result.test_accuracy.shape, bool(result.test_accuracy.min() > 0.5)  # chance: 0.1; here each > 0.8
    ((4,), True)
    """
    n_members = check_positive_int(n_members, "n_members")
    hidden_units = check_positive_int(hidden_units, "hidden_units")
    epochs = check_positive_int(epochs, "epochs")
    batch_size = check_positive_int(batch_size, "batch_size")
    learning_rate = check_positive_real(learning_rate, "learning_rate")
    Xtr, ytr, Xte, yte, n_classes = check_train_test(X_train, y_train, X_test, y_test,
                                                     n_members=n_members, n_classes=n_classes)
    init_seeds = np.arange(n_members) if init_seeds is None else check_seeds(init_seeds, "init_seeds", n_members)
    shuffle_seeds = init_seeds if shuffle_seeds is None else check_seeds(shuffle_seeds, "shuffle_seeds", n_members)

    tf = import_tensorflow()
    import keras

    n_features, n_train = Xtr.shape[2], Xtr.shape[1]
    init = [np.random.default_rng(int(s)) for s in init_seeds]
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

    shufflers = [np.random.default_rng(int(s)) for s in shuffle_seeds]
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
