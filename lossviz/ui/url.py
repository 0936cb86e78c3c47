"""A page's settings in the URL: restored from it on a shared link, Back or Forward, and a return
to the page; written back after every change; repairs to a hostile or broken value kept as Notices."""

from __future__ import annotations

import contextlib
from urllib.parse import urlencode

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lossviz.i18n import DEFAULT_LANGUAGE
from lossviz.state import GLOBAL_KEYS, LANG_KEY, SWITCH_SUFFIX, Notice, Schema

PAGE_KEY, OPENED_KEY = "page", "page.opened"  # see track_page
NOTICES_KEY = "notices"


def current_language() -> str:
    """The language the visitor chose (the sidebar's switch, or the URL's lang= before it is drawn)."""
    return st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)


def is_history_navigation() -> bool:
    """Whether this run follows the browser's Back or Forward button."""
    context = get_script_run_ctx()
    return context is not None and context.is_history_navigation


def track_page(path: str) -> None:
    """Note whether this run opens the page at `path` (a first visit, or one from another page) or
    reruns it, for query_to_restore."""
    st.session_state[OPENED_KEY] = st.session_state.get(PAGE_KEY) != path
    st.session_state[PAGE_KEY] = path


def is_opening() -> bool:
    """Whether this run opens its page (a link, the navigation) or follows Back or Forward: the runs
    whose URL, not the page's widgets, says what the page shows."""
    return st.session_state.get(OPENED_KEY, True) or is_history_navigation()


def query_to_restore(prefix: str) -> dict[str, str] | None:
    """The query parameters to set a page's widgets from at the start of its run, or None when its
    widgets hold its settings (a rerun of the page).

    From the URL whenever it names settings: a shared link, a link from another page that carries
    settings, Back or Forward (the view follows the history entry, so it and its link agree). From
    the settings the page last wrote into the URL when the visitor comes back to it through the
    navigation, which leaves a page's settings out of the URL (and Streamlit drops a page's widgets
    while another page runs)."""
    if not is_opening():
        return None
    url = {key: value for key, value in st.query_params.to_dict().items() if key not in GLOBAL_KEYS}
    stored = st.session_state.get(prefix + "query")
    return dict(stored) if stored is not None and not url else url


def restore(prefix: str, schema: Schema, query: dict[str, str] | None = None) -> None:
    """On a shared link, Back, Forward or a return to the page: put the settings the URL names (or
    `query`, a lesson step's) repaired where needed, into the session state of the page's widgets,
    keyed `prefix + key`."""
    query = query if query is not None else query_to_restore(prefix)
    if query is None:
        return
    settings, notices = schema.parse(query)
    for key, value in settings.values.items():
        st.session_state[prefix + key] = list(value) if isinstance(value, tuple) else value
    for (name, key), spec in schema.param_specs.items():
        value, widget_key = settings.params[name][key], f"{prefix}{name}.{key}"
        if spec.switch:  # a switch and a slider over [0, max]: the slider keeps its last value while off
            st.session_state[widget_key + SWITCH_SUFFIX] = value >= 0
            if value < 0:
                continue
        st.session_state[widget_key] = value
    add_notices(notices)


def keep_widget_values(prefix: str, schema: Schema) -> None:
    """Store again the values of the page's setting widgets that this run has not drawn (yet): Streamlit
    forgets the value of a widget that a run does not draw (another view's, a closed tab's)."""
    for key in schema.widget_keys():
        if prefix + key in st.session_state:
            with contextlib.suppress(StreamlitAPIException):  # drawn in this run: Streamlit keeps it
                st.session_state[prefix + key] = st.session_state[prefix + key]


# Replaces the browser's current history entry's query (history.replaceState), where
# st.query_params would push a new entry.
_REPLACE_QUERY = st.components.v2.component("lossviz.url", isolate_styles=False, js="""
export default function ({ data }) {
  const query = new TextDecoder().decode(data);
  const url = location.pathname + (query ? "?" + query : "");
  if (location.pathname + location.search !== url) history.replaceState(history.state, "", url);
}""")


def mirror_in_url(prefix: str, query: dict[str, str], lang: str, lesson: dict[str, str] | None = None) -> None:
    """Write a page's settings (`query`), the lesson step it plays (`lesson`) and the language into the URL, in
    one write and only when the URL does not hold them already (each write costs a round trip to the browser), and keep
    them for query_to_restore. A change of settings adds a history entry; the page's opening run
    replaces the entry that opening the page (a link, the navigation, Back) has just made."""
    st.session_state[prefix + "query"] = query
    wanted = {**query, **(lesson or {}), LANG_KEY: lang}
    opening = st.session_state.get(OPENED_KEY, True)
    st.session_state[OPENED_KEY] = False  # the fragment runs that follow change settings: they add entries
    if st.query_params.to_dict() == wanted:
        return
    if opening:
        with st.sidebar:
            _REPLACE_QUERY(data=urlencode(wanted, doseq=True).encode(), key="lossviz.url")  # bytes: sent as they are
    else:
        st.query_params.from_dict(wanted)


def add_notices(notices: list[Notice]) -> None:
    st.session_state.setdefault(NOTICES_KEY, []).extend(notices)


def pop_notices() -> list[Notice]:
    return st.session_state.pop(NOTICES_KEY, [])
