"""A parent's text: cleaned of invisible controls, and split into paragraphs."""

from __future__ import annotations

import re

# Unicode's control characters (general category Cc, fixed by Unicode's stability
# policy: U+0000 to U+001F and U+007F to U+009F) other than tab and newline.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A blank line is one holding nothing but whitespace.
_BLANK_LINE = re.compile(r"\n(?:[^\S\n]*\n)+")


def clean(text: str) -> str:
    """Normalise line endings and remove control characters other than newline and tab.

    Format characters (right-to-left marks, zero-width joiners) are kept: they
    are part of how Arabic, Urdu and emoji are written.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # One regular expression, not a Python test per character: an autosave cleans every keystroke's text.
    return _CONTROLS.sub("", text)


def paragraphs(text: str) -> list[str]:
    """Split ``text`` into paragraphs at blank lines; single newlines stay inside a paragraph.

    The check answers page, the print page and both documents all use this, so a
    parent's paragraphs are the same everywhere.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = (part.strip("\n") for part in _BLANK_LINE.split(text))
    return [part for part in parts if part.strip()]
