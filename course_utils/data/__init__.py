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

from .real import Split, load_digits_one_vs_rest, load_digits_with_rare_class, load_german_credit, load_tumours
from .sequences import (
    counting_task,
    first_token_task,
    last_above_first_task,
    noisy_tagging_task,
    repeated_token_task,
    unmasked_tagging_task,
)
from .tabular import (
    make_binormal_probabilities,
    make_binormal_scores,
    make_candidate_accuracies,
    make_categorical_noise,
    make_confused_predictions,
    make_drifting_series,
    make_duplicated_noise,
    make_grouped_noise,
    make_imbalanced_binary,
    make_imbalanced_noise,
    make_missed_class_predictions,
    make_noise_classification,
    make_overconfident_logits,
    make_paired_fold_scores,
    make_paired_predictions,
    make_patient_table,
    make_seed_accuracies,
    make_shifted_minority_data,
    make_uninformed_predictions,
)

__all__ = [  # alphabetical within each shape module (the modules keep their own, thematic order)
    # tabular
    "make_binormal_probabilities", "make_binormal_scores", "make_candidate_accuracies", "make_categorical_noise",
    "make_confused_predictions", "make_drifting_series", "make_duplicated_noise", "make_grouped_noise",
    "make_imbalanced_binary", "make_imbalanced_noise", "make_missed_class_predictions", "make_noise_classification",
    "make_overconfident_logits", "make_paired_fold_scores", "make_paired_predictions", "make_patient_table",
    "make_seed_accuracies", "make_shifted_minority_data", "make_uninformed_predictions",
    # sequences
    "counting_task", "first_token_task", "last_above_first_task", "noisy_tagging_task", "repeated_token_task",
    "unmasked_tagging_task",
    # real
    "load_digits_one_vs_rest", "load_digits_with_rare_class", "load_german_credit", "load_tumours", "Split",
]
