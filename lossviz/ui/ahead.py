"""Work ahead of the keyboard: after a run in which one number setting moved, a lab's runs at its next
step in the same direction are computed in a background thread, so that the next arrow key press
finds them in the cache and redraws without training on the way."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from lossviz.losses import ParamSpec
from lossviz.state import Settings

_BUSY = threading.Lock()  # one piece of work ahead per server: it uses a core the visitors' runs may need


def work_ahead(page, settings: Settings, runs: Callable[[Settings], object]) -> None:
    """Start `runs` (a lab's training through ui.cached) at the settings one step further, when exactly
    one of the page's numbers moved since its last run, unless the server is already working ahead for
    a session. Called last in a lab's run, after its charts: it shares the interpreter with them. It
    only fills the cache: a failure costs the next press its training, no more."""
    numbers = {key: settings.values[key] for key in page.schema.numbers}
    before_key = page.key("ahead.before")
    before = st.session_state.get(before_key)
    st.session_state[before_key] = numbers
    moved = [key for key in numbers if before and key in before and before[key] != numbers[key]]
    if len(moved) != 1:
        return
    key = moved[0]
    following = next_stop(page.schema.numbers[key], numbers[key], up=numbers[key] > before[key])
    if following is not None and _BUSY.acquire(blocking=False):
        ahead = replace(settings, values={**settings.values, key: following})
        threading.Thread(target=_run, args=(runs, ahead), name="lossviz-ahead", daemon=True).start()


def next_stop(spec: ParamSpec, value: float, up: bool) -> float | None:
    """The value a slider over `spec` shows one arrow key press from `value` (up or down), None at its end."""
    if spec.log:
        stops = spec.log_steps()
        index = min(range(len(stops)), key=lambda i: abs(stops[i] - value)) + (1 if up else -1)
        return stops[index] if 0 <= index < len(stops) else None
    following = spec.snap(value + (spec.step if up else -spec.step))
    if following == value:
        return None
    return int(following) if spec.integer else following


def _run(runs: Callable[[Settings], object], settings: Settings) -> None:
    try:
        runs(settings)
    except Exception:  # the next run computes (and reports) it again
        logging.getLogger("lossviz").debug("work ahead failed", exc_info=True)
    finally:
        _BUSY.release()


def idle(timeout: float) -> bool:
    """Whether no work ahead runs, after waiting at most `timeout` seconds for it to end."""
    if _BUSY.acquire(timeout=timeout):
        _BUSY.release()
        return True
    return False
