"""Metrics against hand-computed cases, known precision-recall curves and scikit-learn."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn import metrics as sklearn_metrics  # a test-only dependency (requirements-dev.txt)

from lossviz import metrics


def test_confusion_matrix_counts_true_rows_and_predicted_columns():
    counts = metrics.confusion_matrix([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 0, 2], classes=3)
    np.testing.assert_array_equal(counts, [[1, 1, 0], [0, 2, 0], [1, 0, 1]])
    np.testing.assert_allclose(metrics.per_class_recall([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 0, 2], 3), [0.5, 1, 0.5])


def test_binary_report_by_hand():
    # 6 negatives, 4 positives; scores >= 0 predict positive: TP 3, FN 1, FP 2, TN 4
    y = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]
    scores = [-3, -2, -1, -0.5, 0.5, 1.0, 2, 3, 0.2, -0.1]
    report = metrics.binary_report(y, scores)
    assert (report["tp"], report["fn"], report["fp"], report["tn"]) == (3, 1, 2, 4)
    assert report["accuracy"] == pytest.approx(0.7)
    assert report["recall"] == pytest.approx(0.75) and report["precision"] == pytest.approx(0.6)
    assert report["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_average_precision_by_hand():
    # ranked: + - + - - : precision at the two positives 1 and 2/3, recall steps of 1/2
    assert metrics.average_precision([1, 0, 1, 0, 0], [0.9, 0.8, 0.7, 0.2, 0.1]) == pytest.approx((1 + 2 / 3) / 2)


def test_average_precision_of_a_perfect_ranking_is_one_and_of_no_skill_the_prevalence():
    rng = np.random.default_rng(0)
    y = (rng.random(1000) < 0.1).astype(int)
    assert metrics.average_precision(y, y + rng.random(1000) * 0.5) == 1.0
    assert metrics.average_precision(y, np.zeros(1000)) == pytest.approx(y.mean())  # all tied: one threshold
    reversed_ranking = metrics.average_precision(y, -y.astype(float))
    assert reversed_ranking == pytest.approx(y.mean())


def test_average_precision_of_random_scores_approaches_the_prevalence():
    rng = np.random.default_rng(1)
    y = (rng.random(200_000) < 0.05).astype(int)
    assert metrics.average_precision(y, rng.random(y.size)) == pytest.approx(0.05, abs=0.005)


def test_nothing_to_count_gives_zero_not_nan():
    report = metrics.binary_report([0, 0, 1], [-1.0, -2.0, -3.0])  # no positive predictions
    assert report["precision"] == 0.0 and report["f1"] == 0.0 and report["recall"] == 0.0
    assert metrics.average_precision([0, 0], [0.1, 0.2]) == 0.0


# --- Cross-checks against scikit-learn on random inputs -----------------------------------------

SEEDS = range(20)


@pytest.mark.parametrize("seed", SEEDS)
def test_confusion_matrix_and_recall_match_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    classes = int(rng.integers(2, 6))
    y_true, y_pred = rng.integers(0, classes, 200), rng.integers(0, classes, 200)
    labels = list(range(classes))
    np.testing.assert_array_equal(metrics.confusion_matrix(y_true, y_pred, classes),
                                  sklearn_metrics.confusion_matrix(y_true, y_pred, labels=labels))
    np.testing.assert_allclose(metrics.per_class_recall(y_true, y_pred, classes),
                               sklearn_metrics.recall_score(y_true, y_pred, labels=labels, average=None,
                                                            zero_division=0))


@pytest.mark.parametrize("seed", SEEDS)
def test_binary_report_matches_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    positives = float(rng.uniform(0.02, 0.5))
    y_true = (rng.uniform(size=300) < positives).astype(int)
    scores = rng.normal(size=300) + 1.5 * y_true - float(rng.uniform(0, 2))
    scores[rng.integers(0, 300, 20)] = 0.0  # ties and points exactly at the threshold
    predicted = (scores >= 0).astype(int)
    report = metrics.binary_report(y_true, scores)
    assert report["accuracy"] == pytest.approx(sklearn_metrics.accuracy_score(y_true, predicted))
    for key, reference in (("recall", sklearn_metrics.recall_score), ("precision", sklearn_metrics.precision_score),
                           ("f1", sklearn_metrics.f1_score)):
        assert report[key] == pytest.approx(reference(y_true, predicted, zero_division=0)), key
    if y_true.any():
        assert report["pr_auc"] == pytest.approx(sklearn_metrics.average_precision_score(y_true, scores))


@pytest.mark.parametrize("seed", SEEDS)
def test_multiclass_report_matches_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    y_true, scores = rng.integers(0, 3, 150), rng.normal(size=(150, 3))
    report = metrics.multiclass_report(y_true, scores)
    predicted = scores.argmax(axis=1)
    assert report["accuracy"] == pytest.approx(sklearn_metrics.accuracy_score(y_true, predicted))
    np.testing.assert_allclose(report["recall"], sklearn_metrics.recall_score(y_true, predicted, labels=[0, 1, 2],
                                                                              average=None, zero_division=0))


# --- Calibration ----------------------------------------------------------------------------------

def test_calibration_error_by_hand():
    # bin 0.1-0.2 holds 0.15, 0.15 (one positive: share 0.5, gap 0.35); bin 0.9-1 holds 0.95 (positive, gap 0.05)
    assert metrics.calibration_error([0, 1, 1], [0.15, 0.15, 0.95]) == pytest.approx((2 * 0.35 + 0.05) / 3)
    assert metrics.calibration_error([0] * 9 + [1], [1.0] * 10) == pytest.approx(0.9)  # always sure of a 10 % class
    assert metrics.calibration_error([], []) == 0.0


def test_probabilities_that_come_true_as_often_as_they_say_have_almost_no_calibration_error():
    rng = np.random.default_rng(2)
    probabilities = rng.uniform(size=200_000)
    labels = (rng.uniform(size=probabilities.size) < probabilities).astype(int)
    assert metrics.calibration_error(labels, probabilities) < 0.005
    assert metrics.calibration_error(labels, probabilities ** 3) > 0.1  # the same labels, told too low


@pytest.mark.parametrize("seed", range(5))
def test_calibration_error_matches_scikit_learns_calibration_curve(seed):
    from sklearn.calibration import calibration_curve

    rng = np.random.default_rng(seed)
    probabilities = rng.beta(0.5, 2.0, size=500)
    labels = (rng.uniform(size=500) < np.sqrt(probabilities)).astype(int)
    share, predicted = calibration_curve(labels, probabilities, n_bins=10)
    counts = np.histogram(probabilities, bins=np.linspace(0, 1, 11))[0]
    expected = np.sum(counts[counts > 0] * np.abs(share - predicted)) / labels.size
    assert metrics.calibration_error(labels, probabilities) == pytest.approx(expected, rel=1e-12)


def test_binary_report_gives_the_calibration_error_of_the_sigmoid_of_its_logits_even_at_extremes():
    report = metrics.binary_report([0, 1, 1, 0], [-1e4, 1e4, 1e4, -1e4])
    assert report["calibration_error"] == 0.0
    report = metrics.binary_report([1, 1, 0, 0], [-1e4, -1e4, 1e4, 1e4])  # sure and always wrong
    assert report["calibration_error"] == 1.0


@given(st.lists(st.tuples(st.booleans(), st.floats(-1e4, 1e4)), max_size=60))
def test_the_calibration_error_of_any_logits_is_a_share(points):
    labels = [int(label) for label, _ in points]
    error = metrics.binary_report(labels, [logit for _, logit in points])["calibration_error"] if points else \
        metrics.calibration_error([], [])
    assert 0.0 <= error <= 1.0
