"""The regression lab in a real browser: playback runs in the page, sliders retrain, both languages."""

import pytest

from tests.browser_support import CHART_SIGNATURE_JS
from tests.e2e import helpers as browser


def open_lab(page, server, query):
    browser.open_page(page, server, "regression", query)


def test_play_animates_the_training_in_the_browser_with_no_server_round_trip(page, server):
    frames = browser.count_websocket_frames(page)
    open_lab(page, server, "lang=en&outlier_fraction=0.2&epochs=300")
    assert page.evaluate(browser.EPOCH_LABEL_JS) == "epoch 300"
    browser.wait_until_idle(page, quiet_ms=500)  # the first run's last messages have arrived
    lines = page.evaluate(browser.DRAWN_LINES_JS)
    played = browser.play_without_the_server(page, frames)
    assert len(set(played) - {"300"}) >= 5, f"the animation did not step through epochs: {played}"
    assert page.evaluate(browser.EPOCH_LABEL_JS) == "epoch 300"
    assert page.evaluate(browser.DRAWN_LINES_JS) == lines, "a panel lost its lines during playback"
    browser.assert_healthy(page)


@pytest.mark.parametrize(("lang", "label", "title"), [("en", "outlier fraction", "Regression lab"),
                                                      ("ko", "이상치 비율", "회귀 실험실")])
def test_moving_the_outlier_slider_retrains_every_loss(page, server, lang, label, title):
    open_lab(page, server, f"lang={lang}&outlier_fraction=0")
    assert page.locator("h1").first.inner_text() == title
    before = page.evaluate(CHART_SIGNATURE_JS)
    fraction = browser.press_slider(page, label, "ArrowRight", 5, "outlier_fraction=0.05")
    assert page.evaluate(CHART_SIGNATURE_JS) != before
    assert fraction.get_attribute("aria-valuetext") == "0.05"
    assert page.locator(".js-plotly-plot").count() == 1
    browser.assert_healthy(page)


def test_home_links_to_the_lab(page, server):
    page.goto(f"{server.url}/?lang=ko")
    page.get_by_role("link", name="회귀 실험실").last.click()
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    browser.wait_until_idle(page)
    assert "/regression" in page.url
    browser.assert_healthy(page)


def test_settings_keep_their_values_when_their_tab_closes(page, server):
    open_lab(page, server, "lang=en&outlier_fraction=0")
    browser.press_slider(page, "outlier fraction", "ArrowRight", 3, "outlier_fraction=0.03")
    page.get_by_role("radio", name="Losses").click()
    page.wait_for_selector('input[type="range"][aria-label="Huber δ"]', timeout=20_000)
    browser.wait_until_idle(page)
    browser.press_slider(page, "Huber δ", "ArrowRight", 2, "huber.delta=1.1")
    assert "outlier_fraction=0.03" in page.url  # the closed data tab's setting still applies
    page.get_by_role("radio", name="Data").click()
    page.wait_for_selector('input[type="range"][aria-label="outlier fraction"]', timeout=20_000)
    browser.wait_until_idle(page)
    assert browser.slider(page, "outlier fraction").get_attribute("aria-valuetext") == "0.03"
    assert "huber.delta=1.1" in page.url
    browser.assert_healthy(page)


def test_the_lab_keeps_its_settings_while_the_visitor_looks_at_the_gallery(page, server):
    browser.open_page(page, server, "regression", "lang=en&losses=mse,huber")
    browser.press_slider(page, "outlier fraction", "ArrowRight", 2, "outlier_fraction=0.12")
    navigation = page.get_by_test_id("stSidebarNavItems")
    navigation.get_by_role("link", name="Loss gallery").click()
    page.wait_for_function("() => location.pathname.endsWith('/gallery')", timeout=15_000)
    browser.wait_until_idle(page, quiet_ms=300)
    navigation.get_by_role("link", name="Regression lab").click()
    page.wait_for_function("() => location.search.includes('outlier_fraction=0.12')", timeout=15_000)
    browser.wait_until_idle(page, quiet_ms=300)
    assert browser.slider(page, "outlier fraction").get_attribute("aria-valuetext") == "0.12"
    assert "losses=mse%2Chuber&" in page.url
    browser.assert_no_notice(page)


HOLDS_DRAG_FRAMES_JS = "() => (document.querySelector('.lossviz-plot').lossvizExtra || []).length > 0"


@pytest.mark.parametrize(("lang", "label"), [("en", "outlier fraction"), ("ko", "이상치 비율")])
def test_a_sidebar_slider_drags_the_fit_once_a_press_has_brought_its_frames(page, server, lang, label):
    frames = browser.count_websocket_frames(page)
    open_lab(page, server, f"lang={lang}")
    browser.drag_slider_across(page, label)  # the first press asks the server for the browser.slider's frames
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('outlier_fraction=0.5&')", timeout=15_000)
    page.wait_for_function(HOLDS_DRAG_FRAMES_JS, timeout=15_000)
    browser.wait_until_idle(page, quiet_ms=300)
    before = len(frames)
    states = browser.drag_slider_across(page, label)
    assert len(states) >= 10, f"the fit did not follow the drag: {len(states)} states"
    assert len(frames) == before, "the drag talked to the server before the release"
    page.mouse.up()
    browser.wait_until_idle(page, quiet_ms=300)
    assert browser.slider(page, label).get_attribute("aria-valuetext") == "0.50"
    browser.assert_healthy(page)
