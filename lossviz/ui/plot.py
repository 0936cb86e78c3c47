"""The chart component: a plotly Figure that stays mounted across reruns and is updated in place
by Plotly.react (plot.js), with plotly.js's cartesian bundle served from static/."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lossviz.charts.theme import DARK_COLORS, frames_of, plain
from lossviz.i18n import translate
from lossviz.ui import lesson
from lossviz.ui.url import current_language

_PLOT = st.components.v2.component("lossviz.plot", js=(Path(__file__).with_name("plot.js")).read_text(),
                                   isolate_styles=False)


WORDS = ("panel", "series", "data", "controls")  # what the component says about a chart, chart.<word>


def chart(figure, key: str, extra_frames: Callable[[], list[dict]] | None = None, extra_id: str | None = None) -> None:
    """Draw `figure` with its animation frames (charts.frames_of) and the frames `extra_frames()`
    builds (plain frame dicts such as charts.curve_frames), with the message it shows if plotly.js
    cannot load, the words of its text alternative and controls, and its colours in the dark theme.
    Sent as bytes: the JSON text as it is, not parsed and encoded again.

    `extra_id` names what the extra frames show: a rerun of a chart still mounted (drawn by the run
    before, or earlier in the fragment that reruns) whose extra frames are the ones it holds already
    neither builds nor sends them, and the chart keeps its own (a drag slider's 41 stops cost every
    move otherwise, docs/PERFORMANCE.md)."""
    lang = current_language()
    words = json.dumps({word: translate(lang, f"chart.{word}") for word in WORDS}, ensure_ascii=False)
    error = json.dumps(translate(lang, "chart.no_plotly"), ensure_ascii=False)
    held = st.session_state.get(key + EXTRA_SUFFIX)
    context = get_script_run_ctx()
    fragment_run = context is not None and bool(context.fragment_ids_this_run)
    drawn = st.session_state.setdefault(DRAWN_KEY, set())
    mounted = key in (drawn if fragment_run else st.session_state.get(DRAWN_BEFORE_KEY, ()))
    drawn.add(key)
    asked = st.session_state.get(ASKED_KEY) == key  # then it lost them: mounted anew where the server did not see
    if asked:
        del st.session_state[ASKED_KEY]
    kept = mounted and not asked and extra_id is not None and held == extra_id
    extra = "null" if kept else json.dumps(plain(extra_frames() if extra_frames else []))
    tallest = PRESENTER_HEIGHT if lesson.presenting() else "null"  # a projector: the step and the chart in view
    _PLOT(data=(f'{{"key": {json.dumps(key)}, "error": {error}, "words": {words}, "dark": {DARK_JSON}, '
                f'"tallest": {tallest}, '
                f'"frames": {json.dumps(plain(frames_of(figure), single=True))}, "extra": {extra}, '
                f'"figure": {figure.to_json()}}}').encode(), key=key)
    st.session_state[key + EXTRA_SUFFIX] = extra_id  # once sent: a rerun that interrupts the build sends them


ASKED_KEY = "plot.asked"  # the chart a drag slider's press found without its frames (ui.drag)
DRAWN_KEY = "plot.drawn"  # the charts drawn since the app's last full run
DRAWN_BEFORE_KEY = "plot.drawn_before"  # those drawn up to the full run before: still mounted if drawn again


def full_run() -> None:
    """A full run of the app begins (app.py): a chart the runs before it drew stays mounted if this run
    draws it again; any other one is mounted anew, with no frames."""
    st.session_state[DRAWN_BEFORE_KEY] = st.session_state.pop(DRAWN_KEY, set())


PRESENTER_HEIGHT = 430  # px: in presenter mode a chart is at most this tall
EXTRA_SUFFIX = ".extra"  # the session key of what the mounted chart's extra frames show
DARK_JSON = json.dumps(DARK_COLORS)
