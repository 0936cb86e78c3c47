"""The landscape page in a real browser: playback of the paths, a slider redraw, shared links for both views."""

import pytest

from tests.e2e import helpers as browser

MAPS_JS = "() => document.querySelectorAll('.js-plotly-plot .heatmaplayer image').length"


@pytest.mark.parametrize(("lang", "epoch"), [("en", "epoch 100"), ("ko", "에포크 100")])
def test_play_walks_the_paths_over_both_surfaces_with_no_server_round_trip(page, server, lang, epoch):
    frames = browser.open_lab(page, server, "landscape", f"lang={lang}")
    assert page.evaluate(MAPS_JS) == 2
    assert page.evaluate(browser.EPOCH_LABEL_JS) == epoch
    browser.wait_until_idle(page, quiet_ms=500)
    lines = page.evaluate(browser.DRAWN_LINES_JS)
    played = browser.play_without_the_server(page, frames)
    assert len(set(played)) >= 5, f"the animation did not step through the steps: {played}"
    assert page.evaluate(browser.DRAWN_LINES_JS) == lines, "a surface lost its drawing"
    assert page.evaluate(MAPS_JS) == 2
    browser.assert_healthy(page)


@pytest.mark.parametrize(("lang", "label"), [("en", "outlier fraction"), ("ko", "이상치 비율")])
def test_the_outlier_slider_redraws_both_surfaces_and_the_url_follows(page, server, lang, label):
    browser.open_page(page, server, "landscape", f"lang={lang}&outlier_fraction=0.1")
    browser.press_slider_until_redrawn(page, label, "ArrowRight", 2, "outlier_fraction=0.12")
    browser.assert_healthy(page)


def test_a_shared_link_reopens_the_surface_view_with_its_settings(page, server):
    browser.open_page(page, server, "landscape", "lang=ko&left=mae&right=log_cosh&features=unscaled&seed=7")
    assert page.get_by_role("radio", name="x가 [4, 16] (척도 조정 없음)").is_checked()
    titles = page.locator(".js-plotly-plot .annotation-text").evaluate_all("texts => texts.map(t => t.textContent)")
    assert titles[:2] == ["MAE", "log-cosh 손실"]
    assert browser.slider(page, "난수 시드").get_attribute("aria-valuetext") == "7"
    browser.assert_no_notice(page)


@pytest.mark.parametrize(("lang", "label", "verdict"), [("en", "patience", "Early stopping with patience 40"),
                                                        ("ko", "인내(patience)", "인내 40의 조기 종료")])
def test_a_shared_link_reopens_the_monitor_and_its_patience_moves_the_stop(page, server, lang, label, verdict):
    browser.open_page(page, server, "landscape", f"lang={lang}&view=monitor&patience=40&degree=15&train_points=25")
    assert page.get_by_text(verdict).count() == 1
    sidebar = page.get_by_test_id("stSidebarUserContent")
    sidebar.get_by_role("radio", name={"en": "Training", "ko": "학습"}[lang], exact=True).click()
    browser.wait_until_idle(page, quiet_ms=300)
    browser.press_slider_until_redrawn(page, label, "ArrowRight", 1, "patience=41")
    browser.assert_healthy(page)
