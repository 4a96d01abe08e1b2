"""Questions for solutions/06_sequence_models_solutions.

All data are generated here from fixed seeds, nothing is trained with
TensorFlow, and every expected answer is computed from the data (exact
binomial and hypergeometric distributions from SciPy, scikit-learn's
logistic regression for the bag-of-tokens baseline).
"""

from __future__ import annotations

import functools

import numpy as np

from ..checks import ChoiceQuestion, FunctionQuestion, rate_question
from ..data import last_above_first_task, make_uninformed_predictions, repeated_token_task, unmasked_tagging_task
from . import QuestionText, make_progress

__all__ = ["tagging_example", "REPORTS", "VOCAB_SIZE", "mystery_tasks", "imbalanced_predictions",
           "q1", "q2", "q3", "q4", "q5", "q6", "progress"]

#: What the learner reads, from ex06.toml beside this module.
_TEXT = QuestionText.for_module(__name__)

#: Two reported results on balanced test sets: correct answers out of the test-set size.
REPORTS = {"A": {"correct": 112, "n_test": 200}, "B": {"correct": 532, "n_test": 950}}

#: Tokens in :func:`mystery_tasks` are 1 .. VOCAB_SIZE.
VOCAB_SIZE = 5


def tagging_example():
    """A tagger's output on 40 padded sequences (10 positions, padding where ``mask`` is False).

    The tagger has no mask, so what it outputs at padded positions means nothing.

    Returns
    -------
    y_true, y_pred : int arrays (40, 10) of per-token labels 0/1 (y_true is 0 at padding)
    mask : bool array (40, 10), True on real tokens

    Examples
    --------
    >>> y_true, y_pred, mask = tagging_example()
    >>> y_pred.shape, bool(np.all(y_true[~mask] == 0))
    ((40, 10), True)
    """
    return unmasked_tagging_task(40, max_length=10, min_length=3, vocab_size=5, threshold=3, label_noise=0.25, seed=6)


def mystery_tasks():
    """Two sequence-classification tasks with unknown rules, 12 tokens per sequence.

    Returns
    -------
    dict
        ``{"A": (X_train, y_train, X_test, y_test), "B": (...)}``; tokens are
        1 .. :data:`VOCAB_SIZE`, labels 0/1; 600 training and 400 test sequences each.

    Examples
    --------
    >>> tasks = mystery_tasks()
    >>> X_train, y_train, X_test, y_test = tasks["A"]
    >>> sorted(tasks), X_train.shape, X_test.shape
    (['A', 'B'], (600, 12), (400, 12))
    """
    tasks = {"A": functools.partial(repeated_token_task, token=4, min_count=3), "B": last_above_first_task}
    return {name: (*task(600, length=12, vocab_size=VOCAB_SIZE, seed=seed),  # training, then test
                   *task(400, length=12, vocab_size=VOCAB_SIZE, seed=seed + 1))
            for (name, task), seed in zip(tasks.items(), (10, 30), strict=True)}


def imbalanced_predictions():
    """Test labels (mostly positive) and a sequence model's predictions on them.

    Examples
    --------
    >>> y_true, y_pred = imbalanced_predictions()
    >>> len(y_true) == len(y_pred) == 240, bool(y_true.mean() > 0.5)  # mostly positive
    (True, True)
    """
    return make_uninformed_predictions(240, prevalence=0.75, predicted_share=0.8, seed=0)


# --- reference computations (private: the checker's side) -----------------------------------

def _masked_token_accuracy_reference(y_true, y_pred, mask):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    keep = np.asarray(mask).astype(bool)
    return float(np.mean(y_true[keep] == y_pred[keep]))


def _mask_as_indices(y_true, y_pred, mask):
    mask = np.asarray(mask)
    index = mask if mask.dtype == bool else mask.astype(int)
    return float(np.mean(np.asarray(y_true)[index] == np.asarray(y_pred)[index]))


def _masked_cases():
    """Small hidden cases, smallest first: 1-D and 2-D, bool and 0/1 masks, padding right or wrong."""
    rng = np.random.default_rng(60)
    cases = [([1], [1], [True]),
             ([1, 0], [1, 1], [True, False]),
             ([1, 0, 0], [1, 1, 0], [0, 1, 1]),
             ([[1, 0, 0], [0, 1, 0]], [[1, 1, 0], [0, 1, 1]], [[True, False, False], [True, True, False]]),
             ([[1, 1, 0, 0], [0, 1, 1, 0]], [[1, 0, 0, 0], [0, 1, 1, 0]], [[1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0]])]
    for n, length in ((3, 5), (6, 8), (20, 12)):
        lengths = rng.integers(1, length + 1, n)
        mask = np.arange(length)[None, :] < lengths[:, None]
        y_true = np.where(mask, rng.integers(0, 2, (n, length)), 0)
        y_pred = np.where(rng.random((n, length)) < 0.7, y_true, 1 - y_true)
        cases.append((y_true, y_pred, mask))
    return [tuple(np.asarray(part) for part in case) for case in cases]


def _per_sequence(*, use_mask=True):
    y_true, y_pred, mask = tagging_example()
    correct = y_true == y_pred
    if use_mask:
        correct = correct | ~mask
    return float(correct.all(axis=1).mean())


def _binomial_p(report):
    from scipy.stats import binomtest

    return float(binomtest(report["correct"], report["n_test"], 0.5).pvalue)


def _bag_of_tokens_accuracy(X_train, y_train, X_test, y_test):
    from sklearn.linear_model import LogisticRegression

    def counts(X):
        return np.stack([(X == token).sum(axis=1) for token in range(1, VOCAB_SIZE + 1)], axis=1)

    model = LogisticRegression(max_iter=1000).fit(counts(X_train), y_train)
    return float(model.score(counts(X_test), y_test))


def _explained_by_counts():
    """The tasks whose test accuracy an order-blind model already gets to 0.95 or more."""
    explained = [name for name, data in mystery_tasks().items() if _bag_of_tokens_accuracy(*data) >= 0.95]
    return {0: "neither", 2: "both"}.get(len(explained), explained[0] if explained else "neither")


def _permutation_p(*, strictly_better=False):
    """Exact permutation p-value of the accuracy: the limit of shuffling y_true many times.

    With fixed predictions, the number of positives predicted positive after a
    shuffle is hypergeometric, and the number of correct answers is
    ``2 * overlap + n - n_true - n_pred``.
    """
    from scipy.stats import hypergeom

    y_true, y_pred = imbalanced_predictions()
    n, n_true, n_pred = y_true.size, int(y_true.sum()), int(y_pred.sum())
    observed = int(np.sum(y_true == y_pred))
    overlap = (observed - n + n_true + n_pred) // 2  # the observed overlap
    if strictly_better:
        overlap += 1
    return float(hypergeom.sf(overlap - 1, n, n_true, n_pred))


def _binomial_against_coin():
    from scipy.stats import binomtest

    y_true, y_pred = imbalanced_predictions()
    return float(binomtest(int(np.sum(y_true == y_pred)), y_true.size, 0.5).pvalue)


# --- questions -----------------------------------------------------------------------------

def _padding_counted(y_true, y_pred, mask):
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


q1 = _TEXT.ask(FunctionQuestion, "q1", expected=_masked_token_accuracy_reference, cases=_masked_cases,
               mistakes={"padding_counted": _padding_counted,
                         "mask_as_indices": _mask_as_indices})

q2 = _TEXT.ask(rate_question, "q2", expected=_per_sequence,
               mistakes={"padding_counted": lambda: _per_sequence(use_mask=False),
                         "per_token_accuracy": lambda: _masked_token_accuracy_reference(*tagging_example())})

q3 = _TEXT.ask(rate_question, "q3", expected=lambda: _binomial_p(REPORTS["A"]),
               mistakes={"one_tail": lambda: _binomial_p(REPORTS["A"]) / 2})

q4 = _TEXT.ask(ChoiceQuestion, "q4", expected=lambda: "yes" if _binomial_p(REPORTS["B"]) < 0.05 else "no")

q5 = _TEXT.ask(ChoiceQuestion, "q5", expected=_explained_by_counts)

# tolerance 0.03: a Monte-Carlo estimate from 2,000 shuffles is within about 0.01 of the exact value
q6 = _TEXT.ask(rate_question, "q6", expected=_permutation_p, tolerance=0.03,
               mistakes={"binomial_against_coin": _binomial_against_coin,
                         "share_below": lambda: 1 - _permutation_p(),
                         "strictly_better_only": lambda: _permutation_p(strictly_better=True)})

progress = make_progress(__name__, "Exercises 06")
