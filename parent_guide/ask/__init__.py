"""Ask a question: a parent's own words matched to vetted answers, with help first when in danger."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, current_app

from parent_guide.ask.entries import load_all
from parent_guide.ask.search import Searcher

bp = Blueprint("ask", __name__)
EXTENSION_KEY = "parent_guide.ask"


def searcher() -> Searcher:
    """The app's question indexes, built at start-up."""
    return current_app.extensions[EXTENSION_KEY]


def init_app(app: Flask, content_url: Any) -> None:
    """Read and check every locale's questions, and build their indexes once."""
    library = app.extensions["parent_guide.content"]
    app.extensions[EXTENSION_KEY] = Searcher(load_all(Path(app.config["CONTENT_DIR"]), library, content_url))


from parent_guide.ask import views  # noqa: E402,F401  (registers the routes)
