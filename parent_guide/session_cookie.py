"""A session cookie nobody holding the phone can read: AES-256-GCM under a server key.

Flask's own cookie is signed, not encrypted: anyone with the browser could
decode the resume code and the tailoring answers from it. This interface keeps
Flask's session API and serialiser but seals the whole payload, so the cookie
is opaque bytes; a changed, truncated or foreign cookie simply opens as an
empty session.
"""

from __future__ import annotations

import base64
import binascii
import os
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask, Request, Response
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSession, SessionInterface

NONCE_BYTES = 12
_INFO = b"parent_guide session cookie v1"


@lru_cache(maxsize=8)
def _cipher(secret_key: str | bytes) -> AESGCM:
    """The cookie's cipher for a secret key, derived once per process, not on every request."""
    return AESGCM(cookie_key(secret_key))


def cookie_key(secret_key: str | bytes) -> bytes:
    """The cookie's AES key, derived from ``SECRET_KEY`` so the two are never the same bytes."""
    secret = secret_key.encode() if isinstance(secret_key, str) else secret_key
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret)


class EncryptedCookieSessionInterface(SessionInterface):
    """Flask's cookie session, sealed with AES-GCM instead of only signed."""

    serializer = TaggedJSONSerializer()
    session_class = SecureCookieSession

    def _aead(self, app: Flask) -> AESGCM | None:
        secret = app.secret_key
        return _cipher(secret) if secret else None

    def seal(self, app: Flask, data: dict[str, object]) -> str:
        """The cookie value for ``data``: nonce and ciphertext, base64url."""
        aead = self._aead(app)
        assert aead is not None, "SECRET_KEY is required"
        nonce = os.urandom(NONCE_BYTES)
        plain = self.serializer.dumps(dict(data)).encode()
        sealed = nonce + aead.encrypt(nonce, plain, self.get_cookie_name(app).encode())
        return base64.urlsafe_b64encode(sealed).decode().rstrip("=")

    def unseal(self, app: Flask, value: str) -> dict[str, object] | None:
        """The data in a cookie value, or ``None`` if it is not one of ours."""
        aead = self._aead(app)
        if aead is None:
            return None
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            plain = aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], self.get_cookie_name(app).encode())
            data = self.serializer.loads(plain.decode())
        except (binascii.Error, ValueError, InvalidTag, UnicodeDecodeError, TypeError, KeyError):
            return None
        return data if isinstance(data, dict) else None

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        """The session from the request's cookie; empty when there is none or it does not open."""
        if not app.secret_key:
            return None
        value = request.cookies.get(self.get_cookie_name(app))
        data = self.unseal(app, value) if value else None
        return self.session_class(data or {})

    def save_session(self, app: Flask, session: SecureCookieSession, response: Response) -> None:  # type: ignore[override]
        """Write the sealed cookie, or delete it when the session is empty."""
        name = self.get_cookie_name(app)
        domain = self.get_cookie_domain(app)
        path = self.get_cookie_path(app)
        secure = self.get_cookie_secure(app)
        partitioned = self.get_cookie_partitioned(app)
        samesite = self.get_cookie_samesite(app)
        httponly = self.get_cookie_httponly(app)
        if session.accessed:
            response.vary.add("Cookie")
        if not session:
            if session.modified:
                response.delete_cookie(
                    name, domain=domain, path=path, secure=secure, partitioned=partitioned,
                    samesite=samesite, httponly=httponly,
                )
                response.vary.add("Cookie")
            return
        if not self.should_set_cookie(app, session):
            return
        response.vary.add("Cookie")
        response.set_cookie(
            name,
            self.seal(app, session),
            expires=self.get_expiration_time(app, session),
            httponly=httponly,
            domain=domain,
            path=path,
            secure=secure,
            partitioned=partitioned,
            samesite=samesite,
        )


def init_app(app: Flask) -> None:
    """Use the encrypted cookie for every session."""
    app.session_interface = EncryptedCookieSessionInterface()
