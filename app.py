"""LossViz entry point: page config, the shared sidebar, and the labs as pages (lossviz.labs.LABS)."""

import streamlit as st

from lossviz import ui
from lossviz.i18n import translate
from lossviz.labs import LABS

# Icons: Material symbols, not emoji (an emoji makes Streamlit load its emoji catalog on a first run), and a
# favicon of our own (a Material one is fetched from an outside font server)
st.set_page_config(page_title="LossViz", page_icon="/app/static/favicon.svg", layout="wide")
ui.compact_layout()
ui.full_run()
lang = ui.language()
st.sidebar.caption(translate(lang, "sidebar.about"))

page = st.navigation([st.Page(lab.script, title=translate(lang, f"{lab.name}.nav"), icon=lab.icon,
                              url_path=lab.url_path or None, default=not lab.url_path) for lab in LABS])
ui.track_page(page.url_path)
ui.run_page(page)
ui.keep_settings()
