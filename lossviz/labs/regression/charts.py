"""The regression lab's chart: the points (sized by a loss's pull), the true line and every loss's
line over training, played back, beside the loss per epoch."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lossviz.charts.theme import (
    OUTLIER_COLOR,
    POINT_COLOR,
    POINT_SIZE,
    TRUTH_COLOR,
    typed_array,
)
from lossviz.charts.training import animated_lines, history_traces, with_history_panel

# the common.* labels fit_figure reads, beside "names"
FIT_LABELS = ("x", "y", "points", "outliers", "truth", "epoch", "play", "pause", "history_x", "history_y",
              "diverged_mark")


def _line_ends(params: np.ndarray, x_range: tuple[float, float]) -> list[float]:
    """y of the line with (slope, ..., intercept) = params at both ends of the x range (first feature)."""
    return [float(params[0] * x + params[-1]) for x in x_range]


def pull_sizes(pulls: np.ndarray) -> np.ndarray:
    """Marker sizes whose area is proportional to each point's pull relative to the median point's.

    On one scale for every loss: under MSE a distant outlier outweighs dozens of ordinary points
    and looks it; under Huber or MAE it is worth about as much as one of them.
    """
    positive = pulls[pulls > 0]
    typical = np.median(positive) if positive.size else 1.0
    return np.clip(POINT_SIZE * np.sqrt(pulls / typical), 3.0, 34.0)


def fit_figure(data, histories, *, influence=None, labels: dict, revision: str) -> go.Figure:
    """The data (outliers in their own color, sized by `influence` when given), the true line, and
    each History's fitted line, animated over its epochs by plotly in the browser; beside it, the
    loss per epoch of every run.

    `labels`: x, y, points, outliers, truth, epoch, play, pause, history_x, history_y, diverged, and
    names (a dict: loss -> the name shown).
    """
    traces, x_range, y_range = fit_points(data, influence, labels)
    reach = (2 * x_range[0] - x_range[1], 2 * x_range[1] - x_range[0])  # a preview (points_frames) widens the axes

    def lines_at(epoch):
        return [{"x": reach, "y": _line_ends(history.params[min(epoch, history.epochs_run)], reach)}
                for history in histories]

    figure_layout, panel = with_history_panel(labels, revision, histories)
    figure_layout["yaxis"]["range"] = y_range
    figure_layout["xaxis"]["range"] = list(x_range)
    return animated_lines(traces, histories, lines_at, figure_layout, labels, fixed=panel)


def fit_points(data, influence, labels: dict) -> tuple[list[dict], tuple[float, float], list[float]]:
    """fit_figure's first traces (the points, the outliers and the true line) and its axes' ranges."""
    x, y = data.x[:, 0], data.y
    margin_x, margin_y = 0.05 * np.ptp(x), 0.08 * max(np.ptp(y), 1e-9)
    x_range = (float(x.min() - margin_x), float(x.max() + margin_x))
    y_range = [float(y.min() - margin_y), float(y.max() + margin_y)]
    sizes = np.full(x.size, POINT_SIZE)
    if influence is not None:
        sizes = pull_sizes(influence)
    traces = []
    # outliers opaque: their colour must read as the palette's vermilion, apart from the losses' orange
    for uid, mask, color, opacity in (("points", ~data.is_outlier, POINT_COLOR, 0.65),
                                      ("outliers", data.is_outlier, OUTLIER_COLOR, 0.9)):
        traces.append({"type": "scatter", "mode": "markers", "x": x[mask], "y": y[mask], "name": labels[uid],
                       "meta": {"uid": uid}, "hovertemplate": "(%{x:.3g}, %{y:.3g})<extra></extra>",
                       "marker": {"color": color, "size": sizes[mask], "opacity": opacity, "line": {"width": 0}}})
    if np.all(np.isfinite(data.true_params)):  # uploaded points have no known line
        traces.append({"type": "scatter", "mode": "lines", "x": x_range, "y": _line_ends(
                       data.true_params, x_range), "name": labels["truth"], "meta": {"uid": "truth"},
                       "line": {"color": TRUTH_COLOR, "width": 2, "dash": "dash"}, "hoverinfo": "skip"})
    return traces, x_range, y_range


FIT_FRAME_LABELS = {"points": "", "outliers": "", "truth": ""}


def points_frames(sets, names, note: str, influences=None) -> list[dict]:
    """fit_figure's points and true line for each data set of `sets` (sized by the matching pulls of
    `influences`, if given), as frames named `names` that carry `note`, on axes united over them: a
    dragged data slider's preview, the fitted lines and the loss panel staying as the chart draws them."""
    frames = []
    for index, (name, data) in enumerate(zip(names, sets, strict=True)):
        frame = fit_frame(name, data, (), None if influences is None else influences[index])
        frames.append({**frame, "note": note, "layout": {key: frame["layout"][key]
                                                        for key in ("xaxis.range", "yaxis.range")}})
    united = {key: [min(frame["layout"][key][0] for frame in frames), max(frame["layout"][key][1] for frame in frames)]
              for key in ("xaxis.range", "yaxis.range")} if frames else {}
    return [{**frame, "layout": united} for frame in frames]


def fit_frame(name: str, data, histories, influence=None) -> dict:
    """A frame a dragged slider shows on fit_figure: its points, its lines as trained (their last
    epoch) and its loss curves at another setting, with the panels' ranges; matched to the figure's
    traces by their meta.uid, as traces come and go (a diverged run's cross; plotly.py drops a
    trace's own uid). Plain dicts with float32 arrays, sent beside the figure (ui.chart) and drawn by
    ui/drag.js."""
    traces, x_range, y_range = fit_points(data, influence, FIT_FRAME_LABELS)
    reach = (2 * x_range[0] - x_range[1], 2 * x_range[1] - x_range[0])  # as fit_figure draws them
    traces += [{"meta": {"uid": f"line:{history.loss}"}, "x": reach,
                "y": _line_ends(history.params[history.epochs_run], reach)} for history in histories]
    panel = history_traces(histories, suffix="2")
    traces += panel
    shown = [{"x": typed_array(trace["x"]), "y": typed_array(trace["y"]),
              **({"marker.size": typed_array(trace["marker"]["size"])} if "size" in trace.get("marker", {}) else {})}
             for trace in traces]
    values = np.concatenate([np.asarray(trace["y"], dtype=float) for trace in panel]) if panel else np.array([])
    values = values[np.isfinite(values) & (values > 0)]
    logs = [float(np.log10(values.min())), float(np.log10(values.max()))] if values.size else [-1.0, 0.0]
    return {"name": name, "uids": [trace["meta"]["uid"] for trace in traces], "data": shown,
            "layout": {"xaxis.range": list(x_range), "yaxis.range": y_range, "yaxis2.range": logs}}
