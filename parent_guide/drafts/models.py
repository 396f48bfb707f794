"""Database tables for drafts. Answers are stored only as ciphertext.

What goes in each column, and in which format, is :mod:`parent_guide.drafts.format`'s
business; times are kept to the day.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from parent_guide.extensions import db


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC without a zone (SQLite has none) and reads it back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetimes must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


class Draft(db.Model):  # type: ignore[name-defined,misc]
    """One parent's draft. ``lookup`` is derived from the resume code."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lookup: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    sections: Mapped[list[DraftSection]] = relationship(
        back_populates="draft", cascade="all, delete-orphan", passive_deletes=True
    )


class DraftSection(db.Model):  # type: ignore[name-defined,misc]
    """The encrypted answers to one section, with a version for conflict checks."""

    __tablename__ = "draft_sections"

    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True)
    # The section's name in format 1; from format 2, an HMAC of it only the code can make.
    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    draft: Mapped[Draft] = relationship(back_populates="sections")


class HandoverToken(db.Model):  # type: ignore[name-defined,misc]
    """A one-use, short-lived token that opens a draft on another device (the QR code).

    ``lookup`` is derived from the token and ``sealed`` is the resume code
    encrypted under a key derived from the token, so the table alone opens nothing.
    """

    __tablename__ = "handover_tokens"

    lookup: Mapped[str] = mapped_column(String(64), primary_key=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
