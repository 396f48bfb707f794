"""Rate limits (Flask-Limiter): only where a parent types a resume code.

The site's one limit, ``drafts.session.resume_attempt_limit``, is checked by
the views themselves, as a context manager, when a code is typed (the resume
page, the QR code's page, a lost session's recovery). No view is decorated
with a limit and no default limit is set, so the check Flask-Limiter runs
before every request has nothing to find; it still cost about 0.05 ms a
request, an eighth of a kept guide page. So it is taken off, unless default or
application-wide limits are configured (which it would be needed for).
``tests/unit/test_rate_limits.py`` fails if a view is ever decorated with a
limit, and checks the resume limit still holds.
"""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter

from parent_guide.extensions import limiter


def _is_per_request_check(hook: object) -> bool:
    return getattr(hook, "__self__", None) is limiter and getattr(hook, "__func__", None) is Limiter._check_request_limit


def init_app(app: Flask) -> None:
    """Attach the limiter, without its per-request check when no limit needs it."""
    limiter.init_app(app)
    if app.config.get("RATELIMIT_DEFAULT") or app.config.get("RATELIMIT_APPLICATION"):
        return
    hooks = app.before_request_funcs.get(None, [])
    app.before_request_funcs[None] = [hook for hook in hooks if not _is_per_request_check(hook)]
