"""The workbench's own chart: the uploaded samples' histogram under the losses' curves."""

from __future__ import annotations

import plotly.graph_objects as go

from lossviz.charts.theme import AXIS_STYLE, POINT_COLOR, display, figure, layout, loss_line


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
