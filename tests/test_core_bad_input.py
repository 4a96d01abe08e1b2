"""Bad input to any public helper raises a clear error that names the argument."""

import numpy as np
import pytest

from course_utils import data, experiments, metrics, plots, widgets
from course_utils.models import build_binary_mlp

NAN = float("nan")

CASES = [
    # (callable, kwargs, exception, words the message must contain)
    (metrics.confusion_counts, dict(y_true=[0, 1, 1], y_pred=[0, 1]), ValueError, "y_true has 3, y_pred has 2"),
    (metrics.confusion_counts, dict(y_true=[0, 2], y_pred=[0, 1]), ValueError, "y_true must hold only 0 and 1"),
    (metrics.confusion_counts, dict(y_true=[0, NAN], y_pred=[0, 1]), ValueError, "y_true contains NaN"),
    (metrics.confusion_counts, dict(y_true=[], y_pred=[]), ValueError, "y_true is empty"),
    (metrics.confusion_counts, dict(y_true="0101", y_pred=[0, 1, 0, 1]), TypeError, "y_true must be an array-like"),
    (metrics.confusion_counts, dict(y_true=None, y_pred=[0]), TypeError, "y_true"),
    (metrics.confusion_counts, dict(y_true=[[0, 1], [1, 0]], y_pred=[0, 1, 1, 0]), ValueError, "y_true must be 1-D"),
    (metrics.confusion_counts, dict(y_true=[0, 1], y_pred=[0.2, 0.9]), ValueError, "y_pred must hold class labels"),
    (metrics.evaluate_threshold, dict(y_true=[0, 1], scores=[0.1, NAN]), ValueError, "scores contains NaN"),
    (metrics.evaluate_threshold, dict(y_true=[0, 1], scores=[0.1, 0.2], threshold="high"), TypeError, "threshold must be a number"),
    (metrics.evaluate_threshold, dict(y_true=[0, 1, 1], scores=[0.1, 0.2]), ValueError, "y_true has 3, scores has 2"),
    (metrics.metric_summary, dict(y_true=[1, 1], y_pred=[1, 0], scores=[0.3, 0.2]), ValueError, "y_true holds only one class"),
    (metrics.metric_summary, dict(y_true=[0, 1], y_pred=[1, 0], scores=[0.3]), ValueError, "scores has 1"),
    (metrics.majority_rate, dict(y=[]), ValueError, "y is empty"),
    (metrics.ConfusionCounts, dict(tp=-1, fp=0, fn=0, tn=1), ValueError, "tp must be >= 0"),
    (metrics.ConfusionCounts, dict(tp=1.5, fp=0, fn=0, tn=1), TypeError, "tp must be a whole number"),
    (metrics.ConfusionCounts, dict(tp=0, fp=0, fn=0, tn=0), ValueError, "at least one sample"),
    (metrics.ConfusionCounts.from_matrix, dict(matrix=[[1, 2, 3]]), ValueError, "matrix must be 2x2"),
    (metrics.ConfusionCounts.from_matrix, dict(matrix=[[1, 2], [3, 0.5]]), ValueError, "matrix must hold whole-number"),
    (data.make_imbalanced_binary, dict(n_samples=100, prevalence=1.5), ValueError, "prevalence must be in (0, 1)"),
    (data.make_imbalanced_binary, dict(n_samples="many"), TypeError, "n_samples must be an integer"),
    (data.make_imbalanced_binary, dict(seed=-3), ValueError, "seed must be at least 0"),
    (data.make_binormal_scores, dict(auc=0.4), ValueError, "auc must be in (0.5, 1)"),
    (data.load_digits_one_vs_rest, dict(digit=12), ValueError, "digit must be an integer from 0 to 9"),
    (data.load_digits_one_vs_rest, dict(test_size=0.0), ValueError, "test_size"),
    (experiments.always_negative_experiment, dict(prevalence=0.0), ValueError, "prevalence"),
    (experiments.prevalence_experiment, dict(negatives_per_positive=0.0), ValueError, "negatives_per_positive"),
    (experiments.binormal_population_ap, dict(negatives_per_positive=-1), ValueError, "negatives_per_positive"),
    (plots.plot_confusion_matrix, dict(counts=[[1, 2], [3]]), ValueError, "matrix"),
    (plots.plot_confusion_matrix, dict(counts=[[1, 2], [3, 4]], labels=("a",)), ValueError, "labels must name the two classes"),
    (plots.plot_roc_curve, dict(y_true=[1, 1, 1], scores=[0.1, 0.2, 0.3]), ValueError, "y_true holds only one class"),
    (plots.plot_pr_curve, dict(y_true=[0, 1], scores=[0.1, 0.2, 0.3]), ValueError, "y_true has 2, scores has 3"),
    (plots.plot_threshold_tradeoff, dict(y_true=[0, 1], scores=[0.1, np.inf]), ValueError, "scores contains infinity"),
    (plots.plot_metric_bars, dict(results={}), TypeError, "results must be a non-empty dict"),
    (plots.plot_metric_bars, dict(results={"m": {"accuracy": 0.9}}, metrics=("recall",)), ValueError, "results['m'] has no value for ['recall']"),
    (widgets.threshold_explorer, dict(y_true=[0, 1], scores=[0.2, 1.7]), ValueError, "scores must be probabilities"),
    (widgets.threshold_explorer, dict(y_true=[0, 1, 0], scores=[0.2, 0.7]), ValueError, "y_true has 3, scores has 2"),
    (build_binary_mlp, dict(n_features=0), ValueError, "n_features must be at least 1"),
    (build_binary_mlp, dict(n_features=2, hidden_units="8"), TypeError, "hidden_units"),
    (build_binary_mlp, dict(n_features=2, learning_rate=0), ValueError, "learning_rate must be positive"),
]


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("function, kwargs, error, words", CASES,
                         ids=[f"{c[0].__qualname__}-{c[3][:30]}" for c in CASES])
def test_bad_input_gets_a_clear_message(function, kwargs, error, words):
    with pytest.raises(error) as raised:
        function(**kwargs)
    assert words in str(raised.value)


def test_select_features_names_the_argument():
    split = data.load_digits_one_vs_rest()
    with pytest.raises(ValueError, match="columns must be a non-empty list of integers in \\[0, 64\\)"):
        split.select_features([70])


def test_model_arguments_are_checked_before_tensorflow_is_imported():
    import subprocess
    import sys

    code = ("import sys\nfrom course_utils.models import build_binary_mlp\n"
            "try:\n    build_binary_mlp(0)\nexcept ValueError:\n    pass\n"
            "print('tensorflow' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False"
