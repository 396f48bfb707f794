"""Security headers: a strict Content Security Policy.

The site makes no third-party requests, so everything is limited to 'self'. The
one inline script (GOV.UK Frontend's "JavaScript is on" flag) is allowed by its
hash, not a per-request nonce, so a page can be the same bytes for everyone
(``render_cache`` keeps them, ``compression`` keeps them compressed). Any new
inline script needs its hash added here.
"""

from __future__ import annotations

import base64
import hashlib

from flask import Flask, Response
from markupsafe import Markup

# Runs before the first paint so styles for JavaScript apply at once (no layout shift).
JS_ENABLED_SCRIPT = Markup(
    "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');"
)
JS_ENABLED_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(JS_ENABLED_SCRIPT.encode()).digest()).decode() + "'"


def _set_headers(response: Response) -> Response:
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; "
        f"script-src 'self' {JS_ENABLED_HASH}; "
        "style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    # Same-origin: other sites never learn which page a parent was on, while our own
    # forms keep the Referer that Flask-WTF's CSRF check requires over HTTPS.
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    return response


def init_app(app: Flask) -> None:
    """Add the headers to every response, and the inline script to templates."""
    app.after_request(_set_headers)
    app.jinja_env.globals["js_enabled_script"] = JS_ENABLED_SCRIPT
