"""Verify the shape of the "Ask a question" evaluation sets in tests/ask/eval/.

The sets decide whether the feature works for frightened parents, so their
labels must name real entries, their sizes must meet the issue's minimums, and
the held-aside part must stay independent of the tuning part.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest

EVAL = Path(__file__).parent / "eval"
LOCALES = ("en", "cy", "pl", "ro", "ur", "ar")
ROUTES = {"abuse", "self-harm", "child-danger-now"}
# Held-aside questions may not be this close (difflib ratio) to a tuning one.
NEAR_DUPLICATE = 0.9

# Minimum sizes: (answerable, off_topic, danger) per part and locale.
MINIMUMS = {
    "heldout": {"en": (110, 55, 12), **{loc: (45, 55, 12) for loc in LOCALES[1:]}},
    "tuning": {"en": (60, 25, 6), **{loc: (20, 0, 0) for loc in LOCALES[1:]}},
}
CROSS_MINIMUMS = {("en", "pl"): 20, ("en", "ar"): 20, ("pl", "en"): 10, ("ar", "en"): 10}


@cache
def catalogue() -> frozenset[str]:
    """The entry ids in the catalogue the labels were written against."""
    lines = (EVAL / "catalogue.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("|")[0].strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def load(name: str) -> dict[str, Any]:
    """One evaluation file, parsed."""
    with (EVAL / name).open("rb") as handle:
        return tomllib.load(handle)


def set_file(part: str, locale: str) -> dict[str, Any]:
    """The ``part`` ("heldout" or "tuning") set for ``locale``."""
    return load(f"{part}-{locale}.toml")


def labelled(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every labelled question in a parsed file, answerable and cross-language."""
    return [*data.get("answerable", []), *data.get("cross", [])]


def questions(data: dict[str, Any]) -> list[str]:
    """Every question's text in a parsed file."""
    return [
        *(item["q"] for item in labelled(data)),
        *data.get("off_topic", []),
        *(item["q"] for item in data.get("danger", [])),
    ]


def all_files() -> list[str]:
    """Every evaluation file's name."""
    return sorted(path.name for path in EVAL.glob("*.toml"))


def normalise(text: str) -> str:
    """Text folded for comparison: case, compatibility forms, punctuation and spacing ignored."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


def test_the_expected_files_exist() -> None:
    """Verify every part has a file for every locale, plus the cross-language set."""
    expected = {f"{part}-{loc}.toml" for part in MINIMUMS for loc in LOCALES} | {"heldout-cross.toml"}
    assert expected <= set(all_files())


@pytest.mark.parametrize("part", MINIMUMS)
@pytest.mark.parametrize("locale", LOCALES)
def test_each_file_names_its_locale(part: str, locale: str) -> None:
    """Verify a file's locale field matches its name."""
    assert set_file(part, locale)["locale"] == locale


@pytest.mark.parametrize("name", all_files())
def test_every_label_is_a_catalogue_id(name: str) -> None:
    """Verify each labelled question names one or more distinct catalogue ids."""
    for item in labelled(load(name)):
        ids = item["ids"]
        assert ids, item
        assert len(set(ids)) == len(ids), item
        assert set(ids) <= catalogue(), (item["q"], set(ids) - catalogue())


@pytest.mark.parametrize("name", all_files())
def test_danger_questions_name_a_route(name: str) -> None:
    """Verify each danger question names one of the three help routes."""
    for item in load(name).get("danger", []):
        assert item["route"] in ROUTES, item


@pytest.mark.parametrize("part", MINIMUMS)
@pytest.mark.parametrize("locale", LOCALES)
def test_counts_meet_the_minimums(part: str, locale: str) -> None:
    """Verify each set is at least as large as the issue and brief require."""
    data = set_file(part, locale)
    counts = (len(data.get("answerable", [])), len(data.get("off_topic", [])), len(data.get("danger", [])))
    assert all(have >= need for have, need in zip(counts, MINIMUMS[part][locale], strict=True)), counts


@pytest.mark.parametrize("locale", LOCALES)
def test_held_aside_danger_covers_every_route(locale: str) -> None:
    """Verify each language's held-aside danger set tries all three routes."""
    assert {item["route"] for item in set_file("heldout", locale)["danger"]} == ROUTES


def test_urdu_is_written_in_both_scripts() -> None:
    """Verify Urdu questions come both in Urdu script and in Roman letters, roughly half each."""
    for part in MINIMUMS:
        texts = [item["q"] for item in set_file(part, "ur")["answerable"]]
        arabic_script = sum(bool(re.search("[\u0600-\u06ff]", text)) for text in texts)
        assert len(texts) / 3 <= arabic_script <= 2 * len(texts) / 3, (part, arabic_script, len(texts))


def test_cross_language_counts() -> None:
    """Verify enough questions are asked on a site in another language, each pair counted."""
    counts: dict[tuple[str, str], int] = {}
    for item in load("heldout-cross.toml")["cross"]:
        assert item["lang"] in LOCALES and item["lang"] not in item["sites"], item
        assert set(item["sites"]) <= set(LOCALES), item
        for site in item["sites"]:
            counts[item["lang"], site] = counts.get((item["lang"], site), 0) + 1
    for pair, need in CROSS_MINIMUMS.items():
        assert counts.get(pair, 0) >= need, (pair, counts.get(pair, 0))


def test_no_question_appears_twice() -> None:
    """Verify no question text is repeated anywhere across the sets, after normalising."""
    seen: dict[str, str] = {}
    for name in all_files():
        for text in questions(load(name)):
            key = normalise(text)
            assert key, (name, text)
            assert key not in seen, (text, name, seen.get(key))
            seen[key] = name


def similar(a: str, b: str) -> float:
    """difflib's similarity ratio, after its cheap upper bounds rule most pairs out."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < NEAR_DUPLICATE or matcher.quick_ratio() < NEAR_DUPLICATE:
        return 0.0
    return matcher.ratio()


def test_held_aside_questions_do_not_nearly_duplicate_tuning_ones() -> None:
    """Verify no held-aside question (cross-language ones included) is a near copy of a tuning one."""
    tuning = [normalise(q) for name in all_files() if name.startswith("tuning") for q in questions(load(name))]
    held = [normalise(q) for name in all_files() if name.startswith("heldout") for q in questions(load(name))]
    close = [(h, t) for h in held for t in tuning if similar(h, t) >= NEAR_DUPLICATE]
    assert not close, close


def test_cross_language_questions_reuse_no_wording() -> None:
    """Verify the cross-language questions are new wording, not copies from the per-language sets."""
    cross = [normalise(q) for q in questions(load("heldout-cross.toml"))]
    others = [normalise(q) for name in all_files() if name != "heldout-cross.toml" for q in questions(load(name))]
    close = [(c, o) for c in cross for o in others if similar(c, o) >= NEAR_DUPLICATE]
    assert not close, close
