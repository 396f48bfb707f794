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

from markupsafe import escape

from parent_guide.render_cache import holds_private_data, marked_copy, page_key

TEMPLATE = "ask/results.html"
# NUL: a question holding this very marker is drawn in full instead.
MARKER = "\x00pg:question\x00"


def _marked(render: Callable[[str], str]) -> str | None:
    """The page with the marker where the question goes; None if it cannot be kept safely."""
    page = render(MARKER)
    return page if page.count(MARKER) == 1 and not holds_private_data(page) else None


def results_html(question: str, found: Hashable, render: Callable[[str], str]) -> str:
    """The page ``render(question)`` would draw, from the worker's marked copy for ``found`` when it can."""
    page = None if MARKER in question else marked_copy(page_key(TEMPLATE, ("marked", found)), lambda: _marked(render))
    if page is None:
        return render(question)
    # str.replace scans the kept page only, so nothing in the question is read as a marker.
    return page.replace(MARKER, str(escape(question)), 1)
