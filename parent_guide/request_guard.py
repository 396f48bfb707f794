"""Refuse request bodies the site never asks for, before any form reads them.

Every form here, and the autosave script, sends ``application/x-www-form-urlencoded``;
the idle-time script's keep-alive sends no body at all.
Anything else (JSON, which Flask-WTF would read as form data; multipart with
files; other types) is refused with 415, and a body over ``MAX_CONTENT_LENGTH``
with 413, each with a page in the parent's language (JSON for the autosave script).
"""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge, UnsupportedMediaType

FORM_TYPE = "application/x-www-form-urlencoded"
# Endpoints answered in JSON, for the script that calls them.
JSON_ENDPOINTS = frozenset({"prepare.autosave", "safety.keepalive"})


def _has_body() -> bool:
    return bool(request.content_length) or request.headers.get("Transfer-Encoding", "").lower() == "chunked"


def refuse_unexpected_body() -> None:
    """Stop a request whose body is not a plain form before anything parses it."""
    if request.mimetype == FORM_TYPE or (not request.mimetype and not _has_body()):
        return
    if request.method in ("GET", "HEAD", "OPTIONS") and not _has_body():
        return
    raise UnsupportedMediaType()


def _refused(error: HTTPException, template: str) -> ResponseReturnValue:
    status = error.code or 400
    if request.endpoint in JSON_ENDPOINTS:
        return jsonify(status="failed"), status
    return render_template(template), status


def _too_large(error: RequestEntityTooLarge) -> ResponseReturnValue:
    return _refused(error, "errors/413.html")


def _unsupported(error: UnsupportedMediaType) -> ResponseReturnValue:
    return _refused(error, "errors/415.html")


def init_app(app: Flask) -> None:
    """Check bodies first of all (call before CSRF protection is attached), with friendly refusals."""
    app.before_request(refuse_unexpected_body)
    app.register_error_handler(RequestEntityTooLarge, _too_large)
    app.register_error_handler(UnsupportedMediaType, _unsupported)
