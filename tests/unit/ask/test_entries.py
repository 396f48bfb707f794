"""The curated entries: checked at start-up, every step and frightening question covered."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from flask import Flask

from parent_guide import create_app
from parent_guide.ask.entries import _danger
from parent_guide.config import PROJECT_ROOT
from tests.conftest import english_only_content
from parent_guide.content import ContentError

CATALOGUE = PROJECT_ROOT / "tests" / "ask" / "eval" / "catalogue.txt"


def entries(app: Flask) -> dict:
    """The English entries."""
    return app.extensions["parent_guide.ask"].locales["en"].entries


def test_at_least_sixty_english_entries(app: Flask) -> None:
    """Verify the issue's minimum of 60 English entries."""
    assert len(entries(app)) >= 60


def test_every_catalogue_id_has_an_entry(app: Flask) -> None:
    """Verify each id the evaluation questions are labelled with is a real entry."""
    lines = CATALOGUE.read_text(encoding="utf-8").splitlines()
    ids = {line.split("|")[0].strip() for line in lines if line.strip() and not line.startswith("#")}
    assert ids <= set(entries(app))


def test_every_guide_step_has_entries(app: Flask) -> None:
    """Verify every step of the guide is the home of at least one entry."""
    steps = {s.slug for s in app.extensions["parent_guide.content"]["en"].steps}
    assert steps <= {e.step for e in entries(app).values()}


@pytest.mark.parametrize(
    "entry_id",
    ["will-they-take-my-kids", "can-i-be-arrested", "do-i-have-to-let-them-in", "will-the-police-be-there", "ex-will-be-there"],
)
def test_frightening_questions_have_entries(app: Flask, entry_id: str) -> None:
    """Verify the questions parents fear most have vetted answers."""
    entry = entries(app)[entry_id]
    assert len(entry.phrasings) >= 5 and entry.answer_html


def test_answers_are_short(app: Flask) -> None:
    """Verify each answer is two to four sentences (a fact placeholder may add one or two)."""
    for entry in entries(app).values():
        text = entry.answer_html.replace("</p>", " ")
        count = text.count(". ") + text.rstrip().endswith(".")
        assert 2 <= count + text.count("{") <= 6, entry.id


def _content_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    return english_only_content(content)


def _start(content: Path) -> None:
    create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "CONTENT_DIR": content})


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("step: who-will-be-there", "step: no-such-step"), "is not a guide step"),
        (("{minutes}", "{nonsense}"), "unknown placeholder"),
        (("phrasings:", "phrases:"), "front matter needs exactly"),
    ],
)
def test_a_wrong_entry_stops_start_up_naming_the_file(tmp_path: Path, change: tuple[str, str], problem: str) -> None:
    """Verify a mistake in an entry stops the app with the file and the problem named."""
    content = _content_copy(tmp_path)
    name = "when-do-i-get-the-minutes.md" if "minutes" in change[0] else "will-the-police-be-there.md"
    path = content / "en" / "questions" / name
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        _start(content)
    assert name in str(error.value) and problem in str(error.value)


def test_an_entry_without_an_english_original_stops_start_up(tmp_path: Path) -> None:
    """Verify a translated entry must share its id with an English one."""
    content = _content_copy(tmp_path)
    (content / "cy" / "questions").mkdir(parents=True)
    (content / "cy" / "steps").mkdir()
    shutil.copy(content / "en" / "ask.toml", content / "cy" / "ask.toml")
    orphan = (content / "en" / "questions" / "is-it-a-court.md").read_text(encoding="utf-8")
    (content / "cy" / "questions" / "not-in-english.md").write_text(orphan, encoding="utf-8")
    with pytest.raises(ContentError, match="has no en original"):
        _start(content)


def test_a_danger_fragment_is_spelt_once_and_read_as_a_group() -> None:
    """Verify ``{name}`` in a danger pattern becomes its fragment, as one group, and a count stays a count."""
    danger = _danger(Path("ask.toml"), {"fragments": {"child": "kid|child"}, "child_now": ["\\b{child}\\b.{0,10}\\bhit\\b"]})
    (pattern,) = danger["child_now"]
    assert pattern.pattern == "\\b(?:kid|child)\\b.{0,10}\\bhit\\b"
    assert pattern.search("my child got hit") and pattern.search("the kid was hit") and not pattern.search("my dog was hit")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"fragments": {"child": "kid"}, "abuse": ["{kid} hit"]}, "unknown fragment '{kid}'"),
        ({"fragments": {"Child": "kid"}, "abuse": ["hit"]}, "must map lower-case names"),
        ({"fragments": {"child": 3}, "abuse": ["hit"]}, "must map lower-case names"),
        ({"fragments": {"child": "(kid"}, "abuse": ["{child}"]}, "danger.abuse"),
    ],
)
def test_a_wrong_danger_fragment_stops_start_up(raw: dict, problem: str) -> None:
    """Verify an unknown, badly named or broken fragment is named as the problem."""
    with pytest.raises(ContentError, match=re.escape(problem)):
        _danger(Path("ask.toml"), raw)
