"""A LossViz server and a chromium page per test; console errors and failed requests are collected."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser_support import ROOT, Server, is_deep_link_probe, launch_chromium

ARTIFACTS = ROOT / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def server():
    running = Server(ROOT / "app.py").start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, request):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and not is_deep_link_probe(
        message.location.get("url", "")) and page.problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    # the test servers are all on loopback: anything else would leave the visitor's page
    page.on("request", lambda request: urlsplit(request.url).scheme not in ("data", "blob")
            and urlsplit(request.url).hostname != "127.0.0.1"
            and page.problems.append(f"request off the server's origin: {request.url}"))
    page.on("response", lambda response: response.status >= 400 and not is_deep_link_probe(response.url)
            and page.problems.append(f"{response.status} {response.url}"))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()
