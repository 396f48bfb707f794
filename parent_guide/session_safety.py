"""Safe on a shared phone: leaving for real, an idle time limit, and nothing kept in the browser cache.

A session is *sensitive* once it holds a draft's code or tailoring answers.
Such a session ends after ``SESSION_IDLE_MINUTES`` without a request; every
HTML page it is served is ``no-store``. "Leave this site" goes through
:func:`leave`, which ends the session (not the draft: the resume code still
opens it) and asks the browser to clear what it kept, before the neutral site.
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Any

from babel.numbers import format_decimal
from flask import Blueprint, Flask, Response, current_app, g, jsonify, redirect, render_template, request, session
from flask.typing import ResponseReturnValue

from parent_guide.extensions import csrf
from parent_guide.i18n import babel_locale, current_locale

bp = Blueprint("safety", __name__)

# Session keys that make a session sensitive (see drafts.session and profile).
SENSITIVE_KEYS = ("draft_code", "pending_code", "profile")
LAST_SEEN = "_seen"
EXIT_NOTE_SHOWN = "_exit_note"
# Requests that must neither count as use nor end a session: static files and the health check.
_PASSIVE_PREFIXES = ("/assets/", "/healthz")


def is_sensitive() -> bool:
    """Whether this browser's session holds anything of the parent's."""
    return any(key in session for key in SENSITIVE_KEYS)


def _whole(minutes: float) -> int:
    """The number that chooses the plural form for ``minutes``: itself when whole, else one that reads as plural."""
    return int(minutes) if float(minutes).is_integer() else 1000


@lru_cache(maxsize=64)
def _number(value: float, locale: str) -> str:
    """``value`` written in ``locale``'s own style, worked out once (every page shows the time limit)."""
    return format_decimal(value, locale=babel_locale(locale))


def idle_limit_seconds() -> int:
    """How long a sensitive session lasts without a request."""
    return round(float(current_app.config["SESSION_IDLE_MINUTES"]) * 60)


def end_session() -> None:
    """Forget everything this browser's session held."""
    session.clear()
    g.session_ended = True


def _check_idle() -> None:
    if request.path.startswith(_PASSIVE_PREFIXES):
        return
    if request.method == "GET" and not session.get(EXIT_NOTE_SHOWN):
        # The first page of each session explains how to leave quickly.
        g.show_exit_note = True
        session[EXIT_NOTE_SHOWN] = 1
    if not is_sensitive():
        return
    seen = session.get(LAST_SEEN)
    now = int(time.time())
    if isinstance(seen, int) and now - seen > idle_limit_seconds():
        end_session()
        g.session_timed_out = True
        return
    if seen != now:
        # Unchanged within the same second: the cookie need not be sealed again.
        session[LAST_SEEN] = now


def _no_store(response: Response) -> Response:
    if request.path.startswith(_PASSIVE_PREFIXES):
        return response
    if g.get("session_ended") or g.get("no_store") or is_sensitive():
        if response.mimetype in ("text/html", "application/json"):
            response.headers["Cache-Control"] = "no-store"
            response.headers.pop("Expires", None)
        response.vary.add("Cookie")
    return response


def no_store() -> None:
    """Mark this response ``no-store`` whatever the session holds (the ask results, for example)."""
    g.no_store = True


@bp.get("/leave")
def leave() -> ResponseReturnValue:
    """End the session, clear what the browser kept for this site, then go to the neutral site."""
    end_session()
    response = redirect(current_app.config["EXIT_URL"], 303)
    for name in request.cookies:
        response.delete_cookie(name, path=current_app.config.get("SESSION_COOKIE_PATH") or "/")
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    response.headers["Cache-Control"] = "no-store"
    # The neutral site must not learn which page the parent left from.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.post("/session/keepalive")
@csrf.exempt
def keepalive() -> ResponseReturnValue:
    """"Stay on this page": the request itself restarts the time limit; answer with what is left."""
    if not is_sensitive():
        return jsonify(status="ended"), 410
    return jsonify(status="ok", seconds=idle_limit_seconds())


@bp.get("/<lang_code>/session-ended")
def ended() -> ResponseReturnValue:
    """Where an open page goes when its time runs out: nothing of the parent's on it."""
    end_session()
    return render_template("main/session_ended.html", minutes=_number(current_app.config["SESSION_IDLE_MINUTES"], current_locale()))


def safety_context() -> dict[str, Any]:
    """Whether the page belongs to a sensitive session, and its time limit, for the layout."""
    sensitive = is_sensitive()
    return {
        "session_sensitive": sensitive,
        "idle_seconds": idle_limit_seconds() if sensitive else None,
        "idle_minutes": _number(current_app.config["SESSION_IDLE_MINUTES"], current_locale()),
        # Whole minutes choose the plural form; a fraction (only in tests) reads as "minutes".
        "idle_minutes_count": _whole(current_app.config["SESSION_IDLE_MINUTES"]),
        "session_timed_out": bool(g.get("session_timed_out")),
        "show_exit_note": bool(g.get("show_exit_note")) or request.endpoint == "main.start",
    }


def init_app(app: Flask) -> None:
    """Check the time limit before each request, add ``no-store`` after, and register the routes."""
    app.before_request(_check_idle)
    app.after_request(_no_store)
    app.context_processor(safety_context)
    app.register_blueprint(bp)
