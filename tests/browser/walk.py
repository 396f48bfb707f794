"""Open every page of the site in each of its states, in any language, for sweeps to check.

The walk finds its way by the page's structure (the form's first button, the
first radio), not by English words, so it runs in every language the site
offers. Pages come from the content and the routes, so a new step, question or
section is swept without touching the tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from flask import Flask, url_for
from playwright.sync_api import Page, expect

from parent_guide.i18n import text_direction
from parent_guide.main.views import INFORMATION_PAGES
from parent_guide.tailor.questions import asked

TOO_LONG = "x" * 5001
SUBMIT = "main form .govuk-button[type=submit]"


@dataclass(frozen=True)
class Visit:
    """One page in one state: ``template`` names the kind of page, ``state`` what is on it."""

    template: str
    state: str
    path: str

    @property
    def name(self) -> str:
        """For failure messages."""
        return f"{self.template} ({self.state}) {self.path}"


def offered_locales(app: Flask) -> tuple[str, ...]:
    """Every language the site offers, from the content folders."""
    return app.extensions["parent_guide.content"].locales


def right_to_left(app: Flask) -> tuple[str, ...]:
    """The offered languages written right to left."""
    return tuple(code for code in offered_locales(app) if text_direction(code) == "rtl")


def english_and_arabic(app: Flask) -> tuple[str, ...]:
    """English, and Arabic standing for the right-to-left languages (another one when Arabic is not offered)."""
    rtl = right_to_left(app)
    return ("en", *(("ar",) if "ar" in rtl else rtl[:1]))


def _urls(app: Flask, locale: str) -> dict[str, object]:
    library = app.extensions["parent_guide.content"][locale]
    with app.test_request_context():
        return {
            "start": url_for("main.start", lang_code=locale),
            "contents": url_for("guide.contents", lang_code=locale),
            "steps": [url_for("guide.step", lang_code=locale, slug=s.slug) for s in library.steps],
            "glossary": url_for("guide.glossary", lang_code=locale),
            "print guide": url_for("guide.print_guide", lang_code=locale),
            "information": [url_for("main.information", lang_code=locale, slug=p) for p in INFORMATION_PAGES],
            "not found": url_for("guide.step", lang_code=locale, slug="no-such-step"),
            "ask": url_for("ask.ask", lang_code=locale),
            "ask entry": url_for("ask.entry", lang_code=locale, entry_id=next(iter(app.extensions["parent_guide.ask"].locales["en"].entries))),
            "questions": [
                url_for("tailor.ask", lang_code=locale, slug=q.slug)
                for q in asked(bool(app.config.get("PINNED_AREA")))
            ],
            "summary": url_for("tailor.summary", lang_code=locale),
            "tasks": url_for("prepare.tasks", lang_code=locale),
            "sections": [url_for("prepare.section", lang_code=locale, slug=s.slug) for s in library.prepare],
            "check": url_for("prepare.check", lang_code=locale),
            "names": url_for("export.names", lang_code=locale),
            "print views": url_for("export.print_views", lang_code=locale),
            "continue elsewhere": url_for("prepare.continue_elsewhere", lang_code=locale),
            "resume": url_for("prepare.resume", lang_code=locale),
            "delete": url_for("prepare.delete", lang_code=locale),
        }


def ask_questions(app: Flask, locale: str) -> dict[str, str]:
    """A question of each kind for the ask results page: answered (in the locale's words when it has entries), danger, no good match."""
    asks = app.extensions["parent_guide.ask"].locales
    entries = (asks.get(locale) or asks["en"]).entries
    return {
        "answered": next(iter(entries.values())).phrasings[0],
        "danger, help first": "he hits me",
        "no good match": "zzqx plorb vintage carburettor",
    }


def _ask(page: Page, question: str) -> None:
    """Ask from the question box in the page's search landmark, as a parent would."""
    box = page.locator("form[role=search]").first
    box.locator("[name=question]").fill(question)
    # The page asked from has a heading too: wait for the answer page itself to load,
    # or the checks can run on a page half replaced.
    with page.expect_navigation():
        box.locator("button").first.click()
    expect(page.locator("main h1")).to_be_visible()


def _answer_question(page: Page) -> None:
    """Give the first answer on a question page, or a date a few weeks ahead."""
    day = page.locator("#date-day")
    if day.count():
        day.fill("14")
        page.locator("#date-month").fill("12")
        page.locator("#date-year").fill("2026")
    else:
        page.locator("main form input[type=radio], main form input[type=checkbox]").first.check()
    page.locator(SUBMIT).first.click()


def _fill_section(page: Page, text: str) -> None:
    """Answer every field of a form section that is showing."""
    form = page.locator("#section-form")
    groups = form.locator(".govuk-radios")
    for index in range(groups.count()):
        groups.nth(index).locator("input[type=radio]").first.check()
    for box in form.locator("textarea, input[type=text]").all():
        if box.is_visible():
            box.fill(text)


def every_state(
    page: Page, live_server: str, app: Flask, locale: str = "en", *, every_page: bool = True
) -> Iterator[Visit]:
    """Open each page and state in turn, yielding once each is showing.

    With ``every_page`` off, only the first of each kind of page is yielded
    (one step, one question, one section), for checks that depend only on the
    template; the journey in between is still made, so later pages have their data.
    """
    urls = _urls(app, locale)
    seen: set[str] = set()

    def visit(template: str, state: str) -> Iterator[Visit]:
        key = f"{template}/{state}"
        if every_page or key not in seen:
            seen.add(key)
            yield Visit(template, state, page.url.removeprefix(live_server))

    def open_page(url: object, template: str, state: str = "empty", needed: bool = False) -> Iterator[Visit]:
        """Open a page, unless it would not be yielded and the journey does not need it."""
        if needed or every_page or f"{template}/{state}" not in seen:
            page.goto(f"{live_server}{url}")
            yield from visit(template, state)

    yield from open_page(urls["start"], "start")
    yield from open_page(urls["contents"], "contents")
    # Every step is swept after tailoring, with the area's own details; before it, one stands for all.
    yield from open_page(urls["steps"][0], "step", "before tailoring")  # type: ignore[index]
    yield from open_page(urls["glossary"], "glossary")
    yield from open_page(urls["print guide"], "print guide")
    for url in urls["information"]:  # type: ignore[attr-defined]
        yield from open_page(url, "information")
    page.goto(f"{live_server}{urls['not found']}")
    yield from visit("not found", "error")
    yield from open_page(urls["ask"], "ask", needed=True)
    for state, question in ask_questions(app, locale).items():
        _ask(page, question)
        yield from visit("ask results", state)
    _ask(page, " ")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    yield from visit("ask results", "errors shown")
    yield from open_page(urls["ask entry"], "ask entry")

    yield from open_page(urls["summary"], "summary", "no answers")
    for url in urls["questions"]:  # type: ignore[attr-defined]
        page.goto(f"{live_server}{url}")
        template = "date question" if page.locator("#date-day").count() else "question"
        yield from visit(template, "empty")
        page.locator(SUBMIT).first.click()
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        yield from visit(template, "errors shown")
        _answer_question(page)
    expect(page.locator(".app-timeline")).to_be_visible()
    yield from visit("summary", "answered, with a timeline")
    for url in urls["steps"]:  # type: ignore[attr-defined]
        yield from open_page(url, "step", "after tailoring")

    yield from open_page(urls["tasks"], "tasks", "no answers", needed=True)
    page.locator(SUBMIT).first.click()
    expect(page.locator(".app-code").first).to_be_visible()
    yield from visit("tasks", "started")
    for number, url in enumerate(urls["sections"]):  # type: ignore[arg-type]
        yield from open_page(url, "section", needed=True)
        if number == 0:
            page.locator("#section-form textarea").first.fill(TOO_LONG)
            page.locator(SUBMIT).first.click()
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            yield from visit("section", "errors shown")
        _fill_section(page, f"Answer {number + 1}")
        # The form may wait for an autosave under way before it goes: wait for it to go.
        with page.expect_navigation():
            page.locator(SUBMIT).first.click()
    yield from open_page(urls["sections"][0], "section", "completed")  # type: ignore[index]
    yield from open_page(urls["tasks"], "tasks", "completed")
    yield from open_page(urls["check"], "check answers", "completed")
    yield from open_page(urls["names"], "names", needed=True)
    page.locator("main form input[type=text]").first.fill("J" * 301)
    page.locator(SUBMIT).first.click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    yield from visit("names", "errors shown")
    page.locator("main form input[type=text]").first.fill("Joanna Nowak")
    page.locator(SUBMIT).first.click()
    yield from open_page(urls["print views"], "print views", "completed")
    yield from open_page(urls["continue elsewhere"], "continue elsewhere")
    yield from open_page(urls["resume"], "resume", needed=True)
    page.locator("main form input[type=text]").first.fill("not-a-code")
    page.locator(SUBMIT).first.click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    yield from visit("resume", "errors shown")
    yield from open_page(urls["delete"], "delete", needed=True)
    page.locator(SUBMIT).first.click()
    expect(page.locator(".app-code")).to_have_count(0)
    yield from visit("deleted", "done")
