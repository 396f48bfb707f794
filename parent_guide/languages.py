"""What the site says about each language: its own name, whether it is shipped, how it was made.

Read from ``content/<locale>/LANGUAGE.toml``, one file beside each locale's
content, so the list of locales still comes from the content folders alone:

    name = "Cymraeg"            # the language's name in itself
    status = "shipped"          # or "in-progress": English fills the gaps, marked
    made = "How the translation was made, in plain words, in this language."
    reviewed = false            # true once a qualified translator has checked it

A locale with no file is in progress. Shipped locales must have everything
translated; tests/unit/test_translations_complete.py checks it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale
from flask import Flask, current_app

from parent_guide.content import discover_locales

FILE_NAME = "LANGUAGE.toml"
SHIPPED = "shipped"
IN_PROGRESS = "in-progress"
STATUSES = (SHIPPED, IN_PROGRESS)
EXTENSION_KEY = "parent_guide.languages"


class LanguageFileError(ValueError):
    """A ``LANGUAGE.toml`` has a wrong or missing value."""


@dataclass(frozen=True)
class Language:
    """One language the site is offered in."""

    code: str
    name: str
    status: str
    made: str
    reviewed: bool

    @property
    def shipped(self) -> bool:
        """Whether the language is complete and offered as finished."""
        return self.status == SHIPPED


@lru_cache
def native_name(code: str) -> str:
    """The language's name in itself, for example ``Cymraeg``."""
    locale = Locale.parse(code, sep="-")
    name = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:]


def read_language(content_dir: Path, code: str) -> Language:
    """The language data for ``code``; in progress, named by Babel, when there is no file."""
    path = content_dir / code / FILE_NAME
    data = tomllib.loads(path.read_text("utf-8")) if path.exists() else {}
    status = data.get("status", IN_PROGRESS)
    if status not in STATUSES:
        raise LanguageFileError(f"{path}: status must be one of {', '.join(STATUSES)}, not {status!r}")
    unknown = set(data) - {"name", "status", "made", "reviewed"}
    if unknown:
        raise LanguageFileError(f"{path}: unknown field(s) {', '.join(sorted(unknown))}")
    return Language(
        code=code,
        name=str(data.get("name") or native_name(code)),
        status=status,
        made=str(data.get("made", "")),
        reviewed=bool(data.get("reviewed", False)),
    )


def read_languages(content_dir: Path, default_locale: str) -> dict[str, Language]:
    """Every locale's language data, the default first."""
    codes = discover_locales(content_dir)
    ordered = [default_locale, *(code for code in codes if code != default_locale)]
    return {code: read_language(content_dir, code) for code in ordered}


def shipped_locales(content_dir: Path, default_locale: str) -> list[str]:
    """Locales marked shipped: these may have no English showing through."""
    return [code for code, language in read_languages(content_dir, default_locale).items() if language.shipped]


def languages() -> dict[str, Language]:
    """The languages of the running app."""
    return current_app.extensions[EXTENSION_KEY]


def init_app(app: Flask) -> None:
    """Read every ``LANGUAGE.toml`` once at start-up and offer them to templates."""
    app.extensions[EXTENSION_KEY] = read_languages(Path(app.config["CONTENT_DIR"]), app.config["DEFAULT_LOCALE"])
    app.add_template_global(languages, "languages")
