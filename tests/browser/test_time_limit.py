"""The time limit on a shared phone, in a real browser at 375px: the warning, the page closing itself, and no text lost."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, expect

from parent_guide import session_safety
from tests.browser.conftest import serving
from tests.browser.writing import SECRET, assert_nothing_of_theirs, new_context, start_and_write
from tests.conftest import make_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def quick_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose idle limit is 30 seconds, so the page's own timer can be watched in a test."""
    database = tmp_path_factory.mktemp("idle") / "idle.sqlite3"
    app: Flask = make_app(f"sqlite:///{database}", SESSION_IDLE_MINUTES=0.5)
    with serving(app) as url:
        yield url


def test_idle_warning_can_be_answered_then_the_page_closes_itself(quick_server: str, browser: Browser) -> None:
    """Verify the warning takes focus, Enter on "Stay" keeps the session, and at the end the page shows nothing."""
    context = new_context(browser)
    page = context.new_page()
    code = start_and_write(page, quick_server)
    dialog = page.get_by_role("alertdialog", name="Do you want to stay on this page?")
    expect(dialog).to_be_visible(timeout=15000)
    stay = dialog.get_by_role("button", name="Stay on this page")
    expect(stay).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(page).to_have_url(quick_server + "/en/session-ended", timeout=40000)
    assert_nothing_of_theirs(page, code)
    page.go_back()
    page.wait_for_load_state()
    assert_nothing_of_theirs(page, code)
    context.close()


def test_a_save_after_the_time_limit_gives_the_text_back(
    live_server: str, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Verify without JavaScript a save sent after the session ended keeps the text and saves with the code."""
    context = new_context(browser, javascript=False)
    page = context.new_page()
    code = start_and_write(page, live_server)
    page.get_by_label("Your answer").fill(SECRET + " and more")
    # The server runs in this process: move its clock past the time limit.
    later = time.time() + 31 * 60
    monkeypatch.setattr(session_safety.time, "time", lambda: later)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_label("Your answer")).to_have_value(SECRET + " and more")
    page.get_by_label(re.compile("resume code", re.IGNORECASE)).fill(code)
    page.get_by_role("button", name=re.compile("Save")).first.click()
    page.goto(live_server + "/en/prepare/check")
    expect(page.locator("main")).to_contain_text(SECRET + " and more")
    context.close()


def test_text_that_cannot_be_autosaved_is_sent_before_the_page_closes(quick_server: str, browser: Browser) -> None:
    """Verify when the time runs out with unsaved text (autosave failing), the form is sent, so the text is kept."""
    context = new_context(browser)
    page = context.new_page()
    start_and_write(page, quick_server)
    page.route("**/autosave", lambda route: route.abort())
    page.get_by_label("Your answer").fill(SECRET + " typed while offline")
    expect(page.locator("[data-save-status]")).to_contain_text("Not saved", timeout=10000)
    # The page does not go to the "closed" page: it sends the form, which saves the text.
    page.wait_for_url(re.compile(r"/en/prepare/(?!working-well)"), timeout=40000)
    page.unroute("**/autosave")
    page.goto(quick_server + "/en/prepare/check")
    expect(page.locator("main")).to_contain_text(SECRET + " typed while offline")
    context.close()
