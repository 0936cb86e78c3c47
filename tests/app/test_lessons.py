"""AppTest of a lesson played on its labs: a step's URL alone sets the lab and writes its settings, the
panel asks with no answer chosen and reveals the measured one, a step of another lab opens that lab,
Previous and Next link the steps, presenter mode draws a QR code, a bad lesson is a notice."""

from __future__ import annotations

import pytest

from lossviz.i18n import strings
from lossviz.lessons import lessons, schema_of
from tests.app import conftest as apptest

ALL = lessons()
ENGLISH, KOREAN = strings("en"), strings("ko")


def step_app(lesson_id: str, number: int, lang: str = "en", **extra):
    step = ALL[lesson_id].step(number)
    return apptest.run_app({"lesson": lesson_id, "step": str(number), "lang": lang, **extra}, page=step.lab)


def panel_texts(app) -> str:
    return " ".join(apptest.visible_texts(app))


@pytest.mark.parametrize(("lesson_id", "number"), [("outliers", 2), ("huber_delta", 3), ("focal_gamma", 1),
                                                   ("kl_direction", 3), ("monitor", 3), ("landscape", 1)])
def test_a_steps_url_alone_sets_its_lab_and_writes_the_settings_into_the_url(lesson_id, number):
    step = ALL[lesson_id].step(number)
    app = step_app(lesson_id, number)
    assert not app.exception and not app.warning
    written = apptest.url_params(app)
    expected = schema_of(step.lab).query(step.settings())
    assert {key: written[key] for key, _ in step.query} == {key: expected[key] for key, _ in step.query}
    assert (written["lesson"], written["step"]) == (lesson_id, str(number))
    if step.tab:  # the sidebar opens on the tab of the settings the step set
        assert app.session_state[f"{step.lab}.{step.tab_key}"] == step.tab
    for key, _ in step.query:  # the widgets hold the step's values
        name, _, param = key.rpartition(".")
        held = app.session_state[f"{step.lab}.{key}"]
        want = step.settings().params[name][param] if name else step.settings().values[key]
        assert (tuple(held) if isinstance(held, list) else held) == want


def test_the_panel_asks_with_no_choice_made_and_reveals_the_measured_answer():
    app = step_app("outliers", 2)
    question = next(radio for radio in app.radio if radio.label == ENGLISH["lesson.outliers.vertical.question"])
    assert question.value is None and question.options == ["MSE", "MAE", "Huber"]
    said = panel_texts(app)
    assert "Step 2 of 4" in said and "outlier fraction: 0% → 20%" in said
    question.set_value("MAE").run()
    app.button(key="lesson_reveal").click().run()
    answer = app.success[0].value
    expected = ALL["outliers"].step(2).answer()
    assert "Measured answer: MSE." in answer and "You chose MAE; the numbers say otherwise." in answer
    assert all(figure in answer for figure in expected.figures)
    table = next(table for table in apptest.tables(app) if "Δ slope" in table[0])  # the step's reading
    assert f"{table[0]['Δ slope']:.3f}" in answer


def test_a_step_that_needs_a_sweep_runs_it_and_its_answer_is_the_sweeps_verdict():
    app = step_app("outliers", 4)
    assert not app.exception
    verdicts = apptest.markdown_with(app, "breaks down at")
    app.button(key="lesson_reveal").click().run()
    answer = app.success[0].value
    assert "Measured answer: MSE." in answer and "5%" in answer and "5%" in verdicts


def test_next_and_previous_on_one_lab_set_the_neighbouring_step_and_write_it_into_the_url():
    app = step_app("huber_delta", 1)
    assert app.button(key="lesson_previous_button").disabled
    app.button(key="lesson_next_button").click().run()
    assert not app.exception and "Step 2 of 4" in panel_texts(app)
    assert app.session_state["regression.huber.delta"] == 0.5
    assert (app.query_params["step"], app.query_params["huber.delta"]) == ("2", "0.5")
    app.button(key="lesson_previous_button").click().run()
    assert "Step 1 of 4" in panel_texts(app) and app.session_state["regression.huber.delta"] == 2


def test_a_neighbouring_step_on_another_lab_is_a_link_and_the_last_leads_back_to_the_lessons():
    app = step_app("mistakes", 4)
    links = {link.label: link.proto for link in app.get("page_link")}
    assert links["Next →"].page.endswith("regression") and "step=5" in links["Next →"].query_string
    app = step_app("mining", 4)
    assert "Back to the lessons" in {link.label for link in app.get("page_link")}


def test_a_lesson_crosses_labs_and_a_steps_url_on_another_lab_opens_the_steps_lab():
    app = apptest.run_app({"lesson": "mistakes", "step": "5", "lang": "en"}, page="gallery")
    assert not app.exception
    assert "Which way to move Huber's δ" in panel_texts(app)
    assert apptest.url_params(app).get("outlier_fraction") == "0.3"  # the regression lab's setting


def test_an_old_lesson_link_opens_its_first_step_with_the_settings_it_carries():
    app = apptest.run_app({"lesson": "imbalance", "imbalance": "100", "lang": "en"}, page="classification")
    assert not app.exception and "Step 1 of 4" in panel_texts(app)
    assert app.session_state["classification.imbalance"] == 100  # its own settings, kept


@pytest.mark.parametrize("query", [{"lesson": "nonsense"}, {"lesson": "outliers", "step": "9"},
                                   {"lesson": "<b>x</b>", "step": "1"}, {"lesson": "outliers", "step": "1e9"}])
def test_a_lesson_or_step_that_does_not_exist_is_a_notice_not_a_panel(query):
    app = apptest.run_app(query, page="regression")
    assert not app.exception and "names no lesson or step" in app.warning[0].value
    assert "lesson" not in apptest.url_params(app) and not [radio for radio in app.radio if radio.value is None]


def test_presenter_mode_draws_the_steps_qr_code_and_keeps_itself_in_the_url():
    app = step_app("small_objects", 1)
    assert not app.get("image") and "present" not in apptest.url_params(app)
    app.toggle(key="lesson.present").set_value(True).run()
    assert not app.exception and app.get("image")
    assert dict(app.query_params).get("present") == "1"


def test_a_korean_step_speaks_korean():
    app = step_app("calibration", 2, lang="ko")
    said = panel_texts(app)
    assert KOREAN["lesson.calibration.ratio_10.question"] in said and "4단계 중 2단계" in said
    app.button(key="lesson_reveal").click().run()
    assert "측정한 답: 이진 교차 엔트로피(BCE)." in app.success[0].value


def test_the_handouts_come_as_markdown_and_a_page_to_print_in_both_languages_the_pages_first():
    app = step_app("kl_direction", 1, lang="ko")
    labels = [button.proto.label for button in app.get("download_button") if "lesson" in button.proto.id]
    assert labels == ["Markdown (한국어)", "인쇄용 페이지, A4 (한국어)", "Markdown (English)",
                      "인쇄용 페이지, A4 (English)"]
