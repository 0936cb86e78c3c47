"""Embeddings lab: classes mapped to 2-D by a linear map trained with the triplet loss, played back,
with one anchor's easy, semi-hard and hard negatives, and the mining strategies compared."""

import streamlit as st

from lossviz import charts, embeddings, ui
from lossviz.pages_config import EMBEDDINGS

page = ui.page("embeddings", EMBEDDINGS)
t = page.t
TABS = ("data", "training")
DATA_SLIDERS = ("classes", "dims", "spread", "points", "seed")
TRAINING_SLIDERS = ("margin", "lr", "epochs", "anchor")

page.title()
st.caption(t("embeddings.intro"))


def controls():
    opened = ui.settings_tab(page, {name: t(f"embeddings.tab_{name}") for name in TABS})
    if opened == "data":
        return page.settings(ui.setting_sliders(page, DATA_SLIDERS), {})
    values = {"mining": st.radio(t("embeddings.mining"), embeddings.MININGS, key=page.key("mining"),
                                 format_func=lambda name: page.name(f"mining.{name}"),
                                 help=t("embeddings.mining_help"))}
    values.update(ui.setting_sliders(page, TRAINING_SLIDERS))
    return page.settings(values, {})


def comparison(settings):
    st.header(t("embeddings.compare_title"))
    st.caption(t("embeddings.compare_help", seeds=embeddings.COMPARE_SEEDS))
    key = (settings.group("data"), settings.group("training", without=("mining",)))
    if not ui.requested(t("embeddings.compare_run"), page.key("compare_run"), key):
        return
    with st.spinner(t("embeddings.compare_running")):
        result = ui.cache.mining_comparison(*key)
    ui.table([{**row, "mining": page.name(f"mining.{row['mining']}")} for row in result.rows()], page)
    ui.bullets(page, embeddings.comparison_sentences(result), intro=t("embeddings.verdict_rule"))


@st.fragment
def lab():
    settings = page.sidebar_settings(controls)
    data = ui.cache.embedding_set(settings.group("data"))
    run = ui.cache.embedding_run(settings.group("data"), settings.group("training"))
    anchor = settings.anchor % data.y.size
    labels = {key: t(f"embeddings.{key}") for key in ("x", "y", "epoch_axis", "per_epoch", "active", "loss",
                                                      "positive", "ring_positive", "ring_margin")}
    labels["anchor"] = t("embeddings.anchor_marker")
    labels |= {key: t(f"regression.{key}") for key in ("epoch", "play", "pause")}
    labels["classes"] = [t("embeddings.class", number=label + 1) for label in range(data.classes)]
    ui.chart(charts.embedding_figure(lambda epoch: embeddings.anchor_frame(data, run.maps[epoch], anchor), data.y,
                                     anchor, settings.margin, run.active, run.values, labels=labels,
                                     revision="embeddings"), key=page.key("chart"))
    ui.bullets(page, embeddings.run_sentences(run, data, anchor, settings.margin))
    st.download_button(t("embeddings.download"), lambda: embeddings.run_csv(run, EMBEDDINGS.query(settings)),
                       file_name="lossviz-embeddings.csv", mime="text/csv", key=page.key("download"))
    st.markdown(t("embeddings.look_for"))
    comparison(settings)


lab()
