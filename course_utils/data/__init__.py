"""Every data set of the course, generated or loaded, deterministic given a seed.

One module per shape of data:

- :mod:`course_utils.data.tabular` — synthetic feature tables, labels and
  scores (``make_*``): imbalanced blobs, binormal scores and probabilities,
  the pure-noise data of the leakage experiments, the shifted minority class,
  paired predictions and scores of two models, accuracies over seeds;
- :mod:`course_utils.data.sequences` — token-sequence tasks with known answers
  (``*_task``);
- :mod:`course_utils.data.real` — real data (``load_*``): scikit-learn's
  bundled digits and the German Credit file shipped in ``course_utils/datasets``.

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

from .real import Split, load_digits_one_vs_rest, load_digits_with_rare_class, load_german_credit
from .sequences import counting_task, first_token_task, noisy_tagging_task
from .tabular import (
    make_binormal_probabilities,
    make_binormal_scores,
    make_categorical_noise,
    make_drifting_series,
    make_duplicated_noise,
    make_grouped_noise,
    make_imbalanced_binary,
    make_imbalanced_noise,
    make_noise_classification,
    make_paired_fold_scores,
    make_paired_predictions,
    make_seed_accuracies,
    make_shifted_minority_data,
)

__all__ = [
    # tabular
    "make_imbalanced_binary", "make_binormal_scores", "make_noise_classification", "make_imbalanced_noise",
    "make_duplicated_noise", "make_grouped_noise", "make_drifting_series", "make_categorical_noise",
    "make_shifted_minority_data", "make_binormal_probabilities", "make_paired_predictions", "make_paired_fold_scores",
    "make_seed_accuracies",
    # sequences
    "first_token_task", "counting_task", "noisy_tagging_task",
    # real
    "Split", "load_digits_one_vs_rest", "load_digits_with_rare_class", "load_german_credit",
]
