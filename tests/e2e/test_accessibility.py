"""Structure and contrast a screen reader and a weak-sighted learner rely on."""

import itertools

import pytest

from tests.e2e.helpers import assert_healthy, open_page, wait_until_idle

# WCAG 2.1 contrast ratio of the first element matching `selector` against white, from its computed colour
CONTRAST_JS = """(selector) => {
  const [r, g, b, a = 1] = getComputedStyle(document.querySelector(selector)).color.match(/[\\d.]+/g).map(Number);
  const blend = [r, g, b].map(c => (a * c + (1 - a) * 255) / 255);
  const linear = blend.map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  return 1.05 / (luminance + 0.05);
}"""
HEADINGS_JS = """() => [...document.querySelectorAll(['h1', 'h2', 'h3', 'h4'].map(h => '[data-testid="stMain"] ' + h)
  .join(', '))].map(h => Number(h.tagName[1]))"""


@pytest.mark.parametrize(("path", "query"), [("", "lang=en"), ("regression", "lang=ko"), ("gallery", "lang=en")])
def test_headings_descend_one_level_at_a_time_and_captions_are_readable(page, server, path, query):
    if path:
        open_page(page, server, path, query)
    else:
        page.goto(f"{server.url}/?{query}")
        page.locator('[data-testid="stCaptionContainer"]').first.wait_for()
        wait_until_idle(page)
    levels = page.evaluate(HEADINGS_JS)
    assert levels[0] == 1 and all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), levels
    assert page.evaluate(CONTRAST_JS, '[data-testid="stCaptionContainer"]') >= 4.5
    assert_healthy(page)
