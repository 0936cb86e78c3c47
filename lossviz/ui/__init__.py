"""The Streamlit-aware shell: the page context, URL sync, widgets, the chart component and caches.

A lab's page reads `page = ui.page("regression", REGRESSION)`, draws its widgets with the helpers
below, calls its lab's core through `ui.cached(function, *args)`, and draws figures with `ui.chart`.
"""

from lossviz.ui.cache import LRU, cached, per_upload, remembered, session_store, shared
from lossviz.ui.page import Page, compact_layout, keep_settings, language, own_stop_only, page
from lossviz.ui.plot import chart
from lossviz.ui.slots import training_slot
from lossviz.ui.url import track_page
from lossviz.ui.widgets import (
    arm_first,
    armed,
    armed_frames,
    armed_param,
    bullets,
    choice,
    choose_names,
    drag_frame,
    drag_slider,
    mistakes,
    none_chosen,
    open_tab,
    param_sliders,
    pressed_frames,
    progress,
    requested,
    say,
    setting_sliders,
    settings_tab,
    shown_range,
    slider_step,
    spec_slider,
    tabbed_settings,
    table,
    training_controls,
)

__all__ = [
    "LRU",
    "Page",
    "arm_first",
    "armed",
    "armed_frames",
    "armed_param",
    "bullets",
    "cached",
    "chart",
    "choice",
    "choose_names",
    "compact_layout",
    "drag_frame",
    "drag_slider",
    "keep_settings",
    "language",
    "mistakes",
    "none_chosen",
    "open_tab",
    "own_stop_only",
    "page",
    "param_sliders",
    "per_upload",
    "pressed_frames",
    "progress",
    "remembered",
    "requested",
    "say",
    "session_store",
    "setting_sliders",
    "settings_tab",
    "shared",
    "shown_range",
    "slider_step",
    "spec_slider",
    "tabbed_settings",
    "table",
    "track_page",
    "training_controls",
    "training_slot",
]
