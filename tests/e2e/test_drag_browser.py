"""Every lab's first chart follows the first drag after the page opens, in the browser alone, saying
what a preview shows while it shows it; the release trains at the new value."""

import pytest

from lossviz.i18n import translate
from tests.e2e import helpers as browser

# (lab, query, the slider dragged (English), the note its frames carry (None: the lab's own, exact))
DRAGS = [
    ("gallery", "task=regression&losses=mse,mae,huber", "Huber δ", None),
    ("regression", "", "outlier fraction", "common.preview.data"),
    ("classification", "view=binary", "class separation", "common.preview.data"),
    ("segmentation", "", "noise", "common.preview.forward"),
    ("distributions", "view=kl", "separation", "common.preview.target"),
    ("embeddings", "", "class spread", "common.preview.embedding"),
    ("landscape", "view=surface", "outlier fraction", "common.preview.surface"),
]
NOTE_JS = "() => document.querySelector('.lossviz-preview')?.textContent ?? null"


@pytest.mark.parametrize(("lab", "query", "label", "note"), DRAGS, ids=[drag[0] for drag in DRAGS])
def test_the_first_drag_after_the_page_opens_moves_the_first_chart(page, server, lab, query, label, note):
    frames = browser.open_lab(page, server, lab, f"lang=en&{query}".rstrip("&"))
    browser.wait_until_idle(page, quiet_ms=300)
    before = len(frames)
    states = browser.drag_slider_across(page, label)
    assert len(states) >= 10, f"the chart did not follow the drag: {len(states)} states"
    assert len(frames) == before, "the drag talked to the server before the release"
    assert page.evaluate(NOTE_JS) == (translate("en", note) if note else None)
    page.mouse.up()
    browser.wait_until_idle(page, quiet_ms=300)
    page.wait_for_function(f"() => ({NOTE_JS})() === null", timeout=15_000)  # the exact chart replaced it
    browser.assert_healthy(page)


def test_a_preview_says_what_it_shows_in_korean(page, server):
    browser.open_lab(page, server, "classification", "lang=ko&view=binary")
    browser.wait_until_idle(page, quiet_ms=300)
    browser.drag_slider_across(page, "클래스 간 거리")
    assert page.evaluate(NOTE_JS) == translate("ko", "common.preview.data")
    page.mouse.up()
    browser.wait_until_idle(page, quiet_ms=300)
    browser.assert_healthy(page)
