"""Deleting a draft leaves no copy of its ciphertext in the SQLite files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from parent_guide.drafts.models import DraftSection
from parent_guide.drafts.store import DraftStore
from parent_guide.extensions import db
from tests.conftest import make_app


def database_bytes(path: Path) -> bytes:
    """The database file and its -wal and -shm companions, as they are on disk."""
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


@pytest.mark.parametrize("how", ["delete", "purge"])
def test_no_ciphertext_left_after_delete(tmp_path: Path, how: str) -> None:
    """Verify a piece of a stored ciphertext is in the files before, and nowhere after, delete or purge."""
    path = tmp_path / "drafts.sqlite3"
    app = make_app(f"sqlite:///{path}")
    now = [datetime(2026, 11, 1, 9, 0, tzinfo=UTC)]
    with app.app_context():
        store = DraftStore(db.session, clock=lambda: now[0])
        code = store.create()
        store.save(code, "working-well", {"answer": "A long answer about my family. " * 40}, 0)
        now[0] += timedelta(days=30)
        # Another parent's draft, used later, must survive.
        other = store.create()
        store.save(other, "working-well", {"answer": "Someone else's words"}, 0)
        rows = {row.draft_id: row.ciphertext for row in db.session.scalars(select(DraftSection))}
        mine, theirs = rows[min(rows)], rows[max(rows)]
        piece = mine[40:104]
        assert piece in database_bytes(path)
        if how == "delete":
            assert store.delete(code)
        else:
            assert store.purge(timedelta(days=28)) == 1
        assert store.load(other)["working-well"].answers == {"answer": "Someone else's words"}
        db.session.remove()
        db.engine.dispose()
    on_disk = database_bytes(path)
    assert piece not in on_disk
    assert theirs[12:44] in on_disk
