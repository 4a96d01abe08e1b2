"""Where does run-to-run variation in a test accuracy come from? (notebook 05)

Experiments that train many small MLPs with the batched engine
(:func:`course_utils.models.train_mlp_ensemble`): separating the sources
of run-to-run variation (:func:`source_separation_experiment`), and
:class:`SeedSpreadLab`, the experiment behind the notebook's widget. The
statistics they use — standard errors, intervals, bootstrap, McNemar, paired
tests, best-of-N — live in :mod:`course_utils.stats`.

Importing this module does not import TensorFlow; training does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ._validation import as_labels, check_fraction, check_positive_int, check_real, check_same_length, check_seed
from .stats import binomial_se, sample_sd, spread

__all__ = [
    "per_member_splits",
    "SOURCE_CONDITIONS",
    "SourceSeparation",
    "source_separation_experiment",
    "SeedSpreadResult",
    "SeedSpreadLab",
]


def per_member_splits(X, y, split_seeds, *, test_size=0.5):
    """One stratified train/test split per seed, stacked with a leading member axis.

    Parameters
    ----------
    X : array of shape (n, d)
    y : int array of shape (n,)
    split_seeds : sequence of int
        ``random_state`` of each member's ``train_test_split``.
    test_size : float in (0, 1)

    Returns
    -------
    X_train, y_train, X_test, y_test : ndarrays of shape (E, n_train, d), (E, n_train), (E, n_test, d), (E, n_test)
        Ready for :func:`course_utils.models.train_mlp_ensemble`.

    Examples
    --------
    >>> import numpy as np
    >>> X, y = np.arange(40.0).reshape(20, 2), np.tile([0, 1], 10)
    >>> X_train, y_train, X_test, y_test = per_member_splits(X, y, [0, 1, 2], test_size=0.5)
    >>> X_train.shape, y_test.shape
    ((3, 10, 2), (3, 10))
    """
    from sklearn.model_selection import train_test_split

    X = np.asarray(X)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be a non-empty 2-D array (samples x features), got shape {X.shape}.")
    y = as_labels(y, "y")
    check_same_length(X=X, y=y)
    test_size = check_fraction(test_size, "test_size")
    seeds = list(np.atleast_1d(np.asarray(split_seeds)))
    if not seeds:
        raise ValueError("split_seeds must hold at least one seed.")
    parts = [train_test_split(X, y, test_size=test_size, stratify=y,
                              random_state=check_seed(int(s) if isinstance(s, np.integer) else s,
                                                      "split_seeds[i]"))
             for s in seeds]
    X_train, X_test, y_train, y_test = (np.stack(p) for p in zip(*parts, strict=True))
    return X_train, y_train, X_test, y_test


#: Which sources of randomness vary in each condition of the separation experiment.
SOURCE_CONDITIONS = {
    "initialisation only": ("init",),
    "data order only": ("order",),
    "init + order (seed)": ("init", "order"),
    "train/test split only": ("split",),
    "all together": ("init", "order", "split"),
}


@dataclass(frozen=True)
class SourceSeparation:
    """Test accuracies of the separation experiment, by condition.

    Attributes
    ----------
    accuracies : dict of str to ndarray
        One accuracy per run, for each condition of :data:`SOURCE_CONDITIONS`.
    seeds : dict of str to dict
        ``{"init": [...], "order": [...], "split": [...]}`` of each condition.
    test_predictions : dict of str to ndarray of shape (runs, n_test)
    n_test : int

    Examples
    --------
    :func:`source_separation_experiment` returns one (it trains); the summary on its own:

    >>> result = SourceSeparation(accuracies={"init only": np.array([0.90, 0.92, 0.94])}, seeds={},
    ...                           test_predictions={}, n_test=100)
    >>> result.summary()["init only"]["range"]
    0.04
    """

    accuracies: dict
    seeds: dict
    test_predictions: dict = field(repr=False)
    n_test: int

    def summary(self, *, decimals=3):
        """``{condition: {"mean", "sd", "min", "max", "range"}}``."""
        return {name: spread(values, decimals=decimals) for name, values in self.accuracies.items()}


def source_separation_experiment(X, y, *, n_runs=20, test_size=0.5, conditions=None, fixed_seed=0,
                                 hidden_units=32, epochs=20, batch_size=32, learning_rate=1e-3):
    """Vary one source of randomness at a time and measure the test-accuracy spread.

    Every condition trains ``n_runs`` MLPs. A source that is *not* varied is
    held at ``fixed_seed``; a varied source gets seeds ``fixed_seed + 1 …``.
    All conditions train together in one batched ensemble (one member per
    run), so the experiment costs about as much as one loop over a few fits.

    Parameters
    ----------
    X : array of shape (n, d), features already scaled
    y : int array of shape (n,), class indices
    n_runs : int
        Runs per condition (≥ 2).
    test_size : float
        Fraction held out in every split.
    conditions : dict of str to tuple, optional
        Name → varied sources among ``"init"``, ``"order"``, ``"split"``
        (default :data:`SOURCE_CONDITIONS`).
    fixed_seed : int
    hidden_units, epochs, batch_size, learning_rate :
        Passed to :func:`course_utils.models.train_mlp_ensemble`.

    Returns
    -------
    SourceSeparation

    Examples
    --------
    Trains TensorFlow models (seconds):

    >>> from sklearn.datasets import load_digits
    >>> X, y = load_digits(return_X_y=True)
    >>> result = source_separation_experiment(X / 16, y, n_runs=3, epochs=2)  # doctest: +SKIP
    >>> sorted(result.accuracies) == sorted(SOURCE_CONDITIONS)  # doctest: +SKIP
    True
    """
    from .models import train_mlp_ensemble

    n_runs = check_positive_int(n_runs, "n_runs", minimum=2)
    fixed_seed = check_seed(fixed_seed, "fixed_seed")
    conditions = dict(SOURCE_CONDITIONS if conditions is None else conditions)
    if not conditions:
        raise ValueError("conditions must name at least one condition.")
    for name, sources in conditions.items():
        unknown = set(sources) - {"init", "order", "split"}
        if unknown or isinstance(sources, str):
            raise ValueError(f"conditions[{name!r}] must be a tuple of 'init', 'order', 'split', got {sources!r}.")
    varied = np.arange(fixed_seed + 1, fixed_seed + 1 + n_runs)
    fixed = np.full(n_runs, fixed_seed)
    seeds = {name: {source: (varied if source in sources else fixed).copy()
                    for source in ("init", "order", "split")}
             for name, sources in conditions.items()}
    all_seeds = {source: np.concatenate([seeds[name][source] for name in conditions])
                 for source in ("init", "order", "split")}
    X = np.asarray(X, dtype=np.float32)  # the engine trains in float32; halves the stacked copies
    X_train, y_train, X_test, y_test = per_member_splits(X, y, all_seeds["split"], test_size=test_size)
    result = train_mlp_ensemble(X_train, y_train, X_test, y_test, n_members=len(all_seeds["init"]),
                                hidden_units=hidden_units, epochs=epochs, batch_size=batch_size,
                                learning_rate=learning_rate, init_seeds=all_seeds["init"],
                                shuffle_seeds=all_seeds["order"], n_classes=int(np.max(y)) + 1)
    accuracies, predictions = {}, {}
    for index, name in enumerate(conditions):
        rows = slice(index * n_runs, (index + 1) * n_runs)
        accuracies[name] = result.test_accuracy[rows]
        predictions[name] = result.test_predictions[rows]
    return SourceSeparation(accuracies=accuracies, seeds=seeds, test_predictions=predictions,
                            n_test=int(y_test.shape[1]))


@dataclass(frozen=True)
class SeedSpreadResult:
    """What the widget shows for one setting.

    Attributes
    ----------
    n_seeds, n_test, hidden_units : int
        The setting.
    accuracies : ndarray of shape (n_seeds,)
        Each seed's model scored on its own test sample of ``n_test`` digits.
    seed_sd : float
        Spread of the same models on the whole shared test pool (seed only).

    Examples
    --------
    >>> result = SeedSpreadResult(n_seeds=3, n_test=100, hidden_units=16, accuracies=np.array([0.90, 0.92, 0.94]),
    ...                           seed_sd=0.01)
    >>> round(result.mean, 3), round(result.sd, 3), round(result.binomial_se, 3), round(result.predicted_sd, 3)
    (0.92, 0.02, 0.027, 0.029)
    """

    n_seeds: int
    n_test: int
    hidden_units: int
    accuracies: np.ndarray = field(repr=False)
    seed_sd: float

    @property
    def mean(self):
        return float(self.accuracies.mean())

    @property
    def sd(self):
        return sample_sd(self.accuracies)

    @property
    def binomial_se(self):
        """Test-set sampling error of one accuracy at this test size."""
        return binomial_se(min(max(self.mean, 0.0), 1.0), self.n_test)

    @property
    def predicted_sd(self):
        """``sqrt(seed_sd² + binomial_se²)``: the two sources added."""
        return math.sqrt(self.seed_sd ** 2 + self.binomial_se ** 2)

    @property
    def interval(self):
        """Where about 95 % of runs fall: 2.5th and 97.5th percentile of the accuracies."""
        low, high = np.percentile(self.accuracies, [2.5, 97.5])
        return float(low), float(high)


class SeedSpreadLab:
    """The widget's experiment: many seeds of one MLP, each scored on its own test sample.

    The digits are split once into a training set and a held-out pool. For
    a model size, ``max_seeds`` MLPs (seeds 0, 1, …) are trained in one
    batched ensemble and cached; every other setting only re-scores them.
    Seed ``i``'s model is scored on ``n_test`` digits drawn with replacement
    from the pool (its own draw), as if each run had collected a fresh test
    set — so the spread combines the seed's effect and the test set's own
    sampling error.

    Parameters
    ----------
    X, y : the whole data set (features scaled, class indices)
    max_seeds : int
        Largest number of seeds the widget offers.
    test_size : float
        Share of the data in the held-out pool.
    epochs, batch_size, learning_rate :
        The training recipe; the defaults are notebook 05's (section 2), so
        the widget shows the same networks the text discusses.
    split_seed : int

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.datasets import load_digits
    >>> X, y = load_digits(return_X_y=True)
    >>> lab = SeedSpreadLab(X / 16, y, max_seeds=4, epochs=1)
    >>> lab.needs_training(16)
    True
    """

    #: Seeds the test-sample draws: together with ``n_test`` it fixes which pool digits each
    #: seed is scored on, so every model size and number of seeds sees the same test samples.
    SAMPLE_SEED = 5

    def __init__(self, X, y, *, max_seeds=20, test_size=0.5, epochs=20, batch_size=32,
                 learning_rate=0.003, split_seed=0):
        from sklearn.model_selection import train_test_split

        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError(f"X must be a non-empty 2-D array (samples x features), got shape {X.shape}.")
        y = as_labels(y, "y")
        check_same_length(X=X, y=y)
        self.max_seeds = check_positive_int(max_seeds, "max_seeds", minimum=2)
        test_size = check_fraction(test_size, "test_size")
        self.epochs = check_positive_int(epochs, "epochs")
        self.batch_size = check_positive_int(batch_size, "batch_size")
        self.learning_rate = check_real(learning_rate, "learning_rate")
        self.X_train, self.X_pool, self.y_train, self.y_pool = train_test_split(
            X, y, test_size=test_size, stratify=y, random_state=check_seed(split_seed, "split_seed"))
        self.n_classes = int(np.max(y)) + 1
        self._pool_correct = {}

    @property
    def pool_size(self):
        return int(self.y_pool.size)

    def needs_training(self, hidden_units):
        """True when this model size has not been trained yet (the next run will train)."""
        return hidden_units not in self._pool_correct

    def pool_correct(self, hidden_units):
        """Boolean array (max_seeds, pool_size): which pool digits each seed's model gets right."""
        from .models import train_mlp_ensemble

        hidden_units = check_positive_int(hidden_units, "hidden_units")
        if hidden_units not in self._pool_correct:
            result = train_mlp_ensemble(
                self.X_train, self.y_train, self.X_pool, self.y_pool, n_members=self.max_seeds,
                hidden_units=hidden_units, epochs=self.epochs, batch_size=self.batch_size,
                learning_rate=self.learning_rate, n_classes=self.n_classes)
            self._pool_correct[hidden_units] = result.test_predictions == self.y_pool
        return self._pool_correct[hidden_units]

    def run(self, n_seeds, n_test, hidden_units):
        """Accuracies of the first ``n_seeds`` seeds, each on its own sample of ``n_test`` pool digits.

        Returns
        -------
        SeedSpreadResult
        """
        n_seeds = check_positive_int(n_seeds, "n_seeds", minimum=2)
        if n_seeds > self.max_seeds:
            raise ValueError(f"n_seeds must be at most max_seeds={self.max_seeds}, got {n_seeds}.")
        n_test = check_positive_int(n_test, "n_test")
        correct = self.pool_correct(hidden_units)[:n_seeds]
        # One stream per test size, drawn for all max_seeds rows: seed i's sample does not depend on
        # n_seeds or the model size, so moving those sliders changes only what they should.
        rng = np.random.default_rng([n_test, self.SAMPLE_SEED])
        samples = rng.integers(0, self.pool_size, size=(self.max_seeds, n_test))[:n_seeds]
        accuracies = np.take_along_axis(correct, samples, axis=1).mean(axis=1)
        seed_sd = sample_sd(correct.mean(axis=1))
        return SeedSpreadResult(n_seeds=n_seeds, n_test=n_test, hidden_units=hidden_units,
                                accuracies=accuracies, seed_sd=seed_sd)
