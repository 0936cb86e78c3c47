"""Chart helpers whose choices are not visible in AppTest: log ticks, drawn epochs, drawn points."""

import json
import re
from pathlib import Path

import numpy as np
import pytest
from plotly.offline import get_plotlyjs_version

from lossviz import losses
from lossviz.charts.theme import (
    BUNDLED_TRACES,
    LOSS_COLORS,
    MAX_DRAWN_POINTS,
    POINT_SIZE,
    VALIDATE,
    figure,
    frames_of,
    layout,
    points_trace,
)
from lossviz.charts.training import MAX_DRAWN_EPOCHS, MAX_FRAMES, drawn_epochs, frame_epochs, log_ticks, sweep_figure
from lossviz.datasets import regression_data
from lossviz.labs.classification.charts import imbalance_figure, recall_bars_figure, shares_figure
from lossviz.labs.regression.charts import fit_figure, pull_sizes
from lossviz.models import train_linear
from lossviz.training import SeedTable

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("low", "high", "ticks"), [
    (0.35, 1.0, [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
    (0.02, 1.0, [0.02, 0.05, 0.1, 0.2, 0.5, 1.0]),
    (0.9, 3e5, [1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0]),
    (0.9057, 1.0, [0.92, 0.94, 0.96, 0.98, 1.0]),
    (0.5, 0.5, [0.5]),
])
def test_log_ticks_are_few_and_round(low, high, ticks):
    assert log_ticks(low, high) == ticks


def test_drawn_epochs_keep_the_ends_and_stay_few():
    epochs = drawn_epochs(301)
    assert epochs[0] == 0 and epochs[-1] == 300 and len(epochs) == MAX_DRAWN_EPOCHS
    np.testing.assert_array_equal(drawn_epochs(5), np.arange(5))


FIT_LABELS = {key: key for key in ("x", "y", "points", "outliers", "truth", "epoch", "play", "pause", "history_x",
                                   "history_y")}


def _fit_figure(outlier_fraction=0.1, names=("mse", "mae"), epochs=40):
    data = regression_data(n=50, outlier_fraction=outlier_fraction)
    histories = [train_linear(losses.get(name), data, epochs=epochs) for name in names]
    return fit_figure(data, histories, labels=FIT_LABELS, revision="test")


def test_the_fit_figure_labels_its_loss_panel_and_its_current_epoch():
    figure = _fit_figure()
    assert figure.layout.yaxis2.type == "log" and len(figure.layout.yaxis2.tickvals) >= 3
    slider = figure.layout.sliders[0]
    assert slider.currentvalue.font.color != slider.font.color  # step labels hidden, the current epoch shown
    assert [step.label for step in slider.steps][-1] == "40"


def test_the_suite_checks_every_figure_plotly_draws():
    assert VALIDATE
    with pytest.raises(ValueError, match="bogus"):
        figure([{"type": "scatter", "bogus": 1}], layout(revision="test"))


def test_the_browsers_plotly_js_is_the_release_plotly_py_writes_figures_for():
    bundle = (ROOT / "static" / "plotly-cartesian.min.js").read_text()
    assert f"plotly.js (cartesian - minified) v{get_plotlyjs_version()}\n" in bundle[:200]
    assert set(re.findall(r'moduleType:"trace",name:"(\w+)"', bundle)) == BUNDLED_TRACES


def test_the_suite_refuses_a_figure_the_bundle_cannot_draw():
    with pytest.raises(ValueError, match="cannot draw"):
        figure([{"type": "scatter3d", "x": [0], "y": [0], "z": [0]}], layout(revision="test"))


def test_an_unchecked_figure_is_the_same_figure(monkeypatch):
    checked = json.loads(_fit_figure(0.2, ("mse", "huber")).to_json())
    monkeypatch.setattr("lossviz.charts.theme.VALIDATE", False)
    assert json.loads(_fit_figure(0.2, ("mse", "huber")).to_json()) == checked


def test_a_sampled_class_says_so_in_the_legend():
    x = np.arange(MAX_DRAWN_POINTS * 3, dtype=float)
    sampled = points_trace(x, x, "majority", "#000", sample_name="{name}: {drawn} of {total} drawn")
    assert len(sampled["x"]) == MAX_DRAWN_POINTS
    assert sampled["name"] == f"majority: {MAX_DRAWN_POINTS} of {x.size} drawn"
    assert points_trace(x[:10], x[:10], "minority", "#000", sample_name="{name}!")["name"] == "minority"


def test_every_animation_frame_keeps_the_loss_panel_drawn():
    # a frame that names no trace of a panel leaves that panel empty while the animation plays
    figure = _fit_figure()
    loss_panel = {index for index, trace in enumerate(figure.data) if trace.xaxis == "x2"}
    assert loss_panel and all(set(frame["traces"]) & loss_panel for frame in frames_of(figure))


@pytest.mark.parametrize("epochs", [1, 5, 19, 20, 200, 2000])
def test_frame_epochs_start_and_end_the_run_and_stay_few_and_dense_early(epochs):
    frames = frame_epochs(epochs)
    assert frames[0] == 0 and frames[-1] == epochs
    assert frames == sorted(set(frames)) and len(frames) <= MAX_FRAMES + 1
    if epochs >= 200:  # geometric spacing: the first half of the frames covers far less than half the run
        assert frames[len(frames) // 2] < epochs / 4


def test_pull_sizes_give_areas_proportional_to_the_pull_within_bounds():
    pulls = np.array([0.0, 0.25, 1.0, 1.0, 1.0, 4.0, 1e6])
    sizes = pull_sizes(pulls)
    assert sizes[2] == POINT_SIZE  # the median pull draws the ordinary point size
    assert sizes[5] == pytest.approx(2 * POINT_SIZE)  # four times the pull: twice the width
    assert sizes[1] == pytest.approx(POINT_SIZE / 2)
    assert sizes[0] == 3.0 and sizes[-1] == 34.0  # clipped: a vanishing pull stays visible, a huge one on the chart


def test_the_shares_figure_colours_each_loss_by_its_name_and_labels_it_as_asked():
    shares = {"bce": np.array([0.1, 0.2, 0.3, 0.4]), "focal": np.array([0.4, 0.3, 0.2, 0.1])}
    figure = shares_figure(shares, ["a", "b", "c", "d"], names={"focal": "focal (α 0.25, γ 2)"},
                           x_title="p", y_title="share", revision="test")
    assert [trace.name for trace in figure.data] == ["bce", "focal (α 0.25, γ 2)"]
    assert [trace.marker.color for trace in figure.data] == [LOSS_COLORS["bce"], LOSS_COLORS["focal"]]
    np.testing.assert_allclose(figure.data[1].y, [40, 30, 20, 10])
    assert figure.layout.yaxis.ticksuffix == "%"


def test_the_recall_figure_draws_one_bar_group_per_method():
    recalls = {"cce": np.array([0.9, 0.5, 0.1]), "poly1": np.array([0.8, 0.6, 0.3])}
    figure = recall_bars_figure(recalls, ["class 0", "class 1", "class 2"], y_title="recall", revision="test")
    assert [(trace.type, trace.name, tuple(trace.x)) for trace in figure.data] == [
        ("bar", "cce", ("class 0", "class 1", "class 2")), ("bar", "poly1", ("class 0", "class 1", "class 2"))]
    np.testing.assert_allclose(figure.data[1].y, recalls["poly1"])
    assert tuple(figure.layout.yaxis.range) == (0, 1.05)


def test_the_imbalance_figure_has_a_panel_per_measure_on_a_ratio_axis_with_spread_bars():
    ratios = (1, 10, 100)
    recall = SeedTable(np.array([[0.9, 0.8], [0.4, 0.6], [0.0, 0.0]]))
    panels = [("recall", {"bce": recall}), ("PR-AUC", {"bce": SeedTable(np.full((3, 2), 0.5))})]
    figure = imbalance_figure(ratios, panels, x_title="ratio", revision="test", names={"bce": "BCE"})
    assert [(trace.xaxis, trace.yaxis, trace.showlegend, trace.name) for trace in figure.data] == [
        ("x", "y", True, "BCE"), ("x2", "y2", False, "BCE")]
    assert list(figure.data[0].x) == [1, 10, 100]
    np.testing.assert_allclose(figure.data[0].y, [0.85, 0.5, 0.0])
    np.testing.assert_allclose(figure.data[0].error_y.array, recall.spread)
    for axis in (figure.layout.xaxis, figure.layout.xaxis2):
        assert axis.type == "log" and list(axis.ticktext) == ["1:1", "1:10", "1:100"] and axis.tickprefix == "1:"
    between = imbalance_figure((1, 3, 10, 30), panels[:1], x_title="ratio", revision="test").layout.xaxis
    assert list(between.tickvals) == [1, 10] and list(between.minor.tickvals) == [3, 30]  # gridded, not labelled
    assert [figure.layout.yaxis.title.text, figure.layout.yaxis2.title.text] == ["recall", "PR-AUC"]
    assert tuple(figure.layout.yaxis2.range) == (0, 1.05)
    fitted = imbalance_figure(ratios, panels, x_title="ratio", revision="test", fitted=(1,))
    assert fitted.layout.yaxis2.range is None and fitted.layout.yaxis2.rangemode == "tozero"


def test_the_outlier_sweep_figure_marks_the_fractions_where_every_run_diverged():
    table = SeedTable(np.array([[0.1, 0.2], [np.nan, 0.5], [np.nan, np.nan]]))
    figure = sweep_figure((0.0, 0.25, 0.5), {"mse": table}, {"mse": np.array([0, 1, 2])}, x_title="f",
                          y_title="e", revision="test", names={"mse": "MSE"}, diverged_label="diverged")
    line, crosses = figure.data
    np.testing.assert_allclose(line.y, [0.15, 0.5, np.nan])
    assert list(line.customdata) == [0, 1, 2] and "diverged" in line.hovertemplate
    assert list(crosses.x) == [50.0] and crosses.marker.symbol == "x" and crosses.yaxis == "y2"


def test_every_decision_boundary_is_in_view_or_said_to_lie_beyond_it():
    from lossviz.datasets import classification_set
    from lossviz.labs.classification.charts import BOUNDARY_LABELS, boundary_figure, off_chart_side
    from lossviz.labs.classification.schema import CLASSIFICATION
    from lossviz.labs.classification.train import classifier, method_params

    labels = {key: key for key in BOUNDARY_LABELS} | {"x": "x", "y": "y", "sample": "{name}",
                                                      "off_chart": "{name} beyond: {group}"}
    for ratio in ("100", "300", "1000"):
        settings = CLASSIFICATION.parse({"imbalance": ratio})[0]
        data_key = settings.group("data")
        histories = [classifier(data_key, 2, method, method_params(settings, method), settings.group("training"))
                     for method in settings.methods]
        figure = boundary_figure(classification_set(data_key, 2), histories, labels=labels, revision="r")
        x_range, y_range = figure.layout.xaxis.range, figure.layout.yaxis.range
        noted = [note.text for note in figure.layout.annotations if "beyond" in note.text]
        for history in histories:
            side = off_chart_side(history.params[history.epochs_run], x_range, y_range)
            assert (side != 0) == any(note.startswith(history.loss) for note in noted), (ratio, history.loss)
            if side == 0:  # in view, and clear of the right and left edges where the toolbar and legend sit
                w1, w2, b = history.params[history.epochs_run]
                middle = -(w2 * sum(y_range) / 2 + b) / w1
                assert x_range[0] + 0.05 * (x_range[1] - x_range[0]) < middle < x_range[1] - 0.05 * (
                    x_range[1] - x_range[0]), (ratio, history.loss, middle, x_range)


def test_the_chart_toolbar_stands_in_its_own_margin_off_the_legend_and_titles():
    from lossviz.charts.theme import layout

    shared = layout(revision="r")
    assert shared["modebar"]["orientation"] == "v" and shared["margin"]["r"] >= 36  # a button is about 30 px wide
    assert shared["legend"]["x"] == 0 and shared["legend"]["yanchor"] == "bottom"
