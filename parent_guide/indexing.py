"""What search engines may index: the public guide pages, unless the deployment says no.

Pages rendered by ``render_cache.render_shared`` are the same for everyone and
may be indexed; every other page (a parent's answers, forms, errors) carries
``noindex``. ``PARENT_GUIDE_NOINDEX=1`` keeps a test deployment out of search
results altogether. ``/robots.txt`` says the same to crawlers.
"""

from __future__ import annotations

import os
from typing import Any

from flask import Flask, Response, current_app, g

from parent_guide.render_cache import SHARED_RENDER

# Pages behind these prefixes belong to one parent; crawlers have no business there.
PRIVATE_PATHS = ("/*/prepare/", "/*/your-guide/")


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
        return {"indexable": bool(g.get(SHARED_RENDER)) and not current_app.config["NOINDEX"]}
