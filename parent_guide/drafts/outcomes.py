"""What the draft store answers with: a section's state, a save's outcome, its two failures; and the clock's day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

Answers = dict[str, str]


def utcnow() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def day_of(moment: datetime) -> datetime:
    """The start of ``moment``'s day: the database keeps no finer time than that."""
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


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
