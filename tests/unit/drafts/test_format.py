"""Draft storage format 2: what a stolen database does not show, and old drafts still opening."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import text

from parent_guide import create_app
from parent_guide.drafts.format import BUCKETS, FormatV1, FormatV2, pad, unpad
from parent_guide.drafts.models import Draft, DraftSection
from parent_guide.drafts.store import Conflict, DraftNotFound, DraftStore, SectionState
from parent_guide.extensions import db
from tests.unit.drafts.test_store import Clock, clock, store  # noqa: F401  (fixtures)


def _rows() -> list[tuple[object, ...]]:
    return [tuple(row) for row in db.session.execute(text("SELECT draft_id, slug, version, ciphertext, updated_at FROM draft_sections"))]


def test_padding_round_trips_to_fixed_sizes() -> None:
    """Verify padded data comes back exactly and has one of a few sizes."""
    for size in (0, 1, 1019, 1020, 5000, 70000, 300000):
        data = bytes(range(256)) * (size // 256) + bytes(size % 256)
        padded = pad(data)
        assert unpad(padded) == data
        assert len(padded) in BUCKETS or len(padded) % BUCKETS[-1] == 0


def test_answer_length_and_section_names_do_not_show(store: DraftStore) -> None:
    """Verify a one-letter and a 900-letter answer store equally long ciphertexts under meaningless names."""
    code = store.create()
    store.save(code, "worries", {"answer": "a"}, 0)
    store.save(code, "working-well", {"answer": "b" * 900}, 0)
    store.save(code, "_profile", {"json": "{}"}, 0)
    rows = _rows()
    assert len({len(bytes(row[3])) for row in rows}) == 1
    stored_names = {row[1] for row in rows}
    assert not stored_names & {"worries", "working-well", "_profile"}
    assert all(len(str(name)) == 32 for name in stored_names)
    assert set(store.load(code)) == {"worries", "working-well", "_profile"}


def test_times_are_kept_to_the_day(store: DraftStore, clock: Clock) -> None:
    """Verify no stored time is finer than a day."""
    clock.now = datetime(2026, 11, 3, 17, 42, 9, 123456, tzinfo=UTC)
    code = store.create()
    store.save(code, "worries", {"answer": "x"}, 0)
    times = [*db.session.execute(text("SELECT created_at, updated_at FROM drafts")).one(), _rows()[0][4]]
    for moment in times:
        assert str(moment).startswith("2026-11-03 00:00:00"), moment


def test_without_the_pepper_the_code_opens_nothing(store: DraftStore) -> None:
    """Verify the pepper is part of the keys: the right code with another pepper finds no draft."""
    code = store.create()
    store.save(code, "worries", {"answer": "x"}, 0)
    stranger = DraftStore(db.session, pepper="another server's pepper")
    assert stranger.exists(code) is False
    with pytest.raises(DraftNotFound):
        stranger.load(code)


def _write_format_1_draft(code: str, when: datetime) -> None:
    """Write a draft exactly as the code before format 2 did: no pepper, names in clear, no padding."""
    old = FormatV1()
    keys = old.keys(code)
    draft = Draft(lookup=keys.lookup, format=1, created_at=when, updated_at=when)
    db.session.add(draft)
    db.session.flush()
    for slug, answers, version in (("worries", {"answer": "Old words ✓"}, 3), ("_profile", {"json": '{"kind": "review"}'}, 1)):
        db.session.add(DraftSection(draft_id=draft.id, slug=slug, version=version, ciphertext=old.seal(keys, slug, answers), updated_at=when))
    db.session.commit()


def test_a_format_1_draft_opens_and_is_rewritten(store: DraftStore) -> None:
    """Verify a draft saved before format 2 opens with its code, then is stored in format 2 only."""
    code = "K7QM3XPA9DRTHW2B"
    _write_format_1_draft(code, datetime(2026, 11, 20, 8, 30, 1, tzinfo=UTC))
    assert store.exists(code)
    loaded = store.load(code)
    assert loaded["worries"].answers == {"answer": "Old words ✓"} and loaded["worries"].version == 3
    assert loaded["_profile"].answers == {"json": '{"kind": "review"}'}
    assert db.session.execute(text("SELECT format FROM drafts")).scalar() == 2
    assert not {row[1] for row in _rows()} & {"worries", "_profile"}
    # Saving carries on from the old version, and the old lookup no longer finds it.
    assert store.save(code, "worries", {"answer": "New words"}, 3).version == 4  # type: ignore[union-attr]
    old_lookup = FormatV1().keys(code).lookup
    assert db.session.execute(text("SELECT COUNT(*) FROM drafts WHERE lookup = :l"), {"l": old_lookup}).scalar() == 0


def test_a_format_1_draft_can_be_saved_to_before_it_is_opened(store: DraftStore) -> None:
    """Verify a save, the first thing done with an old draft, rewrites it and carries on from the old version."""
    code = "K7QM3XPA9DRTHW2B"
    _write_format_1_draft(code, datetime(2026, 11, 20, 8, 30, 1, tzinfo=UTC))
    assert store.save(code, "worries", {"answer": "New words"}, 3).version == 4  # type: ignore[union-attr]
    stale = store.save(code, "worries", {"answer": "Other words"}, 3)
    assert stale == Conflict(current=SectionState({"answer": "New words"}, 4))
    assert db.session.execute(text("SELECT format FROM drafts")).scalar() == 2
    assert store.load(code)["_profile"].answers == {"json": '{"kind": "review"}'}


@pytest.mark.parametrize("damage", [lambda c: c[:-1], lambda c: c[:5], lambda c: c[:20] + bytes([c[20] ^ 1]) + c[21:], lambda c: b""])
def test_a_damaged_ciphertext_is_treated_as_not_found(store: DraftStore, damage) -> None:  # type: ignore[no-untyped-def]
    """Verify a tampered or cut-short answer makes the draft not found, not a crash."""
    code = store.create()
    store.save(code, "worries", {"answer": "x"}, 0)
    sealed = bytes(_rows()[0][3])
    db.session.execute(text("UPDATE draft_sections SET ciphertext = :c"), {"c": damage(sealed)})
    db.session.commit()
    with pytest.raises(DraftNotFound):
        store.load(code)
    with pytest.raises(DraftNotFound):
        store.save(code, "worries", {"answer": "y"}, 1)


def test_a_ciphertext_moved_to_another_section_does_not_open(store: DraftStore) -> None:
    """Verify a section's ciphertext copied under another section's name is refused."""
    code = store.create()
    store.save(code, "worries", {"answer": "worry"}, 0)
    store.save(code, "working-well", {"answer": "well"}, 0)
    first, second = _rows()
    db.session.execute(text("UPDATE draft_sections SET ciphertext = :c WHERE slug = :s"), {"c": bytes(first[3]), "s": second[1]})
    db.session.commit()
    with pytest.raises(DraftNotFound):
        store.load(code)


def test_the_migration_keeps_old_drafts_and_their_day(tmp_path: Path) -> None:
    """Verify migration 0003 on a database of revision 0001 keeps drafts openable and drops the time of day."""
    app: Flask = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'old.sqlite3'}"})
    code = "ABCD2345EFGH6789"
    with app.app_context():
        upgrade(revision="0001")
        old = FormatV1()
        keys = old.keys(code)
        when = datetime(2026, 11, 20, 8, 30, 1, 5)
        db.session.execute(
            text("INSERT INTO drafts (id, lookup, created_at, updated_at) VALUES (1, :l, :w, :w)"), {"l": keys.lookup, "w": when}
        )
        db.session.execute(
            text("INSERT INTO draft_sections VALUES (1, 'worries', 2, :c, :w)"),
            {"c": old.seal(keys, "worries", {"answer": "Written last week"}), "w": when},
        )
        db.session.commit()
        upgrade()
        assert str(db.session.execute(text("SELECT updated_at FROM drafts")).scalar()).startswith("2026-11-20 00:00:00")
        assert str(db.session.execute(text("SELECT updated_at FROM draft_sections")).scalar()).startswith("2026-11-20 00:00:00")
        state = DraftStore(db.session, lambda: datetime(2026, 11, 21, tzinfo=UTC) + timedelta(hours=1)).load(code)["worries"]
        assert state.answers == {"answer": "Written last week"} and state.version == 2
        db.engine.dispose()


def test_format_2_keys_differ_from_format_1_and_by_pepper() -> None:
    """Verify one code gives other lookups in each format and under each pepper, and stable ones otherwise."""
    code = "K7QM3XPA9DRTHW2B"
    first, again = FormatV2("p").keys(code), FormatV2("p").keys(code)
    assert first == again and len(first.key) == 32 and first.lookup != first.key.hex()
    assert FormatV2("q").keys(code).lookup != first.lookup
    assert FormatV1().keys(code).lookup != first.lookup
    assert FormatV2("p").keys("K7QM3XPA9DRTHW2C").lookup != first.lookup
