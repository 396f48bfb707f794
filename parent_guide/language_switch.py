"""Where each entry of the language switcher goes: this page, in the other language.

Only what the route itself matched (the language and a slug) is carried over,
never the query string, so nothing a parent typed or chose travels in a link.
A page that cannot be fetched again (a form's POST, an address that matched
no page) switches to the same address when that is a plain path of the site,
otherwise to the start page in the other language.
"""

from __future__ import annotations

import re

from flask import Flask, current_app, request, url_for
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

# A path made of plain segments, such as /cy/guide/what-is-a-conference.
_PLAIN_PATH = re.compile(r"^/[A-Za-z-]+(?:/[a-z0-9-]*)*$")


def _gettable(path: str) -> bool:
    """Whether a GET of ``path`` reaches a page of the site."""
    adapter = current_app.url_map.bind("localhost")
    try:
        adapter.match(path, method="GET")
    except RequestRedirect:
        return True
    except HTTPException:
        return False
    return True


def language_url(code: str) -> str:
    """The address of the current page in language ``code``."""
    endpoint = request.endpoint
    if endpoint and current_app.url_map.is_endpoint_expecting(endpoint, "lang_code"):
        url = url_for(endpoint, **dict(request.view_args or {}, lang_code=code))
        if _gettable(url):
            return url
    parts = request.path.split("/", 2)
    if len(parts) == 3 and _PLAIN_PATH.match(request.path):
        return f"/{code}/{parts[2]}"
    return url_for("main.start", lang_code=code)


def init_app(app: Flask) -> None:
    """Offer :func:`language_url` to templates."""
    app.add_template_global(language_url, "language_url")
