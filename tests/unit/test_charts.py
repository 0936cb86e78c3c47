"""Chart helpers whose choices are not visible in AppTest: log ticks, drawn epochs, drawn points."""

import json
import re
from pathlib import Path

import numpy as np
import pytest
from plotly.offline import get_plotlyjs_version

from lossviz import charts, losses
from lossviz.data import regression_data
from lossviz.train import train_linear

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("low", "high", "ticks"), [
    (0.35, 1.0, [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
    (0.02, 1.0, [0.02, 0.05, 0.1, 0.2, 0.5, 1.0]),
    (0.9, 3e5, [1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0]),
    (0.9057, 1.0, [0.92, 0.94, 0.96, 0.98, 1.0]),
    (0.5, 0.5, [0.5]),
])
def test_log_ticks_are_few_and_round(low, high, ticks):
    assert charts.log_ticks(low, high) == ticks


def test_drawn_epochs_keep_the_ends_and_stay_few():
    epochs = charts.drawn_epochs(301)
    assert epochs[0] == 0 and epochs[-1] == 300 and len(epochs) == charts.MAX_DRAWN_EPOCHS
    np.testing.assert_array_equal(charts.drawn_epochs(5), np.arange(5))


FIT_LABELS = {key: key for key in ("x", "y", "points", "outliers", "truth", "epoch", "play", "pause", "history_x",
                                   "history_y")}


def _fit_figure(outlier_fraction=0.1, names=("mse", "mae"), epochs=40):
    data = regression_data(n=50, outlier_fraction=outlier_fraction)
    histories = [train_linear(losses.get(name), data, epochs=epochs) for name in names]
    return charts.fit_figure(data, histories, labels=FIT_LABELS, revision="test")


def test_the_fit_figure_labels_its_loss_panel_and_its_current_epoch():
    figure = _fit_figure()
    assert figure.layout.yaxis2.type == "log" and len(figure.layout.yaxis2.tickvals) >= 3
    slider = figure.layout.sliders[0]
    assert slider.currentvalue.font.color != slider.font.color  # step labels hidden, the current epoch shown
    assert [step.label for step in slider.steps][-1] == "40"


def test_the_suite_checks_every_figure_plotly_draws():
    assert charts.VALIDATE
    with pytest.raises(ValueError, match="bogus"):
        charts.figure([{"type": "scatter", "bogus": 1}], charts.layout(revision="test"))


def test_the_browsers_plotly_js_is_the_release_plotly_py_writes_figures_for():
    bundle = (ROOT / "static" / "plotly-cartesian.min.js").read_text()
    assert f"plotly.js (cartesian - minified) v{get_plotlyjs_version()}\n" in bundle[:200]
    assert set(re.findall(r'moduleType:"trace",name:"(\w+)"', bundle)) == charts.BUNDLED_TRACES


def test_the_suite_refuses_a_figure_the_bundle_cannot_draw():
    with pytest.raises(ValueError, match="cannot draw"):
        charts.figure([{"type": "scatter3d", "x": [0], "y": [0], "z": [0]}], charts.layout(revision="test"))


def test_an_unchecked_figure_is_the_same_figure(monkeypatch):
    checked = json.loads(_fit_figure(0.2, ("mse", "huber")).to_json())
    monkeypatch.setattr(charts, "VALIDATE", False)
    assert json.loads(_fit_figure(0.2, ("mse", "huber")).to_json()) == checked


def test_a_sampled_class_says_so_in_the_legend():
    x = np.arange(charts.MAX_DRAWN_POINTS * 3, dtype=float)
    sampled = charts.points_trace(x, x, "majority", "#000", sample_name="{name}: {drawn} of {total} drawn")
    assert len(sampled["x"]) == charts.MAX_DRAWN_POINTS
    assert sampled["name"] == f"majority: {charts.MAX_DRAWN_POINTS} of {x.size} drawn"
    assert charts.points_trace(x[:10], x[:10], "minority", "#000", sample_name="{name}!")["name"] == "minority"


def test_every_animation_frame_keeps_the_loss_panel_drawn():
    # a frame that names no trace of a panel leaves that panel empty while the animation plays
    figure = _fit_figure()
    loss_panel = {index for index, trace in enumerate(figure.data) if trace.xaxis == "x2"}
    assert loss_panel and all(set(frame.traces) & loss_panel for frame in figure.frames)
