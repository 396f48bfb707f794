"""What a tester checks on every page: structure from the accessibility tree, and what is on screen."""

from __future__ import annotations

import re
from collections import Counter

from flask import Flask
from flask_babel import force_locale, gettext
from playwright.sync_api import Page

_NODE = re.compile(r'^(?P<indent>\s*)- (?P<role>[a-z]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?(?P<rest>.*)$')
LANDMARKS = ("banner", "main", "contentinfo", "navigation", "region", "complementary", "search", "form")
CONTROLS = ("link", "button", "textbox", "checkbox", "radio", "combobox", "spinbutton", "switch", "slider")


def _unquote(line: str) -> str:
    """A snapshot line whose entry YAML had to quote (it holds ": "), unquoted."""
    indent, dash, entry = line.partition("- ")
    if entry.startswith("'") and entry.rstrip(":").endswith("'"):
        entry = entry.rstrip(":")[1:-1].replace("''", "'")
    return indent + dash + entry


def error_prefix(app: Flask, locale: str) -> str:
    """The translated "Error" that starts the title of a page showing errors."""
    with app.test_request_context(), force_locale(locale):
        return gettext("Error") + ": "


def structure_problems(page: Page, error_word: str) -> list[str]:
    """Problems in the page's accessibility tree and title, as a screen reader meets them.

    One h1, with the area bar after it; one banner, main and contentinfo; every
    navigation and region named, no two landmarks with the same name; every
    control named; the skip link first; the title "[page] – [site name]", with the error prefix exactly
    when an error summary shows.
    """
    problems = []
    nodes = [m.groupdict() for m in map(_NODE.match, map(_unquote, page.locator("body").aria_snapshot().splitlines())) if m]
    roles = Counter(n["role"] for n in nodes)
    h1s = [n for n in nodes if n["role"] == "heading" and "[level=1]" in n["rest"]]
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} level-1 headings")
    for landmark in ("banner", "main", "contentinfo"):
        if roles[landmark] != 1:
            problems.append(f"{roles[landmark]} {landmark} landmarks")
    named = [(n["role"], n["name"]) for n in nodes if n["role"] in LANDMARKS]
    for role, name in named:
        if role in ("navigation", "region") and not name:
            problems.append(f"unnamed {role}")
    names = Counter(name for _, name in named if name)
    problems += [f"{count} landmarks named {name!r}" for name, count in names.items() if count > 1]
    problems += [f"unnamed {n['role']}" for n in nodes if n["role"] in CONTROLS and not n["name"]]
    first = page.evaluate(
        "() => document.querySelector('a[href], button, input:not([type=hidden]), select, textarea, summary')?.className"
    )
    if "govuk-skip-link" not in (first or ""):
        problems.append(f"first focusable element is {first!r}, not the skip link")
    area_first = page.evaluate(
        "() => { const bar = document.querySelector('.app-area-bar'), h1 = document.querySelector('h1');"
        " return Boolean(bar && h1 && bar.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING); }"
    )
    if area_first:
        problems.append("the area bar comes before the h1")
    site_name = page.locator(".govuk-service-navigation__service-name").inner_text().strip()
    title = page.title()
    what, dash, site = title.rpartition(" – ")
    if not (dash and site == site_name and what.strip()):
        problems.append(f"title {title!r} is not '[page] – {site_name}'")
    errors_shown = page.locator(".govuk-error-summary").count() > 0
    if errors_shown != title.startswith(error_word):
        problems.append(f"title {title!r} {'lacks' if errors_shown else 'has'} {error_word!r}")
    return problems


# Runs in the page: anything a parent cannot see or reach, or a page wider than the screen.
_ON_SCREEN = """
() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width + 1) problems.push(`scrolls sideways: ${scrollWidth}px on a ${width}px screen`);
  const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
  // Hidden by design: the skip link until focused, closed menus, details and dialogs, conditional questions not chosen.
  const hiddenByDesign = '[hidden], .govuk-visually-hidden, .govuk-skip-link, .govuk-radios__conditional--hidden, .govuk-checkboxes__conditional--hidden, details:not([open]) > :not(summary), dialog:not([open]), .app-print-only';
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
    if (el.closest(hiddenByDesign)) continue;
    const box = el.getBoundingClientRect();
    if (!el.checkVisibility({ visibilityProperty: true })) problems.push(`hidden: ${describe(el)}`);
    else if (box.width < 1 || box.height < 1) problems.push(`no size: ${describe(el)}`);
    else if (box.left < -1 || box.right > width + 1) problems.push(`off the side of the screen: ${describe(el)}`);
  }
  // Text cut off by a box that hides what overflows it.
  for (const el of document.querySelectorAll('main *, header *, footer *')) {
    // Form fields scroll what is typed in them by design.
    if (el.closest(hiddenByDesign) || el.matches('input, textarea, select')) continue;
    const style = getComputedStyle(el);
    if (!['hidden', 'clip'].includes(style.overflowX) && !['hidden', 'clip'].includes(style.overflowY)) continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) problems.push(`cut off: ${describe(el)}`);
  }
  return problems;
}
"""


def display_problems(page: Page) -> list[str]:
    """Controls hidden, without size or off the side of the screen; text cut off; sideways scrolling."""
    return page.evaluate(_ON_SCREEN)


# WCAG 1.4.12 text spacing: line height 1.5, paragraph spacing 2, letter 0.12 and word 0.16 times the font size.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)


def add_styles(page: Page, css: str) -> None:
    """Add a style sheet the way a reader's own style sheet or bookmarklet would (allowed by the CSP)."""
    page.evaluate(
        "(css) => { const s = new CSSStyleSheet(); s.replaceSync(css);"
        " document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }",
        css,
    )


def double_text_size(page: Page) -> None:
    """Text at 200%, as a browser's text-size setting does (the styles are in rem)."""
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")


def pages_too_wide(page: Page, base: str, urls: list[str], width: int = 320) -> dict[str, int]:
    """Each of ``urls`` whose page scrolls sideways in ``page`` (set to ``width`` wide), with its scroll width."""
    too_wide = {}
    for url in urls:
        page.goto(base + url)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide[url] = scroll
    return too_wide
