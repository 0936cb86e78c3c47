"""Accessibility audit of every page and view in headless chromium, in English and Korean: axe-core's
WCAG 2.x A/AA violations by impact, and a Tab walk (how many Tab presses reach the first slider and
a playback control, and the contrast of the focus indicator there against the page).

    PYTHONPATH=. .venv/bin/python benchmarks/audit_accessibility.py [--checkout DIR] [--langs en ko]

--checkout DIR audits another checkout (e.g. `git worktree add DIR <commit>`), with this
checkout's axe-core, for a before/after comparison.
"""

import argparse
import collections
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import ALL_VIEWS, CHART_SIGNATURE_JS, ROOT, Server, axe_violations, launch_chromium

TAB_LIMIT = 80

# The element with the focus: what it is, and the contrast of its outline against the page behind it
FOCUSED_JS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const rgb = (text) => (text.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(c => c / 255)
    .map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  // the surroundings: the background of the sidebar or the main area the element sits in
  const section = element.closest('[data-testid="stSidebar"]') || document.querySelector('[data-testid="stApp"]');
  const background = rgb(getComputedStyle(section).backgroundColor);
  const outline = rgb(style.outlineColor);
  const width = parseFloat(style.outlineWidth) || 0;
  const [a, b] = [luminance(outline), luminance(background)].sort((x, y) => y - x);
  return {tag: element.tagName.toLowerCase(), role: element.getAttribute('role') || element.type || '',
          label: element.getAttribute('aria-label') || element.textContent.trim().slice(0, 40),
          outline: style.outlineStyle !== 'none' && width >= 2 ? (a + 0.05) / (b + 0.05) : 0};
}"""


def open_view(page, server, path, query, lang):
    page.goto(f"{server.url}/{path}?{'&'.join(filter(None, [f'lang={lang}', query]))}")
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"] h1', timeout=60_000)
    if page.locator(".js-plotly-plot").count():
        page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
    page.wait_for_timeout(800)


def tab_walk(page) -> dict:
    """Tab presses from the top until the first slider and the first playback control (None: not reached)."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    found = {"slider": None, "playback": None, "slider_focus": 0.0, "playback_focus": 0.0}
    for press in range(1, TAB_LIMIT + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if not focused:
            continue
        if found["slider"] is None and focused["role"] in ("slider", "range"):
            found["slider"], found["slider_focus"] = press, focused["outline"]
        if found["playback"] is None and focused["tag"] == "button" and "▶" in focused["label"]:
            found["playback"], found["playback_focus"] = press, focused["outline"]
        if found["slider"] is not None and found["playback"] is not None:
            break
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkout", type=Path, default=ROOT)
    parser.add_argument("--langs", nargs="+", default=["en", "ko"])
    args = parser.parse_args()
    checkout = args.checkout.resolve()
    server = Server(checkout / "app.py", cwd=checkout).start()
    totals = collections.Counter()
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for lang in args.langs:
                for path, query in ALL_VIEWS:
                    page = browser.new_page(viewport={"width": 1280, "height": 800})
                    open_view(page, server, path, query, lang)
                    violations = axe_violations(page)
                    walk = tab_walk(page)
                    page.close()
                    by_impact = collections.Counter()
                    for violation in violations:
                        by_impact[violation["impact"]] += violation["count"]
                        totals[(violation["impact"], violation["id"])] += violation["count"]
                    shown = ", ".join(f"{impact} {count}" for impact, count in sorted(by_impact.items())) or "none"
                    reach = (f"slider at Tab {walk['slider']} (focus {walk['slider_focus']:.1f}:1), "
                             f"playback at Tab {walk['playback']} (focus {walk['playback_focus']:.1f}:1)")
                    print(f"{lang} /{path}?{query:<22} axe: {shown:<40} {reach}", flush=True)
            browser.close()
    finally:
        server.stop()
    print("\nviolations (elements) by rule, all views and languages:")
    for (impact, rule), count in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {impact:<9} {rule:<32} {count}")


if __name__ == "__main__":
    main()
