"""Resume codes: random enough and easy to type back."""

from __future__ import annotations

import math

from parent_guide.drafts import codes


def test_codes_carry_at_least_64_bits() -> None:
    """Verify a code has at least 64 bits of randomness."""
    assert codes.LENGTH * math.log2(len(codes.ALPHABET)) >= 64


def test_new_codes_differ_and_are_normalised() -> None:
    """Verify fresh codes are unique and already in normal form."""
    made = {codes.new_code() for _ in range(500)}
    assert len(made) == 500
    assert all(codes.normalise(code) == code for code in made)


def test_typing_mistakes_are_forgiven() -> None:
    """Verify lower case, spaces, dashes and O/I/L for 0/1 all read back."""
    code = "K7QM3XPA9DRTHW21"
    assert codes.normalise("k7qm-3xpa 9drt-hw2l") == code
    assert codes.normalise(" K7QM 3XPA 9DRT HW2I ") == code
    assert codes.display(code) == "K7QM-3XPA-9DRT-HW21"


def test_wrong_shapes_are_rejected() -> None:
    """Verify too short, too long and impossible letters are not codes."""
    assert codes.normalise("K7QM-3XPA") is None
    assert codes.normalise("K7QM-3XPA-9DRT-HW2B-X") is None
    assert codes.normalise("K7QM-3XPA-9DRT-HW2U") is None
    assert codes.normalise("") is None
