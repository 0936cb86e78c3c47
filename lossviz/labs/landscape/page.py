"""Landscape and monitor: the loss surface of a line fit with the optimizers' paths on it, and a
training monitor whose curves a learner learns to read."""

from functools import partial

import streamlit as st

from lossviz import ui
from lossviz.charts.training import PLAYBACK_LABELS
from lossviz.datasets import OUTLIER_KINDS
from lossviz.labs.landscape import monitor, surface
from lossviz.labs.landscape.charts import monitor_figure, surface_figure
from lossviz.labs.landscape.schema import LANDSCAPE, LANDSCAPE_VIEWS, MONITOR_TAB_KEY
from lossviz.models import LINE_LOSSES, error_rows
from lossviz.optim import OPTIMIZERS

page = ui.page("landscape", LANDSCAPE)
t = page.t
DATA_SLIDERS = ("outlier_fraction", "outlier_magnitude", "noise", "n", "seed")
PATH_SLIDERS = ("lr", "momentum", "epochs", "start_slope", "start_intercept")
MONITOR_TABS = ("data", "model", "training")
CHART = page.key("surface_chart")  # the data sliders drag it

page.title()
view = ui.open_tab(page.key("view"), {name: t(f"landscape.view_{name}") for name in LANDSCAPE_VIEWS},
                   t("landscape.view"))


def set_state(values: dict) -> None:
    """A preset: put its settings into the page's widgets (run as a button's callback, before the rerun)."""
    for key, value in values.items():
        st.session_state[page.key(key)] = value


# --- surface ----------------------------------------------------------------------------------


def data_tab() -> dict:
    values = {"features": ui.choice(page, "features", surface.FEATURE_SCALES, t("landscape.features"),
                                    "landscape.features"),
              "outlier_kind": ui.choice(page, "outlier_kind", OUTLIER_KINDS, t("common.outlier_kind"), "common.kind")}
    ui.arm_first([page.key(key) for key in DATA_SLIDERS])
    return values | {key: ui.drag_slider(t(f"common.{key}"), LANDSCAPE.numbers[key], page.key(key), chart=CHART)
                     for key in DATA_SLIDERS}


def losses_tab() -> tuple[dict, dict]:
    sides = {side: st.selectbox(t(f"landscape.{side}"), LINE_LOSSES, key=page.key(side), format_func=page.name)
             for side in ("left", "right")}
    return sides, ui.param_sliders(page, dict.fromkeys(sides.values()))


def surface_controls():
    return ui.tabbed_settings(page, {"data": data_tab, "losses": losses_tab,
                                     "training": lambda: ui.setting_sliders(page, PATH_SLIDERS)})


def presets(settings):
    """One click to the page's two set pieces: the elongated valley, and outliers under MSE and Huber."""
    valley, nag = st.columns(2)
    valley.button(t("landscape.preset_valley"), key=page.key("preset_valley"), help=t("landscape.preset_valley_help"),
                  on_click=set_state, args=({"features": "unscaled", "outlier_fraction": 0.0, "left": "mse",
                                             "right": "mae", "lr": 0.005, "epochs": 200, "start_slope": -1.0,
                                             "start_intercept": -3.0},))
    nag.button(t("landscape.preset_nag"), key=page.key("preset_nag"), help=t("landscape.preset_nag_help"),
               on_click=set_state, args=({"features": "scaled", "outlier_fraction": 0.1, "left": "mse",
                                          "right": "huber", "lr": 0.05, "momentum": 0.9, "epochs": 100},))


def surface_preview(settings, setting: str, sides, start):
    """What builds the surfaces' preview along the dragged data `setting` (the surfaces at each stop on a
    coarser grid, the paths hidden), and its id; None for another setting."""
    if setting not in DATA_SLIDERS:
        return None
    stops, names = ui.setting_stops(page, setting, LANDSCAPE.numbers[setting])
    key = (settings.group("data", without=(setting,)), setting, stops,
           tuple((name, settings.params_key(name)) for name in sides), start, len(OPTIMIZERS), names,
           t("common.preview.surface"))
    return partial(ui.cached, surface.surface_preview, *key, entries=4), repr(key)


@st.fragment
def surface_view():
    settings = page.sidebar_settings(surface_controls)
    page.aside("landscape.surface_intro")
    presets(settings)
    data, by_loss, surfaces = surface_runs(settings)
    start = (settings.start_slope, settings.start_intercept)
    sides, runs = list(by_loss), list(by_loss.values())
    labels = {key: t(f"landscape.{key}") for key in ("slope", "intercept", "loss", "truth", "start", "lowest")}
    labels |= page.labels(PLAYBACK_LABELS)
    labels |= {"diverged": t("common.diverged_mark"), "optimizers": {name: t(f"optimizer.{name}") for name in
                                                                     OPTIMIZERS},
               "titles": [page.name(name) for name in sides]}
    frames, frames_id = ui.pressed_frames(
        page, CHART, preview_of=lambda setting: surface_preview(settings, setting, sides, start))
    ui.chart(surface_figure(surfaces, runs, truth=data.true_params, start=start, labels=labels,
                            revision=f"landscape.surface.{settings.features}"), key=CHART, extra_frames=frames,
             extra_id=frames_id)
    diverged = [t("landscape.diverged_one", optimizer=t(f"optimizer.{optimizer}"), loss=page.name(name),
                  step=history.diverged_at)
                for name, run in by_loss.items() for optimizer, history in run.items()
                if history.diverged_at is not None]
    if diverged:
        st.warning(t("landscape.diverged", runs="; ".join(diverged)))
    table, notes = st.columns([3, 2], gap="medium")
    with table, page.reading("paths"):
        st.caption(t("landscape.paths_table"))
        rows = surface.path_rows(by_loss, data)
        ui.table([{**row, "optimizer": t(f"optimizer.{row['optimizer']}")} for row in rows], page)
    notes.download_button(t("common.download"), lambda: surface.paths_csv(by_loss, LANDSCAPE.query(settings)),
                          file_name="lossviz-landscape.csv", mime="text/csv", key=page.key("download"))
    notes.markdown(" ".join([t("landscape.look_for"), *(t(f"landscape.surface_of.{name}") for name in sides),
                             t("landscape.look_for_paths")]))
    st.header(t("landscape.nag_title"))
    st.caption(t("landscape.nag_help"))
    nag_key = surface.nag_key(settings)
    if ui.requested(t("landscape.nag_run"), page.key("nag_run"), nag_key):
        runs = ui.cached(surface.nag_runs, *nag_key, entries=32)
        with page.reading("nag"):
            ui.table(error_rows(data, runs), page)
            ui.bullets(page, surface.nag_sentences(runs, data, lr=settings.lr, epochs=settings.epochs))
    ui.work_ahead(page, settings, surface_runs)


def surface_runs(settings) -> tuple:
    """What the surface view computes at `settings`: (data, {loss: {optimizer: History}}, each loss's surface)."""
    data, by_loss = surface.lab_paths(settings, ui.cached)
    box = surface.window([(settings.start_slope, settings.start_intercept), tuple(data.true_params)])
    return data, by_loss, [ui.cached(surface.loss_surface, settings.group("data"), name, settings.params_key(name), box)
                           for name in by_loss]


# --- monitor ----------------------------------------------------------------------------------


def monitor_training_tab() -> dict:
    values = {"optimizer": st.selectbox(t("common.optimizer"), OPTIMIZERS, key=page.key("optimizer"),
                                        format_func=lambda name: t(f"optimizer.{name}"))}
    uses_momentum = values["optimizer"] in ("momentum", "nag")
    return values | ui.setting_sliders(page, ("monitor_lr", *(("momentum",) * uses_momentum), "monitor_epochs",
                                              "patience"))


def monitor_controls():
    return ui.tabbed_settings(page, {
        "data": lambda: ui.setting_sliders(page, ("train_points", "curve_noise", "seed")),
        "model": lambda: ui.setting_sliders(page, ("degree", "weight_decay")), "training": monitor_training_tab},
        {name: t(f"landscape.tab_{name}") for name in MONITOR_TABS}, MONITOR_TAB_KEY)


def diagnosis_table():
    """The four shapes a pair of curves takes, what each means, and a preset that shows it."""
    st.header(t("landscape.diagnosis_title"))
    st.caption(t("landscape.diagnosis_help"))
    for kind in monitor.DIAGNOSES:
        name, signs, remedy, button = st.columns([2, 4, 4, 2], vertical_alignment="center")
        name.markdown(f"**{t(f'landscape.kind.{kind}')}**")
        signs.write(t(f"landscape.signs.{kind}"))
        remedy.write(t(f"landscape.remedy.{kind}"))
        button.button(t("landscape.show_me"), key=page.key(f"preset_{kind}"),
                      help=t("landscape.show_me_help", kind=t(f"landscape.kind.{kind}")),
                      on_click=set_state, args=(monitor.preset_settings(kind),))


@st.fragment
def monitor_view():
    settings = page.sidebar_settings(monitor_controls)
    page.aside("landscape.monitor_intro")
    data, run = monitor.monitored(settings, ui.cached)
    stop = monitor.stopping(run, settings.patience)
    fits = monitor.monitor_fits(run, stop[0])
    labels = {key: t(f"landscape.chart_{key}") for key in ("loss", "train", "validation", "best", "stop", "diverged",
                                                           "truth", "train_points", "val_points", "best_fit",
                                                           "last_fit")}
    labels |= {"epoch": t("common.epoch"), "x": "x", "y": "y"}
    ui.chart(monitor_figure(run, data, stop, fits, labels=labels, revision="landscape.monitor"),
             key=page.key("monitor_chart"))
    diagnosis = monitor.diagnose(run, data.noise)
    with page.reading("diagnosis"):
        ui.bullets(page, monitor.monitor_sentences(diagnosis, stop, settings.patience, run.epochs_run),
                   intro=t("landscape.verdict_intro"))
        st.caption(monitor.rule(page.lang, settings.patience))
    st.download_button(t("common.download"), lambda: monitor.monitor_csv(run, LANDSCAPE.query(settings)),
                       file_name="lossviz-monitor.csv", mime="text/csv", key=page.key("monitor_download"))
    ui.work_ahead(page, settings, partial(monitor.monitored, compute=ui.cached))


if view == "monitor":
    monitor_view()
    diagnosis_table()  # outside the fragment: the same on every run, and 22 elements a slider need not redraw
else:
    surface_view()
