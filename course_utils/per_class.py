"""Per-class evaluation with boolean masks, and the experiments of notebook 03."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ._validation import as_labels, check_fraction, check_positive_int, check_same_length, check_seed
from .data import load_digits_with_rare_class, make_shifted_minority_data
from .models import article_network

__all__ = ["per_class_table", "one_vs_rest_accuracy", "digits_model", "RareClassResult", "rare_class_experiment",
           "rare_class_grid", "article_examples", "resampling_over_splits"]


def _check(y_true, y_pred, labels):
    y_true, y_pred = as_labels(y_true, "y_true"), as_labels(y_pred, "y_pred")
    check_same_length(y_true=y_true, y_pred=y_pred)
    if labels is None:
        labels = np.unique(np.concatenate([y_true, y_pred]))
    labels = np.asarray(labels)
    unknown = np.setdiff1d(np.unique(np.concatenate([y_true, y_pred])), labels)
    if unknown.size:
        raise ValueError(f"y_true/y_pred contain labels not in labels: {unknown.tolist()}.")
    return y_true, y_pred, labels


def one_vs_rest_accuracy(y_true, y_pred, label):
    """Accuracy of the yes/no question "is it ``label``?" — what the per-class loop of the article
    "Why are accuracy and loss metrics producing unexpected results?" computes.

    Both masks are compared over *all* samples, so the many samples that are
    neither truly nor predicted ``label`` count as correct. Averaged over the
    K classes it is ``1 - 2 * error_rate / K``, never below plain accuracy.

    Examples
    --------
    >>> one_vs_rest_accuracy([0, 1, 2, 0, 1, 2, 0, 1, 2, 0], [0, 1, 0, 0, 1, 2, 0, 0, 2, 0], 1)
    0.9
    """
    y_true, y_pred, present = _check(y_true, y_pred, None)
    if label not in present:
        raise ValueError(f"label {label!r} occurs in neither y_true nor y_pred (labels present: {present.tolist()}).")
    return float(np.mean((y_true == label) == (y_pred == label)))


def per_class_table(y_true, y_pred, *, labels=None, decimals=3):
    """Precision, recall, F1, support and one-vs-rest accuracy of every class, built with masks.

    * recall: accuracy inside the mask ``y_true == c``;
    * precision: accuracy inside the mask ``y_pred == c``;
    * one-vs-rest accuracy: how often the two masks agree.

    The precision of a class that is never predicted is undefined (NaN);
    its F1, ``2TP / (2TP + FP + FN)``, is 0 — as in scikit-learn. Returns a
    pandas DataFrame indexed by class.

    Examples
    --------
    >>> table = per_class_table([0, 1, 2, 0, 1, 2, 0, 1, 2, 0], [0, 1, 0, 0, 1, 2, 0, 0, 2, 0])
    >>> table["recall"].tolist()
    [1.0, 0.667, 0.667]
    """
    import pandas as pd

    y_true, y_pred, labels = _check(y_true, y_pred, labels)
    rows = {}
    for c in labels:
        actual, predicted = y_true == c, y_pred == c
        if not actual.any():
            raise ValueError(f"class {c} has no sample in y_true; its recall is undefined.")
        recall = float(np.mean(y_pred[actual] == c))
        precision = float(np.mean(y_true[predicted] == c)) if predicted.any() else np.nan
        hits = int(np.sum(actual & predicted))    # F1 = 2TP / (2TP + FP + FN): defined whenever c occurs in y_true
        f1 = 2 * hits / (actual.sum() + predicted.sum())
        rows[c] = {"precision": precision, "recall": recall, "f1": f1, "support": int(actual.sum()),
                   "one_vs_rest_accuracy": float(np.mean(actual == predicted))}
    return pd.DataFrame(rows).T.round(decimals).astype({"support": int})


def digits_model(*, class_weight=None):
    """The digits classifier of notebook 03: ``StandardScaler`` + logistic regression, converged tightly.

    Scaled features and Newton steps (``solver="newton-cg"``, ``tol=1e-8``)
    reach the optimum far beyond the printed precision, so the predictions —
    and every digit printed from them — are the same whatever BLAS kernel or
    thread count a machine uses. (An unscaled fit stopped by the default
    tolerance is not: a few test images sit so close to a decision boundary
    that the order of floating-point sums decides their class.)

    Parameters
    ----------
    class_weight : None, "balanced" or dict of class to weight
        Passed to ``LogisticRegression``.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Unfitted.

    Examples
    --------
    >>> X_train, X_test, y_train, y_test = load_digits_with_rare_class(keep_fraction=1.0)
    >>> round(digits_model().fit(X_train, y_train).score(X_test, y_test), 3)
    0.963
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if not (class_weight is None or (isinstance(class_weight, str) and class_weight == "balanced")
            or isinstance(class_weight, dict)):
        raise ValueError(f'class_weight must be None, "balanced" or a dict {{class: weight}}, got {class_weight!r}.')
    return make_pipeline(StandardScaler(), LogisticRegression(solver="newton-cg", tol=1e-8, max_iter=1000,
                                                              class_weight=class_weight))


@dataclass(frozen=True)
class RareClassResult:
    """Test-set scores of :func:`rare_class_experiment`; ``recalls`` holds all ten digits' recall.

    Examples
    --------
    >>> result = rare_class_experiment(1.0)
    >>> len(result.recalls), result.rare_recall == result.recalls[8], result.keep_fraction
    (10, True, 1.0)
    """

    keep_fraction: float
    accuracy: float
    macro_f1: float
    rare_recall: float
    recalls: tuple
    overlap: float = 0.0


def rare_class_experiment(keep_fraction, *, overlap=0.0, rare_class=8, seed=0):
    """Make one digit rarer (``keep_fraction``) or harder to separate (``overlap``); score on the test set.

    Returns overall accuracy, macro-F1 and every digit's recall on the
    untouched-frequency test set (see :func:`course_utils.data.load_digits_with_rare_class`).
    The model is :func:`digits_model`, the one notebook 03 fits by hand, so
    ``rare_class_experiment(0.05)`` reproduces its section 3. Results are
    cached: the widget and the notebook's answer cell share the fits.

    Examples
    --------
    >>> full, rare = rare_class_experiment(1.0), rare_class_experiment(0.02)
    >>> rare.rare_recall < full.rare_recall / 3 and rare.accuracy > 0.85
    True
    >>> blurred = rare_class_experiment(1.0, overlap=0.6)
    >>> blurred.rare_recall < 0.7 < 0.85 < blurred.accuracy
    True
    """
    keep_fraction = check_fraction(keep_fraction, "keep_fraction", inclusive=(False, True))
    overlap = check_fraction(overlap, "overlap", inclusive=(True, False))
    if isinstance(rare_class, bool) or rare_class not in range(10):
        raise ValueError(f"rare_class must be a digit 0-9, got {rare_class!r}.")
    return _rare_class_experiment(float(keep_fraction), float(overlap), int(rare_class), check_seed(seed))


@functools.lru_cache(maxsize=256)
def _rare_class_experiment(keep_fraction, overlap, rare_class, seed):
    from sklearn.metrics import accuracy_score, f1_score, recall_score

    X_train, X_test, y_train, y_test = load_digits_with_rare_class(
        rare_class=rare_class, keep_fraction=keep_fraction, overlap=overlap, seed=seed)
    predicted = digits_model().fit(X_train, y_train).predict(X_test)
    recalls = recall_score(y_test, predicted, average=None, labels=np.arange(10))
    return RareClassResult(keep_fraction, float(accuracy_score(y_test, predicted)),
                           float(f1_score(y_test, predicted, average="macro")), float(recalls[rare_class]),
                           tuple(float(r) for r in recalls), overlap)


def rare_class_grid(keep_fractions, overlaps, *, rare_class=8, seed=0):
    """:func:`rare_class_experiment` for every (keep_fraction, overlap) pair, as a dict.

    The widget looks results up here instead of refitting on every move.

    Examples
    --------
    >>> grid = rare_class_grid([1.0, 0.1], [0.0])
    >>> sorted(grid) == [(0.1, 0.0), (1.0, 0.0)]
    True
    """
    return {(k, o): rare_class_experiment(k, overlap=o, rare_class=rare_class, seed=seed)
            for k in keep_fractions for o in overlaps}


def _scores(y_true, y_pred):
    from sklearn.metrics import accuracy_score, f1_score, recall_score

    return {"accuracy": float(accuracy_score(y_true, y_pred)),
            "recall of class 1": float(recall_score(y_true, y_pred, zero_division=0.0)),
            "F1 of class 1": float(f1_score(y_true, y_pred, zero_division=0.0))}


def article_examples(*, seed=0, epochs=10, n_test_scale=10):
    """The TensorFlow article's three examples as published, scored on their training data *and* on fresh data.

    Example 1: 100 majority rows, 10 minority rows shifted by +2
    (:func:`course_utils.data.make_shifted_minority_data`). Example 2: 200 rows of noise with
    random balanced labels. Example 3: example 1's data balanced by
    ``SMOTE(random_state=42)`` on *all* rows. Each trains
    :func:`course_utils.models.article_network` for ``epochs`` epochs (the article: 10, batch
    size 32) and predicts ``probability > 0.5`` — the article on the rows it
    trained on (for example 3 the original, un-resampled rows); we also score
    ``n_test_scale`` times as many fresh rows from the same distribution.

    Returns
    -------
    pandas.DataFrame
        One row per (example, scored on); columns accuracy, recall and F1 of class 1.

    Examples
    --------
    Trains three Keras networks (seconds):

    >>> table = article_examples(epochs=2)  # doctest: +SKIP
    >>> table.shape  # doctest: +SKIP
    (6, 3)
    """
    import pandas as pd
    from imblearn.over_sampling import SMOTE

    seed, epochs = check_seed(seed), check_positive_int(epochs, "epochs")
    n_test_scale = check_positive_int(n_test_scale, "n_test_scale")
    rng = np.random.default_rng([seed, 3])
    X1, y1 = make_shifted_minority_data(seed=seed)
    X1_new, y1_new = make_shifted_minority_data(n_majority=100 * n_test_scale, n_minority=10 * n_test_scale,
                                                seed=seed + 1)
    X2, y2 = rng.random((200, 10)), rng.integers(0, 2, 200)
    X2_new, y2_new = rng.random((200 * n_test_scale, 10)), rng.integers(0, 2, 200 * n_test_scale)
    X3, y3 = SMOTE(random_state=42).fit_resample(X1, y1)
    examples = [("1: imbalanced, minority shifted +2", X1, y1, (X1, y1), (X1_new, y1_new)),
                ("2: balanced noise labels", X2, y2, (X2, y2), (X2_new, y2_new)),
                ("3: SMOTE on all rows, then example 1", X3, y3, (X1, y1), (X1_new, y1_new))]
    rows = {}
    for name, X_fit, y_fit, training, fresh in examples:
        model = article_network(seed=seed)
        model.fit(X_fit, y_fit, epochs=epochs, verbose=0)
        for scored_on, (X, y) in (("its training rows (the article)", training), ("fresh rows (held out)", fresh)):
            predicted = (np.asarray(model(X, training=False)).ravel() > 0.5).astype(int)   # = model.predict(X)
            rows[name, scored_on] = _scores(y, predicted)
    return pd.DataFrame(rows).T.rename_axis(["example", "scored on"])


def resampling_over_splits(X, y, *, n_splits=20, test_size=0.3, seed=0):
    """Minority recall, precision and F1 on held-out data, with and without SMOTE, over many random splits.

    Each split is stratified; SMOTE (``random_state=seed``) sits in an
    imbalanced-learn ``Pipeline`` in front of a scaled logistic regression, so
    only the training part is resampled. One split's test part holds few
    minority rows, so a single split's numbers are noisy; the spread over
    splits shows by how much.

    Returns
    -------
    pandas.DataFrame
        One row per split; columns ``(model, metric)`` for models "no resampling" and "SMOTE in a Pipeline".

    Examples
    --------
    >>> X, y = make_shifted_minority_data(n_majority=200, n_minority=40, shift=0.15)
    >>> resampling_over_splits(X, y, n_splits=2).shape
    (2, 6)
    """
    import pandas as pd
    from imblearn.over_sampling import SMOTE
    from imblearn.pipeline import make_pipeline
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score, precision_score, recall_score
    from sklearn.model_selection import StratifiedShuffleSplit
    from sklearn.preprocessing import StandardScaler

    if X is None or isinstance(X, (str, bytes, dict, set)):
        raise TypeError(f"X must be a 2-D array-like of numbers (n_samples, n_features), got {type(X).__name__}.")
    try:
        X = np.asarray(X, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("X must be a 2-D array-like of numbers (n_samples, n_features); "
                        "some of its values are not numbers.") from None
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got an array of shape {X.shape}.")
    y = as_labels(y, "y")
    check_same_length(X=X, y=y)
    n_splits = check_positive_int(n_splits, "n_splits")
    test_size = check_fraction(test_size, "test_size")

    def model(resample):
        classifier = LogisticRegression(solver="newton-cg", tol=1e-8)
        if resample:
            return make_pipeline(SMOTE(random_state=check_seed(seed)), StandardScaler(), classifier)
        return make_pipeline(StandardScaler(), classifier)

    rows = []
    splitter = StratifiedShuffleSplit(n_splits=n_splits, test_size=test_size, random_state=check_seed(seed))
    for train, test in splitter.split(X, y):
        row = {}
        for name, resample in (("no resampling", False), ("SMOTE in a Pipeline", True)):
            predicted = model(resample).fit(X[train], y[train]).predict(X[test])
            row[name, "recall"] = recall_score(y[test], predicted)
            row[name, "precision"] = precision_score(y[test], predicted, zero_division=0.0)
            row[name, "F1"] = f1_score(y[test], predicted)
        rows.append(row)
    table = pd.DataFrame(rows)
    table.columns = pd.MultiIndex.from_tuples(table.columns, names=["model", "metric"])
    return table
