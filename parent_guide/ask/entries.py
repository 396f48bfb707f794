"""The curated questions and answers, read once from ``content/<locale>/questions/``.

Each entry is ``<id>.md``: front matter ``title`` (the question), ``step`` (the
guide step that explains more), ``topic`` and ``phrasings`` (ways parents
really ask it); the body is the short answer. Entries share ids across
locales; one missing in a language falls back to English. A mistake stops
start-up with the file named, as for the rest of the content.

Each locale's ``ask.toml`` holds its ``[language]`` settings and its
``[danger]`` patterns, a list for each kind; ``[danger.fragments]`` names
pieces of pattern many share (the words for a child), written ``{name}`` in a
pattern, so a word added once reaches every pattern that uses it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from parent_guide import markdown_render
from parent_guide.ask.language import Language, language_from, plain_words
from parent_guide.ask.local_facts import unknown_placeholders
from parent_guide.ask.sieve import Sieve
from parent_guide.content_files import SLUG, ContentError
from parent_guide.content_model import ContentLibrary

DANGER_KINDS = ("abuse", "self_harm", "child_now")
# The shortest word a slip is mended in, and pattern word it is mended to (see danger.py): shorter
# words are too often one slip from another word ("hit", "hot").
MIN_SLIP_LENGTH = 4
_ESCAPES = re.compile(r"\\.")
_PATTERN_WORD = re.compile(r"[^\W\d_]{%d,}" % MIN_SLIP_LENGTH)
_KEYS = ("title", "step", "topic", "phrasings")
# A named fragment in a danger pattern: "{child}" (a name, so a count such as "{0,30}" is never one).
_FRAGMENT_NAME = re.compile(r"[a-z_]+")
_FRAGMENT = re.compile(r"\{(%s)\}" % _FRAGMENT_NAME.pattern)


@dataclass(frozen=True)
class Entry:
    """One vetted question and its short answer; ``answer_html`` may hold ``{facts}``."""

    id: str
    title: str
    step: str
    topic: str
    phrasings: tuple[str, ...]
    answer_html: str
    lang: str


@dataclass(frozen=True)
class LocaleAsk:
    """One locale's entries (its own only), its way of reading text and its danger patterns."""

    locale: str
    entries: dict[str, Entry]
    language: Language
    danger: dict[str, tuple[re.Pattern[str], ...]]
    @cached_property
    def danger_words(self) -> tuple[str, ...]:
        """The whole words the danger patterns spell out ("hitting", "strangled"), to mend a slip against (see danger.py)."""
        return tuple(sorted({w for patterns in self.danger.values() for p in patterns for w in _PATTERN_WORD.findall(_ESCAPES.sub(" ", p.pattern))}))

    @cached_property
    def danger_sieve(self) -> tuple[Sieve, tuple[str, ...]]:
        """Every danger pattern in one sieve (see sieve.py), and the kind of each."""
        listed = [(kind, pattern) for kind in DANGER_KINDS for pattern in self.danger[kind]]
        return Sieve([pattern for _, pattern in listed]), tuple(kind for kind, _ in listed)

    def danger_in(self, text: str) -> set[str]:
        """The kinds of danger this language's patterns find in ``text`` (read by ``language.normalised``)."""
        sieve, kinds = self.danger_sieve
        found: set[str] = set()
        for index in sorted(sieve.candidates(text)):
            if kinds[index] not in found and sieve.patterns[index].search(text):
                found.add(kinds[index])
        return found

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Words this language writes correctly: its entries' words (as typed), stopwords and pattern words."""
        texts = [t for e in self.entries.values() for t in (e.title, *e.phrasings, e.answer_html)]
        return frozenset(w for t in texts for w in plain_words(t)) | self.language.stopwords | set(self.danger_words)

    def knows(self, word: str) -> bool:
        """Whether ``word`` is one this language writes correctly (its own words or its dictionary's)."""
        return word in self.known_words or self.language.known(word)


def _entry(path: Path, locale: str, steps: set[str], url: Any) -> Entry:
    try:
        post = frontmatter.loads(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ContentError(path, f"cannot read front matter: {error}") from error
    meta = post.metadata
    if set(meta) != set(_KEYS):
        raise ContentError(path, f"front matter needs exactly {', '.join(_KEYS)}")
    for key in ("title", "step", "topic"):
        if not isinstance(meta[key], str) or not meta[key].strip():
            raise ContentError(path, f"'{key}' must be text")
    if not SLUG.match(path.stem):
        raise ContentError(path, f"'{path.stem}' is not a valid id: use lower case words and hyphens")
    if meta["step"] not in steps:
        raise ContentError(path, f"step '{meta['step']}' is not a guide step")
    if not SLUG.match(str(meta["topic"])):
        raise ContentError(path, "'topic' must be a slug such as 'on-the-day'")
    phrasings = meta["phrasings"]
    if not isinstance(phrasings, list) or len(phrasings) < 3 or not all(isinstance(p, str) and p.strip() for p in phrasings):
        raise ContentError(path, "'phrasings' must be a list of at least 3 ways of asking")
    if not post.content.strip():
        raise ContentError(path, "the answer (the text after the front matter) is empty")
    result = markdown_render.render(post.content, lambda scheme, target: url(locale, scheme, target))
    if result.headings:
        raise ContentError(path, "an answer is a few sentences: no headings")
    unknown = unknown_placeholders(result.html)
    if unknown:
        raise ContentError(path, f"unknown placeholder '{{{unknown[0]}}}'")
    for scheme, target in result.links:
        if scheme == "step" and target not in steps:
            raise ContentError(path, f"link to unknown step '{target}'")
    return Entry(
        id=path.stem,
        title=str(meta["title"]).strip(),
        step=str(meta["step"]),
        topic=str(meta["topic"]),
        phrasings=tuple(p.strip() for p in phrasings),
        answer_html=result.html,
        lang=locale,
    )


def _settings(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ContentError(path, "file not found: every locale with questions needs one")
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(path, f"not valid TOML: {error}") from error


def _fragments(path: Path, raw: Any) -> dict[str, str]:
    """``[danger.fragments]``: named pieces of pattern (a list of words for a child, say) kept in one place."""
    if not isinstance(raw, dict) or not all(isinstance(k, str) and _FRAGMENT_NAME.fullmatch(k) and isinstance(v, str) for k, v in raw.items()):
        raise ContentError(path, "[danger.fragments] must map lower-case names to pattern text")
    return dict(raw)


def _expanded(path: Path, kind: str, pattern: str, fragments: dict[str, str]) -> str:
    """``pattern`` with each ``{name}`` replaced by its fragment, as a group (a ``{2,5}`` count is left alone)."""

    def piece(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise ContentError(path, f"danger.{kind}: unknown fragment '{{{name}}}'")
        return f"(?:{fragments[name]})"

    return _FRAGMENT.sub(piece, pattern)


def _danger(path: Path, raw: Any) -> dict[str, tuple[re.Pattern[str], ...]]:
    if not isinstance(raw, dict) or set(raw) - {*DANGER_KINDS, "fragments"}:
        raise ContentError(path, f"[danger] may only hold {', '.join(DANGER_KINDS)} and fragments")
    fragments = _fragments(path, raw.get("fragments", {}))
    compiled = {}
    for kind in DANGER_KINDS:
        try:
            compiled[kind] = tuple(re.compile(_expanded(path, kind, p, fragments)) for p in raw.get(kind, []))
        except re.error as error:
            raise ContentError(path, f"danger.{kind}: {error}") from error
    return compiled


def load_locale(folder: Path, locale: str, steps: set[str], url: Any) -> LocaleAsk | None:
    """One locale's entries and settings, or None when it has no questions folder."""
    questions = folder / "questions"
    if not questions.is_dir():
        return None
    settings = _settings(folder / "ask.toml")
    entries = {path.stem: _entry(path, locale, steps, url) for path in sorted(questions.glob("*.md"))}
    return LocaleAsk(
        locale=locale,
        entries=entries,
        language=language_from(locale, settings.get("language") or {}),
        danger=_danger(folder / "ask.toml", settings.get("danger") or {}),
    )


def load_all(content_dir: Path, library: ContentLibrary, url: Any) -> dict[str, LocaleAsk]:
    """Every locale's entries; ids must exist in the default locale."""
    found: dict[str, LocaleAsk] = {}
    default = library.default_locale
    for locale in library.locales:
        steps = {s.slug for s in library[locale].steps}
        loaded = load_locale(content_dir / locale, locale, steps, url)
        if loaded is not None:
            found[locale] = loaded
    if default not in found or not found[default].entries:
        raise ContentError(content_dir / default / "questions", "no questions found")
    for locale, loaded in found.items():
        extra = sorted(set(loaded.entries) - set(found[default].entries))
        if extra:
            raise ContentError(content_dir / locale / "questions" / f"{extra[0]}.md", f"has no {default} original")
    return found
