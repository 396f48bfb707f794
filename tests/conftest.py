"""Fixtures shared by unit and browser tests."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

# Before the app is imported: the tests, and any server they start, run as development.
os.environ["PARENT_GUIDE_ENV"] = "development"

import pytest  # noqa: E402
from flask import Flask, url_for
from flask.testing import FlaskClient
from flask_migrate import upgrade

from parent_guide import create_app
from parent_guide.extensions import db
from parent_guide.main.views import INFORMATION_PAGES
from tests.postgres import throwaway_cluster
from tests.redis_server import throwaway_redis


def make_app(database_url: str, **settings: object) -> Flask:
    """An app on ``database_url`` with the schema made by the real migrations."""
    application = create_app({"TESTING": True, "DATABASE_URL": database_url, **settings})
    with application.app_context():
        upgrade()
    return application


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """One app for the session on a SQLite file: content is read once, as in production."""
    database = tmp_path_factory.mktemp("db") / "parent_guide.sqlite3"
    yield make_app(f"sqlite:///{database}")


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    """A test client for the session's app."""
    return app.test_client()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server: TEST_DATABASE_URL, or a throwaway cluster."""
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        yield given
        return
    with throwaway_cluster() as url:
        yield url


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real Redis server for shared rate limits: TEST_REDIS_URL, or a throwaway one."""
    given = os.environ.get("TEST_REDIS_URL")
    if given:
        yield given
        return
    with throwaway_redis() as url:
        yield url


@pytest.fixture()
def redis_limits(redis_url: str) -> dict[str, object]:
    """Settings that turn rate limits on, counted in Redis under a prefix of this test's own."""
    return {"RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": redis_url, "RATELIMIT_KEY_PREFIX": uuid.uuid4().hex}


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def any_db_app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The app on SQLite and on PostgreSQL in turn, each migrated from empty."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'drafts.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    application = make_app(url)
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def csrf_token(html: str) -> str:
    """The CSRF token in a page's form."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    assert match, "no CSRF token on the page"
    return match.group(1)


def site_urls(app: Flask, locale: str = "en") -> list[str]:
    """Every page a visitor can reach without a draft, derived from the content and routes."""
    library = app.extensions["parent_guide.content"][locale]
    with app.test_request_context():
        urls = [
            url_for("main.start", lang_code=locale),
            url_for("guide.contents", lang_code=locale),
            *(url_for("guide.step", lang_code=locale, slug=s.slug) for s in library.steps),
            url_for("guide.glossary", lang_code=locale),
            url_for("guide.print_guide", lang_code=locale),
            *(url_for("main.information", lang_code=locale, slug=p) for p in INFORMATION_PAGES),
            url_for("main.languages", lang_code=locale),
            url_for("prepare.tasks", lang_code=locale),
            url_for("prepare.resume", lang_code=locale),
            url_for("ask.ask", lang_code=locale),
            url_for("ask.entry", lang_code=locale, entry_id="will-they-take-my-kids"),
        ]
    return urls


def english_only_content(destination: Path) -> Path:
    """A copy of the content with English as its only language: for a test that adds a language as new."""
    import shutil

    from parent_guide.config import PROJECT_ROOT
    from parent_guide.content import discover_locales

    others = [code for code in discover_locales(PROJECT_ROOT / "content") if code != "en"]
    shutil.copytree(PROJECT_ROOT / "content", destination, ignore=lambda folder, names: [n for n in names if n in others and Path(folder) == PROJECT_ROOT / "content"])
    return destination


def translations_without(tmp_path: Path, *locales: str) -> Path:
    """A copy of the catalogues without ``locales``: for a test that adds one of them as a new, untranslated language."""
    import shutil

    from parent_guide.config import PROJECT_ROOT

    copy = tmp_path / "translations"
    shutil.copytree(PROJECT_ROOT / "translations", copy, ignore=shutil.ignore_patterns(*locales))
    return copy
