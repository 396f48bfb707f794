"""Run axe-core on a page and describe any violations readably."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Route

_AXE = Axe()
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)


def _describe(found: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}" for v in found]


def violations(page: Page, javascript: bool = True) -> list[str]:
    """axe-core's violations on the page as it is now, one line each.

    axe-core needs JavaScript to run. For a page shown with JavaScript off, the
    same HTML (scripts removed, so nothing changes it) is opened in a context
    with JavaScript on, and axe checks that.
    """
    if javascript:
        return _describe(_AXE.run(page).response["violations"])
    html = _SCRIPT.sub("", page.content())
    browser = page.context.browser
    assert browser is not None
    viewport = page.viewport_size or {"width": 375, "height": 740}
    context = browser.new_context(viewport=viewport)
    try:
        checker = context.new_page()

        def serve_snapshot(route: Route) -> None:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

        checker.route(page.url, serve_snapshot)
        checker.goto(page.url)
        return _describe(_AXE.run(checker).response["violations"])
    finally:
        context.close()
