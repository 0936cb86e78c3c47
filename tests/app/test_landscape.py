"""AppTest of the landscape page: both views run, their settings change the charts, the presets and
the seed-003 experiment work, and hostile URLs are repaired with a notice."""

import pytest

from lossviz.labs.landscape.charts import SURFACE_BANDS
from lossviz.labs.landscape.monitor import DIAGNOSES
from lossviz.labs.landscape.surface import GRID
from tests.app import conftest as apptest

_page = apptest.run_lab("landscape")


def test_the_surface_view_draws_two_maps_and_every_optimizer():
    app = _page()
    figure = apptest.first_figure(app)
    maps = [trace for trace in figure["data"] if trace["type"] == "heatmap"]
    assert len(maps) == 2 and all(apptest.array_of(trace["z"]).size == GRID * GRID for trace in maps)
    assert all(len({colour for _, colour in trace["colorscale"]}) == SURFACE_BANDS for trace in maps)
    paths = [trace for trace in figure["data"] if trace.get("mode") == "lines+markers"]
    assert len(paths) == 8 and len(figure["frames"]) > 5
    rows = apptest.tables(app)[0]
    assert [apptest.key_of(row["loss"]) for row in rows] == ["mse"] * 4 + ["huber"] * 4
    assert apptest.url_params(app)["view"] == "surface"


def test_moving_the_learning_rate_redraws_the_paths_and_the_url_follows():
    app = apptest.open_tab(_page(), "landscape.settings_tab", "training")
    before = apptest.figures(app)[0]["frames"]
    app.select_slider(key="landscape.lr").set_value(0.2).run()
    assert not app.exception
    assert apptest.figures(app)[0]["frames"] != before
    assert apptest.url_params(app)["lr"] == "0.2"


def test_a_learning_rate_too_large_is_said_and_its_paths_stop():
    app = _page({"lr": "2", "left": "mse", "right": "mae"})
    assert not app.exception
    assert any("Diverged" in warning.value for warning in app.warning)
    assert any(list(row.values())[-1] != "—" for row in apptest.tables(app)[0])  # the epoch it diverged at


def test_the_valley_preset_unscales_x_and_the_nag_experiment_reports_three_losses():
    app = _page()
    app.button(key="landscape.preset_valley").click().run()
    assert not app.exception
    assert apptest.url_params(app)["features"] == "unscaled" and apptest.url_params(app)["right"] == "mae"
    app.button(key="landscape.preset_nag").click().run()
    app.button(key="landscape.nag_run").click().run()
    assert not app.exception
    table = apptest.tables(app)[-1]
    assert [apptest.key_of(row["loss"]) for row in table] == ["mse", "mae", "huber"]
    assert any("Nesterov momentum" in element.value for element in app.markdown)


@pytest.mark.parametrize(("query", "shown"), [
    ({"lr": "nan"}, "lr"), ({"start_slope": "1e9"}, "start_slope"), ({"patience": "-5", "view": "monitor"}, "patience"),
    ({"degree": "abc", "view": "monitor"}, "degree"), ({"epochs": "inf"}, "epochs"), ({"left": "nope"}, "left"),
])
def test_hostile_urls_are_repaired_with_a_notice(query, shown):
    apptest.assert_repaired(_page(query), shown)


def test_the_monitor_marks_early_stopping_and_gives_a_computed_verdict():
    app = _page({"view": "monitor"})
    figure = apptest.first_figure(app)
    assert {trace["name"] for trace in figure["data"]} >= {"training loss", "validation loss"}
    assert len(figure["layout"]["shapes"]) == 2
    verdict = next(element.value for element in app.markdown if "What these curves say" in element.value)
    assert "Overfitting" in verdict and "Early stopping with patience 100" in verdict


@pytest.mark.parametrize("kind", DIAGNOSES)
def test_each_diagnosis_button_loads_a_run_with_that_diagnosis(kind):
    app = _page({"view": "monitor"})
    app.button(key=f"landscape.preset_{kind}").click().run()
    assert not app.exception
    heading = {"underfitting": "Underfitting", "good_fit": "A good fit", "overfitting": "Overfitting",
               "training_problem": "A training problem"}[kind]
    verdict = next(element.value for element in app.markdown if "What these curves say" in element.value)
    assert heading in verdict


def test_the_patience_slider_moves_the_stopping_line():
    app = apptest.open_tab(_page({"view": "monitor"}), "landscape.monitor_tab", "training")
    before = apptest.figures(app)[0]["layout"]["shapes"][1]["x0"]
    app.slider(key="landscape.patience").set_value(20).run()
    assert not app.exception
    assert apptest.figures(app)[0]["layout"]["shapes"][1]["x0"] < before
    assert apptest.url_params(app)["patience"] == "20"


def test_the_regression_lab_links_to_the_surface_of_its_losses_and_data():
    app = apptest.run_app({"losses": "huber,mae", "outlier_fraction": "0.2"}, page="regression")
    link = app.get("page_link")[0].proto
    assert link.page == "landscape"
    assert "left=huber" in link.query_string and "right=mae" in link.query_string
    assert "outlier_fraction=0.2" in link.query_string and "huber.delta=1" in link.query_string


@pytest.mark.parametrize(("left", "right"), [("mse", "huber"), ("mse", "mae"), ("quantile", "barron")])
def test_what_to_look_for_speaks_of_the_losses_the_panels_show(left, right):
    app = _page({"left": left, "right": right})
    said = next(element.value for element in app.markdown if "What to look for" in element.value)
    shown = {"mse": "MSE's surface", "mae": "MAE's surface", "huber": "Huber's", "quantile": "quantile loss's",
             "barron": "Barron's"}
    for name, words in shown.items():
        assert (words in said) == (name in (left, right)), (name, said)


def test_a_diverged_run_is_marked_diverged_with_no_early_stopping_line():
    app = _page({"view": "monitor"})
    app.button(key="landscape.preset_training_problem").click().run()
    figure = apptest.first_figure(app)
    marks = [annotation["text"] for annotation in figure["layout"]["annotations"]]
    assert "diverged" in marks and "early stopping" not in marks
    verdict = next(element.value for element in app.markdown if "What these curves say" in element.value)
    assert "the run diverged at epoch" in verdict and "Early stopping with patience" not in verdict


def test_the_surfaces_open_with_a_preview_along_the_outlier_fraction():
    app = apptest.run_app({"view": "surface"}, page="landscape")
    frames = apptest.dragged_frames(apptest.figures(app)[0], "landscape.outlier_fraction")
    assert len(frames) == 21 and {frame["note"] for frame in frames} == {apptest.ENGLISH["common.preview.surface"]}
    assert all(frame["data"][3]["x"] == [] for frame in frames)  # the paths are hidden until the release
    lowest = [frame["data"][2]["y"][0] for frame in frames]  # MSE's lowest intercept rises with the outliers
    assert lowest[-1] > lowest[0]
