"""The main journeys in a real browser: open the gallery, move a slider by keyboard, share a link."""

import pytest

from tests.browser_support import CHART_SIGNATURE_JS, ROOT, Server
from tests.e2e import helpers as browser

SIX_LOSSES = "losses=mse,mae,huber,log_cosh,quantile,barron"


def open_gallery(page, server, query):
    browser.open_page(page, server, "gallery", query)


@pytest.mark.parametrize(("lang", "title", "label"), [("en", "Loss gallery", "Huber δ"),
                                                      ("ko", "손실 함수 갤러리", "후버 손실(Huber) δ")])
def test_moving_a_slider_by_keyboard_redraws_the_chart(page, server, lang, title, label):
    open_gallery(page, server, f"lang={lang}&{SIX_LOSSES}")
    assert page.locator("h1").first.inner_text() == title
    assert page.locator(".js-plotly-plot").count() == 1
    delta = browser.press_slider_until_redrawn(page, label, "ArrowRight", 4, "huber.delta=1.2")
    assert delta.get_attribute("aria-valuetext") == "1.20"
    browser.assert_healthy(page)


@pytest.mark.parametrize(("lang", "label"), [("en", "InfoNCE temperature τ"), ("ko", "InfoNCE 온도 τ")])
def test_a_new_task_opens_from_a_link_and_its_slider_redraws_the_chart(page, server, lang, label):
    open_gallery(page, server, f"lang={lang}&task=embedding&axis=cosine&losses=cosine_embedding,info_nce")
    assert page.locator(".js-plotly-plot").count() == 1
    legend = page.locator(".js-plotly-plot .legendtext").evaluate_all("texts => texts.map(t => t.textContent)")
    assert len(legend) == 3 and legend[-1] == "InfoNCE"  # the similar and the dissimilar pair, and InfoNCE
    browser.press_slider_until_redrawn(page, label, "ArrowRight", 2, "info_nce.temperature=")
    browser.assert_healthy(page)


def test_shared_link_restores_the_settings(page, server):
    open_gallery(page, server, "lang=ko&task=binary&losses=focal,bce&axis=logit&focal.gamma=3.5&focal.alpha=-1")
    assert browser.slider(page, "포컬 손실(Focal) γ").get_attribute("aria-valuetext") == "3.50"
    assert not page.get_by_role("switch", name="포컬 손실(Focal) α: 클래스 가중치 사용").is_checked()  # alpha -1: off
    assert browser.slider(page, "포컬 손실(Focal) α").count() == 0
    assert page.get_by_role("combobox", name="과제").input_value() == "이진 분류"
    assert page.get_by_role("radio", name="로짓").is_checked()
    browser.assert_no_notice(page)


def test_the_code_follows_a_slider_and_the_explanation_stays(page, server):
    # the details stand outside the sliders' fragment: an open code tab must still follow a browser.slider
    open_gallery(page, server, "lang=en&losses=mse,huber")
    page.get_by_role("radiogroup", name="A closer look at one loss").get_by_text("huber").click()
    browser.wait_until_idle(page)
    formulas = page.locator(".katex-display").count()
    browser.press_slider(page, "Huber δ", "ArrowRight", 2, "huber.delta=1.1")
    assert page.locator(".katex-display").count() == formulas == 2
    page.get_by_role("radio", name="Use it in your code").click()
    page.wait_for_selector("text=HuberLoss(delta=1.1)", timeout=15_000)
    browser.press_slider(page, "Huber δ", "ArrowRight", 3, "huber.delta=1.25")
    page.wait_for_selector("text=HuberLoss(delta=1.25)", timeout=15_000)
    assert page.locator("text=HuberLoss(delta=1.1)").count() == 0
    browser.assert_healthy(page)


def test_a_chart_says_so_in_the_page_language_when_plotly_cannot_load(page, server):
    page.route("**/app/static/plotly-cartesian.min.js", lambda route: route.abort())
    page.goto(f"{server.url}/gallery?lang=ko")
    page.wait_for_selector("text=plotly.js", timeout=60_000)
    assert "차트를 그릴 수 없습니다" in page.locator(".lossviz-plot").first.inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_hostile_link_shows_a_notice_and_a_working_page(page, server):
    open_gallery(page, server, "huber.delta=1e309&loss=../../etc&lang=xx&losses=mse,huber,%3Cscript%3E")
    notice = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "used 3" in notice and "loss" in notice and "<script>" in notice and "xx" in notice
    assert browser.slider(page, "Huber δ").get_attribute("aria-valuetext") == "3.00"
    browser.assert_healthy(page)


def test_home_links_to_the_gallery_and_torch_stays_unloaded(page):
    # a server of its own: the shared one may have trained a network (and loaded torch) already
    fresh = Server(ROOT / "app.py").start()
    try:
        page.goto(f"{fresh.url}/?lang=en")
        page.get_by_role("link", name="Loss gallery").last.click()
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        browser.wait_until_idle(page)
        assert "/gallery" in page.url
        for path in ("regression", "classification"):
            browser.open_page(page, fresh, path, "lang=en")
        assert not fresh.has_loaded("libtorch"), "the first page loads must not import torch"
        browser.assert_healthy(page)
    finally:
        fresh.stop()


def test_back_returns_to_the_previous_setting_and_its_link(page, server):
    open_gallery(page, server, "lang=en&losses=mse,huber")
    before = page.evaluate(CHART_SIGNATURE_JS)
    browser.press_slider(page, "Huber δ", "ArrowRight", 2, "huber.delta=1.1")
    delta = 'input[type="range"][aria-label="Huber δ"]'
    page.go_back()
    page.wait_for_function(f"() => document.querySelector('{delta}').getAttribute('aria-valuetext') === '1.05'",
                           timeout=15_000)
    browser.wait_until_idle(page, quiet_ms=300)
    assert "huber.delta=1.05&" in page.url, page.url
    page.go_back()
    page.wait_for_function(f"() => ({CHART_SIGNATURE_JS})() === {before}", timeout=15_000)
    browser.wait_until_idle(page, quiet_ms=300)
    assert browser.slider(page, "Huber δ").get_attribute("aria-valuetext") == "1.00"
    assert "huber.delta=1&" in page.url, page.url
    browser.assert_healthy(page)


def test_no_chart_button_offers_to_send_data_off_the_page(page, server):
    open_gallery(page, server, "lang=en")
    page.locator(".js-plotly-plot").first.hover()
    titles = page.locator(".js-plotly-plot .modebar-btn").evaluate_all("(buttons) => buttons.map(b => b.dataset.title)")
    assert titles and not [title for title in titles if any(word in title.lower() for word in ("cloud", "share",
                                                                                               "chart studio"))]
    browser.assert_healthy(page)


@pytest.mark.parametrize(("lang", "label"), [("en", "Huber δ"), ("ko", "후버 손실(Huber) δ")])
def test_the_chart_follows_a_dragged_slider_before_its_release_without_the_server(page, server, lang, label):
    frames = browser.count_websocket_frames(page)  # watches the page's websocket from its opening on
    open_gallery(page, server, f"lang={lang}&losses=mse,huber")
    before = len(frames)
    states = browser.drag_slider_across(page, label)
    assert len(states) >= 10, f"the chart did not follow the drag: {len(states)} states"
    assert len(frames) == before, "the drag talked to the server before the release"
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('huber.delta=3&')", timeout=15_000)
    browser.wait_until_idle(page, quiet_ms=300)
    assert browser.slider(page, label).get_attribute("aria-valuetext") == "3.00"  # the residual axis's reach
    browser.assert_healthy(page)
