"""AppTest of the workbench: a typed loss is drawn with its derivative, checked and trained; a refused
formula or file leaves a notice and a working page; uploads are analysed in every mode; the URL
holds the formula and its parameters."""

import numpy as np
import pytest

from lossviz.labs import lab
from lossviz.labs.workbench.upload import DOMINANT_ROWS, MODES, sample_file
from lossviz.ui.plot import ASKED_KEY
from tests.app import conftest as apptest

PAGE = "workbench"



_page = apptest.run_lab(PAGE)


def _formulas(app):
    return [element.value for element in app.latex]


def _custom_curve(app):
    """The typed loss's curve (its left panel) as arrays."""
    trace = next(trace for trace in apptest.figures(app)[0]["data"] if trace["name"] in ("your loss", "내 손실 함수"))
    return {"x": apptest.array_of(trace["x"]), "y": apptest.array_of(trace["y"])}


def test_the_default_formula_is_drawn_with_its_derivative_and_passes_the_checks():
    app = _page()
    assert not app.exception
    formula, slope = _formulas(app)
    assert r"\frac{r^{2}}{2}" in formula and r"\frac{\partial L}{\partial \hat y}" in slope
    names = [trace["name"] for trace in apptest.figures(app)[0]["data"]]
    assert names[:4] == ["your loss", "your loss", "MSE", "MSE"]
    assert [element.value for element in app.success] == [
        "Finite everywhere on the axis, never negative, and smallest at r = 0."]
    assert apptest.url_params(app)["expr"] == "where(abs(r) < a, 0.5*r**2, a*(abs(r) - 0.5*a))"


def test_typing_a_formula_redraws_it_and_the_url_holds_it():
    app = _page()
    app.text_input(key="workbench.expr").set_value("log(1 + r**2)").run()
    assert not app.exception
    assert r"= \frac{2 r}{r^{2} + 1}" in _formulas(app)[1]
    curve = _custom_curve(app)
    assert curve["y"][curve["x"] == 0] == pytest.approx(0.0)
    assert apptest.url_params(app)["expr"] == "log(1 + r**2)"
    assert not [slider for slider in apptest.drag_sliders(app) if slider.label == "parameter a"]  # no parameter left


def test_moving_a_parameter_changes_the_curve():
    app = _page()
    before = _custom_curve(app)["y"]
    apptest.drag_slider(app, "workbench.a").set_value(2.5).run()
    assert not app.exception
    assert not np.array_equal(_custom_curve(app)["y"], before) and apptest.url_params(app)["a"] == "2.5"


@pytest.mark.parametrize(("text", "reason"), [
    ("__import__('os').system('touch /tmp/lossviz-canary')", "attribute access"),
    ("r.__class__.__mro__", "attribute access"),
    ("lambda: 1", "lambda"),
    ("exp(exp(", "not a formula"),
    ("9**9**9**9", "too large for float64"),
])
def test_a_refused_formula_shows_why_and_keeps_the_last_good_one_drawn(text, reason):
    import os

    app = _page()
    app.text_input(key="workbench.expr").set_value("log(1 + r**2)").run()
    drawn = _custom_curve(app)["y"]
    app.text_input(key="workbench.expr").set_value(text).run()
    assert not app.exception
    assert reason in app.error[0].value and "last formula that worked" in app.error[0].value
    np.testing.assert_array_equal(_custom_curve(app)["y"], drawn)
    assert not os.path.exists("/tmp/lossviz-canary")


def test_a_hostile_formula_in_the_url_is_refused_with_a_notice():
    app = _page({"expr": "__import__('os').system('id')", "a": "1e9", "task": "binary"})
    assert not app.exception
    assert "attribute access" in app.error[0].value
    assert any("1000" in element.value for element in app.warning)  # a clamped to its bound
    assert r"\log{\left(p \right)}" in _formulas(app)[0]  # the binary example is drawn


def test_an_over_long_formula_in_the_url_is_ignored_with_a_notice():
    app = _page({"expr": "r+" * 200 + "r"})
    assert not app.exception
    assert "`expr` is too long and was ignored" in app.warning[0].value
    assert apptest.url_params(app)["expr"] == "where(abs(r) < a, 0.5*r**2, a*(abs(r) - 0.5*a))"


def test_a_link_with_a_parameter_outside_its_default_range_opens_exactly_that():
    query = {"expr": "abs(r)**a", "a": "7.5"}
    app = _page(query)
    assert not app.exception and not app.warning
    slider = next(slider for slider in apptest.drag_sliders(app) if slider.label == "parameter a")
    assert slider.value == 7.5 and slider.max >= 7.5
    params = apptest.url_params(app)
    assert params["expr"] == "abs(r)**a" and params["a"] == "7.5"


def test_the_checks_warn_about_a_negative_loss_and_a_misplaced_minimum():
    app = _page({"expr": "(r - 1)**2 - 1"})
    warnings = [element.value for element in app.warning]
    assert any("below zero" in text for text in warnings) and any("r = 1" in text for text in warnings)


def test_the_torch_check_tabulates_differences_at_rounding_level():
    app = _page()
    app.button(key="workbench.torch_run").click().run()
    assert not app.exception
    row = apptest.tables(app)[0][0]
    assert row["loss"] == "your loss" and row["max |Δ gradient|"] <= 1e-12 and row["points compared"] == 301


def test_training_puts_the_typed_loss_beside_the_builtin_ones():
    app = _page({"outlier_fraction": "0.3"})
    app.button(key="workbench.train_run").click().run()
    assert not app.exception
    assert [row["loss"] for row in apptest.tables(app)[0]] == ["your loss", "MSE", "MAE", "Huber"]
    assert len(apptest.figures(app)[1]["frames"]) > 5


def test_a_binary_formula_trains_beside_cross_entropy_and_focal():
    app = _page()
    app.radio(key="workbench.task").set_value("binary").run()
    assert r"\log{\left(p \right)}" in _formulas(app)[0]
    app.button(key="workbench.train_run").click().run()
    assert not app.exception
    assert [row["method"] for row in apptest.tables(app)[0]] == ["your loss", "BCE", "Weighted BCE", "Focal"]


def _upload(app, name, raw):
    app.file_uploader(key="workbench.upload").set_value((name, raw, "text/csv")).run()
    return app


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_analyses_its_sample_file(mode):
    app = _page({"view": "data", "mode": mode})
    assert not app.exception and any("never written to disk" in element.value for element in app.caption)
    _upload(app, f"{mode}.csv", sample_file(mode).encode())
    assert not app.exception and not app.error
    found = apptest.tables(app)
    if mode == "points":
        assert [row["loss"] for row in found[0]] == ["MSE", "MAE", "Huber", "your loss"]
    else:
        assert "top 1% share (%)" in found[0][0] and len(found[1]) == DOMINANT_ROWS
        assert next(trace["type"] for trace in apptest.figures(app)[0]["data"]) == "bar"


@pytest.mark.parametrize(("raw", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not text"),
    (b"just one column\n1\n", "at least two distinct column names"),
    (b"x,y\na,b\n", "No row of these two columns"),
    (b"label,probability\n0,0.5\n3,0.2\n", "Labels must be 0 or 1; row 2 has 3"),
    (b"1," * 40_000, "longer than 2,000 characters"),  # a comma bomb: 22 s of parsing before
    (b"y_true,y_pred\n1e308,-1e308\n", "No row of these two columns"),
    (b"a" * 131_073 + b",b\n1,2\n", "longer than 2,000 characters"),
])
def test_a_refused_file_shows_why_and_the_page_still_works(raw, message):
    mode = "classification" if raw.startswith(b"label") else "residuals"
    app = _upload(_page({"view": "data", "mode": mode}), "bad.csv", raw)
    assert not app.exception
    assert message in app.error[0].value
    app.radio(key="workbench.mode").set_value("points").run()
    assert not app.exception


def test_the_uploader_states_its_limits_in_both_languages():
    for lang, words in (("en", ("2 MB", "100,000 rows", "20 columns", "only for this session")),
                        ("ko", ("2 MB", "100,000행", "20열", "이 세션 동안만"))):
        app = _page({"view": "data", "lang": lang})
        help_text = app.get("file_uploader")[0].proto.help
        assert all(word in help_text for word in words), help_text


def test_formula_cells_are_dropped_as_text_and_counted():
    raw = b"y_true,y_pred\n1,2\n=cmd|' /C calc'!A0,3\n2,2.5\n+SUM(A1:A3),1\n"
    app = _upload(_page({"view": "data"}), "injected.csv", raw)
    assert not app.exception
    assert "non-numeric cell or a number beyond ±10¹⁵: 2. Rows used: 2." in app.warning[0].value


def test_the_uploaded_data_stays_out_of_the_url():
    app = _upload(_page({"view": "data"}), "mine.csv", sample_file("residuals").encode())
    assert set(apptest.url_params(app)) <= {*workbench_keys(), "lang"}


def workbench_keys():
    from lossviz.labs.workbench.schema import WORKBENCH

    return WORKBENCH.setting_keys()


def test_the_korean_page_shows_no_english_strings_from_the_workbench():
    app = _page({"lang": "ko"})
    texts = " ".join(apptest.visible_texts(app))
    for english in ("your loss", "Finite everywhere", "Train", "Built-in losses"):
        assert english not in texts
    assert "내 손실 함수" in texts
    app = _upload(apptest.open_tab(app, "workbench.view", "data"), "a.csv", sample_file("residuals").encode())
    assert not app.exception and "전체 손실을 누가 떠맡는가" in " ".join(apptest.visible_texts(app))


def test_a_loss_that_reads_scores_is_named_when_the_formula_is_in_p():
    app = _page({"task": "binary", "compare": "bce,hinge"})
    names = [trace["name"] for trace in apptest.figures(app)[0]["data"]]
    assert "Hinge" not in names
    assert any("Not drawn against p: Hinge" in caption.value for caption in app.caption)
    app = _page({"task": "binary", "expr": "softplus(-z)", "compare": "bce,hinge"})
    assert "Hinge" in [trace["name"] for trace in apptest.figures(app)[0]["data"]]


def test_the_even_share_baseline_is_computed_from_the_rows():
    raw = "y_true,y_pred\n" + "".join(f"{index},{index + 0.5 + (index % 3)}\n" for index in range(40))
    app = _upload(_page({"view": "data", "mode": "residuals"}), "forty.csv", raw.encode())
    said = next(element.value for element in app.caption if "Were every sample's loss the same" in element.value)
    assert "(1 and 4 samples)" in said and "would carry 2.5 % and 10 %" in said
    assert "Near 1 %" not in said


def _dragged(app) -> list[dict]:
    return apptest.dragged_frames(apptest.figures(app)[0], "workbench.a")


def test_the_curve_chart_gets_its_drag_frames_once_while_it_stays_mounted():
    app = _page()
    assert len(_dragged(app)) >= 10  # the typed loss's curve at each stop of its first parameter
    apptest.drag_slider(app, "workbench.a").set_value(2.0).run()
    assert not app.exception and not _dragged(app)  # the chart drew them on the run before, and keeps them
    app.switch_page(lab("gallery").script).run()
    app.switch_page(lab(PAGE).script).run()
    assert len(_dragged(app)) >= 10  # mounted anew: sent again
    app.run()
    assert not _dragged(app)
    app.session_state[ASKED_KEY] = "workbench.curve_chart"  # a press found the chart without them (ui.drag)
    assert len(_dragged(app.run())) >= 10
