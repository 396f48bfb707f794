"""Cleaning a parent's text: keep every character they meant, drop invisible controls."""

from __future__ import annotations

import unicodedata

_KEEP = {"\n", "\t"}


def clean(text: str) -> str:
    """Normalise line endings and remove control characters other than newline and tab.

    Format characters (right-to-left marks, zero-width joiners) are kept: they
    are part of how Arabic, Urdu and emoji are written.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in _KEEP or unicodedata.category(ch) != "Cc")
