"""The real data sets bundled with scikit-learn: read without the network, in the documented shapes,
subsampled to exactly the stated counts and reproducibly by seed; and the labs' generators that
hand them to the labs' sweeps."""

import socket

import numpy as np
import pytest

from lossviz import bundled, losses
from lossviz.datasets import classification_data, regression_data
from lossviz.labs.classification.train import imbalance_sweep
from lossviz.labs.classification.verdicts import imbalance_sentences, imbalance_verdicts
from lossviz.labs.regression.train import outlier_sweep
from lossviz.verdict import MIN_SAMPLES, TOO_FEW, compare, judged


def test_the_data_sets_load_from_the_wheel_without_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    bundled._table.cache_clear()
    features, target, names = bundled._table("diabetes")
    assert features.shape == (442, 10) and target.shape == (442,) and "bmi" in names
    assert bundled.sizes("breast_cancer") == (357, 212) and bundled.rows("diabetes") == 442
    assert bundled.sizes("wine") == (71, 59, 48)


@pytest.mark.parametrize("ratio", [1, 3, 10, 30, 100, 300, 1000])
def test_the_minority_is_subsampled_to_exactly_the_stated_count(ratio):
    data = classification_data(data="breast_cancer", imbalance=ratio, seed=4)
    minority = min(212, max(1, round(357 / ratio)))
    assert np.bincount(np.concatenate([data.y, data.y_val]), minlength=2).tolist() == [357, minority]
    assert data.x.shape[1] == 2 and data.y_val.sum() + data.y.sum() == minority
    assert data.y.sum() >= 1  # at least one minority row to train on


def test_the_subsample_is_reproducible_from_the_seed():
    first, again = (classification_data(data="breast_cancer", imbalance=30, seed=7) for _ in range(2))
    other = classification_data(data="breast_cancer", imbalance=30, seed=8)
    assert np.array_equal(first.x, again.x) and np.array_equal(first.x_val, again.x_val)
    assert not np.array_equal(first.x[first.y == 1], other.x[other.y == 1])


def test_the_counts_say_when_the_data_cannot_give_the_ratio():
    assert bundled.counts_at("breast_cancer", 1) == ([357, 212], True)  # 1:1 would need 357 malignant rows
    assert bundled.counts_at("breast_cancer", 10) == ([357, 36], False)
    assert bundled.counts_at("wine", 10) == ([71, 22, 7], False)
    assert bundled.counts_at("wine", 1)[1] is True


def test_wine_keeps_its_largest_class_and_shrinks_the_others_geometrically():
    data = classification_data(classes=3, data="wine", imbalance=10, seed=0)
    assert data.classes == 3
    assert np.bincount(np.concatenate([data.y, data.y_val])).tolist() == [71, 22, 7]


def test_the_diabetes_reference_line_is_the_least_squares_fit_before_the_outliers():
    clean = regression_data(data="diabetes", feature="bmi", outlier_fraction=0.0, seed=0)
    assert clean.x.shape == (442, 1) and abs(clean.y.mean()) < 1e-12 and abs(clean.y.std() - 1) < 1e-12
    slope, intercept = np.polyfit(clean.x[:, 0], clean.y, 1)
    assert np.allclose(clean.true_params, [slope, intercept], atol=1e-12)
    dirty = regression_data(data="diabetes", feature="bmi", outlier_fraction=0.2, seed=3)
    assert dirty.is_outlier.sum() == round(0.2 * 442)
    assert np.allclose(dirty.true_params, clean.true_params)  # the reference does not move with the outliers
    assert np.array_equal(dirty.y, regression_data(data="diabetes", feature="bmi", outlier_fraction=0.2, seed=3).y)


@pytest.mark.parametrize(("build", "message"), [
    (lambda: regression_data(data="boston"), "data must be synthetic or diabetes"),
    (lambda: regression_data(data="diabetes", feature="s9"), "feature must be one of"),
    (lambda: classification_data(data="wine"), "wine \\(3 classes\\)"),
    (lambda: classification_data(classes=3, data="breast_cancer"), "breast_cancer \\(2 classes\\)"),
])
def test_a_wrong_source_is_refused_with_a_clear_message(build, message):
    with pytest.raises(ValueError, match=message):
        build()


def test_a_verdict_on_too_few_samples_is_not_judged():
    verdict = compare("claim", 100, "a", "b", [0.9, 0.8, 0.95], [0.1, 0.2, 0.15])
    assert judged(verdict, MIN_SAMPLES).outcome == verdict.outcome != TOO_FEW
    assert judged(verdict, MIN_SAMPLES - 1).outcome == TOO_FEW


def test_the_imbalance_sweep_runs_on_real_data_with_the_same_rule_and_its_evidence_limits():
    methods = [("bce", {}), ("weighted_bce", {}), ("focal", {"alpha": 0.25, "gamma": 2.0})]
    sweep = imbalance_sweep(methods, {"data": "breast_cancer", "seed": 0}, {"optimizer": "adam", "epochs": 60},
                            ratios=(3, 10, 100), seeds=3)
    assert sweep.points == (357 + 119, 357 + 36, 357 + 4)
    assert sweep.validation_minority == (36, 11, 1)
    verdicts, _ = imbalance_verdicts(sweep)
    assert [(verdict.at, verdict.outcome == TOO_FEW) for verdict in verdicts] == [(10, True), (100, True)]
    said = imbalance_sentences(sweep)
    assert said[0].key == "verdict.imbalance_too_few" and said[0].values["minority"] == 11


def test_the_outlier_sweep_runs_on_real_data():
    sweep = outlier_sweep([losses.get("mse"), losses.get("mae")], {"data": "diabetes", "feature": "bmi", "seed": 0},
                          {"optimizer": "nag", "lr": 0.05, "epochs": 100}, fractions=(0.0, 0.3), seeds=2)
    mse, mae = sweep.error["total"]["mse"].mean, sweep.error["total"]["mae"].mean
    assert mse[0] < 0.05 and mae[1] < mse[1]  # clean: on the reference line; with outliers MSE is pulled away


def test_the_switch_verdict_on_real_data_names_the_line_it_measures_against():
    from lossviz.labs.regression.verdicts import switch_runs, switch_sentences

    runs = switch_runs(("mse", {}), ("mae", {}), {"data": "diabetes", "outlier_fraction": 0.2},
                       {"optimizer": "nag", "lr": 0.05, "epochs": 60}, switch_at=30, seeds=2)
    assert runs.real and switch_sentences(runs)[0].key == "verdict.switch_real"
