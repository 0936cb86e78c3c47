"""Metrics against hand-computed cases and known precision-recall curves."""

import numpy as np
import pytest

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
