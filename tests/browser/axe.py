"""Run axe-core on a page and describe any violations readably."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Route

_AXE = Axe()
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S | re.I)


def _describe(found: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}" for v in found]


class SnapshotChecker:
    """A page with JavaScript on that shows the HTML of pages opened with JavaScript off.

    axe-core needs JavaScript to run. The same HTML, scripts removed so nothing
    changes it, is served at the same address in this page, and axe checks that.
    One checker serves a whole sweep, so a sweep opens one extra context, not one per page.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.html = ""
        page.route("**/*", self._serve)

    def _serve(self, route: Route) -> None:
        if route.request.resource_type == "document":
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self.html)
        else:
            route.continue_()

    def violations(self, shown: Page) -> list[str]:
        """axe-core's violations on the HTML ``shown`` has now."""
        self.html = _SCRIPT.sub("", shown.content())
        self.page.goto(shown.url)
        return _describe(_AXE.run(self.page).response["violations"])


@contextmanager
def snapshot_checker(browser: Browser, width: int) -> Iterator[SnapshotChecker]:
    """A :class:`SnapshotChecker` at this width, closed afterwards."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        yield SnapshotChecker(context.new_page())
    finally:
        context.close()


def violations(page: Page, javascript: bool = True, checker: SnapshotChecker | None = None) -> list[str]:
    """axe-core's violations on the page as it is now, one line each.

    For a page shown with JavaScript off, its HTML is checked in ``checker``,
    or in a checker opened for this one call.
    """
    if javascript:
        return _describe(_AXE.run(page).response["violations"])
    if checker is not None:
        return checker.violations(page)
    browser = page.context.browser
    assert browser is not None
    with snapshot_checker(browser, (page.viewport_size or {"width": 375})["width"]) as once:
        return once.violations(page)
