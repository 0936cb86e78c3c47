"""Classification lab: class imbalance, weighted cross-entropy and focal loss, trained live."""

import numpy as np
import streamlit as st

from lossviz import charts, gallery, metrics, state, ui
from lossviz.i18n import translate
from lossviz.train import (
    BINARY_METHODS,
    METHOD_LOSSES,
    MULTICLASS_METHODS,
    confidence_shares,
    history_csv,
    objective,
    scores,
)

lang = st.session_state["lang"]
PREFIX = "classification."
SCHEMA = state.CLASSIFICATION
CONFIDENCE_BINS = ("0–0.25", "0.25–0.5", "0.5–0.75", "0.75–1")


def t(key, **values):
    return translate(lang, key, **values)


query = ui.query_to_restore(PREFIX)
if query is not None:  # a shared link, Back or Forward, or a return to the lab
    restored, notices = state.parse_lab(SCHEMA, query)
    ui.restore_widgets(PREFIX, restored)
    ui.add_notices(notices)

st.title(t("classification.title"))
ui.show_notices(lang)
st.caption(t("classification.intro"))


def method_sliders(methods, params):
    for method in methods:
        for (name, key), spec in SCHEMA.param_specs.items():
            if name != method or (key == "pos_weight" and st.session_state[PREFIX + "weighting"] == "auto"):
                continue
            label = f"{method} · {key}"
            help_text = translate(lang, f"help.{METHOD_LOSSES[method][0]}.{key}", default=spec.help)
            params.setdefault(method, {})[key] = ui.spec_slider(label, spec, f"{PREFIX}{method}.{key}", help_text)


def controls():
    """The settings, in three tabs in the sidebar; returns the LabSettings they describe."""
    opened = ui.settings_tab(PREFIX, SCHEMA, lang, elsewhere=("view", "network_method", "hidden", "network_epochs"))
    numbers, values, params = SCHEMA.numbers, {}, {}
    if opened == "data":
        for key in state.CLASSIFICATION_DATA_KEYS:
            ratio = (lambda value: f"1:{value:g}") if key == "imbalance" else None
            values[key] = ui.spec_slider(t(f"classification.{key}"), numbers[key], PREFIX + key,
                                         t(f"classification.{key}_help"), format_func=ratio)
    elif opened == "losses":
        values["methods"] = tuple(st.multiselect(t("classification.methods"), BINARY_METHODS,
                                                 key=PREFIX + "methods", format_func=method_label,
                                                 placeholder=t("regression.losses_placeholder")))
        if "weighted_bce" in values["methods"]:
            values["weighting"] = st.radio(t("classification.weighting"), ("auto", "manual"),
                                           key=PREFIX + "weighting", horizontal=True,
                                           format_func=lambda mode: t(f"classification.{mode}"))
        method_sliders(values["methods"], params)
        values["multiclass"] = tuple(st.multiselect(t("classification.multiclass_methods"), MULTICLASS_METHODS,
                                                    key=PREFIX + "multiclass", format_func=method_label,
                                                    placeholder=t("regression.losses_placeholder")))
        method_sliders(values["multiclass"], params)
    else:
        values.update(ui.training_controls(PREFIX, numbers, lang))
    return ui.lab_settings(PREFIX, SCHEMA, values, params)


def method_label(method):
    return t(f"method.{method}")


def method_params(settings, method) -> tuple:
    """The parameters of `method` as a cache key; weighted BCE in auto mode balances the classes."""
    params = settings.params_of(method)
    if method == "weighted_bce" and settings["weighting"] == "auto":
        params["pos_weight"] = None
    return ui.frozen(params)


def lab(view):
    """Everything a setting changes, for one view."""
    with st.sidebar:
        st.divider()
        settings = controls()
    ui.mirror_in_url(PREFIX, state.lab_query(settings), lang)
    data_key = ui.frozen(settings.subset(state.CLASSIFICATION_DATA_KEYS))
    training_key = ui.frozen(settings.subset(state.TRAINING_KEYS))
    try:
        data = ui.cached_classification_data(data_key, 3 if view == "multiclass" else 2)
    except ValueError as error:  # too few minority points for this ratio
        st.warning(t("classification.too_few", message=str(error)))
        data = None
    if data is not None:
        {"binary": binary_view, "focal": focal_view, "multiclass": multiclass_view,
         "network": network_view}[view](settings, data, data_key, training_key)


def trained(settings, methods, data_key, training_key, classes):
    """The linear models of the chosen `methods`; none, and a hint, when nothing is chosen."""
    if not methods:
        st.info(t("regression.pick_one"))
    return [ui.cached_classifier(data_key, classes, method, method_params(settings, method), training_key)
            for method in methods]


def report_rows(data, histories):
    rows = []
    for history in histories:
        report = metrics.binary_report(data.y_val, scores(history, data.x_val))
        row = {t("classification.col_method"): history.loss}
        row.update({t(f"classification.col_{key}"): report[key]
                    for key in ("accuracy", "recall", "precision", "f1", "pr_auc")})
        row.update({key.upper(): report[key] for key in ("tn", "fp", "fn", "tp")})
        rows.append(row)
    return rows


def binary_view(settings, data, data_key, training_key):
    histories = trained(settings, settings["methods"], data_key, training_key, 2)
    if not histories:
        return
    labels = {key: t(f"classification.{key}") for key in ("x", "y", "majority", "minority", "sample", "validation")}
    labels.update({key: t(f"regression.{key}") for key in ("epoch", "play", "pause", "history_x", "history_y")})
    ui.chart(charts.boundary_figure(data, histories, labels=labels, revision="classification.boundary"),
             key=PREFIX + "boundary_chart")
    st.caption(t("classification.history_note") + " "
               + t("classification.report", points=data.y_val.size, minority=int(data.y_val.sum())))
    ui.table(report_rows(data, histories))
    st.download_button(t("regression.download"), lambda: history_csv(histories),
                       file_name="lossviz-classification.csv", mime="text/csv", key=PREFIX + "download")
    imbalance_sweep_view(settings, data_key, training_key)


def imbalance_sweep_view(settings, data_key, training_key):
    st.subheader(t("classification.sweep"))
    st.caption(t("classification.sweep_help"))
    methods = tuple((method, method_params(settings, method)) for method in settings["methods"])
    sweep_data = tuple((key, value) for key, value in data_key if key not in ("n", "imbalance"))
    sweep_key = (methods, sweep_data, training_key)
    if not ui.requested(t("regression.sweep_run"), PREFIX + "sweep_run", sweep_key):
        return
    with st.spinner(t("classification.sweep_running")):
        sweep = ui.cached_imbalance_sweep(methods, sweep_data, training_key)
    panels = [(t("classification.col_recall"), sweep.recall), (t("classification.col_pr_auc"), sweep.pr_auc)]
    ui.chart(charts.imbalance_figure(sweep.ratios, panels, x_title=t("classification.imbalance_axis"),
                                     revision="classification.sweep"), key=PREFIX + "sweep_chart")


def focal_view(settings, data, data_key, training_key):
    gamma = settings.params_of("focal")["gamma"]
    p_t, curves = gallery.focal_family(sorted({*gallery.FOCAL_GAMMAS, gamma}))
    labels = {"p_t": t("classification.p_t"), "loss": t("classification.focal_loss"),
              "weight": t("classification.focal_weight")}
    ui.chart(charts.focal_figure(p_t, curves, gamma, labels=labels, revision="classification.focal"),
             key=PREFIX + "focal_chart")
    st.caption(t("classification.focal_caption", gamma=f"{gamma:g}"))
    # where the total loss comes from, for the points as a cross-entropy model scores them
    reference = ui.cached_classifier(data_key, 2, "bce", (), training_key)
    goals = [objective("bce", {}), objective("focal", settings.params_of("focal"))]
    shares = confidence_shares(goals, data.y.astype(float), scores(reference, data.x))
    named = {f"{name} ({t('classification.focal_settings', **settings.params_of('focal'))})" if name == "focal"
             else name: values for name, values in shares.items()}
    st.subheader(t("classification.shares"))
    ui.chart(charts.shares_figure(named, list(CONFIDENCE_BINS), x_title=t("classification.p_t"),
                                  y_title=t("classification.share"), revision="classification.shares"),
             key=PREFIX + "shares_chart")
    st.caption(t("classification.shares_caption"))


def multiclass_view(settings, data, data_key, training_key):
    histories = trained(settings, settings["multiclass"], data_key, training_key, 3)
    if not histories:
        return
    recalls, rows = {}, []
    for history in histories:
        predicted = scores(history, data.x_val).argmax(axis=1)
        recalls[history.loss] = metrics.per_class_recall(data.y_val, predicted, data.classes)
        rows.append({t("classification.col_method"): history.loss,
                     t("classification.col_accuracy"): float(np.mean(predicted == data.y_val)),
                     **{t("classification.class_recall", label=label): float(value)
                        for label, value in enumerate(recalls[history.loss])}})
    counts = np.bincount(data.y_val, minlength=data.classes)
    classes = [t("classification.class_name", label=label, count=count) for label, count in enumerate(counts)]
    ui.chart(charts.recall_bars_figure(recalls, classes, y_title=t("classification.recall"),
                                       revision="classification.multiclass"), key=PREFIX + "multiclass_chart")
    st.caption(t("classification.multiclass_note"))
    ui.table(rows)  # below the chart: in a half-width column its headers broke and it overflowed


def network_view(settings, data, data_key, training_key):
    from lossviz.models import train_mlp  # torch loads only when a network is trained

    st.caption(t("classification.network_intro"))
    columns = st.columns(3)
    method = columns[0].selectbox(t("classification.network_method"), BINARY_METHODS, key=PREFIX + "network_method",
                                  format_func=method_label)
    with columns[1]:
        hidden = ui.spec_slider(t("classification.hidden"), SCHEMA.numbers["hidden"], PREFIX + "hidden")
    with columns[2]:
        epochs = ui.spec_slider(t("regression.epochs"), SCHEMA.numbers["network_epochs"], PREFIX + "network_epochs")
    params = method_params(settings, method)
    run_key = (data_key, method, params, hidden, epochs, settings["lr"])
    runs = st.session_state.setdefault(PREFIX + "runs", {})
    start, stop, _ = st.columns([2, 1, 3])
    if start.button(t("classification.train"), key=PREFIX + "network_train", type="primary"):
        st.session_state[PREFIX + "training"] = run_key
    # a click on stop while a network trains interrupts that run; this rerun then reports it
    stopped = stop.button(t("classification.stop"), key=PREFIX + "network_stop")
    if stopped and st.session_state.pop(PREFIX + "training", None) is not None:
        st.info(t("classification.stopped", epoch=len(st.session_state.get(PREFIX + "partial", ()))))
    if st.session_state.get(PREFIX + "training") == run_key and run_key not in runs:
        bar = st.progress(0.0, text=t("classification.training", epoch=0, epochs=epochs))

        def progress(epoch, values):
            st.session_state[PREFIX + "partial"] = values
            bar.progress(epoch / epochs, text=t("classification.training", epoch=epoch, epochs=epochs))
            return True

        goal = ui.method_goal(method, params, data_key, 2)
        runs[run_key] = train_mlp(goal, data, hidden=hidden, epochs=epochs, lr=settings["lr"],
                                  seed=settings["seed"], on_progress=progress)
        st.session_state.pop(PREFIX + "training", None)
        bar.empty()
    run = runs.get(run_key)
    if run is None:
        return
    labels = {key: t(f"classification.{key}") for key in ("x", "y", "majority", "minority", "sample", "boundary")}
    chart, side = st.columns([3, 2], gap="medium")
    with chart:
        ui.chart(charts.probability_map_figure(run, data, labels=labels, revision="classification.network"),
                 key=PREFIX + "network_chart")
    with side:
        ui.chart(charts.history_figure([run.history()], x_title=t("regression.history_x"),
                                       y_title=t("regression.history_y"), revision="classification.network_loss",
                                       validation_name=t("classification.validation")), key=PREFIX + "network_history")
    report = metrics.binary_report(data.y_val, run.val_scores)
    ui.table([{t(f"classification.col_{key}"): report[key]  # below both charts: a narrow column crowds it
               for key in ("accuracy", "recall", "precision", "f1", "pr_auc")}])


view = st.radio(t("classification.view"), state.CLASSIFICATION_VIEWS, key=PREFIX + "view", horizontal=True,
                format_func=lambda name: t(f"classification.view.{name}"), label_visibility="collapsed")
if view == "network":
    # full reruns here: a click on stop must interrupt a running training, and a click inside a
    # fragment waits for the fragment's run to end instead
    lab(view)
else:
    st.fragment(lab)(view)  # a slider reruns the lab (its sidebar part included), not the app
with st.expander(t("regression.explain")):  # static text: outside the fragment, which a slider reruns
    st.markdown(t("classification.explain_text"))
