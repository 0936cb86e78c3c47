"""Loss gallery: overlay the losses of a task, tune them, compare curves and gradients."""

import streamlit as st

from lossviz import charts, gallery, losses, snippets, state, ui
from lossviz.i18n import translate

lang = st.session_state["lang"]
CHECK_TOLERANCE = 1e-9  # absolute; the curves' values and slopes are at most a few hundred
DETAIL_TABS = ("explain", "code", "check")


def t(key, **values):
    return translate(lang, key, **values)


def reset_view():
    """A new task starts from its default losses and first axis."""
    task = st.session_state["gallery.task"]
    st.session_state["gallery.losses"] = list(gallery.DEFAULT_LOSSES[task])
    st.session_state["gallery.axis"] = gallery.TASK_AXES[task][0]


query = ui.query_to_restore("gallery.")
if query is not None:  # a shared link, Back or Forward, or a return to the gallery
    restored, notices = state.parse_gallery(query)
    st.session_state["gallery.task"] = restored.task
    st.session_state["gallery.losses"] = list(restored.losses)
    st.session_state["gallery.axis"] = restored.axis
    for name, values in restored.params.items():
        for key, value in values.items():
            st.session_state[f"gallery.{name}.{key}"] = value
    ui.add_notices(notices)

st.title(t("gallery.title"))
ui.show_notices(lang)

controls = st.columns([1, 2, 1])
task = controls[0].selectbox(t("gallery.task"), list(gallery.TASK_LOSSES), key="gallery.task",
                             format_func=lambda name: t(f"task.{name}"), on_change=reset_view)
chosen = controls[1].multiselect(t("gallery.losses"), list(gallery.TASK_LOSSES[task]), key="gallery.losses",
                                 placeholder=t("gallery.losses_placeholder"))
axis = controls[2].radio(t("gallery.axis"), list(gallery.TASK_AXES[task]), key="gallery.axis", horizontal=True,
                         format_func=lambda name: t(f"axis.{name}"))
st.caption(t(f"view.{task}"))


@st.fragment
def explore():
    """Everything a parameter slider changes: moving one reruns this block, not the whole page.
    In a page run, returns the drawn losses as configured ({name: Loss}) for the details."""
    specs = [(name, key, spec) for name in chosen for key, spec in losses.loss_class(name).param_specs.items()]
    if not specs:
        st.caption(t("gallery.no_parameters"))
    params = {}
    columns = st.columns(4)
    for index, (name, key, spec) in enumerate(specs):
        with columns[index % len(columns)]:
            params.setdefault(name, {})[key] = ui.param_slider(name, key, spec, lang, f"gallery.{name}.{key}")
    settings = state.GallerySettings(task, tuple(chosen), axis, params)
    ui.mirror_in_url("gallery.", state.gallery_query(settings), lang)
    page_run = st.session_state.get("gallery.page_run")
    if not page_run and st.session_state.get("gallery.detail_tab", DETAIL_TABS[0]) != "explain":
        # a slider moved and the open tab (code, check) follows it: the page run draws it all, the chart once
        st.rerun()

    drawn = [name for name in chosen if gallery.supports(name, axis)]
    if len(drawn) < len(chosen):
        st.caption(t("gallery.hinge_note"))
    if not drawn:
        st.info(t("gallery.pick_one"))
        return {}

    curves = [ui.cached_curve(task, axis, name, tuple(settings.loss_params(name).items())) for name in drawn]
    axis_title = t(f"axis_title.{task}.{axis}", default=t(f"axis_title.{axis}"))
    ui.chart(charts.curves_figure(curves, x_title=axis_title, value_title=t("gallery.loss_chart"),
                                  slope_title=t("gallery.slope_chart"), revision=f"{task}.{axis}"), key="gallery.chart")
    st.download_button(t("gallery.download"), lambda: gallery.curves_csv(curves, axis),  # built on click only
                       file_name=f"lossviz-{task}.csv", mime="text/csv", key="gallery.download")

    if not page_run:  # a slider moved: the explanation below does not depend on it and does not rerun
        return {}
    return {name: gallery.configured_loss(name, axis, settings.loss_params(name)) for name in drawn}


def details(configured):
    """One drawn loss at a time: its explanation and formulas, its code, or a check against PyTorch.

    Drawn outside the sliders' fragment: a slider move redraws the chart alone (every element a
    rerun sends costs the browser time), and reruns the page only when the open tab depends on it."""
    if not configured:
        return
    st.subheader(t("gallery.details"))
    names = list(configured)
    if st.session_state.get("gallery.detail") not in names:  # the loss it showed was removed
        st.session_state["gallery.detail"] = names[0]
    name = st.radio(t("gallery.details"), names, key="gallery.detail", horizontal=True,
                    label_visibility="collapsed")
    opened = ui.open_tab("gallery.detail_tab", {key: t(f"gallery.{key}") for key in DETAIL_TABS},
                         t("gallery.detail_tabs"))
    if opened == "explain":
        cls = losses.loss_class(name)
        st.write(t(f"about.{name}"))
        st.caption(t("gallery.formula"))
        st.latex(cls.latex)
        st.caption(t("gallery.gradient"))
        st.latex(cls.grad_latex)
    elif opened == "code":
        for framework, title in (("pytorch", "PyTorch"), ("keras", "Keras")):  # full width: long calls stay whole
            st.caption(title)
            st.code(snippets.snippet(name, configured[name].params, framework), language="python", wrap_lines=True)
    else:
        torch_check(configured)


def torch_check(configured):
    st.caption(t("gallery.check_help"))
    if not st.button(t("gallery.check_run"), key="gallery.check_run"):
        return
    from lossviz.torch_bridge import compare_with_torch  # torch loads only on demand

    results = {name: compare_with_torch(loss, *gallery.curve_inputs(task, axis)) for name, loss in configured.items()}
    ui.table([{t("gallery.check_loss"): name, t("gallery.check_value"): result["value"],
               t("gallery.check_gradient"): result["gradient"], t("gallery.check_skipped"): result["skipped"]}
              for name, result in results.items()], number_format="{:.2e}")
    if max(max(result["value"], result["gradient"]) for result in results.values()) <= CHECK_TOLERANCE:
        st.success(t("gallery.check_ok"))
    else:
        st.warning(t("gallery.check_bad"))
    if any(result["skipped"] for result in results.values()):
        st.caption(t("gallery.check_skipped_note"))


st.session_state["gallery.page_run"] = True  # explore() runs as part of the page here, not on its own
try:
    configured = explore()
finally:
    st.session_state["gallery.page_run"] = False
details(configured)
