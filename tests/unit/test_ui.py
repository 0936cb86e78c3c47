"""The helpers behind lossviz.ui that need no Streamlit (the widgets themselves are covered by the AppTests)."""

from lossviz.losses import ParamSpec
from lossviz.tables import markdown_table
from lossviz.ui.cache import LRU


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
    assert ParamSpec(default=0.01, min=0.001, max=1.0, step=0.001, log=True).log_steps() == [
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0]


def test_markdown_table_formats_floats_as_asked():
    assert markdown_table([{"x": 1.5e-12}], number_format="{:.2e}").splitlines()[-1] == "| 1.50e-12 |"


def test_recent_keeps_at_most_its_size_and_drops_the_least_recently_used():
    runs = LRU(3)
    for key in range(10):
        runs.put(key, f"run {key}")
        assert len(runs) <= 3
    assert [key in runs for key in range(10)] == [False] * 7 + [True] * 3
    assert runs.get(7) == "run 7"  # read: now the most recent
    runs.put(10, "run 10")
    assert 7 in runs and 8 not in runs and runs.get(8) is None


def test_streamlits_english_chrome_is_written_in_korean_on_a_korean_page():
    from lossviz.labs.workbench.upload import MAX_BYTES
    from lossviz.ui.page import chrome_words

    css = chrome_words()
    for english, korean in (("stStatusWidget", '"중지"'), ("stFileUploaderDropzone'] button", '"파일 찾기"'),
                            ("stFileUploaderDropzoneInstructions", f'"파일 하나에 {MAX_BYTES >> 20}MB까지'),
                            ("stMainMenuItem-print", '"인쇄"'), ("stMainMenuItem-theme-Dark", '"어둡게"')):
        rule = next(rule for rule in css.split("}") if english in rule and "::after" in rule)
        assert rule.startswith("html:lang(ko)") and korean in rule, rule
    assert "html:lang(en)" not in css  # English pages keep Streamlit's own words


def test_the_next_stop_is_one_arrow_key_press_away_and_none_past_an_end():
    from lossviz.ui.ahead import next_stop

    fraction = ParamSpec(default=0.1, min=0.0, max=0.5, step=0.01)
    assert next_stop(fraction, 0.1, up=True) == 0.11 and next_stop(fraction, 0.1, up=False) == 0.09
    assert next_stop(fraction, 0.5, up=True) is None and next_stop(fraction, 0.0, up=False) is None
    points = ParamSpec(default=200, min=50, max=2000, step=50, integer=True)
    assert next_stop(points, 200, up=True) == 250 and isinstance(next_stop(points, 200, up=True), int)
    rate = ParamSpec(default=0.1, min=0.001, max=1.0, step=0.001, log=True)
    assert next_stop(rate, 0.1, up=True) == 0.2 and next_stop(rate, 0.1, up=False) == 0.05
    assert next_stop(rate, 1.0, up=True) is None
