"""The landscape's surfaces and paths, and the monitor's curves, early stopping and diagnoses."""


import json

import numpy as np
import pytest
import torch

from lossviz import losses, optim
from lossviz.charts.theme import frames_of, plain
from lossviz.charts.training import frame_epochs
from lossviz.datasets import regression_data
from lossviz.labs.landscape.charts import surface_figure
from lossviz.labs.landscape.monitor import (
    DIAGNOSES,
    OVERFIT_RISE,
    PRESETS,
    UNDERFIT_EXCESS,
    VALIDATION_POINTS,
    curve_data,
    diagnose,
    early_stopping,
    monitor_csv,
    monitor_sentences,
    polynomial_features,
    train_polynomial,
)
from lossviz.labs.landscape.surface import (
    FEATURE_SCALES,
    SURFACE_POINTS,
    path_rows,
    paths,
    paths_csv,
    subsample,
    surface,
    surface_data,
    window,
)
from lossviz.models import design_matrix
from lossviz.training import History


@pytest.fixture(scope="module")
def data():
    return surface_data(regression_data(n=300, outlier_fraction=0.1, seed=3), "scaled")


@pytest.mark.parametrize(("name", "params"), [("mse", {}), ("mae", {}), ("huber", {"delta": 0.7}), ("log_cosh", {}),
                                              ("barron", {"alpha": -2.0})])
def test_the_surface_is_the_loss_of_every_grid_line(data, name, params):
    loss = losses.get(name, **params)
    drawn = surface(loss, data, (-1.0, 3.0), (-2.0, 4.0), grid=17)
    assert drawn.values.shape == (17, 17)
    for row, column in [(0, 0), (3, 11), (16, 16), (8, 2)]:
        prediction = drawn.slopes[column] * data.x[:, 0] + drawn.intercepts[row]
        assert drawn.values[row, column] == pytest.approx(loss.forward(data.y, prediction), rel=1e-12)
    row, column = np.unravel_index(np.argmin(drawn.values), drawn.values.shape)
    assert drawn.lowest == (drawn.slopes[column], drawn.intercepts[row])


def test_outliers_move_the_mse_valley_and_not_the_mae_one(data):
    box = window([(-2.0, 4.0), tuple(data.true_params)])
    lowest = {name: np.array(surface(losses.get(name), data, *box, grid=81).lowest)
              for name in ("mse", "mae")}
    distance = {name: np.linalg.norm(point - data.true_params) for name, point in lowest.items()}
    assert distance["mse"] > 3 * distance["mae"]


def test_the_unscaled_features_keep_every_prediction_of_the_true_line():
    data = regression_data(n=50, seed=1)
    scaled, unscaled = (surface_data(data, kind) for kind in FEATURE_SCALES)
    np.testing.assert_allclose(scaled.true_line(scaled.x), unscaled.true_line(unscaled.x), rtol=1e-12)
    assert unscaled.x.min() >= 4.0 and unscaled.x.max() <= 16.0
    with pytest.raises(ValueError, match="features must be one of scaled, unscaled"):
        surface_data(data, "raw")


def test_a_large_data_set_is_subsampled_the_same_way_every_time():
    data = surface_data(regression_data(n=3000, seed=2), "scaled")
    first, second = subsample(data), subsample(data)
    assert first.y.size == SURFACE_POINTS
    np.testing.assert_array_equal(first.y, second.y)
    assert subsample(surface_data(regression_data(n=200, seed=2), "scaled")).y.size == 200


def test_the_window_holds_its_points_with_room_around_them():
    (slope_low, slope_high), (intercept_low, intercept_high) = window([(-2.0, 4.0), (1.5, 0.5)])
    assert slope_low < -2.0 and slope_high > 1.5 and intercept_low < 0.5 and intercept_high > 4.0
    (low, high), _ = window([(1.0, 1.0), (1.0, 1.0)])
    assert high - low >= 1.0  # a single point still gets a map


@pytest.mark.parametrize("optimizer", optim.OPTIMIZERS)
def test_every_path_is_the_optimizer_of_lossviz_optim_and_torch_optim_from_the_start(data, optimizer):
    loss = losses.get("huber")
    start = np.array([-2.0, 4.0])
    run = paths(loss, data, start, lr=0.05, momentum=0.9, epochs=30)[optimizer]
    np.testing.assert_array_equal(run.params[0], start)
    features = torch.tensor(design_matrix(data.x))
    target = torch.tensor(data.y)
    theta = torch.tensor(start, requires_grad=True)
    step = {"gd": lambda p: torch.optim.SGD(p, lr=0.05),
            "momentum": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
            "nag": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
            "adam": lambda p: torch.optim.Adam(p, lr=0.05)}[optimizer]([theta])
    for epoch in range(31):
        np.testing.assert_allclose(run.params[epoch], theta.detach().numpy(), rtol=1e-9, atol=1e-12)
        step.zero_grad()
        torch.nn.functional.huber_loss(features @ theta, target).backward()
        step.step()


def test_a_diverging_path_stops_and_the_table_says_where(data):
    runs = {"mse": paths(losses.get("mse"), data, (-2.0, 4.0), lr=2.0, momentum=0.9, epochs=100)}
    assert all(run.diverged_at is not None for run in runs["mse"].values() if run is not runs["mse"]["adam"])
    rows = path_rows(runs, data)
    gd = next(row for row in rows if row["optimizer"] == "gd")
    assert gd["final_loss"] == gd["distance"] == "—" and gd["diverged"] == str(runs["mse"]["gd"].diverged_at)
    assert np.all(np.isfinite(runs["mse"]["gd"].params))
    header = paths_csv(runs).splitlines()[0].split(",")
    assert header[:4] == ["epoch", "mse_gd_loss", "mse_gd_slope", "mse_gd_intercept"]


def test_early_stopping_keeps_the_best_epoch_under_the_patience_rule():
    curve = np.array([5.0, 4.0, 3.0, 3.5, 2.5, 2.6, 2.7, 2.8, 2.9, 1.0])
    assert early_stopping(curve, patience=3) == (4, 7)  # 3 epochs without a new low after epoch 4
    assert early_stopping(curve, patience=5) == (9, 9)  # patient enough to see the late low
    assert early_stopping(np.array([3.0, 2.0, 1.0]), patience=1) == (2, 2)
    assert early_stopping(np.array([1.0, 2.0, 3.0]), patience=1) == (0, 1)
    with pytest.raises(ValueError, match="patience must be in"):
        early_stopping(curve, patience=0)


def test_the_monitor_records_training_and_validation_mse_of_its_polynomial():
    data = curve_data(train_points=30, noise=0.2, seed=4)
    run = train_polynomial(data, degree=5, weight_decay=0.01, optimizer="adam", lr=0.05, momentum=0.9,
                           epochs=50)
    for epoch in (0, 17, 50):
        coefficients = run.params[epoch]
        train_mse = np.mean((polynomial_features(data.x, 5) @ coefficients - data.y) ** 2)
        val_mse = np.mean((polynomial_features(data.x_val, 5) @ coefficients - data.y_val) ** 2)
        assert run.values[epoch] == pytest.approx(train_mse, rel=1e-12)
        assert run.val_values[epoch] == pytest.approx(val_mse, rel=1e-12)
    assert data.x_val.size == VALIDATION_POINTS
    header, first = monitor_csv(run, {"degree": "5"}).splitlines()[1:3]
    assert header == "epoch,mse_loss,mse_validation_loss," + ",".join(f"mse_c{index}" for index in range(6))
    assert first.split(",")[0] == "0" and float(first.split(",")[1]) == pytest.approx(run.values[0], rel=1e-9)


def test_weight_decay_shrinks_the_coefficients_but_not_the_constant_term():
    data = curve_data(train_points=30, noise=0.2, seed=4)
    fits = {decay: train_polynomial(data, degree=9, weight_decay=decay, optimizer="adam", lr=0.05,
                                    momentum=0.9, epochs=400).params[-1] for decay in (0.0, 0.05)}
    assert np.linalg.norm(fits[0.05][1:]) < 0.8 * np.linalg.norm(fits[0.0][1:])


@pytest.mark.parametrize("kind", DIAGNOSES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_each_preset_produces_the_curve_it_names(kind, seed):
    preset = dict(PRESETS[kind])
    data = curve_data(train_points=preset.pop("train_points"), noise=preset.pop("noise"), seed=seed)
    run = train_polynomial(data, momentum=0.9, **preset)
    diagnosis = diagnose(run, data.noise)
    assert diagnosis.kind == kind
    # the shapes, as numbers
    if kind == "training_problem":
        assert run.diverged_at is not None or run.values[-1] >= run.values[0]
    elif kind == "overfitting":
        assert run.values[-1] < run.values[0] and diagnosis.best_epoch < run.epochs_run
        assert diagnosis.final_val >= OVERFIT_RISE * diagnosis.best_val
    elif kind == "underfitting":
        assert diagnosis.final_train - data.noise**2 >= UNDERFIT_EXCESS
        assert diagnosis.final_val < 1.5 * diagnosis.final_train  # no gap: the model is too simple, not overfit
    else:
        assert abs(diagnosis.final_train - data.noise**2) < UNDERFIT_EXCESS
        assert diagnosis.final_val < OVERFIT_RISE * diagnosis.best_val


def test_the_verdict_says_what_early_stopping_keeps():
    run = History("mse", values=np.linspace(1.0, 0.1, 11), params=np.zeros((11, 2)),
                  val_values=np.array([1.0, 0.8, 0.6, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1]))
    diagnosis = diagnose(run, noise=0.3)
    assert diagnosis.kind == "overfitting" and diagnosis.best_epoch == 3
    said = monitor_sentences(diagnosis, early_stopping(run.val_values, 4), 4, run.epochs_run)
    assert [sentence.key for sentence in said] == ["landscape.monitor.verdict.overfitting", "landscape.monitor.best",
                                                   "landscape.monitor.stops"]
    assert said[1].values == {"epoch": 3, "share": "0.45"}
    assert said[2].values == {"patience": 4, "stop": 7, "best": 3}


def test_the_surface_figure_animates_the_paths_within_a_megabyte(data):
    box = window([(-2.0, 4.0), tuple(data.true_params)])
    surfaces = [surface(losses.get(name), data, *box) for name in ("mse", "mae")]
    runs = [paths(losses.get(name), data, (-2.0, 4.0), lr=0.05, momentum=0.9, epochs=500)
            for name in ("mse", "mae")]
    labels = {key: key for key in ("slope", "intercept", "loss", "truth", "start", "lowest", "epoch", "play",
                                   "pause", "diverged")}
    labels |= {"optimizers": {name: name for name in optim.OPTIMIZERS}, "titles": ["MSE", "MAE"]}
    figure = surface_figure(surfaces, runs, truth=data.true_params, start=(-2.0, 4.0), labels=labels,
                            revision="test")
    assert len(frames_of(figure)) == len(frame_epochs(500))
    assert all(len(frame["data"]) == 8 for frame in frames_of(figure))
    sent = len(figure.to_json()) + len(json.dumps(plain(frames_of(figure))))
    assert sent < 1_000_000  # the JSON ui.chart sends
