"""Drag sliders: a slider whose chart follows the thumb while it is dragged, through frames the
chart holds for the slider's stops (ui/drag.js), and which of a page's sliders those frames are for."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import streamlit as st

from lossviz.losses import ParamSpec
from lossviz.training import drag_stops
from lossviz.ui.page import Page
from lossviz.ui.plot import ASKED_KEY, EXTRA_SUFFIX

DRAG_SUFFIX = ".drag"  # the key of a drag slider's component, beside the session key of its value
ARMED_KEY = "drag.armed"  # the session key of the slider whose chart holds frames for its stops
_DRAG = st.components.v2.component("lossviz.drag", js=(Path(__file__).with_name("drag.js")).read_text(),
                                   isolate_styles=False)


def drag_slider(label: str, spec: ParamSpec, widget_key: str, help_text: str | None = None,
                chart: str = "", format_func: Callable[[float], str] | None = None) -> float:
    """A slider over `spec` whose chart (the ui.chart keyed `chart`) follows the thumb while it is
    dragged, through the frames named by drag_frame that the chart holds for it (a press on it arms
    it when the chart holds none: see armed()). Its value lives in session_state[widget_key] as a
    st.slider's would; keyboard arrows move it a step and send it, as a release does. `format_func`
    shows a value (else its digits)."""
    kind = int if spec.integer else float
    stops = spec.log_steps() if spec.log else None
    value = kind(st.session_state.get(widget_key, spec.default))
    if stops:
        value = min(stops, key=lambda stop: abs(stop - value))
    st.session_state[widget_key] = value
    decimals = 0 if spec.integer else max(2, spec.decimals)
    texts = None
    if format_func:  # each position as shown; a slider without one shows its digits (drag.js)
        positions = stops or [kind(spec.snap(spec.min + index * spec.step))
                              for index in range(round((spec.max - spec.min) / spec.step) + 1)]
        texts = [format_func(position) for position in positions]
    data = {"name": widget_key, "label": label, "help": help_text or "", "min": spec.min, "max": spec.max,
            "step": spec.step, "value": value, "decimals": decimals, "stops": stops, "texts": texts, "chart": chart}
    _DRAG(key=widget_key + DRAG_SUFFIX, data=json.dumps(data).encode(), default={"value": value, "released": None},
          on_value_change=lambda: _take_value(widget_key, kind),
          on_released_change=lambda: _take_release(widget_key, kind), on_arm_change=lambda: _arm(widget_key, chart))
    return kind(st.session_state[widget_key])


def _take_value(widget_key: str, kind) -> None:
    st.session_state[widget_key] = kind(st.session_state[widget_key + DRAG_SUFFIX]["value"])


def _take_release(widget_key: str, kind) -> None:
    """A drag's end: its value ([value, time], so that each release is a change) and which slider it was."""
    st.session_state[widget_key] = kind(st.session_state[widget_key + DRAG_SUFFIX]["released"][0])
    st.session_state[RELEASED_KEY] = widget_key


def _arm(widget_key: str, chart: str) -> None:
    """A press found the chart without this slider's frames (drag.js asks only then): arm it, and have
    its frames sent to the chart even where the server thought it held them (it was mounted anew)."""
    st.session_state[ARMED_KEY] = st.session_state[PRESSED_KEY] = widget_key
    st.session_state[ASKED_KEY] = chart


PRESSED_KEY = "drag.pressed"  # the drag slider a press has armed, until its chart has its frames
RELEASED_KEY = "drag.released"  # the drag slider whose release started this run


def armed(default: str = "") -> str:
    """The session key of the drag slider whose stops its chart holds (the one last pressed, else `default`)."""
    return st.session_state.get(ARMED_KEY, default)


def pressed_frames(page: Page, chart_key: str, frames_of: Callable[[str], tuple[Callable, str] | None] | None = None,
                   preview_of: Callable[[str], tuple[Callable, str] | None] | None = None,
                   after_release: bool = False, opening=()):
    """(builder, id) of the drag frames a lab's chart (keyed `chart_key`) holds for the page's armed
    setting (a key of its numbers, or "<loss>.<parameter>"): `preview_of(setting)` gives the builder
    and id of a cheap preview (the data at each stop, the models as trained), or None; where there is
    none, `frames_of(setting)` gives those of the lab's own frames (its models at each stop), or None.

    The chart's first run builds the previews of the settings `opening` (the open tab's sliders) beside
    the armed one's frames: the first drag of any of them after the page opens follows from its first
    move. A press on a slider asks for its frames (and, with `after_release`, so does its release: they
    show the models it trains). Frames are kept while they stay the same, and dropped, not rebuilt, once
    another setting changes them: (None, None). A lab's own frames cost hundreds of ms, paid on a
    press, never on a move of another slider or key."""
    setting = armed_setting(page)
    released = st.session_state.pop(RELEASED_KEY, None) == armed()
    built = ((preview_of(setting) if preview_of else None) or (frames_of(setting) if frames_of else None)
             if setting else None)
    held = st.session_state.get(chart_key + EXTRA_SUFFIX, OPENING)
    if held is OPENING and preview_of:
        found = [preview for preview in map(preview_of, opening) if preview and (not built or preview[1] != built[1])]
        if found:
            built_all = [*found, *([built] if built else [])]
            return (lambda: [frame for builder, _ in built_all for frame in builder()],
                    tuple(preview_id for _, preview_id in built_all))
    if built is None:
        return None, None
    if built[1] == held or (isinstance(held, tuple) and built[1] in held):
        st.session_state.pop(PRESSED_KEY, None)  # delivered: from now on, another setting's move drops them
        return built
    # asked for and not delivered yet: a release can interrupt the run that builds them
    pressed = st.session_state.get(PRESSED_KEY) == armed()
    return built if held is OPENING or pressed or (released and after_release) else (None, None)


OPENING = object()  # what a chart not drawn yet in this session holds


def armed_setting(page: Page) -> str | None:
    """The page's setting ("<loss>.<parameter>" or a key of its numbers) whose drag slider is armed, if any."""
    found, prefix = armed(), page.key("")
    return found[len(prefix):] if found.startswith(prefix) else None


def armed_frames(widget_key: str, spec: ParamSpec) -> list[tuple[float, str]]:
    """(stop, frame name) of the drag slider `widget_key` over `spec` if it is armed, else none."""
    return [(stop, drag_frame(widget_key, stop)) for stop in drag_stops(spec)] if widget_key == armed() else []


def arm_first(keys) -> None:
    """Arm the first of the drag sliders `keys` unless one of them is armed already."""
    if keys and armed() not in keys:
        st.session_state[ARMED_KEY] = keys[0]


def followed(spec: ParamSpec) -> bool:
    """Whether a chart follows a drag of a slider over `spec`: one of ten stops or more (fewer step at once)."""
    return len(spec.log_steps()) >= 10 if spec.log else round((spec.max - spec.min) / spec.step) + 1 >= 10


def armed_param(page: Page) -> tuple[str, str, list[float]] | None:
    """(loss, parameter, stops) of the page's armed drag slider, whose curves its chart should hold."""
    setting = armed_setting(page)
    if setting is None or "." not in setting:
        return None
    name, key = setting.rsplit(".", 1)
    spec = page.schema.param_specs.get((name, key))
    if spec is None or (spec.switch and st.session_state.get(armed(), 0.0) < 0):
        return None
    return name, key, drag_stops(shown_range(spec))


def shown_range(spec: ParamSpec) -> ParamSpec:
    """The range a parameter's slider shows: a switchable one's over [0, max] (switched_slider)."""
    return replace(spec, min=0.0) if spec.switch else spec


PREVIEW_STOPS = 21  # stops of a lab's preview along a dragged slider: enough for ten states in half a second


def setting_stops(page: Page, setting: str, spec: ParamSpec, most: int = PREVIEW_STOPS) -> tuple[tuple, tuple]:
    """(stops, frame names) of the page's dragged `setting` over `spec`: at most `most` stops, whole
    numbers for an integer setting."""
    stops = tuple(int(stop) if spec.integer else stop for stop in drag_stops(spec, most))
    return stops, tuple(drag_frame(page.key(setting), stop) for stop in stops)


def drag_frame(widget_key: str, value: float) -> str:
    """The name of the chart's frame that shows the slider `widget_key` at `value`."""
    return f"{widget_key}={value:.10g}"
