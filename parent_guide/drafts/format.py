"""How a draft is written in the database, by format version.

Format 2 (current) reveals as little as it can to someone holding the database:
- the keys come from the resume code and a server secret, the pepper
  (``PARENT_GUIDE_DRAFT_PEPPER``), so the database alone cannot be used to
  guess codes offline; losing the pepper loses every draft;
- a section is stored under an HMAC of its name (the name itself is inside
  the ciphertext), so no one can tell which sections a parent filled in;
- answers are padded to a few fixed sizes before encryption, so the length of
  the ciphertext does not give away the length of the answer.

Format 1 (before December 2026) had none of these. Drafts in it still open:
the store rewrites them in format 2 the first time they are opened.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from parent_guide.drafts import crypto

Answers = dict[str, str]
# Padded sizes of a section's answers; above the largest, whole multiples of it.
BUCKETS = (1024, 4096, 16384, 65536, 262144)
_LENGTH_BYTES = 4


@dataclass(frozen=True)
class DraftKeys:
    """What a code opens: the lookup id stored in the database, and keys that are not."""

    lookup: str
    key: bytes
    section_key: bytes = b""


def _hkdf(code: str, salt: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=purpose).derive(code.encode("ascii"))


def pad(data: bytes) -> bytes:
    """``data`` with its length in front, filled with zeros to the next bucket size."""
    framed = len(data).to_bytes(_LENGTH_BYTES, "big") + data
    top = BUCKETS[-1]
    size = next((b for b in BUCKETS if b >= len(framed)), -(-len(framed) // top) * top)
    return framed + bytes(size - len(framed))


def unpad(padded: bytes) -> bytes:
    """The data :func:`pad` was given."""
    length = int.from_bytes(padded[:_LENGTH_BYTES], "big")
    if length > len(padded) - _LENGTH_BYTES:
        raise crypto.DecryptionError("bad padding")
    return padded[_LENGTH_BYTES : _LENGTH_BYTES + length]


def _json(plain: bytes) -> dict[str, object]:
    try:
        value = json.loads(plain)
    except ValueError as error:
        raise crypto.DecryptionError("not a section") from error
    if not isinstance(value, dict):
        raise crypto.DecryptionError("not a section")
    return value


class FormatV1:
    """The first format: no pepper, section names in clear, no padding (read only)."""

    number = 1
    _salt = b"parent_guide draft v1"

    def keys(self, code: str) -> DraftKeys:
        """The lookup id and key for a normalised code."""
        return DraftKeys(lookup=_hkdf(code, self._salt, b"lookup").hex(), key=_hkdf(code, self._salt, b"key"))

    def section_id(self, keys: DraftKeys, slug: str) -> str:
        """How a section is named in the database: in clear."""
        return slug

    def seal(self, keys: DraftKeys, slug: str, answers: Answers) -> bytes:
        """Encrypt answers as format 1 did (kept so tests can write old drafts)."""
        plain = json.dumps(answers, ensure_ascii=False).encode()
        return crypto.encrypt(keys.key, plain, f"{keys.lookup}/{slug}".encode())

    def open(self, keys: DraftKeys, section_id: str, sealed: bytes) -> tuple[str, Answers]:
        """The section's name and answers; :class:`crypto.DecryptionError` if they do not open."""
        return section_id, _json(crypto.decrypt(keys.key, sealed, f"{keys.lookup}/{section_id}".encode()))  # type: ignore[return-value]


class FormatV2:
    """The current format: peppered keys, hidden section names, padded answers."""

    number = 2

    def __init__(self, pepper: str):
        self._salt = hashlib.sha256(b"parent_guide draft v2\0" + pepper.encode()).digest()

    def keys(self, code: str) -> DraftKeys:
        """The lookup id and keys for a normalised code, under this server's pepper."""
        return DraftKeys(
            lookup=_hkdf(code, self._salt, b"v2 lookup").hex(),
            key=_hkdf(code, self._salt, b"v2 key"),
            section_key=_hkdf(code, self._salt, b"v2 section names"),
        )

    def section_id(self, keys: DraftKeys, slug: str) -> str:
        """How a section is named in the database: 128 bits of an HMAC, meaningless without the code."""
        return hmac.new(keys.section_key, slug.encode(), hashlib.sha256).hexdigest()[:32]

    def seal(self, keys: DraftKeys, slug: str, answers: Answers) -> bytes:
        """Encrypt the section's name and padded answers, bound to this draft and section."""
        plain = pad(json.dumps({"section": slug, "answers": answers}, ensure_ascii=False).encode())
        return crypto.encrypt(keys.key, plain, f"v2/{keys.lookup}/{self.section_id(keys, slug)}".encode())

    def open(self, keys: DraftKeys, section_id: str, sealed: bytes) -> tuple[str, Answers]:
        """The section's name and answers; :class:`crypto.DecryptionError` if they do not open."""
        value = _json(unpad(crypto.decrypt(keys.key, sealed, f"v2/{keys.lookup}/{section_id}".encode())))
        slug, answers = value.get("section"), value.get("answers")
        if not isinstance(slug, str) or not isinstance(answers, dict):
            raise crypto.DecryptionError("not a section")
        return slug, answers


CURRENT = FormatV2.number
