"""Synthetic tabular data: feature matrices, labels and scores drawn from NumPy generators.

Every generator takes keyword options and a ``seed``; the same seed gives the
same data, on any machine. Pure noise generators (``make_*_noise``) have labels
unrelated to the features, so any score above chance is an artefact.
"""

from __future__ import annotations

import numbers

import numpy as np

from .._validation import check_fraction, check_positive_int, check_positive_real, check_real, check_seed

__all__ = [
    "make_imbalanced_binary", "make_binormal_scores", "make_noise_classification", "make_imbalanced_noise",
    "make_duplicated_noise", "make_grouped_noise", "make_drifting_series", "make_categorical_noise",
    "make_shifted_minority_data", "make_binormal_probabilities", "make_paired_predictions", "make_paired_fold_scores",
    "make_seed_accuracies", "make_overconfident_logits", "make_missed_class_predictions", "make_confused_predictions",
    "make_candidate_accuracies", "make_patient_table", "make_uninformed_predictions",
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
    shuffle = _check_bool(shuffle, "shuffle")
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
    jitter = _check_spread(jitter, "jitter")
    shuffle = _check_bool(shuffle, "shuffle")
    rng = np.random.default_rng(check_seed(seed))
    base, labels = rng.normal(size=(n_unique, n_features)), rng.integers(0, 2, n_unique)
    item = np.repeat(np.arange(n_unique), copies)
    if shuffle:
        item = rng.permutation(item)
    X = base[item] + jitter * rng.normal(size=(item.size, n_features))
    return X, labels[item], item


def make_grouped_noise(*, n_groups=100, per_group=10, n_features=10, offset_sd=3.0, balanced=False, shuffle=False,
                       seed=0):
    """Several samples per patient: each patient has its own feature offset and one random label.

    The label belongs to the patient and has nothing to do with the features,
    so a model can only "learn" to recognise patients.

    Parameters
    ----------
    n_groups : int
        Number of patients, at least 4.
    per_group : int
        Rows per patient.
    n_features : int
    offset_sd : float
        Standard deviation of the patients' offsets (the rows' own noise has
        standard deviation 1), at least 0.
    balanced : bool
        False: each patient's label is a coin flip. True: the labels 0, 1, 0,
        1, … in random order, so both classes have half the patients
        (one more 0 when ``n_groups`` is odd).
    shuffle : bool
        False: the rows of a patient are adjacent. True: rows in random order.
    seed : int

    Returns
    -------
    X : ndarray (n_groups * per_group, n_features)
    y : ndarray of 0/1, one label per patient
    groups : ndarray of int, the patient of each row

    Examples
    --------
    >>> X, y, groups = make_grouped_noise(n_groups=4, per_group=3, n_features=2)
    >>> X.shape, groups.tolist()[:6]
    ((12, 2), [0, 0, 0, 1, 1, 1])
    >>> _, y, groups = make_grouped_noise(n_groups=6, per_group=2, balanced=True, shuffle=True)
    >>> int(y.sum()), sorted(set(groups.tolist())) == list(range(6))
    (6, True)
    """
    n_groups = check_positive_int(n_groups, "n_groups", minimum=4)
    per_group = check_positive_int(per_group, "per_group")
    n_features = check_positive_int(n_features, "n_features")
    offset_sd = _check_spread(offset_sd, "offset_sd")
    balanced, shuffle = _check_bool(balanced, "balanced"), _check_bool(shuffle, "shuffle")
    rng = np.random.default_rng(check_seed(seed))
    offsets = rng.normal(scale=offset_sd, size=(n_groups, n_features))
    labels = rng.permutation(np.arange(n_groups) % 2) if balanced else rng.integers(0, 2, n_groups)
    groups = np.repeat(np.arange(n_groups), per_group)
    if shuffle:
        groups = rng.permutation(groups)
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


def _check_shares(shares, name, size=None):
    """``shares`` as a float array of non-negative numbers summing to 1: ``size`` of them, or at least 2."""
    count = size or "at least 2"
    if (isinstance(shares, (str, bytes, dict)) or not hasattr(shares, "__len__")
            or len(shares) != (size or max(2, len(shares)))):
        raise ValueError(f"{name} must be {count} numbers that sum to 1, got {shares!r}.")
    values = np.array([float(check_real(share, name)) for share in shares])
    if (values < 0).any() or not np.isclose(values.sum(), 1.0):
        raise ValueError(f"{name} must be {count} numbers of at least 0 that sum to 1, got {shares!r}.")
    return values


def _check_bool(value, name):
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {value!r}.")
    return bool(value)


def _check_spread(value, name):
    """``value`` as a float of at least 0 (a standard deviation, a jitter)."""
    value = float(check_real(value, name))
    if value < 0:
        raise ValueError(f"{name} must be at least 0, got {value!r}.")
    return value


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
    spreads = {name: _check_spread(value, name) for name, value in
               (("fold_sd", fold_sd), ("gain_sd", gain_sd), ("noise_sd", noise_sd))}
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
    seed_sd = _check_spread(seed_sd, "seed_sd")
    rng = np.random.default_rng(check_seed(seed))
    return rng.binomial(n_test, np.clip(rng.normal(accuracy, seed_sd, n_seeds), 0, 1)) / n_test


def make_overconfident_logits(n_samples=800, *, logit_sd=1.5, overconfidence=3.5, noise_sd=0.5, seed=0):
    """Labels and an over-confident model's logits: the true log-odds stretched by ``overconfidence``.

    Each sample's true log-odds is drawn from N(0, ``logit_sd``) and its label
    from the probability they give; the model outputs ``overconfidence`` times
    the true log-odds plus N(0, ``noise_sd``). Dividing its logits by a
    temperature near ``overconfidence`` calibrates them again.

    Parameters
    ----------
    n_samples : int
        At least 2.
    logit_sd, overconfidence : float
        Positive.
    noise_sd : float
        At least 0.
    seed : int

    Returns
    -------
    logits : ndarray of float (n_samples,)
        The model's outputs before the sigmoid.
    y : ndarray of 0/1

    Examples
    --------
    >>> logits, y = make_overconfident_logits(300, overconfidence=4.0, noise_sd=0.0, seed=1)
    >>> logits.shape, bool(np.abs(logits).max() > 4)
    ((300,), True)
    """
    n_samples = check_positive_int(n_samples, "n_samples", minimum=2)
    logit_sd, overconfidence = check_positive_real(logit_sd, "logit_sd"), check_positive_real(overconfidence,
                                                                                              "overconfidence")
    noise_sd = _check_spread(noise_sd, "noise_sd")
    rng = np.random.default_rng(check_seed(seed))
    true_logits = rng.normal(0, logit_sd, n_samples)
    y = (rng.random(n_samples) < np.exp(-np.logaddexp(0.0, -true_logits))).astype(int)  # the sigmoid
    return overconfidence * true_logits + rng.normal(0, noise_sd, n_samples), y


def make_missed_class_predictions(n_samples=300, *, shares=(0.6, 0.3, 0.1), missed_class=2, missed_share=0.6,
                                  confused_with=1, n_other_errors=15, seed=0):
    """Labels 0 … k − 1 and a classifier's predictions that miss much of one class.

    The first ``missed_share`` of the rows of ``missed_class`` (in row order)
    are predicted as ``confused_with``; then ``n_other_errors`` random rows of
    the other classes get a random label other than ``missed_class`` (by
    chance sometimes their own). All other rows are predicted right, so the
    accuracy stays high while the missed class's recall is about
    ``1 - missed_share``.

    Parameters
    ----------
    n_samples : int
    shares : sequence of k >= 2 numbers summing to 1
        The share of each class 0 … k − 1.
    missed_class, confused_with : int
        Two different classes.
    missed_share : float in [0, 1]
    n_other_errors : int
        At least 0, at most the number of rows of the other classes.
    seed : int

    Returns
    -------
    y_true, y_pred : ndarrays of int labels

    Examples
    --------
    >>> y_true, y_pred = make_missed_class_predictions(200, shares=(0.5, 0.5), missed_class=1, confused_with=0,
    ...                                                missed_share=1.0, n_other_errors=0)
    >>> int(np.sum(y_pred == 1)), bool(np.all(y_pred[y_true == 0] == 0))
    (0, True)
    """
    n_samples = check_positive_int(n_samples, "n_samples")
    shares = _check_shares(shares, "shares")
    classes = np.arange(shares.size)
    missed_class, confused_with = (_check_class(value, name, shares.size) for value, name in
                                   ((missed_class, "missed_class"), (confused_with, "confused_with")))
    if confused_with == missed_class:
        raise ValueError(f"confused_with must differ from missed_class, both are {missed_class}.")
    missed_share = check_fraction(missed_share, "missed_share", inclusive=(True, True))
    n_other_errors = check_positive_int(n_other_errors, "n_other_errors", minimum=0)
    rng = np.random.default_rng(check_seed(seed))
    y_true = rng.choice(classes, size=n_samples, p=shares)
    y_pred = y_true.copy()
    missed = np.flatnonzero(y_true == missed_class)
    y_pred[missed[: int(missed_share * missed.size)]] = confused_with
    others = np.flatnonzero(y_true != missed_class)
    if n_other_errors > others.size:
        raise ValueError(f"n_other_errors must be at most {others.size} (the rows of the other classes), "
                         f"got {n_other_errors}.")
    wrong_labels = rng.choice(classes[classes != missed_class], n_other_errors)
    y_pred[rng.choice(others, n_other_errors, replace=False)] = wrong_labels
    return y_true, y_pred


def _check_class(value, name, n_classes):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not 0 <= value < n_classes:
        raise ValueError(f"{name} must be a class from 0 to {n_classes - 1}, got {value!r}.")
    return int(value)


def make_confused_predictions(classes, n_samples=700, *, shares, recalls, confused_with, typical_share=0.75, seed=0):
    """Labels and a classifier's predictions with a chosen recall per class and a typical confusion.

    Each row of class ``c`` is predicted wrong with probability
    ``1 - recall of c``; a wrong prediction is the class ``c`` is typically
    confused with (with probability ``typical_share``) or a uniformly chosen
    other class.

    Parameters
    ----------
    classes : sequence of k >= 2 distinct labels (e.g. strings)
    n_samples : int
    shares : k numbers summing to 1
        The share of each class in the labels.
    recalls : k numbers in [0, 1]
    confused_with : k labels
        For each class, the other class it is typically mistaken for.
    typical_share : float in [0, 1]
    seed : int

    Returns
    -------
    y_true, y_pred : ndarrays of labels from ``classes``

    Examples
    --------
    >>> y_true, y_pred = make_confused_predictions(("cat", "dog"), 500, shares=(0.5, 0.5), recalls=(1.0, 0.5),
    ...                                            confused_with=("dog", "cat"), seed=0)
    >>> bool(np.all(y_pred[y_true == "cat"] == "cat")), bool(np.mean(y_pred[y_true == "dog"] == "dog") < 0.6)
    (True, True)
    """
    labels = np.array(classes)
    if labels.ndim != 1 or labels.size < 2 or np.unique(labels).size != labels.size:
        raise ValueError(f"classes must be at least 2 distinct labels, got {classes!r}.")
    n_samples = check_positive_int(n_samples, "n_samples")
    shares = _check_shares(shares, "shares", labels.size)
    if isinstance(recalls, (str, bytes)) or np.ndim(recalls) != 1 or len(recalls) != labels.size:
        raise ValueError(f"recalls must be {labels.size} numbers in [0, 1], one per class, got {recalls!r}.")
    recall = {label: check_fraction(value, "recalls", inclusive=(True, True))
              for label, value in zip(classes, recalls, strict=True)}
    if (isinstance(confused_with, (str, bytes)) or len(confused_with) != labels.size
            or any(other == label or other not in recall for label, other in zip(classes, confused_with, strict=True))):
        raise ValueError(f"confused_with must name, for each of the {labels.size} classes, another class; "
                         f"got {confused_with!r}.")
    typical = dict(zip(classes, confused_with, strict=True))
    typical_share = check_fraction(typical_share, "typical_share", inclusive=(True, True))
    rng = np.random.default_rng(check_seed(seed))
    y_true = rng.choice(labels, n_samples, p=shares)
    y_pred = y_true.copy()
    for i, label in enumerate(y_true):
        if rng.random() > recall[label]:
            others = labels[labels != label]
            y_pred[i] = typical[label] if rng.random() < typical_share else rng.choice(others)
    return y_true, y_pred


def make_candidate_accuracies(n_candidates=40, *, n_validation=150, n_test=150, accuracy=0.5, seed=0):
    """Validation and test accuracies of candidate models that are all equally good.

    Every candidate's true accuracy is ``accuracy``; each measured accuracy is
    a binomial count over the split's samples. Choosing the best validation
    score therefore picks noise, and its test score falls back.

    Parameters
    ----------
    n_candidates, n_validation, n_test : int
    accuracy : float in (0, 1)
    seed : int

    Returns
    -------
    validation, test : ndarrays of ``n_candidates`` accuracies

    Examples
    --------
    >>> validation, test = make_candidate_accuracies(5, n_validation=100, n_test=50, seed=1)
    >>> validation.shape, bool(np.all(test * 50 == np.round(test * 50)))
    ((5,), True)
    """
    n_candidates = check_positive_int(n_candidates, "n_candidates")
    n_validation, n_test = check_positive_int(n_validation, "n_validation"), check_positive_int(n_test, "n_test")
    accuracy = check_fraction(accuracy, "accuracy")
    rng = np.random.default_rng(check_seed(seed))
    validation = rng.binomial(n_validation, accuracy, n_candidates) / n_validation
    return validation, rng.binomial(n_test, accuracy, n_candidates) / n_test


def make_patient_table(n_patients=500, *, leak_agreement=0.92, seed=0):
    """A patient table (pandas DataFrame) and the label "diabetic"; one column was recorded after the diagnosis.

    ``age``, ``bmi``, ``blood_pressure`` and ``smoker`` are drawn
    independently of the label; ``insulin_prescribed`` equals the label for
    a share ``leak_agreement`` of the patients (it is prescribed *because* of
    the diagnosis): a leaked column.

    Parameters
    ----------
    n_patients : int
    leak_agreement : float in [0, 1]
    seed : int

    Returns
    -------
    table : pandas.DataFrame (n_patients, 5)
    diabetic : ndarray of 0/1

    Examples
    --------
    >>> table, diabetic = make_patient_table(200, leak_agreement=1.0)
    >>> list(table.columns)[:2], bool(np.all(table["insulin_prescribed"] == diabetic))
    (['age', 'bmi'], True)
    """
    import pandas as pd

    n = check_positive_int(n_patients, "n_patients")
    leak_agreement = check_fraction(leak_agreement, "leak_agreement", inclusive=(True, True))
    rng = np.random.default_rng(check_seed(seed))
    diabetic = rng.integers(0, 2, n)
    table = pd.DataFrame({
        "age": rng.integers(20, 80, n),
        "bmi": np.round(rng.normal(27, 4, n), 1),
        "insulin_prescribed": np.where(rng.random(n) < leak_agreement, diabetic, 1 - diabetic),
        "blood_pressure": np.round(rng.normal(125, 15, n)),
        "smoker": rng.integers(0, 2, n),
    })
    return table, diabetic


def make_uninformed_predictions(n_samples=240, *, prevalence=0.75, predicted_share=0.8, seed=0):
    """Labels and predictions drawn independently of each other: a model that ignores its input.

    Each label is 1 with probability ``prevalence``, each prediction 1 with
    probability ``predicted_share``. On imbalanced labels such a model can
    score well above 0.5 by predicting the common class.

    Returns
    -------
    y_true, y_pred : ndarrays of 0/1

    Examples
    --------
    >>> y_true, y_pred = make_uninformed_predictions(1000, prevalence=0.9, predicted_share=1.0)
    >>> bool(np.all(y_pred == 1)), bool(0.85 < np.mean(y_true == y_pred) < 0.95)
    (True, True)
    """
    n_samples = check_positive_int(n_samples, "n_samples")
    prevalence = check_fraction(prevalence, "prevalence", inclusive=(True, True))
    predicted_share = check_fraction(predicted_share, "predicted_share", inclusive=(True, True))
    rng = np.random.default_rng(check_seed(seed))
    return (rng.random(n_samples) < prevalence).astype(int), (rng.random(n_samples) < predicted_share).astype(int)
