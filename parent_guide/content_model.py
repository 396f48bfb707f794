"""The guide's content as the app uses it: steps, pages, the glossary and the form's words, per locale.

Read and checked by :mod:`parent_guide.content`; these are the shapes it builds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from parent_guide.content_files import Source


@dataclass(frozen=True)
class Step:
    """One page of the step-by-step guide.

    ``nested_html`` has every heading one level lower, for the print page where
    each step sits under its own h2.
    """

    slug: str
    order: int
    title: str
    summary: str
    html: str
    nested_html: str
    sources: tuple[Source, ...]
    lang: str


@dataclass(frozen=True)
class PrepareSection:
    """The words for one section of the preparation form."""

    slug: str
    order: int
    title: str
    question: str
    hints: tuple[str, ...]
    example: str
    html: str
    lang: str


@dataclass(frozen=True)
class Page:
    """A stand-alone page such as the start page or the privacy notice."""

    slug: str
    title: str
    summary: str
    html: str
    lang: str


@dataclass(frozen=True)
class Term:
    """One glossary entry; ``english`` is the English word given beside a translated term, if any."""

    id: str
    term: str
    html: str
    english: str = ""


@dataclass(frozen=True)
class Glossary:
    """The glossary page: an introduction and its terms."""

    title: str
    summary: str
    html: str
    terms: tuple[Term, ...]
    lang: str


@dataclass(frozen=True)
class LocaleContent:
    """All content in one locale, English filling any gap."""

    locale: str
    steps: tuple[Step, ...]
    pages: Mapping[str, Page]
    glossary: Glossary
    prepare: tuple[PrepareSection, ...]

    def step(self, slug: str) -> Step | None:
        """The step with this slug, if any."""
        return next((s for s in self.steps if s.slug == slug), None)

    def prepare_section(self, slug: str) -> PrepareSection | None:
        """The preparation form section with this slug, if any."""
        return next((s for s in self.prepare if s.slug == slug), None)

    def position(self, step: Step) -> int:
        """The 1-based number of ``step`` in the guide."""
        return self.steps.index(step) + 1


@dataclass(frozen=True)
class ContentLibrary:
    """Content for every locale the site offers."""

    default_locale: str
    by_locale: Mapping[str, LocaleContent]

    @property
    def locales(self) -> tuple[str, ...]:
        """Locale codes, the default first."""
        others = sorted(code for code in self.by_locale if code != self.default_locale)
        return (self.default_locale, *others)

    def __getitem__(self, locale: str) -> LocaleContent:
        return self.by_locale[locale]
