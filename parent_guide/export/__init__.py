"""The document for the chair: one model, rendered to PDF, Word and a print view."""

from flask import Blueprint

bp = Blueprint("export", __name__, url_prefix="/<lang_code>/prepare")

from parent_guide.export import views  # noqa: E402,F401
