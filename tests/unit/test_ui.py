"""The pure helpers of lossviz.ui (the widgets themselves are covered by the AppTests)."""

from lossviz.losses import ParamSpec
from lossviz.ui import log_steps, markdown_table


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
