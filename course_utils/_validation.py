"""Input checks shared by the public helpers.

Every public function validates its inputs here, so that a learner who passes
the wrong thing gets one clear sentence naming the argument and what was
expected, instead of a broadcasting traceback from deep inside NumPy.
"""

from __future__ import annotations

import numbers

import numpy as np


def as_1d_array(values, name, *, allow_empty=False):
    """Return ``values`` as a 1-D NumPy array or raise a clear error."""
    if values is None:
        raise TypeError(f"{name} must be an array-like of numbers, got None.")
    if isinstance(values, (str, bytes, dict, set)):
        raise TypeError(
            f"{name} must be an array-like (list, tuple or NumPy array), "
            f"got {type(values).__name__}."
        )
    try:
        array = np.asarray(values)
    except (ValueError, TypeError) as error:
        raise TypeError(f"{name} could not be read as an array: {error}") from None
    if array.ndim == 0:
        raise TypeError(
            f"{name} must be a 1-D array-like, got a single value ({values!r})."
        )
    if array.ndim == 2 and 1 in array.shape:
        array = array.reshape(-1)
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got an array of shape {array.shape}.")
    if array.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty; at least one value is needed.")
    return array


def as_numeric_1d(values, name, *, allow_empty=False):
    """Return a 1-D float array with no NaN or infinity."""
    array = as_1d_array(values, name, allow_empty=allow_empty)
    if array.dtype == bool:
        array = array.astype(float)
    if not np.issubdtype(array.dtype, np.number):
        raise TypeError(f"{name} must contain numbers, got values of type {array.dtype}.")
    array = array.astype(float)
    if np.isnan(array).any():
        raise ValueError(f"{name} contains NaN at position {int(np.flatnonzero(np.isnan(array))[0])}.")
    if np.isinf(array).any():
        raise ValueError(f"{name} contains infinity.")
    return array


def as_labels(values, name, *, allow_empty=False):
    """Return class labels as a 1-D array (ints, bools or strings), no NaN."""
    array = as_1d_array(values, name, allow_empty=allow_empty)
    if array.dtype == bool:
        return array.astype(int)
    if np.issubdtype(array.dtype, np.floating):
        if np.isnan(array).any():
            raise ValueError(f"{name} contains NaN; labels must be class values.")
        if not np.all(array == np.round(array)):
            raise ValueError(
                f"{name} must hold class labels (e.g. 0 and 1), got non-integer "
                f"values such as {array[array != np.round(array)][0]!r}. "
                "Did you pass scores or probabilities instead of labels?"
            )
        return array.astype(int)
    if array.dtype == object:
        if all(isinstance(value, str) for value in array):  # pandas' string columns arrive as objects
            return array.astype(str)
        raise TypeError(f"{name} must hold labels of one type (ints or strings).")
    return array


def as_binary_labels(values, name, *, allow_empty=False):
    """Return 0/1 labels as an int array; any other value raises."""
    array = as_labels(values, name, allow_empty=allow_empty)
    if not np.issubdtype(array.dtype, np.integer):
        raise TypeError(f"{name} must hold 0/1 labels, got values of type {array.dtype}.")
    unexpected = np.setdiff1d(np.unique(array), [0, 1])
    if unexpected.size:
        raise ValueError(
            f"{name} must hold only 0 and 1, got {unexpected[:5].tolist()}."
        )
    return array.astype(int)


def as_probabilities(values, name, *, allow_empty=False):
    """Return a 1-D float array of probabilities in [0, 1]."""
    array = as_numeric_1d(values, name, allow_empty=allow_empty)
    outside = (array < 0) | (array > 1)
    if outside.any():
        raise ValueError(
            f"{name} must be probabilities in [0, 1], got {array[outside][0]:g} "
            f"at position {int(np.flatnonzero(outside)[0])}. "
            "If these are logits or scores, convert them first."
        )
    return array


def check_same_length(**arrays):
    """Raise if the named arrays do not all have the same length."""
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"{name} has {n}" for name, n in lengths.items())
        raise ValueError(f"Arrays must have the same length: {described}.")


def check_fraction(value, name, *, low=0.0, high=1.0, inclusive=(False, False)):
    """Return ``value`` as float, checking ``low < value < high`` (bounds optional)."""
    check_real(value, name)
    value = float(value)
    low_ok = value >= low if inclusive[0] else value > low
    high_ok = value <= high if inclusive[1] else value < high
    if not (low_ok and high_ok):
        left = "[" if inclusive[0] else "("
        right = "]" if inclusive[1] else ")"
        raise ValueError(f"{name} must be in {left}{low:g}, {high:g}{right}, got {value!r}.")
    return value


def check_real(value, name):
    """Raise unless ``value`` is a finite real number (bool is refused)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}.")
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}.")
    return value


def check_positive_real(value, name):
    """Return ``value`` as float, checking it is a finite number > 0 (e.g. a learning rate)."""
    check_real(value, name)
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value!r}.")
    return float(value)


def check_positive_int(value, name, *, minimum=1):
    """Return ``value`` as int, checking it is an integer >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}.")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}.")
    return int(value)


def check_seed(seed, name="seed"):
    """Return ``seed`` as a non-negative int."""
    return check_positive_int(seed, name, minimum=0)
