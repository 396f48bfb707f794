"""Area packs in the parent's language: translated wording over the English pack, facts untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from parent_guide.area_language import AreaTranslationError, load_translations, localised
from parent_guide.areas import load_areas
from parent_guide.config import PROJECT_ROOT
from tests.conftest import english_only_content, make_app

PACKS = load_areas(PROJECT_ROOT / "content" / "areas")
KENT = PACKS["kent"]


def test_wording_is_laid_over_and_facts_kept() -> None:
    """Verify translated notes, names and a contact label replace the English, and phone numbers stay."""
    notes = [f"Nodyn {i}" for i in range(len(KENT.notes))]
    welsh = localised(KENT, {"notes": notes, "names": {"chair": "Cadeirydd"}, "contacts": [{"label": "Tîm"}] + [{}] * (len(KENT.contacts) - 1)})
    assert welsh.notes == tuple(notes)
    assert welsh.names.chair == "Cadeirydd" and welsh.names.plan == KENT.names.plan
    assert welsh.contacts[0].label == "Tîm" and welsh.contacts[0].phone == KENT.contacts[0].phone
    assert welsh.timescales == KENT.timescales
    assert localised(KENT, None) is KENT


@pytest.mark.parametrize(
    "translated",
    [{"contacts": [{"phone": "0000"}]}, {"last_checked": "2020-01-01"}, {"notes": ["only one"] * (len(KENT.notes) + 1)}, {"unknown": "x"}],
)
def test_facts_and_wrong_shapes_are_refused(translated: dict) -> None:
    """Verify a translation cannot change a phone number or a date, nor add or drop list items."""
    with pytest.raises(AreaTranslationError):
        localised(KENT, translated)


def test_translation_shows_on_the_page(tmp_path: Path) -> None:
    """Verify the Welsh site shows the Welsh notes for Kent, and the English site the English ones."""
    content = tmp_path / "content"
    english_only_content(content)
    (content / "cy" / "areas").mkdir(parents=True)
    notes = ", ".join(f'"Nodyn Cymraeg {i}"' for i in range(len(KENT.notes)))
    (content / "cy" / "areas" / "kent.toml").write_text(f"notes = [{notes}]\n", encoding="utf-8")
    assert load_translations(content, PACKS)["cy", "kent"].notes[0] == "Nodyn Cymraeg 0"
    app = make_app(f"sqlite:///{tmp_path / 'db.sqlite3'}", CONTENT_DIR=content, PINNED_AREA="kent")
    client = app.test_client()
    assert "Nodyn Cymraeg 0" in client.get("/cy/guide/getting-help").get_data(as_text=True)
    assert KENT.notes[0] in client.get("/en/guide/getting-help").get_data(as_text=True)


def test_a_file_for_no_pack_stops_start_up(tmp_path: Path) -> None:
    """Verify a translated file naming no pack is reported with its path."""
    (tmp_path / "cy" / "areas").mkdir(parents=True)
    (tmp_path / "cy" / "areas" / "nowhere.toml").write_text('notes = ["x"]\n', encoding="utf-8")
    with pytest.raises(AreaTranslationError, match="nowhere.toml"):
        load_translations(tmp_path, PACKS)
