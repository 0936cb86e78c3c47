"""The Streamlit-aware part of the core: the page context, URL sync, widgets, charts and caches.

A page reads `page = ui.page("regression", REGRESSION)`, draws its widgets with the helpers
below, calls the core through `ui.cache`, and draws figures with `ui.chart`.
"""

from lossviz.ui import cache
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
    choose_names,
    drag_frame,
    drag_slider,
    mistakes,
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
    table,
    training_controls,
)

__all__ = ["Page", "arm_first", "armed", "armed_frames", "armed_param", "bullets", "cache", "chart", "choose_names",
           "compact_layout", "drag_frame", "drag_slider", "keep_settings", "language", "mistakes", "open_tab",
           "own_stop_only", "page", "param_sliders", "pressed_frames", "progress", "requested", "say",
           "setting_sliders", "settings_tab", "shown_range", "slider_step", "spec_slider", "table", "track_page",
           "training_controls", "training_slot"]
