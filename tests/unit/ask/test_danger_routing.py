"""Danger routing in every language: every danger question shows help, no ordinary question does."""

from __future__ import annotations

import pytest
from flask import Flask

from parent_guide.ask.evaluation import ROUTES, read
from parent_guide.ask.search import danger_kinds
from parent_guide.config import PROJECT_ROOT

EVAL = PROJECT_ROOT / "tests" / "ask" / "eval"
# Every extra danger list (each written before its language's patterns), every
# tuning set's danger questions, the English development set's, every second
# and third development set's (written blind, with indirect ways of saying it),
# and the fourth and fifth English ones'.
DANGER_FILES = (
    tuple(sorted(p.name for p in EVAL.glob("extra-danger-*.toml")))
    + tuple(sorted(p.name for p in EVAL.glob("tuning-*.toml")))
    + ("dev-en.toml",)
    + tuple(sorted(p.name for p in EVAL.glob("dev2-*.toml")))
    + tuple(sorted(p.name for p in EVAL.glob("dev3-*.toml")))
    + ("dev4-en.toml", "dev5-en.toml")
)


def _danger_items() -> list[tuple[str, str]]:
    return [(item["q"], item["route"]) for name in DANGER_FILES for item in read(EVAL / name).get("danger", [])]


def test_every_language_has_an_extra_danger_list() -> None:
    """Verify each language with questions has its own danger list of at least 30, across all three routes."""
    for code in ("en", "cy", "pl", "ro", "ur", "ar"):
        items = read(EVAL / f"extra-danger-{code}.toml")["danger"]
        assert len(items) >= 30, code
        assert {item["route"] for item in items} == set(ROUTES), code


def test_extra_danger_list_is_large_and_covers_every_route() -> None:
    """Verify the extra list holds at least 60 questions across all three routes."""
    items = read(EVAL / "extra-danger-en.toml")["danger"]
    assert len(items) >= 60
    assert {item["route"] for item in items} == set(ROUTES)


@pytest.mark.parametrize(("question", "route"), _danger_items())
def test_danger_question_routes_to_its_help_line(app: Flask, question: str, route: str) -> None:
    """Verify each danger question (extra lists, tuning and development sets) is routed to its help line."""
    locales = app.extensions["parent_guide.ask"].locales
    assert ROUTES[route] in danger_kinds(question, locales)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in EVAL.glob("tuning-*.toml")) + sorted(p.name for p in EVAL.glob("dev2-*.toml")) + ["dev4-en.toml", "dev5-en.toml"]
)
def test_ordinary_tuning_questions_are_not_routed_to_danger(app: Flask, name: str) -> None:
    """Verify no answerable or off-topic tuning, second, fourth or fifth (English) development question is taken for danger.

    A question that tells of abuse by someone who will be at the meeting is
    labelled answerable, and shows the abuse help line as well: past abuse is
    not ruled out of the patterns, since a wrong match costs little.
    """
    searcher = app.extensions["parent_guide.ask"]
    data = read(EVAL / name)
    questions = [item["q"] for item in data["answerable"]] + list(data.get("off_topic", []))
    routed = [q for q in questions if danger_kinds(q, searcher.locales) and q not in TELLS_OF_ABUSE]
    assert routed == []
    for question, entry in TELLS_OF_ABUSE.items():
        if question in questions:
            outcome = searcher.ask(question, "en")
            assert outcome.danger == ("abuse",) and entry in [m.entry_id for m in outcome.matches]


# Answerable questions that tell of abuse: the help line first, then the answer.
TELLS_OF_ABUSE = {
    "my ex who used to beat me up is gonna be at the conference, i cant be in same room as him": "ex-will-be-there",
    # dev5-en: asking for a way out of a violent relationship may well be asking for oneself
    "is there a helpline for women getting out of a violent relationship": "domestic-abuse-help",
}
