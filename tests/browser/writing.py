"""A parent's draft in a real phone-sized browser: start one, write a sentence, and check none of it shows."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, BrowserContext, Page, expect

SECTION = "/en/prepare/working-well"
SECRET = "My private sentence about home"


def new_context(browser: Browser, javascript: bool = True) -> BrowserContext:
    """A phone-sized context, with JavaScript on or off."""
    return browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=javascript)


def start_and_write(page: Page, base: str) -> str:
    """Start a draft, note the code, and save a sentence in the first section."""
    page.goto(base + "/en/prepare/")
    page.get_by_role("button", name="Start writing").click()
    code = page.locator(".app-code").first.inner_text()
    page.goto(base + SECTION)
    page.get_by_label("Your answer").fill(SECRET)
    page.get_by_role("button", name="Save and continue").click()
    # The form may wait for an autosave to finish before it goes: wait for the next page.
    page.wait_for_url(re.compile(r"/en/prepare/(?!working-well)"))
    page.goto(base + SECTION)
    expect(page.get_by_label("Your answer")).to_have_value(SECRET)
    return code


def assert_nothing_of_theirs(page: Page, code: str) -> None:
    """The page shows neither the parent's words nor their resume code."""
    content = page.content()
    assert SECRET not in content
    assert code not in content and code.replace("-", "") not in content
