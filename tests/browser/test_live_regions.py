"""What a screen reader hears while a parent types: one status region, and few, useful announcements."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

# 100 characters with capitals, typed as a person would: Shift held down for each capital.
SENTENCE = "My Son Jake is Doing Well at School and We Read Together Every Night Before Bed, He Likes Dinosaurs."
LIVE = "[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]"

# Runs in the page: records each new text a live region gets, as a screen reader would hear it.
RECORD_ANNOUNCEMENTS = """
(live) => {
  window.announcements = [];
  const last = new Map();
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const node = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
      const region = node && node.closest(live);
      if (!region || region.closest('[aria-hidden=true]')) continue;
      const text = region.textContent.trim();
      if (text && text !== last.get(region)) window.announcements.push(text);
      last.set(region, text);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}
"""


@pytest.fixture()
def section(live_server: str, browser: Browser) -> Iterator[Page]:
    """A form section open in a phone-sized page with JavaScript, with a draft started."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_server + "/en/prepare/")
    page.get_by_role("button", name="Start writing").click()
    page.goto(live_server + "/en/prepare/support")
    yield page
    context.close()


def _type_like_a_person(page: Page, text: str, seconds: float) -> None:
    """Real key events, a capital with Shift held down, spread over ``seconds``."""
    gap = seconds / len(text)
    for char in text:
        started = time.monotonic()
        if char.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(char)
            page.keyboard.up("Shift")
        else:
            page.keyboard.press("Space" if char == " " else char)
        page.wait_for_timeout(max(0, gap - (time.monotonic() - started)) * 1000)


def test_one_polite_status_region(section: Page) -> None:
    """Verify the page has one polite status region, which the exit button's "press Shift" messages share."""
    regions = section.locator(LIVE).evaluate_all(
        "(all) => all.filter((r) => !r.closest('[aria-hidden=true]'))"
        ".map((r) => r.getAttribute('role') || r.getAttribute('aria-live'))"
    )
    assert regions == ["status"]


def test_typing_a_sentence_with_capitals_makes_at_most_three_announcements(section: Page) -> None:
    """Verify ten seconds of typing a 100-character sentence is announced at most three times, then "Saved"."""
    assert len(SENTENCE) == 100
    section.evaluate(RECORD_ANNOUNCEMENTS, LIVE)
    url = section.url
    section.get_by_label("Your answer").focus()
    _type_like_a_person(section, SENTENCE, seconds=10)
    expect(section.get_by_label("Your answer")).to_have_value(SENTENCE)
    expect(section.locator("[data-save-status]")).to_contain_text("Saved", timeout=10000)
    # Long enough for the character count's own check (every second) to have run.
    section.wait_for_timeout(2500)
    announcements = section.evaluate("window.announcements")
    assert section.url == url, "typing capitals must not leave the site"
    assert 1 <= len(announcements) <= 3, announcements
    assert announcements[-1] == "Saved"


def _heard(page: Page, message: str, seconds: float = 8) -> list[str]:
    """The announcements so far, once ``message`` is among them (or after ``seconds``)."""
    deadline = time.monotonic() + seconds
    while message not in (heard := page.evaluate("window.announcements")) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    return heard


def test_character_count_speaks_only_near_the_limit(section: Page) -> None:
    """Verify the count is silent far from the limit and spoken in the last tenth and over it."""
    section.evaluate(RECORD_ANNOUNCEMENTS, LIVE)
    section.get_by_label("Your answer").focus()
    section.keyboard.insert_text("a" * 4000)
    section.keyboard.type("bb")
    heard = _heard(section, "Saved")
    section.wait_for_timeout(1500)
    assert section.evaluate("window.announcements") == heard == ["Saved"]
    section.keyboard.insert_text("c" * 600)
    assert "You have 398 characters remaining" in _heard(section, "You have 398 characters remaining")
    section.keyboard.insert_text("d" * 400)
    assert "You have 2 characters too many" in _heard(section, "You have 2 characters too many")
    # Sighted parents see the count all along.
    expect(section.locator(".govuk-character-count__status")).to_be_visible()
