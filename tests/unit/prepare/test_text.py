"""Cleaning a parent's text: only control characters go."""

from __future__ import annotations

import sys
import unicodedata

from parent_guide.prepare.text import clean


def test_clean_removes_exactly_the_control_characters_but_tab_and_newline() -> None:
    """Verify every code point is kept or removed as Unicode's category Cc says, tab and newline kept."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    expected = "".join(ch for ch in every if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    assert clean(every.replace("\r", "")) == expected.replace("\r", "")


def test_clean_turns_every_line_ending_into_a_newline() -> None:
    """Verify Windows and old Mac line endings become newlines and format characters stay."""
    assert clean("one\r\ntwo\rthree\x00\u200f\u200d\x85") == "one\ntwo\nthree\u200f\u200d"
