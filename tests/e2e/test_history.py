"""The browser's history: one entry per page switch, and Back returns to the page as it was."""

from tests.e2e import helpers as browser


def test_a_page_switch_adds_one_history_entry_and_back_returns_to_the_previous_page(page, server):
    browser.open_page(page, server, "gallery", "lang=en&losses=mse,huber&huber.delta=1.5")
    entries = page.evaluate("history.length")
    page.get_by_role("link", name="Regression lab").first.click()
    page.wait_for_function("() => location.pathname.endsWith('/regression') && location.search.includes('outlier')",
                           timeout=30_000)
    browser.wait_until_idle(page, quiet_ms=300)
    assert page.evaluate("history.length") == entries + 1
    page.go_back()
    page.wait_for_function("() => location.pathname.endsWith('/gallery')", timeout=30_000)
    browser.slider(page, "Huber δ").wait_for(timeout=30_000)
    browser.wait_until_idle(page, quiet_ms=300)
    assert browser.slider(page, "Huber δ").get_attribute("aria-valuetext") == "1.50"
    assert "huber.delta=1.5" in page.url
    browser.assert_healthy(page)
