"""Distributions lab: a Gaussian fitted to a mixture by forward KL, reverse KL and Jensen-Shannon, played
back; and the softened targets of knowledge distillation and the T² that keeps their gradient in scale."""

from functools import partial

import streamlit as st

from lossviz import ui
from lossviz.labs.distributions import fit as divergences
from lossviz.labs.distributions.charts import distillation_figure, divergence_fit_figure
from lossviz.labs.distributions.distill import distillation
from lossviz.labs.distributions.schema import DISTRIBUTION_VIEWS, DISTRIBUTIONS
from lossviz.training import history_csv

page = ui.page("distributions", DISTRIBUTIONS)
t = page.t
FIT_TABS = ("target", "fit")

page.title()
view = ui.open_tab(page.key("view"), {name: t(f"distributions.view_{name}") for name in DISTRIBUTION_VIEWS},
                   t("distributions.view"))


CHART = page.key("kl_chart")  # the target sliders drag it


def kl_controls():
    return ui.tabbed_settings(page, {
        "target": lambda: ui.setting_sliders(page, divergences.TARGET_KEYS, chart=CHART),
        "fit": lambda: ui.setting_sliders(page, ("start_mean", "lr", "epochs"))},
        {name: t(f"distributions.tab_{name}") for name in FIT_TABS})


@st.fragment
def kl_view():
    settings = page.sidebar_settings(kl_controls)
    page.aside("distributions.kl_intro")
    target = divergences.mixture(modes=settings.modes, separation=settings.separation,
                                 first_weight=settings.first_weight)
    fits = kl_fits(settings)
    labels = {"x": "x", "y": t("distributions.probability"), "target": t("distributions.target"),
              "epoch": t("common.epoch"), "play": t("common.play"), "pause": t("common.pause"),
              "names": {kind: t(f"distributions.divergence.{kind}") for kind in divergences.DIVERGENCES}}
    frames, frames_id = ui.pressed_frames(
        page, CHART, preview_of=lambda setting: target_preview(settings, setting, fits),
        # rebuilt on a release: they keep the new fits' peak in view
        after_release=True, opening=divergences.TARGET_KEYS)
    ui.chart(divergence_fit_figure(divergences.GRID, target, fits, divergences.gaussian, labels=labels,
                                   revision="distributions.kl"), key=CHART, extra_frames=frames, extra_id=frames_id)
    centres = divergences.mode_centres(settings.modes, settings.separation)
    with page.reading("coverage"):
        ui.bullets(page, divergences.coverage_sentences(fits, centres) + divergences.overlap_sentences(fits),
                   intro=t("distributions.covers_intro", share=f"{divergences.COVERED:.0%}"))
    diverged = [t(f"distributions.divergence.{kind}") for kind, run in fits.items() if run.diverged_at is not None]
    if diverged:
        st.warning(t("common.diverged", losses=", ".join(diverged)))
    st.download_button(t("common.download"), lambda: history_csv(list(fits.values()), ("mean", "log_std"),
                                                                 DISTRIBUTIONS.query(settings)),
                       file_name="lossviz-distributions.csv", mime="text/csv", key=page.key("download"))
    st.markdown(t("distributions.kl_look_for"))
    ui.work_ahead(page, settings, kl_fits)


def kl_fits(settings) -> dict:
    """The three fits to the target at `settings`, by divergence."""
    return ui.cached(divergences.divergence_fits, settings.group("target"), settings.group("fit"))


def target_preview(settings, setting: str, fits: dict):
    """What builds the fit chart's preview along the dragged target `setting` (the target at each stop, the
    fits as they are), and its id; None for another setting."""
    if setting not in divergences.TARGET_KEYS:
        return None
    stops, names = ui.setting_stops(page, setting, DISTRIBUTIONS.numbers[setting])
    top = max(float(divergences.gaussian(*run.params[run.epochs_run]).max()) for run in fits.values())
    key = (settings.group("target", without=(setting,)), setting, stops, names, t("common.preview.target"),
           round(top, 6))
    return partial(ui.cached, divergences.target_preview, *key, entries=8), repr(key)


@st.fragment
def distill_view():
    settings = page.sidebar_settings(lambda: page.settings(ui.setting_sliders(page, ("temperature", "confidence")), {}))
    page.aside("distributions.distill_intro")
    temperature = settings.temperature
    shown = ui.cached(distillation, confidence=settings.confidence, temperature=temperature)
    classes = [t("distributions.class", number=index + 1) for index in range(len(shown.sharp))]
    labels = {key: t(f"distributions.{key}") for key in ("probability", "temperature", "gradient", "raw", "scaled")}
    labels["class"] = t("distributions.class_axis")
    labels |= {"sharp": t("distributions.sharp"), "soft": t("distributions.soft", temperature=f"{temperature:g}")}
    ui.chart(distillation_figure(classes, shown.sharp, shown.soft, shown.scale, temperature, labels=labels,
                                 revision="distributions.distill"), key=page.key("distill_chart"))
    ui.table([{**row, "student": t(f"distributions.student.{row['student']}")} for row in shown.rows], page)
    with page.reading("distill_notes"):
        ui.bullets(page, shown.sentences)

if view == "distill":
    distill_view()
else:
    kl_view()
