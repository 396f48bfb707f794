"""``flask drafts purge``: delete drafts nobody has used for the retention period."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import current_app
from flask.cli import AppGroup

from parent_guide.drafts.handover import Handovers
from parent_guide.drafts.store import DraftStore
from parent_guide.extensions import db

drafts_cli = AppGroup("drafts", help="Manage parents' saved drafts.")


@drafts_cli.command("purge")
def purge_command() -> None:
    """Delete drafts unused for DRAFT_RETENTION_DAYS, and expired hand-over tokens (run this daily)."""
    days = current_app.config["DRAFT_RETENTION_DAYS"]
    Handovers(db.session).purge_expired()
    removed = DraftStore(db.session).purge(timedelta(days=days))
    click.echo(f"Deleted {removed} draft(s) unused for {days} days.")
