"""Pages that are the same for every parent in the same place, rendered once per worker.

A guide step, the contents, the glossary, the start and information pages depend
only on the address (which holds the language), the parent's area, a few facts
the view derives from the tailoring answers (``vary``, such as "step 6 of 20")
and what the layout shows about the session (``session_safety``: whether it
holds the parent's things, so the page carries the idle time limit; whether it
just timed out; whether the note on leaving shows) and today's date.
Rendering their templates is most of the CPU a page costs, so each worker
keeps the rendered HTML in a small least-recently-used store.

What is never kept: a page asked for with a query string (share links, whose
number is unbounded), and any render that made a CSRF token or holds the
parent's resume code, in case a template one day shows something of the
parent's own. Pages that hold nothing private are marked public, so they may be
compressed, and a kept page's compressed bytes are kept too (``compression``).
A section of the preparation form keeps only a copy with markers where the
parent's answers go (``prepare.section_page``).
The pages carry no per-request nonce (see ``security``), so a kept page is
sent exactly as it was rendered.

``PARENT_GUIDE_RENDER_CACHE_SIZE`` sets how many pages a worker keeps (0 turns
the store off).
"""

from __future__ import annotations

import os
from datetime import date
from collections.abc import Callable, Hashable

from flask import Flask, current_app, g, render_template, request
from markupsafe import Markup

from parent_guide.compression import mark_public
from parent_guide.drafts import codes
from parent_guide.drafts.session import current_code
from parent_guide.i18n import current_locale
from parent_guide.page_store import PageStore
from parent_guide.session_safety import safety_context
from parent_guide.tailoring import current_area

# Set while a shared page renders: such a page may be indexed (see ``indexing``).
SHARED_RENDER = "shared_render"
EXTENSION = "parent_guide.render_cache"
FRAGMENTS = "parent_guide.shared_fragments"


def shows_resume_code(page: str) -> bool:
    """Whether ``page`` shows this browser's resume code, in either form."""
    code = current_code()
    return code is not None and (code in page or codes.display(code) in page)


def holds_private_data(page: str) -> bool:
    """Whether rendering ``page`` made a CSRF token, or it shows the resume code: never to be kept."""
    if current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token") in g:
        return True
    return shows_resume_code(page)


def page_key(template: str, vary: Hashable = ()) -> Hashable:
    """What a page's template output depends on besides its context: address, area, layout, day."""
    area = current_area()
    layout = tuple(sorted(safety_context().items()))
    # Today's date too: a template may mark a council leaflet as out of date.
    return (template, request.path, area.id if area else None, layout, date.today(), vary)


def render_shared(template: str, vary: Hashable = (), **context: object) -> str:
    """Render ``template`` for this address, area and ``vary``, or reuse the worker's copy."""
    pages: PageStore[str] = current_app.extensions[EXTENSION]
    key = page_key(template, vary)
    shareable = not request.args
    page = pages.get(key) if shareable else None
    if page is None:
        g.setdefault(SHARED_RENDER, True)
        page = render_template(template, **context)
        if holds_private_data(page):
            return page
        if shareable:
            pages.put(key, page)
    mark_public(key if shareable else None)
    return page


def marked_copy(key: Hashable, make: Callable[[], str | None]) -> str | None:
    """The worker's copy of a page with markers where a parent's own words go, made by ``make`` once.

    ``make`` returns None when a copy cannot be kept safely; None is returned too
    when the store is off or the address has a query string. The caller fills the
    markers in on every request (``prepare.section_page``, ``ask.results_page``).
    """
    pages: PageStore[str] = current_app.extensions[EXTENSION]
    if pages.size <= 0 or request.args:
        return None
    page = pages.get(key)
    if page is None:
        page = make()
        if page is not None:
            pages.put(key, page)
    return page


def shared_fragment(template: str, **values: Hashable) -> Markup:
    """A part of every page (the header, the footer, the exit button), rendered once per worker.

    Pages with a parent's words cannot be kept whole, but their header and footer
    are the same for everyone: ``template`` is rendered with only the page's
    language and ``values`` (and Jinja's globals, such as ``url_for`` and
    gettext), so it may depend on nothing else, and is kept under those.
    """
    fragments: PageStore[Markup] = current_app.extensions[FRAGMENTS]
    locale = current_locale()
    key = (template, locale, request.script_root, tuple(sorted(values.items())))
    html = fragments.get(key)
    if html is None:
        # Our own template's output, autoescaped as every .html template is.
        html = Markup(current_app.jinja_env.get_template(template).render(lang_code=locale, **values))  # nosec B704
        fragments.put(key, html)
    return html


def init_app(app: Flask) -> None:
    """Give the app its page and fragment stores, sized from the environment."""
    app.config.setdefault("RENDER_CACHE_SIZE", int(os.environ.get("PARENT_GUIDE_RENDER_CACHE_SIZE", "512")))
    app.extensions[EXTENSION] = PageStore(app.config["RENDER_CACHE_SIZE"])
    app.extensions[FRAGMENTS] = PageStore(min(app.config["RENDER_CACHE_SIZE"], 256))
    app.jinja_env.globals["shared_fragment"] = shared_fragment
