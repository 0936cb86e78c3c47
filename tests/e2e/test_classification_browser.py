"""The classification lab in a real browser: sliders retrain, playback stays in the page, the network stops."""

import pytest

from tests.browser_support import CHART_SIGNATURE_JS
from tests.e2e import helpers as browser


def open_lab(page, server, query):
    browser.open_page(page, server, "classification", query)


@pytest.mark.parametrize(("lang", "imbalance", "gamma"), [
    ("en", "imbalance (majority per minority point)", "Focal γ"),
    ("ko", "불균형 (소수 1개당 다수 개수)", "포컬 손실(Focal) γ"),
])
def test_imbalance_and_gamma_sliders_retrain_the_models(page, server, lang, imbalance, gamma):
    open_lab(page, server, f"lang={lang}&imbalance=10")
    before = page.evaluate(CHART_SIGNATURE_JS)
    ratio = browser.press_slider(page, imbalance, "ArrowRight", 1, "imbalance=20")
    assert page.evaluate(CHART_SIGNATURE_JS) != before
    assert ratio.get_attribute("aria-valuetext") == "1:20"
    page.get_by_role("radio", name="Losses" if lang == "en" else "손실 함수").click()
    before = page.evaluate(CHART_SIGNATURE_JS)
    browser.press_slider(page, gamma, "ArrowLeft", 1, "focal.gamma=1.9")
    assert page.evaluate(CHART_SIGNATURE_JS) != before
    browser.assert_healthy(page)


def test_boundaries_play_back_in_the_browser(page, server):
    frames = browser.count_websocket_frames(page)
    open_lab(page, server, "lang=en")
    browser.wait_until_idle(page, quiet_ms=500)  # the first run's last messages have arrived
    lines = page.evaluate(browser.DRAWN_LINES_JS)
    played = browser.play_without_the_server(page, frames)
    assert len(set(played) - {"200"}) >= 5, played
    assert page.evaluate(browser.DRAWN_LINES_JS) == lines, "a panel lost its lines during playback"
    browser.assert_healthy(page)


def test_the_network_streams_its_progress_and_stop_keeps_the_partial_network(page, server):
    open_lab_without_chart = f"{server.url}/classification?lang=en&view=network&network_epochs=1000&hidden=64"
    page.goto(open_lab_without_chart)
    page.get_by_role("button", name="Train the network").wait_for(timeout=60_000)
    browser.wait_until_idle(page)
    page.get_by_role("button", name="Train the network").click()
    progress = page.locator('[data-testid="stProgress"]')
    progress.wait_for(timeout=60_000)
    page.wait_for_function("() => /epoch [1-9][0-9]* of 1000/.test(document.body.innerText)", timeout=60_000)
    assert not page.locator('[data-testid="stStatusWidget"] button').is_visible()  # one Stop: the page's own
    page.get_by_role("button", name="Stop", exact=True).click()
    page.get_by_text("Stopped after").wait_for(timeout=30_000)
    browser.wait_until_idle(page)
    assert progress.count() == 0
    # the network where it stopped, and its loss so far
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2", timeout=30_000)
    assert "of 1000 epochs" in page.get_by_text("Stopped after").inner_text()
    browser.assert_healthy(page)
