"""Loading content: valid trees load, and every kind of mistake names its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from parent_guide.content import ContentError, load_library

SOURCES = "sources:\n  - fact: A fact\n    source: FACTS.md, The process\n"
STEP = """---
title: {title}
order: {order}
summary: A summary.
""" + SOURCES + """{extra}---
Body with a [term](glossary:term-one).
"""

GLOSSARY = """---
title: Words
summary: Words explained.
terms:
  - id: term-one
    term: Term one
    definition: What it means.
---
Intro.
"""

PAGE = "---\ntitle: {name}\nsummary: About {name}.\n---\nText.\n"


def _url(locale: str, scheme: str, target: str) -> str:
    return f"/{locale}/{scheme}/{target}"


def write_tree(root: Path, locale: str = "en") -> Path:
    """Write a small valid content tree and return its root."""
    folder = root / locale
    (folder / "steps").mkdir(parents=True)
    (folder / "pages").mkdir()
    (folder / "steps" / "01-first.md").write_text(STEP.format(title="First", order=1, extra=""))
    (folder / "steps" / "02-second.md").write_text(
        STEP.format(title="Second", order=2, extra="")
    )
    (folder / "glossary.md").write_text(GLOSSARY)
    for name in ("start", "accessibility", "privacy", "cookies", "before-you-write"):
        (folder / "pages" / f"{name}.md").write_text(PAGE.format(name=name))
    return root


def test_valid_tree_loads(tmp_path: Path) -> None:
    """Verify steps come in order with their sources and rendered HTML."""
    library = load_library(write_tree(tmp_path), "en", _url)
    steps = library["en"].steps
    assert [s.slug for s in steps] == ["first", "second"]
    assert steps[1].sources[0].source == "FACTS.md, The process"
    assert 'href="/en/glossary/term-one"' in steps[0].html
    assert library.locales == ("en",)


def test_the_real_content_loads(app) -> None:  # type: ignore[no-untyped-def]
    """Verify the shipped English content has at least the ten required topics."""
    library = app.extensions["parent_guide.content"]
    assert len(library["en"].steps) >= 10
    assert len(library["en"].glossary.terms) >= 10


@pytest.mark.parametrize(
    ("relative", "text", "problem"),
    [
        ("en/steps/01-first.md", "---\ntitle: [unclosed\n---\n", "cannot read front matter"),
        ("en/steps/01-first.md", STEP.format(title="First", order=1, extra="colour: red\n"), "unknown front matter key"),
        ("en/steps/01-first.md", "---\norder: 1\nsummary: s\n---\nx", "needs 'title'"),
        ("en/steps/01-first.md", STEP.format(title="First", order=7, extra=""), "'order' must be"),
        ("en/steps/first.md", STEP.format(title="First", order=1, extra=""), "named NN-slug.md"),
        ("en/steps/01-first.md", "---\ntitle: T\norder: 1\nsummary: s\n---\nx", "needs 'sources'"),
        ("en/steps/01-first.md", "---\ntitle: T\norder: 1\nsummary: s\nsources:\n  - fact: F\n    source: my uncle\n---\nx", "is not a leaflet"),
        ("en/steps/01-first.md", "---\ntitle: T\norder: 1\nsummary: s\nsources:\n  - fact: F\n    source: https://example.org/page\n---\nx", "is not a leaflet"),
        ("en/steps/01-first.md", "---\ntitle: T\norder: 1\nsummary: s\n" + SOURCES + "---\n# Big heading\n", "only h1"),
        ("en/steps/01-first.md", "---\ntitle: T\norder: 1\nsummary: s\n" + SOURCES + "---\nSee [x](glossary:nope).\n", "unknown glossary 'nope'"),
        ("en/steps/01-first.md", "---\ntitle: T\norder: 1\nsummary: s\n" + SOURCES + "---\nSee [x](step:nowhere).\n", "unknown step 'nowhere'"),
        ("en/steps/01-first.md", "---\ntitle: T\norder: 1\nsummary: s\n" + SOURCES + "---\nSee [x](page:nowhere).\n", "unknown page 'nowhere'"),
        ("en/glossary.md", "---\ntitle: W\nsummary: s\nterms:\n  - id: a\n    term: A\n---\n", "exactly 'id', 'term' and 'definition'"),
    ],
)
def test_invalid_file_fails_naming_file_and_problem(tmp_path: Path, relative: str, text: str, problem: str) -> None:
    """Verify each kind of mistake stops loading with the file and the problem."""
    root = write_tree(tmp_path)
    target = root / relative
    if relative.endswith("first.md"):
        (root / "en" / "steps" / "01-first.md").unlink()
    target.write_text(text)
    with pytest.raises(ContentError) as caught:
        load_library(root, "en", _url)
    assert caught.value.path == target
    assert problem in str(caught.value)


def test_missing_required_page_fails(tmp_path: Path) -> None:
    """Verify a missing privacy page is reported."""
    root = write_tree(tmp_path)
    (root / "en" / "pages" / "privacy.md").unlink()
    with pytest.raises(ContentError, match="missing page\\(s\\): privacy"):
        load_library(root, "en", _url)


def test_create_app_fails_on_bad_content(tmp_path: Path) -> None:
    """Verify start-up stops with the file named when content is broken."""
    from parent_guide import create_app

    root = write_tree(tmp_path)
    (root / "en" / "steps" / "02-second.md").write_text("---\ntitle: T\n---\n")
    with pytest.raises(ContentError, match="02-second.md"):
        create_app({"TESTING": True, "CONTENT_DIR": root})


def test_a_new_locale_needs_only_files(tmp_path: Path) -> None:
    """Verify a folder for a new locale adds it, English filling untranslated steps."""
    root = write_tree(tmp_path)
    (root / "cy" / "steps").mkdir(parents=True)
    (root / "cy" / "steps" / "01-first.md").write_text(STEP.format(title="Cyntaf", order=1, extra=""))
    library = load_library(root, "en", _url)
    assert library.locales == ("en", "cy")
    welsh = library["cy"]
    assert welsh.steps[0].title == "Cyntaf" and welsh.steps[0].lang == "cy"
    assert 'href="/cy/glossary/term-one"' in welsh.steps[0].html
    assert welsh.steps[1].title == "Second" and welsh.steps[1].lang == "en"
    assert welsh.pages["start"].lang == "en"


def test_a_translation_cannot_invent_a_step(tmp_path: Path) -> None:
    """Verify a translated step without an English original is an error."""
    root = write_tree(tmp_path)
    (root / "cy" / "steps").mkdir(parents=True)
    (root / "cy" / "steps" / "03-extra.md").write_text(STEP.format(title="Extra", order=3, extra=""))
    with pytest.raises(ContentError, match="has no en original"):
        load_library(root, "en", _url)
