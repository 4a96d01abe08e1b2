"""Helpers for the course "When accuracy lies".

Modules (one job each; dependencies point one way):

- :mod:`course_utils.data` — every data set, by shape: ``tabular``, ``sequences``, ``real``
- :mod:`course_utils.metrics` — metrics built from scratch for teaching
- :mod:`course_utils.stats` — standard errors, intervals, bootstrap, permutation, McNemar, paired tests
- :mod:`course_utils.experiments` — pure experiment functions
- :mod:`course_utils.plots` — figure functions (``ax=None`` in, Axes or scikit-learn Display out)
- :mod:`course_utils.widgets` — ipywidgets around the experiments
- :mod:`course_utils.checks` — exercise checkers; :mod:`course_utils.exercises` — the questions
- :mod:`course_utils.reproducibility` — seeds, quiet TensorFlow import, environment report
- :mod:`course_utils.models` — tiny Keras models and the batched ensemble engine
- :mod:`course_utils.report` — the honest evaluation report in one call (notebook 07)

``import course_utils`` is light: it does not import TensorFlow, pyplot or
ipywidgets.
"""

import os as _os
import warnings as _warnings

__version__ = "0.1.0"

if _os.environ.get("COURSE_STRICT_WARNINGS") == "1":
    # Set by `make test`: deprecations triggered by course code or by notebook
    # cells (module __main__) become errors, so a library upgrade fails the
    # tests before it surprises a workshop. Third-party internals are left alone.
    for _category in (DeprecationWarning, FutureWarning):
        _warnings.filterwarnings("error", category=_category, module=r"(__main__|course_utils)")
