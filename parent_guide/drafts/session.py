"""The parent's current draft: its code lives in the session cookie, never in the database."""

from __future__ import annotations

from flask import current_app, session

from parent_guide.drafts.store import DraftStore
from parent_guide.extensions import db, limiter

SESSION_KEY = "draft_code"
# A code waiting for the parent to say whether it should replace the open draft.
PENDING_KEY = "pending_code"
RESUME_SCOPE = "resume-code"


def store() -> DraftStore:
    """The draft store for this request's database session."""
    return DraftStore(db.session)


def current_code() -> str | None:
    """The code of the draft this browser is working on, if any."""
    return session.get(SESSION_KEY)


def remember(code: str) -> None:
    """Make ``code`` this browser's draft."""
    session[SESSION_KEY] = code


def hold_pending(code: str) -> None:
    """Keep ``code`` until the parent chooses between it and the open draft."""
    session[PENDING_KEY] = code


def pending_code() -> str | None:
    """The code waiting for the parent's choice, if any."""
    return session.get(PENDING_KEY)


def take_pending() -> str | None:
    """The code waiting for the parent's choice, removed from the session."""
    return session.pop(PENDING_KEY, None)


def forget() -> None:
    """This browser no longer has a draft."""
    session.pop(SESSION_KEY, None)


def resume_attempt_limit():  # type: ignore[no-untyped-def]
    """The shared rate limit on typing a resume code, wherever it is typed."""
    return limiter.limit(lambda: current_app.config["RESUME_RATE_LIMIT"], scope=RESUME_SCOPE)
