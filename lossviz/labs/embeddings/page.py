"""Embeddings lab: classes mapped to 2-D by a linear map trained with the triplet loss, played back,
with one anchor's easy, semi-hard and hard negatives, and the mining strategies compared."""

from functools import partial

import streamlit as st

from lossviz import ui
from lossviz.charts.training import PLAYBACK_LABELS
from lossviz.labs.embeddings import train
from lossviz.labs.embeddings.charts import embedding_figure
from lossviz.labs.embeddings.schema import EMBEDDINGS

page = ui.page("embeddings", EMBEDDINGS)
t = page.t
TABS = ("data", "training")
DATA_SLIDERS = ("classes", "dims", "spread", "points", "seed")
TRAINING_SLIDERS = ("margin", "lr", "epochs", "anchor")
CHART = page.key("chart")  # the data sliders drag it

page.title()
page.aside("embeddings.intro")


def training_tab() -> dict:
    mining = st.radio(t("embeddings.mining"), train.MININGS, key=page.key("mining"), help=t("embeddings.mining_help"),
                      format_func=lambda name: page.name(f"mining.{name}"))
    return {"mining": mining} | ui.setting_sliders(page, TRAINING_SLIDERS)


def controls():
    return ui.tabbed_settings(page, {"data": lambda: ui.setting_sliders(page, DATA_SLIDERS, chart=CHART),
                                     "training": training_tab},
                              {name: t(f"embeddings.tab_{name}") for name in TABS})


def comparison(settings):
    st.header(t("embeddings.compare_title"))
    st.caption(t("embeddings.compare_help", seeds=train.COMPARE_SEEDS))
    key = train.mining_comparison_key(settings)
    if not ui.requested(t("embeddings.compare_run"), page.key("compare_run"), key):
        return
    with st.spinner(t("embeddings.compare_running")):
        result = ui.remembered(train.mining_comparison, *key)
    with page.reading("comparison"):
        ui.table([{**row, "mining": page.name(f"mining.{row['mining']}")} for row in result.rows()], page)
        ui.bullets(page, train.comparison_sentences(result), intro=t("embeddings.verdict_rule"))


def preview(settings, setting: str, weights):
    """What builds the chart's preview along the dragged data `setting` (the points at each stop through
    the map as trained), and its id; None where the map cannot take them (another number of dimensions)."""
    if setting not in train.PREVIEWED:
        return None
    stops, names = ui.setting_stops(page, setting, EMBEDDINGS.numbers[setting])
    key = (settings.group("data", without=(setting,)), setting, stops, tuple(map(tuple, weights.tolist())),
           settings.anchor, settings.margin, names, t("common.preview.embedding"))
    return partial(ui.cached, train.embedding_preview, *key, entries=4), repr(key)


@st.fragment
def lab():
    settings = page.sidebar_settings(controls)
    data, run = train.lab_run(settings, ui.cached)
    anchor = settings.anchor % data.y.size
    labels = {key: t(f"embeddings.{key}") for key in ("x", "y", "epoch_axis", "per_epoch", "active", "loss",
                                                      "positive", "ring_positive", "ring_margin")}
    labels["anchor"] = t("embeddings.anchor_marker")
    labels |= page.labels(PLAYBACK_LABELS) | {"epoch": labels["epoch_axis"]}  # the lab trains one batch a step
    labels["classes"] = [t("embeddings.class", number=label + 1) for label in range(data.classes)]
    frames, frames_id = ui.pressed_frames(
        page, CHART, preview_of=lambda setting: preview(settings, setting, run.maps[-1]),
        # rebuilt on a release: through the map it trains
        after_release=True, opening=train.PREVIEWED)
    ui.chart(embedding_figure(lambda epoch: train.anchor_frame(data, run.maps[epoch], anchor), data.y,
                              anchor, settings.margin, run.active, run.values, labels=labels,
                              revision="embeddings"), key=CHART, extra_frames=frames, extra_id=frames_id)
    with page.reading("run_notes"):
        ui.bullets(page, train.run_sentences(run, data, anchor, settings.margin))
    st.download_button(t("embeddings.download"), lambda: train.run_csv(run, EMBEDDINGS.query(settings)),
                       file_name="lossviz-embeddings.csv", mime="text/csv", key=page.key("download"))
    st.markdown(t("embeddings.look_for"))
    comparison(settings)
    ui.work_ahead(page, settings, partial(train.lab_run, compute=ui.cached))


lab()
