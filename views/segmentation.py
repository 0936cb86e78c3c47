"""Segmentation lab: per-pixel models trained live with BCE, weighted BCE, focal, Dice, Jaccard,
Tversky and Dice + BCE on images whose objects cover a small share of the pixels."""

import streamlit as st

from lossviz import charts, masks, train, ui
from lossviz.pages_config import SEGMENTATION

page = ui.page("segmentation", SEGMENTATION)
t = page.t
DATA_SLIDERS = ("fraction", "objects", "noise", "size", "images", "seed")
FEW_PIXELS = 30  # an object smaller than this is hard to see for any loss: say so

page.title()
st.caption(t("segmentation.intro"))


def controls():
    opened = ui.settings_tab(page)
    values, params = {}, {}
    if opened == "data":
        values = ui.setting_sliders(page, DATA_SLIDERS, {"fraction": lambda value: f"{value:.1%}"})
    elif opened == "losses":
        values["losses"] = ui.choose_names(page, t("segmentation.losses"), tuple(masks.METHODS), "losses")
        params = ui.param_sliders(page, values["losses"], help_name=lambda method: masks.METHODS[method][0])
    else:
        values = ui.setting_sliders(page, ("lr", "epochs", "image"))
    return page.settings(values, params)


def object_view(data, runs):
    """Per-object recall when there are several objects: does a loss favour the large one?"""
    rows, said = masks.object_rows(data, runs)
    st.header(t("segmentation.objects_title"))
    ui.table(rows, page)
    ui.bullets(page, said)


def sweep_view(settings):
    st.header(t("segmentation.sweep"))
    st.caption(t("segmentation.sweep_help", seeds=masks.SWEEP_SEEDS))
    configured = tuple((method, settings.params_key(method)) for method in settings.losses)
    key = (settings.group("data", without=("fraction",)), configured, settings.group("training"))
    if not ui.requested(t("segmentation.sweep_run"), page.key("sweep_run"), key):
        return
    with ui.progress(lambda fraction: t("segmentation.sweep_progress", fraction=f"{fraction:.1%}")) as report:
        recall = ui.cache.foreground_sweep_of(*key, on_progress=report)
    diverged = {method: table.lost.tolist() for method, table in recall.items()}
    ui.chart(charts.sweep_figure(masks.SWEEP_FRACTIONS, recall, diverged, x_title=t("segmentation.sweep_x"),
                                 y_title=t("segmentation.sweep_y"), names=page.names(settings.losses),
                                 diverged_label=t("regression.diverged_mark"), log_x=True,
                                 revision="segmentation.sweep"), key=page.key("sweep_chart"))
    said = masks.sweep_sentences(masks.SWEEP_FRACTIONS, recall)
    if said:
        ui.bullets(page, said, intro=t("segmentation.verdict_rule", seeds=masks.SWEEP_SEEDS))
    else:
        st.info(t("segmentation.verdict_none"))


@st.fragment
def lab():
    settings = page.sidebar_settings(controls)
    if not settings.losses:
        st.info(t("regression.pick_one"))
        return
    used = masks.capped_images(settings.size, settings.images)
    if used < settings.images:
        st.warning(t("segmentation.capped", used=used, images=settings.images, size=settings.size))
    pixels = round(settings.fraction * settings.size**2)
    if pixels < FEW_PIXELS:
        st.warning(t("segmentation.few_pixels", pixels=pixels))
    data = ui.cache.segmentation_set(settings.group("data"))
    runs = [ui.cache.mask_run(settings.group("data"), method, settings.params_key(method),
                              settings.group("training")) for method in settings.losses]
    image, truth, maps_at, epochs = masks.map_frames(data, runs, settings.params_of, settings.image - 1)
    labels = {key: t(f"segmentation.{key}") for key in ("image", "truth", "push")}
    labels |= {key: t(f"regression.{key}") for key in ("epoch", "play", "pause")}
    labels["names"] = page.names(settings.losses)
    ui.chart(charts.mask_figure(image, truth, list(settings.losses), maps_at, epochs, labels=labels,
                                revision="segmentation.maps"), key=page.key("maps"))
    st.caption(t("segmentation.maps_help"))
    ui.chart(charts.history_figure([run.history for run in runs], x_title=t("regression.epoch"),
                                   y_title=t("segmentation.relative_loss"), validation_name=t("segmentation.val"),
                                   names=page.names(settings.losses),
                                   revision="segmentation.curves"), key=page.key("curves"))
    rows = masks.metric_rows(data, runs)
    st.caption(t("segmentation.metrics_help"))
    ui.table(rows, page)
    downloads = st.columns(2)
    downloads[0].download_button(t("regression.download"), lambda: train.history_csv(
        [run.history for run in runs], tuple(f"w{index}" for index in range(5)), SEGMENTATION.query(settings)),
        file_name="lossviz-segmentation.csv", mime="text/csv", key=page.key("download"))
    downloads[1].download_button(t("segmentation.download_metrics"),
                                 lambda: masks.rows_csv(rows, SEGMENTATION.query(settings)),
                                 file_name="lossviz-segmentation-metrics.csv", mime="text/csv",
                                 key=page.key("download_metrics"))
    if settings.objects > 1:
        object_view(data, runs)
    st.markdown(t("segmentation.look_for"))
    sweep_view(settings)


lab()
