"""Home: what LossViz is, and a link to each page."""

import streamlit as st

from lossviz import ui
from lossviz.i18n import translate

lang = st.session_state["lang"]
ui.mirror_in_url("home.", {}, lang)  # no settings of its own: the language alone
st.title(translate(lang, "app.title"))
st.write(translate(lang, "app.tagline"))
st.write(translate(lang, "home.intro"))
st.subheader(translate(lang, "home.pages"))
st.page_link("views/gallery.py", label=translate(lang, "nav.gallery"), icon=":material/ssid_chart:")
st.caption(translate(lang, "home.gallery"))
st.page_link("views/regression.py", label=translate(lang, "nav.regression"), icon=":material/scatter_plot:")
st.caption(translate(lang, "home.regression"))
st.page_link("views/classification.py", label=translate(lang, "nav.classification"), icon=":material/balance:")
st.caption(translate(lang, "home.classification"))
