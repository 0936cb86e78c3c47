"""AppTest of the guide: every answer of the wizard, its links, the measured FAQ, the lessons on
their pages, the home page's front door, and the regression lab's switch of loss."""

from urllib.parse import parse_qsl

import pytest

from lossviz.i18n import strings
from lossviz.labs.guide.content import EXPERIMENTS, FAQ, HYBRIDS, WIZARD, data_options, experiment_of, recommend
from lossviz.lessons import lessons
from tests.app import conftest as apptest

ENGLISH = strings("en")

PAGE = "guide"
PATHS = [(task, data, priority) for task, data, priority, _ in WIZARD]


_guide = apptest.run_lab(PAGE)


def _link(app, index=0) -> tuple[str, dict]:
    """The page and query of the page's `index`th st.page_link."""
    link = app.get("page_link")[index].proto
    return link.page, dict(parse_qsl(link.query_string))


@pytest.mark.parametrize(("task", "data", "priority"), PATHS, ids=["-".join(path) for path in PATHS])
def test_every_path_of_the_wizard_answers_with_its_code_and_its_experiment(task, data, priority):
    app = _guide({"task": task, "data": data, "priority": priority})
    assert not app.exception and not app.warning
    recommendation = recommend(task, data, priority)
    names = " or ".join(ENGLISH[f"name.{name}"] for name in recommendation.losses)  # options, not a sum
    assert app.markdown[0].value == f"**Use {names}**"
    assert app.markdown[1].value == ENGLISH[f"guide.rec.{recommendation.key}.why"]
    experiment = EXPERIMENTS[experiment_of(recommendation, data)]
    assert _link(app) == (experiment.page, experiment.link_query("en"))
    if data.startswith("imbalance_"):  # the link opens the lab at the ratio the visitor chose
        assert experiment.link_query("en")["imbalance"] == data.removeprefix("imbalance_")
    assert len(app.code) == len(recommendation.code) + 1  # and the hybrids' example, further down
    assert apptest.url_params(app) | {"task": task, "data": data, "priority": priority} == apptest.url_params(app)


def test_a_new_answer_follows_each_question_and_keeps_to_the_options_it_has():
    app = _guide()
    assert app.markdown[0].value == "**Use MSE**"
    app.radio(key="guide.task").set_value("class").run()
    offered = [ENGLISH[f"guide.data.{data}"] for data in data_options("class")]
    assert app.radio(key="guide.data").options == offered
    app.radio(key="guide.data").set_value("imbalance_100").run()
    app.radio(key="guide.priority").set_value("minority_recall").run()
    assert app.markdown[0].value == "**Use Weighted BCE or Focal**"
    assert apptest.url_params(app)["data"] == "imbalance_100"
    app.radio(key="guide.task").set_value("mask").run()  # data and priority follow the new task
    assert not app.exception and apptest.url_params(app)["data"] == "small"
    app.button_group[0].set_value("keras").run()
    assert "keras" in app.code[0].value and apptest.url_params(app)["framework"] == "keras"


def test_a_changed_answer_resets_the_answers_that_depend_on_it():
    app = _guide()
    app.radio(key="guide.priority").set_value("every_error").run()
    app.radio(key="guide.data").set_value("outliers").run()  # its priorities start again from the first
    assert app.radio(key="guide.priority").value == "robustness"
    assert app.markdown[0].value == "**Use Huber or MAE**"
    app.radio(key="guide.task").set_value("class").run()
    app.radio(key="guide.data").set_value("imbalance_100").run()
    app.radio(key="guide.priority").set_value("calibration").run()
    app.radio(key="guide.task").set_value("number").run()
    assert (app.radio(key="guide.data").value, app.radio(key="guide.priority").value) == ("clean", "every_error")


def test_a_hostile_or_mismatched_link_is_repaired_with_a_notice():
    app = _guide({"task": "number", "data": "<script>", "priority": "x" * 500})
    assert not app.exception
    assert "is not one of the choices" in app.warning[0].value and app.markdown[0].value == "**Use MSE**"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_link_of_the_guide_opens_its_page_as_written_with_a_chart(lang):
    for experiment in [*EXPERIMENTS.values(), *(view for _, _, view in HYBRIDS)]:
        query = experiment.link_query(lang)
        app = apptest.run_app(query, page=experiment.script)
        assert not app.exception, experiment.href(lang)
        assert not [warning for warning in app.warning if "link" in warning.value.lower() or "링크" in warning.value]
        assert apptest.figures(app), f"no chart on {experiment.href(lang)}"
        written = apptest.url_params(app)
        assert query.items() <= written.items(), (experiment.href(lang), written)


def test_the_measured_answers_come_from_runs_and_name_their_counts():
    app = _guide()
    for key, _ in FAQ:
        app.button(key=f"guide.measure_{key}").click().run()
        assert not app.exception
    said = " ".join(apptest.visible_texts(app))
    assert "differs from half of MSE by at most 0.0e+00" in said
    assert "At 1:10, Weighted BCE" in said and "At 1:100" in said  # the imbalance sweep's verdicts on both halves
    assert "Switching from MSE to MAE at epoch 50" in said and "of 5 data sets" in said
    assert "At 1.0% foreground (48 × 48 images) and over 3 data sets, the validation Dice score" in said
    assert "Share 0 is BCE alone" in said and "best weight here" not in said
    # the answers the synthetic data supports, measured again on real data with the same rule
    assert said.count("does the real data agree?") == 2
    assert "too few samples to judge" in said  # breast cancer at 1:100 keeps one validation minority sample


def test_the_guide_lists_every_lesson_as_a_link_to_its_first_step_right_after_the_wizard():
    app = _guide({"lang": "en"})
    assert not app.exception
    listed = next(table for table in apptest.tables(app) if "lesson" in table[0])
    headers = [header.value for header in app.header]
    assert headers[0] == ENGLISH["guide.lessons"]  # the first section after the wizard, open on the page
    assert [row["lesson"] for row in listed] == [
        f"[{ENGLISH[f'lesson.{lesson.id}.title']}]({lesson.href(1, 'en')})" for lesson in lessons().values()]
    assert all(row["steps"] == len(lesson.steps) for row, lesson in zip(listed, lessons().values(), strict=True))
    assert listed[-2]["labs"] == "Loss gallery, Regression lab"  # a lesson that crosses labs names them all


def test_the_korean_guide_and_lesson_show_no_english_strings():
    texts = " ".join(apptest.visible_texts(_guide({"lang": "ko", "task": "class", "data": "imbalance_10",
                                                   "priority": "minority_recall"})))
    for english in ("Use ", "What are you predicting", "common advice", "Lessons", "open"):
        assert english not in texts
    assert "손실 함수 고르기" in texts and "가중 교차 엔트로피" in texts
    app = apptest.run_app({"lesson": "imbalance", "step": "2", "lang": "ko"}, page="classification")
    said = " ".join(apptest.visible_texts(app))
    assert "드문 클래스: 재현율과 PR-AUC · 4단계 중 2단계" in said and "Step" not in said


def test_home_asks_the_three_questions_first_and_shows_a_picture_per_page():
    app = apptest.run_app()
    assert not app.exception
    assert app.markdown[1].value == f"**{ENGLISH['home.start']}**"  # right after the tagline
    assert _link(app)[0] == "guide"
    assert len(app.get("image")) == 8


def test_the_switch_section_trains_both_losses_and_says_what_the_runs_show():
    app = apptest.run_app({"switch": "on", "switch_from": "mse", "switch_to": "mae", "switch_at": "30", "epochs": "60"},
                          page="regression")
    assert not app.exception
    chart = apptest.figures(app)[-1]
    assert [trace["name"] for trace in chart["data"]][:3] == ["MSE → MAE at epoch 30", "MAE alone", "MSE alone"]
    said = " ".join(apptest.visible_texts(app))
    assert "Switching from MSE to MAE at epoch 30" in said
    app.slider(key="regression.switch_at").set_value(40).run()
    assert "at epoch 40" in " ".join(apptest.visible_texts(app)) and apptest.url_params(app)["switch_at"] == "40"
    app.radio(key="regression.switch").set_value("off").run()
    assert len(apptest.figures(app)) == 1 and apptest.url_params(app)["switch"] == "off"


def test_a_switch_asks_for_enough_epochs_instead_of_failing():
    for epochs in ("10", "20"):
        app = apptest.run_app({"switch": "on", "epochs": epochs}, page="regression")
        assert not app.exception and "at least 30 epochs" in app.info[-1].value
    app = apptest.run_app({"switch": "on", "epochs": "30", "switch_at": "1990"}, page="regression")
    assert not app.exception and app.slider(key="regression.switch_at").value == 20
