"""The whole journey with a keyboard alone: Tab, Shift+Tab, Enter and Space (and typing into fields).

At every key press the focused element must be on screen, not hidden behind
anything, and later in the page than the one before (earlier with Shift+Tab).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from parent_guide.tailor.questions import asked

pytestmark = pytest.mark.browser

# Runs in the page: what has focus, where it is in the page, and whether a parent can see it.
FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const label = el.labels && el.labels[0];
  return {
    text: ((label && label.innerText) || el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
    id: el.id,
    classes: el.className,
    position: [...document.querySelectorAll('*')].indexOf(el),
    onScreen: el.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0
      && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    uncovered: Boolean(hit && (el.contains(hit) || hit.contains(el) || (label && label.contains(hit)))),
  };
}
"""


class Keyboard:
    """Moves focus with Tab and Shift+Tab, checking each stop, and acts with Enter and Space."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.stops: list[str] = []

    def focused(self) -> dict[str, Any] | None:
        """What has focus now."""
        return self.page.evaluate(FOCUSED)

    def _check(self, now: dict[str, Any], before: dict[str, Any] | None, backwards: bool) -> None:
        where = f"{self.page.url} at {now['text']!r}"
        assert now["onScreen"], f"focused element off screen: {where}"
        assert now["uncovered"], f"focused element covered by something else: {where}"
        if before is not None:
            later = now["position"] > before["position"]
            assert later != backwards, f"focus went {'forwards' if backwards else 'backwards'}: {where}"

    def tab_to(self, wanted: str | re.Pattern[str], backwards: bool = False, limit: int = 60) -> dict[str, Any]:
        """Press Tab (or Shift+Tab) until the focused element's text or id matches ``wanted``."""
        before = self.focused()
        for _ in range(limit):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            now = self.focused()
            assert now is not None, f"focus left the page on {self.page.url} after {self.stops[-3:]}"
            self._check(now, before, backwards)
            self.stops.append(now["text"])
            if re.search(wanted, now["text"]) if isinstance(wanted, re.Pattern) else wanted in (now["text"], now["id"]):
                return now
            before = now
        raise AssertionError(f"{wanted!r} not reached with {'Shift+Tab' if backwards else 'Tab'} on {self.page.url}")

    def press(self, key: str) -> None:
        """Enter or Space on what has focus."""
        assert key in ("Enter", "Space")
        self.page.keyboard.press(key)

    def follow(self, key: str) -> None:
        """Enter or Space on what has focus, waiting for the page it opens."""
        with self.page.expect_navigation():
            self.press(key)


@pytest.fixture()
def keyboard(browser: Browser) -> Iterator[Keyboard]:
    """A laptop-sized page with JavaScript; window.print records instead of opening a dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    context.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    yield Keyboard(context.new_page())
    context.close()


def _error_summary_leads_to_the_field(keys: Keyboard, field_id: str) -> None:
    """The error summary has focus; its link puts focus in the field and leaves no #fragment in the address."""
    page = keys.page
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    address = page.url
    keys.tab_to(re.compile("."))
    assert page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    keys.press("Enter")
    expect(page.locator(f"#{field_id}")).to_be_focused()
    assert page.url == address and "#" not in page.url


def test_whole_journey_with_the_keyboard_alone(app: Flask, live_server: str, keyboard: Keyboard) -> None:
    """Verify guide, questions, form, check answers, export and asking a question work by keyboard, focus visible and in order."""
    keys, page = keyboard, keyboard.page
    steps = app.extensions["parent_guide.content"]["en"].steps
    sections = app.extensions["parent_guide.content"]["en"].prepare

    # The guide: the skip link first, then Space on links drawn as buttons.
    page.goto(live_server + "/en/")
    first = keys.tab_to(re.compile("."))
    assert "govuk-skip-link" in first["classes"]
    keys.tab_to("Start now")
    keys.follow("Space")
    expect(page.locator("h1")).to_have_text("The guide, step by step")
    keys.tab_to("Start with step 1")
    keys.follow("Enter")
    expect(page.locator("h1")).to_have_text(steps[0].title)
    keys.tab_to("Continue")
    keys.follow("Space")
    expect(page.locator("h1")).to_have_text(steps[1].title)
    keys.tab_to("Continue")
    keys.tab_to("Leave this site", backwards=True)

    # The tailoring questions: the first choice each time, an error put right, the rest skipped.
    keys.tab_to("Your guide", backwards=True)
    keys.follow("Enter")
    expect(page.locator("h1")).to_have_text("Your guide")
    keys.tab_to("Answer the questions")
    keys.follow("Space")
    for _ in ("area", "kind"):
        keys.tab_to("answer")
        keys.press("Space")
        expect(page.locator("#answer")).to_be_checked()
        keys.tab_to("Continue")
        keys.follow("Enter")
    expect(page.locator("#date-day")).to_be_visible()
    keys.tab_to("Continue")
    keys.follow("Enter")
    _error_summary_leads_to_the_field(keys, "date-day")
    page.keyboard.type("14")
    keys.tab_to("date-month")
    page.keyboard.type("12")
    keys.tab_to("date-year")
    page.keyboard.type("2026")
    keys.tab_to("Continue")
    keys.follow("Enter")
    for _ in range(len(asked(False)) - 3):
        keys.tab_to("I’m not sure")
        keys.follow("Enter")
    expect(page.locator("h1")).to_have_text("Your guide")
    expect(page.locator(".app-timeline")).to_be_visible()

    # The form: start, an error put right from the error summary, then check answers.
    keys.tab_to("Your views")
    keys.follow("Enter")
    keys.tab_to("Start writing")
    keys.follow("Enter")
    expect(page.locator(".app-code").first).to_be_visible()
    keys.tab_to(sections[0].title)
    keys.follow("Enter")
    keys.tab_to("answer")
    page.keyboard.insert_text("x" * 5001)
    keys.tab_to("Save and continue")
    keys.follow("Enter")
    _error_summary_leads_to_the_field(keys, "answer")
    page.keyboard.press("Control+A")
    page.keyboard.type("We read together every night.")
    keys.tab_to("Save and continue")
    keys.follow("Enter")
    expect(page.locator("h1")).to_have_text(sections[1].question)
    keys.tab_to("Your views")
    keys.follow("Enter")
    keys.tab_to("Check your answers")
    keys.follow("Space")
    expect(page.locator("h1")).to_have_text("Check your answers")

    # The exports: Print prints without leaving the page; the PDF downloads.
    address = page.url
    keys.tab_to("Print")
    keys.press("Enter")
    deadline = time.monotonic() + 10
    while not page.evaluate("window.printed") and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert page.evaluate("window.printed") == 1
    assert page.url == address
    keys.tab_to("Download PDF", backwards=True)
    with page.expect_download() as download:
        keys.press("Enter")
    assert download.value.suggested_filename.endswith(".pdf")

    # Asking a question: the box after the page's content, an empty question's error, then an answer followed.
    keys.tab_to("Ask a question in your own words")
    page.keyboard.type("can my mum come with me")
    keys.tab_to("Ask")
    keys.follow("Enter")
    expect(page.locator("h1")).to_have_text("Answers to your question")
    keys.tab_to("Your question")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    keys.tab_to("Ask again")
    keys.follow("Space")
    _error_summary_leads_to_the_field(keys, "ask-question")
    page.keyboard.type("will the police be there")
    keys.tab_to("Ask")
    keys.follow("Enter")
    entries = app.extensions["parent_guide.ask"].locales["en"].entries
    step = app.extensions["parent_guide.content"]["en"].step(entries["will-the-police-be-there"].step)
    keys.tab_to(f"Read more: {step.title}")
    keys.follow("Enter")
    expect(page.locator("h1")).to_have_text(step.title)
