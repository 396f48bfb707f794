"""Safe on a shared phone, in a real browser at 375px: leaving, hand-over, no code in any URL (the time limit: test_time_limit.py)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Playwright, Request, Response, expect

from tests.browser.axe import violations
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.writing import SECRET, SECTION, assert_nothing_of_theirs, new_context, start_and_write

pytestmark = pytest.mark.browser


class _Weather(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
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
