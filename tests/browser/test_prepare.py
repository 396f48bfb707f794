"""A parent writes their views in a real browser, with JavaScript off and on."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import violations

pytestmark = pytest.mark.browser

PRACTICAL = "practical-needs"


@pytest.fixture(params=[False, True], ids=["no-js", "js"])
def parent(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A phone-sized page with JavaScript off, then on."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=request.param)
    page = context.new_page()
    page.javascript = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def _assert_accessible(page: Page, failures: dict[str, list[str]]) -> None:
    found = violations(page, javascript=getattr(page, "javascript", True))
    if found:
        failures[page.url] = found


def _fill_section(page: Page, slug: str, text: str) -> None:
    if slug == PRACTICAL:
        page.get_by_role("group", name="Do you plan to go to the conference?").get_by_label("Yes").check()
        page.get_by_label("Who are you bringing as a supporter?").fill(f"{text} supporter")
        page.get_by_role("group", name="Do you need an interpreter?").get_by_label("Yes").check()
        page.get_by_label("Which language should the interpreter speak?").fill("Polish")
        page.get_by_label("Do you need anything else so you can take part?").fill(f"{text} adjustments")
    else:
        page.get_by_label("Your answer").fill(text)


def test_fill_every_section_check_change_resume_and_delete(
    app: Flask, live_server: str, browser: Browser, parent: Page
) -> None:
    """Verify the whole form journey works and every page has no axe violations."""
    sections = app.extensions["parent_guide.content"]["en"].prepare
    failures: dict[str, list[str]] = {}
    page = parent

    page.goto(live_server + "/en/prepare/")
    _assert_accessible(page, failures)
    page.get_by_role("button", name="Start writing").click()
    expect(page.locator("h1")).to_have_text("Write down your views")
    code = page.locator(".app-code").first.inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", code)
    _assert_accessible(page, failures)

    page.get_by_role("link", name=sections[0].title).click()
    for number, section in enumerate(sections, start=1):
        expect(page.locator("h1")).to_have_text(section.question)
        expect(page.get_by_text(f"Section {number} of {len(sections)}")).to_be_visible()
        _assert_accessible(page, failures)
        _fill_section(page, section.slug, f"Answer {number} Zażółć مرحبا")
        page.get_by_role("button", name="Save and continue").click()

    expect(page.locator("h1")).to_have_text("Check your answers")
    _assert_accessible(page, failures)
    for number in range(1, len(sections)):
        expect(page.get_by_text(f"Answer {number} Zażółć مرحبا", exact=True)).to_be_visible()
    expect(page.get_by_text("Polish", exact=True)).to_be_visible()

    page.get_by_role("link", name=f"Change {sections[1].title}").click()
    page.get_by_label("Your answer").fill("A changed answer")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("h1")).to_have_text("Check your answers")
    expect(page.get_by_text("A changed answer")).to_be_visible()

    page.goto(live_server + "/en/prepare/continue-elsewhere")
    expect(page.locator("svg.app-qr")).to_be_visible()
    _assert_accessible(page, failures)

    other = browser.new_context(viewport={"width": 1280, "height": 900})
    laptop = other.new_page()
    laptop.goto(live_server + "/en/prepare/resume")
    laptop.get_by_label("Carry on with your saved answers").fill("not-a-real-code")
    laptop.get_by_role("button", name="Continue").click()
    expect(laptop.locator(".govuk-error-summary")).to_be_visible()
    _assert_accessible(laptop, failures)
    laptop.get_by_label("Carry on with your saved answers").fill(code.lower().replace("-", " "))
    laptop.get_by_role("button", name="Continue").click()
    expect(laptop.locator("h1")).to_have_text("Write down your views")
    expect(laptop.locator(".govuk-task-list")).to_contain_text("Completed")
    laptop.goto(live_server + "/en/prepare/check")
    expect(laptop.get_by_text("A changed answer")).to_be_visible()
    other.close()

    page.goto(live_server + "/en/prepare/")
    page.get_by_role("link", name="Delete my answers").click()
    _assert_accessible(page, failures)
    page.get_by_role("button", name="Yes, delete my answers").click()
    expect(page.locator("h1")).to_have_text("Your answers have been deleted")
    _assert_accessible(page, failures)

    page.goto(live_server + "/en/prepare/resume")
    page.get_by_label("Carry on with your saved answers").fill(code)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("could not find answers")

    assert not failures, failures


def test_error_pages_are_accessible_and_keep_the_text(live_server: str, parent: Page) -> None:
    """Verify a too-long answer shows the limit, keeps the text, and passes axe."""
    page = parent
    page.goto(live_server + "/en/prepare/")
    page.get_by_role("button", name="Start writing").click()
    page.goto(live_server + "/en/prepare/worries")
    long_text = "word " * 1001
    page.get_by_label("Your answer").fill(long_text)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("5,000 characters or fewer")
    expect(page.get_by_label("Your answer")).to_have_value(long_text)
    assert violations(page, javascript=getattr(page, "javascript", True)) == []


def test_autosave_announces_saved_and_survives_a_reload(live_server: str, browser: Browser) -> None:
    """Verify typing saves after a pause, says "Saved" politely, and the text is there after reload."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_server + "/en/prepare/")
    page.get_by_role("button", name="Start writing").click()
    page.goto(live_server + "/en/prepare/support")
    page.get_by_label("Your answer").press_sequentially("Help with school runs")
    expect(page.locator("[data-save-status]")).to_contain_text("Saved", timeout=8000)
    # Spoken through the page's one polite status region.
    expect(page.locator("[data-app-status]")).to_have_text("Saved")
    expect(page.locator("[data-app-status]")).to_have_attribute("role", "status")
    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value("Help with school runs")
    page.goto(live_server + "/en/prepare/")
    expect(page.locator(".govuk-task-list")).to_contain_text("In progress")
    context.close()


def test_failed_autosave_says_so_and_keeps_the_text(live_server: str, browser: Browser) -> None:
    """Verify a network failure shows a clear message and leaves the text in the box."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_server + "/en/prepare/")
    page.get_by_role("button", name="Start writing").click()
    page.goto(live_server + "/en/prepare/questions")
    page.route("**/autosave", lambda route: route.abort())
    page.get_by_label("Your answer").fill("What happens next?")
    page.get_by_label("Your answer").blur()
    expect(page.locator("[data-save-status]")).to_contain_text("Not saved", timeout=8000)
    expect(page.get_by_label("Your answer")).to_have_value("What happens next?")
    page.unroute("**/autosave")
    page.get_by_role("button", name="Save and continue").click()
    page.goto(live_server + "/en/prepare/check")
    expect(page.get_by_text("What happens next?")).to_be_visible()
    context.close()


def test_conflict_and_expired_pages_are_accessible_and_keep_the_text(live_server: str, browser: Browser) -> None:
    """Verify the two-device conflict page and the expired-session page pass axe and hold the text."""
    laptop_context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    laptop = laptop_context.new_page()
    laptop.goto(live_server + "/en/prepare/")
    laptop.get_by_role("button", name="Start writing").click()
    code = laptop.locator(".app-code").first.inner_text()

    phone_context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    phone = phone_context.new_page()
    phone.goto(live_server + "/en/prepare/resume")
    phone.get_by_label("Carry on with your saved answers").fill(code)
    phone.get_by_role("button", name="Continue").click()

    laptop.goto(live_server + "/en/prepare/next-steps")
    phone.goto(live_server + "/en/prepare/next-steps")
    phone.get_by_label("Your answer").fill("Written on the phone")
    phone.get_by_role("button", name="Save and continue").click()
    laptop.get_by_label("Your answer").fill("Written on the laptop")
    laptop.get_by_role("button", name="Save and continue").click()
    expect(laptop.locator("h1")).to_have_text("This section was changed somewhere else")
    expect(laptop.locator(".govuk-inset-text")).to_contain_text("Written on the phone")
    expect(laptop.get_by_label("Your answer")).to_have_value("Written on the laptop")
    assert violations(laptop, javascript=False) == []

    phone.goto(live_server + "/en/prepare/questions")
    phone.get_by_label("Your answer").fill("Typed before the session ran out")
    phone_context.clear_cookies()
    phone.get_by_role("button", name="Save and continue").click()
    expect(phone.locator("h1")).to_have_text("Your answer has not been saved yet")
    expect(phone.get_by_label("Your answer")).to_have_value("Typed before the session ran out")
    assert violations(phone, javascript=False) == []
    phone.get_by_label("Your resume code (if you have one)").fill(code)
    phone.get_by_role("button", name="Save my answer").click()
    phone.goto(live_server + "/en/prepare/check")
    expect(phone.get_by_text("Typed before the session ran out")).to_be_visible()
    laptop_context.close()
    phone_context.close()


def test_no_fragment_follows_the_parent_after_an_error_link(live_server: str, browser: Browser) -> None:
    """Verify that without JavaScript an error link's #answer is not carried to the next page after saving."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/en/prepare/")
    page.get_by_role("button", name="Start writing").click()
    page.goto(live_server + "/en/prepare/worries")
    page.get_by_label("Your answer").fill("word " * 1001)
    page.get_by_role("button", name="Save and continue").click()
    page.locator(".govuk-error-summary a").first.click()
    expect(page).to_have_url(re.compile("#answer$"))
    page.get_by_label("Your answer").fill("A shorter answer")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    assert "#" not in page.url, page.url
    context.close()
