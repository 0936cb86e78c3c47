"""Home: what LossViz is, and a link to each page."""

import streamlit as st

from lossviz import ui
from lossviz.pages_config import PAGES

page = ui.page("home")
page.mirror()  # no settings of its own: the language alone
page.title()
st.write(page.t("app.tagline"))
st.write(page.t("home.intro"))
st.caption(":material/lock: " + page.t("home.privacy"))
st.header(page.t("home.pages"))
for entry in PAGES[1:]:
    st.page_link(entry.script, label=page.t(f"nav.{entry.name}"), icon=entry.icon)
    st.caption(page.t(f"home.{entry.name}"))
