"""The embeddings lab in a real browser: playback without the server, a slider redraw, a shared link."""

import pytest

from tests.e2e.helpers import (
    assert_healthy,
    count_websocket_frames,
    open_page,
    play_without_the_server,
    press_slider_until_redrawn,
    slider,
)


@pytest.mark.parametrize(("lang", "title", "label"), [("en", "Embeddings lab", "class spread"),
                                                      ("ko", "임베딩 실험실", "클래스 퍼짐")])
def test_play_moves_the_points_without_the_server_and_a_slider_retrains(page, server, lang, title, label):
    frames = count_websocket_frames(page)
    open_page(page, server, "embeddings", f"lang={lang}")
    assert page.locator("h1").first.inner_text() == title
    played = play_without_the_server(page, frames)
    assert len(set(played)) >= 5, f"the animation did not step through the batches: {played}"
    press_slider_until_redrawn(page, label, "ArrowRight", 2, "spread=1")
    assert_healthy(page)


def test_a_shared_link_reopens_the_lab_with_its_settings(page, server):
    open_page(page, server, "embeddings", "lang=ko&classes=5&spread=1.2&mining=all&margin=2")
    assert slider(page, "클래스 수").get_attribute("aria-valuetext") == "5"
    legend = page.locator(".js-plotly-plot .legendtext").evaluate_all("texts => texts.map(t => t.textContent)")
    assert "클래스 5" in legend
    assert page.locator('[data-testid="stAlert"]').count() == 0
    assert_healthy(page)
