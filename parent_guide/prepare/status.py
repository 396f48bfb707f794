"""A section's status for the task list: Not started, In progress or Completed."""

from __future__ import annotations

from enum import Enum

from flask_babel import lazy_gettext as _l

from parent_guide.drafts.store import SectionState

COMPLETE = "_complete"
"""Stored with the answers when the parent pressed Save and continue."""


class Status(Enum):
    """The three statuses and how the task list shows them."""

    NOT_STARTED = ("not-started", _l("Not started"))
    IN_PROGRESS = ("in-progress", _l("In progress"))
    COMPLETED = ("completed", _l("Completed"))

    @property
    def label(self) -> str:
        """The translated label."""
        return str(self.value[1])


def section_status(state: SectionState | None) -> Status:
    """Completed after Save and continue with some text; In progress after autosave only."""
    if state is None or not any(v.strip() for k, v in state.answers.items() if k != COMPLETE):
        return Status.NOT_STARTED
    return Status.COMPLETED if state.answers.get(COMPLETE) else Status.IN_PROGRESS
