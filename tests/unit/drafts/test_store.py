"""The draft store against SQLite and a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from parent_guide.drafts.store import Conflict, DraftNotFound, DraftStore, Saved, StoreUnavailable
from parent_guide.extensions import db

MARKER = "MARKER-7f3a Zażółć مرحبا"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture()
def clock() -> Clock:
    """A controlled clock."""
    return Clock()


@pytest.fixture()
def store(any_db_app: Flask, clock: Clock) -> Iterator[DraftStore]:
    """A store on an empty database, on each backend in turn."""
    with any_db_app.app_context():
        yield DraftStore(db.session, clock)
        db.session.rollback()
        db.session.execute(text("DELETE FROM draft_sections"))
        db.session.execute(text("DELETE FROM drafts"))
        db.session.commit()


def test_save_and_load_round_trip(store: DraftStore) -> None:
    """Verify answers come back exactly, Unicode and line breaks included."""
    code = store.create()
    answers = {"answer": f"{MARKER}\nline two\t😊"}
    assert store.save(code, "working-well", answers, 0) == Saved(version=1)
    loaded = store.load(code)
    assert loaded["working-well"].answers == answers
    assert loaded["working-well"].version == 1


def test_nothing_readable_in_the_database(store: DraftStore) -> None:
    """Verify the raw tables hold no trace of the answer text or the code."""
    code = store.create()
    store.save(code, "worries", {"answer": MARKER}, 0)
    dump = []
    for table in ("drafts", "draft_sections"):
        for row in db.session.execute(text(f"SELECT * FROM {table}")):
            dump.extend(bytes(v).decode("latin-1") if isinstance(v, (bytes, memoryview)) else str(v) for v in row)
    raw = " ".join(dump)
    for needle in ("MARKER-7f3a", "Zażółć", "مرحبا", MARKER.encode().decode("latin-1"), code):
        assert needle not in raw


def test_a_stale_save_is_a_conflict_not_an_overwrite(store: DraftStore) -> None:
    """Verify a save from an older version returns the newer text and changes nothing."""
    code = store.create()
    store.save(code, "worries", {"answer": "first"}, 0)
    assert store.save(code, "worries", {"answer": "from the laptop"}, 1) == Saved(version=2)
    result = store.save(code, "worries", {"answer": "from the phone"}, 1)
    assert isinstance(result, Conflict)
    assert result.current.answers == {"answer": "from the laptop"}
    assert result.current.version == 2
    assert store.load(code)["worries"].answers == {"answer": "from the laptop"}


def test_resaving_the_same_text_is_not_a_conflict(store: DraftStore) -> None:
    """Verify a repeated save of identical answers succeeds without a new version."""
    code = store.create()
    store.save(code, "worries", {"answer": "same"}, 0)
    assert store.save(code, "worries", {"answer": "same"}, 0) == Saved(version=1)


def test_two_devices_creating_one_section_conflict(store: DraftStore) -> None:
    """Verify the second first-save of a section sees the first, not overwrites it."""
    code = store.create()
    assert store.save(code, "questions", {"answer": "laptop"}, 0) == Saved(version=1)
    result = store.save(code, "questions", {"answer": "phone"}, 0)
    assert isinstance(result, Conflict) and result.current.answers == {"answer": "laptop"}


def test_unknown_and_deleted_drafts(store: DraftStore) -> None:
    """Verify a deleted draft is gone for good and its code opens nothing."""
    code = store.create()
    store.save(code, "worries", {"answer": "x"}, 0)
    assert store.delete(code) is True
    assert store.exists(code) is False
    assert store.delete(code) is False
    with pytest.raises(DraftNotFound):
        store.load(code)
    with pytest.raises(DraftNotFound):
        store.save(code, "worries", {"answer": "y"}, 1)
    assert db.session.execute(text("SELECT COUNT(*) FROM draft_sections")).scalar() == 0


def test_purge_removes_only_drafts_unused_for_the_period(store: DraftStore, clock: Clock) -> None:
    """Verify purge deletes drafts untouched for 28 days and keeps newer ones."""
    old = store.create()
    store.save(old, "worries", {"answer": "old"}, 0)
    clock.now += timedelta(days=20)
    recent = store.create()
    # Times are kept to the day: the draft used on day 0 is kept for 28 whole days after it.
    clock.now += timedelta(days=8)
    assert store.purge(timedelta(days=28)) == 0
    clock.now += timedelta(days=1)
    assert store.purge(timedelta(days=28)) == 1
    assert not store.exists(old)
    assert store.exists(recent)


def test_saving_restarts_the_retention_period(store: DraftStore, clock: Clock) -> None:
    """Verify a save on day 27 keeps the draft past day 28."""
    code = store.create()
    clock.now += timedelta(days=27)
    store.save(code, "worries", {"answer": "still here"}, 0)
    clock.now += timedelta(days=2)
    assert store.purge(timedelta(days=28)) == 0
    assert store.exists(code)


def test_a_database_failure_writes_nothing(store: DraftStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Verify a failure mid-save rolls back: the old answer stays, whole."""
    code = store.create()
    store.save(code, "worries", {"answer": "before"}, 0)
    real_execute = db.session.execute

    def failing_execute(statement, *args, **kwargs):  # type: ignore[no-untyped-def]
        if getattr(statement, "is_dml", False) and "UPDATE" in str(statement).upper():
            raise OperationalError("UPDATE", {}, Exception("disk I/O error"))
        return real_execute(statement, *args, **kwargs)

    monkeypatch.setattr(db.session, "execute", failing_execute)
    with pytest.raises(StoreUnavailable):
        store.save(code, "worries", {"answer": "after"}, 1)
    monkeypatch.undo()
    state = store.load(code)["worries"]
    assert state.answers == {"answer": "before"} and state.version == 1
