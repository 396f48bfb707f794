"""A parent gets their document in a real browser: names, downloads and the print page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.axe import violations

pytestmark = pytest.mark.browser

ANSWER = "We read together every night.\n\nShe loves school."
PRINT_RECORDER = """
window.print = () => {
  const printed = document.querySelector('.app-print-only');
  window.printed = [...(window.printed || []), printed ? printed.innerText : document.body.innerText];
};
"""


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def parent(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A phone-sized page that accepts downloads, with JavaScript on and then off."""
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, accept_downloads=True, java_script_enabled=request.param
    )
    # Printing opens no dialog in a test: window.print records what would go on paper.
    context.add_init_script(PRINT_RECORDER)
    page = context.new_page()
    page.javascript = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def _answer_one_section(page: Page, live_server: str) -> None:
    page.goto(live_server + "/en/prepare/")
    page.get_by_role("button", name="Start writing").click()
    page.goto(live_server + "/en/prepare/working-well")
    page.get_by_label("Your answer").fill(ANSWER)
    page.get_by_role("button", name="Save and continue").click()
    # The form may wait for an autosave under way before it is sent: let it arrive first.
    page.wait_for_url(lambda url: not url.endswith("/working-well"))
    page.goto(live_server + "/en/prepare/check")
    expect(page.locator("h1")).to_have_text("Check your answers")


def test_names_downloads_and_print(live_server: str, parent: Page) -> None:
    """Verify names save, both files download with dated names, print hides the site, and axe passes."""
    page = parent
    failures: dict[str, list[str]] = {}

    javascript = getattr(page, "javascript", True)

    def check_accessible(name: str) -> None:
        found = violations(page, javascript)
        if found:
            failures[name] = found

    _answer_one_section(page, live_server)
    check_accessible("check answers")

    page.get_by_role("link", name="Add names to your document (optional)").click()
    expect(page.locator("h1")).to_have_text("Names on your document")
    check_accessible("names")
    page.get_by_label("Your name (optional)").fill("J" * 301)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("300 characters or fewer")
    expect(page.get_by_label("Your name (optional)")).to_have_value("J" * 301)
    check_accessible("names with an error")
    page.get_by_label("Your name (optional)").fill("Joanna Nowak")
    page.get_by_label("Your children’s names (optional)").fill("Ola and Kuba")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("h1")).to_have_text("Check your answers")

    today = date.today().isoformat()
    for button, extension in (("Download PDF", "pdf"), ("Download Word document", "docx")):
        with page.expect_download() as download:
            page.get_by_role("button", name=button).click()
        assert download.value.suggested_filename == f"meeting-notes-{today}.{extension}"
        assert download.value.failure() is None

    check_url = page.url
    page.get_by_role("button", name="Print").click()
    if javascript:
        # With JavaScript, Print prints the document from check answers, without leaving it.
        for _ in range(100):
            if page.evaluate("window.printed"):
                break
            page.wait_for_timeout(100)
        printed = page.evaluate("window.printed")
        assert printed and "She loves school." in printed[0] and "Joanna Nowak" in printed[0]
        assert page.url == check_url
        page.goto(check_url.replace("/check", "/print"))
    expect(page.locator("h1")).to_have_text("My views for the child protection conference")
    expect(page.get_by_text("Joanna Nowak")).to_be_visible()
    expect(page.get_by_text("She loves school.")).to_be_visible()
    check_accessible("print")
    instruction = page.get_by_text("Use your browser’s Print option")
    expect(instruction).to_be_visible()
    print_button = page.get_by_role("button", name="Print this page")
    # The button needs JavaScript to print, so without it only the instruction shows.
    expect(print_button).to_be_visible() if javascript else expect(print_button).to_be_hidden()

    page.emulate_media(media="print")
    expect(page.locator(".govuk-service-navigation")).to_be_hidden()
    expect(page.locator(".govuk-skip-link")).to_be_hidden()
    expect(page.locator(".govuk-footer")).to_be_hidden()
    expect(page.locator(".govuk-exit-this-page")).to_be_hidden()
    expect(instruction).to_be_hidden()
    expect(print_button).to_be_hidden()
    expect(page.get_by_text("She loves school.")).to_be_visible()
    expect(page.get_by_text("Confidential")).to_be_visible()

    assert not failures, failures
