"""AES-GCM: a ciphertext opens only with its key, in its own place."""

from __future__ import annotations

import os

import pytest

from parent_guide.drafts.crypto import DecryptionError, decrypt, encrypt


def test_round_trip() -> None:
    """Verify encrypted text decrypts to the same bytes."""
    key = os.urandom(32)
    text = "Zażółć gęślą jaźń 🙂 مرحبا".encode()
    assert decrypt(key, encrypt(key, text, b"a/b"), b"a/b") == text


def test_same_text_encrypts_differently() -> None:
    """Verify a fresh nonce each time: equal answers do not look equal."""
    key = os.urandom(32)
    assert encrypt(key, b"same", b"x") != encrypt(key, b"same", b"x")


def test_wrong_key_or_place_fails() -> None:
    """Verify another key, or a ciphertext moved to another section, does not decrypt."""
    key = os.urandom(32)
    sealed = encrypt(key, b"secret", b"draft/working-well")
    with pytest.raises(DecryptionError):
        decrypt(os.urandom(32), sealed, b"draft/working-well")
    with pytest.raises(DecryptionError):
        decrypt(key, sealed, b"draft/worries")
