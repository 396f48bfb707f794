"""Tailoring in a real browser: every question page is accessible, and each kind gets its own steps."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import violations

pytestmark = pytest.mark.browser

QUESTIONS = ("area", "kind", "date", "ages", "attending", "supporter", "help")


@pytest.fixture()
def parent(browser: Browser) -> Iterator[Page]:
    """A phone-sized page."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_every_question_page_is_accessible_with_and_without_errors(
    live_server: str, browser: Browser, javascript: bool
) -> None:
    """Verify axe finds nothing on each question, with the error shown and without."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=javascript)
    page = context.new_page()
    failures = {}
    for slug in QUESTIONS:
        page.goto(f"{live_server}/en/your-guide/questions/{slug}")
        found = violations(page, javascript)
        page.get_by_role("button", name="Continue").click()
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        found += violations(page, javascript)
        if found:
            failures[slug] = found
    page.goto(f"{live_server}/en/your-guide/")
    found = violations(page, javascript)
    if found:
        failures["summary"] = found
    context.close()
    assert not failures, failures


@pytest.mark.parametrize(
    ("kind_label", "own_step", "other_step"),
    [
        ("A review of a child protection plan (a review conference)", "Review conferences", "A conference before your baby is born"),
        ("A conference about an unborn baby (a pre-birth conference)", "A conference before your baby is born", "Review conferences"),
    ],
)
def test_each_kind_of_conference_gets_its_own_steps(
    live_server: str, parent: Page, kind_label: str, own_step: str, other_step: str
) -> None:
    """Verify answering the questions lists that kind's step, and the timeline shows after a date."""
    parent.goto(f"{live_server}/en/your-guide/")
    parent.get_by_role("button", name="Answer the questions").click()
    parent.get_by_label("Kent").check()
    parent.get_by_role("button", name="Continue").click()
    parent.get_by_label(kind_label).check()
    parent.get_by_role("button", name="Continue").click()
    parent.get_by_label("Day").fill("15")
    parent.get_by_label("Month").fill("3")
    parent.get_by_label("Year").fill("2027")
    parent.get_by_role("button", name="Continue").click()
    for _ in range(4):
        parent.get_by_role("button", name="I’m not sure").click()
    expect(parent.locator("h1")).to_have_text("Your guide")
    steps = parent.locator("ol.govuk-list--number")
    expect(steps.get_by_role("link", name=own_step, exact=False).first).to_be_visible()
    expect(steps.get_by_role("link", name=other_step, exact=False)).to_have_count(0)
    expect(parent.locator(".app-timeline__item").first).to_be_visible()
    expect(parent.locator(".app-area-bar")).to_contain_text("Kent")
    steps.get_by_role("link", name=own_step, exact=False).first.click()
    expect(parent.locator("h1")).to_contain_text(own_step)
