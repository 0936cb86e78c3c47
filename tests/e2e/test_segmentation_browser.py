"""The segmentation lab in a real browser: the maps play back with no server request per frame, a
slider redraws them and the URL follows, and a shared link restores the view."""

import pytest

from tests.e2e import helpers as browser

HEATMAPS_JS = "() => document.querySelectorAll('.js-plotly-plot .heatmaplayer .hm').length"


@pytest.mark.parametrize(("lang", "label"), [("en", "noise"), ("ko", "잡음")])
def test_the_maps_play_back_and_a_slider_retrains(page, server, lang, label):
    frames = browser.open_lab(page, server, "segmentation", f"lang={lang}")
    heatmaps = page.evaluate(HEATMAPS_JS)
    assert heatmaps == 10
    played = browser.play_without_the_server(page, frames)
    assert len(set(played)) >= 4, f"the animation did not step through the epochs: {played}"
    assert page.evaluate(HEATMAPS_JS) == heatmaps
    browser.press_slider_until_redrawn(page, label, "ArrowRight", 2, "noise=0.9", timeout=20_000)
    browser.assert_healthy(page)


def test_a_shared_link_restores_the_lab(page, server):
    browser.open_page(page, server, "segmentation", "lang=ko&fraction=0.01&size=64&losses=bce,tversky&seed=4")
    assert browser.slider(page, "이미지 크기(픽셀)").get_attribute("aria-valuetext") == "64"
    assert page.get_by_text("트버스키 손실(Tversky)").count() >= 1
    browser.assert_no_notice(page)
