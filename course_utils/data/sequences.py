"""Token-sequence tasks with known answers: integer sequences and their labels.

Tokens are 1 … ``vocab_size``; 0 is reserved for padding. Every task is
deterministic given a seed, so a model's score can be compared with what the
task allows (order needed or not, label noise, share of padding).
"""

from __future__ import annotations

import numpy as np

from .._validation import check_fraction, check_positive_int, check_seed

__all__ = ["first_token_task", "counting_task", "noisy_tagging_task", "repeated_token_task",
           "last_above_first_task", "unmasked_tagging_task"]


def _check_task(n_samples, length, vocab_size, seed, *, min_vocab=2):
    n_samples = check_positive_int(n_samples, "n_samples", minimum=2)
    length = check_positive_int(length, "length")
    vocab_size = check_positive_int(vocab_size, "vocab_size", minimum=min_vocab)
    return n_samples, length, vocab_size, np.random.default_rng(check_seed(seed))


def first_token_task(n_samples=1000, *, length=10, vocab_size=8, positive_share=0.5, seed=0):
    """Is the *first* token a 1 or a 2? Needs memory and order.

    The first token is 1 (with probability ``positive_share``) or 2; the
    rest are uniform over the vocabulary. An order-blind model only sees
    that one extra count, which helps less and less as sequences grow.

    Returns
    -------
    X : int array (n_samples, length), tokens 1…vocab_size
    y : int array (n_samples,), 1 when the first token is 1

    Examples
    --------
    >>> X, y = first_token_task(4, length=5, seed=0)
    >>> bool(np.all(y == (X[:, 0] == 1)))
    True
    """
    n_samples, length, vocab_size, rng = _check_task(n_samples, length, vocab_size, seed)
    positive_share = check_fraction(positive_share, "positive_share")
    X = rng.integers(1, vocab_size + 1, size=(n_samples, length))
    # uniform draws for the balanced default keep its data (and published numbers) unchanged
    probabilities = None if positive_share == 0.5 else [positive_share, 1 - positive_share]
    X[:, 0] = rng.choice([1, 2], size=n_samples, p=probabilities)
    return X, (X[:, 0] == 1).astype(int)


def counting_task(n_samples=1000, *, length=10, vocab_size=8, seed=0):
    """Does token 1 occur more often than token 2? Order does not matter.

    Ties are broken by resampling the sequence, so both classes are about
    equally common and the label is a pure function of the token counts.

    Examples
    --------
    >>> X, y = counting_task(5, length=6, seed=1)
    >>> bool(np.all(y == ((X == 1).sum(1) > (X == 2).sum(1))))
    True
    """
    n_samples, length, vocab_size, rng = _check_task(n_samples, length, vocab_size, seed)
    X = rng.integers(1, vocab_size + 1, size=(n_samples, length))
    ties = (X == 1).sum(1) == (X == 2).sum(1)
    while ties.any():
        X[ties] = rng.integers(1, vocab_size + 1, size=(int(ties.sum()), length))
        ties = (X == 1).sum(1) == (X == 2).sum(1)
    return X, ((X == 1).sum(1) > (X == 2).sum(1)).astype(int)


def noisy_tagging_task(n_samples=1000, *, max_length=20, vocab_size=8, padding_fraction=0.4,
                       label_noise=0.3, seed=0):
    """A per-token labelling task with padded, variable-length sequences.

    Each real token's label is 1 when the token is in the upper half of the
    vocabulary, flipped with probability ``label_noise`` — so no model can
    exceed about ``1 - label_noise`` on real tokens. Sequences are padded at
    the end with token 0 (label 0); on average ``padding_fraction`` of the
    positions are padding.

    Returns
    -------
    X : int array (n_samples, max_length), 0 = padding
    y : int array (n_samples, max_length), 0 on padding
    mask : bool array (n_samples, max_length), True on real tokens

    Examples
    --------
    >>> X, y, mask = noisy_tagging_task(3, max_length=6, padding_fraction=0.5, seed=0)
    >>> bool(np.all(X[~mask] == 0)) and bool(np.all(y[~mask] == 0))
    True
    """
    n_samples, max_length, vocab_size, rng = _check_task(n_samples, max_length, vocab_size, seed)
    padding_fraction = check_fraction(padding_fraction, "padding_fraction", inclusive=(True, False))
    label_noise = check_fraction(label_noise, "label_noise", high=0.5, inclusive=(True, False))
    mean_length = max(1.0, (1 - padding_fraction) * max_length)
    spread = min(mean_length - 1, max_length - mean_length)
    lengths = np.clip(np.round(rng.uniform(mean_length - spread, mean_length + spread, n_samples)),
                      1, max_length).astype(int)
    mask = np.arange(max_length)[None, :] < lengths[:, None]
    X = np.where(mask, rng.integers(1, vocab_size + 1, size=(n_samples, max_length)), 0)
    clean = (X > vocab_size // 2).astype(int)
    flip = rng.random(X.shape) < label_noise
    y = np.where(mask, clean ^ flip, 0)
    return X, y, mask


def repeated_token_task(n_samples=1000, *, length=10, vocab_size=8, token=4, min_count=3, seed=0):
    """Does ``token`` occur at least ``min_count`` times? A count, so order does not matter.

    Returns
    -------
    X : int array (n_samples, length), tokens 1…vocab_size
    y : int array (n_samples,)

    Examples
    --------
    >>> X, y = repeated_token_task(6, length=8, token=2, min_count=2, seed=1)
    >>> bool(np.all(y == ((X == 2).sum(axis=1) >= 2)))
    True
    """
    n_samples, length, vocab_size, rng = _check_task(n_samples, length, vocab_size, seed)
    token = check_positive_int(token, "token")
    if token > vocab_size:
        raise ValueError(f"token must be one of the tokens 1 … {vocab_size}, got {token}.")
    min_count = check_positive_int(min_count, "min_count")
    X = rng.integers(1, vocab_size + 1, (n_samples, length))
    return X, ((X == token).sum(axis=1) >= min_count).astype(int)


def last_above_first_task(n_samples=1000, *, length=10, vocab_size=8, seed=0):
    """Is the last token larger than the first? Needs order: a bag of tokens cannot tell.

    Returns the tokens ``X`` (n_samples × length, 1…vocab_size) and the labels ``y`` (0/1).

    Examples
    --------
    >>> X, y = last_above_first_task(5, length=4, seed=2)
    >>> bool(np.all(y == (X[:, -1] > X[:, 0])))
    True
    """
    n_samples, length, vocab_size, rng = _check_task(n_samples, length, vocab_size, seed)
    X = rng.integers(1, vocab_size + 1, (n_samples, length))
    return X, (X[:, -1] > X[:, 0]).astype(int)


def unmasked_tagging_task(n_samples=40, *, max_length=10, min_length=3, vocab_size=5, threshold=3, label_noise=0.25,
                          seed=0):
    """A padded tagging task and the output of a tagger that knows the rule but has no mask.

    Each real token's label is 1 when the token exceeds ``threshold``,
    flipped with probability ``label_noise``; the tagger predicts the rule
    itself on real tokens and coin flips at the padded positions (which mean
    nothing without a mask). Lengths are uniform in ``min_length`` …
    ``max_length``.

    Returns
    -------
    y_true : int array (n_samples, max_length), 0 at padding
    y_pred : int array (n_samples, max_length)
    mask : bool array (n_samples, max_length), True on real tokens

    Examples
    --------
    >>> y_true, y_pred, mask = unmasked_tagging_task(5, max_length=6, min_length=2, label_noise=0.0, seed=1)
    >>> bool(np.all(y_true[mask] == y_pred[mask])), bool(np.all(mask[:, :2]))
    (True, True)
    """
    n_samples, max_length, vocab_size, rng = _check_task(n_samples, max_length, vocab_size, seed)
    min_length = check_positive_int(min_length, "min_length")
    if min_length > max_length:
        raise ValueError(f"min_length ({min_length}) cannot exceed max_length ({max_length}).")
    threshold = check_positive_int(threshold, "threshold", minimum=0)
    label_noise = check_fraction(label_noise, "label_noise", high=0.5, inclusive=(True, False))
    lengths = rng.integers(min_length, max_length + 1, n_samples)
    mask = np.arange(max_length)[None, :] < lengths[:, None]
    X = np.where(mask, rng.integers(1, vocab_size + 1, (n_samples, max_length)), 0)
    rule = (X > threshold).astype(int)
    flipped = rng.random((n_samples, max_length)) < label_noise
    y_true = np.where(mask, np.where(flipped, 1 - rule, rule), 0)
    y_pred = np.where(mask, rule, rng.integers(0, 2, (n_samples, max_length)))
    return y_true, y_pred, mask
