"""A section's form page filled in from the worker's marked copy: the same page as a full render."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from parent_guide.page_store import PageStore
from parent_guide.render_cache import EXTENSION
from tests.conftest import make_app
from tests.unit.prepare.test_views import post_section, start_draft

# What parents write, and what could trip a copy filled in by hand: markup, quotes,
# a first new line (which a text box drops), right-to-left script, marker-like text.
TEXTS = (
    "We read together and walk to school.",
    '<script>alert("x")</script> & "quotes" \'apostrophes\' &amp; <b>',
    "\nIt starts with a new line.\n\nAnd it has two paragraphs.",
    "نحن نقرأ معاً كل مساء",
    "pg:version pg:answer pg:csrf {answer} %(answer)s \\x00",
    "Long. " * 700,
)
TOKEN = re.compile(r'(name="csrf_token"[^>]*value=")[^"]+"')


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """One app for the module: building one takes seconds."""
    yield make_app(f"sqlite:///{Path(tmp_path_factory.mktemp('section_page')) / 'pages.sqlite3'}")


def _marked_copies(pages: PageStore[str]) -> list[str]:
    return [page for page in pages._pages.values() if "\x00pg:" in page]


def _full_render(client: FlaskClient, pages: PageStore[str], url: str) -> str:
    """The page rendered whole, with nothing kept."""
    size = pages.size
    pages.size = 0
    try:
        return client.get(url).get_data(as_text=True)
    finally:
        pages.size = size


def _sections(app: Flask, lang: str) -> list[str]:
    return [section.slug for section in app.extensions["parent_guide.content"][lang].prepare]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_filled_page_is_the_page_a_full_render_gives(app: Flask, lang: str) -> None:
    """Verify each section, empty and with each text saved, equals a full render after another parent's visit kept the copy."""
    pages: PageStore[str] = app.extensions[EXTENSION]
    parent, other = app.test_client(), app.test_client()
    start_draft(parent)
    start_draft(other)
    for slug in _sections(app, lang):
        url = f"/{lang}/prepare/{slug}"
        for text in (None, *TEXTS):
            if text is not None and slug != "practical-needs":
                assert post_section(parent, url, answer=text, action="later").status_code == 302  # type: ignore[attr-defined]
            pages.clear()
            other.get(url)  # another parent's visit keeps the marked copy
            filled = parent.get(url).get_data(as_text=True)
            full = _full_render(parent, pages, url)
            assert TOKEN.sub(r"\1TOKEN", filled) == TOKEN.sub(r"\1TOKEN", full), (url, text)
            if slug != "practical-needs":
                assert len(_marked_copies(pages)) == 1, "the page was not filled in from a kept copy"
                if text is not None:
                    assert text.strip()[:20] not in _marked_copies(pages)[0]


def test_the_kept_copy_holds_no_answer_token_or_code(app: Flask) -> None:
    """Verify the marked copy has markers where the answers, version and token go, and nothing of the parent's."""
    pages: PageStore[str] = app.extensions[EXTENSION]
    pages.clear()
    client = app.test_client()
    code = start_draft(client)
    post_section(client, "/en/prepare/worries", answer="My private worry about Sam", action="later")
    page = client.get("/en/prepare/worries").get_data(as_text=True)
    (kept,) = _marked_copies(pages)
    token = TOKEN.search(page).group(0)  # type: ignore[union-attr]
    assert "My private worry about Sam" in page and "My private worry about Sam" not in kept
    assert token not in kept and code not in kept and code.replace("-", "") not in kept
    assert sorted(re.findall("\x00pg:([a-z]+)\x00", kept)) == ["answer", "csrf", "version"]
    assert "\x00" not in page


def test_practical_needs_and_pages_with_a_query_are_rendered_whole(app: Flask) -> None:
    """Verify only a first showing of a section with answer boxes alone is kept (radios and inputs draw empty values differently)."""
    pages: PageStore[str] = app.extensions[EXTENSION]
    client = app.test_client()
    start_draft(client)
    pages.clear()
    client.get("/en/prepare/practical-needs")
    client.get("/en/prepare/worries?return=check")
    assert _marked_copies(pages) == []
    client.get("/en/prepare/worries")
    assert len(_marked_copies(pages)) == 1
