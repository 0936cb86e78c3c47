"""Lessons in a real browser: every step of one lesson per lab played from its first link to its last
step, in English and Korean in turn; presenter mode on a projector (1920x1080) and a lesson on a phone
(390x844); Back returns to the step before."""

from __future__ import annotations

import pytest

from lossviz.i18n import translate
from lossviz.lessons import lessons
from tests.browser_support import axe_violations
from tests.e2e.helpers import assert_healthy, wait_until_idle
from tests.e2e.lesson_walk import walk_lesson

ALL = lessons()
# one lesson per lab (the mistakes lesson crosses the gallery and the regression lab); every lesson in
# both languages: benchmarks/walk_lessons.py
WALKED = (("mistakes", "ko"), ("imbalance", "en"), ("small_objects", "ko"), ("kl_direction", "en"),
          ("mining", "ko"), ("landscape", "en"), ("workbench", "ko"))

# the rendered size of the step title's type: its font size times every zoom above it
TYPE_SIZE_JS = """() => {
  let element = document.querySelector('.st-key-lesson_step p'), size = parseFloat(getComputedStyle(element).fontSize);
  for (; element; element = element.parentElement) size *= parseFloat(getComputedStyle(element).zoom || '1');
  return size;
}"""
IN_VIEW_JS = """(selector) => {
  const box = document.querySelector(selector)?.getBoundingClientRect();
  return !!box && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight
    && box.left >= 0 && box.right <= window.innerWidth;
}"""


def test_one_lesson_per_lab_is_walked():
    assert {lab for lesson_id, _ in WALKED for lab in ALL[lesson_id].labs} >= {
        "gallery", "regression", "classification", "segmentation", "distributions", "embeddings", "landscape",
        "workbench"}


@pytest.mark.parametrize(("lesson_id", "lang"), WALKED)
def test_every_step_of_a_lesson_plays_from_its_link(page, server, lesson_id, lang):
    walked = walk_lesson(page, server.url, ALL[lesson_id], lang)
    assert [row["step"] for row in walked] == list(range(1, len(ALL[lesson_id].steps) + 1))
    assert sum(row["widgets"] for row in walked) > 0  # the settings were seen in the widgets too
    assert_healthy(page)


def open_step(page, server, lesson_id, number, lang, present=False):
    page.goto(f"{server.url}/{ALL[lesson_id].href(number, lang, present=present)}")
    page.locator(".st-key-lesson_step").wait_for(timeout=60_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    wait_until_idle(page, quiet_ms=500)


@pytest.mark.parametrize(("lesson_id", "number"), [("outliers", 2), ("landscape", 3), ("workbench", 1)])
def test_presenter_mode_fits_a_projector_and_the_arrow_keys_move_steps(chromium, server, lesson_id, number):
    context = chromium.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    try:
        open_step(page, server, lesson_id, number, "en", present=True)
        page.wait_for_function("() => document.querySelector('[data-testid=stSidebarCollapseButton] button')"
                               "?.getAttribute('aria-expanded') !== 'true'", timeout=10_000)
        assert page.evaluate(IN_VIEW_JS, ".st-key-lesson_step")
        assert page.evaluate(IN_VIEW_JS, ".js-plotly-plot"), "the first chart is below the fold"
        assert page.locator(".st-key-lesson_step img").count() == 1  # the QR code, in the panel
        assert page.evaluate(TYPE_SIZE_JS) >= 1.25 * 16  # the step's type, as the projector shows it
        page.evaluate("() => document.activeElement?.blur()")  # no input has the focus
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('step') === '{number + 1}'",
                               timeout=60_000)
        page.locator(".st-key-lesson_step").get_by_text(f"Step {number + 1} of").wait_for(timeout=60_000)
        assert "present=1" in page.url
        wait_until_idle(page, quiet_ms=500)
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('step') === '{number}'",
                               timeout=60_000)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_on_a_phone_the_step_line_and_question_are_in_view_and_no_qr_code(chromium, server, lang):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_step(page, server, "huber_delta", 2, lang)
        step = ALL["huber_delta"].step(2)
        for text in (translate(lang, "lesson.step_of", step=2, steps=4),
                     translate(lang, f"lesson.huber_delta.{step.name}.question")):
            box = page.get_by_text(text).first.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= 844, text
        assert page.locator(".st-key-lesson_step img").count() == 0
        open_step(page, server, "huber_delta", 2, lang, present=True)  # a presenter's link, on a phone
        assert not page.locator(".st-key-lesson_step img").first.is_visible()
    finally:
        context.close()


def test_back_returns_to_the_step_before_with_its_settings(page, server):
    open_step(page, server, "huber_delta", 1, "en")
    page.locator(".st-key-lesson_next").locator("a, button").first.click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('huber.delta') === '0.5'", timeout=60_000)
    wait_until_idle(page, quiet_ms=500)
    page.go_back()
    page.wait_for_function("() => new URLSearchParams(location.search).get('step') === '1'", timeout=60_000)
    page.locator(".st-key-lesson_step").get_by_text("Step 1 of 4").wait_for(timeout=60_000)
    wait_until_idle(page, quiet_ms=500)
    assert "huber.delta=2" in page.url
    assert_healthy(page)


@pytest.mark.parametrize(("lesson_id", "number", "lang", "present"), [("outliers", 2, "en", False),
                                                                      ("focal_gamma", 2, "ko", True)])
def test_a_step_with_its_answer_shown_has_no_serious_accessibility_fault(page, server, lesson_id, number, lang,
                                                                          present):
    open_step(page, server, lesson_id, number, lang, present=present)
    page.locator(".st-key-lesson_reveal button").click()
    page.locator(".st-key-lesson_answer").wait_for(timeout=60_000)
    wait_until_idle(page, quiet_ms=300)
    faults = [fault["id"] for fault in axe_violations(page) if fault["impact"] in ("serious", "critical")]
    assert faults == []
    assert page.evaluate("() => document.documentElement.lang") == lang
