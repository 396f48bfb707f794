"""Right to left, and every language at 320px: Arabic and Urdu screenshots at 375px, no sideways scroll anywhere.

The screenshots of the real Arabic and Urdu pages go to build/screenshots-rtl/
to be looked at. The axe-core sweeps (test_accessibility) cover these pages too.
"""

from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page

from parent_guide.config import PROJECT_ROOT
from parent_guide.content import discover_locales
from tests.browser.checks import pages_too_wide
from tests.browser.walk import right_to_left
from tests.conftest import site_urls

pytestmark = pytest.mark.browser

SCREENSHOTS = PROJECT_ROOT / "build" / "screenshots-rtl"


def _shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def _answer_a_section(page: Page, server: str, code: str) -> None:
    """Start a draft and write one answer, in Arabic with an English name and a date in it."""
    page.goto(f"{server}/{code}/prepare/")
    page.locator("form[action$='/prepare/start'] button").click()
    page.goto(f"{server}/{code}/prepare/working-well")
    page.locator("textarea").first.fill("نقرأ معا كل مساء مع Ms Khan منذ 12/03/2026.\n\nWe also go to the park.")
    page.locator("button[name='action'][value='continue']").click()


@pytest.mark.parametrize("code", ["ar", "ur"])
def test_screenshots_and_layout_from_the_right(app: Flask, live_server: str, browser: Browser, code: str) -> None:
    """Verify the start page, a step, a form with an error and check answers lay out from the right; screenshot each."""
    assert code in right_to_left(app)
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=1)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/{code}/")
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        assert "/assets/rtl." in page.locator("link[rel=stylesheet]").first.get_attribute("href")
        heading = page.locator("h1").bounding_box()
        assert heading and heading["x"] + heading["width"] > 375 - 25, "the heading does not start at the right"
        _shoot(page, f"{code}-start.png")

        page.goto(f"{live_server}/{code}/guide/what-is-a-conference")
        back = page.locator(".govuk-back-link")
        if back.count():
            box = back.first.bounding_box()
            assert box and box["x"] > 375 / 2, "the back link is not on the right"
        _shoot(page, f"{code}-step.png")

        page.goto(f"{live_server}/{code}/your-guide/questions/kind")
        page.locator("form button.govuk-button").first.click()
        assert page.locator(".govuk-error-summary").count() == 1
        radio = page.locator(".govuk-radios__input").first.bounding_box()
        label = page.locator(".govuk-radios__label").first.bounding_box()
        assert radio and label and radio["x"] > label["x"], "the radio button is not to the right of its label"
        _shoot(page, f"{code}-form-error.png")

        _answer_a_section(page, live_server, code)
        page.goto(f"{live_server}/{code}/prepare/check")
        _shoot(page, f"{code}-check-answers.png")
        key = page.locator(".govuk-summary-list__key").first.bounding_box()
        value = page.locator(".govuk-summary-list__value").first.bounding_box()
        if key and value and value["y"] < key["y"] + key["height"]:
            assert key["x"] > value["x"], "the summary list key is not on the right"
    finally:
        context.close()


@pytest.mark.parametrize("code", discover_locales(PROJECT_ROOT / "content"))
def test_no_sideways_scroll_at_320px(app: Flask, live_server: str, browser: Browser, code: str) -> None:
    """Verify every page of every language fits a 320px screen (long words in Welsh and Polish, Nastaliq in Urdu)."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        too_wide = pages_too_wide(page, live_server, site_urls(app, code))
    finally:
        context.close()
    assert not too_wide, f"pages wider than 320px: {too_wide}"
