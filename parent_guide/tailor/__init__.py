"""Tailoring: a few questions, the parent's own guide and their timeline of dates."""

from flask import Blueprint

bp = Blueprint("tailor", __name__, url_prefix="/<lang_code>/your-guide")

from parent_guide.tailor import views  # noqa: E402,F401  (registers the routes)
