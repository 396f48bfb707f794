"""Hand-over tokens: random, usable once, for a limited time, and not the resume code."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from parent_guide.drafts.handover import Handovers
from parent_guide.drafts.models import HandoverToken
from parent_guide.extensions import db


@pytest.fixture()
def handovers(any_db_app: Flask) -> Iterator[Handovers]:
    """Hand-overs with a clock the test moves, on SQLite and PostgreSQL."""
    with any_db_app.app_context():
        clock = [datetime(2026, 12, 1, 9, 0, tzinfo=UTC)]
        yield Handovers(db.session, clock=lambda: clock[0])
        db.session.rollback()


def test_token_opens_once(handovers: Handovers) -> None:
    """Verify the token gives back the code once and then nothing."""
    token = handovers.issue("ABCDEFGHJKMNPQRS", timedelta(minutes=10))
    assert "ABCDEFGHJKMNPQRS" not in token
    assert handovers.redeem(token) == "ABCDEFGHJKMNPQRS"
    assert handovers.redeem(token) is None


def test_token_expires(handovers: Handovers) -> None:
    """Verify a token older than its lifetime opens nothing, and the purge removes it."""
    start = handovers.clock()
    token = handovers.issue("ABCDEFGHJKMNPQRS", timedelta(minutes=10))
    handovers.clock = lambda: start + timedelta(minutes=10, seconds=1)
    assert handovers.redeem(token) is None
    late = handovers.issue("ABCDEFGHJKMNPQRS", timedelta(minutes=10))
    handovers.clock = lambda: start + timedelta(minutes=30)
    assert handovers.purge_expired() == 1
    assert handovers.redeem(late) is None


def test_table_holds_no_code_and_no_token(handovers: Handovers) -> None:
    """Verify the stored row holds neither the token nor the resume code in any readable form."""
    token = handovers.issue("ABCDEFGHJKMNPQRS", timedelta(minutes=10))
    row = handovers.session.scalar(select(HandoverToken))
    assert row is not None
    assert token not in row.lookup and b"ABCDEFGHJKMNPQRS" not in row.sealed


def test_made_up_tokens_open_nothing(handovers: Handovers) -> None:
    """Verify empty, long and unknown tokens are refused quietly."""
    for token in ("", "x" * 65, "not-a-real-token", "ABCDEFGHJKMNPQRS"):
        assert handovers.redeem(token) is None
