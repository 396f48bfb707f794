"""Hand-over tokens: what the QR code carries instead of the resume code.

A token is random, opens its draft once, and lasts ``HANDOVER_MINUTES``. The
database keeps only a lookup id derived from the token and the resume code
sealed under a key derived from the token, so neither the table nor a server
log of the link is enough to open a draft after the token is used or expired.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from parent_guide.drafts import codes, crypto
from parent_guide.drafts.models import HandoverToken
from parent_guide.drafts.store import StoreUnavailable, utcnow

TOKEN_BYTES = 16
_SALT = b"parent_guide handover v1"
_ASSOCIATED = b"handover"


def _derive(token: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=purpose).derive(token.encode("ascii", "replace"))


class Handovers:
    """Issue and redeem tokens in one SQLAlchemy session; ``clock`` is replaceable for tests."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = utcnow):
        self.session = session
        self.clock = clock

    def issue(self, code: str, lifetime: timedelta) -> str:
        """A new token that opens the draft with ``code`` once, for ``lifetime``."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        sealed = crypto.encrypt(_derive(token, b"key"), code.encode("ascii"), _ASSOCIATED)
        now = self.clock()
        try:
            # Expired tokens are useless; clearing them here keeps the table small between purges.
            self.session.execute(delete(HandoverToken).where(HandoverToken.expires_at <= now))
            self.session.add(HandoverToken(lookup=_derive(token, b"lookup").hex(), sealed=sealed, expires_at=now + lifetime))
            self.session.commit()
        except SQLAlchemyError as error:
            self.session.rollback()
            raise StoreUnavailable(str(error)) from error
        return token

    def redeem(self, token: str) -> str | None:
        """The resume code the token opens, once; ``None`` if unknown, used or expired."""
        if not token or len(token) > 64:
            return None
        lookup = _derive(token, b"lookup").hex()
        try:
            row = self.session.scalar(select(HandoverToken).where(HandoverToken.lookup == lookup))
            if row is None:
                return None
            sealed, expires_at = row.sealed, row.expires_at
            # Only the request whose DELETE removes the row may use it: a second use finds nothing.
            removed = self.session.execute(delete(HandoverToken).where(HandoverToken.lookup == lookup)).rowcount
            self.session.commit()
        except SQLAlchemyError as error:
            self.session.rollback()
            raise StoreUnavailable(str(error)) from error
        if removed != 1 or expires_at <= self.clock():
            return None
        try:
            code = crypto.decrypt(_derive(token, b"key"), sealed, _ASSOCIATED).decode("ascii")
        except (crypto.DecryptionError, UnicodeDecodeError):
            return None
        return codes.normalise(code)

    def purge_expired(self) -> int:
        """Delete every expired token; return how many."""
        try:
            removed = self.session.execute(delete(HandoverToken).where(HandoverToken.expires_at <= self.clock())).rowcount
            self.session.commit()
        except SQLAlchemyError as error:
            self.session.rollback()
            raise StoreUnavailable(str(error)) from error
        return int(removed)
