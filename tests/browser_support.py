"""Starting a Streamlit server on loopback and driving it in Debian's chromium.

Shared by the browser tests and the browser benchmark.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Opening a deep link makes the frontend probe <path>/_stcore/health and host-config first; those
# answer 404 before it falls back to the root (MEASURING.md). Nothing else may fail.
DEEP_LINK_PROBES = ("/_stcore/health", "/_stcore/host-config")

def chart_signature_js(svgs: str = "document.querySelectorAll('.js-plotly-plot .main-svg')") -> str:
    """A function of the page that hashes what the plotly charts' `svgs` (a JS expression) draw: their
    paths (a marker by its place), texts, and heatmaps' images (an image's data URL by its length and a
    few of its characters)."""
    return """() => {
  let text = '';
  for (const svg of SVGS) {
    for (const p of svg.querySelectorAll('path')) {
      text += (p.getAttribute('d') || '') + (p.getAttribute('transform') || '');
    }
    for (const t of svg.querySelectorAll('text')) text += t.textContent;
    for (const image of svg.querySelectorAll('image')) {
      const href = image.getAttribute('href') || '';
      text += href.length;
      for (let i = 64; i < href.length; i += Math.ceil(href.length / 64)) text += href[i];
    }
  }
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return text.length ? hash : null;
}""".replace("SVGS", svgs)


CHART_SIGNATURE_JS = chart_signature_js()
# the page's first chart: LossViz's chart component, else the one-chart app's st.plotly_chart
FIRST_CHART_SIGNATURE_JS = chart_signature_js(
    "(document.querySelector('.js-plotly-plot') || document.body).querySelectorAll('.main-svg')")


# every page, and every view of a page with several: (path, query)
ALL_VIEWS = (
    ("", ""), ("guide", ""), ("guide", "task=class&data=imbalance_100&priority=minority_recall"),
    ("gallery", ""), ("gallery", "task=binary"), ("regression", ""),
    ("classification", "view=binary"), ("classification", "view=focal"), ("classification", "view=multiclass"),
    ("classification", "view=network"), ("landscape", "view=surface"), ("landscape", "view=monitor"),
    ("distributions", "view=kl"), ("distributions", "view=distill"), ("embeddings", ""), ("segmentation", ""),
    ("workbench", "view=loss"), ("workbench", "view=data"),
)
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN_JS = """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(result => result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5), count: v.nodes.length})))"""


# The page wears LossViz's styles (ui.page.compact_layout): Streamlit renders a style-only st.html a
# moment after the elements around it, and Streamlit's own caption grey is 3.9:1
STYLED_JS = "() => [...document.querySelectorAll('style')].some(s => s.textContent.includes('stCaptionContainer'))"


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.x A and AA violations on the page (id, impact, help, nodes, count), once no
    element is stale (Streamlit fades the elements of a rerun in progress, and faded text fails
    contrast) and the page wears its styles."""
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=30_000)
    page.wait_for_function(STYLED_JS, timeout=30_000)
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN_JS, AXE_TAGS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`streamlit run script` on a free loopback port, started and stopped by its owner. Streamlit
    reads `.streamlit/config.toml` from `cwd` (the repository's root unless told otherwise)."""

    def __init__(self, script: Path, port: int | None = None, cwd: Path = ROOT):
        self.script = Path(script).resolve()
        self.cwd = cwd
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.started_at = 0.0

    def start(self, timeout: float = 60.0) -> Server:
        self.started_at = time.perf_counter()
        # a file, not a pipe: a chatty server must never block; closed in stop()
        self.log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(self.script), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=self.cwd, stdout=subprocess.DEVNULL, stderr=self.log,
            env={**os.environ, "PYTHONPATH": str(self.script.parent)})  # the lossviz beside the app
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"streamlit exited: {self.log.read().decode()[-2000:]}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{self.url}/_stcore/health",
                                                                      timeout=1) as response:
                if response.status == 200:
                    return self
            time.sleep(0.1)
        self.stop()
        raise TimeoutError(f"streamlit did not answer on {self.url} within {timeout} s")

    def rss_mib(self) -> float:
        """Resident memory of the server process."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def has_loaded(self, library: str) -> bool:
        """Whether the server process has mapped a shared library whose path contains `library`."""
        return library in Path(f"/proc/{self.process.pid}/maps").read_text()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)


def is_deep_link_probe(url: str) -> bool:
    path = url.split("?")[0].split("://", 1)[-1].split("/", 1)[-1]
    return any(path.endswith(probe) and path != probe.lstrip("/") for probe in DEEP_LINK_PROBES)
