"""Loss gallery: overlay the losses of a task, tune them, compare curves and gradients."""

import streamlit as st

from lossviz import charts, gallery, losses, snippets, state, ui
from lossviz.i18n import translate

lang = st.session_state["lang"]
CHECK_TOLERANCE = 1e-9  # absolute; the curves' values and slopes are at most a few hundred


def t(key, **values):
    return translate(lang, key, **values)


def reset_view():
    """A new task starts from its default losses and first axis."""
    task = st.session_state["gallery.task"]
    st.session_state["gallery.losses"] = list(gallery.DEFAULT_LOSSES[task])
    st.session_state["gallery.axis"] = gallery.TASK_AXES[task][0]


if "gallery.task" not in st.session_state:  # first visit: restore the view from the URL
    restored, notices = state.parse_gallery(st.query_params.to_dict())
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

params = {}
specs = [(name, key, spec) for name in chosen for key, spec in losses.loss_class(name).param_specs.items()]
if not specs:
    st.caption(t("gallery.no_parameters"))
columns = st.columns(4)
for index, (name, key, spec) in enumerate(specs):
    with columns[index % len(columns)]:
        params.setdefault(name, {})[key] = ui.param_slider(name, key, spec, lang, f"gallery.{name}.{key}")

drawn = [name for name in chosen if gallery.supports(name, axis)]
if any(not gallery.supports(name, axis) for name in chosen):
    st.caption(t("gallery.hinge_note"))
settings = state.GallerySettings(task, tuple(chosen), axis, params)
st.query_params.from_dict({**state.gallery_query(settings), "lang": lang})

if not drawn:
    st.info(t("gallery.pick_one"))
    st.stop()

curves = [ui.cached_curve(task, axis, name, tuple(settings.loss_params(name).items())) for name in drawn]
axis_title = t(f"axis_title.{task}.{axis}", default=t(f"axis_title.{axis}"))
left, right = st.columns(2)
left.plotly_chart(charts.curves_figure(curves, field="value", x_title=axis_title, y_title=t("gallery.loss_chart"),
                                       revision=f"{task}.{axis}.value"), key="gallery.loss_chart")
right.plotly_chart(charts.curves_figure(curves, field="slope", x_title=axis_title,
                                        y_title=t("gallery.slope_chart"), revision=f"{task}.{axis}.slope"),
                   key="gallery.slope_chart")
st.download_button(t("gallery.download"), gallery.curves_csv(curves, axis), file_name=f"lossviz-{task}.csv",
                   mime="text/csv", key="gallery.download")

st.subheader(t("gallery.details"))
for name in drawn:
    cls = losses.loss_class(name)
    loss = gallery.configured_loss(name, axis, settings.loss_params(name))
    with st.expander(name):
        st.write(t(f"about.{name}"))
        st.caption(t("gallery.formula"))
        st.latex(cls.latex)
        st.caption(t("gallery.gradient"))
        st.latex(cls.grad_latex)
        st.caption(t("gallery.code"))
        pytorch, keras = st.tabs(["PyTorch", "Keras"])
        pytorch.code(snippets.snippet(name, loss.params, "pytorch"), language="python")
        keras.code(snippets.snippet(name, loss.params, "keras"), language="python")


@st.fragment
def torch_check():
    st.subheader(t("gallery.check"))
    st.caption(t("gallery.check_help"))
    if not st.button(t("gallery.check_run"), key="gallery.check_run"):
        return
    from lossviz.torch_bridge import compare_with_torch  # torch loads only on demand

    results = {name: compare_with_torch(gallery.configured_loss(name, axis, settings.loss_params(name)),
                                        *gallery.curve_inputs(task, axis)) for name in drawn}
    st.dataframe([{t("gallery.check_loss"): name, t("gallery.check_value"): f"{result['value']:.2e}",
                   t("gallery.check_gradient"): f"{result['gradient']:.2e}",
                   t("gallery.check_skipped"): result["skipped"]} for name, result in results.items()],
                 hide_index=True)
    if max(max(result["value"], result["gradient"]) for result in results.values()) <= CHECK_TOLERANCE:
        st.success(t("gallery.check_ok"))
    else:
        st.warning(t("gallery.check_bad"))
    if any(result["skipped"] for result in results.values()):
        st.caption(t("gallery.check_skipped_note"))


torch_check()
