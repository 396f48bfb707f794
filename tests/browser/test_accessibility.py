"""WCAG 2.2 AA sweeps: every page in every state, in every language the site offers.

axe-core finds zero violations on each page and state (no rule is turned
off) at 375px in every language with JavaScript; without JavaScript in
English; at 320px and 1280px in English and Arabic (the right-to-left layout). The 375px
sweep also checks each page's accessibility tree and title; the 320px sweep
checks that nothing is hidden or scrolls sideways (every language is checked
for sideways scrolling at 320px in test_right_to_left). The whole journey is
made without JavaScript too: questions, writing and saving, check answers,
names, the print page, resuming and deleting.

Languages other than these two are left out of the slower sweeps to keep
``make test`` under 20 minutes: their pages use the same templates, and the
language-specific parts (text, direction, fonts) are covered by the 375px
sweep and the 320px sideways check in every language.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from flask import Flask
from playwright.sync_api import Browser

from parent_guide.config import PROJECT_ROOT
from parent_guide.content import discover_locales
from parent_guide.i18n import text_direction
from tests.browser.axe import snapshot_checker, violations
from tests.browser.checks import display_problems, error_prefix, pages_too_wide, structure_problems
from tests.browser.walk import english_and_arabic, every_state, offered_locales

pytestmark = pytest.mark.browser


# The states issue 13 names, each of which every sweep must reach.
REQUIRED_STATES = {
    "section/empty", "section/errors shown", "section/completed", "check answers/completed",
    "print views/completed", "ask results/answered", "ask results/danger, help first",
    "ask results/no good match", "ask results/errors shown", "ask entry/empty",
}


# The languages in the content folder, read when the tests are collected so that each
# language's sweep is its own test (and tests run in parallel share them out evenly).
CONTENT_LOCALES = tuple(discover_locales(PROJECT_ROOT / "content"))
RIGHT_TO_LEFT = tuple(code for code in CONTENT_LOCALES if text_direction(code) == "rtl")
ENGLISH_AND_RTL = ("en", *(("ar",) if "ar" in RIGHT_TO_LEFT else RIGHT_TO_LEFT[:1]))


def _sweeps() -> list:
    """(width, javascript, locale, every page) for each sweep: see the module's docstring."""
    sweeps = [pytest.param(375, True, code, True, id=f"375px-{code}") for code in CONTENT_LOCALES]
    sweeps.append(pytest.param(375, False, "en", True, id="375px-no-js-en"))
    # At 1280px each kind of page is checked once in each state (one step, one
    # question, one section): the content is the same as at 320px, only the layout differs.
    for width, every_page in ((320, True), (1280, False)):
        sweeps += [pytest.param(width, True, code, every_page, id=f"{width}px-{code}") for code in ENGLISH_AND_RTL]
    return sweeps


def test_the_sweeps_cover_every_language_offered(app: Flask) -> None:
    """Verify the 375px sweep runs in every language the app offers, and the wider ones in English and a right-to-left one."""
    assert set(CONTENT_LOCALES) == set(offered_locales(app))
    assert ENGLISH_AND_RTL == english_and_arabic(app)


@pytest.mark.parametrize(("width", "javascript", "locale", "every_page"), _sweeps())
def test_every_page_in_every_state_passes_axe(
    app: Flask, live_server: str, browser: Browser, width: int, javascript: bool, locale: str, every_page: bool
) -> None:
    """Verify zero axe violations on every page and state; at 375px a sound tree and title, at 320px nothing off screen."""
    failures: dict[str, list[str]] = {}
    error_word = error_prefix(app, locale)
    titles: dict[str, set[str]] = defaultdict(set)
    reached: set[str] = set()
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    try:
        with snapshot_checker(browser, width) as checker:
            for visit in every_state(page, live_server, app, locale, every_page=every_page):
                reached.add(f"{visit.template}/{visit.state}")
                found = violations(page, javascript, checker)
                if width == 375 and javascript:
                    found += structure_problems(page, error_word)
                    titles[page.title().removeprefix(error_word)].add(visit.path.split("?")[0])
                if width == 320:
                    found += display_problems(page)
                if found:
                    failures[f"{locale} {visit.name}"] = found
    finally:
        context.close()
    if not REQUIRED_STATES <= reached:
        failures[f"{locale} states not reached"] = sorted(REQUIRED_STATES - reached)
    shared = {title: paths for title, paths in titles.items() if len(paths) > 1}
    if shared:
        failures[f"{locale} titles shared by different pages"] = [f"{t!r}: {sorted(p)}" for t, p in shared.items()]
    assert not failures, "\n\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in failures.items())


def test_local_boxes_do_not_scroll_sideways_at_320px(app: Flask, live_server: str, browser: Browser) -> None:
    """Verify every area's local boxes (long web addresses and emails included) fit a 320px screen."""
    steps = ("who-will-be-there", "your-child", "before-the-conference", "after-the-conference",
             "core-groups-and-reviews", "if-you-disagree", "getting-help")
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    urls = [f"/en/guide/{slug}?area={area}" for area in app.extensions["parent_guide.areas"] for slug in steps]
    try:
        too_wide = pages_too_wide(page, live_server, urls)
    finally:
        context.close()
    assert not too_wide, f"pages wider than 320px: {too_wide}"
