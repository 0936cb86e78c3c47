"""The distributions lab's charts: the fitted Gaussians over the target, and distillation's softened targets."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lossviz.charts.theme import BLUE, DARK_GREY, GREEN, VERMILION, figure, layout, side_by_side, typed_array
from lossviz.charts.training import add_playback, frame_epochs, log_axis

# colour, dash and width, each drawn over the one before and thinner, so a fit lying on another stays in sight
DIVERGENCE_LINES = {"forward": (BLUE, "solid", 6), "reverse": (VERMILION, "dash", 4), "js": (GREEN, "dot", 2.5)}


def divergence_fit_figure(grid, target, fits: dict, gaussian, *, labels: dict, revision: str) -> go.Figure:
    """The target p (shaded) and each fitted Gaussian q (`fits`: {divergence: History of (mean, log
    std)}, drawn through `gaussian(mean, log_std)`), played back over the epochs in the browser.

    `labels`: x, y, target, epoch, play, pause and names ({divergence: name shown})."""
    figure_layout = side_by_side(layout(revision=revision, height=460), [(labels["x"], labels["y"])])
    figure_layout["hovermode"] = "closest"
    traces = [{"type": "scatter", "mode": "lines", "x": grid, "y": target, "name": labels["target"],
               "fill": "tozeroy", "fillcolor": "rgba(85,85,85,0.18)", "line": {"color": DARK_GREY, "width": 1.5},
               "hoverinfo": "skip"}]
    runs = list(fits.items())

    def curves_at(epoch):
        return [{"x": grid, "y": gaussian(*run.params[min(epoch, run.epochs_run)])} for _, run in runs]

    epochs = frame_epochs(max(run.epochs_run for _, run in runs))
    for (kind, _), curve in zip(runs, curves_at(epochs[-1]), strict=True):
        color, dash, width = DIVERGENCE_LINES[kind]
        traces.append({"type": "scatter", "mode": "lines", **curve, "name": labels["names"][kind],
                       "line": {"color": color, "dash": dash, "width": width}, "hoverinfo": "skip"})
    first = 1
    # the grid stays: a frame moves each curve's heights alone
    frames = [{"name": str(epoch), "data": [{"y": curve["y"]} for curve in curves_at(epoch)],
               "traces": list(range(first, first + len(runs)))} for epoch in epochs]
    add_playback(figure_layout, epochs, labels)
    return figure(traces, figure_layout, frames)


def target_frames(grid, targets, names, note: str, top: float) -> list[dict]:
    """divergence_fit_figure's target (its first trace) for each of `targets`, as frames named `names`
    that carry `note`, on a y axis from 0 to the highest of them and `top` (the fits' peak): a dragged
    target slider's preview, the fits staying as the chart draws them."""
    highest = max(top, *(float(np.max(target)) for target in targets)) * 1.05
    return [{"name": name, "note": note, "traces": [0], "data": [{"x": typed_array(grid), "y": typed_array(target)}],
             "layout": {"yaxis.range": [0.0, highest]}} for name, target in zip(names, targets, strict=True)]


def distillation_figure(classes: list[str], sharp, soft, scale: dict, temperature: float, *, labels: dict,
                        revision: str) -> go.Figure:
    """The teacher's probabilities at T = 1 and softened at T, beside the soft loss's gradient norm
    over temperatures, as it is and times T^2, the current T marked.

    `labels`: class, probability, sharp, soft, temperature, gradient, raw, scaled."""
    titles = [(labels["class"], labels["probability"]), (labels["temperature"], labels["gradient"])]
    figure_layout = side_by_side(layout(revision=revision, height=380), titles)
    traces = [
        {"type": "bar", "x": classes, "y": sharp, "name": labels["sharp"], "marker": {"color": "#BBBBBB"},
         "hovertemplate": "%{y:.3f}<extra></extra>"},
        {"type": "bar", "x": classes, "y": soft, "name": labels["soft"], "marker": {"color": BLUE},
         "hovertemplate": "%{y:.3f}<extra></extra>"},
    ]
    for key, color, dash in (("raw", VERMILION, "dash"), ("scaled", GREEN, "solid")):
        traces.append({"type": "scatter", "mode": "lines", "x": scale["temperature"], "y": scale[key],
                       "name": labels[key], "xaxis": "x2", "yaxis": "y2", "line": {"color": color, "dash": dash,
                                                                                   "width": 2.5},
                       "hovertemplate": "T %{x:.2g}: %{y:.3g}<extra></extra>"})
    figure_layout["xaxis2"].update({"type": "log", "tickvals": [0.5, 1, 2, 5, 10, 20]})
    log_axis(figure_layout["yaxis2"], traces[2:])
    figure_layout["shapes"] = [{"type": "line", "xref": "x2", "yref": "y2 domain", "x0": temperature,
                                "x1": temperature, "y0": 0, "y1": 1, "line": {"color": DARK_GREY, "dash": "dot"}}]
    figure_layout["yaxis"]["range"] = [0, 1]
    figure_layout["barmode"] = "group"
    figure_layout["hovermode"] = "closest"
    return figure(traces, figure_layout)
