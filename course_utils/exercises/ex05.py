"""Questions for solutions/05_seed_variance_solutions.

Nothing here trains a network: the predictions, fold scores and seed runs are
drawn by :mod:`course_utils.data` generators from fixed seeds, and every expected answer is computed
from them with :mod:`course_utils.stats` (and SciPy's binomial and t
distributions for the variants a learner may compute by mistake).
"""

from __future__ import annotations

import math

import numpy as np

from .. import stats
from ..checks import ChoiceQuestion, FunctionQuestion, NumberQuestion, rate_question
from ..data import make_paired_fold_scores, make_paired_predictions, make_seed_accuracies
from . import QuestionText, make_progress

__all__ = ["two_models", "FOLDS", "fold_scores", "seed_runs", "q1", "q2", "q3", "q4", "q5", "q6",
           "progress"]

#: What the learner reads, from ex05.toml beside this module.
_TEXT = QuestionText.for_module(__name__)

#: The cross-validation behind :func:`fold_scores`: 1,500 samples in 10 folds of 150.
FOLDS = {"n_folds": 10, "n_train": 1350, "n_test": 150}


def two_models():
    """Two models' predictions on the same 600 test images (ten classes).

    Returns
    -------
    y_true, pred_a, pred_b : ndarrays of int labels 0..9

    Examples
    --------
    >>> y_true, pred_a, pred_b = two_models()
    >>> y_true.shape == pred_a.shape == pred_b.shape == (600,)
    True
    """
    # each image: both right, only A right, only B right, both wrong
    return make_paired_predictions(600, n_classes=10, shares=(0.83, 0.02, 0.045, 0.105), seed=11)


def fold_scores():
    """Accuracies of models A and B on the same 10 cross-validation folds (see :data:`FOLDS`).

    Returns
    -------
    accuracy_a, accuracy_b : ndarrays of 10 fold accuracies; fold k is the same data for both

    Examples
    --------
    >>> accuracy_a, accuracy_b = fold_scores()
    >>> accuracy_a.shape, accuracy_b.shape
    ((10,), (10,))
    """
    return make_paired_fold_scores(FOLDS["n_folds"], FOLDS["n_test"], accuracy=0.80, fold_sd=0.035, gain=0.012,
                                   gain_sd=0.01, noise_sd=0.004, seed=0)


def seed_runs():
    """Test accuracies of one model trained with 20 seeds, each scored on 1,000 test images.

    Examples
    --------
    >>> seed_runs().shape
    (20,)
    """
    return make_seed_accuracies(20, 1000, accuracy=0.874, seed_sd=0.005, seed=0)


# --- reference computations (private: the checker's side) -----------------------------------

def _accuracies():
    y_true, pred_a, pred_b = two_models()
    return float(np.mean(pred_a == y_true)), float(np.mean(pred_b == y_true)), y_true.size


def _se(p, n):
    return stats.binomial_se(p, n)


def _se_b():
    _, p_b, n = _accuracies()
    return _se(p_b, n)


def _unpaired_says_better():
    p_a, p_b, n = _accuracies()
    return abs(p_b - p_a) > 1.96 * math.hypot(_se(p_a, n), _se(p_b, n))


def _mcnemar_reference(b, c):
    """Exact two-sided McNemar p-value: min(1, 2 P[Binomial(b + c, 1/2) <= min(b, c)])."""
    from scipy.stats import binom

    n = b + c
    if n == 0:
        return 1.0
    return float(min(1.0, 2 * binom.cdf(min(b, c), n, 0.5)))


def _mcnemar_cases():
    """Hidden (b, c) pairs: no disagreement, one-sided extremes, ties, small and large counts."""
    rng = np.random.default_rng(53)
    cases = [(0, 0), (0, 1), (1, 0), (3, 3), (5, 0), (0, 6), (7, 2), (9, 25), (25, 9), (40, 40)]
    cases += [(int(b), int(c)) for b, c in rng.integers(0, 400, (4, 2))]
    return cases


def _chi_square_from_counts(b, c, *, correction):
    from scipy.stats import chi2

    if b + c == 0:
        return 1.0
    statistic = (abs(b - c) - (1 if correction else 0)) ** 2 / (b + c)
    return float(chi2.sf(statistic, 1))


def _one_tail(b, c):
    from scipy.stats import binom

    return float(binom.cdf(min(b, c), b + c, 0.5)) if b + c else 1.0


def _discordant():
    y_true, pred_a, pred_b = two_models()
    a_right, b_right = pred_a == y_true, pred_b == y_true
    return int(np.sum(a_right & ~b_right)), int(np.sum(~a_right & b_right))


def _mcnemar_on_data():
    return stats.mcnemar_test(*two_models()).p_value


def _chi_square_p(correction):
    return stats.mcnemar_test(*two_models(), exact=False, correction=correction).p_value


def _binomtest_on_all_samples():
    from scipy.stats import binomtest

    b, _ = _discordant()
    return binomtest(b, two_models()[0].size, 0.5).pvalue


def _paired_t_p(*, ratio, one_sided=False):
    """Paired t-test p-value on the fold differences; ``ratio`` = n_test / n_train (0 = plain test)."""
    from scipy.stats import t

    accuracy_a, accuracy_b = fold_scores()
    difference = accuracy_b - accuracy_a
    k = difference.size
    statistic = difference.mean() / math.sqrt((1 / k + ratio) * difference.var(ddof=1))
    tail = float(t.sf(abs(statistic), k - 1))
    return tail if one_sided else 2 * tail


def _corrected_p():
    return stats.paired_difference(*fold_scores(), test_train_ratio=FOLDS["n_test"] / FOLDS["n_train"]).p_value


def _unpaired_t_p():
    from scipy.stats import ttest_ind

    return float(ttest_ind(*fold_scores()).pvalue)


def _best_in_sds(ddof=1):
    runs = seed_runs()
    sd = stats.sample_sd(runs) if ddof == 1 else float(runs.std())
    return float((runs.max() - runs.mean()) / sd)


# --- questions -----------------------------------------------------------------------------

def _root_over_n_only():
    _, p_b, n = _accuracies()
    return p_b * (1 - p_b) / math.sqrt(n)


def _single_image_spread():
    _, p_b, _ = _accuracies()
    return math.sqrt(p_b * (1 - p_b))


q1 = _TEXT.ask(NumberQuestion, "q1", expected=_se_b, tolerance=0.0003, low=0.0, high=0.5,
               mistakes={"variance_not_se": lambda: _se_b() ** 2,
                         "root_over_n_only": _root_over_n_only,
                         "single_image_spread": _single_image_spread,
                         "model_a_se": lambda: _se(_accuracies()[0], _accuracies()[2])})

q2 = _TEXT.ask(ChoiceQuestion, "q2", expected=lambda: "yes" if _unpaired_says_better() else "no")

# tolerance 1e-6: binom.cdf, binomtest and a tail summed by hand differ in the last digits
q3 = _TEXT.ask(FunctionQuestion, "q3", expected=_mcnemar_reference, cases=_mcnemar_cases, tolerance=1e-6,
               mistakes={"chi_square_corrected": lambda b, c: _chi_square_from_counts(b, c, correction=True),
                         "chi_square_uncorrected": lambda b, c: _chi_square_from_counts(b, c, correction=False),
                         "one_tail": _one_tail})

q4 = _TEXT.ask(rate_question, "q4", expected=_mcnemar_on_data, tolerance=0.0002,
               mistakes={"one_tail": lambda: _mcnemar_on_data() / 2,
                         "binomtest_on_all_samples": _binomtest_on_all_samples,
                         "chi_square_corrected": lambda: _chi_square_p(True),
                         "chi_square_uncorrected": lambda: _chi_square_p(False)})

q5 = _TEXT.ask(rate_question, "q5", expected=_corrected_p, tolerance=0.0001,
               mistakes={"plain_paired_t": lambda: _paired_t_p(ratio=0.0),
                         "unpaired_t_p": _unpaired_t_p,
                         "one_tail": lambda: _paired_t_p(ratio=FOLDS["n_test"] / FOLDS["n_train"], one_sided=True),
                         "ratio_upside_down": lambda: _paired_t_p(ratio=FOLDS["n_train"] / FOLDS["n_test"])})


def _range_in_sds():
    runs = seed_runs()
    return float((runs.max() - runs.min()) / runs.std(ddof=1))


q6 = _TEXT.ask(NumberQuestion, "q6", expected=_best_in_sds, tolerance=0.01, low=0.0, high=10.0,
               mistakes={"population_sd": lambda: _best_in_sds(ddof=0),
                         "gap_not_in_sds": lambda: float(seed_runs().max() - seed_runs().mean()),
                         "range_in_sds": _range_in_sds})

progress = make_progress(__name__, "Exercises 05")
