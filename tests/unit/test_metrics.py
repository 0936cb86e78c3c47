"""Metrics against hand-computed cases, known precision-recall curves and scikit-learn."""

import numpy as np
import pytest
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
