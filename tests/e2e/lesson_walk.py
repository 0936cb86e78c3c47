"""Walking a lesson in a real browser, step by step, as a class would (tests/e2e/test_lessons_browser.py
walks one lesson per lab, benchmarks/walk_lessons.py every lesson in both languages): each step's panel
shows, the settings it names hold their values in the URL and in the widgets drawn, its reading is
outlined and visible, its revealed answer carries the numbers the reading shows, and Next leads on."""

from __future__ import annotations

import time
from urllib.parse import parse_qsl, urlsplit

from lossviz.i18n import translate
from lossviz.lessons import Lesson, schema_of, value_label
from tests.e2e.helpers import wait_until_idle

SLOW_STEP_MS = 180_000  # a step that runs a sweep for the class opens within this

# What the widget of a setting shows, by its element's class (ui.lesson.css_class): a slider's value,
# a choice's label, or the widget's text (a multiselect's chosen names)
WIDGET_JS = """(name) => {
  const box = document.querySelector('.' + name) || document.querySelector('.' + name + '-drag');
  if (!box) return null;
  const range = box.querySelector('input[type=range]');  // a drag slider (ui/drag.js): its value as text
  if (range) return {number: range.getAttribute('aria-valuetext') ?? range.value};
  const slider = box.querySelector('[role=slider]');
  if (slider) return {number: slider.getAttribute('aria-valuetext') ?? slider.getAttribute('aria-valuenow')};
  const chosen = box.querySelector('[data-testid$=segmented_controlActive], input:checked, [aria-checked=true]');
  const text = chosen && (chosen.closest('label') || chosen).innerText;
  if (text) return {text};
  const input = box.querySelector('input[type=text], input:not([type])');
  if (input && input.value) return {text: input.value};
  return {text: box.innerText};
}"""


def css_class(widget_key: str) -> str:
    from lossviz.ui.lesson import css_class as of

    return of(widget_key)


def url_query(page) -> dict:
    return dict(parse_qsl(urlsplit(page.url).query))


def slider_number(text: str) -> tuple[float, int]:
    """A slider's shown value ("0.05", "1:100", "1.0%") as a number, and its decimals."""
    text = text.strip().removeprefix("1:")
    percent = text.endswith("%")
    digits = text.removesuffix("%")
    decimals = len(digits.partition(".")[2])
    return (float(digits) / 100, decimals + 2) if percent else (float(digits), decimals)


def widget_shows(page, name: str) -> dict | None:
    """What the widget of class `name` shows (WIDGET_JS), once it shows something: a widget drawn anew
    (a language's labels) has no text for a frame or two."""
    page.wait_for_function(f"""(name) => {{
      const shown = ({WIDGET_JS})(name);
      return shown === null || Object.values(shown).some((value) => String(value).trim());
    }}""", arg=name, timeout=10_000)
    return page.evaluate(WIDGET_JS, name)


def check_settings(page, lesson: Lesson, number: int, lang: str) -> int:
    """The step's settings in the URL (as the lab writes them) and in each of their widgets the page
    drew (a closed tab's are not drawn); returns how many widgets were checked."""
    step = lesson.step(number)
    expected = schema_of(step.lab).query(step.settings())
    query = url_query(page)
    for key, _ in step.query:
        assert query.get(key) == expected[key], (lesson.id, number, key, query.get(key), expected[key])
    checked = 0
    for key, _ in step.query:
        shown = widget_shows(page, css_class(f"{step.lab}.{key}"))
        if shown is None:
            continue
        name, _, param = key.rpartition(".")
        value = step.settings().params[name][param] if name else step.settings().values[key]
        if "number" in shown:  # as the slider shows it, to its decimals
            held, decimals = slider_number(shown["number"])
            assert abs(held - float(value)) <= 0.5 * 10**-decimals + 1e-12, (lesson.id, number, key, shown, value)
        else:
            words = value_label(lang, step.lab, key, value).strip("“”")
            parts = words.split(", ") if isinstance(value, tuple) else [words]
            assert all(part in shown["text"] for part in parts), (lesson.id, number, key, shown, words)
        checked += 1
    return checked


def first_setting(step) -> str:
    """A URL key the step's lab writes on every run (a step that sets none: the language)."""
    return step.query[0][0] if step.query else "lang"


def walk_lesson(page, base_url: str, lesson: Lesson, lang: str) -> list[dict]:
    """Every step of `lesson` in `lang`, opened from step 1's link and then by Next; returns, per step,
    the seconds it took to open and to reveal its answer and the widgets checked."""
    timings = []
    page.goto(f"{base_url}/{lesson.href(1, lang)}")
    for number, step in enumerate(lesson.steps, 1):
        started = time.perf_counter()
        line = translate(lang, "lesson.step_of", step=number, steps=len(lesson.steps))
        page.locator(".st-key-lesson_step").get_by_text(line).wait_for(timeout=SLOW_STEP_MS)
        reading = page.locator(".st-key-lesson_reading")
        reading.wait_for(timeout=SLOW_STEP_MS)
        # the page has written its settings into the URL: its opening run is over
        page.wait_for_function("(key) => new URLSearchParams(location.search).has(key)", arg=first_setting(step),
                               timeout=SLOW_STEP_MS)
        wait_until_idle(page, quiet_ms=300)
        opened = time.perf_counter() - started
        assert urlsplit(page.url).path.endswith(f"/{step.lab}"), page.url
        assert (url_query(page)["lesson"], url_query(page)["step"]) == (lesson.id, str(number))
        checked = check_settings(page, lesson, number, lang)
        reading.scroll_into_view_if_needed()
        assert reading.is_visible()
        read = reading.inner_text()
        answer = step.answer()
        started = time.perf_counter()
        page.locator(".st-key-lesson_reveal button").click()
        shown = page.locator(".st-key-lesson_answer")
        shown.wait_for(timeout=SLOW_STEP_MS)
        revealed = shown.inner_text()
        assert translate(lang, "lesson.answer", choice=translate(lang, answer.choice)) in revealed, revealed
        for figure in answer.figures:  # the answer's numbers, as the lab shows them at this step
            assert figure in revealed and figure in read, (lesson.id, number, figure, revealed, read)
        timings.append({"step": number, "open_s": opened, "reveal_s": time.perf_counter() - started,
                        "widgets": checked})
        if number < len(lesson.steps):
            page.locator(".st-key-lesson_next").locator("a, button").first.click()
            page.wait_for_function(f"() => new URLSearchParams(location.search).get('step') === '{number + 1}'",
                                   timeout=SLOW_STEP_MS)
    return timings
