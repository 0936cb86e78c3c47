"""AppTest of the regression lab: it runs, its settings change the results, its URL round-trips."""


import threading

import numpy as np
import pytest

from lossviz.charts.training import MAX_FRAMES
from lossviz.labs.regression import train
from lossviz.models import line_fit
from lossviz.ui import ahead
from lossviz.ui.drag import ARMED_KEY, PRESSED_KEY
from lossviz.ui.plot import ASKED_KEY
from tests.app import conftest as apptest

PAGE = "regression"


_lab = apptest.run_lab(PAGE)


def _tab(app, tab):
    return apptest.open_tab(app, "regression.settings_tab", tab)


def _errors(app):
    """The final-errors table as {loss: (slope error, intercept error)}."""
    rows = (list(row.values()) for row in apptest.tables(app)[0])
    return {apptest.key_of(loss): (slope, intercept) for loss, slope, intercept, *_ in rows}


def _fit_spec(app):
    return apptest.figures(app)[0]


def _outlier_sizes(app):
    outliers = next(trace for trace in _fit_spec(app)["data"] if trace.get("name") == "outliers")
    return apptest.array_of(outliers["marker"]["size"])


def test_the_lab_trains_the_default_losses_and_mirrors_its_settings_in_the_url():
    app = _lab()
    assert not app.exception
    assert app.title[0].value == "Regression lab"
    assert list(_errors(app)) == ["mse", "mae", "huber"]
    assert len(apptest.figures(app)) == 1  # fitted lines beside loss per epoch; the sweep waits for its button
    assert apptest.url_params(app)["outlier_fraction"] == "0.1" and apptest.url_params(app)["optimizer"] == "nag"


def test_the_fit_chart_animates_every_loss_in_the_browser():
    spec = _fit_spec(_lab())
    names = [trace.get("name") for trace in spec["data"]]
    assert names[3:6] == ["MSE", "MAE", "Huber"]  # after the data and the true line; then the loss panel
    assert {trace.get("yaxis") for trace in spec["data"][6:]} == {"y2"}
    frames = apptest.animation_frames(spec)
    assert 15 <= len(frames) <= MAX_FRAMES + 1 and frames[0]["name"] == "0" and frames[-1]["name"] == "200"
    assert all(frame["traces"][:3] == [3, 4, 5] for frame in frames)  # the three fitted lines move
    assert [button["method"] for button in spec["layout"]["updatemenus"][0]["buttons"]] == ["animate", "animate"]


def test_raising_the_outlier_fraction_pulls_mse_away_and_not_huber():
    app = _lab({"outlier_fraction": "0"})
    clean = _errors(app)
    apptest.drag_slider(app, "regression.outlier_fraction").set_value(0.3).run()
    assert not app.exception
    dirty = _errors(app)
    assert dirty["mse"][1] > 10 * clean["mse"][1]  # the intercept follows the outliers
    assert dirty["huber"][1] < dirty["mse"][1] / 4
    assert apptest.url_params(app)["outlier_fraction"] == "0.3"


def test_moving_delta_changes_hubers_fit_only():
    app = _lab({"outlier_fraction": "0.2"})
    before = _errors(_tab(app, "losses"))
    apptest.drag_slider(app, "regression.huber.delta").set_value(4.0).run()
    assert not app.exception
    after = _errors(app)
    assert after["huber"] != before["huber"] and after["mse"] == before["mse"]
    assert apptest.url_params(app)["huber.delta"] == "4"


def test_settings_in_a_closed_tab_keep_their_values():
    app = _lab()
    apptest.drag_slider(app, "regression.outlier_fraction").set_value(0.3).run()
    apptest.drag_slider(_tab(app, "losses"), "regression.huber.delta").set_value(2.0).run()
    _tab(app, "training").selectbox(key="regression.optimizer").set_value("adam").run()
    assert not app.exception
    # the data and loss sliders are not drawn
    assert [slider.key for slider in apptest.drag_sliders(app)] == ["regression.lr", "regression.epochs"]
    assert {key: apptest.url_params(app)[key] for key in ("outlier_fraction", "huber.delta", "optimizer")} == {
        "outlier_fraction": "0.3", "huber.delta": "2", "optimizer": "adam"}
    assert apptest.drag_slider(_tab(app, "data"), "regression.outlier_fraction").value == 0.3
    assert apptest.drag_slider(_tab(app, "losses"), "regression.huber.delta").value == 2.0


def test_point_size_follows_the_chosen_loss():
    app = _lab({"outlier_fraction": "0.2"})
    mse_sizes = _outlier_sizes(app)
    app.radio(key="regression.influence").set_value("huber").run()
    huber_sizes = _outlier_sizes(app)
    assert np.median(mse_sizes) > 3 * np.median(huber_sizes)


def test_a_learning_rate_too_high_is_reported():
    app = _lab({"optimizer": "gd", "lr": "2"})
    assert not app.exception
    assert any(warning.value.startswith("Diverged") for warning in app.warning)


def test_a_diverged_run_shows_its_epoch_and_no_final_fit():
    # leverage points at the default learning rate: MSE's steps explode
    app = _lab({"outlier_kind": "leverage", "outlier_fraction": "0.3"})
    assert not app.exception
    rows = {apptest.key_of(row["loss"]): row for row in apptest.tables(app)[0]}
    assert rows["mse"]["Δ slope"] == "—" and rows["mse"]["Δ intercept"] == "—"
    assert isinstance(rows["mse"]["diverged at"], float) and rows["mae"]["diverged at"] == "—"
    assert isinstance(rows["huber"]["Δ slope"], float)
    assert any("MSE" in warning.value and "leverage" in warning.value for warning in app.warning)


def test_a_run_that_ends_no_lower_than_it_started_is_flagged():
    app = _lab({"optimizer": "gd", "lr": "2", "losses": "mae,huber"})
    assert not app.exception
    assert any(warning.value.startswith("Not converging") and "MAE" in warning.value for warning in app.warning)


def test_the_sweep_runs_on_demand_and_switches_its_measure():
    app = _lab({"losses": "mse,huber", "epochs": "100"})
    app.button(key="regression.sweep_run").click().run()
    assert not app.exception
    assert len(apptest.figures(app)) == 2
    app.radio(key="regression.measure").set_value("slope").run()
    assert not app.exception
    assert apptest.url_params(app)["measure"] == "slope"


def test_a_shared_link_reopens_the_same_lab_in_korean():
    query = {"lang": "ko", "losses": "barron,mae", "barron.alpha": "-2", "outlier_kind": "leverage", "n": "500",
             "optimizer": "adam", "lr": "0.05", "epochs": "200", "influence": "mae"}
    app = _lab(query)
    assert not app.exception and not app.warning
    assert app.title[0].value == "회귀 실험실"
    assert app.radio(key="regression.outlier_kind").value == "leverage"
    assert app.radio(key="regression.influence").value == "mae"
    _tab(app, "losses")
    assert app.multiselect(key="regression.losses").value == ["barron", "mae"]
    assert apptest.drag_slider(app, "regression.barron.alpha").value == -2.0
    assert _tab(app, "training").selectbox(key="regression.optimizer").value == "adam"
    assert {key: apptest.url_params(app)[key] for key in query} == query


def test_removing_every_loss_asks_for_one():
    app = _tab(_lab(), "losses")
    app.multiselect(key="regression.losses").set_value([]).run()
    assert not app.exception and app.info


@pytest.mark.parametrize("query", [
    {"n": "1e309"}, {"n": "12.5"}, {"outlier_fraction": "abc"}, {"losses": "../../etc"}, {"optimizer": "<script>"},
    {"lr": "-inf"}, {"epochs": "nan"}, {"seed": "9" * 5000}, {"outlier_kind": "sideways"}, {"unknown": "1"},
])
def test_hostile_query_shows_a_notice_and_a_working_lab(query):
    app = _lab(query)
    assert not app.exception
    assert app.warning, "a notice explains the repair"
    assert apptest.figures(app) or app.info


def test_removing_every_loss_is_kept_in_the_url():
    app = _tab(_lab(), "losses")
    app.multiselect(key="regression.losses").set_value([]).run()
    assert apptest.url_params(app)["losses"] == ""


def test_the_sweep_keeps_its_measure_when_run_again_and_stays_when_the_outlier_fraction_moves():
    app = _lab({"epochs": "50"})
    app.button(key="regression.sweep_run").click().run()
    app.radio(key="regression.measure").set_value("intercept").run()
    apptest.drag_slider(app, "regression.outlier_fraction").set_value(0.2).run()
    assert not app.exception
    assert len(apptest.figures(app)) == 2, "the sweep does not depend on the outlier fraction and stays"
    apptest.drag_slider(_tab(app, "training"), "regression.epochs").set_value(60).run()
    assert len(apptest.figures(app)) == 1  # a new setting hides the old sweep
    app.button(key="regression.sweep_run").click().run()
    assert not app.exception
    assert app.radio(key="regression.measure").value == "intercept"
    assert apptest.url_params(app)["measure"] == "intercept"


def _drag_frames(app):
    return [frame for frame in _fit_spec(app)["frames"] if "=" in frame["name"]]


def _press(app, setting):
    """What a press on a drag slider does: it arms the slider, whose chart then asks for its frames."""
    app.session_state[ARMED_KEY] = app.session_state[PRESSED_KEY] = f"regression.{setting}"
    app.session_state[ASKED_KEY] = "regression.fit_chart"
    return app.run()


def test_the_page_opens_with_a_preview_of_every_data_slider():
    app = _lab()
    frames = _drag_frames(app)
    fraction = [frame for frame in frames if frame["name"].startswith("regression.outlier_fraction=")]
    assert [frame["name"] for frame in fraction][:2] == ["regression.outlier_fraction=0",
                                                         "regression.outlier_fraction=0.03"]
    assert len(fraction) == 21 and {frame["note"] for frame in frames} == {apptest.ENGLISH["common.preview.data"]}
    assert {frame["name"].split("=")[0] for frame in frames} == {f"regression.{key}" for key in (
        "outlier_fraction", "outlier_magnitude", "noise", "n", "seed")}
    assert all(frame["uids"] == ["points", "outliers", "truth"] for frame in frames)  # the lines stay as trained
    outliers = [apptest.array_of(frame["data"][1]["x"]).size for frame in fraction]
    assert outliers[0] == 0 and outliers == sorted(outliers) and outliers[-1] > 0  # the data at each stop
    apptest.drag_slider(app, "regression.outlier_fraction").set_value(0.3).run()  # its own value: its own kept
    assert [frame["name"] for frame in _drag_frames(app)] == [frame["name"] for frame in fraction]
    apptest.drag_slider(app, "regression.noise").set_value(1.0).run()  # another setting: dropped, not rebuilt
    assert not _drag_frames(app)


def test_a_pressed_slider_gets_its_frames_and_keeps_them_until_another_setting_moves():
    app = _tab(_lab(), "training")
    apptest.drag_slider(app, "regression.lr").set_value(0.02).run()  # the data previews do not depend on it
    assert all(frame["name"].startswith("regression.outlier_fraction=") for frame in _drag_frames(app))
    frames = _drag_frames(_press(app, "epochs"))  # a training setting: the lab's fits at each stop
    assert frames and all(frame["name"].startswith("regression.epochs=") and "note" not in frame for frame in frames)
    uids = [trace["meta"]["uid"] for trace in _fit_spec(app)["data"]]
    assert set(frames[0]["uids"]) == set(uids)  # points, true line and every fitted line
    apptest.drag_slider(app, "regression.epochs").set_value(300).run()  # the release
    assert apptest.sent_extra(app) is None  # the mounted chart keeps them: they do not depend on the value
    apptest.drag_slider(app, "regression.lr").set_value(0.1).run()  # the frames no longer show these settings
    assert not app.exception and apptest.sent_extra(app) == []  # dropped, not rebuilt


def test_a_loss_parameter_previews_each_points_pull_and_a_training_setting_drags_its_fits():
    app = _tab(_lab(), "losses")
    frames = _drag_frames(_press(app, "huber.delta"))
    assert frames and all(frame["name"].startswith("regression.huber.delta=") for frame in frames)
    assert frames[0]["note"] == apptest.ENGLISH["common.preview.pull"]
    sizes = [apptest.array_of(frame["data"][1]["marker.size"]) for frame in frames]  # the outliers' pulls
    assert sizes[0].mean() < sizes[-1].mean()  # a larger δ lets the outliers pull harder
    frames = _drag_frames(_press(_tab(app, "training"), "epochs"))
    assert frames and frames[0]["name"] == "regression.epochs=10"


def test_settings_too_costly_to_drag_send_no_frames_and_still_train():
    app = _press(_lab({"n": "5000", "epochs": "2000", "losses": "mse,mae,huber,log_cosh"}), "outlier_fraction")
    assert not app.exception and all("note" in frame for frame in _drag_frames(app))  # the preview alone
    assert list(_errors(app)) == ["mse", "mae", "huber", "log_cosh"]


def test_the_lab_trains_on_the_bundled_diabetes_data_and_sweeps_it_with_the_same_rule():
    app = _lab({"data": "diabetes", "feature": "bmi", "losses": "mse,mae", "epochs": "100", "lang": "en"})
    assert not app.exception and not app.warning
    assert apptest.first_figure(app)
    assert any(expander.label.startswith("About the data: diabetes") for expander in app.expander)
    assert any("Set by the real data set" in caption.value for caption in app.caption)  # no n or noise slider
    names = [trace["name"] for trace in apptest.figures(app)[0]["data"]]
    assert "least-squares line before outliers" in names and "true line" not in names
    app.button(key="regression.sweep_run").click().run()
    assert not app.exception
    said = " ".join(block.value for block in app.markdown)
    assert "MSE" in said and "MAE" in said and "0.5" in said  # the breakdown verdicts, per loss, by the rule
    assert any("least-squares line of the data before the outliers" in caption.value for caption in app.caption)
    assert apptest.url_params(app)["data"] == "diabetes"


def test_a_hostile_data_source_falls_back_to_synthetic_data_with_a_notice():
    app = _lab({"data": "../../etc/passwd"})
    assert not app.exception
    assert app.warning and "data" in app.warning[0].value
    assert apptest.url_params(app)["data"] == "synthetic" and apptest.first_figure(app)


def test_the_huber_rule_button_shows_its_arithmetic_and_rounds_to_the_slider_step():
    app = apptest.open_tab(apptest.run_app({"losses": "mse,huber", "noise": "0.5"}, page="regression"),
                           "regression.settings_tab", "losses")
    button = app.button(key="regression.huber_rule")
    assert button.label == "Use δ = 1.35 × 0.5 = 0.675 → δ = 0.70"
    button.click().run()
    assert app.session_state["regression.huber.delta"] == pytest.approx(0.7)


def test_a_key_press_finds_its_lines_trained_ahead_in_the_direction_of_the_last_one(monkeypatch):
    trained = []  # (outlier fraction, whether trained ahead) of every line the lab trains

    def counted(data, *args, **kwargs):
        trained.append((dict(data)["outlier_fraction"], threading.current_thread().name == "lossviz-ahead"))
        return line_fit(data, *args, **kwargs)

    monkeypatch.setattr(train, "line_fit", counted)
    app = _lab({"outlier_fraction": "0.1", "losses": "mse,huber", "seed": "7"})
    slider = apptest.drag_slider(app, "regression.outlier_fraction")
    assert ahead.idle(60) and trained == [(0.1, False)] * 2  # nothing moved yet: nothing worked ahead
    slider.set_value(0.11).run()
    assert ahead.idle(60) and trained[2:] == [(0.11, False)] * 2 + [(0.12, True)] * 2
    slider.set_value(0.12).run()
    assert not app.exception and ahead.idle(60)
    assert trained[6:] == [(0.13, True)] * 2  # the press trained nothing: 0.12 was ready, and 0.13 is next
