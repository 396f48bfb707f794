"""Encryption of answers at rest with AES-256-GCM.

The associated data binds each ciphertext to its draft and section, so a
ciphertext copied to another row does not decrypt.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


class DecryptionError(Exception):
    """The ciphertext does not open with this key (wrong key or tampered data)."""


def encrypt(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    """Nonce followed by ciphertext and tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def decrypt(key: bytes, sealed: bytes, associated: bytes) -> bytes:
    """The plaintext of :func:`encrypt`'s output."""
    if len(sealed) < NONCE_BYTES:
        # Cut short: AESGCM would raise ValueError about the nonce, not InvalidTag.
        raise DecryptionError("too short")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], associated)
    except InvalidTag as error:
        raise DecryptionError("cannot decrypt") from error
