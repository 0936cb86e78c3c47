"""Loss curves along one axis: values and slopes side by side, and the frames a dragged parameter
slider scrubs through (the gallery and the workbench)."""

from __future__ import annotations

import plotly.graph_objects as go

from lossviz.charts.theme import display, figure, layout, loss_line, side_by_side, typed_array


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
