"""What every chart shares: the palette (one colour and dash per loss, the same on every page), the
axes' style, the dark theme's greys, the layout, and `figure`, which builds a plotly Figure from
plain dicts in one call (per-trace objects and update_* calls would add to every slider rerun)."""

from __future__ import annotations

import base64
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


def plain(value, single: bool = False):
    """`value` with every numpy array as plotly.js reads a typed array from JSON (its bytes in base64,
    a 2-D one with its shape) and numpy scalars as Python numbers: ready for json.dumps. `single`:
    float64 arrays as float32, half the bytes (an animation's frames, drawn, never computed on)."""
    if isinstance(value, np.ndarray):
        if value.dtype == object or value.dtype.kind not in "fiub":
            return [plain(item, single) for item in value.tolist()]
        if single and value.dtype == np.float64:
            value = value.astype(np.float32)
        array = np.ascontiguousarray(value, dtype=value.dtype.newbyteorder("<") if value.dtype.kind in "fiu"
                                     else value.dtype)
        encoded = {"dtype": array.dtype.str.lstrip("<|="), "bdata": base64.b64encode(array.tobytes()).decode()}
        if array.ndim > 1:
            encoded["shape"] = ", ".join(map(str, array.shape))
        return encoded
    if isinstance(value, dict):
        return {key: plain(item, single) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item, single) for item in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def layout(*, revision: str, height: int = 340) -> dict:
    """The shared look: fonts, colors, margins, legend on top, and a uirevision so zoom survives reruns.

    Complete in itself: the chart component (ui/plot.js) draws it as it is, with no theme merged in.
    """
    return {
        "height": height,
        # the toolbar stands upright in the right margin, off the legend and the panels' titles
        "margin": {"l": 56, "r": 40, "t": 36, "b": 48},
        "modebar": {"orientation": "v"},
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


def typed_array(values) -> dict:
    """A float32 array as plotly.js reads it from JSON: its bytes in base64."""
    return plain(np.asarray(values, dtype=np.float32))


POINT_SIZE = 7.0
POINT_COLOR, OUTLIER_COLOR, TRUTH_COLOR = "#BBBBBB", VERMILION, "#31333f"


CLASS_COLORS = (POINT_COLOR, VERMILION, BLUE, GREEN, ORANGE)  # majority grey, minority vermilion, ...


MAX_DRAWN_POINTS = 300  # per class: every SVG marker costs each redraw; a few hundred show a cloud


def points_trace(x, y, name, color, size=6.0, opacity=0.5, sample_name: str = "{name}",
                 most: int = MAX_DRAWN_POINTS) -> dict:
    """Markers for one class; a large class is drawn as an even sample of `most` of its points and
    named by `sample_name` (with {name}, {drawn} and {total}), so the legend says so."""
    if len(x) > most:
        keep = np.linspace(0, len(x) - 1, most).astype(int)  # the data are shuffled: an even sample
        name = sample_name.format(name=name, drawn=most, total=len(x))
        x, y = x[keep], y[keep]
    return {"type": "scatter", "mode": "markers", "x": x, "y": y, "name": name, "hoverinfo": "skip",
            "marker": {"color": color, "size": size, "opacity": opacity, "line": {"width": 0}}}
