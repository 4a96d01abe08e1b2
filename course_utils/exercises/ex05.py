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
from . import make_progress

__all__ = ["two_models", "FOLDS", "fold_scores", "seed_runs", "q1", "q2", "q3", "q4", "q5", "q6",
           "progress"]

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

q1 = NumberQuestion(
    name="Question 1 (binomial standard error)",
    expected=_se_b,
    tolerance=0.0003,
    mistakes=[
        (lambda: _se_b() ** 2, "that is the variance p(1 − p)/n. The standard error is its square root."),
        (lambda: _accuracies()[1] * (1 - _accuracies()[1]) / math.sqrt(_accuracies()[2]),
         "the square root belongs over the whole fraction: sqrt(p (1 − p) / n)."),
        (lambda: math.sqrt(_accuracies()[1] * (1 - _accuracies()[1])),
         "that is the spread of a single test image (right or wrong). Divide by n inside the root."),
        (lambda: _se(_accuracies()[0], _accuracies()[2]),
         "that is model A's standard error; the question asks for model B's."),
    ],
    low=0.0, high=0.5,
    hint="First model B's accuracy p = np.mean(pred_b == y_true) and n = len(y_true); "
         "then sqrt(p * (1 - p) / n).",
    solution="accuracy_b = np.mean(pred_b == y_true)\n"
             "se_b = np.sqrt(accuracy_b * (1 - accuracy_b) / len(y_true))",
)

q2 = ChoiceQuestion(
    name="Question 2 (better, judged as two independent accuracies?)",
    options={
        "yes": "print the gap acc_B − acc_A next to 1.96 · sqrt(SE_A² + SE_B²): is the gap really the larger one?",
        "no": "the gap is smaller than the 95 % half-width of the difference: judged as two independent "
              "accuracies, the models cannot be told apart. Question 4 uses the pairing, which is sharper.",
    },
    expected=lambda: "yes" if _unpaired_says_better() else "no",
    hint="The difference of two independent estimates has standard error sqrt(SE_A² + SE_B²). "
         "'Clearly better' here means the gap exceeds 1.96 times that.",
    solution="accuracy_a = np.mean(pred_a == y_true)\n"
             "se_a = np.sqrt(accuracy_a * (1 - accuracy_a) / len(y_true))\n"
             "half_width = 1.96 * np.sqrt(se_a**2 + se_b**2)\n"
             "clearly_better = 'yes' if abs(accuracy_b - accuracy_a) > half_width else 'no'",
)

q3 = FunctionQuestion(
    name="Question 3 (write mcnemar_p)",
    expected=_mcnemar_reference,
    cases=_mcnemar_cases,
    tolerance=1e-6,  # binom.cdf, binomtest and a tail summed by hand differ in the last digits
    mistakes=[
        (lambda b, c: _chi_square_from_counts(b, c, correction=True),
         "That is the chi-square approximation (with continuity correction); the question asks for the exact "
         "binomial version, which is right for small counts too."),
        (lambda b, c: _chi_square_from_counts(b, c, correction=False),
         "That is the chi-square approximation; the question asks for the exact binomial version."),
        (_one_tail,
         "That looks like one tail: 'do the models differ' is two-sided — double the tail, and cap it at 1."),
    ],
    hint="Under 'no difference' each disagreement favours A or B with probability 1/2, so b is "
         "Binomial(b + c, 1/2). Two-sided: 2 * P(X <= min(b, c)), capped at 1 — "
         "scipy.stats.binom.cdf(min(b, c), b + c, 0.5), or scipy.stats.binomtest(b, b + c, 0.5).pvalue. "
         "With no disagreement at all (b + c = 0) there is no evidence either way: p = 1.",
    solution="def mcnemar_p(b, c):\n"
             "    if b + c == 0:\n"
             "        return 1.0\n"
             "    return min(1.0, 2 * binom.cdf(min(b, c), b + c, 0.5))",
)

q4 = rate_question(
    name="Question 4 (McNemar on the two models)",
    expected=_mcnemar_on_data,
    tolerance=0.0002,
    mistakes=[
        (lambda: _mcnemar_on_data() / 2, "that is the one-sided p-value. The question is whether the models "
                                         "differ in either direction: double it."),
        (_binomtest_on_all_samples,
         "the number of trials is the number of *disagreements* (b + c), not the whole test set: images both "
         "models get right, or both get wrong, say nothing about which is better."),
        (lambda: _chi_square_p(True), "that is the chi-square approximation (with continuity correction). "
                                      "Use the exact binomial version, your mcnemar_p."),
        (lambda: _chi_square_p(False), "that is the chi-square approximation without continuity correction. "
                                       "Use the exact binomial version, your mcnemar_p."),
    ],
    hint="a_right = pred_a == y_true, b_right = pred_b == y_true; b = only A right (a_right & ~b_right), "
         "c = only B right. Then mcnemar_p(b, c).",
    solution="a_right, b_right = pred_a == y_true, pred_b == y_true\n"
             "b, c = int(np.sum(a_right & ~b_right)), int(np.sum(~a_right & b_right))\n"
             "p_mcnemar = mcnemar_p(b, c)",
)

q5 = rate_question(
    name="Question 5 (paired t-test with overlapping folds)",
    expected=_corrected_p,
    tolerance=0.0001,
    mistakes=[
        (lambda: _paired_t_p(ratio=0.0),
         "that is the plain paired t-test. Its variance 1/k · s² assumes the ten folds are independent, but "
         "any two training sets share 8/9 of their data: add n_test/n_train (Nadeau & Bengio)."),
        (_unpaired_t_p, "that is an unpaired t-test: it leaves in the fold-to-fold difficulty that both models "
                        "share. Work with the ten differences accuracy_b − accuracy_a."),
        (lambda: _paired_t_p(ratio=FOLDS["n_test"] / FOLDS["n_train"], one_sided=True),
         "that is one tail. Two-sided: double it."),
        (lambda: _paired_t_p(ratio=FOLDS["n_train"] / FOLDS["n_test"]),
         "the ratio is upside down: the correction adds n_test / n_train (a small number), not n_train / n_test."),
    ],
    hint="d = accuracy_b − accuracy_a; t = d.mean() / sqrt((1/k + n_test/n_train) · d.var(ddof=1)) with "
         "k = 10; two-sided p = 2 · scipy.stats.t.sf(|t|, k − 1).",
    solution="d = accuracy_b - accuracy_a\nk = len(d)\n"
             "ratio = ex05.FOLDS['n_test'] / ex05.FOLDS['n_train']\n"
             "t_corrected = d.mean() / np.sqrt((1 / k + ratio) * d.var(ddof=1))\n"
             "p_corrected = 2 * t_dist.sf(abs(t_corrected), k - 1)",
)

q6 = NumberQuestion(
    name="Question 6 (how lucky is the best seed?)",
    expected=_best_in_sds,
    tolerance=0.01,
    mistakes=[
        (lambda: _best_in_sds(ddof=0), "use the sample standard deviation, runs.std(ddof=1): NumPy's default "
                                       "(ddof=0) divides by n and underestimates the spread of a few runs."),
        (lambda: float(seed_runs().max() - seed_runs().mean()),
         "that is the gap in accuracy. The question asks for it in units of the seed standard deviation."),
        (lambda: float((seed_runs().max() - seed_runs().min()) / seed_runs().std(ddof=1)),
         "that is the range (best minus worst). The question asks how far the best lies above the mean."),
    ],
    low=0.0, high=10.0,
    hint="runs = ex05.seed_runs(); (runs.max() − runs.mean()) / runs.std(ddof=1).",
    solution="runs = ex05.seed_runs()\nbest_in_sds = (runs.max() - runs.mean()) / runs.std(ddof=1)",
)

progress = make_progress(__name__, "Exercises 05")
