"""The Streamlit-aware part of the core: language, URL sync, widgets from ParamSpecs, caches."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lossviz import gallery, losses
from lossviz.data import ClassificationData, RegressionData, classification_data, regression_data
from lossviz.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate
from lossviz.losses import ParamSpec
from lossviz.optim import OPTIMIZERS
from lossviz.state import LabSchema, LabSettings, Notice
from lossviz.train import (
    History,
    ImbalanceSweep,
    Sweep,
    imbalance_sweep,
    objective,
    outlier_sweep,
    train_classifier,
    train_linear,
)

LANG_KEY = "lang"
PAGE_KEY, OPENED_KEY = "page", "page.opened"  # see track_page
# the chart component (plot.js); its plotly.js is static/plotly-cartesian.min.js, served by Streamlit
_PLOT = st.components.v2.component("lossviz.plot", js=(Path(__file__).with_name("plot.js")).read_text(),
                                   isolate_styles=False)


def chart(figure, key: str) -> None:
    """A plotly Figure that stays mounted across reruns and is redrawn in place (see plot.js), with
    the message it shows if plotly.js cannot load. Sent as bytes: JSON text, not re-encoded."""
    error = translate(st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE), "chart.no_plotly")
    _PLOT(data=f'{{"error": {json.dumps(error)}, "figure": {figure.to_json()}}}'.encode(), key=key)


def compact_layout() -> None:
    """Less empty space above the page, so controls and both charts fit a 1280x800 screen; table
    headers that break between words only (a Korean word split in two reads as two words)."""
    st.html("<style>[data-testid='stMainBlockContainer'] { padding-top: 2.5rem; }"
            "[data-testid='stMarkdownContainer'] th { word-break: keep-all; }</style>")


def language() -> str:
    """The sidebar language switch, restored from ?lang= on a session's first run (and on Back or
    Forward); each page writes it back into the URL with its settings (mirror_in_url)."""
    if LANG_KEY not in st.session_state or is_history_navigation():
        raw = st.query_params.get(LANG_KEY, DEFAULT_LANGUAGE)
        st.session_state[LANG_KEY] = raw if raw in LANGUAGES else DEFAULT_LANGUAGE
        if raw not in LANGUAGES:
            add_notices([Notice("notice.bad_choice", {"key": LANG_KEY, "raw": raw[:40], "value": DEFAULT_LANGUAGE})])
    lang = st.sidebar.selectbox(translate(st.session_state[LANG_KEY], "sidebar.language"), list(LANGUAGES),
                                format_func=LANGUAGES.get, key=LANG_KEY)
    return lang


def is_history_navigation() -> bool:
    """Whether this run follows the browser's Back or Forward button."""
    context = get_script_run_ctx()
    return context is not None and context.is_history_navigation


def track_page(path: str) -> None:
    """Note whether this run opens the page at `path` (a first visit, or one from another page) or
    reruns it, for query_to_restore."""
    st.session_state[OPENED_KEY] = st.session_state.get(PAGE_KEY) != path
    st.session_state[PAGE_KEY] = path


def query_to_restore(prefix: str) -> dict[str, str] | None:
    """The query parameters to set a page's widgets from at the start of its run, or None when its
    widgets hold its settings (a rerun of the page).

    From the URL on a session's first visit (a shared link) and on Back or Forward within the page
    (the view follows the history entry, so it and its link agree). From the settings the page last
    wrote into the URL when the visitor comes back to it from another page: Streamlit drops a page's
    widgets while another page runs, the navigation leaves the page's settings out of the URL, and
    Back from another page sends that page's query string along."""
    opened = st.session_state.get(OPENED_KEY, True)
    if not opened and not is_history_navigation():
        return None
    url = {key: value for key, value in st.query_params.to_dict().items() if key != LANG_KEY}
    stored = st.session_state.get(prefix + "query")
    return dict(stored) if stored is not None and (opened or not url) else url


def restore_widgets(prefix: str, settings: LabSettings) -> None:
    """Put a lab's settings (restored from the URL) into the session state of its widgets."""
    for key, value in settings.values.items():
        st.session_state[prefix + key] = list(value) if isinstance(value, tuple) else value
    for name, values in settings.params.items():
        for key, value in values.items():
            st.session_state[f"{prefix}{name}.{key}"] = value


def open_tab(key: str, labels: dict[str, str], label: str, width: str = "content") -> str:
    """Tabs ({tab: label}) of which only the open one is drawn, right below: returns the open tab.
    A segmented control, not st.tabs: every element drawn costs the browser time on each rerun, a
    formula or a code block ~10 ms, and st.tabs ~40 ms even when nothing in it changed.
    `label` names the control for screen readers; `width` is "content" or "stretch"."""
    return st.segmented_control(label, list(labels), format_func=labels.get, key=key, default=next(iter(labels)),
                                required=True, label_visibility="collapsed", width=width)


LAB_TABS = ("data", "losses", "training")  # of a lab's settings


def settings_tab(prefix: str, schema: LabSchema, lang: str, elsewhere: tuple[str, ...] = ()) -> str:
    """open_tab for a lab's settings (LAB_TABS, across the sidebar): the closed tabs' settings keep
    their values in session state, where lab_settings reads them. `elsewhere`: the settings whose
    widgets stand outside the tabs."""
    for key in (*schema.defaults(), *(f"{name}.{param}" for name, param in schema.param_specs)):
        if key not in elsewhere and prefix + key in st.session_state:
            # Streamlit forgets the value of a widget that a run does not draw, unless it is stored again
            st.session_state[prefix + key] = st.session_state[prefix + key]
    labels = {name: translate(lang, f"regression.tab_{name}") for name in LAB_TABS}
    return open_tab(prefix + "settings_tab", labels, translate(lang, "regression.settings"), width="stretch")


def lab_settings(prefix: str, schema: LabSchema, values: dict, params: dict) -> LabSettings:
    """The settings the controls just read, completed from session state by the ones whose widgets
    stand elsewhere on the page or in a closed tab (defaults where there are none yet)."""
    stored = {key: st.session_state[prefix + key] for key in schema.defaults()
              if key not in values and prefix + key in st.session_state}
    stored.update({key: tuple(stored[key]) for key in schema.lists if key in stored})
    complete = {}
    for name, param in schema.param_specs:
        widget_key = f"{prefix}{name}.{param}"
        if param in params.get(name, {}):
            complete.setdefault(name, {})[param] = params[name][param]
        elif widget_key in st.session_state:
            complete.setdefault(name, {})[param] = st.session_state[widget_key]
    return schema.settings({**stored, **values}, complete)


def mirror_in_url(prefix: str, query: dict[str, str], lang: str) -> None:
    """Write a page's settings (`query`) and the language into the URL, in one write and only when
    the URL does not hold them already (each write costs a round trip to the browser and adds a
    history entry), and keep them for query_to_restore."""
    st.session_state[prefix + "query"] = query
    wanted = {**query, LANG_KEY: lang}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def add_notices(notices: list[Notice]) -> None:
    st.session_state.setdefault("notices", []).extend(notices)


def show_notices(lang: str) -> None:
    """Show the repairs made to the URL once, then forget them."""
    notices = st.session_state.pop("notices", [])
    if notices:
        lines = "\n".join(f"- {translate(lang, notice.key, **as_code(notice.values))}" for notice in notices)
        st.warning(f"{translate(lang, 'notice.title')}\n\n{lines}", icon=":material/warning:")


def as_code(values: dict) -> dict:
    """URL values as markdown code spans: shown literally, never read as markdown or HTML."""
    return {name: "`" + str(value).replace("`", "'") + "`" for name, value in values.items()}


def table(rows: list[dict], where=st, number_format: str = "{:.3f}") -> None:
    """Rows of equal keys as a markdown table: static HTML redraws in a few milliseconds, where an
    interactive st.dataframe costs about 80 ms of every slider rerun."""
    where.markdown(markdown_table(rows, number_format))


def markdown_table(rows: list[dict], number_format: str = "{:.3f}") -> str:
    """Rows of equal keys as a pipe table: floats in `number_format`, number columns right-aligned,
    cell text escaped."""
    if not rows:
        return ""
    keys = list(rows[0])

    def cell(value) -> str:
        if isinstance(value, float):
            return number_format.format(value)
        return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    numeric = [all(isinstance(row[key], (int, float)) for row in rows) for key in keys]
    lines = ["| " + " | ".join(cell(key) for key in keys) + " |",
             "|" + "|".join("---:" if is_number else ":---" for is_number in numeric) + "|"]
    lines += ["| " + " | ".join(cell(row[key]) for key in keys) + " |" for row in rows]
    return "\n".join(lines)


def param_slider(loss_name: str, key: str, spec: ParamSpec, lang: str, widget_key: str) -> float:
    """The slider of one loss parameter, labelled `loss · param`."""
    help_text = translate(lang, f"help.{loss_name}.{key}", default=spec.help)
    return spec_slider(f"{loss_name} · {key}", spec, widget_key, help_text)


def spec_slider(label: str, spec: ParamSpec, widget_key: str, help_text: str | None = None,
                format_func=None) -> float | int:
    """A slider for one ParamSpec: whole numbers for integer specs, 1-2-5 steps for log-scale ones
    (shown through `format_func` when given)."""
    if spec.log:
        options = log_steps(spec)
        current = float(st.session_state.get(widget_key, spec.default))
        # a select slider shows a value only if it is one of its options, exactly
        st.session_state[widget_key] = min(options, key=lambda option: abs(option - current))
        return float(st.select_slider(label, options=options, key=widget_key, help=help_text,
                                      format_func=format_func or (lambda value: f"{value:g}")))
    kind = int if spec.integer else float
    st.session_state.setdefault(widget_key, kind(spec.default))
    return kind(st.slider(label, min_value=kind(spec.min), max_value=kind(spec.max), step=kind(spec.step),
                          key=widget_key, help=help_text))


def training_controls(prefix: str, numbers: dict, lang: str) -> dict:
    """Optimizer, learning rate, momentum (for the two that use it) and epochs, as a lab's settings."""
    values = {"optimizer": st.selectbox(translate(lang, "regression.optimizer"), OPTIMIZERS, key=prefix + "optimizer",
                                        format_func=lambda name: translate(lang, f"optimizer.{name}"))}
    for key in ("lr", "momentum", "epochs"):
        if key == "momentum" and values["optimizer"] not in ("momentum", "nag"):
            continue
        values[key] = spec_slider(translate(lang, f"regression.{key}"), numbers[key], prefix + key)
    return values


def requested(label: str, widget_key: str, settings_key) -> bool:
    """A button for slow work (a sweep): True from its click on, as long as `settings_key` stays the same."""
    if st.button(label, key=widget_key):
        st.session_state[widget_key + ".for"] = settings_key
    return st.session_state.get(widget_key + ".for") == settings_key


def log_steps(spec: ParamSpec) -> list[float]:
    """1-2-5 values covering the spec's range, plus its ends and default."""
    values = {spec.min, spec.max, spec.default}
    decade = 10.0 ** int(f"{spec.min:e}".split("e")[1])
    while decade <= spec.max:
        values.update(v * decade for v in (1.0, 2.0, 5.0) if spec.min <= v * decade <= spec.max)
        decade *= 10.0
    return sorted(float(f"{value:.6g}") for value in values)


def frozen(settings: dict) -> tuple:
    """A settings dict as a hashable, ordered tuple (the argument form of the cached functions)."""
    return tuple(sorted(settings.items()))


@st.cache_data(max_entries=512, show_spinner=False)
def cached_curve(task: str, axis: str, name: str, params: tuple[tuple[str, float], ...]) -> gallery.Curve:
    """gallery.loss_curve, cached per (view, loss, parameters): a slider rerun recomputes one loss."""
    return gallery.loss_curve(task, axis, name, dict(params))


@st.cache_data(max_entries=64, show_spinner=False)
def cached_regression_data(data_settings: tuple) -> RegressionData:
    return regression_data(**dict(data_settings))


@st.cache_data(max_entries=256, show_spinner=False)
def cached_training(data_settings: tuple, name: str, params: tuple, training: tuple) -> History:
    """One loss's training run, cached per (data, loss, parameters, training): a slider recomputes what it moved."""
    return train_linear(losses.get(name, **dict(params)), cached_regression_data(data_settings), **dict(training))


@st.cache_data(max_entries=16, show_spinner=False)
def cached_sweep(data_settings: tuple, configured: tuple, training: tuple) -> Sweep:
    """The outlier sweep of the losses in `configured` ((name, params) pairs)."""
    return outlier_sweep([losses.get(name, **dict(params)) for name, params in configured], dict(data_settings),
                         dict(training))


@st.cache_data(max_entries=32, show_spinner=False)
def cached_classification_data(data_settings: tuple, classes: int) -> ClassificationData:
    return classification_data(classes=classes, **dict(data_settings))


def method_goal(method: str, params: tuple, data_settings: tuple, classes: int):
    """The Objective of `method`, its automatic weights taken from the (cached) training labels."""
    return objective(method, dict(params), cached_classification_data(data_settings, classes).y)


@st.cache_data(max_entries=256, show_spinner=False)
def cached_classifier(data_settings: tuple, classes: int, method: str, params: tuple, training: tuple) -> History:
    """One method's linear classifier, cached per (data, method, parameters, training)."""
    goal = method_goal(method, params, data_settings, classes)
    return train_classifier(goal, cached_classification_data(data_settings, classes), **dict(training))


@st.cache_data(max_entries=16, show_spinner=False)
def cached_imbalance_sweep(methods: tuple, data_settings: tuple, training: tuple) -> ImbalanceSweep:
    return imbalance_sweep([(method, dict(params)) for method, params in methods], dict(data_settings),
                           dict(training))
