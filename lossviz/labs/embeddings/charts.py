"""The embeddings lab's chart: the points in 2-D over training, one anchor's rings and negatives."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lossviz.charts.theme import (
    BLUE,
    GREEN,
    ORANGE,
    PURPLE,
    SKY,
    TRUTH_COLOR,
    VERMILION,
    figure,
    layout,
    side_by_side,
    typed_array,
)
from lossviz.charts.training import add_playback, frame_epochs

EMBEDDING_COLORS = (BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILION)  # one per class
EMBEDDING_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x")  # and a shape, for grey print


def _ring(centre, radius: float, points: int = 72) -> dict:
    angles = np.linspace(0.0, 2.0 * np.pi, points)
    return {"x": centre[0] + radius * np.cos(angles), "y": centre[1] + radius * np.sin(angles)}


def anchor_traces(frame, labels_of, anchor: int, margin: float, classes: int) -> list[dict]:
    """The moving traces of embedding_figure for one AnchorFrame: each class's points, the anchor, its
    farthest positive and its two rings (x and y only)."""
    points = frame.points
    return ([{"x": points[labels_of == label, 0], "y": points[labels_of == label, 1]} for label in range(classes)]
            + [{"x": [points[anchor, 0]], "y": [points[anchor, 1]]},
               {"x": [points[frame.positive, 0]], "y": [points[frame.positive, 1]]},
               _ring(points[anchor], frame.radius), _ring(points[anchor], frame.radius + margin)])


def preview_frames(frames, labels_of, anchor: int, margin: float, names, note: str) -> list[dict]:
    """embedding_figure's moving traces for each AnchorFrame of `frames` (with each one's class of a point,
    `labels_of`), as frames named `names` that carry `note`, on axes around all of them: a dragged data
    slider's preview through the map as trained."""
    classes = int(max(int(labels.max()) for labels in labels_of)) + 1
    shown = [anchor_traces(frame, labels, anchor % labels.size, margin, classes)
             for frame, labels in zip(frames, labels_of, strict=True)]
    every = np.concatenate([np.column_stack([trace["x"], trace["y"]]) for traces in shown for trace in traces])
    low, high = every.min(axis=0), every.max(axis=0)
    pad = 0.05 * (high - low) + 1e-9
    ranges = {"xaxis.range": [float(low[0] - pad[0]), float(high[0] + pad[0])],
              "yaxis.range": [float(low[1] - pad[1]), float(high[1] + pad[1])]}
    return [{"name": name, "note": note, "traces": list(range(classes + 4)), "layout": ranges,
             "data": [{"x": typed_array(trace["x"]), "y": typed_array(trace["y"])} for trace in traces]}
            for name, traces in zip(names, shown, strict=True)]


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
        return anchor_traces(frame_at(epoch), labels_of, anchor, margin, classes)

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
