"""The Streamlit-aware shell: the page context, URL sync, widgets, the chart component and caches.

A lab's page reads `page = ui.page("regression", REGRESSION)`, draws its widgets with the helpers
below, calls its lab's core through `ui.cached(function, *args)`, and draws figures with `ui.chart`.
"""

from lossviz.ui.ahead import work_ahead
from lossviz.ui.cache import LRU, cached, per_upload, remembered, session_store, shared
from lossviz.ui.drag import (
    arm_first,
    armed,
    armed_frames,
    armed_param,
    drag_frame,
    drag_slider,
    pressed_frames,
    setting_stops,
    shown_range,
)
from lossviz.ui.page import Page, compact_layout, keep_settings, language, own_stop_only, page, run_page
from lossviz.ui.plot import chart, full_run
from lossviz.ui.slots import training_slot
from lossviz.ui.turns import queue_notice, session_id
from lossviz.ui.url import track_page
from lossviz.ui.widgets import (
    bullets,
    choice,
    choose_names,
    data_source,
    fixed_by_data,
    mistakes,
    none_chosen,
    open_tab,
    param_sliders,
    progress,
    report_table,
    requested,
    say,
    setting_sliders,
    settings_tab,
    slider_step,
    source_card,
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
    "data_source",
    "drag_frame",
    "drag_slider",
    "fixed_by_data",
    "full_run",
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
    "queue_notice",
    "remembered",
    "report_table",
    "requested",
    "run_page",
    "say",
    "session_id",
    "session_store",
    "setting_sliders",
    "setting_stops",
    "settings_tab",
    "shared",
    "shown_range",
    "slider_step",
    "source_card",
    "spec_slider",
    "tabbed_settings",
    "table",
    "track_page",
    "training_controls",
    "training_slot",
    "work_ahead",
]
