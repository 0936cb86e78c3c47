"""Pure chart functions: data in, plotly Figure out. No loss math, no Streamlit, no globals read.

Figures are built in one call of `figure` from plain dicts: per-trace objects, update_* calls and
a named template would each add to every slider rerun (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import base64
import math
import os

import numpy as np
import plotly.graph_objects as go

# The Okabe-Ito palette and two greys: every pair a chart shows together stays distinct under
# protanopia and deuteranopia (tests/unit/test_palette.py)
BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILION, DARK_GREY = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#555555")
# One color and one dash per loss, the same on every chart and page; the dash keeps lines apart in grayscale.
LOSS_COLORS = {
    "mse": BLUE, "mae": ORANGE, "huber": GREEN, "log_cosh": PURPLE, "quantile": SKY, "barron": DARK_GREY,
    "bce": BLUE, "focal": PURPLE, "hinge": DARK_GREY, "cce": BLUE, "softmax_focal": PURPLE, "poly1": SKY,
    "dice": GREEN, "jaccard": DARK_GREY, "tversky": VERMILION, "dice_bce": SKY, "kl": BLUE, "triplet": GREEN,
    "smooth_l1": VERMILION, "gaussian_nll": BLUE, "poisson_nll": GREEN, "soft_margin": ORANGE,
    "squared_hinge": GREEN, "multilabel_soft_margin": SKY, "nll": ORANGE, "multi_margin": GREEN,
    "focal_tversky": ORANGE, "giou": BLUE, "diou": ORANGE, "js": ORANGE, "contrastive": BLUE,
    "cosine_embedding": ORANGE, "info_nce": PURPLE, "margin_ranking": BLUE, "bpr": ORANGE,
    "gan_non_saturating": BLUE, "gan_minimax": ORANGE, "gan_hinge": GREEN, "gan_wasserstein": PURPLE,
    # the classification lab's methods built on those losses
    "weighted_bce": ORANGE, "smoothed_bce": SKY, "weighted_cce": ORANGE,
    "custom": SKY,  # a loss typed in the workbench: apart from the outliers' vermilion
}
DASHES = {BLUE: "solid", ORANGE: "dash", GREEN: "dot", PURPLE: "dashdot", SKY: "longdash", DARK_GREY: "longdashdot",
          VERMILION: "12px,3px,3px,3px,3px,3px"}
# losses that share their color with another of their view: gaussian_nll is a scaled MSE
LOSS_DASHES = {"gaussian_nll": "2px,5px,10px,5px"}
# the dissimilar pair of a pair loss: its loss's color, and a dash none of the others use
PAIR_DASH = "1px,4px"
FALLBACK_COLOR = "#444444"


def loss_line(name: str, width: float, pair: str = "") -> dict:
    """The line of loss (or method) `name`: its color and its dash; a dissimilar pair is dotted finely."""
    color = LOSS_COLORS.get(name, FALLBACK_COLOR)
    dash = PAIR_DASH if pair == "dissimilar" else LOSS_DASHES.get(name, DASHES.get(color, "solid"))
    return {"color": color, "dash": dash, "width": width}
# plotly's check of every property as a figure is built is slow and only finds faults in the
# code, not in the data: the test suite turns it on (tests/conftest.py), the app leaves it off.
VALIDATE = os.environ.get("LOSSVIZ_VALIDATE_FIGURES") == "1"
# The trace types of the browser's plotly.js, its cartesian bundle (static/plotly-cartesian.min.js)
BUNDLED_TRACES = frozenset({"bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour",
                            "image", "pie", "scatter", "scatterternary", "violin"})
PANEL_GAP = 0.1  # share of the width between two side-by-side panels
# "allow": plotly otherwise measures every tick label on every redraw to hide those past the
# chart's edge (a fifth of a two-panel redraw); the margins leave them room
AXIS_STYLE = {"gridcolor": "#e6e9ef", "zerolinecolor": "#b9bec9", "zeroline": True, "linecolor": "#e6e9ef",
              "tickfont": {"color": "#6b6f7b"}, "ticklabeloverflow": "allow"}


# The dark theme's colours of the greys the charts use (the component swaps them when the page is
# dark); the Okabe-Ito colours stay, and tests/unit/test_palette.py holds both themes to its rules.
DARK_BACKGROUND = "#171614"  # Streamlit's dark theme
DARK_COLORS = {
    "#31333f": "#e6e7ea",  # text, the true line, the decision boundary
    "#6b6f7b": "#b0b4bd",  # tick labels
    "#e6e9ef": "#30333d",  # grid and axis lines
    "#b9bec9": "#5c616d",  # zero lines, frames
    "white": "#262730",  # hover labels
    "rgba(255,255,255,0.8)": "rgba(23,22,20,0.8)",  # notes written over a chart
    "#555555": "#bdbdbd",  # DARK_GREY lines
    "#444444": "#bbbbbb",  # FALLBACK_COLOR
    "#BBBBBB": "#6f7380",  # the data's points
}


def display(names: dict | None, key: str) -> str:
    """The name a chart shows for the loss or method `key` (`names` come translated from the page)."""
    return (names or {}).get(key, key)


def figure(data: list[dict], figure_layout: dict, frames: list[dict] | None = None) -> go.Figure:
    """The go.Figure of plain-dict traces and layout; its animation frames ride beside it as the
    plain dicts they are (frames_of), which ui.chart sends: plotly.py would build every frame's
    traces on every rerun, about 0.6 ms a frame (docs/PERFORMANCE.md). The suite's validation
    (VALIDATE) still checks them."""
    if VALIDATE:
        missing = {trace.get("type", "scatter") for trace in data} - BUNDLED_TRACES
        if missing:
            raise ValueError(f"the browser's plotly.js bundle cannot draw {sorted(missing)}")
        go.Figure(data=data, layout=figure_layout, frames=frames)
    drawn = go.Figure(data=data, layout=figure_layout, _validate=VALIDATE)
    drawn._lossviz_frames = list(frames or [])
    return drawn


def frames_of(drawn: go.Figure) -> list[dict]:
    """The animation frames of a figure made by `figure`, as plain dicts."""
    return getattr(drawn, "_lossviz_frames", [])


def plain(value):
    """`value` with every numpy array as plotly.js reads a typed array from JSON (its bytes in base64,
    a 2-D one with its shape) and numpy scalars as Python numbers: ready for json.dumps."""
    if isinstance(value, np.ndarray):
        if value.dtype == object or value.dtype.kind not in "fiub":
            return [plain(item) for item in value.tolist()]
        array = np.ascontiguousarray(value, dtype=value.dtype.newbyteorder("<") if value.dtype.kind in "fiu"
                                     else value.dtype)
        encoded = {"dtype": array.dtype.str.lstrip("<|="), "bdata": base64.b64encode(array.tobytes()).decode()}
        if array.ndim > 1:
            encoded["shape"] = ", ".join(map(str, array.shape))
        return encoded
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def layout(*, revision: str, height: int = 340) -> dict:
    """The shared look: fonts, colors, margins, legend on top, and a uirevision so zoom survives reruns.

    Complete in itself: the chart component (ui/plot.js) draws it as it is, with no theme merged in.
    """
    return {
        "height": height,
        "margin": {"l": 56, "r": 12, "t": 36, "b": 48},
        "font": {"size": 13, "family": "Source Sans Pro, sans-serif", "color": "#31333f"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"bgcolor": "white"},
        # "normal": legend groups would otherwise each take a row of their own
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.04, "x": 0, "traceorder": "normal"},
        "hovermode": "x unified",
        "uirevision": revision,
    }


def side_by_side(figure_layout: dict, titles: list[tuple[str, str]], shares: tuple[float, ...] | None = None) -> dict:
    """Add one x/y axis pair per (x title, y title), as panels side by side in one figure:
    one plotly chart draws faster than two, and a legend click hides a series in every panel.
    `shares` splits the width between the panels (equal by default)."""
    shares = shares or (1.0,) * len(titles)
    usable = 1.0 - PANEL_GAP * (len(titles) - 1)
    start = 0.0
    for index, ((x_title, y_title), share) in enumerate(zip(titles, shares, strict=True)):
        suffix = str(index + 1) if index else ""
        width = usable * share / sum(shares)
        figure_layout[f"xaxis{suffix}"] = {**AXIS_STYLE, "title": {"text": x_title}, "domain": [start, start + width],
                                     "anchor": f"y{suffix}"}
        figure_layout[f"yaxis{suffix}"] = {**AXIS_STYLE, "title": {"text": y_title}, "anchor": f"x{suffix}"}
        start += width + PANEL_GAP
    return figure_layout


def curves_figure(curves, *, x_title: str, value_title: str, slope_title: str, revision: str,
                  names: dict | None = None) -> go.Figure:
    """Each gallery Curve as its loss (left panel) and its slope (right panel), one color per loss."""
    traces = []
    for curve in curves:
        for suffix, field in (("", "value"), ("2", "slope")):
            traces.append({
                "type": "scatter", "x": curve.x, "y": getattr(curve, field), "mode": "lines",
                "name": display(names, curve.key),
                "legendgroup": curve.key, "showlegend": not suffix, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}",
                "line": loss_line(curve.name, 2.5, curve.pair),
                "hovertemplate": "%{y:.4g}",
            })
    titles = [(x_title, value_title), (x_title, slope_title)]
    return figure(traces, side_by_side(layout(revision=revision), titles))


def curve_frames(curves, frames) -> list[dict]:
    """Frames a dragged slider shows on curves_figure(curves): for each (name, moved) of `frames`,
    the curves of one loss at another value of its parameter. Plain dicts with float32 arrays
    (they stand in for a few hundred ms), sent beside the figure: plotly.py would build every
    frame's traces on every rerun (docs/PERFORMANCE.md)."""
    index_of = {curve.key: 2 * position for position, curve in enumerate(curves)}
    return [{"name": name, "traces": [index_of[curve.key] + panel for curve in moved for panel in (0, 1)],
             "data": [{"y": typed_array(getattr(curve, field))} for curve in moved for field in ("value", "slope")]}
            for name, moved in frames]


def typed_array(values) -> dict:
    """A float32 array as plotly.js reads it from JSON: its bytes in base64."""
    return plain(np.asarray(values, dtype=np.float32))


def histogram_figure(centres, counts, width: float, curves, *, x_title: str, count_title: str, loss_title: str,
                     revision: str, names: dict | None = None) -> go.Figure:
    """The samples' histogram (grey bars, left axis) with loss curves over the same axis (right axis):
    where the samples lie, and what each loss charges there."""
    traces = [{"type": "bar", "x": centres, "y": counts, "width": width, "name": count_title,
               "marker": {"color": POINT_COLOR}, "hovertemplate": "%{y}<extra></extra>"}]
    traces += [{"type": "scatter", "mode": "lines", "x": curve.x, "y": curve.value, "yaxis": "y2",
                "name": display(names, curve.key), "line": loss_line(curve.name, 2.5), "hovertemplate": "%{y:.4g}"}
               for curve in curves]
    figure_layout = layout(revision=revision)
    figure_layout.update(
        xaxis={**AXIS_STYLE, "title": {"text": x_title}}, yaxis={**AXIS_STYLE, "title": {"text": count_title}},
        yaxis2={**AXIS_STYLE, "title": {"text": loss_title}, "overlaying": "y", "side": "right", "showgrid": False,
                "zeroline": False, "tickmode": "auto", "nticks": 6, "rangemode": "tozero"},
        margin={**figure_layout["margin"], "r": 56}, bargap=0.05)
    return figure(traces, figure_layout)


# --- Regression lab -------------------------------------------------------------------------

# rows below the plot, in shares of its height: play and pause under the axis titles, then the epoch
# slider across the width, its current epoch above its right end and below the loss panel's title
BUTTONS_ROW, SLIDER_ROW = -0.18, -0.3
MAX_FRAMES = 20  # each frame's traces are built on every rerun: enough frames to read the motion, no more
FRAME_MS = 120  # playback: 20 frames in about 2.4 s
POINT_SIZE = 7.0
POINT_COLOR, OUTLIER_COLOR, TRUTH_COLOR = "#BBBBBB", VERMILION, "#31333f"


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
    each History's fitted line, animated over its epochs by plotly in the browser; beside it, the
    loss per epoch of every run.

    `labels`: x, y, points, outliers, truth, epoch, play, pause, history_x, history_y, diverged, and
    names (a dict: loss -> the name shown).
    """
    traces, x_range, y_range = fit_points(data, influence, labels)

    def lines_at(epoch):
        return [{"x": x_range, "y": _line_ends(history.params[min(epoch, history.epochs_run)], x_range)}
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


def fit_frame(name: str, data, histories, influence=None) -> dict:
    """A frame a dragged slider shows on fit_figure: its points, its lines as trained (their last
    epoch) and its loss curves at another setting, with the panels' ranges; matched to the figure's
    traces by their meta.uid, as traces come and go (a diverged run's cross; plotly.py drops a
    trace's own uid). Plain dicts with float32 arrays,
    sent beside the figure (ui.chart) and drawn by ui/drag.js."""
    traces, x_range, y_range = fit_points(data, influence, FIT_FRAME_LABELS)
    traces += [{"meta": {"uid": f"line:{history.loss}"}, "x": x_range,
                "y": _line_ends(history.params[history.epochs_run], x_range)} for history in histories]
    panel = history_traces(histories, suffix="2")
    traces += panel
    shown = [{"x": typed_array(trace["x"]), "y": typed_array(trace["y"]),
              **({"marker.size": typed_array(trace["marker"]["size"])} if "size" in trace.get("marker", {}) else {})}
             for trace in traces]
    values = np.concatenate([np.asarray(trace["y"], dtype=float) for trace in panel])
    values = values[np.isfinite(values) & (values > 0)]
    logs = [float(np.log10(values.min())), float(np.log10(values.max()))] if values.size else [-1.0, 0.0]
    return {"name": name, "uids": [trace["meta"]["uid"] for trace in traces], "data": shown,
            "layout": {"xaxis.range": list(x_range), "yaxis.range": y_range, "yaxis2.range": logs}}


def held_still(frames: list[dict]) -> list[dict]:
    """`frames` of fit_frame with one layout, each panel's ranges united over all of them: while a
    slider is dragged the axes stay still, and each step redraws the traces alone (ui/drag.js). The
    release draws the exact figure, with its own ranges."""
    if not frames:
        return frames
    united = {}
    for key in frames[0]["layout"]:
        lows, highs = zip(*(frame["layout"][key] for frame in frames), strict=True)
        united[key] = [min(lows), max(highs)]
    low, high = united.pop("yaxis2.range")  # the loss panel keeps its autorange, with ticks for all
    united["yaxis2.tickvals"] = log_ticks(10.0 ** low, 10.0 ** high)
    return [{**frame, "layout": united} for frame in frames]


def with_history_panel(labels: dict, revision: str, histories) -> tuple[dict, list[dict]]:
    """A layout of two panels, the data (wider) and the loss per epoch on a log scale, and the
    traces of that second panel."""
    panel = history_traces(histories, validation_name=labels.get("validation", ""), suffix="2",
                           names=labels.get("names"), diverged=labels.get("diverged", "diverged"))
    figure_layout = side_by_side(layout(revision=revision, height=520),
                                 [(labels["x"], labels["y"]), (labels["history_x"], labels["history_y"])],
                                 shares=(3.0, 2.0))
    log_axis(figure_layout["yaxis2"], panel)
    return figure_layout, panel


def animated_lines(traces: list, histories, lines_at, figure_layout: dict, labels: dict,
                   fixed: tuple = ()) -> go.Figure:
    """`traces` plus one line per History, animated over the epochs by plotly in the browser, plus
    the `fixed` traces (other panels) that the animation leaves alone.

    `lines_at(epoch)` gives each history's line ({"x", "y"}) at that epoch; play and pause
    buttons and an epoch slider go below the plot (`labels`: epoch, play, pause).
    """
    epochs = frame_epochs(max(history.epochs_run for history in histories))
    first_line = len(traces)
    for history, line in zip(histories, lines_at(epochs[-1]), strict=True):
        name = display(labels.get("names"), history.loss)
        traces.append({"type": "scatter", "mode": "lines", **line, "name": name,
                       "meta": {"uid": f"line:{history.loss}"}, "line": loss_line(history.loss, 3),
                       "hovertemplate": f"{name}<extra></extra>"})
    line_indices = list(range(first_line, len(traces)))
    # An animation step (redraw off) replots only the panels of the traces its frame names and
    # leaves the other panels empty: each frame also names, unchanged, one trace of every other panel.
    other_panels = {}
    for index, trace in enumerate(fixed, start=len(traces)):
        other_panels.setdefault(trace.get("xaxis", "x"), index)
    kept = [index for axis, index in other_panels.items() if axis != "x"]
    traces.extend(fixed)
    frames = [{"name": str(epoch), "data": lines_at(epoch) + [{} for _ in kept], "traces": line_indices + kept}
              for epoch in epochs]
    figure_layout["xaxis"]["title"]["standoff"] = 4
    figure_layout["hovermode"] = "closest"
    add_playback(figure_layout, epochs, labels)
    return figure(traces, figure_layout, frames)


def add_playback(figure_layout: dict, epochs, labels: dict, redraw: bool = False) -> None:
    """Play and pause buttons and an epoch slider below the plot, for frames named by their epochs
    (`labels`: epoch, play, pause). `redraw`: each frame replots the whole figure, which traces other
    than scatter need to stay drawn (a frame without it clears a contour map); slower."""
    still = {"frame": {"duration": 0, "redraw": redraw}, "mode": "immediate", "transition": {"duration": 0}}
    figure_layout["margin"] = {**figure_layout["margin"], "b": 170}
    # below the plot: play and pause, then the epoch slider across the whole width
    figure_layout["updatemenus"] = [{
        "type": "buttons", "direction": "left", "showactive": False, "x": 0, "y": BUTTONS_ROW, "xanchor": "left",
        "yanchor": "top", "pad": {"t": 0, "r": 6},
        "buttons": [
            {"label": "▶ " + labels["play"], "method": "animate",
             "args": [None, {"frame": {"duration": FRAME_MS, "redraw": redraw}, "fromcurrent": False,
                             "transition": {"duration": 0}, "mode": "immediate"}]},
            {"label": "❚❚ " + labels["pause"], "method": "animate", "args": [[None], still]},
        ],
    }]
    figure_layout["sliders"] = [{
        "active": len(epochs) - 1, "x": 0, "len": 1.0, "y": SLIDER_ROW, "yanchor": "top", "pad": {"t": 0, "b": 0},
        # the current epoch is written above the slider; the unevenly spaced step labels would crowd it
        "currentvalue": {"prefix": labels["epoch"] + " ", "font": {"size": 13, "color": TRUTH_COLOR},
                         "xanchor": "right"},
        "font": {"color": "rgba(0,0,0,0)"}, "ticklen": 3,
        "steps": [{"label": str(epoch), "method": "animate", "args": [[str(epoch)], still]} for epoch in epochs],
    }]


MAX_DRAWN_EPOCHS = 80  # per curve: loss curves are smooth, and every drawn point costs each redraw


def drawn_epochs(count: int) -> np.ndarray:
    """At most MAX_DRAWN_EPOCHS evenly spread epochs of `count`, the first and the last included."""
    return np.unique(np.linspace(0, count - 1, min(count, MAX_DRAWN_EPOCHS)).round().astype(int))


def history_traces(histories, *, validation_name: str = "", suffix: str = "", names: dict | None = None,
                   diverged: str = "diverged") -> list[dict]:
    """Each run's loss per epoch relative to its start (for a log axis); a cross where a run diverged.

    With `validation_name`, runs that have validation losses also get them as a dotted line
    (divided by the same start). `suffix` names the panel's axes ("2" for x2/y2).
    """
    traces = []
    axes = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
    for history in histories:
        color = LOSS_COLORS.get(history.loss, FALLBACK_COLOR)
        name = display(names, history.loss)
        relative = history.relative_values()
        epochs = drawn_epochs(relative.size)
        traces.append({"type": "scatter", "mode": "lines", "x": epochs, "y": relative[epochs], **axes,
                       "name": name, "meta": {"uid": f"history:{history.loss}"}, "legendgroup": history.loss,
                       "showlegend": not suffix,
                       "line": {"color": color, "width": 2.5}, "hovertemplate": "%{y:.3g}"})
        if validation_name and history.val_values is not None and history.values[0] > 0:
            traces.append({"type": "scatter", "mode": "lines", "x": epochs, **axes,
                           "y": history.val_values[epochs] / history.values[0],
                           "name": f"{name} ({validation_name})", "meta": {"uid": f"validation:{history.loss}"},
                           "legendgroup": history.loss, "showlegend": False,
                           "line": {"color": color, "width": 1.5, "dash": "dot"}, "hovertemplate": "%{y:.3g}"})
        if history.diverged_at is not None:
            traces.append({"type": "scatter", "mode": "markers", "x": [history.epochs_run], "y": [relative[-1]],
                           **axes, "marker": {"symbol": "x", "size": 14, "color": color}, "showlegend": False,
                           "meta": {"uid": f"diverged:{history.loss}"},
                           "hovertemplate": f"{name}: {diverged}<extra></extra>"})
    return traces


def log_axis(axis: dict, traces: list[dict]) -> None:
    """Make `axis` logarithmic, with a few round tick labels over the range of the traces' y."""
    values = np.concatenate([np.asarray(trace["y"], dtype=float) for trace in traces]) if traces else np.ones(1)
    values = values[np.isfinite(values) & (values > 0)]
    axis.update({"type": "log", "exponentformat": "power"})
    if values.size:
        axis["tickvals"] = log_ticks(float(values.min()), float(values.max()))


def log_ticks(low: float, high: float) -> list[float]:
    """Round values between `low` and `high` for a log axis: powers of ten, else 1-2-5 steps, else
    every digit, whichever first gives three or more (plotly's own choice labels minor ticks too);
    for a range within one digit, evenly spaced round values."""
    decades = range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)
    for mantissas in ((1,), (1, 2, 5), tuple(range(1, 10))):
        ticks = [float(f"{m}e{e}") for e in decades for m in mantissas if low <= m * 10.0**e <= high]
        if len(ticks) >= 3:
            return ticks
    if high <= low:
        return [low]
    step = 10.0 ** math.floor(math.log10((high - low) / 3))
    for factor in (1, 2, 5, 10):
        ticks = np.arange(math.ceil(low / (step * factor)) * step * factor, high * (1 + 1e-12), step * factor)
        if len(ticks) <= 6:
            break
    return [float(f"{tick:.6g}") for tick in ticks]


def history_figure(histories, *, x_title: str, y_title: str, revision: str, validation_name: str = "",
                   names: dict | None = None, diverged: str = "diverged") -> go.Figure:
    """history_traces in a figure of their own, on a log scale."""
    figure_layout = side_by_side(layout(revision=revision, height=300), [(x_title, y_title)])
    figure_layout["margin"] = {**figure_layout["margin"], "l": 64}
    traces = history_traces(histories, validation_name=validation_name, names=names, diverged=diverged)
    log_axis(figure_layout["yaxis"], traces)
    return figure(traces, figure_layout)


def with_spread(trace: dict, table) -> dict:
    """`trace` drawing a SeedTable's mean over seeds, with its spread as error bars."""
    return {**trace, "y": table.mean, "error_y": {"type": "data", "array": table.spread, "visible": True,
                                                  "thickness": 1.2, "width": 3}}


def sweep_figure(fractions, errors: dict, diverged: dict, *, x_title: str, y_title: str, revision: str,
                 names: dict | None = None, diverged_label: str = "diverged", log_x: bool = False) -> go.Figure:
    """Each loss's mean error (a SeedTable) against the outlier fraction, its spread over seeds as
    error bars, and how many of its runs diverged in the hover text; a cross on the top edge
    marks each fraction where every run of a loss diverged."""
    x = np.asarray(fractions) * 100
    traces = []
    for name, table in errors.items():
        color = LOSS_COLORS.get(name, FALLBACK_COLOR)
        traces.append(with_spread({
            "type": "scatter", "mode": "lines+markers", "x": x, "name": display(names, name),
            "legendgroup": name, "line": loss_line(name, 2.5), "customdata": diverged[name],
            "hovertemplate": f"%{{y:.3g}} ± %{{error_y.array:.2g}} ({diverged_label}: %{{customdata}})"}, table))
        lost = table.runs == 0
        if lost.any():
            traces.append({"type": "scatter", "mode": "markers", "x": x[lost], "y": np.ones(int(lost.sum())),
                           "yaxis": "y", "name": display(names, name), "legendgroup": name, "showlegend": False,
                           "marker": {"symbol": "x", "size": 12, "color": color},
                           "hovertemplate": f"{display(names, name)}: {diverged_label}<extra></extra>"})
    figure_layout = side_by_side(layout(revision=revision, height=320), [(x_title, y_title)])
    figure_layout["xaxis"]["ticksuffix"] = "%"
    if log_x:
        figure_layout["xaxis"].update({"type": "log", "tickvals": x})
    for trace in traces:
        if trace["mode"] == "markers":  # on the top edge of the plot, whatever the errors' range
            trace["yaxis"] = "y2"
    if any(trace["mode"] == "markers" for trace in traces):
        figure_layout["yaxis2"] = {"overlaying": "y", "range": [0, 1.05], "visible": False}
    return figure(traces, figure_layout)


# --- Classification lab ---------------------------------------------------------------------

CLASS_COLORS = (POINT_COLOR, VERMILION, BLUE, GREEN, ORANGE)  # majority grey, minority vermilion, ...


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


MAX_DRAWN_POINTS = 300  # per class: every SVG marker costs each redraw; a few hundred show a cloud


def points_trace(x, y, name, color, size=6.0, opacity=0.5, sample_name: str = "{name}") -> dict:
    """Markers for one class; a large class is drawn as an even sample of MAX_DRAWN_POINTS of its
    points and named by `sample_name` (with {name}, {drawn} and {total}), so the legend says so."""
    if len(x) > MAX_DRAWN_POINTS:
        keep = np.linspace(0, len(x) - 1, MAX_DRAWN_POINTS).astype(int)  # the data are shuffled: an even sample
        name = sample_name.format(name=name, drawn=MAX_DRAWN_POINTS, total=len(x))
        x, y = x[keep], y[keep]
    return {"type": "scatter", "mode": "markers", "x": x, "y": y, "name": name, "hoverinfo": "skip",
            "marker": {"color": color, "size": size, "opacity": opacity, "line": {"width": 0}}}


def class_points(data, labels: dict) -> list[dict]:
    """The training points of a binary data set: the majority faint, the minority on top and larger
    (`labels`: majority, minority, and optionally sample, the name of a sampled class)."""
    majority, minority = data.y == 0, data.y == 1
    sample = labels.get("sample", "{name}")
    return [points_trace(data.x[majority, 0], data.x[majority, 1], labels["majority"], CLASS_COLORS[0], 5, 0.35,
                         sample),
            points_trace(data.x[minority, 0], data.x[minority, 1], labels["minority"], CLASS_COLORS[1], 8, 0.9,
                         sample)]


def _box(points: np.ndarray, margin: float = 0.3) -> tuple[tuple[float, float], tuple[float, float]]:
    low, high = points.min(axis=0) - margin, points.max(axis=0) + margin
    return (float(low[0]), float(high[0])), (float(low[1]), float(high[1]))


def boundary_figure(data, histories, *, labels: dict, revision: str) -> go.Figure:
    """Training points by class (the minority drawn on top, larger; at most MAX_DRAWN_POINTS of each)
    and each linear model's decision boundary (score 0), animated over its epochs; beside it, the
    training (and validation, dotted) loss per epoch.

    `labels`: x, y, majority, minority, epoch, play, pause, history_x, history_y, validation.
    """
    x_range, y_range = _box(data.x)
    traces = class_points(data, labels)

    def lines_at(epoch):
        return [_boundary(history.params[min(epoch, history.epochs_run)], x_range, y_range) for history in histories]

    figure_layout, panel = with_history_panel(labels, revision, histories)
    figure_layout["xaxis"]["range"], figure_layout["yaxis"]["range"] = list(x_range), list(y_range)
    return animated_lines(traces, histories, lines_at, figure_layout, labels, fixed=panel)


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


# --- Landscape and monitor --------------------------------------------------------------------

OPTIMIZER_LINES = {"gd": (VERMILION, "solid"), "momentum": (ORANGE, "dash"), "nag": (GREEN, "dot"),
                   "adam": (PURPLE, "dashdot")}
SURFACE_SCALE = [[0.0, "#ffffff"], [1.0, "#7d8896"]]  # light greys: every path colour stays readable on it
DARK_SURFACE_SCALE = [[0.0, DARK_BACKGROUND], [1.0, "#4b5260"]]  # and dark greys in the dark theme
MAX_PATH_POINTS = 120  # per drawn path: enough to follow a zig-zag, few enough for 20 frames x 8 paths


def path_points(history, epoch: int) -> dict:
    """A run's (slope, intercept) from its start up to `epoch` (or to where it diverged), thinned."""
    last = min(epoch, history.epochs_run)
    shown = np.unique(np.linspace(0, last, min(last + 1, MAX_PATH_POINTS)).round().astype(int))
    return {"x": history.params[shown, 0], "y": history.params[shown, -1]}


def surface_figure(surfaces, runs, *, truth, start, labels: dict, revision: str) -> go.Figure:
    """Each Surface as a contour map (log colour scale) side by side, with the true line, the start,
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
        floor = max(float(surface.values.min()), 1e-12)
        traces.append({
            "type": "contour", "x": surface.slopes, "y": surface.intercepts,
            "z": np.log10(np.maximum(surface.values, floor)), "customdata": surface.values, **axes,
            "colorscale": SURFACE_SCALE, "showscale": False, "ncontours": 18, "meta": {"dark": {
                "colorscale": DARK_SURFACE_SCALE, "line": {"color": "rgba(230,231,234,0.25)", "width": 1}}},
            "contours": {"coloring": "heatmap", "showlines": True}, "line": {"color": "rgba(49,51,63,0.3)", "width": 1},
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
    add_playback(figure_layout, epochs, labels, redraw=True)  # a step without a redraw clears the contour maps
    return figure(traces, figure_layout, frames)


def monitor_figure(run, data, stop: tuple[int, int], fits: dict, *, labels: dict, revision: str) -> go.Figure:
    """Training and validation loss per epoch (log scale) with the best and the early-stopping epochs
    marked, beside the data, the true curve and the fits at the best and at the last epoch.

    `fits`: x, truth, best and last (y on the grid x). `labels`: epoch, loss, x, y, train, validation,
    best, stop, truth, train_points, val_points, best_fit, last_fit."""
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
    figure_layout["shapes"] = [
        {"type": "line", "xref": "x", "yref": "y domain", "x0": epoch, "x1": epoch, "y0": 0, "y1": 1,
         "line": {"color": color, "width": 1.5, "dash": dash}}
        for epoch, color, dash in ((best, GREEN, "solid"), (stopped, DARK_GREY, "dot"))]
    figure_layout["annotations"] = [
        {"text": text, "x": epoch, "xref": "x", "y": y, "yref": "y domain", "showarrow": False, "xanchor": "left",
         "font": {"size": 12, "color": color}, "bgcolor": "rgba(255,255,255,0.8)"}
        for text, epoch, y, color in ((labels["best"], best, 0.98, GREEN), (labels["stop"], stopped, 0.88, DARK_GREY))]
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


# --- Distributions lab ------------------------------------------------------------------------

DIVERGENCE_LINES = {"forward": (BLUE, "solid"), "reverse": (VERMILION, "dash"), "js": (GREEN, "dot")}


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
        color, dash = DIVERGENCE_LINES[kind]
        traces.append({"type": "scatter", "mode": "lines", **curve, "name": labels["names"][kind],
                       "line": {"color": color, "dash": dash, "width": 3}, "hoverinfo": "skip"})
    first = 1
    frames = [{"name": str(epoch), "data": curves_at(epoch), "traces": list(range(first, first + len(runs)))}
              for epoch in epochs]
    add_playback(figure_layout, epochs, labels)
    return figure(traces, figure_layout, frames)


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


# --- Embeddings lab ---------------------------------------------------------------------------

EMBEDDING_COLORS = (BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILION)  # one per class
EMBEDDING_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x")  # and a shape, for grey print


def _ring(centre, radius: float, points: int = 72) -> dict:
    angles = np.linspace(0.0, 2.0 * np.pi, points)
    return {"x": centre[0] + radius * np.cos(angles), "y": centre[1] + radius * np.sin(angles)}


def embedding_figure(frame_at, labels_of, anchor: int, margin: float, active, values, *, labels: dict,
                     revision: str) -> go.Figure:
    """The training points mapped to 2-D at every epoch (played back in the browser), with one
    anchor, its farthest positive and the two rings that part its negatives into hard (inside the
    first), semi-hard (between) and easy (outside the second); beside it, the share of the batch's
    triplets with a positive loss (`active`) and the mined triplets' loss (`values`) per epoch.

    `frame_at(epoch)`: an embeddings.AnchorFrame; `labels_of`: each point's class. `labels`: x, y,
    epoch_axis, per_epoch, active, loss, anchor, positive, ring_positive, ring_margin, epoch, play,
    pause, classes (one name per class)."""
    figure_layout = side_by_side(layout(revision=revision, height=560),
                                 [(labels["x"], labels["y"]), (labels["epoch_axis"], labels["per_epoch"])],
                                 shares=(3.0, 2.0))
    figure_layout["hovermode"] = "closest"
    figure_layout["yaxis"]["scaleanchor"] = "x"  # distances look like distances
    figure_layout["xaxis"]["title"]["standoff"] = 4
    classes = int(labels_of.max()) + 1

    def at(epoch):
        frame = frame_at(epoch)
        points = frame.points
        return ([{"x": points[labels_of == label, 0], "y": points[labels_of == label, 1]} for label in range(classes)]
                + [{"x": [points[anchor, 0]], "y": [points[anchor, 1]]},
                   {"x": [points[frame.positive, 0]], "y": [points[frame.positive, 1]]},
                   _ring(points[anchor], frame.radius), _ring(points[anchor], frame.radius + margin)])

    epochs = frame_epochs(len(active))
    shown = at(epochs[-1])
    traces = []
    for label in range(classes):
        traces.append({"type": "scatter", "mode": "markers", **shown[label], "name": labels["classes"][label],
                       "marker": {"color": EMBEDDING_COLORS[label], "symbol": EMBEDDING_SYMBOLS[label], "size": 8,
                                  "opacity": 0.85, "line": {"width": 0}}, "hoverinfo": "skip"})
    extras = ((labels["anchor"], {"mode": "markers", "marker": {"symbol": "star", "size": 18, "color": TRUTH_COLOR}}),
              (labels["positive"], {"mode": "markers", "marker": {"symbol": "circle-open", "size": 16,
                                                                   "color": TRUTH_COLOR, "line": {"width": 2}}}),
              (labels["ring_positive"], {"mode": "lines", "line": {"color": TRUTH_COLOR, "width": 1.5}}),
              (labels["ring_margin"], {"mode": "lines", "line": {"color": TRUTH_COLOR, "width": 1.5, "dash": "dot"}}))
    for (name, style), data_at in zip(extras, shown[classes:], strict=True):
        traces.append({"type": "scatter", **style, **data_at, "name": name, "hoverinfo": "skip"})
    moving = list(range(len(traces)))
    epochs_run = np.arange(len(active))
    traces += [
        {"type": "scatter", "mode": "lines", "x": epochs_run, "y": active, "name": labels["active"],
         "xaxis": "x2", "yaxis": "y2", "line": {"color": VERMILION, "width": 2}, "hovertemplate": "%{y:.2f}"},
        {"type": "scatter", "mode": "lines", "x": epochs_run, "y": values, "name": labels["loss"],
         "xaxis": "x2", "yaxis": "y2", "line": {"color": BLUE, "width": 1.5, "dash": "dot"},
         "hovertemplate": "%{y:.3g}"},
    ]
    # an animation step empties the panels it names no trace of: each frame names one of the right panel's
    frames = [{"name": str(epoch), "data": [*at(epoch), {}], "traces": [*moving, len(moving)]} for epoch in epochs]
    add_playback(figure_layout, epochs, labels)
    return figure(traces, figure_layout, frames)


# --- Segmentation lab -------------------------------------------------------------------------

MAP_SCALE = [[0.0, "#ffffff"], [1.0, "#1b1b1b"]]  # probability 0 white, 1 black
PUSH_SCALE = [[0.0, "#D55E00"], [0.5, "#ffffff"], [1.0, "#0072B2"]]  # down vermilion, up blue: colour-blind safe


# a thin frame and no ticks: a mask that is mostly white still shows where its image ends
MAP_FRAME = {"showticklabels": False, "ticks": "", "showgrid": False, "zeroline": False, "showline": True,
             "mirror": True, "linecolor": "#b9bec9"}


def mask_figure(image, truth, methods: list[str], maps_at, epochs, *, labels: dict, revision: str) -> go.Figure:
    """One validation image, its true mask and, per method, the predicted probability map (top row)
    and where the loss pushes the prediction (bottom row), played back over `epochs`.

    `maps_at(epoch)` gives [(probability map, push map) per method]; `labels`: image, truth, epoch,
    play, pause, push, names ({method: shown name})."""
    columns = 2 + len(methods)
    gap = 0.012
    width = (1.0 - gap * (columns - 1)) / columns
    # two rows of square maps as wide as a column, above the playback controls (170 px)
    row_height = min(180, int(760 * width))
    figure_layout = layout(revision=revision, height=170 + 50 + 2 * row_height + 30)
    figure_layout.update({"hovermode": "closest", "showlegend": False, "annotations": [],
                          "margin": {"l": 8, "r": 8, "t": 40, "b": 20}})
    traces = []

    def panel(index: int, row: int) -> dict:
        axis = f"{index + 1 + row * columns}" if index + row * columns else ""
        start = index * (width + gap)
        figure_layout[f"xaxis{axis}"] = {"domain": [start, start + width], **MAP_FRAME, "anchor": f"y{axis}",
                                         "constrain": "domain"}
        figure_layout[f"yaxis{axis}"] = {"domain": [0.0, 0.44] if row else [0.56, 1.0], **MAP_FRAME,
                                         "anchor": f"x{axis}", "scaleanchor": f"x{axis}", "autorange": "reversed",
                                         "constrain": "domain"}
        return {"xaxis": f"x{axis}", "yaxis": f"y{axis}"}

    def title(text: str, axes: dict) -> None:
        figure_layout["annotations"].append({"text": text, "xref": f"{axes['xaxis']} domain",
                                             "yref": f"{axes['yaxis']} domain", "x": 0.5, "y": 1.0,
                                             "xanchor": "center", "yanchor": "bottom", "showarrow": False,
                                             "font": {"size": 12}})

    for index, (z, name) in enumerate(((image, labels["image"]), (truth, labels["truth"]))):
        axes = panel(index, 0)
        traces.append({"type": "heatmap", "z": z, **axes, "colorscale": MAP_SCALE if index else [
            [0.0, "#000000"], [1.0, "#ffffff"]], "showscale": False, "hoverinfo": "skip"})
        title(name, axes)
    moving = []
    for index, (method, (proba, push)) in enumerate(zip(methods, maps_at(epochs[-1]), strict=True)):
        top, bottom = panel(index + 2, 0), panel(index + 2, 1)
        moving += [len(traces), len(traces) + 1]
        traces.append({"type": "heatmap", "z": proba, **top, "colorscale": MAP_SCALE, "zmin": 0, "zmax": 1,
                       "showscale": False, "hovertemplate": "%{z:.2f}<extra></extra>"})
        traces.append({"type": "heatmap", "z": push, **bottom, "colorscale": PUSH_SCALE, "zmin": -1, "zmax": 1,
                       "showscale": False, "hovertemplate": "%{z:.2f}<extra></extra>"})
        title(labels["names"][method], top)
        title(labels["push"], bottom)
    frames = [{"name": str(epoch), "traces": moving,
               "data": [{"type": "heatmap", "z": z} for pair in maps_at(epoch) for z in pair]} for epoch in epochs]
    add_playback(figure_layout, epochs, labels, redraw=True)
    return figure(traces, figure_layout, frames)
