"""Tailoring rules: each answer adds or emphasises steps, and none hides a step the parent needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from parent_guide.config import PROJECT_ROOT
from parent_guide.export.build import KIND_NAMES
from parent_guide.profile import AGE_BANDS, ANSWERS, Profile
from parent_guide.tailoring_rules import CONFERENCE_KINDS, TailoringRulesError, load_rules

RULES = PROJECT_ROOT / "content" / "tailoring.toml"
# Steps about one kind of conference, the only ones an answer may take off the list.
KIND_ONLY = {"pre-birth", "review-conferences"}


def _slugs(app: Flask) -> list[str]:
    return [step.slug for step in app.extensions["parent_guide.content"]["en"].steps]


def _profiles() -> list[tuple[str, Profile]]:
    """One profile per answer to every question."""
    found = [(f"kind={kind}", Profile(kind=kind)) for kind in CONFERENCE_KINDS]
    found += [(f"ages={band}", Profile(ages=(band,))) for band in AGE_BANDS]
    found += [(f"attending={v}", Profile(attending=v)) for v in ("yes", "no")]
    found += [(f"supporter={v}", Profile(supporter=v)) for v in ("yes", "no")]
    found += [
        ("help=interpreter", Profile(interpreter="yes", other_help="no")),
        ("help=other-help", Profile(interpreter="no", other_help="yes")),
        ("help=none", Profile(interpreter="no", other_help="no")),
    ]
    return found


@pytest.mark.parametrize(("answer", "profile"), _profiles(), ids=[a for a, _ in _profiles()])
def test_no_answer_hides_a_step_the_parent_needs(app: Flask, answer: str, profile: Profile) -> None:
    """Verify each single answer keeps every step except those about another kind of conference."""
    rules = app.extensions["parent_guide.tailoring_rules"]
    hidden = rules.hidden(profile.conference_kind)
    assert hidden <= KIND_ONLY, answer
    kept = [slug for slug in _slugs(app) if slug not in hidden]
    assert set(_slugs(app)) - KIND_ONLY <= set(kept)


def test_other_help_keeps_and_brings_forward_interpreters_and_help(app: Flask) -> None:
    """Verify "other help" (without an interpreter) brings the interpreters-and-help step forward."""
    rules = app.extensions["parent_guide.tailoring_rules"]
    profile = Profile(interpreter="no", other_help="yes")
    assert "interpreters-and-help" in rules.brought_forward(profile.answers())
    assert "interpreters-and-help" not in rules.hidden(profile.conference_kind)


@pytest.mark.parametrize("band", ["0-4", "5-10", "11", "12-15", "16-17"])
def test_a_child_of_any_age_brings_forward_your_child(app: Flask, band: str) -> None:
    """Verify a child below the attendance age does not lose the step on the child, which says how their views are heard."""
    rules = app.extensions["parent_guide.tailoring_rules"]
    assert "your-child" in rules.brought_forward(Profile(ages=(band,)).answers())


def test_transfer_in_is_an_answer_and_hides_nothing_it_needs(app: Flask) -> None:
    """Verify transfer-in can be chosen and brings forward the kinds-of-conference step that explains it."""
    rules = app.extensions["parent_guide.tailoring_rules"]
    profile = Profile(kind="transfer-in")
    assert profile.conference_kind == "transfer-in"
    assert "kinds-of-conference" in rules.brought_forward(profile.answers())
    assert rules.hidden("transfer-in") == frozenset(KIND_ONLY)


def test_every_answer_is_written_down(app: Flask) -> None:
    """Verify the rules file says what every answer to every question brings forward (hiding is the exception)."""
    rules = app.extensions["parent_guide.tailoring_rules"]
    for question, answers in ANSWERS.items():
        for answer in answers:
            assert rules.emphasises[question].get(answer), f"{question}={answer} says nothing"


def test_an_unknown_kind_hides_nothing(app: Flask) -> None:
    """Verify a parent who has not said the kind sees every step."""
    assert app.extensions["parent_guide.tailoring_rules"].hidden(None) == frozenset()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[only_for]\nnowhere = ["review"]\n', "unknown step 'nowhere'"),
        ('[only_for]\npre-birth = ["trial"]\n', "must list kinds"),
        ('[emphasises.colour]\nred = ["pre-birth"]\n', "no such question"),
        ('[emphasises.kind]\nmaybe = ["pre-birth"]\n', "not an answer"),
        ('[emphasises.kind]\ninitial = ["nowhere"]\n', "unknown step 'nowhere'"),
    ],
)
def test_a_wrong_rule_names_the_file_and_problem(tmp_path: Path, text: str, problem: str) -> None:
    """Verify mistakes in the rules file stop loading with a clear message."""
    path = tmp_path / "tailoring.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TailoringRulesError, match=problem):
        load_rules(path, ["pre-birth", "review-conferences"], ANSWERS)


def test_every_kind_has_a_name_in_the_exported_document() -> None:
    """Verify the export can name every kind of conference a parent can choose, transfer-in included."""
    assert set(KIND_NAMES) == set(CONFERENCE_KINDS)
