"""Charts of training runs that several labs draw: loss per epoch (log axis where it spans decades),
playback controls and frames, a sweep's mean and spread against a setting, frames held still."""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from lossviz.charts.theme import (
    FALLBACK_COLOR,
    LOSS_COLORS,
    TRUTH_COLOR,
    display,
    figure,
    layout,
    loss_line,
    side_by_side,
)

# rows below the plot, in shares of its height: play and pause under the axis titles, then the epoch
# slider across the width, its current epoch above its right end and below the loss panel's title
BUTTONS_ROW, SLIDER_ROW = -0.18, -0.3
PLAYBACK_LABELS = ("epoch", "play", "pause")  # the common.* labels of a played-back chart
MAX_FRAMES = 20  # each frame's traces are built on every rerun: enough frames to read the motion, no more
FRAME_MS = 120  # playback: 20 frames in about 2.4 s


def frame_epochs(epochs: int, frames: int = MAX_FRAMES) -> list[int]:
    """Epochs to show in an animation of `epochs` steps: dense early, where fits move fastest."""
    spaced = np.geomspace(1, epochs + 1, frames) - 1
    return sorted({0, epochs, *np.round(spaced).astype(int).tolist()})


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
    if log_x:  # a log axis writes its own labels: write them as percentages
        figure_layout["xaxis"].update({"type": "log", "tickvals": x, "ticktext": [f"{value:g}%" for value in x]})
    for trace in traces:
        if trace["mode"] == "markers":  # on the top edge of the plot, whatever the errors' range
            trace["yaxis"] = "y2"
    if any(trace["mode"] == "markers" for trace in traces):
        figure_layout["yaxis2"] = {"overlaying": "y", "range": [0, 1.05], "visible": False}
    return figure(traces, figure_layout)
