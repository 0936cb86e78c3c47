"""LossViz entry point: the loss registry at a glance, each loss with its formula and gradient."""

import streamlit as st

from lossviz import losses

st.set_page_config(page_title="LossViz", page_icon="📉", layout="wide")
st.title("LossViz")
st.write("An interactive explorer of machine-learning loss functions. Every loss below is computed "
         "in numpy with a hand-derived gradient and checked against PyTorch.")

task = st.selectbox("Task", ["all", *losses.TASKS], key="registry.task")
names = losses.names(task=None if task == "all" else task)
rows = [
    {
        "loss": name,
        "task": losses.loss_class(name).task,
        "parameters": ", ".join(f"{key} = {spec.default:g} [{spec.min:g}, {spec.max:g}]"
                                for key, spec in losses.loss_class(name).param_specs.items()) or "—",
        "summary": losses.loss_class(name).__doc__.strip().splitlines()[0],
    }
    for name in names
]
st.dataframe(rows, hide_index=True, width="stretch")

for name in names:
    cls = losses.loss_class(name)
    with st.expander(f"{name} · {cls.__doc__.strip().splitlines()[0]}"):
        st.latex(cls.latex)
        st.latex(cls.grad_latex)
