"""Loss gallery: overlay the losses of a task, tune them, compare curves and gradients."""

import streamlit as st

from lossviz import losses, snippets, ui
from lossviz.charts.curves import curve_frames, curves_figure
from lossviz.curves import (
    TASK_AXES,
    TASK_LOSSES,
    configured_loss,
    curve_inputs,
    curves_along,
    curves_csv,
    loss_curves,
    registry_name,
    supports,
)
from lossviz.labs import lab
from lossviz.labs.gallery.schema import GALLERY
from lossviz.labs.gallery.schema import GALLERY_DETAIL_TABS as DETAIL_TABS

page = ui.page("gallery", GALLERY)
t = page.t
CHECK_TOLERANCE = 1e-9  # absolute; the curves' values and slopes are at most a few hundred
TRAINED_ON = {"kl": "distributions", "js": "distributions", "triplet": "embeddings"}  # the lab a loss trains in


def reset_view():
    """A new task starts from its default losses and first axis."""
    defaults = GALLERY.defaults({"task": st.session_state[page.key("task")]})
    for key in ("losses", "axis", "detail"):
        st.session_state[page.key(key)] = list(defaults[key]) if key == "losses" else defaults[key]


page.title()
controls = st.columns([1, 2, 1])
task = controls[0].selectbox(t("gallery.task"), list(TASK_LOSSES), key=page.key("task"),
                             format_func=lambda name: t(f"gallery.task.{name}"), on_change=reset_view)
chosen = ui.choose_names(page, t("gallery.losses"), TASK_LOSSES[task], "losses", where=controls[1])
axis = controls[2].radio(t("gallery.axis"), list(TASK_AXES[task]), key=page.key("axis"), horizontal=True,
                         format_func=lambda name: t(f"gallery.axis.{name}"))
st.caption(t(f"gallery.view.{task}"))


@st.fragment
def explore():
    """Everything a parameter slider changes: moving one reruns this block, not the whole page.
    In a page run, returns the drawn losses' parameters ({name: params}) for the details."""
    params = ui.param_sliders(page, chosen, columns=4, chart=page.key("chart"))
    if not params:
        st.caption(t("gallery.no_parameters"))
    settings = page.settings({"task": task, "losses": tuple(chosen), "axis": axis}, params)
    page.mirror(settings)
    page_run = st.session_state.get(page.key("page_run"))
    if not page_run and st.session_state.get(page.key("detail_tab"), DETAIL_TABS[0]) != "explain":
        # a slider moved and the open tab (code, check) follows it: the page run draws it all, the chart once
        st.rerun()

    drawn = [name for name in chosen if supports(name, axis)]
    elsewhere = [page.name(name) for name in chosen if name not in drawn]
    if elsewhere:
        st.caption(t("gallery.other_axis", names=", ".join(elsewhere)))
    if not drawn:
        st.info(t("gallery.pick_one"))
        return {}

    curves = [curve for name in drawn
              for curve in ui.cached(loss_curves, task, axis, name, settings.params_key(name), entries=512)]
    frames, frames_id = drag_frames(settings, drawn, curves)
    labels = {curve.key: page.name(curve.name) + (f" ({t(f'gallery.pair.{curve.pair}')})" if curve.pair else "")
              for curve in curves}
    axis_title = t(f"gallery.axis_title.{task}.{axis}", default=t(f"gallery.axis_title.{axis}"))
    ui.chart(curves_figure(curves, x_title=axis_title, value_title=t("common.loss_chart"),
                           slope_title=t("common.slope_chart"), names=labels,
                           revision=f"{task}.{axis}"),
             key=page.key("chart"), extra_frames=frames, extra_id=frames_id)
    st.caption(t(f"gallery.slope.{task}.{axis}"))
    st.download_button(t("gallery.download"),  # built on click only
                       lambda: curves_csv(curves, axis, GALLERY.query(settings)),
                       file_name=f"lossviz-{task}-{axis}.csv", mime="text/csv", key=page.key("download"))

    if not page_run:  # a slider moved: the explanation below does not depend on it and does not rerun
        return {}
    return {name: settings.params_of(name) for name in drawn}


def drag_frames(settings, drawn, curves):
    """What builds the frames of the chart of `curves` that dragging the armed slider scrubs through
    (its loss's curves at each of its stops), and what they show, as an id; (None, None) unarmed."""
    found = ui.armed_param(page)
    if found is None or found[0] not in drawn:
        return None, None
    name, key, stops = found
    others = tuple(item for item in settings.params_key(name) if item[0] != key)

    def build():
        along = ui.cached(curves_along, task, axis, name, others, key, tuple(stops), entries=32)
        return curve_frames(curves, [(ui.drag_frame(page.key(f"{name}.{key}"), stop), moved)
                                     for stop, moved in zip(stops, along, strict=True)])

    return build, repr((task, axis, tuple(curve.key for curve in curves), name, key, others))


def comparison():
    """The task's losses side by side: robustness, what each needs from the data, its gradient."""
    with st.expander(t("gallery.compare_title", task=t(f"gallery.task.{task}"))):
        st.caption(t("gallery.compare_help"))
        names = dict.fromkeys(registry_name(entry) for entry in TASK_LOSSES[task])
        ui.table([{"loss": name, **{column: t(f"{column}.{name}") for column in ("robust", "needs", "gradient")}}
                  for name in names], page)


def details(drawn):
    """One drawn loss at a time: its explanation and formulas, its code, or a check against PyTorch.

    Drawn outside the sliders' fragment: a slider move redraws the chart alone, and reruns the
    page only when the open tab depends on it."""
    if not drawn:
        return
    configured = {name: configured_loss(name, axis, params) for name, params in drawn.items()}
    st.header(t("gallery.details"))
    names = list(configured)
    if st.session_state.get(page.key("detail")) not in names:  # the loss it showed was removed
        st.session_state[page.key("detail")] = names[0]
    name = st.radio(t("gallery.details"), names, key=page.key("detail"), horizontal=True, format_func=page.name,
                    label_visibility="collapsed")
    opened = ui.open_tab(page.key("detail_tab"), {key: t(f"gallery.{key}") for key in DETAIL_TABS},
                         t("gallery.detail_tabs"))
    loss = configured[name]
    if opened == "explain":
        card(loss)
    elif opened == "code":
        code(loss)
    else:
        torch_check(configured, drawn)


def code(loss):
    """The loss in PyTorch and in Keras, full width: long calls stay whole."""
    for framework, title in (("pytorch", "PyTorch"), ("keras", "Keras")):
        st.caption(title)
        try:
            st.code(snippets.snippet(loss.name, loss.params, framework), language="python", wrap_lines=True)
        except ValueError:  # a loss registered without code of its own yet
            st.caption(t("gallery.no_snippet"))


def card(loss):
    """What the loss is for, when to use it and when not, its parameters, its paper and its formulas."""
    name = loss.name
    st.write(t(f"about.{name}"))
    uses = st.columns(2)
    uses[0].markdown(f"**{t('gallery.card.use')}** {t(f'use.{name}')}")
    uses[1].markdown(f"**{t('gallery.card.avoid')}** {t(f'avoid.{name}')}")
    specs = type(loss).param_specs
    if specs:
        st.markdown(f"**{t('gallery.card.parameters')}**\n" + "".join(
            f"\n- {t(f'param.{key}')}: {t(f'help.{name}.{key}')}" for key in specs))
    st.markdown(f"**{t('gallery.card.paper')}** {losses.reference(name)}")
    if name in TRAINED_ON:
        st.page_link(lab(TRAINED_ON[name]).script, label=t(f"gallery.see_it_train.{TRAINED_ON[name]}"),
                     icon=":material/play_circle:")
    st.caption(t("gallery.formula"))
    st.latex(loss.latex)
    st.caption(t("gallery.gradient"))
    st.latex(loss.grad_latex)


def torch_check(configured, drawn):
    st.caption(t("gallery.check_help"))
    if not st.button(t("common.check_run"), key=page.key("check_run")):
        return
    from lossviz.torch_bridge import check_rows  # torch loads only on demand

    rows = check_rows(configured, {name: curve_inputs(task, axis, name, params)
                                   for name, params in drawn.items()})
    ui.table(rows, page, number_format="{:.2e}")
    if max(max(row["value_diff"], row["gradient_diff"]) for row in rows) <= CHECK_TOLERANCE:
        st.success(t("gallery.check_ok"))
    else:
        st.warning(t("gallery.check_bad"))
    if any(row["skipped"] for row in rows):
        st.caption(t("gallery.check_skipped_note"))


st.session_state[page.key("page_run")] = True  # explore() runs as part of the page here, not on its own
try:
    drawn = explore()
finally:
    st.session_state[page.key("page_run")] = False
comparison()
details(drawn)
ui.mistakes(page, ("bce_sign", "cce_gradient", "focal_alpha", "huber_delta", "mse_example"))
