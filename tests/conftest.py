"""Fixtures shared by unit and browser tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from parent_guide import create_app


@pytest.fixture(scope="session")
def app() -> Iterator[Flask]:
    """One app for the session: content is read once, as in production."""
    application = create_app({"TESTING": True})
    with application.app_context():
        yield application


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    """A test client for the session's app."""
    return app.test_client()


def site_urls(app: Flask, locale: str = "en") -> list[str]:
    """Every page a visitor can reach, derived from the content and routes."""
    from flask import url_for

    library = app.extensions["parent_guide.content"][locale]
    with app.test_request_context():
        urls = [
            url_for("main.start", lang_code=locale),
            url_for("guide.contents", lang_code=locale),
            *(url_for("guide.step", lang_code=locale, slug=s.slug) for s in library.steps),
            url_for("guide.glossary", lang_code=locale),
            url_for("guide.print_guide", lang_code=locale),
            *(url_for("main.information", lang_code=locale, slug=p) for p in ("accessibility", "privacy", "cookies")),
        ]
    return urls
