"""Production is the default: refuse to start with weak secrets, and send HSTS.

Only ``PARENT_GUIDE_ENV=development`` (``make run`` and the tests) skips the
checks. A refusal is one clear line naming the setting and how to make a
value, not a traceback.
"""

from __future__ import annotations

from flask import Flask, Response, current_app

# What secrets.token_urlsafe(32) gives (43 characters); hex needs 64 for 32 bytes.
MIN_CHARS = 43
MIN_HEX_CHARS = 64
_HEX = frozenset("0123456789abcdefABCDEF")
# Words that show a value was typed by a person or copied from an example.
_WEAK_WORDS = ("secret", "changeme", "change-me", "password", "example", "replace", "default")
HOW_TO_MAKE = "make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"


def weakness(value: str) -> str | None:
    """Why ``value`` is too weak for a server secret, or ``None`` if it looks random enough.

    Random values of 32 bytes written as base64 or hex pass; short values, values with
    few different characters (``aaaa…``, ``abcabc…``) and example phrases do not.
    """
    if not value:
        return "it is not set"
    is_hex = set(value) <= _HEX
    if len(value) < (MIN_HEX_CHARS if is_hex else MIN_CHARS):
        return "it is too short to hold 32 random bytes"
    # A random value of this length uses many different characters; a pattern does not.
    if len(set(value)) < (12 if is_hex else 20):
        return "it repeats too few characters to be random"
    lowered = value.lower()
    if any(word in lowered for word in _WEAK_WORDS):
        return "it looks like an example or a typed phrase"
    return None


def check_secrets(app: Flask) -> None:
    """Stop start-up, with one line, unless every server secret is strong (production only)."""
    if app.config["DEVELOPMENT"]:
        return
    for setting, variable in (("SECRET_KEY", "SECRET_KEY"), ("DRAFT_PEPPER", "PARENT_GUIDE_DRAFT_PEPPER")):
        problem = weakness(str(app.config.get(setting) or ""))
        if problem:
            raise SystemExit(
                f"parent_guide will not start: {variable} is too weak ({problem}); {HOW_TO_MAKE}, "
                "or set PARENT_GUIDE_ENV=development on a developer's machine."
            )


def _strict_transport_security(response: Response) -> Response:
    seconds = current_app.config["HSTS_SECONDS"]
    if seconds:
        response.headers.setdefault("Strict-Transport-Security", f"max-age={seconds}; includeSubDomains")
    return response


def init_app(app: Flask) -> None:
    """Check the secrets now, and send HSTS on every response in production."""
    check_secrets(app)
    app.after_request(_strict_transport_security)
