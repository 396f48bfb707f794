"""Opening a draft on this device: typing the resume code, the QR code's hand-over link, and
the question asked when another draft is already open. The code never goes into a URL.
"""

from __future__ import annotations

from datetime import timedelta

import segno
from flask import current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from parent_guide.drafts import codes
from parent_guide.drafts.handover import Handovers
from parent_guide.drafts.session import (
    current_code,
    forget,
    hold_pending,
    pending_code,
    remember,
    resume_attempt_limit,
    store,
    take_pending,
)
from parent_guide.drafts.store import DraftNotFound, StoreUnavailable
from parent_guide.extensions import db
from parent_guide.hosts import external_url
from parent_guide.prepare import bp
from parent_guide.profile import restore_profile_from_draft
from parent_guide.session_safety import no_store

OPEN_OTHER = "open"
KEEP_CURRENT = "keep"


def _open(code: str) -> ResponseReturnValue:
    """Open ``code`` on this device, or ask first if a different draft is open here."""
    current = current_code()
    if current is not None and current != code:
        hold_pending(code)
        return redirect(url_for("prepare.swap"), 303)
    try:
        store().touch(code)
    except DraftNotFound:
        error = _("We could not find answers with that code. Check you have typed it correctly.")
        return render_template("prepare/resume.html", typed="", error=error), 404
    remember(code)
    restore_profile_from_draft(code)
    return redirect(url_for("prepare.tasks"), 303)


@bp.get("/continue-elsewhere")
def continue_elsewhere() -> ResponseReturnValue:
    """The resume code, and a QR code carrying a one-use hand-over link (never the code)."""
    code = current_code()
    if code is None:
        return redirect(url_for("prepare.tasks"))
    minutes = current_app.config["HANDOVER_MINUTES"]
    try:
        token = Handovers(db.session).issue(code, timedelta(minutes=minutes))
    except StoreUnavailable:
        return render_template("prepare/unavailable.html"), 503
    link = external_url("prepare.handover", t=token)
    qr_svg = segno.make(link, error="m").svg_inline(scale=4, omitsize=True, svgclass="app-qr", title=_("QR code to open your answers on another device"))
    return render_template("prepare/continue_elsewhere.html", code=codes.display(code), link=link, qr_svg=qr_svg, minutes=minutes)


@bp.route("/resume", methods=["GET", "POST"])
def resume() -> ResponseReturnValue:
    """Type a resume code to open a draft on this device."""
    if request.method == "GET":
        return render_template("prepare/resume.html", typed="")
    typed = request.form.get("resume_code", "")
    with resume_attempt_limit():
        code = codes.normalise(typed)
        try:
            found = code is not None and store().exists(code)
        except StoreUnavailable:
            return render_template("prepare/unavailable.html"), 503
        if not found:
            error = _("Enter your resume code") if not typed.strip() else _("We could not find answers with that code. Check you have typed it correctly.")
            return render_template("prepare/resume.html", typed=typed, error=error), 400
    assert code is not None
    try:
        return _open(code)
    except StoreUnavailable:
        return render_template("prepare/unavailable.html"), 503


@bp.route("/open", methods=["GET", "POST"])
def handover() -> ResponseReturnValue:
    """The QR code's page: a button exchanges the token (by POST) for the draft it opens."""
    no_store()
    if request.method == "GET":
        # The page's script removes the token from the address bar at once, and the
        # button's request sends only this site's origin as the Referer, not the token.
        page = render_template("prepare/handover.html", token=request.args.get("t", "")[:64])
        return page, 200, {"Referrer-Policy": "strict-origin"}
    with resume_attempt_limit():
        try:
            code = Handovers(db.session).redeem(request.form.get("token", ""))
            if code is None or not store().exists(code):
                return render_template("prepare/handover.html", token="", used=True), 410
            return _open(code)
        except StoreUnavailable:
            return render_template("prepare/unavailable.html"), 503


@bp.route("/already-open", methods=["GET", "POST"])
def swap() -> ResponseReturnValue:
    """"You already have answers open on this device": nothing is replaced without asking."""
    pending = pending_code()
    current = current_code()
    if pending is None or current is None:
        return redirect(url_for("prepare.tasks"))
    if request.method == "GET":
        return render_template("prepare/swap.html", current=codes.display(current))
    choice = request.form.get("choice")
    if choice not in (OPEN_OTHER, KEEP_CURRENT):
        return render_template("prepare/swap.html", current=codes.display(current), error=_("Choose which answers to open")), 400
    take_pending()
    if choice == KEEP_CURRENT:
        return redirect(url_for("prepare.tasks"), 303)
    forget()
    try:
        return _open(pending)
    except StoreUnavailable:
        hold_pending(pending)
        remember(current)
        return render_template("prepare/unavailable.html"), 503
