"""The results page of "Ask a question", filled in from a copy rendered once per worker.

Rendering ``ask/results.html`` is about a third of what a question costs. All of
the page but the question in its box depends only on what was found (the help
lines for any danger, the entries matched), the message for a question that
cannot be searched, and what a shared page depends on (``render_cache.page_key``:
the address, the area and the session's state). Many questions find the same
entries, so the page is rendered once for those with a marker where the question
goes, and each request puts the parent's question in its place, escaped as Jinja
escapes it. The kept copy holds the marker, never a question: it is not kept if
the render made a CSRF token, shows the resume code, or holds the marker other
than exactly once. The filled page stays private, as before (``no-store``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from flask import current_app, g, request
from markupsafe import escape

from parent_guide.page_store import PageStore
from parent_guide.render_cache import EXTENSION, page_key, shows_resume_code

TEMPLATE = "ask/results.html"
# NUL: a question holding this very marker is drawn in full instead.
MARKER = "\x00pg:question\x00"


def _keepable(page: str) -> bool:
    token_made = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token") in g
    return page.count(MARKER) == 1 and not token_made and not shows_resume_code(page)


def results_html(question: str, found: Hashable, render: Callable[[str], str]) -> str:
    """The page ``render(question)`` would draw, from the worker's marked copy for ``found`` when it can."""
    pages: PageStore[str] = current_app.extensions[EXTENSION]
    if pages.size <= 0 or request.args or MARKER in question:
        return render(question)
    key = page_key(TEMPLATE, ("marked", found))
    page = pages.get(key)
    if page is None:
        page = render(MARKER)
        if not _keepable(page):
            return render(question)
        pages.put(key, page)
    # str.replace scans the kept page only, so nothing in the question is read as a marker.
    return page.replace(MARKER, str(escape(question)), 1)
