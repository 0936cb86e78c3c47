"""Pure chart functions: data in, plotly Figure out. No loss math, no Streamlit, no globals read."""

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


def styled(figure: go.Figure, *, x_title: str, y_title: str, revision: str, height: int = 320) -> go.Figure:
    """The shared look: fonts, margins, legend on top, and a uirevision so zoom survives reruns."""
    figure.update_layout(
        height=height,
        margin={"l": 56, "r": 12, "t": 36, "b": 48},
        font={"size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hovermode="x unified",
        uirevision=revision,
        template="plotly_white",
    )
    figure.update_xaxes(title_text=x_title, zeroline=True)
    figure.update_yaxes(title_text=y_title, zeroline=True)
    return figure


def curves_figure(curves, *, field: str, x_title: str, y_title: str, revision: str) -> go.Figure:
    """Overlay one line per curve; `field` picks "value" or "slope" of each gallery Curve."""
    figure = go.Figure()
    for curve in curves:
        figure.add_trace(go.Scatter(
            x=curve.x, y=getattr(curve, field), mode="lines", name=curve.name,
            line={"color": LOSS_COLORS.get(curve.name, FALLBACK_COLOR), "width": 2.5},
            hovertemplate="%{y:.4g}",
        ))
    return styled(figure, x_title=x_title, y_title=y_title, revision=revision)
