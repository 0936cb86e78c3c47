"""LossViz entry point: page config, the shared sidebar, and the list of pages."""

import streamlit as st

from lossviz import ui
from lossviz.i18n import translate

st.set_page_config(page_title="LossViz", page_icon="📉", layout="wide")
lang = ui.language()
st.sidebar.caption(translate(lang, "sidebar.about"))

pages = [
    st.Page("views/home.py", title=translate(lang, "nav.home"), icon="🏠", url_path="home", default=True),
    st.Page("views/gallery.py", title=translate(lang, "nav.gallery"), icon="📈", url_path="gallery"),
]
st.navigation(pages).run()
