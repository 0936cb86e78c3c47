"""Workbench: type a loss as a formula, see it and its derivative, train with it; and analyse the
visitor's own CSV file sample by sample."""

import streamlit as st

from lossviz import ui
from lossviz.charts.curves import curve_frames, curves_figure
from lossviz.datasets import classification_set
from lossviz.labs.classification.charts import BOUNDARY_LABELS, boundary_figure
from lossviz.labs.classification.schema import CLASSIFICATION as CLASSIFIER
from lossviz.labs.classification.train import classifier
from lossviz.labs.regression.charts import FIT_LABELS, fit_figure
from lossviz.labs.workbench import syntax, typed, worker
from lossviz.labs.workbench import upload as files
from lossviz.labs.workbench.charts import histogram_figure
from lossviz.labs.workbench.program import worded_cases
from lossviz.labs.workbench.schema import WORKBENCH, WORKBENCH_VIEWS
from lossviz.losses import ParamSpec
from lossviz.models import error_rows

page = ui.page("workbench", WORKBENCH)
t = page.t
LAST_GOOD = page.key("last_good")  # {task: the last text that compiled}, drawn while the current one is refused
FAILED = page.key("failed")  # the formulas a worker failed on lately, not sent again on each rerun
LONGEST_FORMULA = 3000  # characters of LaTeX shown; a longer formula is left unshown, not cut


def new_task():
    """A new task starts from its own example formula."""
    st.session_state[page.key("expr")] = syntax.DEFAULT_TEXT[st.session_state[page.key("task")]]


def new_mode():
    """A new kind of file starts from the losses that read it."""
    mode = st.session_state[page.key("mode")]
    st.session_state[page.key("data_losses")] = list(WORKBENCH.defaults({"mode": mode})["data_losses"])


def drawn_formula(text: str, task: str):
    """(the expression drawn, the error that refused `text` or None): a refused text leaves the last
    good one (or the task's example) drawn."""
    compiled = typed.typed_loss(text, task, st.session_state.setdefault(FAILED, {}))
    good = st.session_state.setdefault(LAST_GOOD, {})
    if not isinstance(compiled, ValueError):
        good[task] = text
        return compiled, None
    fallback = good.get(task, syntax.DEFAULT_TEXT[task])
    return typed.typed_loss(fallback, task), compiled


def parameter_spec(name: str) -> ParamSpec:
    """A parameter's slider range, as the visitor set it (widened to hold a value from a link)."""
    low_key, high_key, key = page.key(f"{name}_min"), page.key(f"{name}_max"), page.key(name)
    value = float(st.session_state.get(key, WORKBENCH.numbers[name].default))
    low = min(float(st.session_state.get(low_key, WORKBENCH.numbers[f"{name}_min"].default)), value)
    high = max(float(st.session_state.get(high_key, WORKBENCH.numbers[f"{name}_max"].default)), value)
    if high <= low:
        high = low + 1.0
    return ParamSpec(default=value, min=low, max=high, step=ui.slider_step(low, high))


def parameter_slider(name: str, values: dict) -> float:
    """A parameter's slider, which the curves follow while it is dragged, and its range."""
    low_key, high_key, key = page.key(f"{name}_min"), page.key(f"{name}_max"), page.key(name)
    spec = parameter_spec(name)
    st.session_state[low_key], st.session_state[high_key], st.session_state[key] = spec.min, spec.max, spec.default
    values[name] = ui.drag_slider(t("workbench.parameter", name=name), spec, key, t("workbench.parameter_help"),
                                  chart=page.key("curve_chart"))
    with st.popover(t("workbench.range", name=name), width="stretch"):
        bound = WORKBENCH.numbers[f"{name}_min"]
        values[f"{name}_min"] = st.number_input(t("workbench.range_min"), min_value=bound.min, max_value=bound.max,
                                                key=low_key)
        values[f"{name}_max"] = st.number_input(t("workbench.range_max"), min_value=bound.min, max_value=bound.max,
                                                key=high_key)
    return values[name]


def formula_inputs() -> dict:
    """The task and the formula, across the main area: a formula needs the room."""
    task_place, text_place = st.columns([1, 3], vertical_alignment="bottom")
    values = {"task": task_place.radio(t("workbench.task"), syntax.TASKS, key=page.key("task"), on_change=new_task,
                                       format_func=lambda task: t(f"workbench.task.{task}"))}
    values["expr"] = text_place.text_input(t("workbench.expr"), key=page.key("expr"), max_chars=syntax.MAX_LENGTH,
                                           help=t(f"workbench.expr_help.{values['task']}",
                                                  functions=", ".join(syntax.FUNCTIONS)))
    text_place.caption(t("workbench.variables", variables=", ".join(syntax.VARIABLES[values["task"]]),
                         parameters=", ".join(syntax.PARAMETERS)))
    return values


def controls(values: dict):
    """The formula's parameters and what it is compared with, in the sidebar; `values`: the task and
    the formula."""
    values = dict(values)
    expression, _ = drawn_formula(values["expr"], values["task"])
    ui.arm_first([page.key(name) for name in expression.parameters])
    for name in expression.parameters:
        parameter_slider(name, values)
    if st.session_state[page.key("view")] == "loss":
        values["compare"] = ui.choose_names(page, t("workbench.compare"), typed.COMPARED[values["task"]],
                                            "compare")
        data_key = "outlier_fraction" if values["task"] == "regression" else "imbalance"
        values[data_key] = ui.setting_sliders(page, (data_key,), formats={
            "imbalance": lambda value: f"1:{value:g}"})[data_key]
    else:
        values["mode"] = st.radio(t("workbench.mode"), files.MODES, key=page.key("mode"), on_change=new_mode,
                                  format_func=lambda mode: t(f"workbench.mode.{mode}"))
        if values["mode"] == "classification":
            values["kind"] = st.radio(t("workbench.kind"), files.SCORE_KINDS, key=page.key("kind"),
                                      horizontal=True, format_func=lambda kind: t(f"workbench.kind.{kind}"))
        names = WORKBENCH.options("data_losses", values)[0]
        values["data_losses"] = ui.choose_names(page, t("workbench.data_losses"), names, "data_losses")
    return page.settings(values, {})


def refusal(error) -> None:
    """Why the typed formula cannot be used (the last good one stays drawn)."""
    if error is not None:
        st.error(t("workbench.refused", reason=t(f"workbench.error.{error.key}", **error.values)),
                 icon=":material/block:")


def formula_view(expression):
    by = {"r": r"\hat y", "p": "p", "z": "z"}[expression.axis]
    for text in (expression.latex, rf"\frac{{\partial L}}{{\partial {by}}} = {expression.slope_latex}"):
        if len(text) <= LONGEST_FORMULA:
            st.latex(worded_cases(text, t("workbench.case"), t("workbench.otherwise")))
        else:
            st.caption(t("workbench.formula_too_long", length=len(text)))
    if expression.axis == "r":
        page.aside("workbench.residual_note")


def params_of(settings, expression) -> tuple:
    return tuple((name, settings.values[name]) for name in expression.parameters)


def curve_view(settings, expression):
    params = params_of(settings, expression)
    custom = ui.cached(typed.typed_curve, expression.text, expression.task, params, entries=256)
    compared = typed.compared_curves(expression.axis, settings.compare)
    unread = [page.name(curve_name) for curve_name in settings.compare
              if curve_name not in {curve.name for curve in compared}]
    if unread:
        st.caption(t("workbench.other_axis", names=", ".join(unread)))
    axis_title = t(f"workbench.axis.{expression.axis}")
    curves = [custom, *compared]
    frames, frames_id = drag_frames(expression, dict(params), curves)
    ui.chart(curves_figure(curves, x_title=axis_title, value_title=t("common.loss_chart"),
                           slope_title=t("common.slope_chart"), names=page.names([typed.CUSTOM, *settings.compare]),
                           revision=f"workbench.{expression.axis}"), key=page.key("curve_chart"),
             extra_frames=frames, extra_id=frames_id)
    problems = typed.curve_checks(expression, custom)
    with page.reading("checks"):
        for problem in problems:
            st.warning(ui.say(page, problem), icon=":material/warning:")
        if not problems:
            st.success(t(f"workbench.check.fine_{expression.axis}"), icon=":material/check_circle:")
    with st.expander(t("workbench.torch")):
        st.caption(t("workbench.torch_help"))
        if ui.requested(t("common.check_run"), page.key("torch_run"), (expression.text, params)):
            found = ui.cached(typed.typed_check, expression.text, expression.task, params)
            ui.table([{"loss": typed.CUSTOM, "value_diff": found["value"], "gradient_diff": found["slope"],
                       "compared": found["points"]}], page, number_format="{:.2e}")


def drag_frames(expression, params: dict, curves):
    """What builds the frames of the chart of `curves` that dragging the armed parameter slider
    scrubs through (the typed loss's curve at each stop), and what they show, as an id; (None, None)
    unarmed."""
    armed = next((name for name in expression.parameters if page.key(name) == ui.armed()), None)
    if armed is None:
        return None, None
    named = ui.armed_frames(page.key(armed), parameter_spec(armed))
    others = {name: value for name, value in params.items() if name != armed}

    def build():
        moved = typed.custom_curves_along(expression, others, armed, [stop for stop, _ in named])
        return curve_frames(curves, [(name, [curve]) for (_, name), curve in zip(named, moved, strict=True)])

    return build, repr((expression.text, tuple(sorted(others.items())), named, tuple(c.key for c in curves)))


def training_view(settings, expression):
    st.header(t("workbench.train"))
    st.caption(t(f"workbench.train_help.{expression.task}"))
    params = params_of(settings, expression)
    if not ui.requested(t("workbench.train_run"), page.key("train_run"), (expression.text, params)):
        return
    if expression.task == "regression":
        regression_runs(settings, expression, params)
    else:
        classification_runs(settings, expression, params)


def regression_runs(settings, expression, params):
    data, histories = typed.trained_lines(expression.text, params, settings.outlier_fraction, ui.cached)
    labels = page.labels(FIT_LABELS) | {"names": page.names([history.loss for history in histories])}
    ui.chart(fit_figure(data, histories, labels=labels, revision="workbench.fit"), key=page.key("fit_chart"))
    with page.reading("train_errors"):
        ui.table(error_rows(data, histories), page)


def classification_runs(settings, expression, params):
    lab = CLASSIFIER.settings({"imbalance": settings.imbalance}, {})
    data_key, training = lab.group("data"), lab.group("training")
    data = ui.cached(classification_set, data_key, 2, entries=32)
    histories = [ui.cached(typed.typed_classifier, expression.text, params, data_key, training),
                 *(ui.cached(classifier, data_key, 2, method, (("pos_weight", None),) if method == "weighted_bce"
                             else (), training, entries=256) for method in typed.TRAINED_WITH["binary"])]
    labels = page.labels(BOUNDARY_LABELS) | {"x": t("common.feature_1"), "y": t("common.feature_2"),
                                             "names": page.names([history.loss for history in histories])}
    ui.chart(boundary_figure(data, histories, labels=labels, revision="workbench.boundary"),
             key=page.key("boundary_chart"))
    ui.report_table(page, data, histories)


def upload_view(settings, expression):
    mode = settings.mode
    upload = st.file_uploader(t("workbench.upload"), type=["csv", "txt"], key=page.key("upload"),
                              help=t("workbench.upload_help", megabytes=files.MAX_BYTES >> 20,
                                     rows=f"{files.MAX_ROWS:,}", columns=files.MAX_COLUMNS, line=f"{files.MAX_LINE:,}"))
    privacy, sample = st.columns([3, 1], vertical_alignment="center")
    privacy.caption(":material/lock: " + t("workbench.privacy"))
    sample.download_button(t("workbench.sample_file"), files.sample_file(mode), file_name=f"lossviz-{mode}.csv",
                           mime="text/csv", key=page.key("sample"), width="stretch")
    if upload is None:
        st.caption(t("workbench.upload_hint"))
        return
    try:
        table = ui.per_upload(upload, ("table",), lambda: files.read_csv(upload.getvalue()), files.UploadError)
        columns = column_pickers(table, mode)
        samples = ui.per_upload(upload, ("samples", mode, columns, settings.kind),
                                lambda: files.mode_samples(table, mode, columns, settings.kind), files.UploadError)
        if mode == "points":
            data, scaling = files.points_data(samples)
    except files.UploadError as error:
        st.error(t(f"workbench.upload.{error.key}", **error.values), icon=":material/error:")
        return
    except worker.JobFailed as failure:  # not kept: the same file may pass on a quieter server
        st.error(t(f"workbench.error.{failure.key}", **failure.values), icon=":material/error:")
        return
    if samples.dropped:
        st.warning(t("workbench.dropped", dropped=samples.dropped, kept=samples.first.size), icon=":material/warning:")
    custom_task = "binary" if mode == "classification" else "regression"
    params = dict(params_of(settings, expression))
    custom = typed.custom_loss(expression, params) if expression.task == custom_task else None
    if custom is None:
        st.caption(t("workbench.custom_other_task", task=t(f"workbench.task.{custom_task}")))
    if mode == "points":
        fit_key = ("fit", columns, settings.data_losses, expression.text, tuple(params.items()))
        histories = ui.per_upload(upload, fit_key, lambda: files.fit_points(data, settings.data_losses, custom),
                                  files.UploadError)
        points_view(data, scaling, histories)
        return
    result = (files.regression_losses(samples, settings.data_losses, custom) if mode == "residuals" else
              files.classification_losses(samples, settings.kind, settings.data_losses, custom))
    unread = [page.name(name) for name in settings.data_losses if name not in result.values]
    if unread:
        st.caption(t("workbench.needs_logits", names=", ".join(unread)))
    samples_view(result, expression if custom is not None else None, params)


def column_pickers(table, mode) -> tuple[str, ...]:
    """A select per column the mode reads, from the file's header, starting from a guess."""
    guesses = files.guess_columns(table.header, mode)
    places = st.columns(len(guesses))
    picked = []
    for place, column, guess in zip(places, files.COLUMNS[mode], guesses, strict=True):
        key = page.key(f"column.{mode}.{column}")
        if st.session_state.get(key) not in table.header:
            st.session_state[key] = guess
        picked.append(place.selectbox(t(f"workbench.column.{column}"), table.header, key=key))
    return tuple(picked)


def samples_view(result, expression, params):
    if ui.none_chosen(page, result.values):
        return
    st.header(t("workbench.shares"))
    ui.table(files.share_rows(result), page)
    (few, few_even), (many, many_even) = files.even_shares(result.x.size)
    st.caption(t("workbench.shares_help", samples=result.x.size, few=few, many=many, few_even=f"{few_even:.3g} %",
                 many_even=f"{many_even:.3g} %"))
    centres, counts, width = files.histogram(result.x)
    curves = files.overlay_curves(result, expression, params)
    ui.chart(histogram_figure(centres, counts, width, curves, x_title=t(f"workbench.axis.{result.axis}"),
                              count_title=t("workbench.count"), loss_title=t("common.loss_chart"),
                              names=page.names([curve.name for curve in curves]),
                              revision=f"workbench.samples.{result.axis}"), key=page.key("histogram"))
    by = typed.CUSTOM if typed.CUSTOM in result.values else next(iter(result.values))
    st.header(t("workbench.dominant", loss=page.name(by), count=files.DOMINANT_ROWS))
    ui.table(files.dominant_rows(result, by), page, number_format="{:.4g}")
    st.caption(t(f"workbench.gradient_of.{result.axis}"))
    st.download_button(t("workbench.download"), lambda: files.samples_csv(result),
                       file_name="lossviz-samples.csv", mime="text/csv", key=page.key("download"))


def points_view(data, scaling, histories):
    labels = page.labels(FIT_LABELS) | {
        "x": t("workbench.standardised", name="x"), "y": t("workbench.standardised", name="y"),
        "names": page.names([history.loss for history in histories])}
    ui.chart(fit_figure(data, histories, labels=labels, revision="workbench.points"),
             key=page.key("points_chart"))
    st.caption(t("workbench.points_help"))
    ui.table(files.fitted_line_rows(histories, scaling), page, number_format="{:.4g}")


worker.start_workers()
worker.on_behalf_of(ui.session_id(), ui.queue_notice(lambda place: t("workbench.queue", place=place)))
page.title()
page.aside("workbench.intro")
view = ui.open_tab(page.key("view"), {name: t(f"workbench.view.{name}") for name in WORKBENCH_VIEWS},
                   t("workbench.view"))
typed_in = formula_inputs()
settings = page.sidebar_settings(lambda: controls(typed_in))
shown, refused = drawn_formula(settings.expr, settings.task)
refusal(refused)
if view == "loss":
    formula_view(shown)
    curve_view(settings, shown)
    training_view(settings, shown)
else:
    upload_view(settings, shown)
