"""The pure helpers of lossviz.ui (the widgets themselves are covered by the AppTests)."""

from lossviz import charts
from lossviz.losses import ParamSpec
from lossviz.ui import log_steps, markdown_table, publish_plotly_js


def test_markdown_table_aligns_numbers_right_and_escapes_cells():
    table = markdown_table([{"loss": "a|b", "error": 0.5}, {"loss": "log_cosh", "error": 2}])
    assert table.splitlines() == [
        "| loss | error |",
        "|:---|---:|",
        "| a\\|b | 0.500 |",
        "| log_cosh | 2 |",
    ]


def test_markdown_table_of_no_rows_is_empty():
    assert markdown_table([]) == ""


def test_log_steps_cover_the_range_in_one_two_five_steps():
    assert log_steps(ParamSpec(default=0.01, min=0.001, max=1.0, step=0.001, log=True)) == [
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0]


def test_markdown_table_formats_floats_as_asked():
    assert markdown_table([{"x": 1.5e-12}], number_format="{:.2e}").splitlines()[-1] == "| 1.50e-12 |"


def test_plotly_js_is_published_once_into_the_static_folder(tmp_path):
    static = tmp_path / "static"
    publish_plotly_js(static)
    published = static / "plotly.min.js"
    assert published.read_bytes()[:200] == charts.plotly_js().read_bytes()[:200]
    before = published.stat().st_mtime_ns
    publish_plotly_js(static)  # the same file is there: left alone
    assert published.stat().st_mtime_ns == before


def test_an_unwritable_static_folder_is_left_alone(tmp_path):
    blocked = tmp_path / "static"
    blocked.write_text("a file where the folder should be")
    publish_plotly_js(blocked)  # no exception: the charts show that plotly.js did not load
    assert blocked.read_text() == "a file where the folder should be"
