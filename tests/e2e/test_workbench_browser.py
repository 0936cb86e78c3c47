"""The workbench in a real browser: type a formula, see it drawn and in the URL, reopen the shared
link, upload a file and read its table; in English and Korean."""

import pytest

from lossviz.labs.workbench.upload import DOMINANT_ROWS, sample_file
from tests.browser_support import CHART_SIGNATURE_JS
from tests.e2e.helpers import assert_healthy, open_page, wait_until_idle

CASES = [("en", "Workbench", "Your loss, as a formula", "Your data", "Who carries the total loss"),
         ("ko", "실험대", "내 손실 함수 수식", "내 데이터", "전체 손실을 누가 떠맡는가")]


@pytest.mark.parametrize(("lang", "title", "field", "data_tab", "shares"), CASES)
def test_type_a_formula_share_it_and_upload_a_file(page, server, tmp_path, lang, title, field, data_tab, shares):
    open_page(page, server, "workbench", f"lang={lang}")
    assert page.locator("h1").first.inner_text() == title
    before = page.evaluate(CHART_SIGNATURE_JS)
    text = page.get_by_role("textbox", name=field)
    text.fill("log(1 + (r/a)**2)")
    text.press("Enter")
    page.wait_for_function(f"() => ({CHART_SIGNATURE_JS})() !== {before}", timeout=30_000)
    wait_until_idle(page, quiet_ms=300)
    assert "expr=log" in page.url
    formula = page.locator(".katex").first.inner_text()
    assert "log" in formula and "a" in formula
    shared = page.url

    page.goto(shared)  # the link reopens the same formula
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    wait_until_idle(page)
    assert page.get_by_role("textbox", name=field).input_value() == "log(1 + (r/a)**2)"
    notices = page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert notices == [page.locator('[data-testid="stAlert"]').first.inner_text()] and len(notices) == 1
    assert "r = 0" in notices[0]  # the one notice: the checks found nothing wrong

    page.get_by_role("radio", name=data_tab, exact=True).click()
    wait_until_idle(page, quiet_ms=300)
    sample = tmp_path / "residuals.csv"
    sample.write_text(sample_file("residuals"))
    page.set_input_files("input[type=file]", str(sample))
    page.get_by_role("heading", name=shares).wait_for(timeout=30_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    wait_until_idle(page, quiet_ms=300)
    assert page.locator("table").first.locator("tbody tr").count() == 4  # three built-in losses and yours
    assert page.locator("table").nth(1).locator("tbody tr").count() == DOMINANT_ROWS
    assert "residuals.csv" not in page.url and "y_true" not in page.url
    assert_healthy(page)


def test_a_hostile_formula_is_refused_in_the_page_and_runs_nothing(page, server):
    open_page(page, server, "workbench", "lang=en&expr=__import__('os').system('touch /tmp/lossviz-canary')")
    alert = page.locator('[data-testid="stAlert"]').first
    assert "attribute access" in alert.inner_text()
    assert page.locator(".js-plotly-plot .main-svg").count() > 0  # the example formula is drawn
    import os

    assert not os.path.exists("/tmp/lossviz-canary")
    assert_healthy(page)


def test_the_curves_follow_a_dragged_parameter_before_its_release(page, server):
    from tests.e2e.helpers import count_websocket_frames, drag_slider_across, slider

    frames = count_websocket_frames(page)
    open_page(page, server, "workbench", "lang=en&expr=abs(r)**a&a=1&a_min=0.5&a_max=3")
    before = len(frames)
    states = drag_slider_across(page, "parameter a")
    assert len(states) >= 10, f"the curves did not follow the drag: {len(states)} states"
    assert len(frames) == before, "the drag talked to the server before the release"
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('&a=3&')", timeout=15_000)
    wait_until_idle(page, quiet_ms=300)
    assert slider(page, "parameter a").get_attribute("aria-valuetext") == "3.00"
    assert_healthy(page)
