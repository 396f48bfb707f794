"""A full, read-only or restarting database: a clear message, the text kept, and saving works again after.

Tests run as root, so a full or read-only disk is simulated with SQLite's
``max_page_count`` and ``query_only`` and PostgreSQL's
``default_transaction_read_only``; PostgreSQL is stopped and restarted for real
(a throwaway cluster of this module's own, so no other test sees the fault).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, text

from parent_guide.extensions import db
from tests.conftest import csrf_token, make_app
from tests.pages import check_page
from tests.postgres import Cluster, throwaway_server
from tests.unit.prepare.test_views import start_draft

# A new section with a long answer needs new database pages.
SECTION = "/en/prepare/worries"
TEXT = "Words I must not lose. " * 150


def _token(client: FlaskClient) -> str:
    return csrf_token(client.get(SECTION).get_data(as_text=True))


def _refused_with_text_kept(client: FlaskClient, token: str) -> None:
    """Saving fails with the 'not saved' message and the text still in the box; autosave says it failed."""
    response = client.post(SECTION, data={"csrf_token": token, "version": "0", "answer": TEXT})
    assert response.status_code == 503
    soup = check_page(response.get_data(as_text=True))
    assert "Your answer has not been saved" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("textarea[name=answer]").get_text() == TEXT
    autosave = client.post(SECTION + "/autosave", data={"csrf_token": token, "version": "0", "answer": TEXT})
    assert autosave.status_code == 503 and autosave.get_json() == {"status": "failed"}


def _saves_again(client: FlaskClient, token: str) -> None:
    """The same save now goes through, and the text is stored."""
    response = client.post(SECTION, data={"csrf_token": token, "version": "0", "answer": TEXT})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    assert TEXT.strip() in client.get("/en/prepare/check").get_data(as_text=True)


@contextmanager
def _every_connection(app: Flask, pragma: str) -> Iterator[None]:
    """Run a PRAGMA on every SQLite connection (they are per connection) until the block ends."""

    def apply(connection, record) -> None:  # type: ignore[no-untyped-def]
        cursor = connection.cursor()
        cursor.execute(pragma)
        cursor.close()

    with app.app_context():
        engine = db.engine
        engine.dispose()
        event.listen(engine, "connect", apply)
        try:
            yield
        finally:
            event.remove(engine, "connect", apply)
            engine.dispose()


@pytest.fixture()
def sqlite_app(tmp_path: Path) -> Flask:
    """An app on a SQLite file of its own."""
    return make_app(f"sqlite:///{tmp_path / 'faults.sqlite3'}")


def _pages_now(app: Flask) -> int:
    with app.app_context():
        db.session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        return int(db.session.execute(text("PRAGMA page_count")).scalar_one())


def test_sqlite_full(sqlite_app: Flask) -> None:
    """Verify a full SQLite database keeps the text and tells the parent, then saves once there is room."""
    client = sqlite_app.test_client()
    start_draft(client)
    token = _token(client)
    with _every_connection(sqlite_app, f"PRAGMA max_page_count = {_pages_now(sqlite_app)}"):
        _refused_with_text_kept(client, token)
    _saves_again(client, token)


def test_sqlite_read_only(sqlite_app: Flask) -> None:
    """Verify a read-only SQLite database keeps the text and tells the parent, then saves when writable."""
    client = sqlite_app.test_client()
    start_draft(client)
    token = _token(client)
    with _every_connection(sqlite_app, "PRAGMA query_only = ON"):
        _refused_with_text_kept(client, token)
        assert client.get("/en/prepare/").status_code == 200, "reading must still work"
    _saves_again(client, token)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """A PostgreSQL cluster only these tests use, since they break it."""
    with throwaway_server() as server:
        yield server


@pytest.fixture()
def pg_app(cluster: Cluster) -> Iterator[Flask]:
    """An app on the module's cluster."""
    app = make_app(cluster.url)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _set_read_only(app: Flask, on: bool) -> None:
    with app.app_context():
        # Each statement its own transaction, so this connection can write even when the
        # database's default is read-only.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("SET default_transaction_read_only = off"))
            value = "on" if on else "off"
            connection.execute(text(f"ALTER DATABASE postgres SET default_transaction_read_only = {value}"))
        # Pooled connections keep the old setting: start afresh.
        db.engine.dispose()


def test_postgresql_read_only(pg_app: Flask) -> None:
    """Verify a read-only PostgreSQL keeps the text and tells the parent, then saves when writable."""
    client = pg_app.test_client()
    start_draft(client)
    token = _token(client)
    _set_read_only(pg_app, True)
    try:
        _refused_with_text_kept(client, token)
    finally:
        _set_read_only(pg_app, False)
    _saves_again(client, token)


def test_postgresql_stopped_then_back(pg_app: Flask, cluster: Cluster) -> None:
    """Verify saves while PostgreSQL is down keep the text and say so, and work again once it is back."""
    client = pg_app.test_client()
    start_draft(client)
    token = _token(client)
    cluster.stop()
    try:
        _refused_with_text_kept(client, token)
        assert client.get("/en/prepare/").status_code == 503
    finally:
        cluster.start()
    _saves_again(client, token)


def test_postgresql_restart_between_saves(pg_app: Flask, cluster: Cluster) -> None:
    """Verify a restart between two saves (every pooled connection dropped) loses nothing."""
    client = pg_app.test_client()
    start_draft(client)
    token = _token(client)
    assert client.post(SECTION, data={"csrf_token": token, "version": "0", "answer": "Before"}).status_code == 302
    cluster.restart()
    response = client.post(SECTION, data={"csrf_token": token, "version": "1", "answer": TEXT})
    assert response.status_code == 302
    assert TEXT.strip() in client.get("/en/prepare/check").get_data(as_text=True)
