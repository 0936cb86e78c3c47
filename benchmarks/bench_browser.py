"""Slider -> chart redrawn in headless chromium, cold start and server memory (MEASURING.md).

For LossViz's gallery with six regression losses overlaid, its embedding view (cosine pairs and
InfoNCE, the negatives slider), the landscape (two loss surfaces and four optimizers' paths on each,
its outlier-fraction slider) and the training monitor (its training-points slider), the regression
lab training six
losses (its outlier-fraction slider), the classification lab training four logistic models (its
class-separation slider), and a one-slider, one-chart app measured in the same run: the time
from the keydown event (its own timestamp, in the page) until the app's run state went
running -> notRunning (or, when React folds the two, the last websocket message) and every
plotly chart's paths and texts changed, both quiet for 150 ms (not counted).
The one-chart app runs twice: with Streamlit's default settings, the app the issues' figures
are scaled by, and like LossViz's pages with the repository's .streamlit/config.toml (which,
among others, turns off the full garbage collection Streamlit forces after every run). The
ratios to the second compare the pages, not the server settings.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_browser.py [--presses 30]
        [--apps gallery gallery_embedding regression classification landscape monitor distributions embeddings
                segmentation workbench]
        [--baseline DIR]

--baseline DIR also measures the same pages of another checkout (e.g. `git worktree add DIR
<commit>`), each right after this checkout's, so a change is compared within one run.
"""

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import CHART_SIGNATURE_JS, FIRST_CHART_SIGNATURE_JS, ROOT, Server, launch_chromium
from tests.e2e.helpers import record_states_js

QUIET_MS = 150
SIX_LOSSES = "losses=mse,mae,huber,log_cosh,quantile,barron"
GALLERY_QUERY = f"/gallery?lang=en&task=regression&{SIX_LOSSES}"
REGRESSION_QUERY = f"/regression?lang=en&{SIX_LOSSES}"
CLASSIFICATION_QUERY = "/classification?lang=en&methods=bce,weighted_bce,focal,hinge"
# the heaviest of the breadth views: InfoNCE evaluates one batch per point, beside both cosine pairs
EMBEDDING_QUERY = "/gallery?lang=en&task=embedding&axis=cosine&losses=cosine_embedding,info_nce"
LANDSCAPE_QUERY = "/landscape?lang=en&view=surface"  # two surfaces and eight paths recomputed per data move
MONITOR_QUERY = "/landscape?lang=en&view=monitor"
DISTRIBUTIONS_QUERY = "/distributions?lang=en&view=kl"  # three fits of 300 Adam steps per move
EMBEDDINGS_QUERY = "/embeddings?lang=en"  # a triplet run of 150 batches per move
SEGMENTATION_QUERY = "/segmentation?lang=en"  # four per-pixel models retrained per move
WORKBENCH_QUERY = "/workbench?lang=en"  # the typed Huber's curve and checks per move of its parameter

# Installed before any page script: timestamps of keydowns and websocket messages.
INIT_SCRIPT = """
window.__keydown = null; window.__wsLast = 0; window.__wsBytes = 0;
document.addEventListener('keydown', e => { window.__keydown = e.timeStamp; }, true);
const NativeWebSocket = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new NativeWebSocket(...args);
  socket.addEventListener('message', (event) => {
    window.__wsLast = performance.now();
    window.__wsBytes += event.data.byteLength ?? event.data.size ?? event.data.length ?? 0;
  });
  return socket;
};
window.WebSocket.prototype = NativeWebSocket.prototype;
Object.assign(window.WebSocket, NativeWebSocket);
"""

# Resolves with the redraw time of the press that is about to happen.
MEASURE_JS = """(quietMs) => new Promise((resolve, reject) => {
  const signature = CHART_SIGNATURE;
  const app = document.querySelector('[data-testid="stApp"]');
  const before = signature();
  let sawRunning = false, runEnd = null, lastChange = null, lastSignature = before;
  const observe = () => {
    const now = performance.now();
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running') { sawRunning = true; runEnd = null; }
    else if (sawRunning && runEnd === null) runEnd = now;
    const current = signature();
    if (current !== lastSignature) { lastSignature = current; lastChange = now; }
  };
  const observer = new MutationObserver(observe);
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  const started = performance.now();
  const poll = setInterval(() => {
    const now = performance.now();
    const keydown = window.__keydown;
    if (keydown === null || keydown < started) return;
    const state = app.getAttribute('data-test-script-state');
    // a folded run (no 'running' seen) ends at the last websocket message after the key press
    const end = sawRunning ? runEnd : (window.__wsLast > keydown ? window.__wsLast : null);
    if (lastChange !== null && end !== null && state === 'notRunning') {
      const done = Math.max(lastChange, end);
      if (now - done >= quietMs) {
        clearInterval(poll); observer.disconnect();
        resolve({ms: done - keydown, folded: !sawRunning});
      }
    }
    if (now - started > 20000) { clearInterval(poll); observer.disconnect(); reject('no redraw in 20 s'); }
  }, 10);
})""".replace("CHART_SIGNATURE", CHART_SIGNATURE_JS)


def server_cpu_seconds(server) -> float:
    fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime + stime, in clock ticks of 10 ms


@contextlib.contextmanager
def served(browser, script, path, cwd=ROOT):
    """(page, server, cold start in s): `script` served on its own, `path` opened with its charts drawn."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(INIT_SCRIPT)
    server = Server(script, cwd=cwd).start()
    try:
        page.goto(server.url + path)
        page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
        cold_start = time.perf_counter() - server.started_at
        page.wait_for_timeout(1000)
        yield page, server, cold_start
    finally:
        page.close()
        server.stop()


def measure(browser, script, path, slider_label, presses, warmups=2, cwd=ROOT):
    """(redraw times in ms, folded runs, server CPU ms per rerun, cold start s, RSS MiB, DOM nodes,
    KB received per rerun)."""
    with served(browser, script, path, cwd) as (page, server, cold_start):
        rss = server.rss_mib()
        nodes = page.evaluate("() => document.getElementsByTagName('*').length")
        slider = page.locator(f'input[type="range"][aria-label="{slider_label}"]')
        slider.focus()
        key, times, folded = "ArrowRight", [], 0
        cpu_before = None
        for press in range(warmups + presses):
            if press == warmups:
                cpu_before = server_cpu_seconds(server)
                bytes_before = page.evaluate("() => window.__wsBytes")
            if slider.get_attribute("value") == slider.get_attribute("max"):
                key = "ArrowLeft"
            elif slider.get_attribute("value") == slider.get_attribute("min"):
                key = "ArrowRight"
            page.evaluate(f"() => {{ window.__pending = ({MEASURE_JS})({QUIET_MS}); }}")
            page.keyboard.press(key)
            result = page.evaluate("() => window.__pending")
            if press >= warmups:
                times.append(result["ms"])
                folded += result["folded"]
        cpu_ms = (server_cpu_seconds(server) - cpu_before) * 1000 / presses
        received = (page.evaluate("() => window.__wsBytes") - bytes_before) / 1024 / presses
        return times, folded, cpu_ms, cold_start, rss, nodes, received


# Resolves, once the run a release (pointerup) starts has ended and the charts have been quiet for
# `quietMs`, with the ms from the release until the page's first chart last changed ("final": 0 if
# the last frame scrubbed was the final chart) and until the run ended ("run").
RELEASE_JS = """(quietMs) => new Promise((resolve, reject) => {
  const app = document.querySelector('[data-testid="stApp"]');
  let released = null, sawRunning = false, settled = null, changed = null, changedAll = null;
  let last = (FIRST_CHART)(), lastAll = (CHART_SIGNATURE)();
  document.addEventListener('pointerup', (event) => { released = event.timeStamp; }, {capture: true, once: true});
  const poll = setInterval(() => {
    const now = performance.now();
    if (released === null) return;
    const current = (FIRST_CHART)(), all = (CHART_SIGNATURE)();
    if (current !== last) { last = current; changed = now; }
    if (all !== lastAll) { lastAll = all; changedAll = now; }
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running') { sawRunning = true; settled = null; }
    else if ((sawRunning || window.__wsLast > released) && settled === null) settled = now;
    if (settled !== null && now - Math.max(settled, changedAll ?? 0) >= quietMs) {
      clearInterval(poll);
      resolve({final: changed === null ? 0 : changed - released, run: Math.max(settled, changedAll ?? 0) - released});
    }
    if (now - released > 20000) { clearInterval(poll); reject('no run after the release in 20 s'); }
  }, 5);
})""".replace("FIRST_CHART", FIRST_CHART_SIGNATURE_JS).replace("CHART_SIGNATURE", CHART_SIGNATURE_JS)
DRAG_MOVES, DRAG_MS = 30, 500
# A drag of exactly DRAG_MS by the page's own clock, then its release: a timer moves the thumb to
# where the elapsed time puts it, up to DRAG_MOVES times (as pointer events come, no faster than the
# page takes them); the distinct states of the page's first chart drawn by the end are counted, and
# the release is timed (RELEASE_JS). Resolves with {states, final, run}.
TIMED_DRAG_JS = """async ({label, moves, ms, quietMs}) => {
  const input = document.querySelector(`input[type="range"][aria-label="${label}"]`);
  const low = Number(input.min), high = Number(input.max), start = Number(input.value);
  const end = start - low > high - start ? low : high;
  (RECORD_STATES)();
  input.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true}));
  const began = performance.now();
  for (let move = 1; move <= moves; move++) {
    await new Promise((done) => setTimeout(done, ms / moves));
    const elapsed = performance.now() - began;
    if (elapsed > ms) break;
    input.value = start + (end - start) * elapsed / ms;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }
  await new Promise((done) => setTimeout(done, Math.max(0, ms - (performance.now() - began))));
  cancelAnimationFrame(window.__recording);
  const states = window.__states.length - 1;  // the chart as it was when pressed is not a new state
  const release = (RELEASE)(quietMs);
  input.dispatchEvent(new PointerEvent("pointerup", {bubbles: true}));
  input.dispatchEvent(new Event("change", {bubbles: true}));
  return {states, ...(await release)};
}""".replace("RECORD_STATES", record_states_js(FIRST_CHART_SIGNATURE_JS)).replace("RELEASE", RELEASE_JS)


def measure_drag(browser, script, path, slider_label, drags, cwd=ROOT):
    """The first drag after the page opens and `drags` later ones, each of DRAG_MS by the page's clock
    and released (TIMED_DRAG_JS): ([{states, final, run}, ...], KB of the first chart's last update, with
    the drag frames built on the last release, if any)."""
    with served(browser, script, path, cwd) as (page, _, _):
        page.locator(f'input[type="range"][aria-label="{slider_label}"]').scroll_into_view_if_needed()
        results = [page.evaluate(TIMED_DRAG_JS, {"label": slider_label, "moves": DRAG_MOVES, "ms": DRAG_MS,
                                                 "quietMs": QUIET_MS})
                   for _ in range(drags + 1)]
        sent = page.evaluate("() => (document.querySelector('.lossviz-plot') || {}).lossvizBytes || 0")
        return results, sent / 1024


# label, query, the sidebar's first slider of ten stops or more: each press asks for new work (a slider
# of a few stops would go back and forth between cached results)
LABS = {
    "gallery": ("LossViz gallery, 6 losses", GALLERY_QUERY, "Huber δ"),
    "gallery_embedding": ("gallery, cosine pairs and InfoNCE", EMBEDDING_QUERY, "InfoNCE negatives K"),
    "regression": ("regression lab, 6 losses", REGRESSION_QUERY, "outlier fraction"),
    "classification": ("classification lab, 4 methods", CLASSIFICATION_QUERY, "points (training + validation)"),
    "landscape": ("landscape, 2 surfaces, 8 paths", LANDSCAPE_QUERY, "outlier fraction"),
    "monitor": ("training monitor, 2000 epochs", MONITOR_QUERY, "training points"),
    "distributions": ("distributions lab, 3 fits", DISTRIBUTIONS_QUERY, "separation"),
    "embeddings": ("embeddings lab, semi-hard", EMBEDDINGS_QUERY, "class spread"),
    "segmentation": ("segmentation lab, 4 losses", SEGMENTATION_QUERY, "noise"),
    "workbench": ("workbench, typed Huber and 3 losses", WORKBENCH_QUERY, "parameter a"),
}


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--apps", nargs="+", choices=list(LABS), default=list(LABS),
                        help="LossViz pages to measure (the one-chart app always runs first, twice)")
    parser.add_argument("--baseline", type=Path, help="another checkout whose pages to measure in the same run")
    parser.add_argument("--drags", type=int, default=0,
                        help="instead of key presses: this many drags of each page's slider across its track")
    args = parser.parse_args()
    if args.drags:
        drag_report(args)
        return
    one_chart = ROOT / "benchmarks" / "one_chart_app.py"
    with tempfile.TemporaryDirectory() as elsewhere:  # no .streamlit/config.toml there
        apps = [("one-chart app, defaults", one_chart, "/", "frequency", Path(elsewhere)),
                ("one-chart app", one_chart, "/", "frequency", ROOT)]
        for name in args.apps:
            label, query, slider = LABS[name]
            apps.append((label, ROOT / "app.py", query, slider, ROOT))
            if args.baseline:
                baseline = args.baseline.resolve()
                apps.append((f"{label} (baseline)", baseline / "app.py", query, slider, baseline))
        rows = []
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for label, script, path, slider, cwd in apps:
                print(f"measuring {label}", file=sys.stderr)
                rows.append((label, *measure(browser, script, path, slider, args.presses, cwd=cwd)))
            browser.close()
    print(f"slider -> chart redrawn, {args.presses} presses after 2 warm-ups, headless chromium, 1280x800")
    header = (f"{'app':<42} {'median':>8} {'p95':>8} {'max':>8} {'folded':>7} {'server CPU/rerun':>17} "
              f"{'cold start':>11} {'RSS':>9} {'DOM nodes':>10} {'KB/rerun':>9}")
    print(header)
    print("-" * len(header))
    for label, times, folded, cpu_ms, cold, rss, nodes, received in rows:
        print(f"{label:<42} {statistics.median(times):>6.0f}ms {percentile(times, 0.95):>6.0f}ms "
              f"{max(times):>6.0f}ms {folded:>7} {cpu_ms:>15.1f}ms {cold:>10.2f}s {rss:>6.0f}MiB {nodes:>10} "
              f"{received:>9.1f}")
    for label, ours, *_ in rows[2:]:
        print(f"ratio {label}", end="")
        for name, base in (("one-chart app", rows[1][1]), ("with defaults", rows[0][1])):
            print(f"  / {name}: median {statistics.median(ours) / statistics.median(base):.2f}, "
                  f"p95 {percentile(ours, 0.95) / percentile(base, 0.95):.2f}", end="")
        print()


def drag_report(args):
    """Chart states during the first drag and the later ones (DRAG_MS each), and release -> final chart."""
    one_chart = ROOT / "benchmarks" / "one_chart_app.py"
    apps = [("one-chart app (st.slider)", one_chart, "/", "frequency")]
    apps += [(LABS[name][0], ROOT / "app.py", LABS[name][1], LABS[name][2])
             for name in args.apps]
    rows = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for label, script, path, slider in apps:
            rows.append((label, *measure_drag(browser, script, path, slider, args.drags)))
        browser.close()
    print(f"drags of {DRAG_MS} ms by the page's clock ({DRAG_MOVES} moves at most), the first after the page "
          f"opens and {args.drags} later ones, each released; headless chromium, 1280x800")
    header = (f"{'app':<42} {'first drag':>10} {'later (median, min)':>20} {'release -> chart final (median, max)':>37}"
              f" {'release -> run end':>19} {'chart sent':>11}")
    print(header)
    print("-" * len(header))
    for label, results, held in rows:
        later = [result["states"] for result in results[1:]]
        finals = [result["final"] for result in results]
        print(f"{label:<42} {results[0]['states']:>10} {statistics.median(later):>13.0f}, {min(later):>4} "
              f"{statistics.median(finals):>26.0f} ms, {max(finals):>5.0f} ms "
              f"{statistics.median(result['run'] for result in results):>16.0f} ms {held:>8.0f} KB")


if __name__ == "__main__":
    main()
