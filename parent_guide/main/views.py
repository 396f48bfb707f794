"""Routes for the start page, information pages and ``/healthz``."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from parent_guide.content_access import content
from parent_guide.i18n import best_locale_for_request, text_direction
from parent_guide.main import bp
from parent_guide.render_cache import render_shared

INFORMATION_PAGES = ("staying-safe", "accessibility", "privacy", "cookies")


@bp.route("/")
def root() -> ResponseReturnValue:
    """Send the visitor to the start page in their browser's language."""
    return redirect(url_for("main.start", lang_code=best_locale_for_request()))


@bp.route("/<lang_code>/")
def start() -> ResponseReturnValue:
    """What the site helps with, and the Start now button."""
    return render_shared("main/start.html", page=content().pages["start"])


@bp.route("/<lang_code>/<any(" + ", ".join(f'"{p}"' for p in INFORMATION_PAGES) + "):slug>")
def information(slug: str) -> ResponseReturnValue:
    """Accessibility statement, privacy notice and cookies page."""
    page = content().pages.get(slug)
    if page is None:
        abort(404)
    return render_shared("main/information.html", page=page)


@bp.route("/<lang_code>/languages")
def languages() -> ResponseReturnValue:
    """Each language the guide is in, how its translation was made and whether it was checked."""
    return render_shared("main/languages.html", language_direction=text_direction)


@bp.route("/healthz")
def healthz() -> ResponseReturnValue:
    """200 when the app can render a page from its loaded content."""
    render_template("main/start.html", page=content().pages["start"])
    return {"status": "ok"}, 200, {"Cache-Control": "no-store"}
