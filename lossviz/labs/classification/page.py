"""Classification lab: class imbalance, weighted cross-entropy and focal loss, trained live."""

from functools import partial

import streamlit as st

from lossviz import ui
from lossviz.bundled import SOURCES, counts_at
from lossviz.charts.training import history_figure
from lossviz.labs.classification import charts, schema, train
from lossviz.labs.classification.verdicts import calibration_sentences, imbalance_sentences
from lossviz.models import (
    BINARY_METHODS,
    BOUNDARY_PARAMS,
    METHOD_LOSSES,
    MULTICLASS_METHODS,
    method_report,
)
from lossviz.training import SWEEP_SEEDS, history_csv
from lossviz.verdict import enough

page = ui.page("classification", schema.CLASSIFICATION)
t = page.t
CHART = page.key("boundary_chart")  # the binary view's chart, which the data sliders drag
FIXED_BY_DATA = ("n", "separation")  # real data's own
RUNS_KEPT = 3  # trained networks a session keeps


def method_sliders(methods):
    """The sliders of the chosen methods' parameters (pos_weight only when set by hand)."""
    manual = st.session_state[page.key("weighting")] == "manual"
    return ui.param_sliders(page, methods, skip=lambda method, key: key == "pos_weight" and not manual,
                            help_name=lambda method: METHOD_LOSSES[method][0])


def ratio_label(value: float) -> str:
    return f"1:{value:g}"


def losses_tab() -> tuple[dict, dict]:
    values = {"methods": ui.choose_names(page, t("classification.methods"), BINARY_METHODS, "methods")}
    if "weighted_bce" in values["methods"]:
        values["weighting"] = ui.choice(page, "weighting", ("auto", "manual"), t("classification.weighting"),
                                        "classification")
    params = method_sliders(values["methods"])
    values["multiclass"] = ui.choose_names(page, t("classification.multiclass_methods"), MULTICLASS_METHODS,
                                           "multiclass")
    return values, params | method_sliders(values["multiclass"])


def source_kind() -> str:
    """The data kind of the open view: its classes are three in the multi-class view, else two."""
    return "multiclass" if st.session_state.get(page.key("view")) == "multiclass" else "binary"


def match_source() -> None:
    """A new view keeps real data real: breast cancer in the binary views, wine in the multi-class one."""
    key, options = page.key("data"), SOURCES[source_kind()]
    if st.session_state.get(key, options[0]) not in options:
        st.session_state[key] = options[1]


def data_tab() -> dict:
    values = {"data": ui.data_source(page, source_kind())}
    real = values["data"] != "synthetic"
    keys = [key for key in schema.CLASSIFICATION_DATA_KEYS if not (real and key in FIXED_BY_DATA)]
    dragged = CHART if st.session_state.get(page.key("view"), "binary") == "binary" else ""
    values |= ui.setting_sliders(page, keys, {"imbalance": ratio_label}, chart=dragged)
    if real:
        ui.fixed_by_data(page, [t(f"classification.{key}") for key in FIXED_BY_DATA])
    return values


def controls():
    """The settings, in three tabs in the sidebar; returns the Settings they describe."""
    return ui.tabbed_settings(page, {"data": data_tab, "losses": losses_tab,
                                     "training": lambda: ui.training_controls(page)})


def lab(view):
    """Everything a setting changes, for one view."""
    if view != "network":  # a training left behind by a switch of view does not start again on return
        st.session_state.pop(page.key("training"), None)
    settings = page.sidebar_settings(controls)
    classes = 3 if view == "multiclass" else 2
    data = train.lab_set(settings, classes, ui.cached)
    ui.source_card(page, settings.data)
    if settings.data != "synthetic":
        counts, short = counts_at(settings.data, settings.imbalance)
        st.info(t("common.real_counts", counts=", ".join(map(str, counts)), ratio=f"{settings.imbalance:g}",
                  short=t("common.real_short") if short else ""))
    elif data.size > settings.n:
        st.info(t("classification.more_points", ratio=ratio_label(settings.imbalance), n=settings.n, used=data.size))
    {"binary": binary_view, "focal": focal_view, "multiclass": multiclass_view,
     "network": network_view}[view](settings, data)


def trained(settings, methods, classes):
    """The linear models of the chosen `methods`; none, and a hint, when nothing is chosen."""
    ui.none_chosen(page, methods)
    return train.classifiers(settings, methods, classes, ui.cached)


def binary_view(settings, data):
    histories = trained(settings, settings.methods, 2)
    if not histories:
        return
    labels = page.labels(charts.BOUNDARY_LABELS) | {"x": t("common.feature_1"), "y": t("common.feature_2"),
                                                    "names": page.names(settings.methods)}
    frames, frames_id = ui.pressed_frames(
        page, CHART, preview_of=lambda setting: data_preview(settings, setting),
        opening=schema.CLASSIFICATION_DATA_KEYS)
    ui.chart(charts.boundary_figure(data, histories, labels=labels, revision="classification.boundary"),
             key=CHART, extra_frames=frames, extra_id=frames_id)
    with page.reading("report"):
        ui.report_table(page, data, histories, before=t("classification.history_note"))
    st.download_button(t("common.download"),
                       lambda: history_csv(histories, BOUNDARY_PARAMS, schema.CLASSIFICATION.query(settings)),
                       file_name="lossviz-classification.csv", mime="text/csv", key=page.key("download"))
    imbalance_sweep_view(settings)
    ui.work_ahead(page, settings, binary_runs)


def binary_runs(settings):
    """What the binary view trains at `settings`: its data set and its models."""
    return train.lab_set(settings, 2, ui.cached), train.classifiers(settings, settings.methods, 2, ui.cached)


def data_preview(settings, setting: str):
    """What builds the boundary chart's frames along the dragged data `setting`, and their id; None for
    another setting. The frames show the data at each stop; the models are trained on release."""
    if setting not in schema.CLASSIFICATION_DATA_KEYS or (settings.data != "synthetic" and setting in FIXED_BY_DATA):
        return None
    stops, names = ui.setting_stops(page, setting, schema.CLASSIFICATION.numbers[setting])
    key = (settings.group("data", without=(setting,)), 2, setting, stops, names, t("common.preview.data"))
    return partial(ui.cached, train.data_preview, *key, entries=8), repr(key)


def imbalance_sweep_view(settings):
    st.header(t("classification.sweep"))
    st.caption(t("classification.sweep_help"))
    if settings.data != "synthetic":
        st.caption(t("classification.sweep_real"))
    sweep_key = train.imbalance_sweep_key(settings)
    if not ui.requested(t("common.sweep_run"), page.key("sweep_run"), sweep_key):
        return
    with ui.progress(lambda ratio, seed: t("common.sweep_progress", ratio=ratio_label(ratio), seed=seed + 1,
                                           seeds=SWEEP_SEEDS)) as report:
        sweep = ui.remembered(train.imbalance_sweep_of, *sweep_key, on_progress=report)
    panels = [(t("column.recall"), sweep.recall), (t("column.pr_auc"), sweep.pr_auc),
              (t("column.calibration_error"), sweep.calibration)]
    ui.chart(charts.imbalance_figure(sweep.ratios, panels, x_title=t("classification.imbalance_axis"),
                                     names=page.names(settings.methods), revision="classification.sweep",
                                     fitted=(2,)), key=page.key("sweep_chart"))
    with page.reading("sweep_verdicts"):
        ui.bullets(page, imbalance_sentences(sweep), intro=t("classification.verdict_rule", seeds=sweep.seeds))
    with page.reading("calibration_verdicts"):
        ui.bullets(page, calibration_sentences(sweep), intro=t("classification.calibration_rule", seeds=sweep.seeds))
    judged = {True: t("common.evidence.enough"), False: t("common.evidence.too_few")}
    ui.table([{**row, "evidence": judged[enough(row["validation_minority"])]}
              for row in sweep.count_rows()], page)


def focal_view(settings, data):
    focal = settings.params_of("focal")
    p_t, curves = train.focal_family(sorted({*train.FOCAL_GAMMAS, focal["gamma"]}))
    labels = {"p_t": t("classification.p_t"), "loss": t("classification.focal_loss"),
              "weight": t("classification.focal_weight")}
    ui.chart(charts.focal_figure(p_t, curves, focal["gamma"], labels=labels, revision="classification.focal"),
             key=page.key("focal_chart"))
    st.caption(t("classification.focal_caption", gamma=f"{focal['gamma']:g}"))
    # where the total loss comes from, for the points as a cross-entropy model scores them
    shares = ui.cached(train.focal_shares, settings.group("data"), settings.group("training"), tuple(focal.items()))
    names = {"bce": page.name("bce"), "focal": f"{page.name('focal')} ({t('classification.focal_settings', **focal)})"}
    st.header(t("classification.shares"))
    ui.chart(charts.shares_figure(shares, list(train.CONFIDENCE_BINS), names=names, x_title=t("classification.p_t"),
                                  y_title=t("classification.share"), revision="classification.shares"),
             key=page.key("shares_chart"))
    with page.reading("shares"):
        ui.table(train.share_rows(shares), page)
    st.caption(t("classification.shares_caption"))


def multiclass_view(settings, data):
    histories = trained(settings, settings.multiclass, 3)
    if not histories:
        return
    recalls, rows = train.multiclass_results(data, histories)
    classes = [t("classification.class_name", label=label, count=count) for label, count in enumerate(data.val_counts)]
    ui.chart(charts.recall_bars_figure(recalls, classes, y_title=t("classification.recall"),
                                       names=page.names(settings.multiclass), revision="classification.multiclass"),
             key=page.key("multiclass_chart"))
    st.caption(t("classification.multiclass_note"))
    ui.table(rows, page)  # below the chart: in a half-width column its headers broke and it overflowed


def network_view(settings, data):
    from lossviz.models import train_mlp

    ui.own_stop_only()
    columns = st.columns(3)
    method = columns[0].selectbox(t("classification.network_method"), BINARY_METHODS, key=page.key("network_method"),
                                  format_func=page.name)
    with columns[1]:
        hidden = ui.spec_slider(t("classification.hidden"), schema.CLASSIFICATION.numbers["hidden"], page.key("hidden"))
    with columns[2]:
        epochs = ui.spec_slider(t("common.epochs"), schema.CLASSIFICATION.numbers["network_epochs"],
                                page.key("network_epochs"))
    page.aside("classification.network_intro", hidden=hidden, lr=f"{settings.lr:g}", method=page.name(method))
    params = train.method_params(settings, method)
    run_key = (settings.group("data"), method, params, hidden, epochs, settings.lr)
    runs = ui.session_store(page.key("runs"), RUNS_KEPT)
    start, stop, _ = st.columns([2, 1, 3])
    if start.button(t("classification.train"), key=page.key("network_train"), type="primary"):
        st.session_state[page.key("training")] = run_key
    # a click on stop while a network trains interrupts that run; this rerun keeps what it had
    if stop.button(t("classification.stop"), key=page.key("network_stop")) and \
            st.session_state.pop(page.key("training"), None) == run_key and page.key("partial") in st.session_state:
        runs.put(run_key, st.session_state.pop(page.key("partial")))
    earlier = runs.get(run_key)
    if st.session_state.get(page.key("training")) == run_key and (earlier is None or earlier.stopped):
        bar = st.progress(0.0, text=t("classification.training", epoch=0, epochs=epochs))

        def progress(epoch, partial):
            st.session_state[page.key("partial")] = partial()  # what a Stop during the next call keeps
            bar.progress(epoch / epochs, text=t("classification.training", epoch=epoch, epochs=epochs))
            return True

        goal = ui.cached(train.method_goal, method, params, settings.group("data"), 2)
        with ui.training_slot(page.key("slot_stop")):
            runs.put(run_key, train_mlp(goal, data, hidden=hidden, epochs=epochs, lr=settings.lr, seed=settings.seed,
                                        on_progress=progress))
        for key in ("training", "partial"):
            st.session_state.pop(page.key(key), None)
        bar.empty()
    run = runs.get(run_key)
    if run is None:
        return
    if run.stopped:
        st.info(t("classification.stopped", epoch=run.values.size, epochs=epochs))
    labels = page.labels(("majority", "minority", "sample")) | {
        "x": t("common.feature_1"), "y": t("common.feature_2"), "boundary": t("classification.boundary")}
    chart, side = st.columns([3, 2], gap="medium")
    with chart:
        ui.chart(charts.probability_map_figure(run, data, labels=labels, revision="classification.network"),
                 key=page.key("network_chart"))
    with side:
        ui.chart(history_figure([run.history()], x_title=t("common.history_x"),
                                y_title=t("common.history_y"), revision="classification.network_loss",
                                validation_name=t("common.validation"), names=page.names([method]),
                                diverged=t("common.diverged_mark")), key=page.key("network_history"))
    report = method_report(method, data.y_val, run.val_scores)
    ui.table([{key: report[key] for key in ("accuracy", "recall", "precision", "f1", "pr_auc", "calibration_error")}],
             page)


page.title()
view = st.radio(t("classification.view"), schema.CLASSIFICATION_VIEWS, key=page.key("view"), horizontal=True,
                format_func=lambda name: t(f"classification.view.{name}"), label_visibility="collapsed",
                on_change=match_source)
if view == "network":  # it introduces its own model
    # full reruns here: a click on stop must interrupt a running training, and a click inside a
    # fragment waits for the fragment's run to end instead
    lab(view)
else:
    page.aside("classification.intro")
    st.fragment(lab)(view)  # a slider reruns the lab (its sidebar part included), not the app
with st.expander(t("common.explain")):  # static text: outside the fragment, which a slider reruns
    st.markdown(t("classification.explain_text"))
ui.mistakes(page, ("bce_sign", "cce_gradient", "focal_alpha"))
