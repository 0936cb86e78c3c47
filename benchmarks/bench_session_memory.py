"""Server memory per session: open a page in several browser sessions, each with other data (another
seed, so no cache is shared), and report the server's RSS growth per session.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_session_memory.py [--sessions 6]
        [--pages gallery regression classification segmentation embeddings distributions landscape]
"""

import argparse
import statistics

from playwright.sync_api import sync_playwright

from tests.browser_support import CHART_SIGNATURE_JS, ROOT, Server, launch_chromium

LABS = {"gallery": "huber.delta", "regression": "seed", "classification": "seed", "segmentation": "seed",
        "embeddings": "seed", "distributions": "start_mean", "landscape": "seed"}


def idle(page) -> None:
    page.wait_for_function("""() => document.querySelector('[data-testid="stApp"]')
        ?.getAttribute('data-test-script-state') === 'notRunning'""", timeout=60_000)


def measure(browser, name: str, sessions: int) -> list[float]:
    server = Server(ROOT / "app.py").start()
    try:
        warm = browser.new_context().new_page()  # the first load imports and caches what every session shares
        warm.goto(f"{server.url}/{name}?lang=en&{LABS[name]}=100")
        warm.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
        idle(warm)
        before, growth, opened = server.rss_mib(), [], [warm]
        for index in range(sessions):
            page = browser.new_context().new_page()
            value = {"start_mean": -2 + 0.5 * index, "huber.delta": 0.5 + 0.5 * index}.get(LABS[name], index + 1)
            page.goto(f"{server.url}/{name}?lang=en&{LABS[name]}={value}")
            page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
            idle(page)
            opened.append(page)
            now = server.rss_mib()
            growth.append(now - before)
            before = now
        return growth
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=6)
    parser.add_argument("--pages", nargs="+", choices=list(LABS), default=list(LABS))
    args = parser.parse_args()
    print(f"server RSS growth per new session (MiB), {args.sessions} sessions per page after a warm-up session")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for name in args.pages:
            growth = measure(browser, name, args.sessions)
            print(f"{name:<14} median {statistics.median(growth):6.1f}   max {max(growth):6.1f}   "
                  f"each: {', '.join(f'{value:.1f}' for value in growth)}")
        browser.close()


if __name__ == "__main__":
    main()
