"""What the browser tests share: opening a page, waiting for the app, checking it stayed healthy."""

from urllib.parse import parse_qsl

from lossviz.i18n import translate
from tests.browser_support import CHART_SIGNATURE_JS

# the current epoch, as the playback controls under a chart (ui/plot.js) write it
EPOCH_LABEL_JS = "() => document.querySelector('.lossviz-keys .lossviz-epoch')?.textContent"
# how many line traces the charts draw (a panel emptied by an animation step draws fewer)
DRAWN_LINES_JS = "() => document.querySelectorAll('.js-plotly-plot .scatterlayer .trace path.js-line').length"


def wait_until_idle(page, quiet_ms=0):
    """Wait until the app has not been running for `quiet_ms` (as far as polls every 50 ms see)."""
    page.evaluate("() => { window.__idleSince = undefined; }")
    page.wait_for_function(
        """(quietMs) => {
          const idle = document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state')
            === 'notRunning';
          window.__idleSince = idle ? (window.__idleSince ?? performance.now()) : undefined;
          return idle && performance.now() - window.__idleSince >= quietMs;
        }""", arg=quiet_ms, timeout=30_000, polling=50)


def open_page(page, server, path, query):
    """Open `path?query` and wait for its charts and the end of its first run."""
    page.goto(f"{server.url}/{path}?{query}")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
    wait_until_idle(page)


def assert_healthy(page):
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.problems == [], page.problems


def assert_no_notice(page):
    """Healthy, and no notice shown: a link of today's form opens with nothing to repair."""
    assert page.locator('[data-testid="stAlert"]').count() == 0
    assert_healthy(page)


def open_lab(page, server, lab, query):
    """open_page on `lab` with `query`, whose title is the lab's in the query's language; returns the
    websocket frame counter started before the page opened (count_websocket_frames)."""
    frames = count_websocket_frames(page)
    open_page(page, server, lab, query)
    lang = dict(parse_qsl(query)).get("lang", "en")
    assert page.locator("h1").first.inner_text() == translate(lang, f"{lab}.title")
    return frames


def slider(page, label):
    return page.locator(f'input[type="range"][aria-label="{label}"]')


def press_slider(page, label, key, presses, until_in_url):
    """Press `key` `presses` times on the slider labelled `label`, each press once the rerun of
    the one before has ended (as a person who watches the chart would; a press during a rerun may
    be overwritten by the value the rerun sends back), then check that the URL holds
    `until_in_url`. The slider keeps the keyboard focus throughout. Returns the slider."""
    moved = slider(page, label)
    moved.focus()
    for _ in range(presses):
        before = page.evaluate("() => location.search")
        page.keyboard.press(key)
        page.wait_for_function(f"() => location.search !== {before!r}", timeout=20_000)
        wait_until_idle(page, quiet_ms=300)  # a fragment's run may start a page run right after it
    assert until_in_url in page.url, page.url
    return moved


def press_slider_until_redrawn(page, label, key, presses, until_in_url, timeout=15_000):
    """press_slider, then wait until the first chart shows other data than before the presses."""
    before = page.evaluate(CHART_SIGNATURE_JS)
    moved = press_slider(page, label, key, presses, until_in_url)
    page.wait_for_function(f"() => ({CHART_SIGNATURE_JS})() !== {before}", timeout=timeout)
    return moved


def count_websocket_frames(page):
    """A list that grows by one for every websocket frame the page sends or receives from now on."""
    frames = []

    def watch(socket):
        socket.on("framesent", lambda payload: frames.append(payload))
        socket.on("framereceived", lambda payload: frames.append(payload))

    page.on("websocket", watch)
    return frames


def play_animation(page):
    """Click the first chart's Play and wait for plotly to finish the animation; returns the names
    (epochs) of the frames it showed, as plotly's animation events reported them."""
    page.evaluate("""() => {
      const plot = document.querySelector('.js-plotly-plot');
      window.__frames = [];
      plot.on('plotly_animatingframe', (event) => window.__frames.push(event.name));
      window.__played = new Promise((resolve) => plot.once('plotly_animated', resolve));
    }""")
    page.locator(".lossviz-playback button").first.click()
    page.evaluate("() => window.__played")
    return page.evaluate("() => window.__frames")


def play_without_the_server(page, frames):
    """play_animation, checking that no websocket frame passed meanwhile (`frames`: count_websocket_frames)."""
    frames_before = len(frames)
    played = play_animation(page)
    assert len(frames) == frames_before, "playback talked to the server"
    return played


def record_states_js(signature: str = CHART_SIGNATURE_JS) -> str:
    """A function of the page that records each distinct `signature` of its charts, once per animation frame,
    into window.__states until cancelAnimationFrame(window.__recording)."""
    return """() => {
  window.__states = [];
  const record = () => {
    const state = (SIGNATURE)();
    if (window.__states[window.__states.length - 1] !== state) window.__states.push(state);
    window.__recording = requestAnimationFrame(record);
  };
  record();
}""".replace("SIGNATURE", signature)


RECORD_STATES_JS = record_states_js()


NEXT_FRAMES_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def drag_slider_across(page, label, steps=30):
    """Press the thumb of the slider labelled `label`, move it across its track in `steps` moves,
    each once the page has painted the one before, and return the distinct chart states drawn before
    the release; the mouse is still down."""
    slider(page, label).scroll_into_view_if_needed()  # a lab's sidebar slider may lie below the fold
    track = slider(page, label).bounding_box()
    y = track["y"] + track["height"] / 2
    page.mouse.move(track["x"] + 4, y)
    page.evaluate(RECORD_STATES_JS)
    page.mouse.down()
    for step in range(1, steps + 1):
        page.mouse.move(track["x"] + 4 + (track["width"] - 8) * step / steps, y)
        page.evaluate(NEXT_FRAMES_JS)  # the move's scrub has been drawn (ui/drag.js draws on the next frame)
    return page.evaluate("() => { cancelAnimationFrame(window.__recording); return window.__states; }")
