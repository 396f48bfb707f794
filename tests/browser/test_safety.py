"""Safe on a shared phone, in a real browser at 375px: leaving, the time limit, hand-over, no code in any URL."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Request, Response, expect

from parent_guide import session_safety
from tests.browser.axe import violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serving
from tests.conftest import make_app

pytestmark = pytest.mark.browser

SECTION = "/en/prepare/working-well"
SECRET = "My private sentence about home"


class _Weather(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        body = b"<!DOCTYPE html><title>Weather</title><h1>Weather</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def neutral_site() -> Iterator[str]:
    """A stand-in for the neutral site on another origin (there is no internet here)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Weather)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/weather"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def exit_to_neutral(app: Flask, neutral_site: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every app in these tests leaves to the stand-in neutral site."""
    monkeypatch.setitem(app.config, "EXIT_URL", neutral_site)
    return neutral_site


def new_context(browser: Browser, javascript: bool = True) -> BrowserContext:
    """A phone-sized context, with JavaScript on or off."""
    return browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=javascript)


class Recorder:
    """Every request URL, redirect target and Referer the browser sends."""

    def __init__(self, context: BrowserContext) -> None:
        self.seen: list[str] = []
        self.handover_referers: list[str] = []
        context.on("request", self._record)
        context.on("response", self._response)
        self.cacheable_pages: list[str] = []

    def _response(self, response: Response) -> None:
        self.seen.append(response.headers.get("location", ""))
        if response.request.resource_type == "document" and "no-store" not in response.headers.get("cache-control", ""):
            self.cacheable_pages.append(response.url)

    def _record(self, request: Request) -> None:
        self.seen.append(request.url)
        self.seen.append(request.headers.get("referer", ""))
        if request.method == "POST" and request.url.endswith("/en/prepare/open"):
            self.handover_referers.append(request.headers.get("referer", ""))

    def assert_no_code(self, code: str) -> None:
        plain = code.replace("-", "")
        for value in self.seen:
            assert code not in value and plain not in value.replace("-", ""), value


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


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_leave_then_back_reload_and_every_page_show_nothing(
    live_server: str, browser: Browser, javascript: bool, exit_to_neutral: str
) -> None:
    """Verify after "Leave this site" nothing the parent wrote, or their code, shows anywhere."""
    context = new_context(browser, javascript)
    recorder = Recorder(context)
    page = context.new_page()
    code = start_and_write(page, live_server)
    # Once the session holds a draft, every page the browser got is no-store.
    assert [u for u in recorder.cacheable_pages if "/prepare/" in u and not u.endswith("/en/prepare/")] == []
    recorder.cacheable_pages.clear()
    page.goto(live_server + "/en/guide/")
    page.goto(live_server + "/en/prepare/check")
    assert recorder.cacheable_pages == []

    page.get_by_role("button", name="Leave this site").click()
    page.wait_for_url(exit_to_neutral)
    assert not any(c["name"] == "session" for c in context.cookies())

    page.go_back()
    page.wait_for_load_state()
    assert page.url.startswith(live_server)
    assert_nothing_of_theirs(page, code)
    page.reload()
    assert_nothing_of_theirs(page, code)
    for path in ("/en/prepare/", SECTION, "/en/prepare/check", "/en/export/", "/en/your-guide/"):
        page.goto(live_server + path)
        assert_nothing_of_theirs(page, code)
    recorder.assert_no_code(code)
    context.close()


@pytest.fixture(scope="module")
def bfcache_browser(playwright: Playwright) -> Iterator[Browser]:
    """Chromium with its back-forward cache on (Playwright turns it off by default), as on a real phone."""
    launched = playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    yield launched
    launched.close()


def test_back_after_leaving_shows_nothing_with_the_back_forward_cache(
    live_server: str, bfcache_browser: Browser, exit_to_neutral: str
) -> None:
    """Verify a page kept in the back-forward cache does not come back with the parent's words after leaving."""
    context = new_context(bfcache_browser)
    page = context.new_page()
    code = start_and_write(page, live_server)
    page.goto(live_server + "/en/prepare/check")
    expect(page.locator("main")).to_contain_text(SECRET)
    # Leave by the no-JavaScript route from a plain link, so the check page stays in history.
    page.goto(live_server + "/leave")
    page.wait_for_url(exit_to_neutral)
    page.go_back()
    page.wait_for_load_state()
    expect(page.locator("body")).not_to_contain_text(SECRET)
    assert_nothing_of_theirs(page, code)
    context.close()


def test_location_replace_keeps_the_page_out_of_history(live_server: str, browser: Browser, exit_to_neutral: str) -> None:
    """Verify with JavaScript the section page is replaced in history: Back skips it."""
    context = new_context(browser)
    page = context.new_page()
    start_and_write(page, live_server)
    page.goto(live_server + "/en/guide/")
    page.goto(live_server + SECTION)
    page.get_by_role("button", name="Leave this site").click()
    page.wait_for_url(exit_to_neutral)
    page.go_back()
    page.wait_for_load_state()
    assert page.url == live_server + "/en/guide/"
    context.close()


def test_shift_three_times_leaves_but_capitals_never_count(live_server: str, browser: Browser, exit_to_neutral: str) -> None:
    """Verify capitals typed with Shift (slowly or quickly released) never count, and Shift alone three times leaves."""
    context = new_context(browser)
    page = context.new_page()
    start_and_write(page, live_server)
    field = page.get_by_label("Your answer")
    field.fill("")
    field.focus()
    keyboard = page.keyboard
    for _ in range(4):
        keyboard.down("Shift")
        keyboard.press("KeyH")
        keyboard.up("Shift")
        # A quick typist lets go of Shift before the letter.
        keyboard.down("Shift")
        keyboard.down("KeyW")
        keyboard.up("Shift")
        keyboard.up("KeyW")
    keyboard.type(" ok")
    expect(field).to_have_value("HWHWHWHW ok")
    assert page.url.startswith(live_server)
    status = page.locator("[data-app-status]")
    expect(status).to_have_text("")
    keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to leave.")
    keyboard.press("Shift")
    keyboard.press("Shift")
    page.wait_for_url(exit_to_neutral)
    context.close()


def test_handover_link_works_once_and_leaves_no_token_in_the_address(live_server: str, browser: Browser) -> None:
    """Verify the QR link opens the draft on another device once, its token leaves the address bar, and no code travels."""
    laptop = new_context(browser)
    recorder = Recorder(laptop)
    page = laptop.new_page()
    code = start_and_write(page, live_server)
    page.goto(live_server + "/en/prepare/continue-elsewhere")
    link = re.search(r"https?://\S+/en/prepare/open\?t=[A-Za-z0-9_-]+", page.content())
    assert link
    recorder.assert_no_code(code)

    phone = new_context(browser)
    phone_recorder = Recorder(phone)
    handset = phone.new_page()
    handset.goto(link.group(0))
    expect(handset).to_have_url(live_server + "/en/prepare/open")
    assert violations(handset) == []
    handset.get_by_role("button", name="Open my answers").click()
    expect(handset.locator("h1")).to_have_text("Write down your views")
    handset.goto(live_server + SECTION)
    expect(handset.get_by_label("Your answer")).to_have_value(SECRET)
    phone_recorder.assert_no_code(code)
    # The button's request carries no token in its Referer: the address bar no longer holds it.
    assert phone_recorder.handover_referers and all("t=" not in r for r in phone_recorder.handover_referers)

    again = new_context(browser, javascript=False)
    other = again.new_page()
    other.goto(link.group(0))
    other.get_by_role("button", name="Open my answers").click()
    expect(other.locator("main")).to_contain_text("already been used")
    for context in (laptop, phone, again):
        context.close()


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
    page.get_by_label(re.compile("resume code", re.I)).fill(code)
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
