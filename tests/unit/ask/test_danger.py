"""Danger with a slip of the thumb: parent_guide/ask/danger.py."""

from __future__ import annotations

import random

import pytest
from flask import Flask

from parent_guide.ask.danger import danger_kinds, mended
from parent_guide.ask.evaluation import ROUTES, read
from parent_guide.config import PROJECT_ROOT

EVAL = PROJECT_ROOT / "tests" / "ask" / "eval"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("he hitts me", "abuse"),
        ("my partner strangeld me last night", "abuse"),
        ("i want to kill mysellf", "self_harm"),
        ("mae o'n fy nghuroo i", "abuse"),
        ("maz mnie bijee", "abuse"),
    ],
)
def test_a_slip_in_the_telling_word_still_routes(app: Flask, question: str, kind: str) -> None:
    """Verify a danger question with one letter wrong, missing, doubled or swapped still shows help."""
    assert kind in danger_kinds(question, app.extensions["parent_guide.ask"].locales)


@pytest.mark.parametrize(
    "question",
    ["can they change the date i cant get off work", "i had post natal depression with my first", "zoom pe quran class kaise join karte hain"],
)
def test_a_word_another_language_knows_is_not_mended(app: Flask, question: str) -> None:
    """Verify an ordinary word is not read as a danger word one slip away in another language ("change", Urdu "chanta")."""
    assert danger_kinds(question, app.extensions["parent_guide.ask"].locales) == ()


def test_mending_changes_only_unknown_words(app: Flask) -> None:
    """Verify mending leaves known words and short words alone and reads an unknown one as the pattern word."""
    english = app.extensions["parent_guide.ask"].locales["en"]
    assert mended(english, "he hitts me", english.knows) == "he hits me"
    assert mended(english, "he hit me", english.knows) is None


# One letter dropped from one long word of each extra danger question. Measured
# on 1 December 2026: en 53% -> 89%, cy 52% -> 79%, pl 56% -> 70%, ro 56% -> 67%,
# ur 63% -> 80%, ar 60% -> 73% still routed (without mending -> with it).
FLOORS = {"en": 0.85, "cy": 0.75, "pl": 0.65, "ro": 0.65, "ur": 0.75, "ar": 0.7}


@pytest.mark.parametrize("locale", sorted(FLOORS))
def test_most_one_slip_variants_of_each_danger_list_route(app: Flask, locale: str) -> None:
    """Verify most of a language's extra danger questions, each with one letter dropped from a long word, still route."""
    locales = app.extensions["parent_guide.ask"].locales
    rnd = random.Random(7)
    routed = total = 0
    for item in read(EVAL / f"extra-danger-{locale}.toml")["danger"]:
        words = item["q"].split()
        for j, word in enumerate(words):
            if len(word) >= 5 and word.isalpha():
                i = rnd.randrange(1, len(word) - 1)
                variant = " ".join([*words[:j], word[:i] + word[i + 1 :], *words[j + 1 :]])
                routed += ROUTES[item["route"]] in danger_kinds(variant, locales)
                total += 1
    assert total >= 60
    assert routed / total >= FLOORS[locale], routed / total
