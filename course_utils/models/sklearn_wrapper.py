"""A small Keras MLP wrapped the scikit-learn way, so pipelines and :func:`course_utils.report.honest_report` take it.

Importing this module does not import TensorFlow; :meth:`KerasMLPClassifier.fit` does.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from .._validation import check_positive_int, check_positive_real, check_seed
from .keras_models import _seeded_keras, build_binary_mlp

__all__ = ["KerasMLPClassifier"]


class KerasMLPClassifier(ClassifierMixin, BaseEstimator):
    """A small Keras MLP as a scikit-learn classifier: ``fit``, ``predict_proba``, ``predict``, ``classes_``.

    Two classes: :func:`~course_utils.models.keras_models.build_binary_mlp`
    (sigmoid output, binary cross-entropy). More: the same hidden layers with
    a softmax output and sparse categorical cross-entropy. Every ``fit`` builds
    a fresh, seeded network, so :func:`sklearn.base.clone` and refitting inside
    each cross-validation fold behave as for any scikit-learn estimator; the
    same ``seed`` trains the same weights. Scale the features first (e.g.
    ``make_pipeline(StandardScaler(), KerasMLPClassifier())``).

    Parameters
    ----------
    hidden_units : sequence of int
        Width of each hidden ReLU layer; ``()`` gives (multinomial) logistic regression.
    learning_rate : float
        Adam's learning rate.
    epochs : int
        Passes over the training rows.
    batch_size : int
    seed : int
        Seeds the weights and the shuffling; :func:`~course_utils.report.honest_report`
        sets it to each repetition's seed.

    Attributes
    ----------
    classes_ : ndarray
        The class labels seen in ``fit``, sorted; ``predict_proba`` columns follow them.
    model_ : keras.Model
        The fitted network.

    Examples
    --------
    >>> from sklearn.base import clone
    >>> clf = KerasMLPClassifier(hidden_units=(4,), epochs=5, seed=1)
    >>> clone(clf).get_params()["hidden_units"], clf.get_params()["seed"]
    ((4,), 1)
    """

    def __init__(self, *, hidden_units=(8,), learning_rate=0.01, epochs=20, batch_size=32, seed=0):
        self.hidden_units = hidden_units
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.seed = seed

    def fit(self, X, y):
        """Build a fresh network seeded with ``seed`` and train it on ``X``, ``y``; returns ``self``."""
        X = _as_matrix(X)
        y = np.asarray(y)
        if y.ndim != 1 or y.size != X.shape[0]:
            raise ValueError(f"y must be 1-D with one label per row of X ({X.shape[0]}), got shape {y.shape}.")
        self.classes_ = np.unique(y)
        if self.classes_.size < 2:
            raise ValueError(f"y holds only one class ({self.classes_[0]!r}); a classifier needs two or more.")
        epochs = check_positive_int(self.epochs, "epochs")
        batch_size = check_positive_int(self.batch_size, "batch_size")
        codes = np.searchsorted(self.classes_, y)
        self.n_features_in_ = X.shape[1]
        if self.classes_.size == 2:
            self.model_ = build_binary_mlp(X.shape[1], hidden_units=self.hidden_units,
                                           learning_rate=self.learning_rate, seed=self.seed)
        else:
            self.model_ = _softmax_mlp(X.shape[1], self.classes_.size, hidden_units=self.hidden_units,
                                       learning_rate=self.learning_rate, seed=self.seed)
        self.model_.fit(X, codes.astype("float32" if self.classes_.size == 2 else "int64"), epochs=epochs,
                        batch_size=batch_size, shuffle=True, verbose=0)
        return self

    def predict_proba(self, X):
        """Class probabilities, shape (n, number of classes), columns in the order of ``classes_``."""
        from sklearn.utils.validation import check_is_fitted

        check_is_fitted(self, "model_")
        X = _as_matrix(X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(f"X has {X.shape[1]} features, but this classifier was fitted on {self.n_features_in_}.")
        p = np.asarray(self.model_(X, training=False), dtype=float)
        return np.column_stack([1 - p[:, 0], p[:, 0]]) if self.classes_.size == 2 else p

    def predict(self, X):
        """The most probable class label for each row."""
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


def _as_matrix(X):
    try:
        X = np.asarray(X, dtype="float32")
    except (TypeError, ValueError):
        raise TypeError("X must contain numbers only (encode categorical columns first, e.g. in a Pipeline "
                        "with OneHotEncoder).") from None
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (rows × features), got shape {X.shape}.")
    return X


def _softmax_mlp(n_features, n_classes, *, hidden_units, learning_rate, seed):
    """The hidden layers of :func:`build_binary_mlp` with a softmax output over ``n_classes``."""
    try:
        units = [check_positive_int(u, "hidden_units[i]") for u in hidden_units]
    except TypeError:
        raise TypeError(f"hidden_units must be a sequence of integers, got {hidden_units!r}.") from None
    learning_rate = check_positive_real(learning_rate, "learning_rate")
    keras = _seeded_keras(check_seed(seed))
    layers = [keras.Input(shape=(n_features,))]
    layers += [keras.layers.Dense(u, activation="relu") for u in units]
    layers.append(keras.layers.Dense(n_classes, activation="softmax"))
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model
