"""Reading one content file and checking its front matter.

A step names the source of every fact it states in ``sources``: a council
leaflet (``leaflets/kent.txt``), ``FACTS.md`` (the project's checked national
facts), the Working Together or Wales Safeguarding Procedures, or a public
page's address with the date it was read, such as
``https://frg.org.uk/... (read 2026-12-01)``. A fact without a source is not
published.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import frontmatter
import yaml

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STEP_FILE = re.compile(r"^(\d+)-([a-z0-9-]+)\.md$")
SOURCE = re.compile(
    r"^(?:FACTS\.md\b.*"
    r"|leaflets/[a-z-]+\.txt\b.*"
    r"|Working Together to Safeguard Children 2023\b.*"
    r"|Wales Safeguarding Procedures\b.*"
    r"|https://\S+ \(read \d{4}-\d{2}-\d{2}\))$"
)


class ContentError(Exception):
    """A content file is missing or invalid."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Source:
    """One fact a page states, and where it comes from."""

    fact: str
    source: str


def read(path: Path) -> frontmatter.Post:
    """The file's front matter and body."""
    try:
        return frontmatter.loads(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ContentError(path, f"cannot read front matter: {error}") from error


def require(path: Path, meta: Mapping[str, Any], allowed: Iterable[str], required: Iterable[str]) -> None:
    """Refuse unknown keys and missing required ones; title and summary must be text."""
    unknown = sorted(set(meta) - set(allowed))
    if unknown:
        raise ContentError(path, f"unknown front matter key(s): {', '.join(unknown)}")
    for key in required:
        value = meta.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ContentError(path, f"front matter needs '{key}'")
    for key in ("title", "summary"):
        if key in meta and not isinstance(meta[key], str):
            raise ContentError(path, f"'{key}' must be text")


def sources(path: Path, raw: Any) -> tuple[Source, ...]:
    """The ``sources`` list: each item a ``fact`` and a ``source`` of a known kind."""
    if not isinstance(raw, list) or not raw:
        raise ContentError(path, "'sources' must be a list of facts, each with its source")
    found = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or set(item) != {"fact", "source"}:
            raise ContentError(path, f"source {index} needs exactly 'fact' and 'source'")
        fact, source = item["fact"], item["source"]
        if not isinstance(fact, str) or not fact.strip() or not isinstance(source, str):
            raise ContentError(path, f"source {index}: 'fact' and 'source' must be text")
        if not SOURCE.match(source.strip()):
            raise ContentError(
                path,
                f"source {index}: '{source}' is not a leaflet (leaflets/NAME.txt), FACTS.md, Working Together to "
                "Safeguard Children 2023, the Wales Safeguarding Procedures, or 'https://... (read YYYY-MM-DD)'",
            )
        found.append(Source(fact.strip(), source.strip()))
    return tuple(found)


def numbered(folder: Path, allowed: tuple[str, ...], required: tuple[str, ...]) -> Iterable[tuple[Path, str, frontmatter.Post]]:
    """Each ``NN-slug.md`` file in ``folder`` with its slug and checked front matter."""
    for path in sorted(folder.glob("*.md")):
        match = STEP_FILE.match(path.name)
        if not match:
            raise ContentError(path, "files here are named NN-slug.md, for example 01-what-is-a-conference.md")
        post = read(path)
        require(path, post.metadata, allowed, required)
        order = post.metadata["order"]
        if not isinstance(order, int) or order != int(match.group(1)):
            raise ContentError(path, "'order' must be a whole number matching the file name's number")
        slug = match.group(2)
        if not SLUG.match(slug):
            raise ContentError(path, f"'{slug}' is not a valid slug")
        yield path, slug, post
