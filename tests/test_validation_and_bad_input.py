"""Bad input to every public helper gets a clear ValueError/TypeError naming the argument.

COURSE_DESIGN.md §3: "Bad input gets a clear ValueError/TypeError naming the
argument and what was expected (shape mismatch, NaN, probabilities outside
[0, 1], one class only, unknown labels, empty arrays) — never a NumPy
broadcasting traceback."

Convention checked here (it is the one ``course_utils._validation`` follows):
a value of the wrong *type* (str, None, dict, float where an int is needed)
raises TypeError; a value of the right type that is out of range, NaN, the
wrong shape or the wrong length raises ValueError. Every message must contain
the argument's name (matched as a whole word).
"""

import os
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils import data, experiments, metrics, plots, widgets  # noqa: E402
from course_utils.metrics import ConfusionCounts  # noqa: E402
from course_utils.models import build_binary_mlp  # noqa: E402

NAN = float("nan")
INF = float("inf")
REPO = Path(__file__).resolve().parents[1]

Y = [0, 1, 0, 1]
S = [0.1, 0.8, 0.3, 0.6]

# A small Split built directly (no data loading needed for select_features).
SPLIT = data.Split(np.arange(12.0).reshape(4, 3), np.arange(6.0).reshape(2, 3),
                   np.array([0, 1, 0, 1]), np.array([0, 1]), ("a", "b", "c"))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def word(name):
    """Regex matching ``name`` as a whole word (so "y" does not match "y_true")."""
    import re

    return rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])"


def case(func, kwargs, exc, argument, id):
    return pytest.param(func, kwargs, exc, argument, id=id)


def not_a_number_cases(func, argument, id, *, base=None):
    """``argument`` set to -1, NaN, a string and None: each refused with a message naming it."""
    return [case(func, {**(base or {}), argument: value}, exc, argument, f"{id}-{tag}")
            for value, exc, tag in ((-1, ValueError, "negative"), (NAN, ValueError, "nan"), ("1", TypeError, "str"),
                                    (None, TypeError, "none"))]


# (callable, kwargs, exception type, argument the message must name)
METRICS_CASES = [
    # confusion_counts
    case(metrics.confusion_counts, dict(y_true=[0, 1, 1], y_pred=[0, 1]), ValueError, "y_true", "cc-length-mismatch"),
    case(metrics.confusion_counts,
         dict(y_true=[0, 1, 1], y_pred=[0, 1]), ValueError, "y_pred", "cc-length-mismatch-names-y_pred"),
    case(metrics.confusion_counts, dict(y_true=[0, NAN, 1], y_pred=[0, 1, 1]), ValueError, "y_true", "cc-nan-y_true"),
    case(metrics.confusion_counts, dict(y_true=[0, 1, 1], y_pred=[0, NAN, 1]), ValueError, "y_pred", "cc-nan-y_pred"),
    case(metrics.confusion_counts, dict(y_true=[0, 2, 1], y_pred=[0, 1, 1]), ValueError, "y_true", "cc-label-2"),
    case(metrics.confusion_counts, dict(y_true=[0, 1, 1], y_pred=[0, -1, 1]), ValueError, "y_pred", "cc-label-minus-1"),
    case(metrics.confusion_counts,
         dict(y_true=[0, 1], y_pred=[0.2, 0.9]), ValueError, "y_pred", "cc-probabilities-as-labels"),
    case(metrics.confusion_counts, dict(y_true=[], y_pred=[]), ValueError, "y_true", "cc-empty"),
    case(metrics.confusion_counts, dict(y_true=[[0, 1], [1, 0]], y_pred=[0, 1, 1, 0]), ValueError, "y_true", "cc-2d"),
    case(metrics.confusion_counts, dict(y_true="0101", y_pred=[0, 1, 0, 1]), TypeError, "y_true", "cc-str"),
    case(metrics.confusion_counts, dict(y_true=[0, 1], y_pred=None), TypeError, "y_pred", "cc-none"),
    case(metrics.confusion_counts, dict(y_true={0: 1}, y_pred=[0, 1]), TypeError, "y_true", "cc-dict"),
    case(metrics.confusion_counts, dict(y_true=["no", "yes"], y_pred=[0, 1]), TypeError, "y_true", "cc-string-labels"),
    case(metrics.confusion_counts, dict(y_true=[0, None], y_pred=[0, 1]), TypeError, "y_true", "cc-object-labels"),
    # ConfusionCounts(...)
    case(ConfusionCounts, dict(tp=-1, fp=0, fn=0, tn=1), ValueError, "tp", "counts-negative-tp"),
    case(ConfusionCounts, dict(tp=1, fp=-2, fn=0, tn=1), ValueError, "fp", "counts-negative-fp"),
    case(ConfusionCounts, dict(tp=1, fp=0, fn=-3, tn=1), ValueError, "fn", "counts-negative-fn"),
    case(ConfusionCounts, dict(tp=1, fp=0, fn=0, tn=-1), ValueError, "tn", "counts-negative-tn"),
    case(ConfusionCounts, dict(tp=1.5, fp=0, fn=0, tn=1), TypeError, "tp", "counts-float"),
    case(ConfusionCounts, dict(tp=1, fp="2", fn=0, tn=1), TypeError, "fp", "counts-str"),
    case(ConfusionCounts, dict(tp=1, fp=0, fn=None, tn=1), TypeError, "fn", "counts-none"),
    case(ConfusionCounts, dict(tp=1, fp=0, fn=0, tn=True), TypeError, "tn", "counts-bool"),
    case(ConfusionCounts, dict(tp=0, fp=0, fn=0, tn=0), ValueError, "counts", "counts-all-zero"),
    # ConfusionCounts.from_matrix
    case(ConfusionCounts.from_matrix, dict(matrix=[[1, 2, 3], [4, 5, 6]]), ValueError, "matrix", "matrix-2x3"),
    case(ConfusionCounts.from_matrix, dict(matrix=np.ones((3, 3), int)), ValueError, "matrix", "matrix-3x3"),
    case(ConfusionCounts.from_matrix, dict(matrix=[1, 2, 3, 4]), ValueError, "matrix", "matrix-flat"),
    case(ConfusionCounts.from_matrix, dict(matrix=[[1, 2], [3]]), ValueError, "matrix", "matrix-ragged"),
    case(ConfusionCounts.from_matrix, dict(matrix=[[1, NAN], [3, 4]]), ValueError, "matrix", "matrix-nan"),
    case(ConfusionCounts.from_matrix, dict(matrix=[[1, 2], [3, 0.5]]), ValueError, "matrix", "matrix-fraction"),
    case(ConfusionCounts.from_matrix, dict(matrix=[[1, 2], [-3, 4]]), ValueError, "fn", "matrix-negative"),
    case(ConfusionCounts.from_matrix, dict(matrix=None), TypeError, "matrix", "matrix-none"),
    case(ConfusionCounts.from_matrix, dict(matrix="[[1, 2], [3, 4]]"), TypeError, "matrix", "matrix-str"),
    case(ConfusionCounts.from_matrix, dict(matrix={"tn": 1}), TypeError, "matrix", "matrix-dict"),
    # predict_at_threshold
    case(metrics.predict_at_threshold, dict(scores=[0.1, NAN], threshold=0.5), ValueError, "scores", "pat-nan"),
    case(metrics.predict_at_threshold, dict(scores=[0.1, INF], threshold=0.5), ValueError, "scores", "pat-inf"),
    case(metrics.predict_at_threshold, dict(scores=[], threshold=0.5), ValueError, "scores", "pat-empty"),
    case(metrics.predict_at_threshold,
         dict(scores=[[0.1, 0.9], [0.8, 0.2]], threshold=0.5), ValueError, "scores", "pat-2d"),
    case(metrics.predict_at_threshold, dict(scores="0.1", threshold=0.5), TypeError, "scores", "pat-str"),
    case(metrics.predict_at_threshold, dict(scores=None, threshold=0.5), TypeError, "scores", "pat-none"),
    case(metrics.predict_at_threshold, dict(scores=["a", "b"], threshold=0.5), TypeError, "scores", "pat-str-values"),
    case(metrics.predict_at_threshold,
         dict(scores=[0.1, 0.9], threshold=None), TypeError, "threshold", "pat-threshold-none"),
    case(metrics.predict_at_threshold,
         dict(scores=[0.1, 0.9], threshold="0.5"), TypeError, "threshold", "pat-threshold-str"),
    case(metrics.predict_at_threshold,
         dict(scores=[0.1, 0.9], threshold=[0.5]), TypeError, "threshold", "pat-threshold-list"),
    case(metrics.predict_at_threshold,
         dict(scores=[0.1, 0.9], threshold=NAN), ValueError, "threshold", "pat-threshold-nan"),
    # evaluate_threshold
    case(metrics.evaluate_threshold,
         dict(y_true=[0, 1, 1], scores=[0.1, 0.2]), ValueError, "scores", "et-length-mismatch"),
    case(metrics.evaluate_threshold,
         dict(y_true=[0, 1, 1], scores=[0.1, 0.2]), ValueError, "y_true", "et-length-mismatch-names-y_true"),
    case(metrics.evaluate_threshold, dict(y_true=[0, 3], scores=[0.1, 0.2]), ValueError, "y_true", "et-label-3"),
    case(metrics.evaluate_threshold, dict(y_true=[0, 1], scores=[0.1, NAN]), ValueError, "scores", "et-nan"),
    case(metrics.evaluate_threshold, dict(y_true=[], scores=[]), ValueError, "y_true", "et-empty"),
    case(metrics.evaluate_threshold, dict(y_true=None, scores=[0.1]), TypeError, "y_true", "et-none"),
    case(metrics.evaluate_threshold,
         dict(y_true=[0, 1], scores=[0.1, 0.2], threshold="high"), TypeError, "threshold", "et-threshold-str"),
    # majority_rate
    case(metrics.majority_rate, dict(y=[]), ValueError, "y", "mr-empty"),
    case(metrics.majority_rate, dict(y=[0, NAN, 1]), ValueError, "y", "mr-nan"),
    case(metrics.majority_rate, dict(y=[[0, 1], [1, 0]]), ValueError, "y", "mr-2d"),
    case(metrics.majority_rate, dict(y=None), TypeError, "y", "mr-none"),
    case(metrics.majority_rate, dict(y="0011"), TypeError, "y", "mr-str"),
    case(metrics.majority_rate, dict(y={0: 3}), TypeError, "y", "mr-dict"),
    # metric_summary
    case(metrics.metric_summary, dict(y_true=[0, 1, 1], y_pred=[0, 1]), ValueError, "y_pred", "ms-length-mismatch"),
    case(metrics.metric_summary,
         dict(y_true=[0, 1], y_pred=[1, 0], scores=[0.3]), ValueError, "scores", "ms-scores-length"),
    case(metrics.metric_summary,
         dict(y_true=[1, 1], y_pred=[1, 0], scores=[0.3, 0.2]), ValueError, "y_true", "ms-one-class"),
    case(metrics.metric_summary,
         dict(y_true=[0, 1], y_pred=[1, 0], scores=[0.3, NAN]), ValueError, "scores", "ms-scores-nan"),
    case(metrics.metric_summary,
         dict(y_true=[0, 1], y_pred=[1, 0], scores=[[0.7, 0.3], [0.2, 0.8]]), ValueError, "scores",
         "ms-predict-proba-2d"),
    case(metrics.metric_summary,
         dict(y_true=[0, 1], y_pred=[0.4, 0.6]), ValueError, "y_pred", "ms-probabilities-as-labels"),
    case(metrics.metric_summary, dict(y_true=[0, 5], y_pred=[0, 1]), ValueError, "y_true", "ms-label-5"),
    case(metrics.metric_summary, dict(y_true=[], y_pred=[]), ValueError, "y_true", "ms-empty"),
    case(metrics.metric_summary, dict(y_true=None, y_pred=[0, 1]), TypeError, "y_true", "ms-none"),
    case(metrics.metric_summary, dict(y_true=[0, 1], y_pred={"a": 1}), TypeError, "y_pred", "ms-dict"),
]

DATA_CASES = [
    # make_imbalanced_binary
    case(data.make_imbalanced_binary, dict(n_samples=1), ValueError, "n_samples", "mib-n-1"),
    case(data.make_imbalanced_binary, dict(n_samples=-10), ValueError, "n_samples", "mib-n-negative"),
    case(data.make_imbalanced_binary, dict(n_samples="100"), TypeError, "n_samples", "mib-n-str"),
    case(data.make_imbalanced_binary, dict(n_samples=100.5), TypeError, "n_samples", "mib-n-float"),
    case(data.make_imbalanced_binary, dict(n_samples=None), TypeError, "n_samples", "mib-n-none"),
    case(data.make_imbalanced_binary, dict(prevalence=0.0), ValueError, "prevalence", "mib-prevalence-0"),
    case(data.make_imbalanced_binary, dict(prevalence=1.0), ValueError, "prevalence", "mib-prevalence-1"),
    case(data.make_imbalanced_binary, dict(prevalence=1.5), ValueError, "prevalence", "mib-prevalence-1.5"),
    case(data.make_imbalanced_binary, dict(prevalence=-0.1), ValueError, "prevalence", "mib-prevalence-negative"),
    case(data.make_imbalanced_binary, dict(prevalence=NAN), ValueError, "prevalence", "mib-prevalence-nan"),
    case(data.make_imbalanced_binary, dict(prevalence="0.1"), TypeError, "prevalence", "mib-prevalence-str"),
    case(data.make_imbalanced_binary, dict(prevalence=None), TypeError, "prevalence", "mib-prevalence-none"),
    case(data.make_imbalanced_binary, dict(separation=NAN), ValueError, "separation", "mib-separation-nan"),
    case(data.make_imbalanced_binary, dict(separation="far"), TypeError, "separation", "mib-separation-str"),
    case(data.make_imbalanced_binary, dict(n_features=0), ValueError, "n_features", "mib-features-0"),
    case(data.make_imbalanced_binary, dict(n_features=2.0), TypeError, "n_features", "mib-features-float"),
    case(data.make_imbalanced_binary, dict(seed=-1), ValueError, "seed", "mib-seed-negative"),
    case(data.make_imbalanced_binary, dict(seed=1.5), TypeError, "seed", "mib-seed-float"),
    case(data.make_imbalanced_binary, dict(seed="0"), TypeError, "seed", "mib-seed-str"),
    case(data.make_imbalanced_binary, dict(seed=None), TypeError, "seed", "mib-seed-none"),
    # make_binormal_scores
    case(data.make_binormal_scores, dict(n_positive=0), ValueError, "n_positive", "mbs-npos-0"),
    case(data.make_binormal_scores, dict(n_positive="10"), TypeError, "n_positive", "mbs-npos-str"),
    case(data.make_binormal_scores, dict(n_negative=-1), ValueError, "n_negative", "mbs-nneg-negative"),
    case(data.make_binormal_scores, dict(n_negative=None), TypeError, "n_negative", "mbs-nneg-none"),
    case(data.make_binormal_scores, dict(auc=0.5), ValueError, "auc", "mbs-auc-0.5"),
    case(data.make_binormal_scores, dict(auc=1.0), ValueError, "auc", "mbs-auc-1"),
    case(data.make_binormal_scores, dict(auc=0.3), ValueError, "auc", "mbs-auc-0.3"),
    case(data.make_binormal_scores, dict(auc=NAN), ValueError, "auc", "mbs-auc-nan"),
    case(data.make_binormal_scores, dict(auc=None), TypeError, "auc", "mbs-auc-none"),
    case(data.make_binormal_scores, dict(seed=-5), ValueError, "seed", "mbs-seed-negative"),
    case(data.make_binormal_scores, dict(seed=1.5), TypeError, "seed", "mbs-seed-float"),
    # load_digits_one_vs_rest
    case(data.load_digits_one_vs_rest, dict(digit=10), ValueError, "digit", "digits-digit-10"),
    case(data.load_digits_one_vs_rest, dict(digit=-1), ValueError, "digit", "digits-digit-negative"),
    case(data.load_digits_one_vs_rest, dict(digit="9"), TypeError, "digit", "digits-digit-str"),
    case(data.load_digits_one_vs_rest, dict(digit=None), TypeError, "digit", "digits-digit-none"),
    case(data.load_digits_one_vs_rest, dict(digit=9.0), TypeError, "digit", "digits-digit-float"),
    case(data.load_digits_one_vs_rest, dict(test_size=0.0), ValueError, "test_size", "digits-test_size-0"),
    case(data.load_digits_one_vs_rest, dict(test_size=1.0), ValueError, "test_size", "digits-test_size-1"),
    case(data.load_digits_one_vs_rest, dict(test_size="0.5"), TypeError, "test_size", "digits-test_size-str"),
    case(data.load_digits_one_vs_rest, dict(seed=-1), ValueError, "seed", "digits-seed-negative"),
    # Split.select_features
    case(SPLIT.select_features, dict(columns=[]), ValueError, "columns", "select-empty"),
    case(SPLIT.select_features, dict(columns=[3]), ValueError, "columns", "select-out-of-range"),
    case(SPLIT.select_features, dict(columns=[-1]), ValueError, "columns", "select-negative"),
    case(SPLIT.select_features, dict(columns=[1.5]), ValueError, "columns", "select-float-index"),
    case(SPLIT.select_features, dict(columns=["a"]), ValueError, "columns", "select-name-index"),
    case(SPLIT.select_features, dict(columns=None), TypeError, "columns", "select-none"),
    case(SPLIT.select_features, dict(columns=2), TypeError, "columns", "select-single-int"),
]

EXPERIMENT_CASES = [
    # always_negative_experiment
    case(experiments.always_negative_experiment, dict(prevalence=0.0), ValueError, "prevalence", "ane-prevalence-0"),
    case(experiments.always_negative_experiment, dict(prevalence=1.0), ValueError, "prevalence", "ane-prevalence-1"),
    case(experiments.always_negative_experiment, dict(prevalence=NAN), ValueError, "prevalence", "ane-prevalence-nan"),
    case(experiments.always_negative_experiment, dict(prevalence="0.1"), TypeError, "prevalence", "ane-prevalence-str"),
    case(experiments.always_negative_experiment, dict(prevalence=None), TypeError, "prevalence", "ane-prevalence-none"),
    case(experiments.always_negative_experiment,
         dict(prevalence=[0.1]), TypeError, "prevalence", "ane-prevalence-list"),
    case(experiments.always_negative_experiment, dict(prevalence=0.1, n_samples=1), ValueError, "n_samples", "ane-n-1"),
    case(experiments.always_negative_experiment,
         dict(prevalence=0.1, n_samples="10"), TypeError, "n_samples", "ane-n-str"),
    case(experiments.always_negative_experiment,
         dict(prevalence=0.1, seed=-1), ValueError, "seed", "ane-seed-negative"),
    case(experiments.always_negative_experiment, dict(prevalence=0.1, seed="a"), TypeError, "seed", "ane-seed-str"),
    case(experiments.always_negative_experiment, dict(prevalence=0.1, seed=1.5), TypeError, "seed", "ane-seed-float"),
    # prevalence_experiment
    case(experiments.prevalence_experiment,
         dict(negatives_per_positive=0.001), ValueError, "negatives_per_positive", "pe-ratio-tiny"),
    *not_a_number_cases(experiments.prevalence_experiment, "negatives_per_positive", "pe-ratio"),
    case(experiments.prevalence_experiment,
         dict(negatives_per_positive=10, n_positive=0), ValueError, "n_positive", "pe-npos-0"),
    case(experiments.prevalence_experiment,
         dict(negatives_per_positive=10, n_positive=5.5), TypeError, "n_positive", "pe-npos-float"),
    case(experiments.prevalence_experiment, dict(negatives_per_positive=10, auc=0.4), ValueError, "auc", "pe-auc-low"),
    case(experiments.prevalence_experiment, dict(negatives_per_positive=10, auc=1.0), ValueError, "auc", "pe-auc-1"),
    case(experiments.prevalence_experiment,
         dict(negatives_per_positive=10, seed=-1), ValueError, "seed", "pe-seed-negative"),
    # binormal_population_ap
    case(experiments.binormal_population_ap,
         dict(negatives_per_positive=0), ValueError, "negatives_per_positive", "bpa-ratio-0"),
    *not_a_number_cases(experiments.binormal_population_ap, "negatives_per_positive", "bpa-ratio"),
    case(experiments.binormal_population_ap, dict(negatives_per_positive=1, auc=0.5), ValueError, "auc", "bpa-auc-0.5"),
    case(experiments.binormal_population_ap, dict(negatives_per_positive=1, auc=1.2), ValueError, "auc", "bpa-auc-1.2"),
    case(experiments.binormal_population_ap,
         dict(negatives_per_positive=1, auc="0.8"), TypeError, "auc", "bpa-auc-str"),
]

PLOT_CASES = [
    # plot_confusion_matrix: the argument is ``counts``; the message may call it the matrix.
    case(plots.plot_confusion_matrix, dict(counts=[[1, 2, 3], [4, 5, 6]]), ValueError, "counts|matrix", "pcm-2x3"),
    case(plots.plot_confusion_matrix, dict(counts=[[1, 2], [3]]), ValueError, "counts|matrix", "pcm-ragged"),
    case(plots.plot_confusion_matrix, dict(counts=[[1, NAN], [3, 4]]), ValueError, "counts|matrix", "pcm-nan"),
    case(plots.plot_confusion_matrix, dict(counts=[[-1, 2], [3, 4]]), ValueError, "tn", "pcm-negative"),
    case(plots.plot_confusion_matrix, dict(counts=None), TypeError, "counts|matrix", "pcm-none"),
    case(plots.plot_confusion_matrix, dict(counts="[[1, 2], [3, 4]]"), TypeError, "counts|matrix", "pcm-str"),
    case(plots.plot_confusion_matrix,
         dict(counts=[[1, 2], [3, 4]], labels=("a",)), ValueError, "labels", "pcm-one-label"),
    case(plots.plot_confusion_matrix,
         dict(counts=[[1, 2], [3, 4]], labels=None), TypeError, "labels", "pcm-labels-none"),
    # plot_threshold_tradeoff
    case(plots.plot_threshold_tradeoff,
         dict(y_true=[0, 1, 1], scores=[0.1, 0.2]), ValueError, "scores", "ptt-length-mismatch"),
    case(plots.plot_threshold_tradeoff,
         dict(y_true=[1, 1, 1], scores=[0.1, 0.2, 0.3]), ValueError, "y_true", "ptt-one-class"),
    case(plots.plot_threshold_tradeoff, dict(y_true=Y, scores=[0.1, NAN, 0.3, 0.4]), ValueError, "scores", "ptt-nan"),
    case(plots.plot_threshold_tradeoff, dict(y_true=[0, 1, 2, 1], scores=S), ValueError, "y_true", "ptt-label-2"),
    case(plots.plot_threshold_tradeoff,
         dict(y_true=Y, scores=S, threshold="0.5"), TypeError, "threshold", "ptt-threshold-str"),
    case(plots.plot_threshold_tradeoff,
         dict(y_true=Y, scores=S, threshold=NAN), ValueError, "threshold", "ptt-threshold-nan"),
    # plot_roc_curve
    case(plots.plot_roc_curve, dict(y_true=[1, 1, 1], scores=[0.1, 0.2, 0.3]), ValueError, "y_true", "roc-one-class"),
    case(plots.plot_roc_curve, dict(y_true="0101", scores=S), TypeError, "y_true", "roc-str"),
    case(plots.plot_roc_curve, dict(y_true=Y, scores=None), TypeError, "scores", "roc-none"),
    case(plots.plot_roc_curve, dict(y_true=[[0, 1], [1, 0]], scores=S), ValueError, "y_true", "roc-2d"),
    # plot_pr_curve
    case(plots.plot_pr_curve, dict(y_true=[0, 1], scores=[0.1, 0.2, 0.3]), ValueError, "y_true", "pr-length-mismatch"),
    case(plots.plot_pr_curve, dict(y_true=Y, scores=[0.1, INF, 0.3, 0.4]), ValueError, "scores", "pr-inf"),
    case(plots.plot_pr_curve, dict(y_true=Y, scores={}), TypeError, "scores", "pr-dict"),
    case(plots.plot_pr_curve, dict(y_true=[0, 1, 0, NAN], scores=S), ValueError, "y_true", "pr-nan-labels"),
    # plot_metric_bars
    case(plots.plot_metric_bars, dict(results=[("m", 0.9)]), TypeError, "results", "bars-list"),
    case(plots.plot_metric_bars, dict(results={}), TypeError, "results", "bars-empty"),
    case(plots.plot_metric_bars, dict(results={"m": {"accuracy": 0.9}}), ValueError, "results", "bars-missing-metric"),
    case(plots.plot_metric_bars, dict(results={"m": None}), TypeError, "results", "bars-row-none"),
    case(plots.plot_metric_bars,
         dict(results={"m": {"accuracy": "high", "recall": 0.1, "balanced_accuracy": 0.5}}),
         TypeError, "results", "bars-value-str"),
]

WIDGET_CASES = [
    case(widgets.threshold_explorer,
         dict(y_true=[0, 1, 0], scores=[0.2, 0.7]), ValueError, "scores", "te-length-mismatch"),
    case(widgets.threshold_explorer,
         dict(y_true=[0, 2, 1], scores=[0.2, 0.7, 0.4]), ValueError, "y_true", "te-label-2"),
    case(widgets.threshold_explorer,
         dict(y_true=Y, scores=[0.2, 1.7, 0.4, 0.1]), ValueError, "scores", "te-probability-above-1"),
    case(widgets.threshold_explorer,
         dict(y_true=Y, scores=[0.2, -0.1, 0.4, 0.1]), ValueError, "scores", "te-probability-below-0"),
    case(widgets.threshold_explorer, dict(y_true=Y, scores=[0.2, NAN, 0.4, 0.1]), ValueError, "scores", "te-nan"),
    case(widgets.threshold_explorer, dict(y_true=[], scores=[]), ValueError, "y_true", "te-empty"),
    case(widgets.threshold_explorer, dict(y_true=Y, scores=np.c_[S, S]), ValueError, "scores", "te-predict-proba-2d"),
    case(widgets.threshold_explorer, dict(y_true=[1, 1, 1, 1], scores=S), ValueError, "y_true", "te-one-class"),
    case(widgets.threshold_explorer, dict(y_true=None, scores=S), TypeError, "y_true", "te-none"),
    case(widgets.threshold_explorer, dict(y_true=Y, scores="0.1"), TypeError, "scores", "te-str"),
    case(widgets.threshold_explorer,
         dict(y_true=Y, scores=S, threshold="0.5"), TypeError, "threshold", "te-threshold-str"),
    case(widgets.threshold_explorer,
         dict(y_true=Y, scores=S, threshold=NAN), ValueError, "threshold", "te-threshold-nan"),
    case(widgets.threshold_explorer,
         dict(y_true=Y, scores=S, threshold=1.5), ValueError, "threshold", "te-threshold-outside-slider"),
    case(widgets.threshold_explorer, dict(y_true=Y, scores=S, labels=("a",)), ValueError, "labels", "te-one-label"),
    # The other factories take parameters, not data; a bad start value must not be
    # silently clamped or leave a widget without a result.
    case(widgets.prevalence_explorer,
         dict(negatives_per_positive=3), ValueError, "negatives_per_positive", "pe-widget-ratio-not-an-option"),
    case(widgets.baseline_explorer,
         dict(prevalence=0.9), ValueError, "prevalence", "be-widget-prevalence-outside-slider"),
    case(widgets.baseline_explorer, dict(n_samples=1), ValueError, "n_samples", "be-widget-n-1"),
]

MODEL_CASES = [
    case(build_binary_mlp, dict(n_features=0), ValueError, "n_features", "mlp-features-0"),
    case(build_binary_mlp, dict(n_features="2"), TypeError, "n_features", "mlp-features-str"),
    case(build_binary_mlp, dict(n_features=None), TypeError, "n_features", "mlp-features-none"),
    case(build_binary_mlp, dict(n_features=2.5), TypeError, "n_features", "mlp-features-float"),
    case(build_binary_mlp, dict(n_features=2, hidden_units=None), TypeError, "hidden_units", "mlp-hidden-none"),
    case(build_binary_mlp, dict(n_features=2, hidden_units=8), TypeError, "hidden_units", "mlp-hidden-int"),
    case(build_binary_mlp, dict(n_features=2, hidden_units=(0,)), ValueError, "hidden_units", "mlp-hidden-0"),
    case(build_binary_mlp, dict(n_features=2, hidden_units=(8, -1)), ValueError, "hidden_units", "mlp-hidden-negative"),
    case(build_binary_mlp, dict(n_features=2, hidden_units=("8",)), TypeError, "hidden_units", "mlp-hidden-str"),
    case(build_binary_mlp, dict(n_features=2, hidden_units=(8.0,)), TypeError, "hidden_units", "mlp-hidden-float"),
    case(build_binary_mlp, dict(n_features=2, learning_rate=0), ValueError, "learning_rate", "mlp-lr-0"),
    case(build_binary_mlp, dict(n_features=2, learning_rate=-0.1), ValueError, "learning_rate", "mlp-lr-negative"),
    case(build_binary_mlp, dict(n_features=2, learning_rate=NAN), ValueError, "learning_rate", "mlp-lr-nan"),
    case(build_binary_mlp, dict(n_features=2, learning_rate="0.01"), TypeError, "learning_rate", "mlp-lr-str"),
    case(build_binary_mlp, dict(n_features=2, learning_rate=None), TypeError, "learning_rate", "mlp-lr-none"),
    case(build_binary_mlp, dict(n_features=2, seed=-1), ValueError, "seed", "mlp-seed-negative"),
    case(build_binary_mlp, dict(n_features=2, seed=1.5), TypeError, "seed", "mlp-seed-float"),
    case(build_binary_mlp, dict(n_features=2, seed="0"), TypeError, "seed", "mlp-seed-str"),
]


# one table per layer; each case names the argument the message must mention
CASES = METRICS_CASES + DATA_CASES + EXPERIMENT_CASES + PLOT_CASES + WIDGET_CASES + MODEL_CASES


@pytest.mark.parametrize("func, kwargs, exc, argument", CASES)
def test_bad_input_names_the_argument(func, kwargs, exc, argument):
    pattern = "|".join(word(name) for name in argument.split("|"))
    with pytest.raises(exc, match=pattern):
        func(**kwargs)


def test_length_mismatch_message_gives_both_lengths():
    with pytest.raises(ValueError, match="y_true has 3, y_pred has 2"):
        metrics.confusion_counts([0, 1, 1], [0, 1])


def test_bad_input_never_gives_a_broadcasting_error():
    """The error comes from our validation, not from NumPy's broadcasting."""
    with pytest.raises(ValueError) as info:
        metrics.confusion_counts(np.zeros(5, int), np.zeros(4, int))
    assert "broadcast" not in str(info.value)


def test_validation_accepts_good_input_of_each_kind():
    """The checks are not so strict that ordinary learner input is refused."""
    assert metrics.confusion_counts([True, False], [1, 0]) == ConfusionCounts(tp=1, fp=0, fn=0, tn=1)
    assert metrics.confusion_counts((0.0, 1.0), np.array([0, 1])).n == 2
    # a column vector (n, 1) is read as 1-D
    assert metrics.confusion_counts(np.array([[0], [1]]), [0, 1]).tp == 1
    assert metrics.predict_at_threshold([-3.0, 5.0], 0).tolist() == [0, 1]  # any scores, not only probabilities
    assert metrics.majority_rate(["cat", "dog", "dog"]) == pytest.approx(2 / 3)
    assert ConfusionCounts(tp=np.int64(3), fp=0, fn=0, tn=1).tp == 3


def test_bad_model_arguments_fail_before_tensorflow_is_imported():
    """The argument checks of build_binary_mlp run before TensorFlow is needed."""
    calls = "\n".join(
        f"try:\n    build_binary_mlp(**{dict(p.values[1])!r})\nexcept (TypeError, ValueError):\n    pass\n"
        f"else:\n    raise SystemExit('no error for {p.id}')"
        for p in MODEL_CASES)
    code = ("import sys\nnan = float('nan')\nfrom course_utils.models import build_binary_mlp\n" + calls +
            "\nloaded = [m for m in ('tensorflow', 'keras') if m in sys.modules]\n"
            "assert not loaded, loaded\nprint('ok')\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, env=env, timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout
    assert result.stdout.strip().endswith("ok")
