"""Segmentation lab: per-pixel models trained live with BCE, weighted BCE, focal, Dice, Jaccard,
Tversky and Dice + BCE on images whose objects cover a small share of the pixels."""

from functools import partial

import streamlit as st

from lossviz import ui
from lossviz.charts.training import PLAYBACK_LABELS, history_figure, sweep_figure
from lossviz.labs.segmentation import train
from lossviz.labs.segmentation.charts import mask_figure
from lossviz.labs.segmentation.schema import SEGMENTATION
from lossviz.labs.segmentation.verdicts import JUDGED_AT, sweep_sentences
from lossviz.training import history_csv

page = ui.page("segmentation", SEGMENTATION)
t = page.t
DATA_SLIDERS = ("fraction", "objects", "noise", "size", "images", "seed")
FEW_PIXELS = 30  # an object smaller than this is hard to see for any loss: say so
CHART = page.key("maps")  # the data sliders drag it

page.title()
page.aside("segmentation.intro")


def losses_tab() -> tuple[dict, dict]:
    chosen = ui.choose_names(page, t("segmentation.losses"), tuple(train.METHODS), "losses")
    return {"losses": chosen}, ui.param_sliders(page, chosen, help_name=lambda method: train.METHODS[method][0])


def controls():
    return ui.tabbed_settings(page, {
        "data": lambda: ui.setting_sliders(page, DATA_SLIDERS, {"fraction": lambda value: f"{value:.1%}"},
                                           chart=CHART),
        "losses": losses_tab, "training": lambda: ui.setting_sliders(page, ("lr", "epochs", "image"))})


def object_view(data, runs):
    """Per-object recall when there are several objects: does a loss favour the large one?"""
    rows, said = train.object_rows(data, runs)
    st.header(t("segmentation.objects_title"))
    ui.table(rows, page)
    ui.bullets(page, said)


def sweep_view(settings):
    st.header(t("segmentation.sweep"))
    st.caption(t("segmentation.sweep_help", seeds=train.SWEEP_SEEDS))
    key = train.foreground_sweep_key(settings)
    if not ui.requested(t("segmentation.sweep_run"), page.key("sweep_run"), key):
        return
    with ui.progress(lambda fraction: t("segmentation.sweep_progress", fraction=f"{fraction:.1%}")) as report:
        recall = ui.remembered(train.foreground_sweep_of, *key, on_progress=report)
    diverged = {method: table.lost.tolist() for method, table in recall.items()}
    ui.chart(sweep_figure(train.SWEEP_FRACTIONS, recall, diverged, x_title=t("segmentation.sweep_x"),
                          y_title=t("segmentation.sweep_y"), names=page.names(settings.losses),
                          diverged_label=t("common.diverged_mark"), log_x=True,
                          revision="segmentation.sweep"), key=page.key("sweep_chart"))
    st.caption(t("segmentation.sweep_sizes"))
    ui.table(train.sweep_rows(dict(settings.group("data"))), page)
    said = sweep_sentences(train.SWEEP_FRACTIONS, recall, settings.size)
    if said:
        with page.reading("sweep_verdicts"):
            ui.bullets(page, said, intro=t("segmentation.verdict_rule", seeds=train.SWEEP_SEEDS,
                                           fractions=JUDGED_AT))
    else:
        st.info(t("segmentation.verdict_none"))


def preview(settings, setting: str, runs):
    """What builds the maps' preview along the dragged data `setting` (this value's image through the
    models as trained), and its id; None for another setting."""
    if setting not in DATA_SLIDERS:
        return None
    stops, names = ui.setting_stops(page, setting, SEGMENTATION.numbers[setting])
    key = (settings.group("data", without=(setting,)), setting, stops, train.trained_models(runs),
           tuple((method, settings.params_key(method)) for method in settings.losses), settings.image - 1, names,
           t("common.preview.forward"))
    return partial(ui.cached, train.forward_preview, *key, entries=4), repr(key)


@st.fragment
def lab():
    settings = page.sidebar_settings(controls)
    if ui.none_chosen(page, settings.losses):
        return
    used = train.capped_images(settings.size, settings.images)
    if used < settings.images:
        st.warning(t("segmentation.capped", used=used, images=settings.images, size=settings.size))
    pixels = round(settings.fraction * settings.size**2)
    if pixels < FEW_PIXELS:
        st.warning(t("segmentation.few_pixels", pixels=pixels))
    data, runs = train.mask_runs(settings, ui.cached)
    image, truth, maps_at, epochs = train.map_frames(data, runs, settings.params_of, settings.image - 1)
    labels = {key: t(f"segmentation.{key}") for key in ("image", "truth", "push")}
    labels |= page.labels(PLAYBACK_LABELS)
    labels["names"] = page.names(settings.losses)
    # rebuilt on a release: through the models it trains; the armed slider's alone (maps weigh more than lines)
    frames, frames_id = ui.pressed_frames(
        page, CHART, preview_of=lambda setting: preview(settings, setting, runs), after_release=True)
    ui.chart(mask_figure(image, truth, list(settings.losses), maps_at, epochs, labels=labels,
                         revision="segmentation.maps"), key=CHART, extra_frames=frames, extra_id=frames_id)
    st.caption(t("segmentation.maps_help"))
    ui.chart(history_figure([run.history for run in runs], x_title=t("common.epoch"),
                            y_title=t("segmentation.relative_loss"), validation_name=t("segmentation.val"),
                            names=page.names(settings.losses),
                            revision="segmentation.curves"), key=page.key("curves"))
    rows = train.metric_rows(data, runs)
    with page.reading("metrics"):
        st.caption(t("segmentation.metrics_help"))
        ui.table(rows, page)
    downloads = st.columns(2)
    downloads[0].download_button(t("common.download"), lambda: history_csv(
        [run.history for run in runs], tuple(f"w{index}" for index in range(5)), SEGMENTATION.query(settings)),
        file_name="lossviz-segmentation.csv", mime="text/csv", key=page.key("download"))
    downloads[1].download_button(t("segmentation.download_metrics"),
                                 lambda: train.rows_csv(rows, SEGMENTATION.query(settings)),
                                 file_name="lossviz-segmentation-metrics.csv", mime="text/csv",
                                 key=page.key("download_metrics"))
    if settings.objects > 1:
        object_view(data, runs)
    st.markdown(t("segmentation.look_for"))
    sweep_view(settings)
    ui.work_ahead(page, settings, partial(train.mask_runs, compute=ui.cached))


lab()
