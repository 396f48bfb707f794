"""A section's form page, filled in from a copy of its template rendered once per worker.

Rendering ``prepare/section.html`` is most of what a form page costs (about
3 ms of CPU, most of it the GOV.UK macros). Everything on it except the
parent's answers, the version they started from and the form's CSRF token is
the same for every parent with the same address, area and session state: the
key a shared page has (``render_cache.page_key``). So the page is rendered once
per worker with a marker in each of those places, and each request fills the
markers in: answers escaped exactly as Jinja escapes them, in one pass, so
nothing a parent typed is ever read as a marker.

Only sections whose answers are all character-count boxes are kept this way
(an empty box is drawn as any other, unlike a text input or radios); only a
first showing with no query string (no errors: those are POSTs); and never if
the marked page does not hold each marker exactly once or shows the parent's
resume code. The kept copy holds markers, never a parent's words or token. A
filled page is private like any form page: not compressed, ``no-store``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import current_app, g
from flask_wtf.csrf import generate_csrf
from markupsafe import escape

from parent_guide.forms import CharacterCount
from parent_guide.prepare.forms import SectionForm
from parent_guide.render_cache import marked_copy, page_key, shows_resume_code

TEMPLATE = "prepare/section.html"
TOKEN = "csrf"
VERSION = "version"
# NUL never reaches a page from a parent (``prepare.text.clean`` removes control characters).
_MARKER = "\x00pg:{}\x00"
_MARKERS = re.compile("\x00pg:([a-z_]+)\x00")


def _keepable(form: SectionForm) -> bool:
    return all(isinstance(form[name].widget, CharacterCount) for name in form.answer_fields)


def _marked(form: SectionForm, render: Callable[[SectionForm], str]) -> str | None:
    """The page with markers for answers, version and token; None if it cannot be kept safely."""
    marked = type(form)()
    for name in form.answer_fields:
        marked[name].data = _MARKER.format(name)
    marked.version.data = _MARKER.format(VERSION)
    page = render(marked)
    token = g.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"))
    if not token or page.count(token) != 1:
        return None
    page = page.replace(token, _MARKER.format(TOKEN))
    expected = sorted([*form.answer_fields, VERSION, TOKEN])
    if sorted(_MARKERS.findall(page)) != expected:
        return None
    return None if shows_resume_code(page) else page


def section_page(form: SectionForm, render: Callable[[SectionForm], str]) -> str:
    """``form``'s page as ``render(form)`` would draw it, from the worker's marked copy when it can."""
    page = marked_copy(page_key(TEMPLATE, ("marked",)), lambda: _marked(form, render)) if _keepable(form) else None
    if page is None:
        return render(form)
    values = {name: str(escape(form[name].data or "")) for name in form.answer_fields}
    values[VERSION] = str(escape(form.version.data or ""))
    values[TOKEN] = str(escape(generate_csrf()))
    return _MARKERS.sub(lambda match: values[match.group(1)], page)
