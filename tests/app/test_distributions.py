"""AppTest of the distributions lab: both views run, their sliders change the output, and hostile URLs
are repaired with a notice."""

import numpy as np
import pytest

from tests.app import conftest as apptest

_page = apptest.run_lab("distributions")


def _said(app):
    return apptest.markdown_with(app, "Where each fit ended")


def test_the_kl_view_fits_three_ways_and_says_which_modes_each_covers():
    app = _page()
    figure = apptest.first_figure(app)
    assert [trace["name"] for trace in figure["data"]] == ["target p", "forward KL(p‖q)", "reverse KL(q‖p)",
                                                           "Jensen–Shannon"]
    assert len(figure["frames"]) > 5
    said = _said(app)
    assert "Forward KL(p‖q) ends at mean 0.00" in said and "it covers 2 of the 2 modes" in said
    assert "Reverse KL(q‖p) ends at mean 2.00" in said and "it covers 1 of the 2 modes (2;" in said
    assert apptest.url_params(app)["view"] == "kl"


def test_moving_to_one_mode_changes_the_fits_and_the_url_follows():
    app = _page()
    before = _said(app)
    apptest.drag_slider(app, "distributions.modes").set_value(1).run()
    assert not app.exception
    assert _said(app) != before and "it covers 1 of the 1 modes" in _said(app)
    assert apptest.url_params(app)["modes"] == "1"


def test_the_start_decides_which_mode_reverse_kl_settles_on():
    app = apptest.open_tab(_page(), "distributions.settings_tab", "fit")
    app.slider(key="distributions.start_mean").set_value(-1.0).run()
    assert not app.exception
    assert "Reverse KL(q‖p) ends at mean -2.00" in _said(app)


def test_the_distillation_view_tabulates_the_students_and_the_temperature_moves_it():
    app = _page({"view": "distill"})
    assert not app.exception
    table = apptest.tables(app)[0]
    assert len(table) == 4 and list(table[0])[1] == "KL at T = 4"
    app.slider(key="distributions.temperature").set_value(10.0).run()
    assert not app.exception
    assert list(apptest.tables(app)[0][0])[1] == "KL at T = 10"
    assert any("1/T²" in element.value for element in app.markdown)


@pytest.mark.parametrize(("query", "shown"), [({"modes": "7"}, "modes"), ({"separation": "nan"}, "separation"),
                                              ({"temperature": "-3", "view": "distill"}, "temperature"),
                                              ({"view": "entropy"}, "view"), ({"epochs": "1e12"}, "epochs")])
def test_hostile_urls_are_repaired_with_a_notice(query, shown):
    apptest.assert_repaired(_page(query), shown)


def test_a_fit_lying_on_another_stays_in_sight_and_is_said_to_lie_there():
    app = _page()
    fitted = [trace for trace in apptest.first_figure(app)["data"] if trace["name"] != "target p"][:3]
    widths = [trace["line"]["width"] for trace in fitted]
    assert widths == sorted(widths, reverse=True) and len(set(widths)) == 3  # each drawn thinner over the last
    said = " ".join(element.value for element in app.markdown)
    assert "KL(p‖q) and Jensen–Shannon ended at nearly the same Gaussian" in said


def test_the_fit_chart_opens_with_a_preview_of_the_target_along_its_first_slider():
    app = apptest.run_app({"view": "kl"}, page="distributions")
    frames = apptest.dragged_frames(apptest.figures(app)[0], "distributions.modes")
    assert [frame["name"] for frame in frames] == [f"distributions.modes={modes}" for modes in (1, 2, 3)]
    targets = [apptest.array_of(frame["data"][0]["y"]) for frame in frames]
    peaks = [int(np.sum((target[1:-1] > target[:-2]) & (target[1:-1] > target[2:]))) for target in targets]
    assert peaks == [1, 2, 3]  # the target at each stop; the fits stay as the chart draws them
    assert all(frame["traces"] == [0] and frame["note"] == apptest.ENGLISH["common.preview.target"]
               for frame in frames)
