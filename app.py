"""LossViz entry point: page config, the shared sidebar, and the list of pages."""

import streamlit as st

from lossviz import ui
from lossviz.i18n import translate
from lossviz.pages_config import PAGES

# Icons: Material symbols, not emoji (an emoji makes Streamlit load its emoji catalog on a first
# run), and a favicon of our own (a Material one is fetched from an outside font server)
st.set_page_config(page_title="LossViz", page_icon="/app/static/favicon.svg", layout="wide")
ui.compact_layout()
lang = ui.language()
st.sidebar.caption(translate(lang, "sidebar.about"))

page = st.navigation([st.Page(entry.script, title=translate(lang, f"nav.{entry.name}"), icon=entry.icon,
                              url_path=entry.url_path or None, default=not entry.url_path) for entry in PAGES])
ui.track_page(page.url_path)
page.run()
ui.keep_settings()
