"""Widgets the pages share: sliders from ParamSpecs, lazy tabs, training controls, buttons for slow
work, and static tables."""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import contextmanager
from functools import partial

import streamlit as st

from lossviz import i18n
from lossviz.bundled import SOURCES
from lossviz.i18n.sentence import Sentence
from lossviz.losses import ParamSpec
from lossviz.mistakes import mistake
from lossviz.models import report_rows
from lossviz.optim import OPTIMIZERS
from lossviz.state import OFF, SWITCH_SUFFIX, Settings
from lossviz.tables import markdown_table
from lossviz.ui import cache, lesson, url
from lossviz.ui.drag import arm_first, drag_slider, followed, shown_range
from lossviz.ui.page import Page
from lossviz.verdict import MIN_SAMPLES, enough

LAB_TABS = ("data", "losses", "training")  # of a lab's settings


def open_tab(key: str, labels: dict[str, str], label: str, width: str = "content") -> str:
    """Tabs ({tab: label}) of which only the open one is drawn, right below: returns the open tab.
    A segmented control, not st.tabs, which redraws every tab on every rerun (docs/PERFORMANCE.md).
    `label` names the control for screen readers; `width` is "content" or "stretch"."""
    st.session_state.setdefault(key, next(iter(labels)))  # a default, unless the URL or the visitor set one
    return st.segmented_control(label, list(labels), format_func=labels.get, key=key, required=True,
                                label_visibility="collapsed", width=width)


def settings_tab(page: Page, tabs: dict[str, str] | None = None, key: str = "settings_tab") -> str:
    """open_tab for a lab's settings across the sidebar: LAB_TABS, or `tabs` ({tab: label}). The
    closed tabs' settings keep their values in session state, where Page.settings reads them (also
    in a fragment's run, after which app.py's keep_settings does not run)."""
    url.keep_widget_values(page.key(""), page.schema)
    labels = tabs or {name: page.t(f"common.tab_{name}") for name in LAB_TABS}
    return open_tab(page.key(key), labels, page.t("common.settings"), width="stretch")


def tabbed_settings(page: Page, tabs: dict[str, Callable[[], dict | tuple[dict, dict]]],
                    labels: dict[str, str] | None = None, key: str = "settings_tab") -> Settings:
    """A lab's settings across tabs in the sidebar (settings_tab, LAB_TABS unless `labels`): the open
    tab's function draws its widgets and returns their values, or (values, {loss: {param: value}});
    the closed tabs' settings come from session state."""
    drawn = tabs[settings_tab(page, labels, key)]()
    values, params = drawn if isinstance(drawn, tuple) else (drawn, {})
    return page.settings(values, params)


def choice(page: Page, key: str, options, label: str, option_prefix: str, **kwargs) -> str:
    """A horizontal radio for the page's setting `key` over `options`, each shown by the string
    `<option_prefix>.<option>`."""
    return st.radio(label, options, key=page.key(key), horizontal=True,
                    format_func=lambda option: page.t(f"{option_prefix}.{option}"), **kwargs)


def data_source(page: Page, kind: str) -> str:
    """The radio of the page's data source: synthetic, or the real data set bundled with scikit-learn for
    `kind` (bundled.SOURCES); a source the kind does not offer falls back to synthetic data."""
    options = SOURCES[kind]
    if st.session_state.get(page.key("data")) not in options:
        st.session_state[page.key("data")] = options[0]
    return choice(page, "data", options, page.t("common.data_source"), "common.source",
                  help=page.t("common.data_source_help"))


def source_card(page: Page, source: str) -> None:
    """What a real data set is: where it comes from, its size, licence, what was done to it, its citation."""
    if source != "synthetic":
        with st.expander(page.t("common.about_source", source=page.t(f"common.source.{source}"))):
            st.markdown(page.t(f"common.card.{source}"))


def fixed_by_data(page: Page, labels) -> None:
    """The one-line reason why settings that real data fixes (`labels`, as shown) are not offered."""
    st.caption(page.t("common.set_by_data", controls=", ".join(labels)))


def spec_slider(label: str, spec: ParamSpec, widget_key: str, help_text: str | None = None,
                format_func=None) -> float | int:
    """A slider for one ParamSpec: whole numbers for integer specs, 1-2-5 steps for log-scale ones
    (shown through `format_func` when given)."""
    if spec.log:
        options = spec.log_steps()
        current = float(st.session_state.get(widget_key, spec.default))
        # a select slider shows a value only if it is one of its options, exactly
        st.session_state[widget_key] = min(options, key=lambda option: abs(option - current))
        return float(st.select_slider(label, options=options, key=widget_key, help=help_text,
                                      format_func=format_func or (lambda value: f"{value:g}")))
    kind = int if spec.integer else float
    st.session_state.setdefault(widget_key, kind(spec.default))
    return kind(st.slider(label, min_value=kind(spec.min), max_value=kind(spec.max), step=kind(spec.step),
                          key=widget_key, help=help_text))


def slider_step(low: float, high: float) -> float:
    """A round step that divides [low, high] into at least about a hundred stops (1, 0.1, 0.01, ...)."""
    return 10.0 ** math.floor(math.log10((high - low) / 100.0))


def slider_for(chart: str):
    """The slider function for a setting: a drag slider the chart keyed `chart` follows, else a st.slider."""
    return partial(drag_slider, chart=chart) if chart else spec_slider


def setting_sliders(page: Page, keys, formats: dict | None = None, chart: str = "") -> dict:
    """Sliders for the page's numeric settings `keys`, labelled by the strings `<page>.<key>` and
    `<page>.<key>_help`; `formats`: {key: format_func} for the ones shown otherwise. With `chart` (a
    ui.chart's key), drag sliders that the chart follows, the first armed unless another one is.
    Returns {key: value}."""
    if chart:
        arm_first([page.key(key) for key in keys if followed(page.schema.numbers[key])])
    return {key: slider_for(chart)(page.t(f"{page.slug}.{key}"), page.schema.numbers[key], page.key(key),
                                   help_text=page.t(f"{page.slug}.{key}_help"), format_func=(formats or {}).get(key))
            for key in keys}


def param_sliders(page: Page, names, *, columns: int = 1, skip: Callable[[str, str], bool] = lambda name, key: False,
                  help_name: Callable[[str], str] = lambda name: name, chart: str = "",
                  first_armed: bool = True) -> dict[str, dict[str, float]]:
    """The sliders of the parameters of losses (or methods) `names`, from the page's schema, labelled
    by the names shown for both ("Huber δ"), in `columns` columns; returns {name: {param: value}}.
    `help_name(name)`: the loss whose help texts a name's sliders show. With `chart` (a ui.chart's
    key), drag sliders that the chart follows; the armed one is the last pressed, else (with
    `first_armed`) the first."""
    specs = [(name, key, spec) for name in names for (owner, key), spec in page.schema.param_specs.items()
             if owner == name and not skip(name, key)]
    keys = [page.key(f"{name}.{key}") for name, key, _ in specs]
    if chart and first_armed:
        arm_first(keys)
    places = st.columns(columns) if columns > 1 else [st.container()]
    slider = slider_for(chart)
    params: dict = {}
    for index, ((name, key, spec), widget_key) in enumerate(zip(specs, keys, strict=True)):
        help_text = page.t(f"help.{help_name(name)}.{key}", default=spec.help)
        with places[index % len(places)]:
            label = f"{page.name(name)} {page.t(f'param.{key}')}"
            params.setdefault(name, {})[key] = (
                switched_slider(label, spec, widget_key, help_text, page.t("param.switch", label=label), slider)
                if spec.switch else slider(label, spec, widget_key, help_text))
    return params


def switched_slider(label: str, spec: ParamSpec, widget_key: str, help_text: str | None, switch_label: str,
                    slider=spec_slider) -> float:
    """A switch for a parameter that can be off (ParamSpec.switch) and, while it is on, its `slider`
    over [0, max]; the value is OFF while the switch is off."""
    on_key = widget_key + SWITCH_SUFFIX
    st.session_state.setdefault(on_key, spec.default >= 0)
    if not st.toggle(switch_label, key=on_key, help=help_text):
        return OFF
    if st.session_state.get(widget_key, spec.default) < 0:  # off until now: start from the default
        st.session_state[widget_key] = max(spec.default, 0.0)
    return slider(label, shown_range(spec), widget_key, help_text)


def none_chosen(page: Page, chosen) -> bool:
    """Whether nothing is chosen (no loss, no method): then the hint to choose one is shown."""
    if not chosen:
        st.info(page.t("common.pick_one"))
    return not chosen


def choose_names(page: Page, label: str, options, key: str, where=st) -> tuple[str, ...]:
    """A multiselect of losses or methods, shown by their names; no "Select all" (Streamlit's own
    untranslated entry, of little use with a handful of options)."""
    return tuple(where.multiselect(label, list(options), key=page.key(key), format_func=page.name, select_all=False,
                                   placeholder=page.t("common.losses_placeholder")))


def training_controls(page: Page, chart: str = "") -> dict:
    """Optimizer, learning rate, momentum (for the two that use it) and epochs, as a lab's settings;
    with `chart` (a ui.chart's key), drag sliders that the chart follows."""
    values = {"optimizer": st.selectbox(page.t("common.optimizer"), OPTIMIZERS, key=page.key("optimizer"),
                                        format_func=lambda name: page.t(f"optimizer.{name}"))}
    slider = slider_for(chart)
    for key in ("lr", "momentum", "epochs"):
        if key == "momentum" and values["optimizer"] not in ("momentum", "nag"):
            continue
        values[key] = slider(page.t(f"common.{key}"), page.schema.numbers[key], page.key(key))
    return values


@contextmanager
def progress(describe: Callable[..., str]):
    """A progress bar for slow work, gone when it ends: the work calls the yielded report(done,
    total, *where), and the bar says `describe(*where)`."""
    bar = st.progress(0.0)

    def report(done: int, total: int, *where) -> None:
        bar.progress(done / total, text=describe(*where))

    try:
        yield report
    finally:
        bar.empty()


def say(page: Page, sentence: Sentence) -> str:
    """A Sentence of the core in the page's language, losses and methods by their names."""
    return i18n.say(page.lang, sentence)


def bullets(page: Page, sentences, intro: str = "") -> None:
    """Sentences of the core as a bulleted list, after an optional introduction."""
    st.markdown("\n\n".join(filter(None, [intro, "\n".join(f"- {say(page, sentence)}" for sentence in sentences)])))


def report_table(page: Page, data, histories, before: str = "") -> None:
    """Each binary classifier's validation report (models.report_rows) under a caption with its counts
    (after `before`); on fewer than MIN_SAMPLES minority samples, the recall is shown as the count it is
    ("1 of 2") and the caption says there are too few samples to judge."""
    minority = int(data.y_val.sum())
    few = not enough(minority)
    said = [before, page.t("common.report", points=data.y_val.size, minority=minority),
            page.t("common.report_too_few", wanted=MIN_SAMPLES) if few else ""]
    st.caption(" ".join(filter(None, said)))
    rows = report_rows(data, histories)
    if few:
        rows = [{**row, "recall": page.t("common.of", part=row["tp"], whole=row["tp"] + row["fn"])} for row in rows]
    table(rows, page)


def mistakes(page: Page, names: tuple[str, ...]) -> None:
    """An expander of the errors common sources make on this page's subject, each with its numbers."""
    with st.expander(page.t("mistake.title"), expanded=page.reads("mistakes")), page.reading("mistakes"):
        bullets(page, [cache.cached(mistake, name, entries=8) for name in names], intro=page.t("mistake.intro"))


def requested(label: str, widget_key: str, settings_key) -> bool:
    """A button for slow work (a sweep): True from its click on, as long as `settings_key` stays the same."""
    if st.button(label, key=widget_key) or lesson.pressed(widget_key):  # a lesson's step may press it
        st.session_state[widget_key + ".for"] = settings_key
    return st.session_state.get(widget_key + ".for") == settings_key


NAME_COLUMNS = ("loss", "method")  # their cells hold a loss's or a method's key


def table(rows: list[dict], page: Page, where=st, number_format: str = "{:.3f}") -> None:
    """Rows of equal keys as a static markdown table (an interactive st.dataframe costs far more of
    every rerun, docs/PERFORMANCE.md). A key names its header's UI string `column.<key>` (a (key,
    label) pair: `column.<key>` filled with that label); losses and methods show by their names."""
    shown = [{column_title(page, key): page.name(value) if key in NAME_COLUMNS else value
              for key, value in row.items()} for row in rows]
    where.markdown(markdown_table(shown, number_format))


NAMED_COLUMNS = ("loss_of", "gradient_of")  # (column, loss or method key): the label is its name


def column_title(page: Page, key) -> str:
    if isinstance(key, tuple):
        return page.t(f"column.{key[0]}", label=page.name(key[1]) if key[0] in NAMED_COLUMNS else key[1])
    return page.t(f"column.{key}")
