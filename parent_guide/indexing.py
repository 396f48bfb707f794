"""What search engines may index: every page a stranger would see the same, unless the deployment says no.

Pages rendered by ``render_cache.render_shared`` (the start page, the guide,
the glossary) are the same for everyone and may be indexed, and so may the
pages of ``INDEXABLE_ENDPOINTS``: "Ask a question", its answers and the
tailoring questions. A crawler has no session, so on those it sees only the
empty box or the unanswered question; ``noindex`` would protect nothing there
(a parent's question and answers are kept from the cache by ``no-store``, not
by ``noindex``), and a parent searching the web is better off finding them.

Every other page (a parent's views, their resume code, their timeline, their
documents, errors) carries ``noindex``, and ``/robots.txt`` keeps crawlers out
of them. ``PARENT_GUIDE_NOINDEX=1`` keeps a test deployment out of search
results altogether.
"""

from __future__ import annotations

import os
from typing import Any

from flask import Flask, Response, current_app, g, request

from parent_guide.render_cache import SHARED_RENDER

INDEXABLE_ENDPOINTS = frozenset({"ask.ask", "ask.answer", "ask.entry", "tailor.ask"})
# A parent's own pages: their views and documents, their timeline and its calendar file.
# ("$" ends a rule, so the tailoring questions under /your-guide/questions/ stay crawlable.)
PRIVATE_PATHS = ("/*/prepare/", "/*/your-guide/$", "/*/your-guide/calendar.ics", "/*/session-ended")


def _robots_txt() -> Response:
    if current_app.config["NOINDEX"]:
        lines = ["User-agent: *", "Disallow: /"]
    else:
        lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE_PATHS)]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


def init_app(app: Flask) -> None:
    """Read the setting, tell templates whether the page may be indexed, serve /robots.txt."""
    app.config.setdefault("NOINDEX", os.environ.get("PARENT_GUIDE_NOINDEX", "0") == "1")
    app.add_url_rule("/robots.txt", "robots_txt", _robots_txt)

    @app.context_processor
    def indexing_context() -> dict[str, Any]:
        public = bool(g.get(SHARED_RENDER)) or request.endpoint in INDEXABLE_ENDPOINTS
        return {"indexable": public and not current_app.config["NOINDEX"]}
