"""Embeddings lab: classes mapped to 2-D by a linear map trained with the triplet loss, played back,
with one anchor's easy, semi-hard and hard negatives, and the mining strategies compared."""

from urllib.parse import urlencode

import numpy as np
import streamlit as st

from lossviz import charts, embeddings, ui
from lossviz.pages_config import EMBEDDINGS
from lossviz.sentences import Sentence

page = ui.page("embeddings", EMBEDDINGS)
t = page.t
TABS = ("data", "training")
DATA_SLIDERS = ("classes", "dims", "spread", "points", "seed")
TRAINING_SLIDERS = ("margin", "lr", "epochs", "anchor")

page.title()
st.caption(t("embeddings.intro"))


def slider(key: str):
    return ui.spec_slider(t(f"embeddings.{key}"), EMBEDDINGS.numbers[key], page.key(key),
                          help_text=t(f"embeddings.{key}_help"))


def controls():
    opened = ui.settings_tab(page, {name: t(f"embeddings.tab_{name}") for name in TABS})
    if opened == "data":
        return page.settings({key: slider(key) for key in DATA_SLIDERS}, {})
    values = {"mining": st.radio(t("embeddings.mining"), embeddings.MININGS, key=page.key("mining"),
                                 format_func=lambda name: page.name(f"mining.{name}"),
                                 help=t("embeddings.mining_help"))}
    values.update({key: slider(key) for key in TRAINING_SLIDERS})
    return page.settings(values, {})


def comparison(settings):
    st.subheader(t("embeddings.compare_title"))
    st.caption(t("embeddings.compare_help", seeds=embeddings.COMPARE_SEEDS))
    key = (settings.group("data"), settings.group("training", without=("mining",)))
    if not ui.requested(t("embeddings.compare_run"), page.key("compare_run"), key):
        return
    with st.spinner(t("embeddings.compare_running")):
        result = ui.cache.mining_comparison(*key)
    ui.table([{"mining": page.name(f"mining.{mining}"), "recall_mean": float(values.mean()),
               "recall_spread": float(values.std(ddof=1)), "seeds": result.seeds}
              for mining, values in result.recall.items()], page)
    ui.bullets(page, embeddings.comparison_sentences(result), intro=t("embeddings.verdict_rule"))


@st.fragment
def lab():
    with st.sidebar:
        st.divider()
        settings = controls()
    page.mirror(settings)
    data = ui.cache.embedding_set(settings.group("data"))
    run = ui.cache.embedding_run(settings.group("data"), settings.group("training"))
    anchor = settings.anchor % data.y.size
    labels = {key: t(f"embeddings.{key}") for key in ("x", "y", "epoch_axis", "per_epoch", "active", "loss",
                                                      "positive", "ring_positive", "ring_margin")}
    labels["anchor"] = t("embeddings.anchor_marker")
    labels |= {key: t(f"regression.{key}") for key in ("epoch", "play", "pause")}
    labels["classes"] = [t("embeddings.class", number=label + 1) for label in range(data.classes)]
    ui.chart(charts.embedding_figure(run, data, anchor, settings.margin, labels=labels, revision="embeddings"),
             key=page.key("chart"))
    points = data.x @ run.maps[-1]
    same = np.flatnonzero(data.y == data.y[anchor])
    positive = same[np.argmax(np.linalg.norm(points[same] - points[anchor], axis=1))]
    regions = embeddings.negative_regions(points[anchor], points[positive], points[data.y != data.y[anchor]],
                                          settings.margin)
    ui.bullets(page, [
        Sentence("embeddings.regions", {**regions, "radius": f"{regions['radius']:.2f}",
                                        "outer": f"{regions['radius'] + settings.margin:.2f}"}),
        Sentence("embeddings.progress", {"start": f"{run.recall_at_1[0]:.2f}", "end": f"{run.recall_at_1[-1]:.2f}",
                                         "test": data.y_test.size, "active_start": f"{run.active[0]:.0%}",
                                         "active_end": f"{run.active[-1]:.0%}"}),
    ])
    st.download_button(t("embeddings.download"), lambda: run_csv(run, settings), file_name="lossviz-embeddings.csv",
                       mime="text/csv", key=page.key("download"))
    st.markdown(t("embeddings.look_for"))
    comparison(settings)


def run_csv(run, settings) -> str:
    """The run per epoch: the mined triplets' loss, the share of active triplets, recall@1, and the map."""
    header = ["epoch", "loss", "active_share", "recall_at_1", *(f"w{row}{column}" for row in range(run.maps.shape[1])
                                                                 for column in range(2))]
    lines = [f"# settings: {urlencode(EMBEDDINGS.query(settings))}", ",".join(header)]
    for epoch in range(len(run.maps)):
        step = [f"{run.values[epoch]:.10g}", f"{run.active[epoch]:.4g}"] if epoch < len(run.values) else ["", ""]
        lines.append(",".join([str(epoch), *step, f"{run.recall_at_1[epoch]:.4g}",
                               *(f"{value:.10g}" for value in run.maps[epoch].reshape(-1))]))
    return "\n".join(lines) + "\n"


lab()
