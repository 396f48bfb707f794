"""Saving and opening drafts. Every call is one transaction: all or nothing.

A save names the version it was based on. If the stored section has moved on
(another device saved in between), nothing is overwritten: the caller gets a
:class:`Conflict` holding the newer text so the parent can choose.

How rows are written is :mod:`parent_guide.drafts.format`'s business; times are
kept to the day, all the daily purge needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from parent_guide.drafts import codes, crypto
from parent_guide.drafts.format import CURRENT, DraftKeys, FormatV1, FormatV2
from parent_guide.drafts.models import Draft, DraftSection
from parent_guide.drafts.outcomes import Answers, Conflict, DraftNotFound, Saved, SectionState, StoreUnavailable, day_of, utcnow
from parent_guide.drafts.statements import ADD_SECTION, ALL_SECTIONS, DRAFT_AND_SECTION, FIND_DRAFT, ONE_SECTION, REPLACE_SECTION, TOUCH_DRAFT

__all__ = ["Answers", "Conflict", "DraftNotFound", "DraftStore", "Saved", "SectionState", "StoreUnavailable", "day_of", "utcnow"]


@dataclass(frozen=True)
class _Found:
    """A stored draft: its row id and the day it was last used."""

    id: int
    updated_at: datetime


class DraftStore:
    """Drafts in one SQLAlchemy session; ``clock`` is replaceable for tests.

    ``pepper`` defaults to the app's ``DRAFT_PEPPER``.
    """

    def __init__(self, session: Session, clock: Callable[[], datetime] = utcnow, pepper: str | None = None):
        self.session = session
        self.clock = clock
        self.format = FormatV2(current_app.config["DRAFT_PEPPER"] if pepper is None else pepper)
        self.old_formats = (FormatV1(),)

    def today(self) -> datetime:
        """Now, to the day."""
        return day_of(self.clock())

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

    def keys(self, code: str) -> DraftKeys:
        """The current format's keys for a normalised code."""
        return self.format.keys(code)

    def _draft(self, keys: DraftKeys) -> _Found:
        row = self.session.execute(FIND_DRAFT, {"lookup": keys.lookup, "format": CURRENT}).first()
        if row is None:
            raise DraftNotFound
        return _Found(id=row.id, updated_at=row.updated_at)

    def _find(self, code: str, keys: DraftKeys | None = None) -> tuple[_Found, DraftKeys]:
        """The draft and its keys, rewriting a draft saved in an older format first."""
        keys = keys or self.keys(code)
        try:
            return self._draft(keys), keys
        except DraftNotFound:
            pass
        for old in self.old_formats:
            old_keys = old.keys(code)
            draft = self.session.scalar(select(Draft).where(Draft.lookup == old_keys.lookup, Draft.format == old.number))
            if draft is not None:
                self._upgrade(draft, old, old_keys, keys)
                return _Found(id=draft.id, updated_at=draft.updated_at), keys
        raise DraftNotFound

    def _touch(self, draft: _Found, now: datetime) -> None:
        """Mark the draft as used on ``now``'s day, if it is not already."""
        if draft.updated_at != now:
            self.session.execute(TOUCH_DRAFT, {"the_draft": draft.id, "now": now})

    def _upgrade(self, draft: Draft, old: FormatV1, old_keys: DraftKeys, keys: DraftKeys) -> None:
        """Rewrite every section of an old-format draft in the current format, in this transaction."""
        rows = list(self.session.scalars(select(DraftSection).where(DraftSection.draft_id == draft.id)))
        opened = [(row, *self._opened(old, old_keys, row)) for row in rows]
        self.session.execute(delete(DraftSection).where(DraftSection.draft_id == draft.id))
        for row, slug, answers in opened:
            self.session.add(
                DraftSection(
                    draft_id=draft.id,
                    slug=self.format.section_id(keys, slug),
                    version=row.version,
                    ciphertext=self.format.seal(keys, slug, answers),
                    updated_at=day_of(row.updated_at),
                )
            )
        draft.lookup, draft.format = keys.lookup, CURRENT
        draft.created_at, draft.updated_at = day_of(draft.created_at), day_of(draft.updated_at)
        self.session.flush()

    @staticmethod
    def _opened(fmt: FormatV1 | FormatV2, keys: DraftKeys, row: DraftSection) -> tuple[str, dict[str, str]]:
        try:
            return fmt.open(keys, row.slug, row.ciphertext)
        except crypto.DecryptionError as error:
            # Tampered or cut short: as good as gone. The parent is offered a fresh start.
            raise DraftNotFound from error

    def create(self) -> str:
        """Make an empty draft and return its new resume code."""
        code = codes.new_code()
        now = self.today()

        def work() -> None:
            self.session.add(Draft(lookup=self.keys(code).lookup, format=CURRENT, created_at=now, updated_at=now))

        self._run(work)
        return code

    def exists(self, code: str) -> bool:
        """Whether a draft with this code is stored, in any format."""
        lookups = [fmt.keys(code).lookup for fmt in (self.format, *self.old_formats)]
        try:
            return self.session.scalar(select(Draft.id).where(Draft.lookup.in_(lookups))) is not None
        except SQLAlchemyError as error:
            self.session.rollback()
            raise StoreUnavailable(str(error)) from error

    def load(self, code: str) -> dict[str, SectionState]:
        """Every saved section of the draft, decrypted, by section name."""

        def work() -> dict[str, SectionState]:
            draft, keys = self._find(code)
            rows = self.session.execute(ALL_SECTIONS, {"draft_id": draft.id})
            return dict(self._open(keys, row) for row in rows)

        return self._run(work)  # type: ignore[return-value]

    def touch(self, code: str) -> None:
        """Mark the draft as used today, restarting its retention period."""

        def work() -> None:
            self._touch(self._find(code)[0], self.today())

        self._run(work)

    def _open(self, keys: DraftKeys, row: Any) -> tuple[str, SectionState]:
        """A stored section (a row with ``slug``, ``version`` and ``ciphertext``), opened."""
        slug, answers = self._opened(self.format, keys, row)
        return slug, SectionState(answers=answers, version=row.version)

    def _current(self, keys: DraftKeys, draft_id: int, slug: str) -> SectionState | None:
        section_id = self.format.section_id(keys, slug)
        row = self.session.execute(ONE_SECTION, {"draft_id": draft_id, "section_id": section_id}).first()
        return None if row is None else self._section_state(keys, section_id, row.version, row.ciphertext)

    def _section_state(self, keys: DraftKeys, section_id: str, version: int, ciphertext: bytes) -> SectionState:
        try:
            _slug, answers = self.format.open(keys, section_id, ciphertext)
        except crypto.DecryptionError as error:
            raise DraftNotFound from error
        return SectionState(answers=answers, version=version)

    def _draft_and_section(self, code: str, keys: DraftKeys, slug: str, section_id: str) -> tuple[_Found, SectionState | None]:
        """The draft and the section being saved, in one read; an older format's draft is rewritten first."""
        row = self.session.execute(DRAFT_AND_SECTION, {"lookup": keys.lookup, "format": CURRENT, "section_id": section_id}).first()
        if row is None:
            draft, _keys = self._find(code, keys)
            return draft, self._current(keys, draft.id, slug)
        draft = _Found(id=row.id, updated_at=row.updated_at)
        if row.version is None:
            return draft, None
        return draft, self._section_state(keys, section_id, row.version, row.ciphertext)

    def save(self, code: str, slug: str, answers: Answers, base_version: int) -> Saved | Conflict:
        """Store ``answers`` for ``slug`` if the section is still at ``base_version``."""
        keys = self.keys(code)
        section_id = self.format.section_id(keys, slug)
        sealed = self.format.seal(keys, slug, answers)

        def work() -> Saved | Conflict:
            now = self.today()
            draft, current = self._draft_and_section(code, keys, slug, section_id)
            if current is None:
                self.session.execute(ADD_SECTION, {"the_draft": draft.id, "section_id": section_id, "sealed": sealed, "now": now})
                self._touch(draft, now)
                return Saved(version=1)
            if current.answers == answers:
                self._touch(draft, now)
                return Saved(version=current.version)
            if current.version != base_version:
                return Conflict(current=current)
            # The version in the WHERE clause makes this safe against a save in between.
            changed = self.session.execute(
                REPLACE_SECTION,
                {
                    "the_draft": draft.id,
                    "section_id": section_id,
                    "base_version": base_version,
                    "new_version": base_version + 1,
                    "sealed": sealed,
                    "now": now,
                },
            ).rowcount
            if changed != 1:
                self.session.rollback()
                newer = self._current(keys, self._draft(keys).id, slug)
                return Conflict(current=newer or SectionState({}, 0))
            self._touch(draft, now)
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
        lookups = [fmt.keys(code).lookup for fmt in (self.format, *self.old_formats)]

        def work() -> bool:
            draft_id = self.session.scalar(select(Draft.id).where(Draft.lookup.in_(lookups)))
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
        """Delete every draft not used for ``unused_for``, counted in whole days; return how many.

        A draft used on day D is kept until ``unused_for`` has passed since the end of D.
        """
        cutoff = self.today() - unused_for

        def work() -> int:
            stale = select(Draft.id).where(Draft.updated_at < cutoff)
            self.session.execute(delete(DraftSection).where(DraftSection.draft_id.in_(stale)))
            return self.session.execute(delete(Draft).where(Draft.updated_at < cutoff)).rowcount

        removed = int(self._run(work))  # type: ignore[arg-type]
        self.scrub()
        return removed
