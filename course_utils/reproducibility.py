"""Seeds and an environment report.

``set_seed`` seeds Python, NumPy and — only if it is already imported or you
ask for it — TensorFlow/Keras. ``import course_utils`` never imports
TensorFlow: it costs seconds and hundreds of megabytes. ``environment_report``
checks TensorFlow in a child process for the same reason: the setup notebook's
kernel stays small while the learner moves on to the next notebook.
"""

from __future__ import annotations

import json
import os
import platform
import random
import subprocess
import sys
from dataclasses import dataclass, field
from importlib import metadata

import numpy as np

from ._validation import check_seed

__all__ = [
    "set_seed",
    "import_tensorflow",
    "environment_report",
    "EnvironmentReport",
    "COURSE_PACKAGES",
]

#: Distributions whose versions the setup notebook reports.
COURSE_PACKAGES = ("numpy", "scipy", "scikit-learn", "matplotlib", "pandas",
                   "ipywidgets", "jupyterlab", "keras")

_QUIET_TENSORFLOW = {
    "TF_CPP_MIN_LOG_LEVEL": "3",   # C++ info/warning lines on stderr
    "TF_ENABLE_ONEDNN_OPTS": "0",  # the oneDNN notice, and CPU-dependent rounding
    "KERAS_BACKEND": "tensorflow",
}


def import_tensorflow():
    """Import TensorFlow quietly and return the module.

    Sets the logging knobs *before* the first import, so notebook outputs stay
    clean and stable, and turns off Keras' progress-bar noise in logs.

    Examples
    --------
    >>> tf = import_tensorflow()  # doctest: +SKIP
    """
    for key, value in _QUIET_TENSORFLOW.items():
        os.environ.setdefault(key, value)
    import tensorflow as tf

    tf.get_logger().setLevel("ERROR")
    return tf


def set_seed(seed=0, *, tensorflow=None):
    """Seed Python's ``random``, NumPy's global generator and, optionally, TensorFlow.

    Parameters
    ----------
    seed : int
        Non-negative seed.
    tensorflow : bool or None
        ``True`` imports TensorFlow and calls ``keras.utils.set_random_seed``
        plus ``tf.config.experimental.enable_op_determinism()``; ``False``
        leaves it alone; ``None`` (default) seeds it only if it is already
        imported, so a scikit-learn-only notebook stays light.

    Returns
    -------
    int
        The seed, so a notebook can print it.

    Notes
    -----
    Determinism makes a run *repeatable*; it does not make one run's score
    *reliable* — notebook 05 shows how much scores move between seeds.

    Python's string hashing (``PYTHONHASHSEED``) is fixed when the interpreter
    starts, so no function can seed it for the running kernel; the course's
    results do not depend on it.

    Examples
    --------
    >>> set_seed(42)
    42
    """
    seed = check_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    if tensorflow is None:
        tensorflow = "tensorflow" in sys.modules
    if tensorflow:
        tf = import_tensorflow()
        import keras

        keras.utils.set_random_seed(seed)
        try:
            tf.config.experimental.enable_op_determinism()
        except RuntimeError:  # already enabled; enabling twice is harmless
            pass
    return seed


def _version(distribution):
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


_TENSORFLOW_PROBE = """
import json, tensorflow as tf
tf.get_logger().setLevel("ERROR")
devices = [d.device_type + ":" + d.name.split(":")[-1] for d in tf.config.list_physical_devices()]
print(json.dumps({"version": tf.__version__, "devices": devices}))
"""


def _check_tensorflow_in_child_process(timeout=300):
    """Import TensorFlow in a child Python and return (version, devices, problem or None).

    The kernel that asks never loads TensorFlow (~600 MB that it would keep until shut down).
    """
    env = {**os.environ, **_QUIET_TENSORFLOW}
    try:
        done = subprocess.run([sys.executable, "-c", _TENSORFLOW_PROBE], capture_output=True, text=True,
                              env=env, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, [], f"importing TensorFlow took longer than {timeout} s"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return None, [], f"TensorFlow cannot be imported ({last})"
    try:
        found = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return None, [], f"the TensorFlow check printed no result ({done.stdout.strip()[-200:]!r})"
    return found["version"], found["devices"], None


@dataclass
class EnvironmentReport:
    """What the setup notebook checks, as data (rendered as a table in Jupyter).

    Examples
    --------
    >>> report = EnvironmentReport(python="3.12.3", platform="Linux", packages={"numpy": "2.1.0", "keras": None},
    ...                            tensorflow=None, problems=["keras is missing"])
    >>> report.ok
    False
    >>> print(report)
    Python      3.12.3
    Platform    Linux
    numpy       2.1.0
    keras       MISSING
    tensorflow  not checked
    Problems: keras is missing
    """

    python: str
    platform: str
    packages: dict
    tensorflow: str | None
    devices: list = field(default_factory=list)
    total_memory_gb: float | None = None
    available_memory_gb: float | None = None
    process_memory_mb: float | None = None
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        """True when nothing the course needs is missing."""
        return not self.problems

    def rows(self):
        """(item, value) pairs, in display order."""
        rows = [("Python", self.python), ("Platform", self.platform)]
        rows += [(name, version or "MISSING") for name, version in self.packages.items()]
        rows.append(("tensorflow", self.tensorflow or "not checked"))
        if self.devices:
            rows.append(("TensorFlow devices", ", ".join(self.devices)))
        if self.total_memory_gb is not None:
            rows.append(("Memory total / available",
                         f"{self.total_memory_gb:.1f} GB / {self.available_memory_gb:.1f} GB"))
        if self.process_memory_mb is not None:
            rows.append(("This kernel uses", f"{self.process_memory_mb:.0f} MB"))
        return rows

    def __str__(self):
        width = max(len(item) for item, _ in self.rows())
        lines = [f"{item:<{width}}  {value}" for item, value in self.rows()]
        lines.append("All checks passed." if self.ok else "Problems: " + "; ".join(self.problems))
        return "\n".join(lines)

    def _repr_html_(self):
        body = "".join(f"<tr><td>{item}</td><td><code>{value}</code></td></tr>"
                       for item, value in self.rows())
        verdict = ("<b style='color:#00785A'>All checks passed.</b>" if self.ok else
                   "<b style='color:#B34700'>Problems:</b> " + "; ".join(self.problems))
        return f"<table>{body}</table><p>{verdict}</p>"


def environment_report(*, check_tensorflow=True):
    """Collect versions, TensorFlow devices and memory for the setup notebook.

    Parameters
    ----------
    check_tensorflow : bool
        Import TensorFlow in a child process and list its devices (takes a few
        seconds; this process never imports it).

    Returns
    -------
    EnvironmentReport

    Examples
    --------
    >>> report = environment_report(check_tensorflow=False)
    >>> report.python.startswith("3.")
    True
    """
    problems = []
    if sys.version_info < (3, 11):  # noqa: UP036 - learners may run the notebooks on another Python
        problems.append(f"Python 3.11 or newer is needed, this is {platform.python_version()}")
    packages = {name: _version(name) for name in COURSE_PACKAGES}
    problems += [f"{name} is not installed" for name, version in packages.items() if version is None]

    tf_version, devices = None, []
    if check_tensorflow:
        tf_version, devices, problem = _check_tensorflow_in_child_process()
        if problem:
            problems.append(problem)

    total = available = process = None
    try:
        import psutil

        memory = psutil.virtual_memory()
        total, available = memory.total / 1e9, memory.available / 1e9
        try:  # proportional set size: shared library pages split between the processes using them
            process = psutil.Process().memory_full_info().pss / 1e6
        except (AttributeError, psutil.Error):  # PSS is Linux-only
            process = psutil.Process().memory_info().rss / 1e6
        if available < 1.0:
            problems.append(f"only {available:.1f} GB of memory is free; 1 GB is needed")
    except ImportError:
        problems.append("psutil is not installed, memory cannot be checked")

    return EnvironmentReport(
        python=platform.python_version(), platform=f"{platform.system()} {platform.machine()}",
        packages=packages, tensorflow=tf_version, devices=devices,
        total_memory_gb=total, available_memory_gb=available,
        process_memory_mb=process, problems=problems)
