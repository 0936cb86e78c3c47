"""The distributions lab in a real browser: playback of the fits, a slider redraw, a shared link."""

import pytest

from tests.e2e import helpers as browser


@pytest.mark.parametrize(("lang", "label"), [("en", "separation"), ("ko", "봉우리 간격")])
def test_play_moves_the_fits_without_the_server_and_a_slider_redraws_them(page, server, lang, label):
    frames = browser.open_lab(page, server, "distributions", f"lang={lang}&modes=2&separation=4")
    browser.wait_until_idle(page, quiet_ms=500)
    lines = page.evaluate(browser.DRAWN_LINES_JS)
    played = browser.play_without_the_server(page, frames)
    assert len(set(played)) >= 5, f"the animation did not step through the epochs: {played}"
    assert page.evaluate(browser.DRAWN_LINES_JS) == lines
    browser.press_slider_until_redrawn(page, label, "ArrowLeft", 2, "separation=3.8")
    browser.assert_healthy(page)


def test_a_shared_link_reopens_the_distillation_view(page, server):
    browser.open_page(page, server, "distributions", "lang=ko&view=distill&temperature=8&confidence=3")
    assert page.get_by_role("radio", name="증류 온도").is_checked()
    assert page.get_by_text("T = 8의 KL").count() == 1
    browser.assert_no_notice(page)
