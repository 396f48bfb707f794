"""Direction and language of a piece of text, told from its letters."""

from __future__ import annotations

import pytest

from parent_guide.text_direction import TextPart, direction, first_strong, script_language, text_part

ARABIC = "نقرأ معا كل مساء."
URDU = "ہم ہر شام مل کر پڑھتے ہیں۔"
POLISH = "Zażółć gęślą jaźń."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ARABIC, "rtl"),
        (URDU, "rtl"),
        (POLISH, "ltr"),
        ("12 December: " + ARABIC, "ltr"),
        ("٣ " + ARABIC + " then English", "rtl"),
        ("123 456", None),
        ("", None),
        # A strong letter inside an isolate does not count (UAX #9, rule P2).
        ("\u2067" + ARABIC + "\u2069 then English", "ltr"),
    ],
)
def test_first_strong_letter_decides(text: str, expected: str | None) -> None:
    """Verify the first strong letter outside an isolate gives the direction."""
    assert first_strong(text) == expected


def test_no_letter_keeps_the_document_direction() -> None:
    """Verify text with no strong letter takes the document's direction."""
    assert direction("07700 900123", "rtl") == "rtl"
    assert direction("07700 900123") == "ltr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [(ARABIC, "ar"), (URDU, "ur"), ("شکریہ", "ur"), (POLISH, None), ("Hello 123", None), ("", None)],
)
def test_script_tells_the_language(text: str, expected: str | None) -> None:
    """Verify Urdu letters give ur, other Arabic script ar, and Latin script nothing."""
    assert script_language(text) == expected


@pytest.mark.parametrize(
    ("text", "document", "expected"),
    [
        (ARABIC, "en", TextPart("rtl", "ar")),
        (URDU, "en", TextPart("rtl", "ur")),
        (POLISH, "en", TextPart("ltr", None)),
        (ARABIC, "ar", TextPart("rtl", None)),
        (URDU, "ar", TextPart("rtl", "ur")),
        # Latin text in an Arabic document keeps the document's language: it is not guessed.
        (POLISH, "ar", TextPart("ltr", None)),
        ("2026", "ar", TextPart("rtl", None)),
    ],
)
def test_text_part_in_a_document(text: str, document: str, expected: TextPart) -> None:
    """Verify a paragraph's direction and language relative to the document's."""
    document_direction = "rtl" if document in ("ar", "ur") else "ltr"
    assert text_part(text, document, document_direction) == expected
