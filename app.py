"""LossViz entry point: page config, the shared sidebar, and the list of pages."""

import streamlit as st

from lossviz import ui
from lossviz.i18n import translate

# Material icons, not emoji: an emoji makes Streamlit compile its emoji catalog on the first run
st.set_page_config(page_title="LossViz", page_icon=":material/ssid_chart:", layout="wide")
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
st.navigation(pages).run()
