"""Which host names the site answers to, and absolute links that never use a foreign one.

A forged ``Host`` header must not end up in a share link or QR code. Only the
host of ``PARENT_GUIDE_PUBLIC_URL`` and ``PARENT_GUIDE_TRUSTED_HOSTS`` are
answered; with neither set (``make run``), only this machine's own names.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import SecurityError

LOCAL_HOSTS = ("localhost", "127.0.0.1")


def trusted_hosts(public_url: str, extra: list[str]) -> list[str]:
    """The host names to answer: the public URL's host and any extra ones, else local only."""
    hosts = [urlsplit(public_url).hostname or ""] if public_url else []
    hosts += extra
    return [h for h in hosts if h] or list(LOCAL_HOSTS)


def external_url(endpoint: str, **values: Any) -> str:
    """An absolute link for sharing: on the configured public address when there is one."""
    public = current_app.config["PUBLIC_URL"]
    if not public:
        # The request's host has passed the trusted-hosts check to get here.
        return url_for(endpoint, _external=True, **values)
    return public + url_for(endpoint, **values)


def _check_host_first() -> None:
    # Before CSRF checks or share links run: their error pages would build URLs.
    if isinstance(request.routing_exception, SecurityError):
        raise request.routing_exception


def _refuse_host(error: SecurityError) -> ResponseReturnValue:
    # No URL can be built for an untrusted host, so this page links nowhere.
    return render_template("errors/unknown_host.html"), 400


def init_app(app: Flask) -> None:
    """Trust only the known hosts, and answer others with a page that builds no URLs (call first)."""
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config["PUBLIC_URL"], app.config["EXTRA_TRUSTED_HOSTS"])
    app.before_request(_check_host_first)
    app.register_error_handler(SecurityError, _refuse_host)
