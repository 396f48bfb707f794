"""Saving and opening drafts. Every call is one transaction: all or nothing.

A save names the version it was based on. If the stored section has moved on
(another device saved in between), nothing is overwritten: the caller gets a
:class:`Conflict` holding the newer text so the parent can choose.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from parent_guide.drafts import codes, crypto
from parent_guide.drafts.models import Draft, DraftSection

Answers = dict[str, str]


def utcnow() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


class DraftNotFound(Exception):
    """No draft matches this code (never made, deleted, or purged)."""


class StoreUnavailable(Exception):
    """The database failed; nothing was written."""


@dataclass(frozen=True)
class SectionState:
    """A section's answers and the version they came from (0: never saved)."""

    answers: Answers
    version: int


@dataclass(frozen=True)
class Saved:
    """The save went through; ``version`` is the new version."""

    version: int


@dataclass(frozen=True)
class Conflict:
    """The section changed since the parent loaded it; ``current`` is what is stored."""

    current: SectionState


def _associated(lookup: str, slug: str) -> bytes:
    return f"{lookup}/{slug}".encode()


class DraftStore:
    """Drafts in one SQLAlchemy session; ``clock`` is replaceable for tests."""

    def __init__(self, session: Session, clock: Callable[[], datetime] = utcnow):
        self.session = session
        self.clock = clock

    def _run(self, work: Callable[[], object]) -> object:
        try:
            result = work()
            self.session.commit()
            return result
        except SQLAlchemyError as error:
            self.session.rollback()
            raise StoreUnavailable(str(error)) from error
        except BaseException:
            self.session.rollback()
            raise

    def _draft(self, keys: codes.DraftKeys) -> Draft:
        draft = self.session.scalar(select(Draft).where(Draft.lookup == keys.lookup))
        if draft is None:
            raise DraftNotFound
        return draft

    def create(self) -> str:
        """Make an empty draft and return its new resume code."""
        code = codes.new_code()
        now = self.clock()

        def work() -> None:
            self.session.add(Draft(lookup=codes.keys_for(code).lookup, created_at=now, updated_at=now))

        self._run(work)
        return code

    def exists(self, code: str) -> bool:
        """Whether a draft with this code is stored."""
        lookup = codes.keys_for(code).lookup
        try:
            return self.session.scalar(select(Draft.id).where(Draft.lookup == lookup)) is not None
        except SQLAlchemyError as error:
            self.session.rollback()
            raise StoreUnavailable(str(error)) from error

    def load(self, code: str) -> dict[str, SectionState]:
        """Every saved section of the draft, decrypted."""
        keys = codes.keys_for(code)

        def work() -> dict[str, SectionState]:
            draft = self._draft(keys)
            rows = self.session.scalars(
                select(DraftSection).where(DraftSection.draft_id == draft.id).execution_options(populate_existing=True)
            )
            return {row.slug: self._open(keys, row) for row in rows}

        return self._run(work)  # type: ignore[return-value]

    def touch(self, code: str) -> None:
        """Mark the draft as used now, restarting its retention period."""
        keys = codes.keys_for(code)

        def work() -> None:
            self._draft(keys).updated_at = self.clock()

        self._run(work)

    def _open(self, keys: codes.DraftKeys, row: DraftSection) -> SectionState:
        plain = crypto.decrypt(keys.key, row.ciphertext, _associated(keys.lookup, row.slug))
        return SectionState(answers=json.loads(plain), version=row.version)

    def _current(self, keys: codes.DraftKeys, draft_id: int, slug: str) -> SectionState | None:
        row = self.session.scalar(
            select(DraftSection)
            .where(DraftSection.draft_id == draft_id, DraftSection.slug == slug)
            .execution_options(populate_existing=True)
        )
        return self._open(keys, row) if row is not None else None

    def save(self, code: str, slug: str, answers: Answers, base_version: int) -> Saved | Conflict:
        """Store ``answers`` for ``slug`` if the section is still at ``base_version``."""
        keys = codes.keys_for(code)
        sealed = crypto.encrypt(keys.key, json.dumps(answers, ensure_ascii=False).encode(), _associated(keys.lookup, slug))

        def work() -> Saved | Conflict:
            now = self.clock()
            draft = self._draft(keys)
            current = self._current(keys, draft.id, slug)
            if current is None:
                self.session.add(DraftSection(draft_id=draft.id, slug=slug, version=1, ciphertext=sealed, updated_at=now))
                self.session.flush()
                draft.updated_at = now
                return Saved(version=1)
            if current.answers == answers:
                draft.updated_at = now
                return Saved(version=current.version)
            if current.version != base_version:
                return Conflict(current=current)
            # The version in the WHERE clause makes this safe against a save in between.
            changed = self.session.execute(
                update(DraftSection)
                .where(
                    DraftSection.draft_id == draft.id,
                    DraftSection.slug == slug,
                    DraftSection.version == base_version,
                )
                .values(version=base_version + 1, ciphertext=sealed, updated_at=now)
            ).rowcount
            if changed != 1:
                self.session.rollback()
                newer = self._current(keys, self._draft(keys).id, slug)
                return Conflict(current=newer or SectionState({}, 0))
            draft.updated_at = now
            return Saved(version=base_version + 1)

        try:
            return self._run(work)  # type: ignore[return-value]
        except StoreUnavailable as error:
            if isinstance(error.__cause__, IntegrityError):
                # Another device created this section at the same moment.
                self.session.rollback()
                draft_id = self._draft(keys).id
                current = self._current(keys, draft_id, slug)
                return Conflict(current=current or SectionState({}, 0))
            raise

    def delete(self, code: str) -> bool:
        """Delete the draft and all its answers for good; ``False`` if there was none."""
        lookup = codes.keys_for(code).lookup

        def work() -> bool:
            draft_id = self.session.scalar(select(Draft.id).where(Draft.lookup == lookup))
            if draft_id is None:
                return False
            self.session.execute(delete(DraftSection).where(DraftSection.draft_id == draft_id))
            self.session.execute(delete(Draft).where(Draft.id == draft_id))
            return True

        deleted = bool(self._run(work))
        self.scrub()
        return deleted

    def scrub(self) -> None:
        """Leave no copy of deleted rows in SQLite's write-ahead log.

        ``secure_delete`` (see ``database.py``) zeroes deleted rows in the
        database file; a truncating checkpoint then empties the -wal file,
        which still held the pages as they were before the delete.
        """
        if self.session.get_bind().dialect.name != "sqlite":
            return
        try:
            self.session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            self.session.commit()
        except SQLAlchemyError as error:
            self.session.rollback()
            raise StoreUnavailable(str(error)) from error

    def purge(self, unused_for: timedelta) -> int:
        """Delete every draft not used for ``unused_for``; return how many."""
        cutoff = self.clock() - unused_for

        def work() -> int:
            stale = select(Draft.id).where(Draft.updated_at < cutoff)
            self.session.execute(delete(DraftSection).where(DraftSection.draft_id.in_(stale)))
            return self.session.execute(delete(Draft).where(Draft.updated_at < cutoff)).rowcount

        removed = int(self._run(work))  # type: ignore[arg-type]
        self.scrub()
        return removed
