"""Where a slider redraw spends the browser's time: a Chrome CPU profile of a few key presses.

Prints the JavaScript self time per press by bundle (plotly, React, Streamlit's components) and
the busiest functions, so a redraw budget can be spent where it goes.

    PYTHONPATH=. .venv/bin/python benchmarks/profile_browser.py "/regression?lang=en" "outlier fraction"
    PYTHONPATH=. .venv/bin/python benchmarks/profile_browser.py / frequency --script benchmarks/one_chart_app.py
"""

import argparse
import collections
import json
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import CHART_SIGNATURE_JS, ROOT, Server, launch_chromium


def profile(path: str, slider_label: str, presses: int, script: Path = ROOT / "app.py") -> list[dict]:
    trace = Path(tempfile.mkdtemp()) / "trace.json"
    server = Server(script, cwd=script.parent if script.name == "app.py" else ROOT).start()
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(server.url + path)
            page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
            slider = page.locator(f'input[type="range"][aria-label="{slider_label}"]')
            slider.focus()
            page.keyboard.press("ArrowRight")  # warm-up
            page.wait_for_timeout(1500)
            browser.start_tracing(page=page, path=str(trace), categories=["disabled-by-default-v8.cpu_profiler"])
            for _ in range(presses):
                page.keyboard.press("ArrowRight")
                page.wait_for_timeout(1500)
            browser.stop_tracing()
            browser.close()
    finally:
        server.stop()
    return json.loads(trace.read_text())["traceEvents"]


def self_times(events: list[dict], presses: int):
    """(ms per press by script file, ms per press by (file, function)) from the profile's samples."""
    frames, by_file, by_function = {}, collections.Counter(), collections.Counter()
    for event in events:
        if event.get("name") != "ProfileChunk":
            continue
        data = event["args"]["data"]
        for node in data.get("cpuProfile", {}).get("nodes", []):
            frames[node["id"]] = node["callFrame"]
        for node, delta in zip(data.get("cpuProfile", {}).get("samples", []), data.get("timeDeltas", []),
                               strict=False):
            frame = frames.get(node, {})
            source = frame.get("url", "").rsplit("/", 1)[-1] or f"({frame.get('functionName', '?')})"
            by_file[source] += delta / 1000 / presses
            by_function[source, frame.get("functionName", "")] += delta / 1000 / presses
    return by_file, by_function


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help='page and query, e.g. "/regression?lang=en"')
    parser.add_argument("slider", help="the aria-label of the slider to press")
    parser.add_argument("--presses", type=int, default=3)
    parser.add_argument("--script", type=Path, default=ROOT / "app.py",
                        help="the Streamlit script to serve (benchmarks/one_chart_app.py for the yardstick)")
    args = parser.parse_args()
    by_file, by_function = self_times(profile(args.path, args.slider, args.presses, args.script), args.presses)
    print(f"self time per press over {args.presses} presses, by script file")
    for source, ms in by_file.most_common(12):
        print(f"  {source:50s} {ms:8.1f} ms")
    print("busiest functions")
    for (source, function), ms in by_function.most_common(15):
        print(f"  {source[:40]:40s} {function[:30]:30s} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
