"""The preparation form: a parent writes their views, section by section."""

from flask import Blueprint

bp = Blueprint("prepare", __name__, url_prefix="/<lang_code>/prepare")

from parent_guide.prepare import resume_views, views  # noqa: E402,F401  (registers the routes)
