"""AppTest of the gallery: curves, sliders, tasks and axes, the closer look, the PyTorch check, links."""


import pytest

from lossviz.curves import TASK_AXES, TASK_LOSSES
from tests.app import conftest as apptest


def test_gallery_draws_the_default_losses():
    app = apptest.run_app(page="gallery")
    assert not app.exception
    assert len(apptest.figures(app)) == 1
    assert app.multiselect(key="gallery.losses").value == ["mse", "mae", "huber"]
    assert apptest.url_params(app)["huber.delta"] == "1"


def test_moving_a_slider_changes_the_curves_and_the_url():
    app = apptest.run_app(page="gallery")
    before = apptest.figure_json(app)
    apptest.drag_slider(app, "gallery.huber.delta").set_value(0.5).run()
    assert not app.exception
    assert apptest.figure_json(app) != before
    assert apptest.url_params(app)["huber.delta"] == "0.5"


def test_choosing_losses_and_task_changes_what_is_drawn():
    app = apptest.run_app(page="gallery")
    app.multiselect(key="gallery.losses").set_value(["mse", "barron", "quantile", "log_cosh"]).run()
    assert not app.exception
    assert apptest.figure_json(app).count('"name"') > 0 and '"barron"' in apptest.figure_json(app)
    app.selectbox(key="gallery.task").set_value("binary").run()
    assert not app.exception
    assert app.multiselect(key="gallery.losses").value == ["bce", "focal"]
    assert '"focal"' in apptest.figure_json(app)


def test_switching_language_translates_the_page():
    app = apptest.run_app(page="gallery")
    assert app.title[0].value == "Loss gallery"
    app.selectbox(key="lang").set_value("ko").run()
    assert not app.exception
    assert app.title[0].value == "손실 함수 갤러리"
    assert apptest.url_params(app)["lang"] == "ko"


def test_shared_url_restores_the_view():
    app = apptest.run_app({"task": "segmentation", "losses": "tversky,dice", "axis": "logit", "tversky.beta": "0.8",
                           "lang": "ko"}, page="gallery")
    assert not app.exception
    assert app.selectbox(key="gallery.task").value == "segmentation"
    assert app.multiselect(key="gallery.losses").value == ["tversky", "dice"]
    assert app.radio(key="gallery.axis").value == "logit"
    assert apptest.drag_slider(app, "gallery.tversky.beta").value == 0.8
    assert not app.warning


@pytest.mark.parametrize("query", [
    {"delta": "1e309"}, {"huber.delta": "1e309"}, {"huber.delta": "abc"}, {"loss": "../../etc"},
    {"losses": "../../etc"}, {"huber.delta": "9" * 5000}, {"task": "<script>"},
    {"huber.delta": "-inf"}, {"huber.delta": "nan"},
])
def test_hostile_query_shows_a_notice_and_a_working_page(query):
    app = apptest.run_app(query, page="gallery")
    assert not app.exception
    assert app.warning, "a notice explains the repair"
    assert len(apptest.figures(app)) == 1 or app.info


def test_out_of_range_value_is_clamped_into_the_slider():
    app = apptest.run_app({"huber.delta": "1e309"}, page="gallery")
    assert apptest.drag_slider(app, "gallery.huber.delta").value == 3.0  # as far as the residual axis reaches
    assert "used `3`" in app.warning[0].value


def test_torch_check_reports_tiny_differences():
    app = apptest.open_tab(apptest.run_app({"losses": "mse,huber,barron"}, page="gallery"), "gallery.detail_tab",
                           "check")
    app.button(key="gallery.check_run").click().run()
    assert not app.exception
    table = apptest.tables(app)[-1]  # the check comes after the comparison table
    assert apptest.column(table, 0) == ["MSE", "Huber", "Barron"]
    assert all(value < 1e-10 for value in apptest.column(table, 1))
    assert all(value < 1e-10 for value in apptest.column(table, 2))


def test_gallery_in_every_task_and_axis_runs():
    for task, axes in TASK_AXES.items():
        for axis in axes:
            app = apptest.run_app({"task": task, "axis": axis, "losses": ",".join(TASK_LOSSES[task])},
                                  page="gallery")
            assert not app.exception, (task, axis)
            assert len(apptest.figures(app)) == 1


def test_torch_check_leaves_out_points_where_torch_has_no_gradient():
    # p_t = 1 puts the other classes at probability 0, where autograd through log gives nan
    app = apptest.run_app({"task": "multiclass", "axis": "proba"}, page="gallery")
    app = apptest.open_tab(app, "gallery.detail_tab", "check")
    app.button(key="gallery.check_run").click().run()
    assert not app.exception
    table = apptest.tables(app)[-1]
    assert all(value < 1e-9 for value in apptest.column(table, 2))
    assert all(count > 0 for count in apptest.column(table, 3))
    assert app.success and any(caption.value.startswith("Points left out") for caption in app.caption)


def test_the_code_of_a_loss_follows_its_sliders():
    app = apptest.open_tab(apptest.run_app({"losses": "mse,huber"}, page="gallery"), "gallery.detail_tab", "code")
    app.radio(key="gallery.detail").set_value("huber").run()
    apptest.drag_slider(app, "gallery.huber.delta").set_value(0.5).run()
    assert not app.exception
    assert [block.value for block in app.code] == [
        "import torch\n\nloss_fn = torch.nn.HuberLoss(delta=0.5)\nloss = loss_fn(y_pred, y_true)",
        "import keras\n\nloss_fn = keras.losses.Huber(delta=0.5)\nloss = loss_fn(y_true, y_pred)"]
    assert not app.latex  # the explanation's tab is closed: its formulas are not drawn


def test_the_explanation_shows_both_formulas_of_the_chosen_loss():
    from lossviz import losses
    app = apptest.run_app({"losses": "mse,huber"}, page="gallery")
    app.radio(key="gallery.detail").set_value("huber").run()
    huber = losses.loss_class("huber")
    assert [block.value for block in app.latex] == [f"$$\n{huber.latex}\n$$", f"$$\n{huber.grad_latex}\n$$"]


def test_the_torch_check_agrees_with_hinge_on_the_logit_axis_where_a_point_sits_on_its_kink():
    app = apptest.open_tab(apptest.run_app({"task": "binary", "axis": "logit", "losses": "hinge,bce"}, page="gallery"),
                           "gallery.detail_tab", "check")
    app.button(key="gallery.check_run").click().run()
    assert not app.exception
    assert app.success and not app.warning
    # hinge's kink at a margin of exactly 1 is left out and counted
    assert apptest.column(apptest.tables(app)[-1], 3)[0] >= 1


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_kl_views_axis_titles_are_short_enough_to_sit_side_by_side(lang):
    app = apptest.run_app({"task": "distribution", "lang": lang}, page="gallery")
    layout = apptest.figures(app)[0]["layout"]
    titles = [layout[axis]["title"]["text"] for axis in ("xaxis", "xaxis2")]
    assert all(len(title) <= 40 for title in titles), titles  # each panel is under 400 px wide at 1280 px
    assert any("0.3, 0.7" in caption.value for caption in app.caption)  # the target is said in the caption


def test_the_closer_look_and_its_open_tab_are_in_the_link():
    app = apptest.run_app({"task": "binary", "losses": "bce,focal", "detail": "focal", "detail_tab": "code"},
                          page="gallery")
    assert not app.exception and not app.warning
    assert app.radio(key="gallery.detail").value == "focal"
    assert "sigmoid_focal_loss" in app.code[0].value or "focal" in app.code[0].value.lower()
    app.radio(key="gallery.detail").set_value("bce").run()
    assert apptest.url_params(app)["detail"] == "bce" and apptest.url_params(app)["detail_tab"] == "code"


def test_focal_alpha_is_a_switch_and_a_slider_over_zero_to_one_and_old_links_still_work():
    app = apptest.run_app({"task": "binary", "losses": "focal", "focal.alpha": "-1"}, page="gallery")
    assert not app.exception and not app.warning
    assert app.toggle(key="gallery.focal.alpha.on").value is False
    assert not [slider for slider in apptest.drag_sliders(app) if slider.key == "gallery.focal.alpha"]
    app.toggle(key="gallery.focal.alpha.on").set_value(True).run()
    alpha = apptest.drag_slider(app, "gallery.focal.alpha")
    assert (alpha.min, alpha.max, alpha.value) == (0.0, 1.0, 0.25)
    assert apptest.url_params(app)["focal.alpha"] == "0.25"
    apptest.drag_slider(app, "gallery.focal.alpha").set_value(0.75).run()
    app.toggle(key="gallery.focal.alpha.on").set_value(False).run()
    assert apptest.url_params(app)["focal.alpha"] == "-1"
    app.toggle(key="gallery.focal.alpha.on").set_value(True).run()
    assert apptest.drag_slider(app, "gallery.focal.alpha").value == 0.75  # the slider keeps its value while off


def test_gallery_compares_the_losses_of_the_task_and_checks_the_new_shapes_against_torch():
    query = {"task": "embedding", "axis": "cosine", "losses": "cosine_embedding,info_nce"}
    app = apptest.run_app(query, page="gallery")
    app = apptest.open_tab(app, "gallery.detail_tab", "check")
    comparison = apptest.tables(app)[0]
    assert apptest.column(comparison, 0) == ["Triplet", "Contrastive", "Cosine embedding", "InfoNCE"]
    assert all(all(row.values()) for row in comparison)
    app.button(key="gallery.check_run").click().run()
    assert not app.exception
    check = apptest.tables(app)[-1]
    assert apptest.column(check, 0) == ["Cosine embedding", "InfoNCE"]
    assert all(value < 1e-10 for value in apptest.column(check, 1) + apptest.column(check, 2))


def test_gallery_draws_both_pairs_of_a_pair_loss_and_the_info_nce_slider_changes_its_curve():
    app = apptest.run_app({"task": "embedding", "axis": "cosine", "losses": "cosine_embedding,info_nce"},
                          page="gallery")
    names = [trace["name"] for trace in apptest.figures(app)[0]["data"] if trace.get("showlegend", True)]
    assert names == ["Cosine embedding (similar pair)", "Cosine embedding (dissimilar pair)", "InfoNCE"]
    before = apptest.figures(app)[0]["data"][-2]["y"]
    apptest.drag_slider(app, "gallery.info_nce.negatives").set_value(31).run()
    assert not app.exception
    assert apptest.figures(app)[0]["data"][-2]["y"] != before


def test_gallery_generative_view_draws_the_generator_objectives():
    app = apptest.run_app({"task": "generative", "losses": "gan_non_saturating,gan_minimax"}, page="gallery")
    figure = apptest.first_figure(app)
    assert [trace["name"] for trace in figure["data"] if trace.get("showlegend", True)] == ["Non-saturating", "Minimax"]
    app.radio(key="gallery.axis").set_value("discriminator").run()
    assert not app.exception and apptest.figures(app)[0] != figure
