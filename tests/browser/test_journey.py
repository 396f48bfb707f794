"""A new user reads the whole guide in order on a phone, then goes back."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from tests.pages import SITE_NAME

pytestmark = pytest.mark.browser


def test_read_every_step_with_continue_and_return_with_back(app: Flask, live_server: str, phone: Page) -> None:
    """Verify Start now, every Continue in order, then Back to the start."""
    steps = app.extensions["parent_guide.content"]["en"].steps
    total = len(steps)

    phone.goto(live_server + "/")
    expect(phone).to_have_url(re.compile(r"/en/$"))
    phone.get_by_role("button", name="Start now").click()
    expect(phone.locator("h1")).to_have_text("The guide, step by step")
    phone.get_by_role("button", name="Start with step 1").click()

    for number, step in enumerate(steps, start=1):
        expect(phone.locator("h1")).to_have_text(step.title)
        expect(phone.get_by_text(f"Step {number} of {total}")).to_be_visible()
        expect(phone).to_have_title(f"{step.title} – {SITE_NAME}")
        if number < total:
            phone.get_by_role("button", name="Continue").click()

    phone.get_by_role("button", name="Back to the contents").click()
    expect(phone.locator("h1")).to_have_text("The guide, step by step")
    phone.go_back()

    for step in reversed(steps[:-1]):
        phone.get_by_role("link", name="Back", exact=True).click()
        expect(phone.locator("h1")).to_have_text(step.title)
    phone.get_by_role("link", name="Back", exact=True).click()
    expect(phone.locator("h1")).to_have_text("The guide, step by step")
    phone.get_by_role("link", name="Back", exact=True).click()
    expect(phone).to_have_url(re.compile(r"/en/$"))


def test_print_the_whole_guide_keeps_the_site_on_screen_and_leaves_it_off_paper(
    app: Flask, live_server: str, phone: Page
) -> None:
    """Verify the print page keeps header, skip link, exit, back link and footer on screen, and only the guide on paper."""
    steps = app.extensions["parent_guide.content"]["en"].steps
    phone.goto(live_server + "/en/print-guide")
    on_screen = [".govuk-service-navigation", ".govuk-exit-this-page", ".govuk-back-link", ".govuk-footer"]
    for selector in on_screen:
        expect(phone.locator(selector)).to_be_visible()
    phone.keyboard.press("Tab")
    expect(phone.locator(".govuk-skip-link")).to_be_focused()
    expect(phone.locator(".govuk-skip-link")).to_be_visible()

    phone.emulate_media(media="print")
    for selector in [*on_screen, ".govuk-skip-link"]:
        expect(phone.locator(selector)).to_be_hidden()
    expect(phone.locator("section.app-print-step h2")).to_have_count(len(steps) + 1)
    # A link to another page prints its full address; a link within the page prints nothing after it.
    glossary_link = phone.locator(".app-print-step a[href^='/']").first
    after = glossary_link.evaluate("link => getComputedStyle(link, '::after').content")
    assert after.startswith('" (http://127.0.0.1:'), after
    contents_link = phone.locator("a[href^='#step-']").first
    assert contents_link.evaluate("link => getComputedStyle(link, '::after').content") in ("none", "normal")
