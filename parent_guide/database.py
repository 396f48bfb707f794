"""The database: SQLite in the instance folder by default, PostgreSQL via DATABASE_URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from parent_guide.config import PROJECT_ROOT
from parent_guide.extensions import db, migrate

MIGRATIONS = PROJECT_ROOT / "migrations"


def database_uri(app: Flask) -> str:
    """The SQLAlchemy URI: DATABASE_URL with the psycopg 3 driver, else SQLite."""
    url: str = app.config.get("DATABASE_URL") or ""
    if not url:
        return f"sqlite:///{Path(app.instance_path) / 'parent_guide.sqlite3'}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(connection: Any, record: Any) -> None:
    cursor = connection.cursor()
    # WAL lets readers carry on while a parent's answer is written.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Deleted answers are overwritten with zeros, not just marked free.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def init_app(app: Flask) -> None:
    """Attach SQLAlchemy and Alembic (through Flask-Migrate) to ``app``."""
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", database_uri(app))
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS))
    with app.app_context():
        engine: Engine = db.engine
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
