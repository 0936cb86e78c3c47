"""What a dragged regression-lab slider's chart holds: the lab's data and fits at the slider's stops,
as frames matched to the fit figure's traces, within a bounded cost."""

import numpy as np
import pytest

from lossviz import losses, models
from lossviz.charts.training import held_still
from lossviz.datasets import regression_data
from lossviz.labs.regression.charts import fit_figure, fit_frame
from lossviz.labs.regression.drag import affordable_stops, fit_work, fits_along, with_setting
from lossviz.labs.regression.schema import REGRESSION
from lossviz.models import train_linear
from lossviz.training import drag_stops
from tests.app.conftest import array_of

DATA = {"n": 200, "noise": 0.5, "outlier_fraction": 0.1, "outlier_magnitude": 5.0, "seed": 0,
        "outlier_kind": "vertical"}
TRAINING = {"optimizer": "gd", "lr": 0.01, "momentum": 0.9, "epochs": 200}
CONFIGURED = {"mse": {}, "huber": {"delta": 1.0}}
SIX = {name: {} for name in ("mse", "mae", "huber", "log_cosh", "quantile", "barron")}


@pytest.mark.parametrize(("key", "group"), [("noise", 0), ("epochs", 2), ("huber.delta", 1)])
def test_a_setting_is_set_in_its_own_group_and_nowhere_else(key, group):
    changed = with_setting(DATA, CONFIGURED, TRAINING, key, 3)
    for index, (before, after) in enumerate(zip((DATA, CONFIGURED, TRAINING), changed, strict=True)):
        assert (after != before) == (index == group)
    assert DATA["noise"] == 0.5 and CONFIGURED["huber"] == {"delta": 1.0}  # the settings given stay as they were
    if key == "huber.delta":
        assert changed[1]["huber"] == {"delta": 3}


def test_the_fits_along_a_slider_are_the_labs_own_fits_at_each_stop():
    stops = (0.0, 0.3)
    fits = fits_along(DATA, CONFIGURED, TRAINING, "outlier_fraction", stops)
    for stop, (points, histories, _) in zip(stops, fits, strict=True):
        expected = regression_data(**{**DATA, "outlier_fraction": stop})
        assert np.array_equal(points.y, expected.y)
        for history, (name, params) in zip(histories, CONFIGURED.items(), strict=True):
            alone = train_linear(losses.get(name, **params), expected, **TRAINING)
            assert history.loss == name and np.array_equal(history.params, alone.params)


def test_the_stops_shrink_as_the_fits_grow_and_vanish_beyond_the_budget():
    spec = REGRESSION.numbers["outlier_fraction"]
    assert affordable_stops(spec, DATA, CONFIGURED, TRAINING, "outlier_fraction") == drag_stops(spec)
    heavier = {**DATA, "n": 2000}
    fewer = affordable_stops(spec, heavier, SIX, TRAINING, "outlier_fraction")
    assert 11 <= len(fewer) < len(drag_stops(spec))
    largest = {**DATA, "n": 5000}
    assert affordable_stops(spec, largest, SIX, {**TRAINING, "epochs": 2000}, "outlier_fraction") == []
    # the slider's own value counts at each stop: dragging n up to 5000 costs more than staying at 200
    n_stops = affordable_stops(REGRESSION.numbers["n"], DATA, SIX, TRAINING, "n")
    assert n_stops and len(n_stops) < len(drag_stops(REGRESSION.numbers["n"]))


def _figure_and_frame(outlier_fraction, influence=True):
    data = regression_data(**{**DATA, "outlier_fraction": outlier_fraction})
    histories = [train_linear(losses.get(name, **params), data, **TRAINING) for name, params in CONFIGURED.items()]
    pulls = models.influence(losses.get("mse"), data, data.true_params) if influence else None
    labels = {key: key for key in ("x", "y", "points", "outliers", "truth", "epoch", "play", "pause", "history_x",
                                   "history_y")}
    figure = fit_figure(data, histories, influence=pulls, labels=labels, revision="test")
    return figure, fit_frame("stop", data, histories, pulls)


def test_a_frame_holds_exactly_what_the_figure_draws_at_that_setting():
    figure, frame = _figure_and_frame(0.3)
    drawn = {trace.meta["uid"]: trace for trace in figure.data}
    assert frame["uids"] == list(drawn)  # the figure's traces, each once, matched by its uid
    for uid, shown in zip(frame["uids"], frame["data"], strict=True):
        trace = drawn[uid]
        for axis in ("x", "y"):
            np.testing.assert_allclose(array_of(shown[axis]), np.asarray(trace[axis], dtype=float), rtol=1e-6)
        if uid in ("points", "outliers"):
            np.testing.assert_allclose(array_of(shown["marker.size"]), trace.marker.size, rtol=1e-6)
    assert frame["layout"]["xaxis.range"] == list(figure.layout.xaxis.range)
    assert frame["layout"]["yaxis.range"] == list(figure.layout.yaxis.range)


def test_a_diverged_runs_cross_is_matched_by_uid_not_by_position():
    data = regression_data(**DATA)
    runaway = train_linear(losses.get("mse"), data, **{**TRAINING, "lr": 2.0})
    calm = train_linear(losses.get("huber"), data, **TRAINING)
    assert runaway.diverged_at is not None
    frame = fit_frame("stop", data, [runaway, calm])
    assert frame["uids"][-3:] == ["history:mse", "diverged:mse", "history:huber"]


def test_frames_held_still_share_ranges_that_hold_every_stop():
    frames = [_figure_and_frame(fraction, influence=False)[1] for fraction in (0.0, 0.2, 0.5)]
    still = held_still(frames)
    assert len({repr(frame["layout"]) for frame in still}) == 1
    united = still[0]["layout"]
    for frame in frames:
        low, high = frame["layout"]["yaxis.range"]
        assert united["yaxis.range"][0] <= low and high <= united["yaxis.range"][1]
    assert [frame["data"] for frame in still] == [frame["data"] for frame in frames]
    assert "yaxis2.range" not in united and united["yaxis2.tickvals"]  # the loss panel keeps its autorange
    assert held_still([]) == []


def test_the_fits_along_a_slider_size_their_points_by_the_chosen_losss_pull_at_each_stop():
    stops = (0.5, 2.0)
    for stop, (points, _, pulls) in zip(stops, fits_along(DATA, CONFIGURED, TRAINING, "huber.delta", stops,
                                                          pull_of="huber"), strict=True):
        expected = models.influence(losses.get("huber", delta=stop), points, points.true_params)
        assert np.array_equal(pulls, expected)
    assert all(pulls is None for _, _, pulls in fits_along(DATA, CONFIGURED, TRAINING, "noise", (0.5,)))


def test_the_drag_budget_counts_a_real_data_sets_own_points():
    assert fit_work({"data": "diabetes", "n": 20}, 2, {"epochs": 10}) == 2 * 10 * (442 + 1000)
    assert fit_work({"data": "synthetic", "n": 20}, 2, {"epochs": 10}) == 2 * 10 * (20 + 1000)
