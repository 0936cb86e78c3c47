"""The landscape's charts: loss surfaces with the optimizers' paths, and the training monitor."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lossviz.charts.theme import (
    BLUE,
    DARK_BACKGROUND,
    DARK_GREY,
    GREEN,
    ORANGE,
    PURPLE,
    TRUTH_COLOR,
    VERMILION,
    figure,
    layout,
    points_trace,
    side_by_side,
    typed_array,
)
from lossviz.charts.training import add_playback, frame_epochs, log_axis

OPTIMIZER_LINES = {"gd": (VERMILION, "solid"), "momentum": (ORANGE, "dash"), "nag": (GREEN, "dot"),
                   "adam": (PURPLE, "dashdot")}
SURFACE_BANDS = 16  # a surface drawn as bands of equal log-loss reads as a contour map, at a heatmap image's cost


def banded(low: str, high: str, bands: int = SURFACE_BANDS) -> list:
    """A colour scale of `bands` flat steps from the colour `low` to `high` ("#rrggbb")."""
    ends = np.array([[int(colour[index:index + 2], 16) for index in (1, 3, 5)] for colour in (low, high)])
    scale = []
    for band in range(bands):
        red, green, blue = np.rint(ends[0] + (ends[1] - ends[0]) * band / (bands - 1)).astype(int)
        colour = f"rgb({red},{green},{blue})"
        scale += [[band / bands, colour], [(band + 1) / bands, colour]]
    return scale


SURFACE_SCALE = banded("#ffffff", "#7d8896")  # light greys: every path colour stays readable on it
DARK_SURFACE_SCALE = banded(DARK_BACKGROUND, "#4b5260")  # and dark greys in the dark theme
MAX_PATH_POINTS = 120  # per drawn path: enough to follow a zig-zag, few enough for 20 frames x 8 paths


def path_points(history, epoch: int) -> dict:
    """A run's (slope, intercept) from its start up to `epoch` (or to where it diverged), thinned."""
    last = min(epoch, history.epochs_run)
    shown = np.unique(np.linspace(0, last, min(last + 1, MAX_PATH_POINTS)).round().astype(int))
    return {"x": history.params[shown, 0], "y": history.params[shown, -1]}


def log_loss(surface) -> np.ndarray:
    """A surface's loss on a log scale, as its map draws it (a zero loss at its smallest positive one)."""
    return np.log10(np.maximum(surface.values, max(float(surface.values.min()), 1e-12)))


def surface_frames(stops_surfaces, truths, names, note: str, paths_per_side: int) -> list[dict]:
    """surface_figure's maps, true lines and lowest points for each stop's surfaces (one list per stop,
    one Surface per side) and true line, its paths hidden (the optimizers run on the release), as frames
    named `names` that carry `note`, each panel on ranges united over the stops."""
    frames = []
    for name, surfaces, truth in zip(names, stops_surfaces, truths, strict=True):
        data, traces = [], []
        for index, surface in enumerate(surfaces):
            first = index * (4 + paths_per_side)  # a side's map, its truth, start and lowest, then its paths
            data += [{"x": typed_array(surface.slopes), "y": typed_array(surface.intercepts),
                      "z": typed_array(log_loss(surface)),
                      "customdata": typed_array(surface.values)},
                     {"x": [float(truth[0])], "y": [float(truth[-1])]},
                     {"x": [surface.lowest[0]], "y": [surface.lowest[1]]},
                     *({"x": [], "y": []} for _ in range(paths_per_side))]
            traces += [first, first + 1, first + 3, *range(first + 4, first + 4 + paths_per_side)]
        layout = {}
        for index, surface in enumerate(surfaces):
            suffix = str(index + 1) if index else ""
            layout[f"xaxis{suffix}.range"] = [float(surface.slopes[0]), float(surface.slopes[-1])]
            layout[f"yaxis{suffix}.range"] = [float(surface.intercepts[0]), float(surface.intercepts[-1])]
        frames.append({"name": name, "note": note, "traces": traces, "data": data, "layout": layout})
    united = {key: [min(frame["layout"][key][0] for frame in frames), max(frame["layout"][key][1] for frame in frames)]
              for key in frames[0]["layout"]} if frames else {}
    return [{**frame, "layout": united} for frame in frames]


def surface_figure(surfaces, runs, *, truth, start, labels: dict, revision: str) -> go.Figure:
    """Each Surface as a map in bands of equal log-loss (SURFACE_BANDS) side by side, with the true line, the start,
    the surface's lowest grid point and every optimizer's path from `runs` (one {optimizer: History}
    per surface), played back by plotly in the browser.

    `labels`: slope, intercept, loss, truth, start, lowest, epoch, play, pause, diverged, titles (one per
    surface) and optimizers ({name: shown name})."""
    figure_layout = side_by_side(layout(revision=revision, height=600),
                                 [(labels["slope"], labels["intercept"])] * len(surfaces))
    figure_layout["hovermode"] = "closest"
    figure_layout["annotations"] = []
    figure_layout["legend"]["y"] = 1.09  # above the panels' titles
    figure_layout["margin"] = {**figure_layout["margin"], "t": 64}
    traces, paths = [], []
    for index, (surface, run) in enumerate(zip(surfaces, runs, strict=True)):
        suffix = str(index + 1) if index else ""
        axes = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
        x_axis, y_axis = figure_layout[f"xaxis{suffix}"], figure_layout[f"yaxis{suffix}"]
        x_axis["range"] = [float(surface.slopes[0]), float(surface.slopes[-1])]
        y_axis["range"] = [float(surface.intercepts[0]), float(surface.intercepts[-1])]
        x_axis["zeroline"] = y_axis["zeroline"] = False
        figure_layout["annotations"].append({
            "text": f"<b>{labels['titles'][index]}</b>", "xref": f"x{suffix} domain", "yref": f"y{suffix} domain",
            "x": 0.5, "y": 1.02, "xanchor": "center", "yanchor": "bottom", "showarrow": False})
        traces.append({
            # float32: half the bytes of every rerun's two maps, and more digits than a hover shows
            "type": "heatmap", "zsmooth": "fast",  # one image, no contour lines to trace
            "x": surface.slopes, "y": surface.intercepts,
            "z": log_loss(surface).astype(np.float32),
            "customdata": surface.values.astype(np.float32), **axes,
            "colorscale": SURFACE_SCALE, "showscale": False, "meta": {"dark": {"colorscale": DARK_SURFACE_SCALE}},
            "hovertemplate": (f"{labels['slope']} %{{x:.2f}}<br>{labels['intercept']} %{{y:.2f}}<br>"
                              f"{labels['loss']} %{{customdata:.3g}}<extra></extra>")})
        lowest = surface.lowest
        for name, point, symbol, color in ((labels["truth"], tuple(truth), "star", TRUTH_COLOR),
                                           (labels["start"], tuple(start), "circle-open", TRUTH_COLOR),
                                           (labels["lowest"], lowest, "x-thin-open", TRUTH_COLOR)):
            traces.append({"type": "scatter", "mode": "markers", "x": [point[0]], "y": [point[1]], **axes,
                           "name": name, "legendgroup": name, "showlegend": not index,
                           "marker": {"symbol": symbol, "size": 13, "color": color, "line": {"width": 2,
                                                                                             "color": color}},
                           "hovertemplate": f"{name}: %{{x:.2f}}, %{{y:.2f}}<extra></extra>"})
        for optimizer, history in run.items():
            color, dash = OPTIMIZER_LINES[optimizer]
            shown = labels["optimizers"][optimizer]
            if history.diverged_at is not None:
                shown = f"{shown} ({labels['diverged']} {history.diverged_at})"
            paths.append((history, len(traces)))
            traces.append({"type": "scatter", "mode": "lines+markers", **axes,
                           **path_points(history, history.epochs_run),
                           "name": labels["optimizers"][optimizer], "legendgroup": optimizer, "showlegend": not index,
                           "line": {"color": color, "dash": dash, "width": 2.5},
                           "marker": {"size": 3, "color": color},
                           "hovertemplate": f"{shown}: %{{x:.2f}}, %{{y:.2f}}<extra></extra>"})
    epochs = frame_epochs(max(history.epochs_run for history, _ in paths))
    frames = [{"name": str(epoch), "data": [path_points(history, epoch) for history, _ in paths],
               "traces": [index for _, index in paths]} for epoch in epochs]
    add_playback(figure_layout, epochs, labels, redraw=True)  # a step without a redraw clears the maps
    return figure(traces, figure_layout, frames)


def monitor_figure(run, data, stop: tuple[int, int | None], fits: dict, *, labels: dict, revision: str) -> go.Figure:
    """Training and validation loss per epoch (log scale) with the best and the early-stopping epochs
    marked (a diverged run: its divergence instead of a stop), beside the data, the true curve and the
    fits at the best and at the last epoch.

    `fits`: x, truth, best and last (y on the grid x). `labels`: epoch, loss, x, y, train, validation,
    best, stop, diverged, truth, train_points, val_points, best_fit, last_fit."""
    figure_layout = side_by_side(layout(revision=revision, height=420),
                                 [(labels["epoch"], labels["loss"]), (labels["x"], labels["y"])])
    figure_layout["hovermode"] = "closest"
    epochs = np.unique(np.linspace(0, run.epochs_run, min(run.epochs_run + 1, 400)).round().astype(int))
    traces = [
        {"type": "scatter", "mode": "lines", "x": epochs, "y": run.values[epochs], "name": labels["train"],
         "line": {"color": BLUE, "width": 2.5}, "hovertemplate": "%{x}: %{y:.3g}<extra></extra>"},
        {"type": "scatter", "mode": "lines", "x": epochs, "y": run.val_values[epochs], "name": labels["validation"],
         "line": {"color": VERMILION, "width": 2.5, "dash": "dash"}, "hovertemplate": "%{x}: %{y:.3g}<extra></extra>"},
    ]
    log_axis(figure_layout["yaxis"], traces)
    best, stopped = stop
    ended = ((labels["stop"], stopped, DARK_GREY) if stopped is not None
             else (labels["diverged"], run.diverged_at, VERMILION))
    marks = ((labels["best"], best, 0.98, GREEN, "solid"), (*ended[:2], 0.88, ended[2], "dot"))
    figure_layout["shapes"] = [
        {"type": "line", "xref": "x", "yref": "y domain", "x0": epoch, "x1": epoch, "y0": 0, "y1": 1,
         "line": {"color": color, "width": 1.5, "dash": dash}} for _, epoch, _, color, dash in marks]
    figure_layout["annotations"] = [
        {"text": text, "x": epoch, "xref": "x", "y": y, "yref": "y domain", "showarrow": False, "xanchor": "left",
         "font": {"size": 12, "color": color}, "bgcolor": "rgba(255,255,255,0.8)"}
        for text, epoch, y, color, _ in marks]
    axes = {"xaxis": "x2", "yaxis": "y2"}
    traces += [
        points_trace(data.x_val, data.y_val, labels["val_points"], "#BBBBBB", size=5, opacity=0.6) | axes,
        points_trace(data.x, data.y, labels["train_points"], BLUE, size=8, opacity=0.9) | axes,
        {"type": "scatter", "mode": "lines", "x": fits["x"], "y": fits["truth"], "name": labels["truth"], **axes,
         "line": {"color": TRUTH_COLOR, "width": 1.5, "dash": "dot"}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "x": fits["x"], "y": fits["best"], "name": labels["best_fit"], **axes,
         "line": {"color": GREEN, "width": 3}, "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "x": fits["x"], "y": fits["last"], "name": labels["last_fit"], **axes,
         "line": {"color": PURPLE, "width": 2.5, "dash": "dashdot"}, "hoverinfo": "skip"},
    ]
    figure_layout["yaxis2"]["range"] = [-2.5, 2.5]  # an overfit polynomial shoots off: keep the data in view
    return figure(traces, figure_layout)
