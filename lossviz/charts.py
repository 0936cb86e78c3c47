"""Pure chart functions: data in, plotly Figure out. No loss math, no Streamlit, no globals read.

Figures are built in one go.Figure call from plain dicts: plotly validates the whole spec once,
which on a slider rerun costs a few milliseconds instead of tens (per-trace objects, update_*
calls and a named template each validate again).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

# One color per loss, the same on every chart and page.
LOSS_COLORS = {
    "mse": "#1f77b4", "mae": "#ff7f0e", "huber": "#2ca02c", "log_cosh": "#d62728", "quantile": "#9467bd",
    "barron": "#8c564b", "bce": "#1f77b4", "focal": "#d62728", "hinge": "#7f7f7f", "cce": "#1f77b4",
    "softmax_focal": "#d62728", "poly1": "#17becf", "dice": "#2ca02c", "jaccard": "#ff7f0e",
    "tversky": "#9467bd", "dice_bce": "#e377c2", "kl": "#1f77b4", "triplet": "#bcbd22",
}
FALLBACK_COLOR = "#444444"
PANEL_GAP = 0.1  # share of the width between two side-by-side panels
AXIS_STYLE = {"gridcolor": "#e6e9ef", "zerolinecolor": "#b9bec9", "zeroline": True, "linecolor": "#e6e9ef",
              "tickfont": {"color": "#6b6f7b"}}


def layout(*, revision: str, height: int = 340) -> dict:
    """The shared look: fonts, colors, margins, legend on top, and a uirevision so zoom survives reruns.

    Complete in itself, so pages draw it with Streamlit's chart theme off (theme=None): merging
    that theme in the browser costs about 40 ms per redraw.
    """
    return {
        "height": height,
        "margin": {"l": 56, "r": 12, "t": 36, "b": 48},
        "font": {"size": 13, "family": "Source Sans Pro, sans-serif", "color": "#31333f"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"bgcolor": "white"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.04, "x": 0},
        "hovermode": "x unified",
        "uirevision": revision,
    }


def side_by_side(figure_layout: dict, titles: list[tuple[str, str]]) -> dict:
    """Add one x/y axis pair per (x title, y title), as panels side by side in one figure:
    one plotly chart draws faster than two, and a legend click hides a series in every panel."""
    width = (1.0 - PANEL_GAP * (len(titles) - 1)) / len(titles)
    for index, (x_title, y_title) in enumerate(titles):
        suffix = str(index + 1) if index else ""
        start = index * (width + PANEL_GAP)
        figure_layout[f"xaxis{suffix}"] = {**AXIS_STYLE, "title": {"text": x_title}, "domain": [start, start + width],
                                     "anchor": f"y{suffix}"}
        figure_layout[f"yaxis{suffix}"] = {**AXIS_STYLE, "title": {"text": y_title}, "anchor": f"x{suffix}"}
    return figure_layout


def curves_figure(curves, *, x_title: str, value_title: str, slope_title: str, revision: str) -> go.Figure:
    """Each gallery Curve as its loss (left panel) and its slope (right panel), one color per loss."""
    traces = []
    for curve in curves:
        for suffix, field in (("", "value"), ("2", "slope")):
            traces.append({
                "type": "scatter", "x": curve.x, "y": getattr(curve, field), "mode": "lines", "name": curve.name,
                "legendgroup": curve.name, "showlegend": not suffix, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}",
                "line": {"color": LOSS_COLORS.get(curve.name, FALLBACK_COLOR), "width": 2.5},
                "hovertemplate": "%{y:.4g}",
            })
    titles = [(x_title, value_title), (x_title, slope_title)]
    return go.Figure(data=traces, layout=side_by_side(layout(revision=revision), titles))


# --- Regression lab -------------------------------------------------------------------------

MAX_FRAMES = 30
POINT_SIZE = 7.0
POINT_COLOR, OUTLIER_COLOR, TRUTH_COLOR = "#8a8f9c", "#e4572e", "#31333f"


def frame_epochs(epochs: int, frames: int = MAX_FRAMES) -> list[int]:
    """Epochs to show in an animation of `epochs` steps: dense early, where fits move fastest."""
    spaced = np.geomspace(1, epochs + 1, frames) - 1
    return sorted({0, epochs, *np.round(spaced).astype(int).tolist()})


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
    each History's fitted line, animated over its epochs by plotly in the browser.

    `labels`: x, y, points, outliers, truth, epoch, play, pause (translated strings).
    """
    x, y = data.x[:, 0], data.y
    margin_x, margin_y = 0.05 * np.ptp(x), 0.08 * max(np.ptp(y), 1e-9)
    x_range = (float(x.min() - margin_x), float(x.max() + margin_x))
    y_range = [float(y.min() - margin_y), float(y.max() + margin_y)]
    sizes = np.full(x.size, POINT_SIZE)
    if influence is not None:
        sizes = pull_sizes(influence)
    traces = []
    for name, mask, color in ((labels["points"], ~data.is_outlier, POINT_COLOR),
                              (labels["outliers"], data.is_outlier, OUTLIER_COLOR)):
        traces.append({"type": "scatter", "mode": "markers", "x": x[mask], "y": y[mask], "name": name,
                       "marker": {"color": color, "size": sizes[mask], "opacity": 0.65, "line": {"width": 0}},
                       "hovertemplate": "(%{x:.3g}, %{y:.3g})<extra></extra>"})
    traces.append({"type": "scatter", "mode": "lines", "x": x_range, "y": _line_ends(
                   np.append(data.slopes, data.intercept), x_range), "name": labels["truth"],
                   "line": {"color": TRUTH_COLOR, "width": 2, "dash": "dash"}, "hoverinfo": "skip"})
    longest = max(history.epochs_run for history in histories)
    epochs = frame_epochs(longest)
    first_line = len(traces)

    def lines_at(epoch):
        return [{"x": x_range, "y": _line_ends(history.params[min(epoch, history.epochs_run)], x_range)}
                for history in histories]

    for history, line in zip(histories, lines_at(longest), strict=True):
        traces.append({"type": "scatter", "mode": "lines", **line, "name": history.loss,
                       "line": {"color": LOSS_COLORS.get(history.loss, FALLBACK_COLOR), "width": 3},
                       "hovertemplate": f"{history.loss}<extra></extra>"})
    line_indices = list(range(first_line, len(traces)))
    frames = [{"name": str(epoch), "data": lines_at(epoch), "traces": line_indices} for epoch in epochs]
    still = {"frame": {"duration": 0, "redraw": False}, "mode": "immediate", "transition": {"duration": 0}}
    figure_layout = side_by_side(layout(revision=revision, height=470), [(labels["x"], labels["y"])])
    figure_layout["yaxis"]["range"] = y_range
    figure_layout["xaxis"]["range"] = list(x_range)
    figure_layout["xaxis"]["title"]["standoff"] = 4
    figure_layout["hovermode"] = "closest"
    figure_layout["margin"] = {**figure_layout["margin"], "b": 130}
    # below the plot: play and pause, then the epoch slider across the whole width
    figure_layout["updatemenus"] = [{
        "type": "buttons", "direction": "left", "showactive": False, "x": 0, "y": -0.13, "xanchor": "left",
        "yanchor": "top", "pad": {"t": 0, "r": 6},
        "buttons": [
            {"label": "▶ " + labels["play"], "method": "animate",
             "args": [None, {"frame": {"duration": 80, "redraw": False}, "fromcurrent": False,
                             "transition": {"duration": 0}, "mode": "immediate"}]},
            {"label": "❚❚ " + labels["pause"], "method": "animate", "args": [[None], still]},
        ],
    }]
    figure_layout["sliders"] = [{
        "active": len(epochs) - 1, "x": 0, "len": 1.0, "y": -0.2, "yanchor": "top", "pad": {"t": 0, "b": 0},
        "currentvalue": {"prefix": labels["epoch"] + " ", "font": {"size": 13}, "xanchor": "right"},
        "font": {"size": 10}, "ticklen": 3,
        "steps": [{"label": str(epoch) if index % 4 == 0 or epoch == epochs[-1] else "", "method": "animate",
                   "args": [[str(epoch)], still]} for index, epoch in enumerate(epochs)],
    }]
    return go.Figure(data=traces, layout=figure_layout, frames=frames)


def history_figure(histories, *, x_title: str, y_title: str, revision: str) -> go.Figure:
    """Each run's loss per epoch relative to its start, on a log scale; a cross where a run diverged."""
    traces = []
    for history in histories:
        color = LOSS_COLORS.get(history.loss, FALLBACK_COLOR)
        relative = history.relative_values()
        traces.append({"type": "scatter", "mode": "lines", "x": np.arange(relative.size), "y": relative,
                       "name": history.loss, "line": {"color": color, "width": 2.5},
                       "hovertemplate": "%{y:.3g}"})
        if history.diverged_at is not None:
            traces.append({"type": "scatter", "mode": "markers", "x": [history.epochs_run], "y": [relative[-1]],
                           "marker": {"symbol": "x", "size": 14, "color": color}, "showlegend": False,
                           "hovertemplate": f"{history.loss}: diverged<extra></extra>"})
    figure_layout = side_by_side(layout(revision=revision, height=300), [(x_title, y_title)])
    figure_layout["margin"] = {**figure_layout["margin"], "l": 64}
    figure_layout["yaxis"]["type"] = "log"
    figure_layout["yaxis"]["exponentformat"] = "power"
    return go.Figure(data=traces, layout=figure_layout)


def sweep_figure(fractions, errors: dict, *, x_title: str, y_title: str, revision: str) -> go.Figure:
    """Error of each loss's fit against the outlier fraction (NaN points, all runs diverged, left out)."""
    traces = [{"type": "scatter", "mode": "lines+markers", "x": np.asarray(fractions) * 100, "y": values,
               "name": name, "line": {"color": LOSS_COLORS.get(name, FALLBACK_COLOR), "width": 2.5},
               "hovertemplate": "%{y:.3g}"} for name, values in errors.items()]
    figure_layout = side_by_side(layout(revision=revision, height=320), [(x_title, y_title)])
    figure_layout["xaxis"]["ticksuffix"] = "%"
    return go.Figure(data=traces, layout=figure_layout)
