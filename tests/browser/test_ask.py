"""A parent asks questions in their own words on a phone, with JavaScript on and off."""

from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import Browser, expect

from tests.browser.axe import violations
from tests.pages import SITE_NAME

pytestmark = pytest.mark.browser

QUESTIONS = [
    ("can my mum come with me", "bring-a-supporter"),
    ("will the police be there", "will-the-police-be-there"),
    ("do i have to let the sw in my house", "do-i-have-to-let-them-in"),
]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_ask_three_questions_and_follow_an_answer(app: Flask, live_server: str, browser: Browser, javascript: bool) -> None:
    """Verify three questions from the box on a page, the question kept, and an answer's link followed."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(live_server + "/en/guide/")
        box = page.get_by_role("search", name="Ask a question")
        box.get_by_label("Ask a question in your own words").fill(QUESTIONS[0][0])
        box.get_by_role("button", name="Ask").click()
        entries = app.extensions["parent_guide.ask"].locales["en"].entries
        for number, (question, entry_id) in enumerate(QUESTIONS):
            if number:
                field = page.get_by_label("Your question")
                field.fill(question)
                page.get_by_role("button", name="Ask again").click()
            expect(page.locator("h1")).to_have_text("Answers to your question")
            expect(page).to_have_title(f"Answers to your question – {SITE_NAME}")
            assert "/ask" in page.url and "?" not in page.url
            expect(page.get_by_label("Your question")).to_have_value(question)
            expect(page.locator("main h2").first).to_have_text(entries[entry_id].title)
        step = app.extensions["parent_guide.content"]["en"].step(entries[QUESTIONS[-1][1]].step)
        page.get_by_role("link", name="Read more").first.click()
        expect(page.locator("h1")).to_have_text(step.title)
        assert page.url.endswith(f"/en/guide/{step.slug}")
    finally:
        context.close()


def test_following_an_answer_opens_its_guide_step(live_server: str, browser: Browser) -> None:
    """Verify an answer's "Read more" link opens the step that explains more."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server + "/en/ask")
        page.get_by_label("What do you want to know?").fill("can my mum come with me")
        page.get_by_role("button", name="Ask", exact=True).click()
        page.get_by_role("link", name="Read more: Bringing someone with you").first.click()
        expect(page.locator("h1")).to_have_text("Bringing someone with you")
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_results_pages_have_no_axe_violations(live_server: str, browser: Browser, javascript: bool) -> None:
    """Verify axe-core finds nothing on an answer page, a danger page and a no-match page."""
    context = browser.new_context(viewport={"width": 375, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    try:
        for question in ("will they take my kids", "he hits me", "how do i make pancakes"):
            page.goto(live_server + "/en/ask")
            page.get_by_label("What do you want to know?").fill(question)
            page.get_by_role("button", name="Ask", exact=True).click()
            expect(page.locator("h1")).to_have_text("Answers to your question")
            found = violations(page, javascript=javascript)
            assert not found, f"{question}: {found}"
    finally:
        context.close()
