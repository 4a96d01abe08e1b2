"""Leakage experiments: each returns the leaky score and the honest score side by side.

Every experiment is a pure function of its arguments (data generated from a
seed, scikit-learn models, fixed cross-validation splits). Where the data are
pure noise the honest score must sit at chance; the leaky one shows how much
the mistake inflates it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ._validation import as_labels, check_positive_int, check_same_length, check_seed
from .data import (
    make_categorical_noise,
    make_drifting_series,
    make_duplicated_noise,
    make_grouped_noise,
    make_imbalanced_noise,
    make_noise_classification,
)

__all__ = [
    "LeakResult", "article_scaling_split", "scaling_leak", "feature_selection_leak", "selection_leak_grid",
    "random_oversample", "oversampling_leak", "duplicate_leak", "group_leak", "temporal_leak", "target_leak",
    "target_encoding_leak", "tuning_on_test_leak",
]


@dataclass(frozen=True)
class LeakResult:
    """One leak, measured: the score done the wrong way and the right way.

    Attributes
    ----------
    leak : str
    leaky, honest, chance : float
        Mean cross-validated score (accuracy, or balanced accuracy where
        stated in ``metric``) of the wrong way, the right way, and a model
        that learnt nothing.
    metric : str
    fix : str
        What the right way did.

    Examples
    --------
    >>> result = LeakResult("scaling before the split", 0.9, 0.5, 0.5, "accuracy", "scaler inside the pipeline")
    >>> round(result.inflation, 3), result.row()["fix"]
    (0.4, 'scaler inside the pipeline')
    """

    leak: str
    leaky: float
    honest: float
    chance: float
    metric: str
    fix: str

    def __post_init__(self):
        for name in ("leaky", "honest", "chance"):  # plain floats, not NumPy scalars
            object.__setattr__(self, name, float(getattr(self, name)))

    @property
    def inflation(self):
        return self.leaky - self.honest

    def summary(self):
        """One line: wrong way, right way, chance and the metric, 3 decimals.

        Examples
        --------
        >>> LeakResult("x", 0.9, 0.5, 0.5, "accuracy", "fix").summary()
        'wrong way 0.900 | right way 0.500 | chance 0.500 | inflation +0.400 (accuracy)'
        """
        return (f"wrong way {self.leaky:.3f} | right way {self.honest:.3f} | chance {self.chance:.3f} | "
                f"inflation {self.inflation:+.3f} ({self.metric})")

    def row(self, decimals=3):
        return {"leaky": round(self.leaky, decimals), "honest": round(self.honest, decimals),
                "chance": round(self.chance, decimals), "inflation": round(self.inflation, decimals),
                "metric": self.metric, "fix": self.fix}


def _cv(n_splits, seed):
    from sklearn.model_selection import StratifiedKFold

    return StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)


def _nearest_neighbour_scores(X, y, honest_cv, *, groups=None, seed):
    """1-NN accuracy cross-validated with shuffled 5-fold splits (leaky) and with ``honest_cv``.

    1-NN finds a row's twin, patient or neighbour in time whenever the split
    lets one into the training folds, so the gap shows what the split leaks.
    """
    from sklearn.model_selection import KFold, cross_val_score
    from sklearn.neighbors import KNeighborsClassifier

    model = KNeighborsClassifier(n_neighbors=1)
    leaky = cross_val_score(model, X, y, cv=KFold(5, shuffle=True, random_state=seed)).mean()
    return leaky, cross_val_score(model, X, y, cv=honest_cv, groups=groups).mean()


def _logistic():
    """A logistic regression converged far beyond the printed precision (Newton steps, ``tol=1e-8``).

    On noise many rows sit near the decision boundary; a loosely converged fit
    would let the BLAS kernel or thread count decide their class.
    """
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(solver="newton-cg", tol=1e-8, max_iter=1000)


def article_scaling_split(*, seed=0):
    """The scaling example of "Is Keras's 1.0 test accuracy reliable?", with a logistic regression as a simpler
    stand-in for its Keras network (Dense(128, relu) → Dense(1, sigmoid)).

    The article's data (``rand(1000, 20)`` features, ``randint(0, 2, 1000)``
    labels), its split (``train_test_split(test_size=0.2, random_state=42)``,
    the same 200 test rows both times) and its two ways of scaling: a
    ``StandardScaler`` fitted on all 1,000 rows before the split (leaky) or on
    the 800 training rows only (honest). ``seed`` draws the data (the article
    used an unseeded ``np.random``).

    Returns
    -------
    LeakResult
        Test accuracies on the article's 200 test rows.

    Examples
    --------
    >>> result = article_scaling_split()
    >>> abs(result.inflation) <= 0.01
    True
    """
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(check_seed(seed))
    X, y = rng.random((1000, 20)), rng.integers(0, 2, 1000)
    X_scaled = StandardScaler().fit_transform(X)  # the article's "incorrect scaling": all rows
    X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2, random_state=42)
    leaky = _logistic().fit(X_train, y_train).score(X_test, y_test)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    scaler = StandardScaler().fit(X_train)  # the article's "correct scaling": training rows only
    honest = _logistic().fit(scaler.transform(X_train), y_train).score(scaler.transform(X_test), y_test)
    return LeakResult("scaling before the split, as published (one 80/20 split)", leaky, honest, 0.5, "accuracy",
                      "fit the scaler on the training rows only")


def scaling_leak(*, n_samples=1000, n_features=20, seed=0):
    """StandardScaler fitted on all rows before the split vs inside the training folds (the Keras-accuracy article).

    The data are uniform noise with random labels (as in the article), so both
    scores are at chance and differ by almost nothing: the scaler's means and
    standard deviations carry next to no information about the labels.

    Examples
    --------
    >>> result = scaling_leak()
    >>> abs(result.inflation) < 0.02
    True
    """
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(check_seed(seed))
    X = rng.random((check_positive_int(n_samples, "n_samples", minimum=20), n_features))
    y = rng.integers(0, 2, n_samples)
    cv = _cv(5, seed)
    leaky = cross_val_score(_logistic(), StandardScaler().fit_transform(X), y, cv=cv).mean()
    honest = cross_val_score(make_pipeline(StandardScaler(), _logistic()), X, y, cv=cv).mean()
    return LeakResult("scaling before the split", leaky, honest, 0.5, "accuracy",
                      "make_pipeline(StandardScaler(), model)")


def feature_selection_leak(*, n_samples=80, n_features=2000, n_selected=20, seed=0):
    """ESL §7.10.2: pick the features most correlated with the label on *all* rows, then cross-validate.

    A 1-nearest-neighbour classifier (as in ESL) on the ``n_selected``
    features with the largest F statistic, 5-fold stratified cross-validation.

    Pure noise: no feature is related to the label. Selecting on all rows
    lets the test folds vote for the features, so the "wrong way" score is far
    above chance; selecting inside each training fold (a Pipeline) is honest.

    Examples
    --------
    >>> result = feature_selection_leak()
    >>> result.leaky > 0.7 and abs(result.honest - 0.5) < 0.15
    True
    """
    n_samples = check_positive_int(n_samples, "n_samples", minimum=10)
    n_features = check_positive_int(n_features, "n_features")
    n_selected = check_positive_int(n_selected, "n_selected")
    if n_selected > n_features:
        raise ValueError(f"n_selected ({n_selected}) cannot exceed n_features ({n_features}).")
    return _feature_selection_leak(n_samples, n_features, n_selected, check_seed(seed))


@functools.lru_cache(maxsize=256)
def _feature_selection_leak(n_samples, n_features, n_selected, seed):
    """Cached: the widget's grid and the notebook's answer cell share the runs (a LeakResult is frozen)."""
    from sklearn.feature_selection import SelectKBest, f_classif
    from sklearn.model_selection import cross_val_score
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline

    X, y = make_noise_classification(n_samples=n_samples, n_features=n_features, seed=seed)
    cv = _cv(5, seed)
    model = KNeighborsClassifier(n_neighbors=1)
    X_selected = SelectKBest(f_classif, k=n_selected).fit_transform(X, y)
    leaky = cross_val_score(model, X_selected, y, cv=cv).mean()
    honest = cross_val_score(make_pipeline(SelectKBest(f_classif, k=n_selected), model), X, y, cv=cv).mean()
    return LeakResult("feature selection on all data", leaky, honest, 0.5, "accuracy",
                      "SelectKBest inside the Pipeline")


def selection_leak_grid(n_features_options, n_selected_options, *, n_samples=80, seed=0):
    """:func:`feature_selection_leak` for every pair of options, computed once (for a widget).

    Parameters
    ----------
    n_features_options, n_selected_options : sequence of int
        Pairs with more features selected than exist are skipped.
    n_samples, seed : int

    Returns
    -------
    dict of (n_features, n_selected) to LeakResult

    Examples
    --------
    >>> grid = selection_leak_grid([50, 100], [5], n_samples=20)
    >>> sorted(grid)
    [(50, 5), (100, 5)]
    """
    grid = {}
    checked = []
    for name, options in (("n_features_options", n_features_options), ("n_selected_options", n_selected_options)):
        if isinstance(options, (str, bytes, dict)) or not hasattr(options, "__iter__"):
            raise TypeError(f"{name} must be a non-empty list of integers, got {options!r}.")
        options = list(options)
        if not options:
            raise ValueError(f"{name} must be a non-empty list of integers, got an empty list.")
        checked.append([check_positive_int(value, name) for value in options])
    n_features_options, n_selected_options = checked
    for n_features in n_features_options:
        for n_selected in n_selected_options:
            if n_selected <= n_features:
                grid[n_features, n_selected] = feature_selection_leak(
                    n_samples=n_samples, n_features=n_features, n_selected=n_selected, seed=seed)
    return grid


def random_oversample(X, y, *, seed=0):
    """Duplicate randomly chosen rows of the smaller classes until every class is as large as the largest.

    The simplest oversampler (what imbalanced-learn's ``RandomOverSampler``
    does): the original rows come first, unchanged, then the copies.

    Parameters
    ----------
    X : array-like (n_samples, n_features)
    y : array-like of class labels (n_samples,)
    seed : int

    Returns
    -------
    X_resampled, y_resampled : ndarray

    Examples
    --------
    >>> X_res, y_res = random_oversample([[0.0], [1.0], [2.0], [3.0]], [0, 0, 0, 1])
    >>> y_res.tolist()
    [0, 0, 0, 1, 1, 1]
    >>> X_res[4:, 0].tolist()
    [3.0, 3.0]
    """
    if X is None or isinstance(X, (str, bytes, dict, set)):
        raise TypeError(f"X must be a 2-D array-like of numbers, got {type(X).__name__}.")
    X = np.asarray(X)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got an array of shape {X.shape}.")
    if not np.issubdtype(X.dtype, np.number):
        raise TypeError(f"X must contain numbers, got values of type {X.dtype}.")
    y = as_labels(y, "y")
    check_same_length(X=X, y=y)
    rng = np.random.default_rng(check_seed(seed))
    classes, counts = np.unique(y, return_counts=True)
    extra = [rng.choice(np.flatnonzero(y == c), counts.max() - n, replace=True)
             for c, n in zip(classes, counts, strict=True)]
    rows = np.concatenate([np.arange(len(y)), *extra]).astype(int)
    return X[rows], y[rows]


def oversampling_leak(*, n_samples=400, prevalence=0.1, n_features=10, seed=0):
    """Random oversampling of the minority class before cross-validation vs inside each training fold.

    Leaky: :func:`random_oversample` on all rows, then 5-fold CV — copies of
    one minority sample land in training *and* test folds, and a
    1-nearest-neighbour model finds the twin. Honest: the same folds of the
    original rows; only each fold's training rows are oversampled, the test
    fold is scored as it is. Balanced accuracy (chance 0.5), noise features.
    In production, imbalanced-learn's ``Pipeline`` does the honest version
    inside ``cross_val_score``.

    Examples
    --------
    >>> result = oversampling_leak()
    >>> result.leaky > result.honest + 0.2
    True
    """
    from sklearn.metrics import balanced_accuracy_score
    from sklearn.model_selection import cross_val_score
    from sklearn.neighbors import KNeighborsClassifier

    X, y = make_imbalanced_noise(n_samples=n_samples, prevalence=prevalence, n_features=n_features, seed=seed)
    cv = _cv(5, seed)
    model = KNeighborsClassifier(n_neighbors=1)
    X_over, y_over = random_oversample(X, y, seed=seed)
    leaky = cross_val_score(model, X_over, y_over, cv=cv, scoring="balanced_accuracy").mean()
    scores = []
    for train, test in cv.split(X, y):
        X_train, y_train = random_oversample(X[train], y[train], seed=seed)
        scores.append(balanced_accuracy_score(y[test], model.fit(X_train, y_train).predict(X[test])))
    return LeakResult("oversampling before the split", leaky, np.mean(scores), 0.5, "balanced accuracy",
                      "oversample the training folds only")


def duplicate_leak(*, n_unique=300, copies=3, n_features=10, jitter=0.01, seed=0):
    """Near-duplicate rows (the same item recorded several times) split at random vs kept together.

    Noise features, random labels per item. A random split puts copies of an
    item on both sides and 1-NN finds them; splitting by item (GroupKFold) is honest.

    Examples
    --------
    >>> result = duplicate_leak()
    >>> result.leaky > 0.9 and abs(result.honest - 0.5) < 0.1
    True
    """
    from sklearn.model_selection import GroupKFold

    X, y, item = make_duplicated_noise(n_unique=n_unique, copies=copies, n_features=n_features,
                                       jitter=jitter, seed=seed)
    leaky, honest = _nearest_neighbour_scores(X, y, GroupKFold(5), groups=item, seed=seed)
    return LeakResult("duplicates across the split", leaky, honest, 0.5, "accuracy",
                      "deduplicate, or GroupKFold by item")


def group_leak(*, n_groups=100, per_group=10, n_features=10, seed=0):
    """KFold (samples of one patient on both sides) vs GroupKFold (each patient on one side).

    Data from :func:`course_utils.data.make_grouped_noise`; a 1-nearest-neighbour model. With
    one label per patient, the honest score's noise is that of ``n_groups``
    samples, not of ``n_groups * per_group``.

    Examples
    --------
    >>> result = group_leak()
    >>> result.leaky > 0.95 and abs(result.honest - 0.5) < 0.1
    True
    """
    from sklearn.model_selection import GroupKFold

    X, y, groups = make_grouped_noise(n_groups=n_groups, per_group=per_group, n_features=n_features, seed=seed)
    leaky, honest = _nearest_neighbour_scores(X, y, GroupKFold(5), groups=groups, seed=seed)
    return LeakResult("groups (patients) across folds", leaky, honest, 0.5, "accuracy", "GroupKFold")


def temporal_leak(*, n_steps=3000, block=50, seed=0):
    """Shuffled KFold on a time series (the future trains the past) vs forward-chaining TimeSeriesSplit.

    Examples
    --------
    >>> result = temporal_leak()
    >>> print(f"shuffled folds {result.leaky:.2f}, forward chaining {result.honest:.2f}")
    shuffled folds 0.88, forward chaining 0.53
    """
    from sklearn.model_selection import TimeSeriesSplit

    X, y = make_drifting_series(n_steps=n_steps, block=block, seed=seed)
    # gap=block: the first test label is never a continuation of the last training block
    leaky, honest = _nearest_neighbour_scores(X, y, TimeSeriesSplit(5, gap=block), seed=seed)
    return LeakResult("time order ignored", leaky, honest, 0.5, "accuracy",
                      "TimeSeriesSplit (forward chaining, with a gap)")


def target_leak(*, n_samples=1000, n_features=10, agreement=0.9, seed=0):
    """A feature recorded *after* the outcome (e.g. "was treated") that copies the label 90 % of the time.

    The other features are noise. With the leaked column the model looks
    excellent; at prediction time that column does not exist yet.

    Examples
    --------
    >>> result = target_leak()
    >>> result.leaky > 0.85 and abs(result.honest - 0.5) < 0.06
    True
    """
    from sklearn.model_selection import cross_val_score

    rng = np.random.default_rng(check_seed(seed))
    X = rng.normal(size=(check_positive_int(n_samples, "n_samples", minimum=20), n_features))
    y = rng.integers(0, 2, n_samples)
    leaked = np.where(rng.random(n_samples) < agreement, y, 1 - y)
    cv = _cv(5, seed)
    leaky = cross_val_score(_logistic(), np.column_stack([X, leaked]), y, cv=cv).mean()
    honest = cross_val_score(_logistic(), X, y, cv=cv).mean()
    return LeakResult("a feature computed from the target", leaky, honest, 0.5, "accuracy",
                      "drop features not available at prediction time")


def target_encoding_leak(*, n_samples=1000, n_categories=200, seed=0):
    """Target (mean) encoding of a categorical column computed on all rows vs inside the training folds.

    Leaky: every category is replaced by the mean label of *all* its rows —
    including the row's own label, and the test rows' — and a logistic
    regression is cross-validated on that one number. With few rows per
    category the row's own label moves its category's mean, so pure noise
    looks predictable. Honest: scikit-learn's ``TargetEncoder`` inside the
    ``Pipeline``, so each training fold computes its own means (cross-fitted
    within the fold) and the test fold's labels never enter them.

    Examples
    --------
    >>> result = target_encoding_leak()
    >>> result.leaky > 0.6 and abs(result.honest - 0.5) < 0.05
    True
    """
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import TargetEncoder

    category, y = make_categorical_noise(n_samples=n_samples, n_categories=n_categories, seed=seed)
    cv = _cv(5, seed)
    means = np.bincount(category, weights=y) / np.bincount(category)   # mean label of each category, all rows
    leaky = cross_val_score(_logistic(), means[category][:, None], y, cv=cv).mean()
    encoder = TargetEncoder(target_type="binary", cv=_cv(5, seed))   # cross-fitted within each training fold
    honest = cross_val_score(make_pipeline(encoder, _logistic()), category[:, None], y, cv=cv).mean()
    return LeakResult("target encoding on all data", leaky, honest, 0.5, "accuracy",
                      "TargetEncoder inside the Pipeline")


def tuning_on_test_leak(*, n_samples=400, n_features=50, n_candidates=50, seed=0):
    """Pick the best of many models by their *test* score, then report that score.

    Candidates are 1-NN models on random 5-feature subsets of noise. The
    honest version picks by validation score and reports the untouched test set.

    Examples
    --------
    >>> result = tuning_on_test_leak()
    >>> result.leaky > result.honest
    True
    """
    from sklearn.model_selection import train_test_split
    from sklearn.neighbors import KNeighborsClassifier

    rng = np.random.default_rng(check_seed(seed))
    n_samples = check_positive_int(n_samples, "n_samples", minimum=20)
    X, y = rng.normal(size=(n_samples, n_features)), rng.integers(0, 2, n_samples)
    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.3, random_state=seed, stratify=y)
    X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.3, random_state=seed, stratify=y_rest)
    subsets = [rng.choice(n_features, 5, replace=False)
               for _ in range(check_positive_int(n_candidates, "n_candidates"))]

    def score(columns, X_eval, y_eval):
        model = KNeighborsClassifier(n_neighbors=1).fit(X_train[:, columns], y_train)
        return model.score(X_eval[:, columns], y_eval)

    test_scores = [score(c, X_test, y_test) for c in subsets]
    best_on_validation = subsets[int(np.argmax([score(c, X_val, y_val) for c in subsets]))]
    return LeakResult("tuning on the test set", max(test_scores), score(best_on_validation, X_test, y_test),
                      0.5, "accuracy", "choose on validation (or nested CV); test once")
