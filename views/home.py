"""Home: the guide's three questions first, then a picture and a link for each page."""

import streamlit as st

from lossviz import ui
from lossviz.pages_config import PAGES

page = ui.page("home")
page.mirror()  # no settings of its own: the language alone
page.title()
st.write(page.t("app.tagline"))
with st.container(border=True):
    st.markdown(f"**{page.t('home.start')}**")
    st.markdown("\n".join(page.t(f"guide.q.{question}") for question in ("task", "data", "priority")))
    st.page_link("views/guide.py", label=page.t("home.start_link"), icon=":material/explore:")
st.write(page.t("home.intro"))
st.caption(":material/lock: " + page.t("home.privacy"))
st.header(page.t("home.pages"))
columns = st.columns(3, gap="small")
for index, entry in enumerate(entry for entry in PAGES if entry.name not in ("home", "guide")):
    with columns[index % 3].container(border=True):
        label = page.t(f"home.picture.{entry.name}")
        st.image(ui.cache.preview(entry.name, label), alt=label, width="stretch")
        st.page_link(entry.script, label=page.t(f"nav.{entry.name}"), icon=entry.icon)
        st.caption(page.t(f"home.{entry.name}"))
