"""Translations: every marked string is in every catalogue, and text direction follows the locale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from parent_guide.config import PROJECT_ROOT
from parent_guide.i18n import text_direction
from parent_guide.languages import native_name

TRANSLATIONS = PROJECT_ROOT / "translations"


def _extract(tmp_path: Path) -> set[str]:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "-o", str(pot), "."],
        cwd=PROJECT_ROOT, check=True,
    )
    with pot.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def test_every_catalogue_has_every_marked_string(tmp_path: Path) -> None:
    """Verify `make translations` has been run: no marked string is missing from a catalogue."""
    marked = _extract(tmp_path)
    assert marked, "no strings were extracted"
    catalogues = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
    assert catalogues, "no catalogues"
    for path in catalogues:
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        present = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue if m.id}
        missing = sorted(marked - present)
        assert not missing, f"{path} lacks {missing[:5]}: run 'make translations'"
        # Untranslated entries are allowed while a language is in progress; the
        # completeness check (test_translations_complete.py) refuses them in a shipped one.


def test_text_direction() -> None:
    """Verify Arabic and Urdu read right to left, English and Welsh left to right."""
    assert text_direction("ar") == "rtl"
    assert text_direction("ur") == "rtl"
    assert text_direction("en") == "ltr"
    assert text_direction("cy") == "ltr"


def test_native_names() -> None:
    """Verify languages are named in themselves for the language switcher."""
    assert native_name("cy") == "Cymraeg"
    assert native_name("pl") == "Polski"


def test_every_template_with_marked_strings_is_extracted(tmp_path: Path) -> None:
    """Verify extraction reads every template that marks strings (Babel skips a template it cannot parse, silently)."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg", "-o", str(pot), "."],
        cwd=PROJECT_ROOT, check=True,
    )
    with pot.open("rb") as handle:
        sources = {Path(path).as_posix() for m in read_po(handle) for path, _line in m.locations}
    templates = PROJECT_ROOT / "parent_guide" / "templates"
    marked = {
        path.relative_to(PROJECT_ROOT).as_posix()
        for path in templates.rglob("*.html")
        if "_(" in path.read_text(encoding="utf-8")
    }
    assert marked - sources == set()


def test_staged_translations_mirror_the_english_files() -> None:
    """Verify each staged translation (translations/<lang>/content/) has the English file layout and no extra files."""
    english = {p.relative_to(PROJECT_ROOT / "content" / "en").as_posix() for p in (PROJECT_ROOT / "content" / "en").rglob("*.md")}
    english -= {p for p in english if p.startswith("questions/")}
    staged = sorted(TRANSLATIONS.glob("*/content"))
    for folder in staged:
        files = {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
        assert files <= english, f"{folder}: files with no English original: {sorted(files - english)}"
        assert (folder / "LANGUAGE.toml").exists(), f"{folder} says nothing about how it was made"
