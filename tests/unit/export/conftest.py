"""Fixtures shared by the document routes' tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from tests.conftest import make_app


@pytest.fixture()
def broken_app(tmp_path: Path) -> Flask:
    """An app of its own, so a test may break its database for real."""
    return make_app(f"sqlite:///{tmp_path / 'broken.sqlite3'}")
