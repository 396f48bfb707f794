"""The guide's content: Markdown files with front matter under ``content/<locale>/``.

Everything is read and checked once at start-up, and put together here into one
library per locale. A file that is wrong stops the app with a
:class:`ContentError` that names the file and the problem; the checks on one
file's front matter are in ``content_files``, and the shapes built are in
``content_model``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from babel import Locale, UnknownLocaleError

from parent_guide import markdown_render
from parent_guide.content_files import SLUG, ContentError, numbered, read, require, sources
from parent_guide.content_model import ContentLibrary, Glossary, LocaleContent, Page, PrepareSection, Step, Term

REQUIRED_PAGES = ("start", "accessibility", "privacy", "cookies", "before-you-write")

StepUrl = Callable[[str, str, str], str]
"""Builds a URL for (locale, scheme, target); scheme is "step" or "glossary"."""


_ASIDE = re.compile(r"\s*\(([^()]{3,})\)")


def _with_english_aside(term: Term, english: Term | None) -> Term:
    """``term`` with a bracketed English word ("Zile lucrătoare (working days)") set apart, to be marked ``lang="en"``."""
    if english is None:
        return term
    for match in _ASIDE.finditer(term.term):
        if match.group(1).strip().casefold() in english.term.casefold():
            rest = (term.term[: match.start()] + term.term[match.end() :]).strip()
            return dataclasses.replace(term, term=rest, english=match.group(1).strip())
    return term


def discover_locales(content_dir: Path) -> list[str]:
    """Folders of ``content_dir`` named as a locale (``en``, ``cy``, ``pt-BR``)."""
    found = []
    for child in sorted(content_dir.iterdir()):
        if not child.is_dir():
            continue
        try:
            Locale.parse(child.name, sep="-")
        except (ValueError, UnknownLocaleError):
            continue
        found.append(child.name)
    return found


class _Renderer:
    """Renders Markdown for one locale and remembers links to check later."""

    def __init__(self, locale: str, url: StepUrl):
        self.locale = locale
        self.url = url
        self.links: list[tuple[Path, str, str]] = []

    def __call__(self, path: Path, text: str, heading_shift: int = 0) -> str:
        result = markdown_render.render(
            text, lambda scheme, target: self.url(self.locale, scheme, target), heading_shift
        )
        if any(tag == "h1" for tag, _ in result.headings):
            raise ContentError(path, "use '## ' for headings: the page title is the only h1")
        self.links.extend((path, scheme, target) for scheme, target in result.links)
        return result.html


def _load_prepare(folder: Path, render: _Renderer, lang: str) -> list[PrepareSection]:
    sections = []
    keys = ("title", "order", "question", "hints", "example")
    for path, slug, post in numbered(folder, keys, keys):
        hints = post.metadata["hints"]
        if not isinstance(hints, list) or not all(isinstance(h, str) for h in hints):
            raise ContentError(path, "'hints' must be a list of text")
        for key in ("question", "example"):
            if not isinstance(post.metadata[key], str):
                raise ContentError(path, f"'{key}' must be text")
        sections.append(
            PrepareSection(
                slug=slug,
                order=post.metadata["order"],
                title=post.metadata["title"].strip(),
                question=post.metadata["question"].strip(),
                hints=tuple(h.strip() for h in hints),
                example=post.metadata["example"].strip(),
                html=render(path, post.content),
                lang=lang,
            )
        )
    return sections


def _load_steps(folder: Path, render: _Renderer, lang: str) -> list[Step]:
    steps = []
    for path, slug, post in numbered(folder, ("title", "order", "summary", "sources"), ("title", "order", "summary", "sources")):
        steps.append(
            Step(
                slug=slug,
                order=post.metadata["order"],
                title=post.metadata["title"].strip(),
                summary=post.metadata["summary"].strip(),
                html=render(path, post.content),
                nested_html=render(path, post.content, heading_shift=1),
                sources=sources(path, post.metadata["sources"]),
                lang=lang,
            )
        )
    return steps


def _load_pages(folder: Path, render: _Renderer, lang: str) -> dict[str, Page]:
    pages = {}
    for path in sorted(folder.glob("*.md")):
        post = read(path)
        require(path, post.metadata, ("title", "summary"), ("title", "summary"))
        pages[path.stem] = Page(
            slug=path.stem,
            title=post.metadata["title"].strip(),
            summary=post.metadata["summary"].strip(),
            html=render(path, post.content),
            lang=lang,
        )
    return pages


def _load_glossary(path: Path, render: _Renderer, lang: str) -> Glossary:
    post = read(path)
    require(path, post.metadata, ("title", "summary", "terms"), ("title", "summary", "terms"))
    raw_terms = post.metadata["terms"]
    if not isinstance(raw_terms, list):
        raise ContentError(path, "'terms' must be a list")
    terms: list[Term] = []
    for index, raw in enumerate(raw_terms, start=1):
        if not isinstance(raw, dict) or set(raw) != {"id", "term", "definition"}:
            raise ContentError(path, f"term {index} needs exactly 'id', 'term' and 'definition'")
        if not SLUG.match(str(raw["id"])):
            raise ContentError(path, f"term {index}: id '{raw['id']}' is not a valid slug")
        if any(t.id == raw["id"] for t in terms):
            raise ContentError(path, f"term id '{raw['id']}' is used twice")
        terms.append(Term(id=raw["id"], term=str(raw["term"]).strip(), html=render(path, str(raw["definition"]))))
    return Glossary(
        title=post.metadata["title"].strip(),
        summary=post.metadata["summary"].strip(),
        html=render(path, post.content),
        terms=tuple(terms),
        lang=lang,
    )


@dataclass
class _Loaded:
    steps: list[Step]
    pages: dict[str, Page]
    glossary: Glossary | None
    prepare: list[PrepareSection]
    render: _Renderer


def _load_locale(folder: Path, locale: str, url: StepUrl) -> _Loaded:
    render = _Renderer(locale, url)
    glossary_path = folder / "glossary.md"
    return _Loaded(
        steps=_load_steps(folder / "steps", render, locale) if (folder / "steps").is_dir() else [],
        pages=_load_pages(folder / "pages", render, locale) if (folder / "pages").is_dir() else {},
        glossary=_load_glossary(glossary_path, render, locale) if glossary_path.exists() else None,
        prepare=_load_prepare(folder / "prepare", render, locale) if (folder / "prepare").is_dir() else [],
        render=render,
    )


def _merge(base: list[Any], translated: list[Any], folder: Path, default_locale: str) -> tuple[Any, ...]:
    """The base items in order, each replaced by its translation where there is one."""
    base_slugs = {item.slug for item in base}
    extra = [item for item in translated if item.slug not in base_slugs]
    if extra:
        raise ContentError(folder, f"'{extra[0].slug}' has no {default_locale} original")
    by_slug = {item.slug: item for item in translated}
    return tuple(by_slug.get(item.slug, item) for item in base)


def _check_unique(folder: Path, steps: list[Step]) -> None:
    seen: dict[str, int] = {}
    for step in steps:
        if step.slug in seen:
            raise ContentError(folder / "steps", f"slug '{step.slug}' is used twice")
        seen[step.slug] = step.order


def _check_links(render: _Renderer, steps: Iterable[Step], glossary: Glossary, pages: Mapping[str, Page]) -> None:
    known_by_scheme = {
        "step": {s.slug for s in steps},
        "glossary": {t.id for t in glossary.terms} | {""},
        "page": set(pages),
    }
    for path, scheme, target in render.links:
        known = known_by_scheme[scheme]
        if target not in known:
            raise ContentError(path, f"link to unknown {scheme} '{target}'")


def load_library(content_dir: Path, default_locale: str, url: StepUrl) -> ContentLibrary:
    """Read and check every locale's content; English fills gaps in the others."""
    if not content_dir.is_dir():
        raise ContentError(content_dir, "content folder not found")
    locales = discover_locales(content_dir)
    if default_locale not in locales:
        raise ContentError(content_dir / default_locale, "the default locale has no content folder")

    base_folder = content_dir / default_locale
    base = _load_locale(base_folder, default_locale, url)
    if not base.steps:
        raise ContentError(base_folder / "steps", "no steps found")
    if base.glossary is None:
        raise ContentError(base_folder / "glossary.md", "file not found")
    missing = [name for name in REQUIRED_PAGES if name not in base.pages]
    if missing:
        raise ContentError(base_folder / "pages", f"missing page(s): {', '.join(missing)}")
    _check_unique(base_folder, base.steps)
    _check_links(base.render, base.steps, base.glossary, base.pages)

    by_locale: dict[str, LocaleContent] = {
        default_locale: LocaleContent(
            default_locale, tuple(base.steps), MappingProxyType(base.pages), base.glossary, tuple(base.prepare)
        )
    }
    for locale in locales:
        if locale == default_locale:
            continue
        folder = content_dir / locale
        loaded = _load_locale(folder, locale, url)
        steps = _merge(base.steps, loaded.steps, folder / "steps", default_locale)
        glossary = loaded.glossary or base.glossary
        if loaded.glossary:
            english = {t.id: t for t in base.glossary.terms}
            glossary = dataclasses.replace(glossary, terms=tuple(_with_english_aside(t, english.get(t.id)) for t in glossary.terms))
        _check_links(loaded.render, steps, glossary, {**base.pages, **loaded.pages})
        by_locale[locale] = LocaleContent(
            locale,
            steps,
            MappingProxyType({**base.pages, **loaded.pages}),
            glossary,
            _merge(base.prepare, loaded.prepare, folder / "prepare", default_locale),
        )
    return ContentLibrary(default_locale, MappingProxyType(by_locale))
