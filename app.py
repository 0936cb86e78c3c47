"""LossViz entry point: page config, the shared sidebar, and the list of pages."""

import streamlit as st

from lossviz import ui
from lossviz.i18n import translate

# Icons: no emoji (Streamlit would load its emoji catalog on a first run, ~0.2 s of a cold start)
# and a favicon of our own (a Material one is fetched from Google's font server)
st.set_page_config(page_title="LossViz", page_icon="/app/static/favicon.svg", layout="wide")
ui.compact_layout()
lang = ui.language()
st.sidebar.caption(translate(lang, "sidebar.about"))

pages = [
    st.Page("views/home.py", title=translate(lang, "nav.home"), icon=":material/home:", default=True),  # served at /
    st.Page("views/gallery.py", title=translate(lang, "nav.gallery"), icon=":material/ssid_chart:",
            url_path="gallery"),
    st.Page("views/regression.py", title=translate(lang, "nav.regression"), icon=":material/scatter_plot:",
            url_path="regression"),
    st.Page("views/classification.py", title=translate(lang, "nav.classification"), icon=":material/balance:",
            url_path="classification"),
]
page = st.navigation(pages)
ui.track_page(page.url_path)
page.run()
