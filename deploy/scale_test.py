"""`make scale-test`: two LossViz replicas behind haproxy on loopback, as the Kubernetes deployment
runs them, driven in chromium.

Six sessions on six pages spread over both replicas; a slider moves in each and the session stays
on its replica; one replica is killed with SIGKILL; its sessions reconnect through the proxy to the
other and show their page with the settings of their URL; the other sessions are undisturbed; the
killed replica restarts, takes new sessions, and no session moves back. Every check is printed; the
last line is `scale-test: N passed, F failed`, and the exit status is 1 if any failed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

from playwright.sync_api import sync_playwright

from tests.browser_support import CHART_SIGNATURE_JS, ROOT, Server, launch_chromium
from tests.e2e.helpers import press_slider, slider, wait_until_idle

PROXY = "http://127.0.0.1:18500"
PORTS = {"a": 18501, "b": 18502}  # deploy/haproxy.cfg
COOKIE = "lossviz-replica"
# page path and query, the slider moved, and what the URL holds after two presses of the right arrow
SESSIONS = [
    ("gallery", "lang=en&losses=mse,mae,huber", "Huber δ", "huber.delta=1.1"),
    ("regression", "lang=en&epochs=50", "outlier fraction", "outlier_fraction=0.12"),
    ("landscape", "lang=ko", "이상치 비율", "outlier_fraction=0.12"),
    ("distributions", "lang=en", "separation", "separation=4.2"),
    ("embeddings", "lang=en&epochs=60", "class spread", "spread=1"),
    ("segmentation", "lang=en&epochs=40", "noise", "noise=0.9"),
]
# counts the page's websocket openings and closings: a reconnection shows as a second opening
WEBSOCKETS_JS = """
window.__wsOpened = 0; window.__wsClosed = 0;
const NativeWebSocket = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new NativeWebSocket(...args);
  socket.addEventListener('open', () => { window.__wsOpened += 1; });
  socket.addEventListener('close', () => { window.__wsClosed += 1; });
  return socket;
};
window.WebSocket.prototype = NativeWebSocket.prototype;
Object.assign(window.WebSocket, NativeWebSocket);
"""


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok: bool, text: str) -> bool:
        print(f"{'PASS' if ok else 'FAIL'}  {text}", flush=True)
        self.passed += bool(ok)
        self.failed += not ok
        return ok


def replica(context) -> str:
    """The replica a browser context is stuck to: the proxy's cookie."""
    return next((cookie["value"] for cookie in context.cookies(PROXY) if cookie["name"] == COOKIE), "?")


def proxy_ready(timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{PROXY}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError("haproxy did not answer")


def open_session(browser, path: str, query: str):
    context = browser.new_context()
    context.add_init_script(WEBSOCKETS_JS)
    page = context.new_page()
    page.goto(f"{PROXY}/{path}?{query}")
    page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
    wait_until_idle(page, quiet_ms=300)
    return context, page


def main() -> int:
    checks = Checks()
    replicas = {name: Server(ROOT / "app.py", port=port).start() for name, port in PORTS.items()}
    proxy = subprocess.Popen(["haproxy", "-db", "-f", str(ROOT / "deploy" / "haproxy.cfg")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proxy_ready()
        time.sleep(2.5)  # two health checks a second apart: both replicas up in the proxy's eyes
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            sessions = []
            for path, query, label, moved in SESSIONS:
                context, page = open_session(browser, path, query)
                sessions.append({"path": path, "label": label, "moved": moved, "context": context, "page": page,
                                 "replica": replica(context)})
            on = {name: [s for s in sessions if s["replica"] == name] for name in PORTS}
            checks.check(all(s["replica"] in PORTS for s in sessions) and all(on.values()),
                         f"6 sessions on 6 pages spread over both replicas: a has {len(on['a'])}, b has {len(on['b'])}")

            for s in sessions:
                before = s["page"].evaluate(CHART_SIGNATURE_JS)
                press_slider(s["page"], s["label"], "ArrowRight", 2, s["moved"])
                s["page"].wait_for_function(f"() => ({CHART_SIGNATURE_JS})() !== {before}", timeout=30_000)
                s["value"] = slider(s["page"], s["label"]).get_attribute("aria-valuetext")
                checks.check(replica(s["context"]) == s["replica"] and s["moved"] in s["page"].url,
                             f"{s['path']}: the slider moved to {s['value']} and the session stayed on {s['replica']}")

            killed, kept = "a", "b"
            # the one known limit: what is not in the URL (a sweep's result, a trained network) is lost
            swept = next((s for s in on[killed] if s["path"] == "regression"), None)
            if swept:
                swept["page"].get_by_role("button", name="Run the sweep").click()
                swept["page"].wait_for_selector("text=The claim under test", timeout=120_000)
                wait_until_idle(swept["page"], quiet_ms=300)
            os.kill(replicas[killed].process.pid, signal.SIGKILL)
            replicas[killed].process.wait(timeout=10)
            print(f"----  replica {killed} killed with SIGKILL", flush=True)
            for s in on[killed]:
                page = s["page"]
                try:
                    page.wait_for_function("() => window.__wsOpened >= 2", timeout=60_000)
                    page.wait_for_function(CHART_SIGNATURE_JS, timeout=60_000)
                    wait_until_idle(page, quiet_ms=500)
                    restored = slider(page, s["label"]).get_attribute("aria-valuetext", timeout=30_000)
                except Exception as error:  # a check that fails says why
                    checks.check(False, f"{s['path']}: did not come back after the failover ({error})")
                    continue
                checks.check(replica(s["context"]) == kept and restored == s["value"] and s["moved"] in page.url,
                             f"{s['path']}: reconnected to {replica(s['context'])} with its setting {restored} "
                             f"(was {s['value']}) and a chart drawn")
            if swept:
                lost = swept["page"].get_by_text("The claim under test").count() == 0
                print(f"NOTE  known limit, shown: the regression sweep run before the failover is "
                      f"{'gone' if lost else 'still there'} after it; the settings came back from the URL", flush=True)
            for s in on[kept]:
                page = s["page"]
                undisturbed = page.evaluate("() => [window.__wsOpened, window.__wsClosed]") == [1, 0]
                checks.check(undisturbed and slider(page, s["label"]).get_attribute("aria-valuetext") == s["value"],
                             f"{s['path']}: on {kept}, undisturbed (one websocket, never closed)")

            replicas[killed] = Server(ROOT / "app.py", port=PORTS[killed]).start()
            time.sleep(2.5)  # two health checks: the proxy sends it visitors again
            print(f"----  replica {killed} restarted", flush=True)
            fresh = [open_session(browser, "gallery", "lang=en") for _ in range(4)]
            landed = [replica(context) for context, _ in fresh]
            checks.check(killed in landed, f"new sessions land on the restarted replica too: {', '.join(landed)}")
            for s in on[killed]:
                page = s["page"]
                press_slider(page, s["label"], "ArrowLeft", 1, s["moved"].split("=")[0] + "=")
                wait_until_idle(page, quiet_ms=300)
                checks.check(replica(s["context"]) == kept and page.evaluate("() => window.__wsOpened") == 2,
                             f"{s['path']}: still on {kept} after the restart (no session moved back)")
            browser.close()
    finally:
        proxy.terminate()
        for server in replicas.values():
            server.stop()
    print(f"scale-test: {checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
