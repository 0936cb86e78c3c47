"""Training a line with each regression loss: recovery, robustness to outliers, divergence, sweeps."""

import numpy as np
import pytest
import torch

from lossviz import losses
from lossviz.datasets import regression_data
from lossviz.labs.regression.train import outlier_sweep
from lossviz.losses.regression import RegressionLoss
from lossviz.models import influence, parameter_error, train_linear
from lossviz.training import history_csv

LAB_TRAINING = {"optimizer": "nag", "lr": 0.01, "momentum": 0.9, "epochs": 300}  # the lab's defaults
SEEDS = range(4)


def errors(data, names=("mse", "mae", "huber"), **training):
    return {name: parameter_error(train_linear(losses.get(name), data, **{**LAB_TRAINING, **training}), data)["total"]
            for name in names}


RESIDUAL_LOSSES = [name for name in losses.names("regression") if issubclass(losses.loss_class(name), RegressionLoss)]


@pytest.mark.parametrize("name", RESIDUAL_LOSSES)
@pytest.mark.parametrize("optimizer", ["gd", "nag", "adam"])
def test_without_outliers_every_loss_recovers_the_true_line(name, optimizer):
    for seed in SEEDS:
        data = regression_data(n=400, noise=0.5, outlier_fraction=0.0, seed=seed)
        history = train_linear(losses.get(name), data, optimizer=optimizer, lr=0.02, epochs=400)
        assert history.diverged_at is None
        assert parameter_error(history, data)["total"] < 0.12, (seed, parameter_error(history, data))


@pytest.mark.parametrize("seed", SEEDS)
def test_with_20_percent_vertical_outliers_mae_and_huber_stay_near_the_line_and_mse_does_not(seed):
    data = regression_data(n=300, outlier_fraction=0.2, outlier_kind="vertical", seed=seed)
    error = errors(data)
    assert error["mse"] > 1.0
    assert error["mae"] < error["mse"] / 4 and error["huber"] < error["mse"] / 4, error


@pytest.mark.parametrize("seed", SEEDS)
def test_a_few_leverage_points_move_mse_more_than_mae_and_huber(seed):
    data = regression_data(n=300, outlier_fraction=0.05, outlier_kind="leverage", seed=seed)
    error = errors(data)
    assert error["mae"] < error["mse"] / 2 and error["huber"] < error["mse"] / 2, error


@pytest.mark.parametrize("seed", SEEDS)
def test_at_20_percent_leverage_points_no_loss_of_the_residual_protects_the_slope(seed):
    # Huber and MAE bound the pull of a large residual, not of a large x: far enough out, a fifth of
    # the points decides the slope for every one of these losses. The lab says so; this pins it.
    data = regression_data(n=300, outlier_fraction=0.2, outlier_kind="leverage", seed=seed)
    true_slope = data.slopes[0]
    for name, error in errors(data, epochs=1500).items():
        assert error > 0.5 * true_slope, (name, error)


def test_history_records_every_epoch_from_the_common_start():
    data = regression_data(n=100, features=2)
    history = train_linear(losses.get("huber", delta=0.5), data, epochs=50)
    assert history.values.shape == (51,) and history.params.shape == (51, 3)
    np.testing.assert_array_equal(history.params[0], 0.0)
    assert history.relative_values()[0] == 1.0 and history.epochs_run == 50
    assert history.values[-1] < history.values[0]


def test_training_matches_torch_autograd_with_torch_optim():
    data = regression_data(n=50, outlier_fraction=0.2, seed=3)
    history = train_linear(losses.get("huber", delta=0.8), data, optimizer="adam", lr=0.05, epochs=40)
    features = torch.tensor(np.hstack([data.x, np.ones((50, 1))]))
    target = torch.tensor(data.y)
    theta = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adam([theta], lr=0.05)
    for epoch in range(40):
        optimizer.zero_grad()
        loss = torch.nn.functional.huber_loss(features @ theta, target, delta=0.8)
        np.testing.assert_allclose(history.values[epoch], loss.item(), rtol=1e-12)
        loss.backward()
        optimizer.step()
    np.testing.assert_allclose(history.params[-1], theta.detach().numpy(), rtol=1e-11)


def test_a_learning_rate_too_high_is_reported_as_divergence():
    data = regression_data(n=100)
    history = train_linear(losses.get("mse"), data, optimizer="gd", lr=2.0, epochs=500)
    assert history.diverged_at is not None and 1 < history.diverged_at < 500
    assert history.epochs_run == history.diverged_at - 1
    assert np.all(np.isfinite(history.values)) and np.all(np.isfinite(history.params))


def test_bounded_losses_do_not_diverge_at_the_same_rate():
    data = regression_data(n=100)
    assert train_linear(losses.get("mae"), data, optimizer="gd", lr=2.0, epochs=200).diverged_at is None


def test_influence_is_the_pull_of_each_point():
    data = regression_data(n=200, outlier_fraction=0.1, seed=1)
    params = np.array([1.0, 0.0])
    residual = data.x[:, 0] - data.y
    np.testing.assert_allclose(influence(losses.get("mse"), data, params), 2 * np.abs(residual))
    huber = influence(losses.get("huber", delta=0.7), data, params)
    np.testing.assert_allclose(huber, np.minimum(np.abs(residual), 0.7))
    np.testing.assert_allclose(influence(losses.get("mae"), data, params), 1.0)


def test_sweep_shows_mse_breaking_down_as_outliers_grow():
    sweep = outlier_sweep([losses.get("mse"), losses.get("huber")], {"n": 200, "seed": 5}, LAB_TRAINING,
                          fractions=(0.0, 0.2, 0.4), seeds=2)
    assert sweep.fractions == (0.0, 0.2, 0.4) and sweep.seeds == 2
    mse, huber = sweep.error["total"]["mse"], sweep.error["total"]["huber"]
    assert mse.values.shape == (3, 2) and np.all(np.isfinite(mse.values))
    assert mse.mean[0] < 0.1 and huber.mean[0] < 0.1
    assert np.all(np.diff(mse.mean) > 0) and mse.mean[2] > 3 * huber.mean[2]
    # vertical outliers spread evenly over x shift the intercept, not the slope
    assert sweep.error["intercept"]["mse"].mean[2] > 2 * sweep.error["slope"]["mse"].mean[2]


def test_a_sweep_point_is_the_mean_of_its_seeds_with_their_spread():
    sweep = outlier_sweep([losses.get("mae")], {"n": 100, "seed": 3}, LAB_TRAINING, fractions=(0.1,), seeds=3)
    per_seed = []
    for seed in (3, 4, 5):
        data = regression_data(n=100, outlier_fraction=0.1, seed=seed)
        per_seed.append(parameter_error(train_linear(losses.get("mae"), data, **LAB_TRAINING), data)["slope"])
    table = sweep.error["slope"]["mae"]
    np.testing.assert_allclose(table.values[0], per_seed)
    assert table.mean[0] == pytest.approx(np.mean(per_seed))
    assert table.spread[0] == pytest.approx(np.std(per_seed, ddof=1))


def test_a_diverged_run_is_left_out_of_the_sweep_and_counted():
    sweep = outlier_sweep([losses.get("mse")], {"n": 50}, {"optimizer": "gd", "lr": 2.0, "epochs": 300},
                          fractions=(0.0,), seeds=1)
    assert all(np.isnan(sweep.error[measure]["mse"].mean[0]) for measure in ("total", "slope", "intercept"))
    assert sweep.diverged["mse"].tolist() == [1] and sweep.error["total"]["mse"].runs.tolist() == [0]


def test_sweep_progress_reports_every_data_set():
    seen = []
    outlier_sweep([losses.get("mse")], {"n": 50}, LAB_TRAINING, fractions=(0.0, 0.1), seeds=2,
                  on_progress=lambda done, total, fraction, seed: seen.append((done, total, fraction, seed)))
    assert seen == [(0, 4, 0.0, 0), (1, 4, 0.0, 1), (2, 4, 0.1, 0), (3, 4, 0.1, 1)]


def test_train_linear_refuses_other_losses_and_bad_settings():
    data = regression_data(n=50)
    with pytest.raises(ValueError, match="needs a regression loss"):
        train_linear(losses.get("bce"), data)
    with pytest.raises(ValueError, match=r"epochs must be in \[10, 2000\]"):
        train_linear(losses.get("mse"), data, epochs=5)
    with pytest.raises(ValueError, match="unknown optimizer"):
        train_linear(losses.get("mse"), data, optimizer="rmsprop")


def test_history_csv_has_a_row_per_epoch_and_blanks_after_divergence():
    data = regression_data(n=100)
    histories = [train_linear(losses.get("mae"), data, optimizer="gd", lr=2.0, epochs=20),
                 train_linear(losses.get("mse"), data, optimizer="gd", lr=2.0, epochs=20)]
    rows = [row.split(",") for row in history_csv(histories).splitlines()]
    assert rows[0] == ["epoch", "mae_loss", "mae_slope", "mae_intercept", "mse_loss", "mse_slope", "mse_intercept"]
    assert len(rows) == 22 and rows[-1][4:] == ["", "", ""] and rows[-1][1] != ""
    assert float(rows[1][4]) == pytest.approx(histories[1].values[0], rel=1e-9)


def test_a_sweeps_runs_train_at_most_the_sweep_cap_of_epochs():
    from lossviz.training import SWEEP_MAX_EPOCHS, sweep_training

    assert sweep_training({"optimizer": "adam", "epochs": 2000}) == {"optimizer": "adam", "epochs": SWEEP_MAX_EPOCHS}
    assert sweep_training({"epochs": 50})["epochs"] == 50


def test_history_csv_names_its_columns_and_starts_with_the_settings_that_reproduce_it():
    from lossviz.datasets import classification_data
    from lossviz.models import BOUNDARY_PARAMS, objective, train_classifier

    data = classification_data(n=300, seed=0)
    history = train_classifier(objective("bce", {}), data, epochs=10)
    lines = history_csv([history], BOUNDARY_PARAMS, {"methods": "bce", "epochs": "10"}).splitlines()
    assert lines[0] == "# settings: methods=bce&epochs=10"
    assert lines[1].split(",") == ["epoch", "bce_loss", "bce_validation_loss", "bce_weight_x1", "bce_weight_x2",
                                   "bce_bias"]
    assert float(lines[2].split(",")[2]) == pytest.approx(history.val_values[0], rel=1e-9)
