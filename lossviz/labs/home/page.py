"""Home: the guide's three questions first, then a picture and a link for each lab."""

import streamlit as st

from lossviz import ui
from lossviz.labs import HOME, LABS, lab
from lossviz.labs.home.pictures import picture_svg

page = ui.page(HOME)
page.mirror()  # no settings of its own: the language alone
page.title()
st.write(page.t("home.tagline"))
with st.container(border=True):
    st.markdown(f"**{page.t('home.start')}**")
    st.markdown("\n".join(page.t(f"common.q.{question}") for question in ("task", "data", "priority")))
    st.page_link(lab("guide").script, label=page.t("home.start_link"), icon=":material/explore:")
st.write(page.t("home.intro"))
st.caption(":material/lock: " + page.t("home.privacy"))
st.header(page.t("home.pages"))
columns = st.columns(3, gap="small")
for index, entry in enumerate(entry for entry in LABS if entry.name not in (HOME, "guide")):
    with columns[index % 3].container(border=True):
        label = page.t(f"{entry.name}.picture", default="")
        svg = ui.shared(picture_svg, entry.name, label) if label else None
        if svg:
            st.image(svg, alt=label, width="stretch")
        st.page_link(entry.script, label=page.t(f"{entry.name}.nav"), icon=entry.icon)
        st.caption(page.t(f"{entry.name}.blurb"))
