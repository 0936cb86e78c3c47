"""Pure chart functions: data in, plotly Figure out. No loss math, no Streamlit, no globals read.

Figures are built in one go.Figure call from plain dicts: plotly validates the whole spec once,
which on a slider rerun costs a few milliseconds instead of tens (per-trace objects, update_*
calls and a named template each validate again).
"""

from __future__ import annotations

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
