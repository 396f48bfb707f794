"""The document model shared by the PDF and Word renderers, and text helpers for both.

Plain data with no Flask in it, so a document can be built and rendered
anywhere: a request, a test or a benchmark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters XML 1.0 cannot hold (C0 controls other than tab, newline and
# carriage return, lone surrogates, U+FFFE and U+FFFF). Word files are XML and
# WeasyPrint parses HTML into XML trees, so neither renderer can keep them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Heading:
    """A heading in the parent's language, with English alongside when different."""

    text: str
    english: str | None


@dataclass(frozen=True)
class Answer:
    """One answer: the question (when a section has several) and the parent's text."""

    label: Heading | None
    text: str


@dataclass(frozen=True)
class Section:
    """A section of the form the parent answered."""

    heading: Heading
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Fact:
    """A fact about the conference, such as its date."""

    label: Heading
    value: str


@dataclass(frozen=True)
class ViewsDocument:
    """Everything needed to render the parent's views, in their language."""

    lang: str
    direction: str
    title: Heading
    language_note: str | None
    facts: tuple[Fact, ...]
    sections: tuple[Section, ...]
    prepared_on: str
    footer_confidential: Heading
    footer_prepared: Heading
    page_of: Heading
    author: str
    filename_stem: str


def xml_safe(text: str) -> str:
    """``text`` with line endings normalised and the characters XML cannot hold removed."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def with_english(heading: Heading) -> str:
    """A heading as one line of plain text: ``text / english``, or ``text`` alone."""
    return f"{heading.text} / {heading.english}" if heading.english else heading.text


PAGE = "%(page)s"
PAGES = "%(pages)s"
_PAGE_TOKENS = re.compile(r"(%\(page\)s|%\(pages\)s)")


def page_parts(pattern: str) -> list[str]:
    """Split a footer pattern such as "Page %(page)s of %(pages)s" into text and the two tokens."""
    return [part for part in _PAGE_TOKENS.split(pattern) if part]
