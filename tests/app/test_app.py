"""AppTest of the shell and the gallery: they run, widgets change the output, hostile URLs are repaired."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _app(query=None, page=None):
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    if page:
        app.switch_page(page)
    return app.run()


def open_tab(app, key: str, tab: str):
    """Open `tab` of the tabs `key` (ui.open_tab: only the open one is drawn) and rerun."""
    app.button_group(key=key).set_value(tab)
    return app.run()


def _cell(text: str):
    text = text.strip().replace("\\|", "|")
    try:
        return float(text)
    except ValueError:
        return text


def tables(app) -> list[list[dict]]:
    """Every markdown table on the page (ui.table) as rows of {column: value}, numbers as floats."""
    found = []
    for element in app.markdown:
        lines = element.value.splitlines()
        if len(lines) < 2 or not lines[0].startswith("| ") or not set(lines[1]) <= set("|-: "):
            continue
        split = [[_cell(cell) for cell in re.split(r"(?<!\\)\|", line.strip()[1:-1])] for line in lines]
        header = [str(name) for name in split[0]]
        found.append([dict(zip(header, row, strict=True)) for row in split[2:]])
    return found


def _column(table: list[dict], index: int) -> list:
    return [list(row.values())[index] for row in table]


def figures(app) -> list[dict]:
    """Every chart on the page (ui.chart) as its plotly figure, in page order."""
    return [json.loads(element.proto.bytes)["figure"] for element in app.get("bidi_component")
            if element.proto.component_name == "lossviz.plot"]


def _figure_data(app, index=0) -> str:
    return json.dumps(figures(app)[index])


def test_home_page_runs_and_links_the_gallery():
    app = _app()
    assert not app.exception
    assert app.title[0].value == "LossViz"


def test_gallery_draws_the_default_losses():
    app = _app(page="views/gallery.py")
    assert not app.exception
    assert len(figures(app)) == 1
    assert app.multiselect(key="gallery.losses").value == ["mse", "mae", "huber"]
    assert app.query_params["huber.delta"] == "1"


def test_moving_a_slider_changes_the_curves_and_the_url():
    app = _app(page="views/gallery.py")
    before = _figure_data(app)
    app.slider(key="gallery.huber.delta").set_value(0.5).run()
    assert not app.exception
    assert _figure_data(app) != before
    assert app.query_params["huber.delta"] == "0.5"


def test_choosing_losses_and_task_changes_what_is_drawn():
    app = _app(page="views/gallery.py")
    app.multiselect(key="gallery.losses").set_value(["mse", "barron", "quantile", "log_cosh"]).run()
    assert not app.exception
    assert _figure_data(app).count('"name"') > 0 and '"barron"' in _figure_data(app)
    app.selectbox(key="gallery.task").set_value("binary").run()
    assert not app.exception
    assert app.multiselect(key="gallery.losses").value == ["bce", "focal"]
    assert '"focal"' in _figure_data(app)


def test_switching_language_translates_the_page():
    app = _app(page="views/gallery.py")
    assert app.title[0].value == "Loss gallery"
    app.selectbox(key="lang").set_value("ko").run()
    assert not app.exception
    assert app.title[0].value == "손실 함수 갤러리"
    assert app.query_params["lang"] == "ko"


def test_shared_url_restores_the_view():
    app = _app({"task": "segmentation", "losses": "tversky,dice", "axis": "logit", "tversky.beta": "0.8",
                "lang": "ko"}, page="views/gallery.py")
    assert not app.exception
    assert app.selectbox(key="gallery.task").value == "segmentation"
    assert app.multiselect(key="gallery.losses").value == ["tversky", "dice"]
    assert app.radio(key="gallery.axis").value == "logit"
    assert app.slider(key="gallery.tversky.beta").value == 0.8
    assert not app.warning


@pytest.mark.parametrize("query", [
    {"delta": "1e309"}, {"huber.delta": "1e309"}, {"huber.delta": "abc"}, {"loss": "../../etc"},
    {"losses": "../../etc"}, {"lang": "xx"}, {"huber.delta": "9" * 5000}, {"task": "<script>"},
    {"huber.delta": "-inf"}, {"huber.delta": "nan"},
])
def test_hostile_query_shows_a_notice_and_a_working_page(query):
    app = _app(query, page="views/gallery.py")
    assert not app.exception
    assert app.warning, "a notice explains the repair"
    assert len(figures(app)) == 1 or app.info


def test_out_of_range_value_is_clamped_into_the_slider():
    app = _app({"huber.delta": "1e309"}, page="views/gallery.py")
    assert app.slider(key="gallery.huber.delta").value == 10.0
    assert "10" in app.warning[0].value


def test_torch_check_reports_tiny_differences():
    app = open_tab(_app({"losses": "mse,huber,barron"}, page="views/gallery.py"), "gallery.detail_tab",
                   "check")
    app.button(key="gallery.check_run").click().run()
    assert not app.exception
    table = tables(app)[0]
    assert _column(table, 0) == ["mse", "huber", "barron"]
    assert all(value < 1e-10 for value in _column(table, 1)) and all(value < 1e-10 for value in _column(table, 2))


def test_first_page_loads_import_neither_torch_nor_the_emoji_catalog():
    # a fresh interpreter: other tests in this process may have imported either already. Emoji
    # icons would make Streamlit compile its emoji catalog, ~0.1 s of a cold start.
    code = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"app = AppTest.from_file({APP!r}, default_timeout=60).run()\n"
        "app.switch_page('views/gallery.py').run()\n"
        "assert not app.exception\n"
        "app.switch_page('views/regression.py').run()\n"
        "assert not app.exception\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
        "assert 'streamlit.emojis' not in sys.modules, 'an emoji icon loaded the emoji catalog'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_gallery_in_every_task_and_axis_runs():
    from lossviz import gallery
    for task, axes in gallery.TASK_AXES.items():
        for axis in axes:
            app = _app({"task": task, "axis": axis, "losses": ",".join(gallery.TASK_LOSSES[task])},
                       page="views/gallery.py")
            assert not app.exception, (task, axis)
            assert len(figures(app)) == 1


def test_torch_check_leaves_out_points_where_torch_has_no_gradient():
    # p_t = 1 puts the other classes at probability 0, where autograd through log gives nan
    app = open_tab(_app({"task": "multiclass", "axis": "proba"}, page="views/gallery.py"), "gallery.detail_tab",
                   "check")
    app.button(key="gallery.check_run").click().run()
    assert not app.exception
    table = tables(app)[0]
    assert all(value < 1e-9 for value in _column(table, 2))
    assert all(count > 0 for count in _column(table, 3))
    assert app.success and any(caption.value.startswith("Points left out") for caption in app.caption)


def test_the_code_of_a_loss_follows_its_sliders():
    app = open_tab(_app({"losses": "mse,huber"}, page="views/gallery.py"), "gallery.detail_tab", "code")
    app.radio(key="gallery.detail").set_value("huber").run()
    app.slider(key="gallery.huber.delta").set_value(0.5).run()
    assert not app.exception
    assert [block.value for block in app.code] == [
        "import torch\n\nloss_fn = torch.nn.HuberLoss(delta=0.5)\nloss = loss_fn(y_pred, y_true)",
        "import keras\n\nloss_fn = keras.losses.Huber(delta=0.5)\nloss = loss_fn(y_true, y_pred)"]
    assert not app.latex  # the explanation's tab is closed: its formulas are not drawn


def test_the_explanation_shows_both_formulas_of_the_chosen_loss():
    from lossviz import losses
    app = _app({"losses": "mse,huber"}, page="views/gallery.py")
    app.radio(key="gallery.detail").set_value("huber").run()
    huber = losses.loss_class("huber")
    assert [block.value for block in app.latex] == [f"$$\n{huber.latex}\n$$", f"$$\n{huber.grad_latex}\n$$"]


def test_a_page_keeps_its_settings_while_the_visitor_is_on_another():
    app = _app({"losses": "mse,huber", "huber.delta": "1.5", "lang": "en"}, page="views/gallery.py")
    app.slider(key="gallery.huber.delta").set_value(1.7).run()
    app.switch_page("views/regression.py").run()
    app.query_params.clear()  # as the browser's navigation leaves them (the URL's settings are the old page's)
    app.switch_page("views/gallery.py").run()
    assert not app.exception and not app.warning
    assert app.multiselect(key="gallery.losses").value == ["mse", "huber"]
    assert app.slider(key="gallery.huber.delta").value == 1.7
    assert app.query_params["huber.delta"] == "1.7"
