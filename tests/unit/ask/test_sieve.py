"""The pattern sieve: the strings each pattern needs, and that it never hides a match."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from parent_guide.ask.entries import DANGER_KINDS
from parent_guide.ask.evaluation import read
from parent_guide.ask.sieve import Sieve, anchors
from parent_guide.config import PROJECT_ROOT

EVAL = PROJECT_ROOT / "tests" / "ask" / "eval"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(hit|hits) (me|us)\b", {"hit me", "hit us", "hits me", "hits us"}),
        # an optional part ends a run: the longest required run is kept
        (r"\b(he|she) \w+ (punched|kicked) me\b", {" punched me", " kicked me"}),
        # a lookahead's words must be in the text; a negative one's need not be
        (r"^(?!.*\bhelp\b)(?=.*\b(child|baby)\b).*\bdrunk\b", {"drunk"}),
        (r"^(?=.*\b(child|baby)\b)(?=.*\b(alone|on their own)\b)", {"alone", "on their own"}),
        # each side of a top-level choice brings its own strings
        (r"\bnoose\b|\brope\b.{0,20}\bneck\b", {"noose", "rope"}),
        (r"\bkill\w*|suicid\w*", {"kill", "suicid"}),
        # a character set of letters is spelt out
        (r"ر[یي]پ", {"ریپ", "ريپ"}),
    ],
)
def test_anchors_are_the_strings_every_match_holds(pattern: str, expected: set[str]) -> None:
    """Verify the anchors worked out for a few shapes of pattern."""
    assert anchors(re.compile(pattern)) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b\w+ at me\b",  # nothing of three letters or more is required... but " at me" is
        r"\bdv\b",  # too short to sieve on
        r"(?i)\bhit me",  # case-blind: left to the full search
        r"\bgun\b|\bگن\b",  # one side has nothing long enough
    ],
)
def test_patterns_without_usable_anchors_are_always_searched(pattern: str) -> None:
    """Verify a pattern whose anchors are too short or unknown is searched on every text."""
    compiled = re.compile(pattern)
    found = anchors(compiled)
    sieve = Sieve([compiled])
    if found is None:
        assert sieve.always == (0,)
        assert sieve.candidates("anything at all") == {0}
    else:
        assert found == {" at me"}
        assert sieve.candidates("he threw a cup at me") == {0}
        assert sieve.candidates("he threw a cup") == set()


def _patterns(app: Flask) -> list[re.Pattern[str]]:
    locales = app.extensions["parent_guide.ask"].locales
    return [pattern for ask in locales.values() for kind in DANGER_KINDS for pattern in ask.danger[kind]]


def test_every_danger_pattern_but_a_few_is_sieved(app: Flask) -> None:
    """Verify the sieve has something to do: at least nine in ten danger patterns have anchors."""
    patterns = _patterns(app)
    sieved = sum(anchors(p) is not None for p in patterns)
    assert sieved >= 0.9 * len(patterns)


def test_sieve_finds_what_a_full_search_finds_on_evaluation_questions(app: Flask) -> None:
    """Verify, on every danger question and every eighth other question of the non-held-aside evaluation files, each language's sieve keeps every pattern a full search matches."""
    locales = app.extensions["parent_guide.ask"].locales
    paths = [path for path in sorted(EVAL.glob("*.toml")) if not path.name.startswith("heldout")]
    danger = [item["q"] for path in paths for item in read(path).get("danger", [])]
    ordinary = [item if isinstance(item, str) else item["q"] for path in paths for key in ("answerable", "off_topic") for item in read(path).get(key, [])]
    questions = danger + ordinary[::8]
    assert len(danger) > 1000
    skipped_matches = []
    for ask in locales.values():
        sieve, _ = ask.danger_sieve
        for question in questions:
            text = ask.language.normalised(question)
            candidates = sieve.candidates(text)
            skipped_matches += [(ask.locale, question) for i, p in enumerate(sieve.patterns) if i not in candidates and p.search(text)]
    assert skipped_matches == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_sieve_never_hides_a_match_of_any_danger_pattern(app: Flask, data: st.DataObject) -> None:
    """Verify, on texts made to match a danger pattern (with text around them), the sieve keeps that pattern."""
    patterns = _patterns(app)
    pattern = data.draw(st.sampled_from(patterns))
    text = data.draw(st.from_regex(pattern))
    assume(pattern.search(text))
    sieve = Sieve([pattern])
    assert sieve.candidates(text) == {0}
