"""Every data set of the course, generated or loaded, deterministic given a seed.

One module per shape of data:

- :mod:`course_utils.data.tabular` — synthetic feature tables, labels and
  scores (``make_*``): imbalanced blobs, binormal scores and probabilities,
  the pure-noise data of the leakage experiments, the shifted minority class,
  paired predictions and scores of two models, accuracies over seeds, and the
  predictions of classifiers with chosen mistakes;
- :mod:`course_utils.data.sequences` — token-sequence tasks with known answers
  (``*_task``);
- :mod:`course_utils.data.real` — real data (``load_*``): scikit-learn's
  bundled digits and breast-cancer data, and the German Credit file shipped in
  ``course_utils/datasets``.

Nothing here downloads anything, trains a model or imports TensorFlow; the
experiment modules (:mod:`course_utils.leakage`, :mod:`course_utils.per_class`,
:mod:`course_utils.sequences`, …) and the exercise sets import their data from
here (an exercise only picks the arguments). Every name is available from the
package itself.

Examples
--------
>>> from course_utils.data import make_grouped_noise
>>> X, y, groups = make_grouped_noise(n_groups=5, per_group=2, n_features=3)
>>> X.shape
(10, 3)
"""

from . import real, sequences, tabular
from .real import *  # noqa: F403 - each module's __all__ lists its public names
from .sequences import *  # noqa: F403
from .tabular import *  # noqa: F403

__all__ = tabular.__all__ + sequences.__all__ + real.__all__
