"""Regression lab: train a line with several losses on data with outliers, played back in the browser."""

import streamlit as st

from lossviz import charts, losses, state, ui
from lossviz.data import OUTLIER_KINDS
from lossviz.i18n import translate
from lossviz.train import ERROR_MEASURES, history_csv, influence, parameter_error

lang = st.session_state["lang"]
PREFIX = "regression."
DATA_SLIDERS = ("outlier_fraction", "outlier_magnitude", "noise", "n", "seed")


def t(key, **values):
    return translate(lang, key, **values)


query = ui.query_to_restore(PREFIX)
if query is not None:  # a shared link, Back or Forward, or a return to the lab
    restored, notices = state.parse_lab(state.REGRESSION, query)
    ui.restore_widgets(PREFIX, restored)
    ui.add_notices(notices)

st.title(t("regression.title"))
ui.show_notices(lang)
st.caption(t("regression.intro"))


def controls():
    """The settings, in three tabs; returns the LabSettings they describe."""
    opened = ui.settings_tab(PREFIX, state.REGRESSION, lang, elsewhere=("influence", "measure"))
    numbers, values, params = state.REGRESSION.numbers, {}, {}
    if opened == "data":
        values["outlier_kind"] = st.radio(t("regression.outlier_kind"), OUTLIER_KINDS, key=PREFIX + "outlier_kind",
                                          horizontal=True, format_func=lambda kind: t(f"regression.kind.{kind}"))
        for key in DATA_SLIDERS:
            values[key] = ui.spec_slider(t(f"regression.{key}"), numbers[key], PREFIX + key)
    elif opened == "losses":
        chosen = st.multiselect(t("regression.losses"), state.REGRESSION_LOSSES, key=PREFIX + "losses",
                                placeholder=t("regression.losses_placeholder"))
        values["losses"] = tuple(chosen)
        for name in values["losses"]:
            for key, spec in losses.loss_class(name).param_specs.items():
                params.setdefault(name, {})[key] = ui.param_slider(name, key, spec, lang, f"{PREFIX}{name}.{key}")
    else:
        values.update(ui.training_controls(PREFIX, numbers, lang))
    return ui.lab_settings(PREFIX, state.REGRESSION, values, params)


@st.fragment
def lab():
    """Everything a setting changes: moving one reruns this block (its sidebar part included), not the app."""
    with st.sidebar:  # the main area keeps its width for the charts
        st.divider()
        settings = controls()
    ui.mirror_in_url(PREFIX, state.lab_query(settings), lang)
    if not settings["losses"]:
        st.info(t("regression.pick_one"))
        return
    data_key = ui.frozen(settings.subset(state.REGRESSION_DATA_KEYS))
    training_key = ui.frozen(settings.subset(state.TRAINING_KEYS))
    data = ui.cached_regression_data(data_key)
    histories = [ui.cached_training(data_key, name, ui.frozen(settings.params_of(name)), training_key)
                 for name in settings["losses"]]
    fit_view(settings, data, histories)
    errors_view(data, histories)
    sweep_view(settings, data_key, training_key)


def fit_view(settings, data, histories):
    choices = ["none", *settings["losses"]]
    if st.session_state.get(PREFIX + "influence") not in choices:  # the loss it showed was removed
        st.session_state[PREFIX + "influence"] = settings["losses"][0]
    pull_of = st.radio(t("regression.influence"), choices, key=PREFIX + "influence", horizontal=True,
                       format_func=lambda name: t("regression.influence_none") if name == "none" else name)
    pulls = None
    if pull_of != "none":
        # at the true line: how hard each point would pull a fit that was already right
        pulls = influence(losses.get(pull_of, **settings.params_of(pull_of)), data, data.true_params)
    labels = {key: t(f"regression.{key}") for key in ("x", "y", "points", "outliers", "truth", "epoch", "play",
                                                      "pause", "history_x", "history_y")}
    ui.chart(charts.fit_figure(data, histories, influence=pulls, labels=labels, revision="regression.fit"),
             key=PREFIX + "fit_chart")


def errors_view(data, histories):
    diverged = [history.loss for history in histories if history.diverged_at is not None]
    rows = []
    for history in histories:
        error = parameter_error(history, data)
        row = {t("regression.col_loss"): history.loss}
        row.update({t(f"regression.col_{measure}"): error[measure] for measure in ("slope", "intercept")})
        if diverged:
            row[t("regression.col_diverged")] = "—" if history.diverged_at is None else str(history.diverged_at)
        rows.append(row)
    table, notes = st.columns([3, 2], gap="medium")
    table.caption(t("regression.errors"))
    ui.table(rows, table)
    if diverged:
        notes.warning(t("regression.diverged", losses=", ".join(diverged)))
    notes.download_button(t("regression.download"), lambda: history_csv(histories),
                          file_name="lossviz-regression.csv", mime="text/csv", key=PREFIX + "download")


def sweep_view(settings, data_key, training_key):
    st.subheader(t("regression.sweep"))
    st.caption(t("regression.sweep_help"))
    configured = tuple((name, ui.frozen(settings.params_of(name))) for name in settings["losses"])
    sweep_key = (data_key, configured, training_key)
    if not ui.requested(t("regression.sweep_run"), PREFIX + "sweep_run", sweep_key):
        return
    sweep_data = {key: value for key, value in data_key if key != "outlier_fraction"}
    with st.spinner(t("regression.sweep_running")):
        sweep = ui.cached_sweep(ui.frozen(sweep_data), configured, training_key)
    measure = st.radio(t("regression.measure"), ERROR_MEASURES, key=PREFIX + "measure", horizontal=True,
                       format_func=lambda name: t(f"measure.{name}"))
    ui.chart(charts.sweep_figure(sweep.fractions, sweep.error[measure], x_title=t("regression.sweep_x"),
                                 y_title=t(f"measure.{measure}"), revision="regression.sweep"),
             key=PREFIX + "sweep_chart")


lab()
with st.expander(t("regression.explain")):  # static text: outside the fragment, which a slider reruns
    st.markdown(t("regression.explain_text"))
