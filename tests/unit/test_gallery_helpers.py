"""The focal-loss family the classification lab draws, and where each loss's total comes from."""

import numpy as np
import pytest

from lossviz.datasets import classification_data
from lossviz.labs.classification.train import confidence_shares, focal_family, imbalance_sweep, sweep_points
from lossviz.models import objective


def test_focal_family_at_gamma_zero_is_cross_entropy_and_larger_gamma_lowers_the_easy_points():
    p_t, curves = focal_family([0.0, 2.0, 5.0])
    cross_entropy, weight = curves[0.0]
    np.testing.assert_allclose(cross_entropy, -np.log(p_t), rtol=1e-12)
    np.testing.assert_array_equal(weight, np.ones_like(p_t))
    for gamma in (2.0, 5.0):
        loss, weight = curves[gamma]
        np.testing.assert_allclose(weight, (1 - p_t) ** gamma, rtol=1e-12)
        np.testing.assert_allclose(loss, weight * cross_entropy, rtol=1e-9, atol=1e-300)
    assert np.all(curves[5.0][0] <= curves[2.0][0]) and np.all(curves[2.0][0] <= cross_entropy)


def test_confidence_shares_put_each_points_loss_in_its_p_t_bin():
    labels = np.array([1.0, 1.0, 0.0, 0.0])
    scores = np.array([3.0, -3.0, -1.0, 0.5])  # p_t: 0.95, 0.05, 0.73, 0.38
    shares = confidence_shares([objective("bce", {})], labels, scores)["bce"]
    per_point = np.log1p(np.exp(-np.array([3.0, -3.0, 1.0, -0.5])))  # -log p_t
    expected = np.array([per_point[1], per_point[3], per_point[2], per_point[0]]) / per_point.sum()
    np.testing.assert_allclose(shares, expected, rtol=1e-12)


def test_focal_loss_moves_the_share_of_the_total_towards_the_hard_points():
    data = classification_data(n=600, imbalance=5, separation=2.0, seed=1)
    scores = 1.2 * data.x[:, 0]  # a reasonable model: the classes sit left and right
    shares = confidence_shares([objective("bce", {}), objective("focal", {"alpha": -1.0, "gamma": 2.0})], data.y,
                               scores)
    for values in shares.values():
        assert values.sum() == pytest.approx(1.0)
    assert shares["focal"][:2].sum() > shares["bce"][:2].sum()  # p_t < 0.5: the misclassified points
    assert shares["focal"][-1] < shares["bce"][-1]  # p_t > 0.75: the easy points


def test_imbalance_sweep_reports_recall_and_pr_auc_per_ratio_and_seed_and_weighting_helps_the_minority():
    methods = [("bce", {}), ("weighted_bce", {})]
    sweep = imbalance_sweep(methods, {"separation": 2.0, "seed": 0}, {"optimizer": "adam", "lr": 0.05, "epochs": 60},
                            ratios=(1, 30), seeds=2)
    assert sweep.ratios == (1, 30) and sweep.seeds == 2
    for table in (sweep.recall, sweep.pr_auc):
        assert set(table) == {"bce", "weighted_bce"}
        assert all(seeds.values.shape == (2, 2) and np.all((seeds.values >= 0) & (seeds.values <= 1))
                   for seeds in table.values())
    recall = {method: table.mean for method, table in sweep.recall.items()}
    assert recall["weighted_bce"][0] == pytest.approx(recall["bce"][0], abs=0.05)  # balanced: alike
    assert recall["weighted_bce"][1] > recall["bce"][1]  # at 1:30 the weights find more of the minority
    assert sweep.count_rows()[1] == {"ratio": "1:30", "points": 5000, "validation_minority": 48}
    calibration = {method: table.mean for method, table in sweep.calibration.items()}
    assert calibration["bce"][1] < calibration["weighted_bce"][1]  # the weights overstate the minority


def test_an_imbalance_sweep_measures_calibration_only_where_scores_are_probabilities():
    sweep = imbalance_sweep([("bce", {}), ("hinge", {})], {"separation": 2.0}, {"optimizer": "adam", "epochs": 20},
                            ratios=(10,), seeds=2)
    assert set(sweep.recall) == {"bce", "hinge"} and set(sweep.calibration) == {"bce"}


def test_sweep_points_grow_to_keep_thirty_validation_minority_samples_within_the_cap():
    assert [sweep_points(ratio) for ratio in (1, 10, 30, 100, 1000)] == [5000, 5000, 5000, 10_000, 10_000]
