"""AppTest of the classification lab: every view runs, its sliders change the results, links round-trip."""

import pytest

from lossviz.datasets import points_needed
from tests.app import conftest as apptest

PAGE = "classification"
PREFIX = "classification."


_lab = apptest.run_lab(PAGE)


def _report(app):
    """The binary metrics table as {method: row}."""
    return {apptest.key_of(next(iter(row.values()))): row for row in apptest.tables(app)[0]}


def _values(row: dict) -> list:
    """A report row's numbers, without the method's name."""
    return list(row.values())[1:]


def test_the_binary_view_trains_the_default_methods():
    app = _lab()
    assert not app.exception
    assert app.title[0].value == "Classification lab"
    assert list(_report(app)) == ["bce", "weighted_bce", "focal"]
    assert len(apptest.figures(app)) == 1  # boundaries beside the loss per epoch
    assert apptest.url_params(app)["imbalance"] == "10" and apptest.url_params(app)["view"] == "binary"


def test_the_boundary_chart_animates_every_method():
    spec = apptest.figures(_lab())[0]
    assert [trace.get("name") for trace in spec["data"]][2:5] == ["BCE", "Weighted BCE", "Focal"]
    # each frame moves the three boundaries (and names one loss-panel trace, unchanged)
    frames = apptest.animation_frames(spec)
    assert len(frames) > 10 and all(frame["traces"][:3] == [2, 3, 4] for frame in frames)


def test_raising_the_imbalance_costs_plain_bce_its_minority_recall_but_not_weighted_bce():
    app = _lab({"imbalance": "1", "n": "10000"})  # enough validation minority samples at 1:50 to judge a recall
    balanced = _report(app)
    apptest.drag_slider(app, "classification.imbalance").set_value(50.0).run()
    assert not app.exception
    skewed = _report(app)
    assert skewed["bce"]["minority recall"] < balanced["bce"]["minority recall"] - 0.3
    assert skewed["weighted_bce"]["minority recall"] > skewed["bce"]["minority recall"] + 0.3
    assert apptest.url_params(app)["imbalance"] == "50"


def test_moving_gamma_changes_focal_only():
    app = apptest.open_tab(_lab({"imbalance": "50"}), PREFIX + "settings_tab", "losses")
    before = _report(app)
    app.slider(key="classification.focal.gamma").set_value(0.5).run()
    assert not app.exception
    after = _report(app)
    assert _values(after["focal"]) != _values(before["focal"])
    assert _values(after["bce"]) == _values(before["bce"])


def test_manual_pos_weight_replaces_the_automatic_one():
    app = _lab({"imbalance": "100", "weighting": "manual", "weighted_bce.pos_weight": "1"})
    report = _report(app)
    # pos_weight 1 is plain BCE
    assert _values(report["weighted_bce"]) == _values(report["bce"])


def test_the_focal_view_draws_the_papers_figure_with_the_current_gamma():
    app = _lab({"view": "focal", "focal.gamma": "3"})
    figure = apptest.first_figure(app)
    names = {trace["name"] for trace in figure["data"]}
    assert {"γ = 0", "γ = 0.5", "γ = 1", "γ = 2", "γ = 5", "γ = 3"} <= names
    assert len(apptest.figures(app)) == 2  # and the loss shares


def test_the_multiclass_view_reports_recall_per_class():
    app = _lab({"view": "multiclass", "imbalance": "20"})
    assert not app.exception
    table = apptest.tables(app)[0]
    methods = [apptest.key_of(name) for name in apptest.column(table, 0)]
    assert methods == ["cce", "weighted_cce", "softmax_focal", "poly1"]
    assert list(table[0])[-3:] == ["recall 0", "recall 1", "recall 2"]


def test_the_network_trains_on_demand_through_the_bridge():
    app = _lab({"view": "network", "network_epochs": "60", "hidden": "8"})
    assert not app.exception and not apptest.figures(app)
    app.button(key="classification.network_train").click().run()
    assert not app.exception
    assert len(apptest.figures(app)) == 2 and apptest.tables(app)


def test_the_network_view_introduces_the_network_it_trains_not_the_logistic_model():
    app = _lab({"view": "network", "hidden": "8", "lr": "0.02"})
    said = " ".join(caption.value for caption in app.caption)
    assert "two hidden layers of 8 tanh units" in said and "learning rate 0.02" in said
    assert "Each chosen method trains the same logistic model" not in said and "bridge" not in said
    app = _lab({"view": "binary"})
    assert any("Each chosen method trains the same logistic model" in caption.value for caption in app.caption)


def test_a_session_keeps_only_its_few_latest_networks():
    app = _lab({"view": "network", "network_epochs": "20", "hidden": "4"})
    for hidden in (4, 8, 12, 16, 20):
        app.slider(key="classification.hidden").set_value(hidden).run()
        app.button(key="classification.network_train").click().run()
        assert not app.exception and len(apptest.figures(app)) == 2
    store = app.session_state["classification.runs"]
    assert [key[3] for key in store] == [12, 16, 20]  # hidden units: the two oldest runs were dropped


def test_the_sweep_runs_on_demand_and_tests_calibration_where_scores_are_probabilities():
    app = _lab({"methods": "bce,weighted_bce,hinge", "epochs": "50"})
    (report,) = [block.value for block in app.markdown if "| calibration error |" in block.value]
    hinge = report.splitlines()[-1]
    assert hinge.startswith("| Hinge |") and "| — |" in hinge  # a margin is no probability
    app.button(key="classification.sweep_run").click().run()
    assert not app.exception
    panels = [(trace["yaxis"], trace["name"]) for trace in apptest.figures(app)[1]["data"]]
    assert len(panels) == 8  # three methods in two panels, and the two that give probabilities in a third
    assert ("y3", "Hinge") not in panels and ("y3", "BCE") in panels
    said = " ".join(block.value for block in app.markdown)
    assert "tested on calibration error" in said and "the calibration error of BCE was" in said
    # a verdict weighs recall at a stated threshold against PR-AUC; the count table marks what it cannot judge
    assert "at threshold 0.5" in said and "their PR-AUC, which needs no threshold, was" in said
    (counts,) = [block.value for block in app.markdown if "| validation minority samples |" in block.value]
    assert counts.splitlines()[-1].endswith("| too few samples to judge |")


def test_a_shared_link_reopens_the_lab_in_korean():
    query = {"lang": "ko", "methods": "focal,hinge", "focal.alpha": "0.75", "imbalance": "50", "separation": "1.5",
             "optimizer": "nag", "view": "binary"}
    app = _lab(query)
    assert not app.exception and not app.warning
    assert app.title[0].value == "분류 실험실"
    assert apptest.drag_slider(app, "classification.imbalance").value == 50.0
    apptest.open_tab(app, PREFIX + "settings_tab", "losses")
    assert app.multiselect(key="classification.methods").value == ["focal", "hinge"]
    assert app.slider(key="classification.focal.alpha").value == 0.75
    assert {key: apptest.url_params(app)[key] for key in query} == query


def test_too_few_minority_points_raise_the_data_size_with_a_notice_not_a_traceback():
    app = _lab({"n": "200", "imbalance": "1000"})
    assert not app.exception and not app.warning
    assert "too few minority samples" in app.info[0].value


@pytest.mark.parametrize("query", [
    {"imbalance": "1e309"}, {"imbalance": "-5"}, {"methods": "../../etc"}, {"view": "<script>"},
    {"focal.gamma": "nan"}, {"n": "abc"}, {"weighting": "x" * 300}, {"bogus": "1"},
])
def test_hostile_query_shows_a_notice_and_a_working_lab(query):
    app = _lab(query)
    assert not app.exception
    assert app.warning


def test_the_network_view_keeps_its_settings_while_another_view_is_shown():
    app = _lab({"view": "network"})
    app.selectbox(key="classification.network_method").set_value("focal").run()
    app.slider(key="classification.hidden").set_value(40).run()
    app.slider(key="classification.network_epochs").set_value(500).run()
    app.radio(key="classification.view").set_value("binary").run()
    apptest.drag_slider(app, "classification.separation").set_value(3.0).run()
    app.radio(key="classification.view").set_value("network").run()
    assert not app.exception
    assert app.selectbox(key="classification.network_method").value == "focal"
    assert app.slider(key="classification.hidden").value == 40
    assert app.slider(key="classification.network_epochs").value == 500
    kept = apptest.url_params(app)
    assert (kept["network_method"], kept["hidden"], kept["network_epochs"]) == ("focal", "40", "500")


@pytest.mark.parametrize("view", ["binary", "multiclass"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_one_to_a_thousand_works_at_the_default_data_size_and_says_it_used_more(view, lang):
    app = _lab({"imbalance": "1000", "view": view, "lang": lang})
    assert not app.exception and not app.warning
    assert len(apptest.figures(app)) >= 1 and apptest.tables(app)
    used = points_needed(1000, 3 if view == "multiclass" else 2)
    assert app.info and "2000" in app.info[0].value and str(used) in app.info[0].value


def test_the_lab_trains_on_the_bundled_breast_cancer_data_and_judges_only_what_its_counts_allow():
    app = _lab({"data": "breast_cancer", "imbalance": "10", "methods": "bce,weighted_bce,focal", "epochs": "60"})
    assert not app.exception and not app.warning
    assert apptest.first_figure(app)
    assert any(info.value == "The data holds 357, 36 rows per class at 1:10." for info in app.info)
    assert any(expander.label.startswith("About the data: breast cancer") for expander in app.expander)
    app.button(key="classification.sweep_run").click().run()
    assert not app.exception
    said = " ".join(block.value for block in app.markdown)
    assert "At 1:10: too few samples to judge. Only 11 minority samples per seed" in said


def test_the_multi_class_view_uses_the_wine_data_and_a_new_view_keeps_real_data_real():
    app = _lab({"view": "multiclass", "data": "wine", "imbalance": "10"})
    assert not app.exception and not app.warning
    assert apptest.first_figure(app)
    assert any(info.value == "The data holds 71, 22, 7 rows per class at 1:10." for info in app.info)
    app.radio(key="classification.view").set_value("binary").run()
    assert not app.exception
    assert apptest.url_params(app)["data"] == "breast_cancer"


def test_a_source_of_another_view_is_repaired_with_a_notice():
    app = _lab({"data": "wine"})  # wine has three classes: not a binary view's data
    assert not app.exception
    assert app.warning and "wine" in app.warning[0].value
    assert apptest.url_params(app)["data"] == "synthetic"


def test_a_recall_on_too_few_minority_samples_is_given_as_its_count_not_judged():
    app = _lab({"imbalance": "1000"})
    said = " ".join(caption.value for caption in app.caption)
    assert "2 of them in the minority class" in said and "Too few samples to judge" in said
    rows = apptest.tables(app)[0]
    assert [row["minority recall"] for row in rows] == ["1 of 2", "2 of 2", "0 of 2"]
    app = _lab({"imbalance": "10"})  # enough samples: a recall is a share
    assert isinstance(apptest.tables(app)[0][0]["minority recall"], float)


def test_the_boundary_chart_opens_with_a_preview_of_every_data_slider():
    app = _lab()
    spec = apptest.figures(app)[0]
    frames = apptest.dragged_frames(spec, "classification.separation")
    assert len(frames) == 21 and all(frame["traces"] == [0, 1] for frame in frames)  # the two classes' points
    assert {frame["note"] for frame in frames} == {apptest.ENGLISH["common.preview.data"]}
    gaps = [abs(apptest.array_of(frame["data"][1]["x"]).mean() - apptest.array_of(frame["data"][0]["x"]).mean())
            for frame in frames]
    assert gaps[0] < 0.5 < gaps[-1]  # the class centres part as the separation grows; the boundaries stay as trained
    for setting in ("n", "imbalance", "seed"):
        assert apptest.dragged_frames(spec, f"classification.{setting}")
    apptest.drag_slider(app, "classification.separation").set_value(3.0).run()  # trains again
    assert not app.exception and not apptest.dragged_frames(apptest.figures(app)[0], "classification.n")
