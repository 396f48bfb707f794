"""The tailoring questions in order: each one's form and how it reads and changes the profile.

This list is the one place the questions are defined; the pages, the order
and the summary of answers all come from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from parent_guide.profile import Profile
from parent_guide.tailor import forms


@dataclass(frozen=True)
class Question:
    """One question page."""

    slug: str
    label: Any  # lazy translated text for the summary of answers
    form: type[FlaskForm] | None  # None: the date page, which reads its own three boxes
    read: Callable[[Profile], Any]
    write: Callable[[Profile, Any], Profile]


def _help_read(profile: Profile) -> list[str] | None:
    if profile.interpreter is None and profile.other_help is None:
        return None
    chosen = [name for name, value in (("interpreter", profile.interpreter), ("other-help", profile.other_help)) if value == "yes"]
    return chosen or ["none"]


def _help_write(profile: Profile, value: list[str] | None) -> Profile:
    if value is None:
        return profile.updated(interpreter=None, other_help=None)
    return profile.updated(
        interpreter="yes" if "interpreter" in value else "no",
        other_help="yes" if "other-help" in value else "no",
    )


QUESTIONS: tuple[Question, ...] = (
    Question("area", _l("Area"), forms.AreaForm, lambda p: p.area, lambda p, v: p.updated(area=v)),
    Question("kind", _l("Kind of conference"), forms.KindForm, lambda p: p.conference_kind, lambda p, v: p.updated(kind=v or "not-sure")),
    Question("date", _l("Date of the conference"), None, lambda p: p.conference_date, lambda p, v: p.updated(conference_date=v)),
    Question("ages", _l("Children’s ages"), forms.AgesForm, lambda p: list(p.ages) or None, lambda p, v: p.updated(ages=tuple(v or ()))),
    Question("attending", _l("Going to the conference"), forms.AttendingForm, lambda p: p.attending, lambda p, v: p.updated(attending=v or "not-sure")),
    Question("supporter", _l("Bringing someone"), forms.SupporterForm, lambda p: p.supporter, lambda p, v: p.updated(supporter=v or "not-sure")),
    Question("help", _l("Help to take part"), forms.HelpForm, _help_read, _help_write),
)


def question(slug: str) -> Question | None:
    """The question with this slug."""
    return next((q for q in QUESTIONS if q.slug == slug), None)


def asked(pinned: bool) -> tuple[Question, ...]:
    """The questions this deployment asks: no area question when the area is pinned."""
    return tuple(q for q in QUESTIONS if not (pinned and q.slug == "area"))
