"""The results page filled in from the worker's marked copy: the same page as a full render, and nothing kept of a question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from parent_guide.ask.results_page import MARKER
from parent_guide.ask.search import Outcome
from parent_guide.page_store import PageStore
from parent_guide.render_cache import EXTENSION
from tests.conftest import make_app
from tests.unit.prepare.test_views import start_draft

# What could trip a copy filled in by hand: markup, quotes, right-to-left script,
# marker-like text, danger, nothing found, an empty and a too long question.
QUESTIONS = {
    "en": (
        "will they take my kids",
        'will they take my kids <script>alert("x")</script> & "quotes" \'apostrophes\'',
        "can my mum come with me \x00pg:question\x00",
        "can my mum come pg:question {question} %(question)s",
        "he hits me and i am scared &amp; <b>",
        "whats the weather in leeds",
        "   ",
        "x" * 600,
    ),
    "ar": ("هل سيأخذون أطفالي", "زوجي يضربني"),
}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """One app for the module: building one takes seconds."""
    yield make_app(f"sqlite:///{Path(tmp_path_factory.mktemp('results_page')) / 'pages.sqlite3'}")


def _marked_copies(pages: PageStore[str]) -> list[str]:
    return [page for page in pages._pages.values() if MARKER in page]


def _ask(client: FlaskClient, lang: str, question: str) -> tuple[int, str]:
    response = client.post(f"/{lang}/ask", data={"question": question})
    return response.status_code, response.get_data(as_text=True)


def _full_render(client: FlaskClient, pages: PageStore[str], lang: str, question: str) -> tuple[int, str]:
    size = pages.size
    pages.size = 0
    try:
        return _ask(client, lang, question)
    finally:
        pages.size = size


@pytest.mark.parametrize("signed_in", [False, True], ids=["new visitor", "parent with a draft"])
@pytest.mark.parametrize("lang", sorted(QUESTIONS))
def test_a_filled_results_page_is_the_page_a_full_render_gives(app: Flask, lang: str, signed_in: bool) -> None:
    """Verify each question, asked after another one that found the same kept the copy, equals a full render."""
    pages: PageStore[str] = app.extensions[EXTENSION]
    parent, other = app.test_client(), app.test_client()
    if signed_in:
        start_draft(parent)
        start_draft(other)
    for question in QUESTIONS[lang]:
        pages.clear()
        _ask(other, lang, question)  # another parent's question keeps the marked copy
        filled = _ask(parent, lang, question)
        assert filled == _full_render(parent, pages, lang, question), (lang, question)
        if MARKER in question:
            assert not _marked_copies(pages), "a question holding the marker is drawn in full"
            continue
        copies = _marked_copies(pages)
        assert len(copies) == 1, "the page was not filled in from a kept copy"
        # The copy's box holds the marker, not the question: it is the page with the question taken out.
        assert f">{MARKER}</textarea>" in copies[0]
        assert copies[0].replace(MARKER, str(escape(question))) == filled[1]


def test_a_copy_is_kept_per_outcome_not_per_question(app: Flask) -> None:
    """Verify two questions that find different entries get different pages, each with its own answers."""
    pages: PageStore[str] = app.extensions[EXTENSION]
    client = app.test_client()
    pages.clear()
    _, kids = _ask(client, "en", "will they take my kids")
    _, mum = _ask(client, "en", "can my mum come with me")
    assert len(_marked_copies(pages)) == 2
    assert kids != mum.replace("can my mum come with me", "will they take my kids")
    # The same question in other words and capitals finds the same: one copy serves both.
    _, again = _ask(client, "en", "Will they take my KIDS?")
    assert len(_marked_copies(pages)) == 2
    assert again == kids.replace("will they take my kids", "Will they take my KIDS?")


def test_help_lines_for_danger_are_never_taken_from_a_page_without_them(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """Verify a question that tells of danger and finds no entry does not get the kept page of one that found nothing either."""
    pages: PageStore[str] = app.extensions[EXTENSION]
    searcher = app.extensions["parent_guide.ask"]
    told = {"nothing here": Outcome((), ()), "he hurts me": Outcome(("abuse",), ())}
    monkeypatch.setattr(searcher, "ask", lambda question, locale: told[question])
    client = app.test_client()
    pages.clear()
    _, quiet = _ask(client, "en", "nothing here")
    _, danger = _ask(client, "en", "he hurts me")
    assert "ask-danger-title" not in quiet and "ask-danger-title" in danger
    assert danger == _full_render(client, pages, "en", "he hurts me")[1]
