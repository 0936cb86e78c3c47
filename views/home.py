"""Home: what LossViz is, and a link to each page."""

import streamlit as st

from lossviz.i18n import translate

lang = st.session_state["lang"]
st.title(translate(lang, "app.title"))
st.write(translate(lang, "app.tagline"))
st.write(translate(lang, "home.intro"))
st.subheader(translate(lang, "home.pages"))
st.page_link("views/gallery.py", label=translate(lang, "nav.gallery"), icon="📈")
st.caption(translate(lang, "home.gallery"))
st.page_link("views/regression.py", label=translate(lang, "nav.regression"), icon="📏")
st.caption(translate(lang, "home.regression"))
st.page_link("views/classification.py", label=translate(lang, "nav.classification"), icon="⚖️")
st.caption(translate(lang, "home.classification"))
