"""Load: many visitors moving sliders on the labs at once, on one server process.

`--sessions` browser sessions (one chromium, a context each) open the labs, round robin over the
pages below, and each presses its slider `--presses` times, one press after the previous redraw
(as a person watching the chart would), all sessions at once. Printed: the redraw time's median and
p95 over every press, per page and overall; errors (console errors, failed requests, presses with
no redraw within 20 s); the server's CPU per rerun; and the browser's CPU, kept apart.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_load.py [--sessions 10] [--presses 10]
        [--only /classification] [--checkout DIR]

--only keeps the pages whose path starts so (every session on one lab); --checkout serves another
checkout's app (e.g. `git worktree add DIR <commit>`), for a before-and-after in one sitting.
"""

import argparse
import asyncio
import statistics
from pathlib import Path

from playwright.async_api import async_playwright

from benchmarks.bench_browser import INIT_SCRIPT, MEASURE_JS, QUIET_MS, percentile, server_cpu_seconds
from tests.browser_support import CHART_SIGNATURE_JS, CHROMIUM, CHROMIUM_FLAGS, ROOT, Server, is_deep_link_probe

LABS = [  # path and query, the slider pressed
    ("/regression?lang=en", "outlier fraction"),
    ("/classification?lang=en&methods=bce,weighted_bce,focal,hinge", "class separation"),
    ("/landscape?lang=en", "outlier fraction"),
    ("/segmentation?lang=en", "noise"),
    ("/embeddings?lang=en", "class spread"),
    ("/distributions?lang=en", "separation"),
    ("/gallery?lang=en&losses=mse,mae,huber,log_cosh,quantile,barron", "Huber δ"),
]


def chromium_cpu_seconds() -> float:
    """CPU seconds used so far by every chromium process on the machine (the browser's share)."""
    total = 0.0
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if "(chromium" in text or "(chrome" in text:
            fields = text.rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / 100
    return total


async def visitor(browser, server, pages, index: int, presses: int, results: dict, errors: list):
    path, label = pages[index % len(pages)]
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    await page.add_init_script(INIT_SCRIPT)
    def console(message):  # the frontend's probes of a deep link answer 404 by design (MEASURING.md)
        if message.type == "error" and not is_deep_link_probe(message.location.get("url", "")):
            errors.append(f"{path}: {message.text[:80]}")

    page.on("console", console)
    page.on("requestfailed", lambda request: errors.append(f"{path}: failed {request.url[:80]}"))
    await page.goto(server.url + path)
    await page.wait_for_function(CHART_SIGNATURE_JS, timeout=120_000)
    slider = page.locator(f'input[type="range"][aria-label="{label}"]')
    await slider.focus()
    for press in range(presses):
        key = "ArrowRight" if (press // 5) % 2 == 0 else "ArrowLeft"  # back and forth within the range
        await page.evaluate(f"() => {{ window.__pending = ({MEASURE_JS})({QUIET_MS}); }}")
        await page.keyboard.press(key)
        try:
            result = await page.evaluate("() => window.__pending")
            results.setdefault(path.split("?")[0], []).append(result["ms"])
        except Exception as error:  # a press with no redraw within 20 s
            errors.append(f"{path}: {str(error)[:80]}")
    await context.close()


async def run(sessions: int, presses: int, pages, checkout: Path = ROOT):
    server = Server(checkout / "app.py", cwd=checkout).start()
    results: dict[str, list[float]] = {}
    errors: list[str] = []
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            server_before, browser_before = server_cpu_seconds(server), chromium_cpu_seconds()
            await asyncio.gather(*(visitor(browser, server, pages, index, presses, results, errors)
                                   for index in range(sessions)))
            server_cpu = server_cpu_seconds(server) - server_before
            browser_cpu = chromium_cpu_seconds() - browser_before
            rss = server.rss_mib()
            await browser.close()
    finally:
        server.stop()
    return results, errors, server_cpu, browser_cpu, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--presses", type=int, default=10)
    parser.add_argument("--only", default="/", help="the pages whose path starts with this")
    parser.add_argument("--checkout", type=Path, default=ROOT, help="the checkout whose app to serve")
    args = parser.parse_args()
    pages = [(path, label) for path, label in LABS if path.startswith(args.only)]
    if not pages:
        parser.error(f"no page starts with {args.only}")
    results, errors, server_cpu, browser_cpu, rss = asyncio.run(
        run(args.sessions, args.presses, pages, args.checkout.resolve()))
    every = [ms for times in results.values() for ms in times]
    print(f"{args.sessions} sessions at once, {args.presses} presses each, one server process ({args.checkout}), "
          "headless chromium")
    for path, times in sorted(results.items()):
        print(f"  {path:<16} presses {len(times):>3}  median {statistics.median(times):6.0f} ms  "
              f"p95 {percentile(times, 0.95):6.0f} ms")
    reruns = max(1, len(every))
    print(f"  all              presses {len(every):>3}  median {statistics.median(every):6.0f} ms  "
          f"p95 {percentile(every, 0.95):6.0f} ms")
    print(f"  errors: {len(errors)}" + "".join(f"\n    {error}" for error in errors[:10]))
    print(f"  server CPU {server_cpu:.1f} s over {reruns} reruns: {1000 * server_cpu / reruns:.0f} ms per rerun "
          f"(page loads included); server RSS at the end {rss:.0f} MiB")
    print(f"  browser CPU (every chromium process, kept apart): {browser_cpu:.1f} s")


if __name__ == "__main__":
    main()
