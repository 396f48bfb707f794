"""What a locale still lacks: untranslated or fuzzy catalogue entries, content files only in English,
area wording and help-line wording not yet translated.

A shipped locale (see :mod:`parent_guide.languages`) must lack nothing;
tests/unit/test_translations_complete.py runs this in ``make test``. A
translator can run it too: ``python -m parent_guide.completeness``.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

from babel.messages.pofile import read_po

from parent_guide.config import Config
from parent_guide.languages import FILE_NAME, read_languages

CATALOGUE = Path("LC_MESSAGES") / "messages.po"
# Files in the default locale's folder that are notes for authors, not content to translate.
AUTHORING_NOTES = frozenset({"CATALOGUE.txt"})
# The wording of an area pack a parent reads. Names of places, partnerships and
# leaflets stay as they are written, and so may the local titles in [names]
# ("Child Protection Chair"): they are what the council's letters will say.
HELPLINE_WORDING = ("purpose", "hours")


def _message_id(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def catalogue_gaps(translations_dir: Path, code: str) -> list[str]:
    """Each catalogue entry of ``code`` that is missing, untranslated or fuzzy."""
    path = translations_dir / code / CATALOGUE
    if not path.exists():
        return [f"{path}: no catalogue"]
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    gaps = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            gaps.append(f"{path}: fuzzy: {_message_id(message.id)!r}")
        elif not all(strings):
            gaps.append(f"{path}: untranslated: {_message_id(message.id)!r}")
    return gaps


def content_gaps(content_dir: Path, default_locale: str, code: str) -> list[str]:
    """Each content file in the default locale that ``code`` has no file for."""
    base = content_dir / default_locale
    return [
        f"{content_dir / code / path.relative_to(base)}: only in {default_locale}"
        for path in sorted(base.rglob("*"))
        if path.is_file() and path.name not in {FILE_NAME, *AUTHORING_NOTES} and not (content_dir / code / path.relative_to(base)).exists()
    ]


def _area_wording(pack: dict) -> Iterator[str]:
    """The dotted keys of ``pack``'s wording (``contacts[0].label``) that a translation must give."""
    if pack.get("notes"):
        yield "notes"
    for i, contact in enumerate(pack.get("contacts", [])):
        for key in ("label", "purpose", "hours"):
            if key in contact:
                yield f"contacts[{i}].{key}"
    if "summary" in pack.get("complaints", {}):
        yield "complaints.summary"


def _has(data: dict, dotted: str) -> bool:
    here: object = data
    for part in dotted.replace("[", ".").replace("]", "").split("."):
        if isinstance(here, dict) and part in here:
            here = here[part]
        elif isinstance(here, list) and part.isdigit() and int(part) < len(here):
            here = here[int(part)]
        else:
            return False
    return bool(here)


def area_gaps(content_dir: Path, code: str) -> list[str]:
    """Each area pack's wording that ``code`` has not translated (``content/<code>/areas/<id>.toml``)."""
    found = []
    for pack_path in sorted((content_dir / "areas").glob("*.toml")):
        pack = tomllib.loads(pack_path.read_text("utf-8"))
        path = content_dir / code / "areas" / pack_path.name
        translated = tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}
        found += [f"{path}: {key} not translated" for key in _area_wording(pack) if not _has(translated, key)]
    return found


def helpline_gaps(content_dir: Path, code: str) -> list[str]:
    """Each help line whose purpose or hours ``code`` has not translated (``content/<code>/helplines.toml``)."""
    source = content_dir / "helplines.toml"
    lines = tomllib.loads(source.read_text("utf-8")).get("helplines", []) if source.is_file() else []
    path = content_dir / code / "helplines.toml"
    translated = tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}
    return [
        f"{path}: {line['id']}.{key} not translated"
        for line in lines
        for key in HELPLINE_WORDING
        if not _has(translated, f"{line['id']}.{key}")
    ]


def gaps(content_dir: Path, translations_dir: Path, default_locale: str, code: str) -> list[str]:
    """Everything ``code`` still lacks, catalogue first."""
    return (
        catalogue_gaps(translations_dir, code)
        + content_gaps(content_dir, default_locale, code)
        + area_gaps(content_dir, code)
        + helpline_gaps(content_dir, code)
    )


def shipped_gaps(content_dir: Path, translations_dir: Path, default_locale: str) -> dict[str, list[str]]:
    """For each shipped locale other than the default, what it lacks (empty when complete)."""
    return {
        code: gaps(content_dir, translations_dir, default_locale, code)
        for code, language in read_languages(content_dir, default_locale).items()
        if language.shipped and code != default_locale
    }


def main() -> int:
    """Print what every locale lacks; exit 1 if a shipped locale lacks anything."""
    languages = read_languages(Config.CONTENT_DIR, Config.DEFAULT_LOCALE)
    failed = False
    for code, language in languages.items():
        if code == Config.DEFAULT_LOCALE:
            continue
        found = gaps(Config.CONTENT_DIR, Config.TRANSLATIONS_DIR, Config.DEFAULT_LOCALE, code)
        print(f"{code} ({language.status}): {len(found)} missing")
        for gap in found:
            print(f"  {gap}")
        failed |= language.shipped and bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
