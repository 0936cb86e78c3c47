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
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import CHART_SIGNATURE_JS, ROOT, Server, launch_chromium

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
window.__keydown = null; window.__wsLast = 0;
document.addEventListener('keydown', e => { window.__keydown = e.timeStamp; }, true);
const NativeWebSocket = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new NativeWebSocket(...args);
  socket.addEventListener('message', () => { window.__wsLast = performance.now(); });
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


def measure(browser, script, path, slider_label, presses, warmups=2, cwd=ROOT):
    """(redraw times in ms, folded runs, server CPU ms per rerun, cold start s, RSS MiB)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(INIT_SCRIPT)
    server = Server(script, cwd=cwd).start()
    try:
        page.goto(server.url + path)
        page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
        cold_start = time.perf_counter() - server.started_at
        page.wait_for_timeout(1000)
        rss = server.rss_mib()
        slider = page.locator(f'input[type="range"][aria-label="{slider_label}"]')
        slider.focus()
        key, times, folded = "ArrowRight", [], 0
        cpu_before = None
        for press in range(warmups + presses):
            if press == warmups:
                cpu_before = server_cpu_seconds(server)
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
        return times, folded, cpu_ms, cold_start, rss
    finally:
        page.close()
        server.stop()


PAGES = {  # label, query, slider
    "gallery": ("LossViz gallery, 6 losses", GALLERY_QUERY, "Huber δ"),
    "gallery_embedding": ("gallery, cosine pairs and InfoNCE", EMBEDDING_QUERY, "InfoNCE negatives K"),
    "regression": ("regression lab, 6 losses", REGRESSION_QUERY, "outlier fraction"),
    "classification": ("classification lab, 4 methods", CLASSIFICATION_QUERY, "class separation"),
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
    parser.add_argument("--apps", nargs="+", choices=list(PAGES), default=list(PAGES),
                        help="LossViz pages to measure (the one-chart app always runs first, twice)")
    parser.add_argument("--baseline", type=Path, help="another checkout whose pages to measure in the same run")
    args = parser.parse_args()
    one_chart = ROOT / "benchmarks" / "one_chart_app.py"
    with tempfile.TemporaryDirectory() as elsewhere:  # no .streamlit/config.toml there
        apps = [("one-chart app, defaults", one_chart, "/", "frequency", Path(elsewhere)),
                ("one-chart app", one_chart, "/", "frequency", ROOT)]
        for name in args.apps:
            label, query, slider = PAGES[name]
            apps.append((label, ROOT / "app.py", query, slider, ROOT))
            if args.baseline:
                baseline = args.baseline.resolve()
                apps.append((f"{label} (baseline)", baseline / "app.py", query, slider, baseline))
        rows = []
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for label, script, path, slider, cwd in apps:
                rows.append((label, *measure(browser, script, path, slider, args.presses, cwd=cwd)))
            browser.close()
    print(f"slider -> chart redrawn, {args.presses} presses after 2 warm-ups, headless chromium, 1280x800")
    header = (f"{'app':<42} {'median':>8} {'p95':>8} {'max':>8} {'folded':>7} {'server CPU/rerun':>17} "
              f"{'cold start':>11} {'RSS':>9}")
    print(header)
    print("-" * len(header))
    for label, times, folded, cpu_ms, cold, rss in rows:
        print(f"{label:<42} {statistics.median(times):>6.0f}ms {percentile(times, 0.95):>6.0f}ms "
              f"{max(times):>6.0f}ms {folded:>7} {cpu_ms:>15.1f}ms {cold:>10.2f}s {rss:>6.0f}MiB")
    for label, ours, *_ in rows[2:]:
        print(f"ratio {label}", end="")
        for name, base in (("one-chart app", rows[1][1]), ("with defaults", rows[0][1])):
            print(f"  / {name}: median {statistics.median(ours) / statistics.median(base):.2f}, "
                  f"p95 {percentile(ours, 0.95) / percentile(base, 0.95):.2f}", end="")
        print()


if __name__ == "__main__":
    main()
