"""The classification lab's charts: decision boundaries over training, focal loss's curves and
where the loss comes from, the imbalance sweep, recall per class, and a network's probability map."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from lossviz.charts.theme import (
    BLUE,
    CLASS_COLORS,
    DARK_COLORS,
    DASHES,
    FALLBACK_COLOR,
    GREEN,
    LOSS_COLORS,
    ORANGE,
    PURPLE,
    SKY,
    TRUTH_COLOR,
    VERMILION,
    display,
    figure,
    layout,
    loss_line,
    points_trace,
    side_by_side,
    typed_array,
)
from lossviz.charts.training import animated_lines, with_history_panel, with_spread

# the common.* labels boundary_figure reads, beside x, y (common.feature_1, feature_2) and "names"
BOUNDARY_LABELS = ("majority", "minority", "sample", "validation", "epoch", "play", "pause", "history_x",
                   "history_y",
                   "diverged_mark", "off_chart")


def _boundary(params: np.ndarray, x_range, y_range) -> dict:
    """The segment of w1 x + w2 y + b = 0 (params = (w1, w2, b)) inside the box, or nothing."""
    w1, w2, b = (float(value) for value in params)
    if abs(w2) >= abs(w1) and w2 != 0.0:  # closer to horizontal: y from x
        xs = np.linspace(*x_range, 2)
        return {"x": xs.tolist(), "y": (-(w1 * xs + b) / w2).tolist()}
    if w1 != 0.0:
        ys = np.linspace(*y_range, 2)
        return {"x": (-(w2 * ys + b) / w1).tolist(), "y": ys.tolist()}
    return {"x": [None, None], "y": [None, None]}  # no boundary: every point gets one class


MOVING_POINTS = [0, 1]  # the traces of class_points: the majority, the minority


def class_points(data, labels: dict) -> list[dict]:
    """The training points of a binary data set: the majority faint, the minority on top and larger,
    each an even sample of at most CLASS_DRAWN points (`labels`: majority, minority, and optionally
    sample, the name of a sampled class)."""
    majority, minority = data.y == 0, data.y == 1
    sample = labels.get("sample", "{name}")
    return [points_trace(data.x[majority, 0], data.x[majority, 1], labels["majority"], CLASS_COLORS[0], 5, 0.5,
                         sample, CLASS_DRAWN),
            points_trace(data.x[minority, 0], data.x[minority, 1], labels["minority"], CLASS_COLORS[1], 8, 0.9,
                         sample, CLASS_DRAWN)]


CLASS_DRAWN = 150  # markers per class at most: each costs every redraw and drag step (docs/PERFORMANCE.md)


def _box(points: np.ndarray, margin: float = 0.3) -> tuple[tuple[float, float], tuple[float, float]]:
    low, high = points.min(axis=0) - margin, points.max(axis=0) + margin
    return (float(low[0]), float(high[0])), (float(low[1]), float(high[1]))


def boundary_figure(data, histories, *, labels: dict, revision: str) -> go.Figure:
    """Training points by class (the minority drawn on top, larger; at most CLASS_DRAWN of each) and
    each linear model's decision boundary (score 0), animated over its epochs; beside it, the
    training (and validation, dotted) loss per epoch.

    `labels`: x, y, majority, minority, sample, epoch, play, pause, history_x, history_y, validation.
    """
    x_range, y_range = view_box(data.x, [history.params[history.epochs_run] for history in histories])
    traces = class_points(data, labels)
    # drawn a span beyond the box on each side: a dragged slider's preview (points_frames) widens the axes
    reach_x, reach_y = _widened(x_range), _widened(y_range)

    def lines_at(epoch):
        return [_boundary(history.params[min(epoch, history.epochs_run)], reach_x, reach_y) for history in histories]

    figure_layout, panel = with_history_panel(labels, revision, histories)
    figure_layout["xaxis"]["range"], figure_layout["yaxis"]["range"] = list(x_range), list(y_range)
    figure_layout["annotations"] = [*figure_layout.get("annotations", ()), *off_chart_notes(
        histories, x_range, y_range, labels)]
    return animated_lines(traces, histories, lines_at, figure_layout, labels, fixed=panel)


def _widened(span: tuple[float, float]) -> tuple[float, float]:
    low, high = span
    return low - (high - low), high + (high - low)


def points_frames(sets, names, note: str) -> list[dict]:
    """The boundary figure's points (class_points) for each of the binary data `sets`, as frames named
    `names` that carry `note`, on one view box around all of them: a dragged data slider's preview,
    the boundaries staying as the chart draws them (the models as last trained)."""
    boxes = np.array([_box(data.x) for data in sets])  # (sets, axis, low/high)
    x_range = [float(boxes[:, 0, 0].min()), float(boxes[:, 0, 1].max())]
    y_range = [float(boxes[:, 1, 0].min()), float(boxes[:, 1, 1].max())]
    frames = []
    for name, data in zip(names, sets, strict=True):
        points = class_points(data, {"majority": "", "minority": ""})
        frames.append({"name": name, "note": note, "traces": MOVING_POINTS,
                       "data": [{"x": typed_array(trace["x"]), "y": typed_array(trace["y"])} for trace in points],
                       "layout": {"xaxis.range": x_range, "yaxis.range": y_range}})
    return frames


def view_box(points: np.ndarray, boundaries, margin: float = 0.3, reach: float = 0.5):
    """The points' box, widened to show each boundary (w1, w2, b) whose nearest point to the points'
    centre lies outside it, by up to `reach` of the box's span on each side (farther ones get a note)."""
    (x_low, x_high), (y_low, y_high) = _box(points, margin)
    centre = np.array([(x_low + x_high) / 2, (y_low + y_high) / 2])
    span = np.array([x_high - x_low, y_high - y_low])
    low, high = np.array([x_low, y_low]), np.array([x_high, y_high])
    for w1, w2, b in boundaries:
        weights = np.array([w1, w2], dtype=float)
        norm = float(weights @ weights)
        if not (norm > 0 and math.isfinite(norm + b)):
            continue
        nearest = centre - (weights @ centre + b) / norm * weights
        if np.all(np.abs(nearest - centre) <= span / 2 + reach * span):
            room = margin + 0.1 * span  # the line clear of the edge, where the toolbar and legend sit
            low, high = np.minimum(low, nearest - room), np.maximum(high, nearest + room)
    return (float(low[0]), float(high[0])), (float(low[1]), float(high[1]))


def off_chart_side(params: np.ndarray, x_range, y_range) -> int:
    """0 when the boundary w1 x + w2 y + b = 0 crosses the box (or a diverged run has none); else
    the side every point of the box falls on, its boundary beyond the chart's edge: 1 the minority
    class, -1 the majority."""
    w1, w2, b = (float(value) for value in params)
    if not math.isfinite(w1 + w2 + b):  # a diverged run has no boundary to place
        return 0
    scores = [w1 * x + w2 * y + b for x in x_range for y in y_range]
    if min(scores) < 0 <= max(scores):
        return 0
    return 1 if min(scores) >= 0 else -1


def off_chart_notes(histories, x_range, y_range, labels: dict) -> list[dict]:
    """A note in the plot's top-left corner for each model whose last boundary lies beyond the chart
    (`labels["off_chart"]`, filled with its name and the class it then gives every point shown)."""
    notes = []
    for history in histories:
        side = off_chart_side(history.params[history.epochs_run], x_range, y_range)
        if side:
            text = labels["off_chart"].format(name=display(labels.get("names"), history.loss),
                                              group=labels["minority" if side > 0 else "majority"])
            notes.append({"text": text, "xref": "x domain", "yref": "y domain", "x": 0.01,
                          "y": 0.99 - 0.07 * len(notes), "xanchor": "left", "yanchor": "top", "showarrow": False,
                          "align": "left",
                          "font": {"size": 12, "color": LOSS_COLORS.get(history.loss, FALLBACK_COLOR)},
                          "bgcolor": "rgba(255,255,255,0.85)"})
    return notes


def focal_figure(p_t, curves: dict, current: float, *, labels: dict, revision: str) -> go.Figure:
    """The focal-loss paper's figure (loss against p_t for several gamma) beside the weight (1 - p_t)^gamma.

    `curves`: gamma -> (loss, weight); the `current` gamma is drawn thick. `labels`: p_t, loss, weight.
    """
    traces = []
    palette = (BLUE, SKY, GREEN, ORANGE, PURPLE)
    for index, (gamma, (loss, weight)) in enumerate(curves.items()):
        is_current = gamma == current
        color = VERMILION if is_current else palette[index % len(palette)]
        style = {"color": color, "dash": "solid" if is_current else DASHES[color], "width": 4 if is_current else 2}
        name = f"γ = {gamma:g}"
        for suffix, values in (("", loss), ("2", weight)):
            traces.append({"type": "scatter", "mode": "lines", "x": p_t, "y": values, "name": name, "legendgroup": name,
                           "showlegend": not suffix, "line": style, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}",
                           "hovertemplate": "%{y:.3g}"})
    figure_layout = side_by_side(layout(revision=revision, height=340),
                                 [(labels["p_t"], labels["loss"]), (labels["p_t"], labels["weight"])])
    figure_layout["yaxis"]["range"] = [0, 5]
    return figure(traces, figure_layout)


def shares_figure(shares: dict, bins: list[str], *, names: dict, x_title: str, y_title: str,
                  revision: str) -> go.Figure:
    """Grouped bars: each loss's share of its total loss from each confidence bin, named by `names`."""
    traces = [{"type": "bar", "x": bins, "y": values * 100, "name": display(names, loss),
               "marker": {"color": LOSS_COLORS.get(loss, FALLBACK_COLOR)},
               "hovertemplate": "%{y:.1f}%<extra></extra>"} for loss, values in shares.items()]
    figure_layout = side_by_side(layout(revision=revision, height=300), [(x_title, y_title)])
    figure_layout["yaxis"]["ticksuffix"] = "%"
    figure_layout["hovermode"] = "closest"
    return figure(traces, figure_layout)


def imbalance_figure(ratios, panels: list[tuple[str, dict]], *, x_title: str, revision: str,
                     names: dict | None = None, fitted: tuple[int, ...] = ()) -> go.Figure:
    """One panel per (y title, {method: SeedTable per ratio}): the mean over seeds with its spread
    as error bars, the ratio on a log axis labelled 1:r. A panel's y axis shows shares from 0 to 1,
    or from 0 to its data's top for the panels `fitted` names (small errors would lie flat at 0)."""
    traces = []
    for index, (_, series) in enumerate(panels):
        suffix = str(index + 1) if index else ""
        for name, table in series.items():
            traces.append(with_spread({
                "type": "scatter", "mode": "lines+markers", "x": list(ratios), "name": display(names, name),
                "legendgroup": name, "showlegend": not index, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}",
                "hovertemplate": "%{y:.3g} ± %{error_y.array:.2g}",
                "line": loss_line(name, 2.5)}, table))
    figure_layout = side_by_side(layout(revision=revision, height=320), [(x_title, title) for title, _ in panels])
    figure_layout["margin"] = {**figure_layout["margin"], "r": 28}  # room for the last panel's 1:1000
    for index in range(len(panels)):
        suffix = str(index + 1) if index else ""
        # labels at the powers of ten, grid lines at every ratio: three panels leave too little width
        # for seven labels, which plotly would turn on end over the axis title; the prefix writes
        # the ratio under the pointer between labels (1:30), where plotly has no label to show
        labelled = [ratio for ratio in ratios if math.log10(ratio).is_integer()]
        figure_layout[f"xaxis{suffix}"].update({
            "type": "log", "tickvals": labelled, "ticktext": [f"1:{ratio:g}" for ratio in labelled],
            "tickprefix": "1:", "exponentformat": "none",
            "minor": {"tickvals": [ratio for ratio in ratios if ratio not in labelled], "showgrid": True}})
        if index in fitted:
            figure_layout[f"yaxis{suffix}"]["rangemode"] = "tozero"
        else:
            figure_layout[f"yaxis{suffix}"]["range"] = [0, 1.05]
    return figure(traces, figure_layout)


def recall_bars_figure(recalls: dict, classes: list[str], *, y_title: str, revision: str,
                       names: dict | None = None) -> go.Figure:
    """Grouped bars of each method's recall per class."""
    traces = [{"type": "bar", "x": classes, "y": values, "name": display(names, name),
               "marker": {"color": LOSS_COLORS.get(name, FALLBACK_COLOR)}, "hovertemplate": "%{y:.2f}<extra></extra>"}
              for name, values in recalls.items()]
    figure_layout = side_by_side(layout(revision=revision, height=320), [("", y_title)])
    figure_layout["yaxis"]["range"] = [0, 1.05]
    figure_layout["hovermode"] = "closest"
    return figure(traces, figure_layout)


def probability_map_figure(run, data, *, labels: dict, revision: str) -> go.Figure:
    """The network's minority-class probability over the plane, its 0.5 contour and the points."""
    probability = 1.0 / (1.0 + np.exp(-np.clip(run.grid_scores, -60, 60)))
    traces = [
        {"type": "heatmap", "x": run.grid_x, "y": run.grid_y, "z": probability, "zmin": 0, "zmax": 1,
         "colorscale": [[0, "#f4f5f7"], [1, "#f5b7a5"]], "showscale": False, "hoverinfo": "skip",
         "meta": {"dark": {"colorscale": [[0, "#1c1f27"], [1, "#6b3324"]]}}},
        {"type": "contour", "x": run.grid_x, "y": run.grid_y, "z": probability, "showscale": False,
         "contours": {"start": 0.5, "end": 0.5, "size": 1, "coloring": "lines"}, "line": {"width": 3},
         "colorscale": [[0, TRUTH_COLOR], [1, TRUTH_COLOR]], "hoverinfo": "skip", "name": labels["boundary"],
         "showlegend": True, "meta": {"dark": {"colorscale": [[0, DARK_COLORS[TRUTH_COLOR]],
                                                              [1, DARK_COLORS[TRUTH_COLOR]]]}}},
        *class_points(data, labels),
    ]
    figure_layout = side_by_side(layout(revision=revision, height=430), [(labels["x"], labels["y"])])
    figure_layout["hovermode"] = "closest"
    # the map's extent, not autorange: its padding for the markers left an unshaded strip at the edges
    figure_layout["xaxis"]["range"] = [float(run.grid_x[0]), float(run.grid_x[-1])]
    figure_layout["yaxis"]["range"] = [float(run.grid_y[0]), float(run.grid_y[-1])]
    return figure(traces, figure_layout)
