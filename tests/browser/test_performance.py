"""What a phone downloads and whether the page jumps, measured in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# Bytes of every response body as sent (compressed), on the wire after the headers.
BYTES_FETCHED = """() => {
  const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
  return entries.reduce((sum, e) => sum + (e.transferSize ? e.encodedBodySize : 0), 0);
}"""
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 500);
})"""


def test_first_visit_is_at_most_20_kb_and_each_further_guide_page_5_kb(phone: Page, live_server: str) -> None:
    """Verify in Chromium: the start page with its assets at most 20 KB compressed, a further guide page at most 5 KB."""
    phone.goto(f"{live_server}/en/", wait_until="networkidle")
    first = phone.evaluate(BYTES_FETCHED)
    assert 0 < first <= 20 * 1024, f"first visit fetched {first} bytes"
    for slug in ("what-is-a-conference", "who-will-be-there"):
        phone.goto(f"{live_server}/en/guide/{slug}", wait_until="networkidle")
        further = phone.evaluate(BYTES_FETCHED)
        assert 0 < further <= 5 * 1024, f"{slug} fetched {further} bytes"


@pytest.mark.parametrize("path", ["/en/", "/en/guide/who-will-be-there", "/en/your-guide/questions/kind"])
def test_pages_do_not_jump_as_they_load(phone: Page, live_server: str, path: str) -> None:
    """Verify the cumulative layout shift is under 0.05 on a phone, scripts and all."""
    phone.goto(f"{live_server}{path}", wait_until="networkidle")
    assert phone.evaluate("document.querySelector('[data-govuk-service-navigation-init]') !== null")
    shift = phone.evaluate(LAYOUT_SHIFT)
    assert shift < 0.05, f"layout shift {shift:.3f}"
