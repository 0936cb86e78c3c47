"""Regression lab: train a line with several losses on data with outliers, played back in the browser."""

from dataclasses import replace
from functools import partial

import streamlit as st

from lossviz import labs, losses, models, training, ui
from lossviz.bundled import DIABETES_FEATURES
from lossviz.charts.training import history_figure, sweep_figure
from lossviz.datasets import OUTLIER_KINDS, REGRESSION_DATA_KEYS
from lossviz.labs.regression import charts, drag, train, verdicts
from lossviz.labs.regression.schema import REGRESSION
from lossviz.losses.regression import Huber
from lossviz.models import LINE_LOSSES

page = ui.page("regression", REGRESSION)
t = page.t
DATA_SLIDERS = ("outlier_fraction", "outlier_magnitude", "noise", "n", "seed")
FIXED_BY_DATA = ("n", "noise")  # real data's own
CHART = page.key("fit_chart")  # the chart every slider of the lab drags

page.title()
page.aside("regression.intro")


def data_tab() -> dict:
    values = {"data": ui.data_source(page, "regression")}
    real = values["data"] != "synthetic"
    if real:
        values["feature"] = st.selectbox(t("common.feature"), DIABETES_FEATURES, key=page.key("feature"),
                                         format_func=lambda feature: t(f"common.feature.{feature}"))
    values["outlier_kind"] = ui.choice(page, "outlier_kind", OUTLIER_KINDS, t("common.outlier_kind"), "common.kind")
    ui.arm_first([page.key(key) for key in DATA_SLIDERS if not (real and key in FIXED_BY_DATA)])
    for key in DATA_SLIDERS:
        if not (real and key in FIXED_BY_DATA):
            values[key] = ui.drag_slider(t(f"common.{key}"), REGRESSION.numbers[key], page.key(key), chart=CHART)
    if real:
        ui.fixed_by_data(page, [t(f"common.{key}") for key in FIXED_BY_DATA])
    return values


def losses_tab() -> tuple[dict, dict]:
    chosen = ui.choose_names(page, t("regression.losses"), LINE_LOSSES, "losses")
    params = ui.param_sliders(page, chosen, chart=CHART, first_armed=False)
    if "huber" in chosen:
        noise = st.session_state.get(page.key("noise"), REGRESSION.numbers["noise"].default)
        delta = Huber.rule_of_thumb(noise)
        st.button(t("regression.huber_rule", factor=f"{Huber.RULE_FACTOR:g}", noise=f"{noise:g}",
                    product=f"{Huber.RULE_FACTOR * noise:.4g}",
                    delta=Huber.param_specs["delta"].shown(delta)), help=t("regression.huber_rule_help"),
                  key=page.key("huber_rule"), on_click=st.session_state.__setitem__,
                  args=(page.key("huber.delta"), delta))
    return {"losses": chosen}, params


def controls():
    """The settings, in three tabs; returns the Settings they describe."""
    return ui.tabbed_settings(page, {"data": data_tab, "losses": losses_tab,
                                     "training": lambda: ui.training_controls(page, chart=CHART)})


@st.fragment
def lab():
    """Everything a setting changes: moving one reruns this block (its sidebar part included), not the app."""
    settings = page.sidebar_settings(controls)
    if ui.none_chosen(page, settings.losses):
        return
    ui.source_card(page, settings.data)
    data, histories = train.line_fits(settings, ui.cached)
    fit_view(settings, data, histories)
    errors_view(settings, data, histories)
    switch_view(settings)
    sweep_view(settings)
    ui.work_ahead(page, settings, partial(train.line_fits, compute=ui.cached))


def against(key: str, settings) -> str:
    """The string `key`, or its `_real` form on real data, where errors are measured against the
    least-squares line before the outliers: real data has no true line."""
    return t(key if settings.data == "synthetic" else f"{key}_real")


def fit_view(settings, data, histories):
    choices = ["none", *settings.losses]
    if st.session_state.get(page.key("influence")) not in choices:  # the loss it showed was removed
        st.session_state[page.key("influence")] = settings.losses[0]
    pull_of = st.radio(against("regression.influence", settings), choices, key=page.key("influence"), horizontal=True,
                       format_func=lambda name: t("regression.influence_none") if name == "none" else page.name(name))
    # at the true line: how hard each point would pull a fit that was already right
    pulls = None if pull_of == "none" else models.influence(losses.get(pull_of, **settings.params_of(pull_of)), data,
                                                            data.true_params)
    labels = page.labels(charts.FIT_LABELS) | {"names": page.names(settings.losses)}
    if settings.data != "synthetic":
        labels["truth"] = t("regression.truth_real")
    frames, frames_id = ui.pressed_frames(page, CHART, lambda setting: drag_frames(settings, setting, pull_of),
                                          lambda setting: data_preview(settings, setting, pull_of),
                                          opening=DATA_SLIDERS)
    ui.chart(charts.fit_figure(data, histories, influence=pulls, labels=labels, revision="regression.fit"),
             key=CHART, extra_frames=frames, extra_id=frames_id)


def drag_frames(settings, setting: str, pull_of: str):
    """What builds the chart's frames along the dragged `setting` (the lab's data and fits at each
    stop its cost allows, affordable_stops), and what they show, as an id; None for none."""
    name, _, param = setting.rpartition(".")
    if name and (name not in settings.losses or settings.params_of(name)[param] < 0):  # not drawn, or off
        return None
    spec = ui.shown_range(REGRESSION.param_specs[name, param]) if name else REGRESSION.numbers[setting]
    data, steps = dict(settings.group("data")), dict(settings.group("training"))
    loss_params = {loss: settings.params_of(loss) for loss in settings.losses}
    stops = drag.affordable_stops(spec, data, loss_params, steps, setting)
    if not stops:
        return None
    stops = tuple(int(stop) if spec.integer else stop for stop in stops)
    # the dragged setting's own value does not matter (each stop sets it): a release keeps the frames
    data, loss_params, steps = drag.with_setting(data, loss_params, steps, setting, stops[0])
    frozen = tuple((loss, tuple(sorted(params.items()))) for loss, params in loss_params.items())
    key = (tuple(sorted(data.items())), frozen, tuple(sorted(steps.items())), setting, stops,
           tuple(ui.drag_frame(page.key(setting), stop) for stop in stops), pull_of)
    return partial(ui.cached, drag.fit_frames, *key, entries=16), repr(key)


def data_preview(settings, setting: str, pull_of: str):
    """What builds the chart's preview along the dragged `setting`, and its id; None for a training
    setting. A data setting's shows the data at each stop, a loss parameter's each point sized by its
    pull under that loss; the lines stay as trained, and are trained on the release."""
    name, _, param = setting.rpartition(".")
    if name:
        if name not in settings.losses or settings.params_of(name)[param] < 0:  # not drawn, or off
            return None
        stops, names = ui.setting_stops(page, setting, ui.shown_range(REGRESSION.param_specs[name, param]))
        key = (settings.group("data"), name, settings.params_key(name), param, stops, names,
               t("common.preview.pull"))
        return partial(ui.cached, drag.pull_preview, *key, entries=8), repr(key)
    if setting not in DATA_SLIDERS or (settings.data != "synthetic" and setting in FIXED_BY_DATA):
        return None
    stops, names = ui.setting_stops(page, setting, REGRESSION.numbers[setting])
    key = (settings.group("data", without=(setting,)), setting, stops, names, t("common.preview.data"), pull_of,
           settings.params_key(pull_of) if pull_of != "none" else ())
    return partial(ui.cached, drag.data_preview, *key, entries=8), repr(key)


def errors_view(settings, data, histories):
    table, notes = st.columns([3, 2], gap="medium")
    with table, page.reading("errors"):
        st.caption(against("regression.errors", settings))
        ui.table(models.error_rows(data, histories), page)
    diverged = [page.name(history.loss) for history in histories if history.diverged_at is not None]
    if diverged:
        notes.warning(t("common.diverged", losses=", ".join(diverged)))
    stuck = [page.name(history.loss) for history in histories if training.not_converging(history)]
    if stuck:
        notes.warning(t("regression.not_converging", losses=", ".join(stuck)))
    notes.download_button(t("common.download"),
                          lambda: training.history_csv(histories, settings=REGRESSION.query(settings)),
                          file_name="lossviz-regression.csv", mime="text/csv", key=page.key("download"))
    if settings.data != "synthetic":  # the landscape draws synthetic data only
        return
    surface_of = (*settings.losses, *settings.losses)[:2]  # the landscape draws two losses side by side
    notes.page_link(labs.lab("landscape").script, label=t("regression.see_surface"), icon=":material/landscape:",
                    query_params={**{key: value for key, value in REGRESSION.query(settings).items()
                                     if key in REGRESSION_DATA_KEYS or key.split(".")[0] in surface_of},
                                  "left": surface_of[0], "right": surface_of[1], "lang": page.lang})


def switch_view(settings):
    """A run that changes its loss at an epoch, beside both losses alone, on request."""
    st.header(t("regression.switch"))
    shown = st.radio(t("regression.switch_show"), ("off", "on"), key=page.key("switch"), horizontal=True,
                     format_func=lambda value: t(f"regression.switch_{value}"))
    if shown == "off":
        return
    fewest = train.SWITCH_EPOCHS + REGRESSION.numbers["switch_at"].step  # a slider with at least two stops
    if settings.epochs < fewest:
        st.info(t("regression.switch_too_short", epochs=fewest))
        return
    first_column, then_column, at_column = st.columns(3)
    first = first_column.selectbox(t("regression.switch_from"), LINE_LOSSES, key=page.key("switch_from"),
                                   format_func=page.name)
    then = then_column.selectbox(t("regression.switch_to"), LINE_LOSSES, key=page.key("switch_to"),
                                 format_func=page.name)
    latest = replace(REGRESSION.numbers["switch_at"], max=train.latest_switch(settings.epochs))
    st.session_state[page.key("switch_at")] = min(st.session_state.get(page.key("switch_at"), latest.default),
                                                  latest.max)
    with at_column:
        switch_at = ui.spec_slider(t("regression.switch_at"), latest, page.key("switch_at"))
    key = train.switch_key(settings, first, then, switch_at)
    histories = ui.cached(train.switch_histories, *key)
    names = {"switched": t("regression.switched", first=page.name(first), then=page.name(then), at=switch_at),
             then: t("regression.alone", name=page.name(then)), first: t("regression.alone", name=page.name(first))}
    ui.chart(history_figure(histories if first != then else histories[:2], x_title=t("common.history_x"),
                            y_title=t("common.history_y"), revision="regression.switch", names=names,
                            diverged=t("common.diverged_mark")), key=page.key("switch_chart"))
    st.caption(t("regression.switch_help"))
    runs = ui.cached(verdicts.switch_runs, *key)
    ui.bullets(page, verdicts.switch_sentences(runs), intro=t("regression.switch_rule", seeds=runs.switched.size))


def sweep_view(settings):
    st.header(t("regression.sweep"))
    st.caption(against("regression.sweep_help", settings))
    sweep_key = train.outlier_sweep_key(settings)
    if not ui.requested(t("common.sweep_run"), page.key("sweep_run"), sweep_key):
        return
    with ui.progress(lambda fraction, seed: t("regression.sweep_progress", fraction=f"{fraction:.0%}",
                                              seed=seed + 1, seeds=training.SWEEP_SEEDS)) as report:
        sweep = ui.remembered(train.outlier_sweep_of, *sweep_key, on_progress=report)
    measure = st.radio(t("regression.measure"), train.ERROR_MEASURES, key=page.key("measure"), horizontal=True,
                       format_func=lambda name: t(f"regression.measure.{name}"))
    ui.chart(sweep_figure(sweep.fractions, sweep.error[measure], sweep.diverged,
                          x_title=t("regression.sweep_x"), y_title=t(f"regression.measure.{measure}"),
                          names=page.names(settings.losses), diverged_label=t("common.diverged_mark"),
                          revision="regression.sweep"), key=page.key("sweep_chart"))
    with page.reading("sweep"):
        ui.bullets(page, verdicts.breakdown_sentences(sweep, measure), intro=t(
            "regression.verdict_rule", measure=t(f"regression.measure.{measure}"),
            threshold=verdicts.BREAKDOWN_ERROR, seeds=sweep.seeds))


lab()
with st.expander(t("common.explain")):  # static text: outside the fragment, which a slider reruns
    st.markdown(t("regression.explain_text"))
ui.mistakes(page, ("huber_delta", "mse_example", "rising_curves"))
