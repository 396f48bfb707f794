"""What a locale still lacks: untranslated or fuzzy catalogue entries, and content files only in English.

A shipped locale (see :mod:`parent_guide.languages`) must lack nothing;
tests/unit/test_translations_complete.py runs this in ``make test``. A
translator can run it too: ``python -m parent_guide.completeness``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po

from parent_guide.config import Config
from parent_guide.languages import FILE_NAME, read_languages

CATALOGUE = Path("LC_MESSAGES") / "messages.po"


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
        if path.is_file() and path.name != FILE_NAME and not (content_dir / code / path.relative_to(base)).exists()
    ]


def gaps(content_dir: Path, translations_dir: Path, default_locale: str, code: str) -> list[str]:
    """Everything ``code`` still lacks, catalogue first."""
    return catalogue_gaps(translations_dir, code) + content_gaps(content_dir, default_locale, code)


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
