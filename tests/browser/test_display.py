"""Nothing hidden or cut off however a parent sets their screen: text spacing, 200% text, reduced motion, forced colours."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from flask import Flask
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.browser.checks import TEXT_SPACING, add_styles, display_problems, double_text_size
from tests.browser.walk import english_and_arabic, every_state

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
LAPTOP = {"width": 1280, "height": 800}


def _forced_colours(scheme: str) -> Callable[[Page], list[str]]:
    def check(page: Page) -> list[str]:
        page.emulate_media(forced_colors="active", color_scheme=scheme)  # type: ignore[arg-type]
        try:
            return display_problems(page)
        finally:
            page.emulate_media(forced_colors="none", color_scheme="light")

    return check


def _reduced_motion(page: Page) -> list[str]:
    page.emulate_media(reduced_motion="reduce")
    try:
        moving = page.evaluate("() => document.getAnimations().filter((a) => a.playState === 'running').length")
        return display_problems(page) + ([f"{moving} animations running"] if moving else [])
    finally:
        page.emulate_media(reduced_motion="no-preference")


def _text_spacing(page: Page) -> list[str]:
    add_styles(page, TEXT_SPACING)
    try:
        return display_problems(page)
    finally:
        page.evaluate("() => { document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1); }")


def _double_text(page: Page) -> list[str]:
    page.set_viewport_size(LAPTOP)
    double_text_size(page)
    try:
        return display_problems(page)
    finally:
        page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
        page.set_viewport_size(PHONE)


MODES: dict[str, Callable[[Page], list[str]]] = {
    "forced colours, dark": _forced_colours("dark"),
    "forced colours, light": _forced_colours("light"),
    "reduced motion": _reduced_motion,
    "WCAG 1.4.12 text spacing": _text_spacing,
    "200% text on a laptop": _double_text,
}


def test_every_kind_of_page_in_every_display_setting(app: Flask, live_server: str, browser: Browser) -> None:
    """Verify each kind of page, in each state, keeps every control on screen and nothing cut off in each setting."""
    failures = {}
    for locale in english_and_arabic(app):
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        try:
            for visit in every_state(page, live_server, app, locale, every_page=False):
                for mode, check in MODES.items():
                    found = check(page)
                    if found:
                        failures[f"{locale} {visit.name}, {mode}"] = found
        finally:
            context.close()
    assert not failures, "\n\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in failures.items())


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_qr_code_stays_dark_on_light_in_forced_colours(live_server: str, browser: Browser, scheme: str) -> None:
    """Verify the QR code keeps dark squares on a light ground, which a camera can read, in a contrast theme."""
    context = browser.new_context(viewport=PHONE, forced_colors="active", color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(live_server + "/en/prepare/")
    page.get_by_role("button", name="Start writing").click()
    page.goto(live_server + "/en/prepare/continue-elsewhere")
    qr = page.locator("svg.app-qr")
    expect(qr).to_be_visible()
    image = Image.open(io.BytesIO(qr.screenshot())).convert("L")
    counts = image.histogram()
    dark = sum(counts[:80]) / sum(counts)
    light = sum(counts[176:]) / sum(counts)
    context.close()
    assert image.getpixel((2, 2)) > 175, "the quiet zone around the code must be light"
    assert 0.15 < dark < 0.6 and light > 0.35, f"dark {dark:.0%}, light {light:.0%}"
