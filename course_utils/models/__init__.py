"""The course's models: small Keras networks and the batched ensemble engine.

- :mod:`course_utils.models.keras_models` — Keras builders (:func:`build_binary_mlp`,
  :func:`build_lstm`, :func:`article_network`), :func:`restart_training`, and
  :func:`train_keras_loop`, the ordinary one-``fit``-per-seed loop;
- :mod:`course_utils.models.engine` — :func:`train_mlp_ensemble`, which trains
  many seeds of a small MLP at once (:class:`EnsembleResult`);
- :mod:`course_utils.models.sklearn_wrapper` — :class:`KerasMLPClassifier`, a small
  Keras MLP as a scikit-learn classifier (for pipelines and ``honest_report``).

With the seeding in :mod:`course_utils.reproducibility`, this is the only
part of ``course_utils`` that imports TensorFlow — and only when a function
is called: ``import course_utils.models`` stays light.
"""

from .engine import EnsembleResult, train_mlp_ensemble
from .keras_models import article_network, build_binary_mlp, build_lstm, restart_training, train_keras_loop
from .sklearn_wrapper import KerasMLPClassifier

__all__ = ["build_binary_mlp", "build_lstm", "restart_training", "article_network", "train_keras_loop",
           "EnsembleResult", "train_mlp_ensemble", "KerasMLPClassifier"]
