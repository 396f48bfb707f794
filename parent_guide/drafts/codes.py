"""Resume codes: something a person can read out, write down and type back.

A code is 16 characters of Crockford's base32 (80 random bits), shown in four
groups of four. Everything about a draft comes from its code (and the server's
pepper): the database lookup id and the encryption keys are derived from it in
:mod:`parent_guide.drafts.format`, so the database never holds anything that
opens a draft.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
GROUP = 4
# Letters people confuse with digits are read as the digit, as Crockford intends.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})

def new_code() -> str:
    """A fresh random code, normalised (no separators)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The code a person typed, cleaned up; ``None`` if it cannot be a code."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_READ_AS)
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def display(code: str) -> str:
    """A normalised code in groups, for example ``K7QM-3XPA-9DRT-HW2B``."""
    return "-".join(code[i : i + GROUP] for i in range(0, LENGTH, GROUP))
