"""Choosing a loss: three questions, an answer with its code and the experiment that shows it; the
guide's decision table, FAQ, hybrid losses and lessons, every recommendation one link from its evidence."""

import streamlit as st

from lossviz import losses, snippets, ui
from lossviz.labs.classification.schema import CLASSIFICATION
from lossviz.labs.classification.train import imbalance_sweep_key, imbalance_sweep_of
from lossviz.labs.classification.verdicts import imbalance_sentences
from lossviz.labs.guide import content
from lossviz.labs.guide.measured import dice_bce_weights, gaussian_nll_against_mse
from lossviz.labs.guide.schema import GUIDE
from lossviz.labs.regression.schema import REGRESSION
from lossviz.labs.regression.train import switch_key
from lossviz.labs.regression.verdicts import switch_runs, switch_sentences
from lossviz.labs.segmentation.schema import SEGMENTATION
from lossviz.lessons import lessons
from lossviz.mistakes import mistake
from lossviz.training import SWEEP_SEEDS

page = ui.page("guide", GUIDE)
t = page.t


def link(experiment: content.Experiment, label: str, where=st) -> None:
    """A real link (an <a> whose href carries the page and its query) to `experiment`."""
    where.page_link(experiment.script, label=label, icon=":material/science:",
                    query_params=experiment.link_query(page.lang))


def markdown_link(experiment: content.Experiment, label: str) -> str:
    return f"[{label}]({experiment.href(page.lang)})"


QUESTIONS = ("task", "data", "priority")


def forget_later_answers(key: str) -> None:
    """A changed answer resets the answers that depend on it to their first option (a callback)."""
    for later in QUESTIONS[QUESTIONS.index(key) + 1:]:
        st.session_state.pop(page.key(later), None)


def question(key: str, options) -> str:
    """One question (guide.q.<key>) as a row of its options (guide.<key>.<option>); an answer the
    options no longer hold, or one an earlier answer's change has reset, falls back to the first."""
    if st.session_state.get(page.key(key)) not in options:
        st.session_state[page.key(key)] = options[0]
    return st.radio(t(f"common.q.{key}"), options, key=page.key(key), horizontal=True,
                    format_func=lambda value: t(f"guide.{key}.{value}"), on_change=forget_later_answers, args=(key,))


def wizard():
    """The three questions, each a row of options, and the answer below them."""
    task = question("task", content.TASKS)
    data = question("data", content.data_options(task))
    priority = question("priority", content.priority_options(task, data))
    st.session_state.setdefault(page.key("framework"), snippets.FRAMEWORKS[0])
    answer(content.recommend(task, data, priority), data)
    page.mirror(GUIDE.settings({key: st.session_state[page.key(key)] for key in GUIDE.setting_keys()}, {}))


def answer(recommendation: content.Recommendation, data: str):
    with st.container(border=True):
        names = t("guide.either").join(page.name(name) for name in recommendation.losses)  # options, not a sum
        st.markdown(f"**{t('guide.answer', names=names)}**")
        st.markdown(t(f"guide.rec.{recommendation.key}.why"))
        st.caption(t(f"guide.rec.{recommendation.key}.caveat"))
        shown = content.experiment_of(recommendation, data)
        link(content.EXPERIMENTS[shown], t("guide.open", what=t(f"guide.experiment.{shown}")))
        framework = st.segmented_control(t("guide.code"), snippets.FRAMEWORKS, key=page.key("framework"),
                                         required=True, format_func=lambda name: t(f"guide.framework.{name}"))
        for name, params in content.code_of(recommendation):
            st.code(snippets.snippet(name, params, framework), language="python", wrap_lines=True)


def decision_table():
    st.header(t("guide.table"))
    st.caption(t("guide.table_help"))
    rows = [{"situation": t(f"guide.table.{row.key}.situation"), "advice": t(f"guide.table.{row.key}.advice"),
             "shows": f"{t(f'guide.verdict.{row.verdict}')} {t(f'guide.table.{row.key}.shows')}",
             "experiment": markdown_link(content.EXPERIMENTS[row.experiment], t("guide.open_short"))}
            for row in content.DECISIONS]
    ui.table(rows, page)


# FAQ answers measured on synthetic data that a bundled real data set can check, with the same rule
REAL_DATA = {"imbalance_100": "breast_cancer", "switch": "diabetes"}


def measured(experiment: str, data: str = "synthetic") -> list:
    """The verdict of the content.FAQ entry whose evidence is `experiment`, measured from the app's own runs
    (through the labs' caches: the lab opened next shows the same runs), on `data` (REAL_DATA's or synthetic)."""
    if experiment == "gaussian_nll":
        return [gaussian_nll_against_mse()]
    if experiment == "imbalance_100":
        lab = CLASSIFICATION.parse({**dict(content.EXPERIMENTS[experiment].query), "data": data})[0]
        with ui.progress(lambda ratio, seed: t("common.sweep_progress", ratio=f"1:{ratio:g}", seed=seed + 1,
                                               seeds=SWEEP_SEEDS)) as report:
            sweep = ui.remembered(imbalance_sweep_of, *imbalance_sweep_key(lab), on_progress=report)
        return imbalance_sentences(sweep)
    if experiment == "huber_delta":
        return [ui.cached(mistake, "huber_delta", entries=8)]
    if experiment == "switch":
        lab = REGRESSION.parse({**dict(content.EXPERIMENTS[experiment].query), "data": data})[0]
        runs = ui.cached(switch_runs, *switch_key(lab, lab.switch_from, lab.switch_to, lab.switch_at))
        return switch_sentences(runs)
    lab = SEGMENTATION.parse(dict(content.EXPERIMENTS["dice_bce_weight"].query))[0]
    return [ui.cached(dice_bce_weights, lab.group("data"), lr=lab.lr, epochs=lab.epochs, entries=16)]


def faq():
    st.header(t("guide.faq"))
    for number, (key, experiment) in enumerate(content.FAQ, start=1):
        with st.expander(f"Q{number}. {t(f'guide.faq.{key}.question')}"):
            st.markdown(t(f"guide.faq.{key}.answer"))
            link(content.EXPERIMENTS[experiment], t("guide.open", what=t(f"guide.experiment.{experiment}")))
            if ui.requested(t("guide.measure"), page.key(f"measure_{key}"), key):
                ui.bullets(page, measured(experiment), intro=t("guide.measured_intro"))
                if experiment in REAL_DATA:  # does the real data agree?
                    ui.bullets(page, measured(experiment, REAL_DATA[experiment]), intro=t(
                        "guide.measured_real", source=t(f"common.source.{REAL_DATA[experiment]}")))


def hybrids():
    st.header(t("guide.hybrids"))
    st.markdown(t("guide.hybrids_help"))
    for key, experiment, view in content.HYBRIDS:
        train = (f"{markdown_link(content.EXPERIMENTS[experiment], t('guide.hybrid_train'))}, " if experiment
                 else f"{t('guide.hybrid_untrained')} ")
        st.markdown(f"- {t(f'guide.hybrid.{key}')} {train}{markdown_link(view, t('guide.hybrid_draw'))}")
    dice_bce = losses.get("dice_bce")
    framework = st.session_state[page.key("framework")]  # the answer's choice above
    st.code(snippets.snippet(dice_bce.name, dice_bce.params, framework), language="python")


def lesson_list():
    """Every lesson as a link to its step 1, with its steps, labs and minutes: a class starts here."""
    st.header(t("guide.lessons"))
    st.caption(t("guide.lessons_help"))
    ui.table([{"lesson": f"[{t(f'lesson.{lesson.id}.title')}]({lesson.href(1, page.lang)})",
               "steps": len(lesson.steps), "labs": ", ".join(t(f"{name}.nav") for name in lesson.labs),
               "minutes": lesson.minutes} for lesson in lessons().values()], page)


page.title()
page.aside("guide.intro")
wizard()
lesson_list()
decision_table()
faq()
hybrids()
ui.mistakes(page, ("bce_sign", "cce_gradient", "focal_alpha", "huber_delta", "mse_example"))
