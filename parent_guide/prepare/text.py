"""A parent's text: cleaned of invisible controls, and split into paragraphs."""

from __future__ import annotations

import re
import unicodedata

_KEEP = {"\n", "\t"}
# A blank line is one holding nothing but whitespace.
_BLANK_LINE = re.compile(r"\n(?:[^\S\n]*\n)+")


def clean(text: str) -> str:
    """Normalise line endings and remove control characters other than newline and tab.

    Format characters (right-to-left marks, zero-width joiners) are kept: they
    are part of how Arabic, Urdu and emoji are written.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in _KEEP or unicodedata.category(ch) != "Cc")


def paragraphs(text: str) -> list[str]:
    """Split ``text`` into paragraphs at blank lines; single newlines stay inside a paragraph.

    The check answers page, the print page and both documents all use this, so a
    parent's paragraphs are the same everywhere.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = (part.strip("\n") for part in _BLANK_LINE.split(text))
    return [part for part in parts if part.strip()]
