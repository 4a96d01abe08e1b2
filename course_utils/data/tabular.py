"""Synthetic tabular data: feature matrices, labels and scores drawn from NumPy generators.

Every generator takes keyword options and a ``seed``; the same seed gives the
same data, on any machine. Pure noise generators (``make_*_noise``) have labels
unrelated to the features, so any score above chance is an artefact.
"""

from __future__ import annotations

import numpy as np

from .._validation import check_fraction, check_positive_int, check_real, check_seed

__all__ = [
    "make_imbalanced_binary", "make_binormal_scores", "make_noise_classification", "make_imbalanced_noise",
    "make_duplicated_noise", "make_grouped_noise", "make_drifting_series", "make_categorical_noise",
    "make_shifted_minority_data", "make_binormal_probabilities", "make_paired_predictions", "make_paired_fold_scores",
    "make_seed_accuracies",
]


def make_imbalanced_binary(n_samples=1000, *, prevalence=0.05, separation=1.5,
                           n_features=2, seed=0):
    """Two Gaussian blobs with a chosen share of positives.

    Parameters
    ----------
    n_samples : int
        Total number of samples.
    prevalence : float
        Fraction of positives (label 1), strictly between 0 and 1.
    separation : float
        Distance between the class means along every feature, in standard
        deviations. 0 makes the classes indistinguishable.
    n_features : int
        Number of features.
    seed : int
        Seed of the generator; the same seed gives the same data.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,), ints 0/1
        Exactly ``round(prevalence * n_samples)`` positives (at least one).

    Examples
    --------
    >>> X, y = make_imbalanced_binary(200, prevalence=0.1, seed=1)
    >>> X.shape, int(y.sum())
    ((200, 2), 20)
    """
    n_samples = check_positive_int(n_samples, "n_samples", minimum=2)
    prevalence = check_fraction(prevalence, "prevalence")
    check_real(separation, "separation")
    n_features = check_positive_int(n_features, "n_features")
    rng = np.random.default_rng(check_seed(seed))
    n_positive = int(np.clip(round(prevalence * n_samples), 1, n_samples - 1))
    y = np.zeros(n_samples, dtype=int)
    y[:n_positive] = 1
    rng.shuffle(y)
    X = rng.normal(size=(n_samples, n_features)) + separation * y[:, None]
    return X, y


def make_binormal_scores(n_positive=1000, n_negative=1000, *, auc=0.75, seed=0):
    """Classifier scores from the binormal model: N(0, 1) vs N(d, 1).

    ``d`` is chosen so that the population ROC-AUC equals ``auc``
    (``auc = Phi(d / sqrt(2))``), so changing the class ratio changes
    prevalence while leaving the classifier's quality untouched.

    Parameters
    ----------
    n_positive, n_negative : int
        Number of positive and negative samples.
    auc : float
        Population ROC-AUC, in (0.5, 1).
    seed : int
        Seed of the generator.

    Returns
    -------
    y_true : ndarray of 0/1 ints, positives first
    scores : ndarray of floats

    Examples
    --------
    >>> y, s = make_binormal_scores(10, 90, seed=0)
    >>> float(y.mean())
    0.1
    """
    from scipy.stats import norm

    n_positive = check_positive_int(n_positive, "n_positive")
    n_negative = check_positive_int(n_negative, "n_negative")
    auc = check_fraction(auc, "auc", low=0.5, high=1.0)
    rng = np.random.default_rng(check_seed(seed))
    shift = np.sqrt(2.0) * norm.ppf(auc)
    scores = np.concatenate([rng.normal(shift, 1.0, n_positive),
                             rng.normal(0.0, 1.0, n_negative)])
    y_true = np.concatenate([np.ones(n_positive, int), np.zeros(n_negative, int)])
    return y_true, scores


def make_noise_classification(*, n_samples=50, n_features=2000, shuffle=False, seed=0):
    """Standard-normal features with balanced labels that have nothing to do with them.

    Parameters
    ----------
    n_samples : int
        At least 4; half of them (rounded down) get label 0.
    n_features : int
    shuffle : bool
        False: the 0s first, then the 1s. True: the labels in random order
        (drawn after the features, so the features are the same either way).
    seed : int

    Returns
    -------
    X : ndarray (n_samples, n_features)
    y : ndarray of 0/1

    Examples
    --------
    >>> X, y = make_noise_classification(n_samples=10, n_features=3)
    >>> X.shape, int(y.sum()), y[:5].tolist()
    ((10, 3), 5, [0, 0, 0, 0, 0])
    """
    n_samples = check_positive_int(n_samples, "n_samples", minimum=4)
    n_features = check_positive_int(n_features, "n_features")
    if not isinstance(shuffle, (bool, np.bool_)):
        raise TypeError(f"shuffle must be True or False, got {shuffle!r}.")
    rng = np.random.default_rng(check_seed(seed))
    X = rng.normal(size=(n_samples, n_features))
    y = np.r_[np.zeros(n_samples // 2, int), np.ones(n_samples - n_samples // 2, int)]
    return X, rng.permutation(y) if shuffle else y


def make_imbalanced_noise(*, n_samples=400, prevalence=0.1, n_features=10, seed=0):
    """Noise features and a minority class of ``prevalence`` (``round(prevalence * n_samples)`` rows, at least 5).

    Returns
    -------
    X : ndarray (n_samples, n_features)
    y : ndarray of 0/1, the 1s at random positions

    Examples
    --------
    >>> X, y = make_imbalanced_noise(n_samples=100, prevalence=0.2, n_features=3)
    >>> X.shape, int(y.sum())
    ((100, 3), 20)
    """
    n_samples = check_positive_int(n_samples, "n_samples", minimum=20)
    prevalence = check_fraction(prevalence, "prevalence", high=0.5, inclusive=(False, True))
    rng = np.random.default_rng(check_seed(seed))
    X = rng.normal(size=(n_samples, check_positive_int(n_features, "n_features")))
    y = (rng.permutation(n_samples) < max(5, round(prevalence * n_samples))).astype(int)
    return X, y


def make_duplicated_noise(*, n_unique=300, copies=3, n_features=10, jitter=0.01, shuffle=False, seed=0):
    """Each of ``n_unique`` noise items recorded ``copies`` times with a little jitter.

    Parameters
    ----------
    n_unique : int
        Number of distinct items (at least 10); each has one random 0/1 label.
    copies : int
        Rows per item, at least 2.
    n_features : int
    jitter : float
        Standard deviation of the noise added to every copy, at least 0.
    shuffle : bool
        False: the copies of an item are adjacent rows. True: rows in random order.
    seed : int

    Returns
    -------
    X : ndarray (n_unique * copies, n_features)
    y : ndarray of 0/1, shared by the copies of an item
    item : ndarray of int, the item each row records

    Examples
    --------
    >>> X, y, item = make_duplicated_noise(n_unique=10, copies=2, n_features=3)
    >>> X.shape, item[:4].tolist(), bool(y[0] == y[1])
    ((20, 3), [0, 0, 1, 1], True)
    """
    n_unique = check_positive_int(n_unique, "n_unique", minimum=10)
    copies = check_positive_int(copies, "copies", minimum=2)
    n_features = check_positive_int(n_features, "n_features")
    jitter = float(check_real(jitter, "jitter"))
    if jitter < 0:
        raise ValueError(f"jitter must be at least 0, got {jitter!r}.")
    if not isinstance(shuffle, (bool, np.bool_)):
        raise TypeError(f"shuffle must be True or False, got {shuffle!r}.")
    rng = np.random.default_rng(check_seed(seed))
    base, labels = rng.normal(size=(n_unique, n_features)), rng.integers(0, 2, n_unique)
    item = np.repeat(np.arange(n_unique), copies)
    if shuffle:
        item = rng.permutation(item)
    X = base[item] + jitter * rng.normal(size=(item.size, n_features))
    return X, labels[item], item


def make_grouped_noise(*, n_groups=100, per_group=10, n_features=10, seed=0):
    """Several samples per patient: each patient has its own feature offset and one random label.

    The label belongs to the patient and has nothing to do with the features,
    so a model can only "learn" to recognise patients.

    Returns
    -------
    X : ndarray (n_groups * per_group, n_features)
    y : ndarray of 0/1, one label per patient
    groups : ndarray of int, the patient of each row (rows of a patient are adjacent)

    Examples
    --------
    >>> X, y, groups = make_grouped_noise(n_groups=4, per_group=3, n_features=2)
    >>> X.shape, groups.tolist()[:6]
    ((12, 2), [0, 0, 0, 1, 1, 1])
    """
    n_groups = check_positive_int(n_groups, "n_groups", minimum=4)
    per_group = check_positive_int(per_group, "per_group")
    n_features = check_positive_int(n_features, "n_features")
    rng = np.random.default_rng(check_seed(seed))
    offsets, labels = rng.normal(scale=3.0, size=(n_groups, n_features)), rng.integers(0, 2, n_groups)
    groups = np.repeat(np.arange(n_groups), per_group)
    X = offsets[groups] + rng.normal(size=(groups.size, n_features))
    return X, labels[groups], groups


def make_drifting_series(*, n_steps=1000, block=50, n_features=3, seed=0):
    """A time series whose features drift slowly and whose label changes in random blocks.

    Neighbours in time share both their features and their label, but the
    future is not predictable from the past: labels of new blocks are coin flips.

    Returns
    -------
    X : ndarray (n_steps, n_features), a random walk
    y : ndarray of 0/1, constant within each block of ``block`` steps; both in time order

    Examples
    --------
    >>> X, y = make_drifting_series(n_steps=100, block=50, n_features=2)
    >>> X.shape, len(set(y[:50].tolist()))
    ((100, 2), 1)
    """
    n_steps = check_positive_int(n_steps, "n_steps", minimum=20)
    block = check_positive_int(block, "block")
    n_features = check_positive_int(n_features, "n_features")
    rng = np.random.default_rng(check_seed(seed))
    X = np.cumsum(rng.normal(size=(n_steps, n_features)), axis=0)
    y = np.repeat(rng.integers(0, 2, n_steps // block + 1), block)[:n_steps]
    return X, y


def make_categorical_noise(*, n_samples=1000, n_categories=200, seed=0):
    """One categorical column (e.g. a postcode or a user id) and labels that have nothing to do with it.

    Every category gets ``n_samples // n_categories`` rows (the remainder
    spread over the first ones); labels are fair coin flips.

    Returns
    -------
    category : ndarray of int (n_samples,)
    y : ndarray of 0/1

    Examples
    --------
    >>> category, y = make_categorical_noise(n_samples=10, n_categories=5)
    >>> np.bincount(category).tolist()
    [2, 2, 2, 2, 2]
    """
    n_samples = check_positive_int(n_samples, "n_samples", minimum=4)
    n_categories = check_positive_int(n_categories, "n_categories")
    if n_categories > n_samples:
        raise ValueError(f"n_categories ({n_categories}) cannot exceed n_samples ({n_samples}).")
    rng = np.random.default_rng(check_seed(seed))
    category = rng.permutation(np.arange(n_samples) % n_categories)
    return category, rng.integers(0, 2, n_samples)


def make_shifted_minority_data(*, n_majority=100, n_minority=10, shift=2.0, seed=0):
    """The data of the article "Why are accuracy and loss high, but the confusion matrix shows poor
    predictions in TensorFlow?": uniform noise in 10 features, the minority class shifted by ``shift``.

    With the article's shift of 2 the classes do not even overlap (majority
    features in [0, 1), minority in [2, 3)); a smaller shift makes the
    problem the article meant to show.

    Returns
    -------
    X : ndarray (n_majority + n_minority, 10)
    y : ndarray of 0 (majority, first) and 1 (minority, last)

    Examples
    --------
    >>> X, y = make_shifted_minority_data(n_majority=4, n_minority=2)
    >>> X.shape, y.tolist()
    ((6, 10), [0, 0, 0, 0, 1, 1])
    """
    n_majority, n_minority = check_positive_int(n_majority, "n_majority"), check_positive_int(n_minority, "n_minority")
    shift = float(check_real(shift, "shift"))
    rng = np.random.default_rng(check_seed(seed))
    X = np.concatenate([rng.random((n_majority, 10)), rng.random((n_minority, 10)) + shift])
    return X, np.r_[np.zeros(n_majority, int), np.ones(n_minority, int)]


def make_binormal_probabilities(n_positive=100, n_negative=1900, *, auc=0.9, slope=1.5, intercept=-3.0, seed=0):
    """Labels and a model's predicted probabilities, in random order: binormal scores through a sigmoid.

    The scores are :func:`make_binormal_scores`; the probabilities are
    ``1 / (1 + exp(-(slope * score + intercept)))``, so their ranking (and
    ROC-AUC) is that of the scores while ``slope`` and ``intercept`` set how
    confident and how calibrated they look.

    Parameters
    ----------
    n_positive, n_negative : int
    auc : float
        Population ROC-AUC, in (0.5, 1).
    slope : float
        Positive.
    intercept : float
    seed : int
        Seeds the scores and the order of the rows.

    Returns
    -------
    y_true : ndarray of 0/1
    probabilities : ndarray of float in (0, 1)

    Examples
    --------
    >>> y_true, probabilities = make_binormal_probabilities(10, 90, seed=1)
    >>> int(y_true.sum()), bool(((0 < probabilities) & (probabilities < 1)).all())
    (10, True)
    """
    slope = float(check_real(slope, "slope"))
    if slope <= 0:
        raise ValueError(f"slope must be positive, got {slope!r}.")
    intercept = float(check_real(intercept, "intercept"))
    y_true, scores = make_binormal_scores(n_positive, n_negative, auc=auc, seed=seed)
    order = np.random.default_rng(seed).permutation(y_true.size)
    return y_true[order], 1.0 / (1.0 + np.exp(-(slope * scores[order] + intercept)))


def _check_shares(shares, name, size):
    """``shares`` as a float array of ``size`` non-negative numbers summing to 1."""
    if isinstance(shares, (str, bytes, dict)) or not hasattr(shares, "__len__") or len(shares) != size:
        raise ValueError(f"{name} must be {size} numbers that sum to 1, got {shares!r}.")
    values = np.array([float(check_real(share, name)) for share in shares])
    if (values < 0).any() or not np.isclose(values.sum(), 1.0):
        raise ValueError(f"{name} must be {size} numbers of at least 0 that sum to 1, got {shares!r}.")
    return values


def make_paired_predictions(n_samples=600, *, n_classes=10, shares=(0.83, 0.02, 0.045, 0.105), seed=0):
    """Two classifiers' predictions on the same samples, with a chosen pattern of agreement.

    Each sample is, with the probabilities in ``shares``: right for both
    models, right for A only, right for B only, or wrong for both. A wrong
    prediction is a uniformly chosen other class. The counts of "A only" and
    "B only" are what McNemar's test compares.

    Parameters
    ----------
    n_samples : int
    n_classes : int
        At least 2; labels are 0 … n_classes - 1, uniform.
    shares : 4 numbers summing to 1
        Shares of (both right, only A right, only B right, both wrong).
    seed : int

    Returns
    -------
    y_true, pred_a, pred_b : ndarrays of int labels

    Examples
    --------
    >>> y_true, pred_a, pred_b = make_paired_predictions(100, n_classes=3, shares=(0.5, 0.5, 0.0, 0.0))
    >>> bool((pred_a == y_true).all()), int((pred_b == y_true).sum()) < 100
    (True, True)
    """
    n_samples = check_positive_int(n_samples, "n_samples")
    n_classes = check_positive_int(n_classes, "n_classes", minimum=2)
    shares = _check_shares(shares, "shares", 4)
    rng = np.random.default_rng(check_seed(seed))
    kind = rng.choice(4, size=n_samples, p=shares)
    a_right, b_right = np.isin(kind, (0, 1)), np.isin(kind, (0, 2))
    y_true = rng.integers(0, n_classes, n_samples)

    def predictions(right):
        wrong_label = (y_true + rng.integers(1, n_classes, n_samples)) % n_classes
        return np.where(right, y_true, wrong_label)

    return y_true, predictions(a_right), predictions(b_right)


def make_paired_fold_scores(n_folds=10, n_test=150, *, accuracy=0.80, fold_sd=0.035, gain=0.012, gain_sd=0.01,
                            noise_sd=0.004, seed=0):
    """Accuracies of two models A and B on the same cross-validation folds.

    Some folds are harder than others for both models: fold ``k``'s
    difficulty is drawn from N(``accuracy``, ``fold_sd``) and A's accuracy
    is a binomial count of ``n_test`` test samples at it. B gains
    N(``gain``, ``gain_sd``) plus N(0, ``noise_sd``) on each fold, rounded
    to whole samples. The fold-to-fold spread is shared, so a paired
    comparison sees the gain that an unpaired one drowns.

    Parameters
    ----------
    n_folds, n_test : int
    accuracy : float in (0, 1)
    fold_sd, gain_sd, noise_sd : float, at least 0
    gain : float
    seed : int

    Returns
    -------
    accuracy_a, accuracy_b : ndarrays of ``n_folds`` accuracies in [0, 1]

    Examples
    --------
    >>> accuracy_a, accuracy_b = make_paired_fold_scores(5, 100, fold_sd=0.0, gain=0.05, gain_sd=0.0, noise_sd=0.0)
    >>> (accuracy_b - accuracy_a).round(2).tolist()
    [0.05, 0.05, 0.05, 0.05, 0.05]
    """
    n_folds = check_positive_int(n_folds, "n_folds", minimum=2)
    n_test = check_positive_int(n_test, "n_test")
    accuracy = check_fraction(accuracy, "accuracy")
    gain = float(check_real(gain, "gain"))
    spreads = {name: float(check_real(value, name)) for name, value in
               (("fold_sd", fold_sd), ("gain_sd", gain_sd), ("noise_sd", noise_sd))}
    for name, value in spreads.items():
        if value < 0:
            raise ValueError(f"{name} must be at least 0, got {value!r}.")
    rng = np.random.default_rng(check_seed(seed))
    difficulty = rng.normal(accuracy, spreads["fold_sd"], n_folds)
    gains = rng.normal(gain, spreads["gain_sd"], n_folds)
    accuracy_a = rng.binomial(n_test, np.clip(difficulty, 0, 1)) / n_test
    extra = np.round((gains + rng.normal(0, spreads["noise_sd"], n_folds)) * n_test) / n_test
    return accuracy_a, np.clip(accuracy_a + extra, 0, 1)


def make_seed_accuracies(n_seeds=20, n_test=1000, *, accuracy=0.874, seed_sd=0.005, seed=0):
    """Test accuracies of one model trained with ``n_seeds`` different seeds.

    Each training seed gives a true accuracy drawn from N(``accuracy``,
    ``seed_sd``); the measured one is a binomial count over ``n_test`` test
    samples, so the spread mixes seed-to-seed and test-set noise.

    Parameters
    ----------
    n_seeds, n_test : int
    accuracy : float in (0, 1)
    seed_sd : float, at least 0
    seed : int
        Seeds the generator (not a training seed).

    Returns
    -------
    ndarray of ``n_seeds`` accuracies, multiples of ``1 / n_test``

    Examples
    --------
    >>> accuracies = make_seed_accuracies(5, 200, seed=1)
    >>> accuracies.shape, bool(np.all(accuracies * 200 == np.round(accuracies * 200)))
    ((5,), True)
    """
    n_seeds = check_positive_int(n_seeds, "n_seeds")
    n_test = check_positive_int(n_test, "n_test")
    accuracy = check_fraction(accuracy, "accuracy")
    seed_sd = float(check_real(seed_sd, "seed_sd"))
    if seed_sd < 0:
        raise ValueError(f"seed_sd must be at least 0, got {seed_sd!r}.")
    rng = np.random.default_rng(check_seed(seed))
    return rng.binomial(n_test, np.clip(rng.normal(accuracy, seed_sd, n_seeds), 0, 1)) / n_test
