"""LossViz entry point: page config, the shared sidebar, and the list of pages."""

import streamlit as st

from lossviz import ui
from lossviz.i18n import translate

st.set_page_config(page_title="LossViz", page_icon="📉", layout="wide")
ui.compact_layout()
lang = ui.language()
st.sidebar.caption(translate(lang, "sidebar.about"))

pages = [
    st.Page("views/home.py", title=translate(lang, "nav.home"), icon="🏠", default=True),  # served at /
    st.Page("views/gallery.py", title=translate(lang, "nav.gallery"), icon="📈", url_path="gallery"),
    st.Page("views/regression.py", title=translate(lang, "nav.regression"), icon="📏", url_path="regression"),
    st.Page("views/classification.py", title=translate(lang, "nav.classification"), icon="⚖️",
            url_path="classification"),
]
st.navigation(pages).run()
