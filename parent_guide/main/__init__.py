"""The start page, the site's information pages and the health check."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from parent_guide.main import views  # noqa: E402,F401  (registers the routes)
