"""Input checks shared by the batched engine and the one-``fit``-per-seed loop it is compared with."""

from __future__ import annotations

import numpy as np

from .._validation import check_positive_int


def _per_member(array, name, n_members, *, ndim):
    """Return ``array`` with a leading member axis: shared arrays are broadcast."""
    array = np.asarray(array)
    if array.ndim == ndim:
        return np.broadcast_to(array, (n_members, *array.shape))
    if array.ndim == ndim + 1:
        if array.shape[0] != n_members:
            raise ValueError(f"{name} has {array.shape[0]} member slices, expected n_members={n_members}.")
        return array
    raise ValueError(f"{name} must have {ndim} dimensions (shared by all members) or {ndim + 1} "
                     f"(one slice per member), got shape {array.shape}.")


def check_member_data(X, y, name_x, name_y, n_members):
    """``X`` as float32 of shape (E, n, d) and ``y`` as int32 class indices of shape (E, n).

    A 2-D ``X`` (1-D ``y``) is shared by all ``n_members`` members; a 3-D
    ``X`` (2-D ``y``) gives each member its own slice.
    """
    X = _per_member(X, name_x, n_members, ndim=2)
    y = _per_member(y, name_y, n_members, ndim=1)
    if not np.issubdtype(X.dtype, np.number) or not np.all(np.isfinite(X)):
        raise ValueError(f"{name_x} must hold finite numbers.")
    if X.shape[1] == 0:
        raise ValueError(f"{name_x} is empty.")
    if X.shape[:2] != y.shape:
        raise ValueError(f"{name_x} has {X.shape[1]} rows per member but {name_y} has {y.shape[1]} labels.")
    if not np.issubdtype(y.dtype, np.integer) or y.min() < 0:
        raise ValueError(f"{name_y} must hold class indices 0, 1, 2, … (integers).")
    return X.astype(np.float32), y.astype(np.int32)


def check_train_test(X_train, y_train, X_test, y_test, *, n_members=1, n_classes=None):
    """Checked training and test data (see :func:`check_member_data`) and the number of classes."""
    Xtr, ytr = check_member_data(X_train, y_train, "X_train", "y_train", n_members)
    Xte, yte = check_member_data(X_test, y_test, "X_test", "y_test", n_members)
    if Xtr.shape[2] != Xte.shape[2]:
        raise ValueError(f"X_train has {Xtr.shape[2]} features but X_test has {Xte.shape[2]}.")
    if n_classes is None:
        n_classes = int(max(ytr.max(), yte.max())) + 1
    return Xtr, ytr, Xte, yte, check_positive_int(n_classes, "n_classes", minimum=2)


def check_seeds(seeds, name, n_seeds=None):
    """``seeds`` as a 1-D int array of non-negative seeds (``n_seeds`` of them when given)."""
    array = np.asarray(seeds)
    valid = (array.ndim == 1 and array.size > 0 and np.issubdtype(array.dtype, np.integer)
             and not np.any(array < 0) and (n_seeds is None or array.size == n_seeds))
    if not valid:
        count = "at least one" if n_seeds is None else f"{n_seeds}"
        raise ValueError(f"{name} must be {count} non-negative integers (one per model), got {seeds!r}.")
    return array
