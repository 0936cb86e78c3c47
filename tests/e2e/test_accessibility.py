"""What a keyboard user, a screen-reader user, a weak-sighted learner, a phone and the dark theme
need: axe-core finds no serious fault on any page or view, playback works from the keyboard, every
chart is named and its data can be had, headings descend, small text is readable, a phone scrolls
only down, and the dark theme reaches the charts."""

import itertools

import pytest

from tests.browser_support import ALL_VIEWS, CHART_SIGNATURE_JS, STYLED_JS, axe_violations
from tests.e2e import helpers as browser

# WCAG 2.1 contrast ratio of the first element matching `selector` against white, from its computed
# colour and opacity
CONTRAST_JS = """(selector) => {
  const element = document.querySelector(selector);
  const style = getComputedStyle(element);
  const [r, g, b, a = 1] = style.color.match(/[\\d.]+/g).map(Number);
  const alpha = a * Number(style.opacity);
  const blend = [r, g, b].map(c => (alpha * c + (1 - alpha) * 255) / 255);
  const linear = blend.map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  return 1.05 / (luminance + 0.05);
}"""
HEADINGS_JS = """() => [...document.querySelectorAll(['h1', 'h2', 'h3', 'h4'].map(h => '[data-testid="stMain"] ' + h)
  .join(', '))].map(h => Number(h.tagName[1]))"""
FOCUS_OUTLINE_JS = """() => {
  const style = getComputedStyle(document.activeElement);
  return {tag: document.activeElement.tagName.toLowerCase(), text: document.activeElement.textContent,
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor};
}"""


def open_any(page, server, path, query):
    """Open a page that may have no chart (home, the workbench's data view) and wait for its run."""
    page.goto(f"{server.url}/{path}?{query}")
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"] h1', timeout=60_000)
    # plotly.js loads after the run: a chart is drawn once it wears its text alternative (plot.js)
    page.wait_for_function("() => !document.querySelector('.lossviz-plot:not([aria-label])')", timeout=60_000)
    if page.locator(".js-plotly-plot").count():
        page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
    browser.wait_until_idle(page, quiet_ms=300)


# every view in English; in Korean, each page's first view: the same elements with other words (the
# suite's time goes to the browser, and `make test` keeps within 20 minutes)
AUDITED = [(path, query, "en") for path, query in ALL_VIEWS] + [
    (path, query, "ko") for path, query in dict(reversed(ALL_VIEWS)).items()]


@pytest.mark.parametrize(("path", "query", "lang"), AUDITED, ids=lambda value: value or "-")
def test_axe_finds_no_serious_or_critical_fault_and_headings_descend(page, server, path, query, lang):
    open_any(page, server, path, f"lang={lang}&{query}")
    faults = [fault for fault in axe_violations(page) if fault["impact"] in ("serious", "critical")]
    assert faults == [], faults
    assert page.evaluate("() => document.documentElement.lang") == lang
    levels = page.evaluate(HEADINGS_JS)
    assert levels[0] == 1 and all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), levels
    browser.assert_healthy(page)


@pytest.mark.parametrize(("path", "query"), [("", "lang=en"), ("regression", "lang=ko"), ("gallery", "lang=en"),
                                             ("workbench", "lang=ko&view=data")])
def test_headings_descend_one_level_at_a_time_and_captions_are_readable(page, server, path, query):
    open_any(page, server, path, query)
    levels = page.evaluate(HEADINGS_JS)
    assert levels[0] == 1 and all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), levels
    page.wait_for_function(STYLED_JS, timeout=30_000)
    assert page.evaluate(CONTRAST_JS, '[data-testid="stCaptionContainer"]') >= 4.5
    browser.assert_healthy(page)


def test_playback_runs_from_the_keyboard_without_the_server(page, server):
    browser.open_page(page, server, "regression", "lang=en")
    frames = browser.count_websocket_frames(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for _ in range(80):  # Tab until the chart's Play control
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_OUTLINE_JS)
        if focused["tag"] == "button" and "Play" in focused["text"]:
            break
    else:
        pytest.fail("Tab never reached the chart's Play control")
    assert focused["outline"] == "solid" and focused["width"] >= 2  # a visible focus ring
    assert page.locator(".lossviz-keys").first.is_visible()  # the controls show while they have the focus
    sent = len(frames)
    page.keyboard.press("Enter")  # play
    page.wait_for_function(f"() => ({browser.EPOCH_LABEL_JS})() !== 'epoch 200'", timeout=10_000)
    page.wait_for_function(f"() => ({browser.EPOCH_LABEL_JS})() === 'epoch 200'", timeout=15_000)
    page.keyboard.press("Tab")  # pause
    page.keyboard.press("Tab")  # the epoch slider
    assert page.evaluate("() => document.activeElement.type") == "range"
    page.keyboard.press("Home")
    page.wait_for_function(f"() => ({browser.EPOCH_LABEL_JS})() === 'epoch 0'", timeout=10_000)
    assert page.evaluate("() => document.activeElement.getAttribute('aria-valuetext')") == "epoch 0"
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => ({browser.EPOCH_LABEL_JS})() !== 'epoch 0'", timeout=10_000)
    assert len(frames) == sent  # playback and stepping ran in the browser
    browser.assert_healthy(page)


def test_a_focused_radio_option_is_ringed(page, server):
    browser.open_page(page, server, "regression", "lang=en")
    page.get_by_role("radio", name="y (vertical)").focus()
    page.keyboard.press("ArrowRight")  # a keyboard move: the focus is visible
    ring = page.evaluate("""() => {
      const style = getComputedStyle(document.activeElement.closest('label'));
      return [style.outlineStyle, parseFloat(style.outlineWidth), style.outlineColor];
    }""")
    assert ring == ["solid", 3.0, "rgb(0, 114, 178)"], ring  # #0072B2: 5:1 on white


def test_every_chart_is_named_and_gives_its_data_as_csv(page, server):
    browser.open_page(page, server, "gallery", "lang=ko&task=regression&losses=mse,huber")
    name = page.locator(".lossviz-plot").first.get_attribute("aria-label")
    assert "손실" in name and "잔차" in name and "MSE" in name and "-3" in name and "3" in name
    assert page.locator(".lossviz-plot").first.get_attribute("role") == "figure"
    data = page.locator(".lossviz-keys").first.get_by_role("button", name="이 차트의 데이터(CSV)")
    data.focus()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = download.value.path().read_text()
    header, first = text.splitlines()[:2]
    assert header.startswith("MSE x,MSE y,") and first.split(",")[0] == "-3"
    browser.assert_healthy(page)


@pytest.mark.parametrize("path", ["", "gallery", "regression", "classification", "landscape", "distributions",
                                  "embeddings", "segmentation", "workbench"])
def test_a_phone_scrolls_only_down_and_charts_stack(chromium, server, path):
    from tests.e2e.conftest import ARTIFACTS

    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.problems = []
    try:
        open_any(page, server, path, "lang=ko")
        if path in ("gallery", "workbench"):
            page.wait_for_selector(".js-plotly-plot .x2y2", timeout=60_000)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
        for chart in page.locator(".js-plotly-plot").all():
            box = chart.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 391, box
        # a table wider than the phone, its words kept whole, shows a shadow at the edge where more lies
        assert page.evaluate("""() => [...document.querySelectorAll('[data-testid=stMarkdownContainer] table')]
          .every(table => table.scrollWidth <= table.clientWidth + 1
                          || getComputedStyle(table).boxShadow !== 'none')""")
        if path in ("gallery", "workbench"):  # a loss and its slope, one above the other
            panels = page.locator(".js-plotly-plot").first.locator(".xy, .x2y2").all()
            first, second = (panel.bounding_box() for panel in panels[:2])
            assert second["y"] >= first["y"] + first["height"] - 1
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"phone-{path or 'home'}.png"), full_page=True)
    finally:
        context.close()


def test_the_dark_theme_follows_the_system_and_reaches_the_charts(chromium, server):
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    page = context.new_page()
    page.problems = []
    try:
        open_any(page, server, "regression", "lang=en")
        background = page.evaluate(
            "() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor")
        red, green, blue = (int(part) for part in background[4:-1].split(", "))
        assert 0.2126 * red + 0.7152 * green + 0.0722 * blue < 40, background  # the page is dark
        title = page.locator(".js-plotly-plot .xtitle").first
        assert title.evaluate("node => getComputedStyle(node).fill") == "rgb(230, 231, 234)"
        faults = [fault for fault in axe_violations(page) if fault["impact"] in ("serious", "critical")]
        assert faults == [], faults
    finally:
        context.close()


def test_the_main_region_wears_its_focus_ring_inside_where_no_edge_clips_it(page, server):
    open_any(page, server, "gallery", "lang=en")
    page.keyboard.press("Tab")  # from the document: the keyboard is in use, so :focus-visible applies
    page.evaluate("document.querySelector('[data-testid=stMain]').focus()")
    ring = page.evaluate("""() => { const style = getComputedStyle(document.activeElement);
      return [document.activeElement.dataset.testid, style.outlineStyle, parseFloat(style.outlineWidth),
              style.outlineColor, parseFloat(style.outlineOffset)]; }""")
    assert ring == ["stMain", "solid", 3.0, "rgb(0, 114, 178)", -4.0], ring  # #0072B2: 5:1 on white


def test_streamlits_own_words_read_in_korean_on_a_korean_page(page, server):
    open_any(page, server, "workbench", "lang=ko&view=data")
    page.wait_for_selector("[data-testid=stFileUploaderDropzoneInstructions] > div > *", state="attached")  # drawn
    shown = page.evaluate("""() => ['[data-testid=stFileUploaderDropzone] button',
      '[data-testid=stFileUploaderDropzoneInstructions] > div'].map(selector => {
        const element = document.querySelector(selector);
        return [getComputedStyle(element, '::after').content, getComputedStyle(element.firstElementChild).display];
      })""")
    assert shown[0] == ['"파일 찾기"', "none"]
    page.wait_for_function("() => document.querySelector('[data-testid=stFileUploaderDropzone] button')"
                           ".getAttribute('aria-label') === '파일 찾기'")  # what a screen reader says
    assert shown[1][0].startswith('"파일 하나에 2MB까지') and shown[1][1] == "none"


def test_a_phone_shows_the_guides_link_and_tables_whole(chromium, server):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.problems = []
    try:
        open_any(page, server, "guide", "lang=ko")
        link = page.locator("[data-testid='stPageLink'] a").first
        assert link.evaluate("a => [...a.querySelectorAll('*')].every(e => e.scrollWidth <= e.clientWidth + 1)")
        for table in page.locator("[data-testid='stMarkdownContainer'] table").all():  # cells wrap: they fit
            assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), table.inner_text()[:80]
    finally:
        context.close()
