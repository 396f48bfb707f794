"""Area packs in the parent's language: translated wording laid over the English pack.

A pack (``content/areas/<id>.toml``) is written in English. Its wording for
another language lives beside that language's content, in
``content/<locale>/areas/<id>.toml``, with the same shape as the pack but only
the text to translate, for example::

    notes = ["Mae'r gynhadledd fel arfer yn Neuadd y Sir."]

    [names]
    chair = "cadeirydd annibynnol"

    [[contacts]]           # contacts in the pack's order; leave one as {} to keep it
    label = "Tîm diogelu plant"

Only wording can be overlaid: numbers, dates, phone numbers, email and web
addresses and identifiers always come from the pack. Anything not translated
stays in English. Files are read and checked once at start-up.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from flask import Flask, current_app

from parent_guide.content import discover_locales

EXTENSION_KEY = "parent_guide.area_language"
# Fields that are facts, not wording: never taken from a translation.
FACTS = frozenset({"id", "country", "kind", "phone", "textphone", "email", "website", "last_checked", "sources", "inherited"})

T = TypeVar("T")


class AreaTranslationError(ValueError):
    """A translated area file names a field that is not wording, or does not fit the pack."""


def _overlay(value: T, translated: Any, where: str) -> T:
    """``value`` with the wording in ``translated`` put in place, checking its shape."""
    if isinstance(value, str) or value is None:
        if not isinstance(translated, str):
            raise AreaTranslationError(f"{where}: expected text")
        return translated  # type: ignore[return-value]
    if isinstance(value, tuple):
        if not isinstance(translated, list) or len(translated) != len(value):
            raise AreaTranslationError(f"{where}: expected a list of {len(value)}, as in the pack")
        return tuple(_overlay(item, new, f"{where}[{i}]") for i, (item, new) in enumerate(zip(value, translated)))  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and isinstance(translated, Mapping):
        return _overlay_fields(value, translated, where)
    raise AreaTranslationError(f"{where}: cannot be translated")


def _overlay_fields(value: T, translated: Mapping[str, Any], where: str) -> T:
    names = {field.name for field in dataclasses.fields(value)}  # type: ignore[arg-type]
    changes = {}
    for key, new in translated.items():
        if key not in names or key in FACTS:
            raise AreaTranslationError(f"{where}.{key}: not wording that can be translated")
        changes[key] = _overlay(getattr(value, key), new, f"{where}.{key}")
    return dataclasses.replace(value, **changes)  # type: ignore[type-var]


def localised(pack: T, translated: Mapping[str, Any] | None) -> T:
    """``pack`` with ``translated`` wording laid over it; the pack itself when there is none."""
    return _overlay_fields(pack, translated, "pack") if translated else pack


def load_translations(content_dir: Path, packs: Mapping[str, Any]) -> dict[tuple[str, str], Any]:
    """Every ``content/<locale>/areas/<id>.toml``, checked against its pack, keyed by (locale, id)."""
    found = {}
    for locale in discover_locales(content_dir):
        for path in sorted((content_dir / locale / "areas").glob("*.toml")):
            if path.stem not in packs:
                raise AreaTranslationError(f"{path}: no area pack called {path.stem!r}")
            translated = tomllib.loads(path.read_text("utf-8"))
            try:
                found[locale, path.stem] = localised(packs[path.stem], translated)
            except AreaTranslationError as error:
                raise AreaTranslationError(f"{path}: {error}") from None
    return found


def in_language(pack: T, locale: str) -> T:
    """The running app's ``pack`` in ``locale``: translated where a translation exists."""
    return current_app.extensions[EXTENSION_KEY].get((locale, pack.id), pack)  # type: ignore[attr-defined]


def init_app(app: Flask, packs: Mapping[str, Any]) -> None:
    """Read and check every translated area file once."""
    app.extensions[EXTENSION_KEY] = load_translations(Path(app.config["CONTENT_DIR"]), packs)
