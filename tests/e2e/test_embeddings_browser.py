"""The embeddings lab in a real browser: playback without the server, a slider redraw, a shared link."""

import pytest

from tests.e2e import helpers as browser


@pytest.mark.parametrize(("lang", "label", "batch"), [("en", "class spread", "batch"), ("ko", "클래스 퍼짐", "배치")])
def test_play_moves_the_points_without_the_server_and_a_slider_retrains(page, server, lang, label, batch):
    frames = browser.open_lab(page, server, "embeddings", f"lang={lang}")
    assert page.evaluate(browser.EPOCH_LABEL_JS).split()[0] == batch  # the lab trains a batch a step, as its axis says
    played = browser.play_without_the_server(page, frames)
    assert len(set(played)) >= 5, f"the animation did not step through the batches: {played}"
    browser.press_slider_until_redrawn(page, label, "ArrowRight", 2, "spread=1")
    browser.assert_healthy(page)


def test_a_shared_link_reopens_the_lab_with_its_settings(page, server):
    browser.open_page(page, server, "embeddings", "lang=ko&classes=5&spread=1.2&mining=all&margin=2")
    assert browser.slider(page, "클래스 수").get_attribute("aria-valuetext") == "5"
    legend = page.locator(".js-plotly-plot .legendtext").evaluate_all("texts => texts.map(t => t.textContent)")
    assert "클래스 5" in legend
    browser.assert_no_notice(page)
