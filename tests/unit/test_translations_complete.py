"""Shipped languages are complete: no untranslated or fuzzy entry, no content file only in English."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from parent_guide.completeness import gaps, shipped_gaps
from parent_guide.config import PROJECT_ROOT, Config
from parent_guide.languages import read_languages


def test_every_shipped_locale_is_complete() -> None:
    """Verify each shipped locale lacks nothing, listing what is missing if it does."""
    found = shipped_gaps(Config.CONTENT_DIR, Config.TRANSLATIONS_DIR, Config.DEFAULT_LOCALE)
    missing = {code: lacks for code, lacks in found.items() if lacks}
    assert not missing, "\n".join(f"{code}: {gap}" for code, lacks in missing.items() for gap in lacks)


def test_default_locale_is_shipped() -> None:
    """Verify English is marked shipped, so the check covers what the list says."""
    assert read_languages(Config.CONTENT_DIR, Config.DEFAULT_LOCALE)[Config.DEFAULT_LOCALE].shipped


def _site(tmp_path: Path, status: str) -> tuple[Path, Path]:
    """A copy of the content with a Welsh folder holding one step, and a Welsh catalogue."""
    content = tmp_path / "content"
    shutil.copytree(PROJECT_ROOT / "content" / "en", content / "en")
    step = next((content / "en" / "steps").glob("*.md"))
    (content / "cy" / "steps").mkdir(parents=True)
    shutil.copy(step, content / "cy" / "steps" / step.name)
    (content / "cy" / "LANGUAGE.toml").write_text(f'name = "Cymraeg"\nstatus = "{status}"\n', encoding="utf-8")
    catalogue = Catalog(locale="cy")
    catalogue.add("Yes", "Ie")
    catalogue.add("No", "")
    catalogue.add("Back", "Yn ôl", flags=["fuzzy"])
    messages = tmp_path / "translations" / "cy" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with (messages / "messages.po").open("wb") as handle:
        write_po(handle, catalogue)
    return content, tmp_path / "translations"


def test_gaps_name_each_missing_piece(tmp_path: Path) -> None:
    """Verify the check lists untranslated and fuzzy entries and every content file left in English."""
    content, translations = _site(tmp_path, "shipped")
    found = gaps(content, translations, "en", "cy")
    assert any("untranslated: 'No'" in gap for gap in found)
    assert any("fuzzy: 'Back'" in gap for gap in found)
    assert not any("'Yes'" in gap for gap in found)
    assert any(gap.endswith("glossary.md: only in en") for gap in found)
    assert not any("LANGUAGE.toml" in gap for gap in found)
    assert shipped_gaps(content, translations, "en")["cy"] == found


def test_a_language_in_progress_may_have_gaps(tmp_path: Path) -> None:
    """Verify a language being added is not held to the shipped standard."""
    content, translations = _site(tmp_path, "in-progress")
    assert shipped_gaps(content, translations, "en") == {}


def test_area_and_helpline_wording_must_be_translated(tmp_path: Path) -> None:
    """Verify a missing area note, contact label or help-line wording is listed, and a full translation is not."""
    content, translations = _site(tmp_path, "shipped")
    shutil.copytree(PROJECT_ROOT / "content" / "areas", content / "areas")
    shutil.copy(PROJECT_ROOT / "content" / "helplines.toml", content / "helplines.toml")
    (content / "cy" / "areas").mkdir()
    (content / "cy" / "areas" / "kent.toml").write_text('notes = ["a", "b", "c", "d"]\n', encoding="utf-8")
    (content / "cy" / "helplines.toml").write_text('[samaritans]\npurpose = "Siarad"\nhours = "24 awr"\n', encoding="utf-8")
    found = gaps(content, translations, "en", "cy")
    assert any(gap.endswith("kent.toml: contacts[0].label not translated") for gap in found)
    assert any(gap.endswith("kent.toml: complaints.summary not translated") for gap in found)
    assert not any("kent.toml: notes" in gap or "kent.toml: names" in gap for gap in found)
    assert any(gap.endswith("bexley.toml: notes not translated") for gap in found)
    assert any(gap.endswith("helplines.toml: emergency.purpose not translated") for gap in found)
    assert not any("samaritans" in gap for gap in found)
