"""The step-by-step guide: contents, steps, glossary and the print version."""

from flask import Blueprint

bp = Blueprint("guide", __name__)

from parent_guide.guide import views  # noqa: E402,F401  (registers the routes)
