"""The chart component: a plotly Figure that stays mounted across reruns and is updated in place
by Plotly.react (plot.js), with plotly.js's cartesian bundle served from static/."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from lossviz.charts import DARK_COLORS
from lossviz.i18n import translate
from lossviz.ui.page import current_language

_PLOT = st.components.v2.component("lossviz.plot", js=(Path(__file__).with_name("plot.js")).read_text(),
                                   isolate_styles=False)


WORDS = ("panel", "series", "data", "controls")  # what the component says about a chart, chart.<word>


def chart(figure, key: str, frames: list[dict] | None = None) -> None:
    """Draw `figure` (and `frames`, plain frame dicts beside its own, such as charts.curve_frames),
    with the message it shows if plotly.js cannot load, the words of its text alternative and
    controls, and its colours in the dark theme. Sent as bytes: the JSON text as it is, not parsed
    and encoded again."""
    lang = current_language()
    words = json.dumps({word: translate(lang, f"chart.{word}") for word in WORDS}, ensure_ascii=False)
    error = json.dumps(translate(lang, "chart.no_plotly"), ensure_ascii=False)
    _PLOT(data=(f'{{"key": {json.dumps(key)}, "error": {error}, "words": {words}, "dark": {DARK_JSON}, '
                f'"frames": {json.dumps(frames or [])}, "figure": {figure.to_json()}}}').encode(), key=key)


DARK_JSON = json.dumps(DARK_COLORS)
