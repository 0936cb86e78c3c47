"""The segmentation lab's chart: predicted masks and the loss's push per pixel, played back."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lossviz.charts.theme import figure, layout, plain
from lossviz.charts.training import add_playback

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


def maps_frame(name: str, note: str, image, truth, maps) -> dict:
    """A frame of mask_figure's maps: the image, its true mask and each method's (probability, push)
    maps, as bytes of 0 to 255 (a quarter of float32's) with the colour ranges that read them so:
    a dragged data slider's preview, sent for a couple of dozen stops at once."""
    shown = [(image, float(np.min(image)), float(np.max(image))), (truth, 0.0, 1.0),
             *((z, low, 1.0) for pair in maps for z, low in zip(pair, (0.0, -1.0), strict=True))]
    data = [{"z": plain(np.round(255 * np.clip((z - low) / max(high - low, 1e-12), 0, 1)).astype(np.uint8)),
             "zmin": 0, "zmax": 255} for z, low, high in shown]
    return {"name": name, "note": note, "traces": list(range(len(data))), "data": data}
