"""The chart component: a plotly Figure that stays mounted across reruns and is updated in place
by Plotly.react (plot.js), with plotly.js's cartesian bundle served from static/."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from lossviz.i18n import translate
from lossviz.ui.page import current_language

_PLOT = st.components.v2.component("lossviz.plot", js=(Path(__file__).with_name("plot.js")).read_text(),
                                   isolate_styles=False)


def chart(figure, key: str) -> None:
    """Draw `figure`, with the message it shows if plotly.js cannot load. Sent as bytes: the JSON
    text as it is, not parsed and encoded again."""
    error = translate(current_language(), "chart.no_plotly")
    _PLOT(data=f'{{"error": {json.dumps(error)}, "figure": {figure.to_json()}}}'.encode(), key=key)
