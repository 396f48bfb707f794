"""Styled error pages in the current language, each with a way back."""

from __future__ import annotations

from flask import Flask, render_template
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound, TooManyRequests


def _not_found(error: NotFound) -> ResponseReturnValue:
    return render_template("errors/404.html"), 404


def _server_error(error: InternalServerError) -> ResponseReturnValue:
    return render_template("errors/500.html"), 500


def _too_many_requests(error: TooManyRequests) -> ResponseReturnValue:
    return render_template("errors/429.html"), 429


def _other_http_error(error: HTTPException) -> ResponseReturnValue:
    return render_template("errors/generic.html", error=error), error.code or 500


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(NotFound, _not_found)
    app.register_error_handler(InternalServerError, _server_error)
    app.register_error_handler(TooManyRequests, _too_many_requests)
    app.register_error_handler(HTTPException, _other_http_error)
