"""axe-core on every page at phone and laptop widths; no sideways scroll at 320px."""

from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import Browser

from tests.browser.axe import violations
from tests.conftest import site_urls

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("width", "javascript"), [(375, True), (1280, True), (375, False)], ids=["375px", "1280px", "375px-no-js"]
)
def test_every_page_has_no_axe_violations(
    app: Flask, live_server: str, browser: Browser, width: int, javascript: bool
) -> None:
    """Verify axe-core reports zero violations on every page at this width, with and without JavaScript."""
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    failures = {}
    try:
        for url in site_urls(app):
            page.goto(live_server + url)
            found = violations(page, javascript=javascript)
            if found:
                failures[url] = "\n".join(found)
    finally:
        context.close()
    assert not failures, "\n\n".join(f"{url}:\n{text}" for url, text in failures.items())


def test_no_page_scrolls_sideways_at_320px(app: Flask, live_server: str, browser: Browser) -> None:
    """Verify no page is wider than a 320px screen."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    try:
        for url in site_urls(app):
            page.goto(live_server + url)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                too_wide[url] = width
    finally:
        context.close()
    assert not too_wide, f"pages wider than 320px: {too_wide}"


def test_local_boxes_do_not_scroll_sideways_at_320px(app: Flask, live_server: str, browser: Browser) -> None:
    """Verify every area's local boxes (long web addresses and emails included) fit a 320px screen."""
    steps = ("who-will-be-there", "your-child", "before-the-conference", "after-the-conference",
             "core-groups-and-reviews", "if-you-disagree", "getting-help")
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    try:
        for area in app.extensions["parent_guide.areas"]:
            for slug in steps:
                url = f"/en/guide/{slug}?area={area}"
                page.goto(live_server + url)
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > 320:
                    too_wide[url] = width
    finally:
        context.close()
    assert not too_wide, f"pages wider than 320px: {too_wide}"
