"""The parent's answers to the tailoring questions: area, kind of conference, date, ages, needs.

Kept in the session cookie so the guide can tailor itself without a draft, and
copied into the parent's encrypted draft (section ``_profile``) when they have
one, so it comes back with the resume code on another device.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any

from flask import current_app, session
from flask_babel import lazy_gettext as _l

from parent_guide.drafts.session import current_code, store
from parent_guide.drafts.store import Conflict, DraftNotFound, StoreUnavailable
from parent_guide.tailoring_rules import CONFERENCE_KINDS

SESSION_KEY = "profile"
DRAFT_SECTION = "_profile"
KINDS = ("initial", "pre-birth", "review", "transfer-in", "not-sure")
# Age bands chosen so that both local attendance ages (11 and 12) fall on a boundary:
# band -> (youngest age in it, label).
AGE_BANDS = {
    "unborn": (-1, _l("Not born yet")),
    "0-4": (0, _l("Under 5")),
    "5-10": (5, _l("5 to 10")),
    "11": (11, _l("11")),
    "12-15": (12, _l("12 to 15")),
    "16-17": (16, _l("16 or 17")),
}
YES_NO_NOT_SURE = ("yes", "no", "not-sure")
YES_NO = ("yes", "no")
# Each tailoring question's possible answers, as content/tailoring.toml names them.
ANSWERS: dict[str, tuple[str, ...]] = {
    "kind": CONFERENCE_KINDS,
    "ages": tuple(AGE_BANDS),
    "attending": YES_NO,
    "supporter": YES_NO,
    "help": ("interpreter", "other-help"),
}
_CHOICES: dict[str, tuple[str, ...]] = {
    "kind": KINDS,
    "attending": YES_NO_NOT_SURE,
    "supporter": YES_NO_NOT_SURE,
    "interpreter": YES_NO,
    "other_help": YES_NO,
}


# Conference dates more than this many days from today are refused, and dropped when
# read back: the timeline counts months either side, and a year 1 or 9999 cannot be.
DATE_WINDOW_DAYS = 366


def plausible_conference_date(value: date, today: date) -> bool:
    """Whether a conference date is near enough today for the timeline (a year either side)."""
    return abs((value - today).days) <= DATE_WINDOW_DAYS


@dataclass(frozen=True)
class Profile:
    """What the parent told us; ``None`` means not answered or "I'm not sure"."""

    area: str | None = None
    kind: str | None = None
    conference_date: date | None = None
    ages: tuple[str, ...] = ()
    attending: str | None = None
    supporter: str | None = None
    interpreter: str | None = None
    other_help: str | None = None

    @property
    def conference_kind(self) -> str | None:
        """The kind of conference as the content names it, or ``None`` if not known."""
        return self.kind if self.kind in CONFERENCE_KINDS else None

    @property
    def is_empty(self) -> bool:
        """Whether the parent has answered nothing yet."""
        return self == Profile()

    def answers(self) -> dict[str, tuple[str, ...]]:
        """The answers given, by question slug, as ``content/tailoring.toml`` names them."""
        help_chosen = tuple(name for name, value in (("interpreter", self.interpreter), ("other-help", self.other_help)) if value == "yes")
        found = {
            "kind": (self.conference_kind,) if self.conference_kind else (),
            "ages": self.ages,
            "attending": (self.attending,) if self.attending in YES_NO else (),
            "supporter": (self.supporter,) if self.supporter in YES_NO else (),
            "help": help_chosen,
        }
        return {question: values for question, values in found.items() if values}

    def to_json(self) -> dict[str, Any]:
        """A JSON-friendly dict, leaving out what was not answered."""
        data = asdict(self)
        data["conference_date"] = self.conference_date.isoformat() if self.conference_date else None
        data["ages"] = list(self.ages)
        return {k: v for k, v in data.items() if v not in (None, [])}

    @classmethod
    def from_json(cls, data: Any, area_ids: frozenset[str]) -> Profile:
        """Read a stored profile, dropping anything no longer valid (for example a removed area)."""
        if not isinstance(data, dict):
            return cls()
        values: dict[str, Any] = {}
        if data.get("area") in area_ids:
            values["area"] = data["area"]
        for name, allowed in _CHOICES.items():
            if data.get(name) in allowed:
                values[name] = data[name]
        try:
            values["conference_date"] = date.fromisoformat(data["conference_date"]) if data.get("conference_date") else None
        except (TypeError, ValueError):
            values["conference_date"] = None
        if values["conference_date"] and not plausible_conference_date(values["conference_date"], date.today()):
            # Saved by older code, or tampered with: the timeline cannot be counted from it.
            values["conference_date"] = None
        ages = data.get("ages")
        if isinstance(ages, list):
            values["ages"] = tuple(band for band in AGE_BANDS if band in ages)
        return cls(**values)

    def updated(self, **changes: Any) -> Profile:
        """A copy with ``changes`` applied."""
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in changes.items() if k in known})


def _area_ids() -> frozenset[str]:
    return frozenset(current_app.extensions["parent_guide.areas"])


def load_profile() -> Profile:
    """This browser's profile (empty if the parent has answered nothing)."""
    return Profile.from_json(session.get(SESSION_KEY), _area_ids())


def save_profile(profile: Profile) -> None:
    """Keep ``profile`` in the session and, when there is a draft, in the draft."""
    session[SESSION_KEY] = profile.to_json()
    code = current_code()
    if code is None:
        return
    answers = {"json": json.dumps(profile.to_json())}
    try:
        drafts = store()
        # The newest answers win: a conflict hands back the stored version to save over,
        # without decrypting the whole draft first.
        result = drafts.save(code, DRAFT_SECTION, answers, 0)
        if isinstance(result, Conflict):
            drafts.save(code, DRAFT_SECTION, answers, result.current.version)
    except (DraftNotFound, StoreUnavailable):
        # The session copy is enough to tailor the guide; the draft catches up next save.
        return


def restore_profile_from_draft(code: str) -> None:
    """After resuming with a code, bring the draft's profile into this browser's session."""
    try:
        state = store().load(code).get(DRAFT_SECTION)
    except (DraftNotFound, StoreUnavailable):
        return
    if state is not None:
        try:
            session[SESSION_KEY] = Profile.from_json(json.loads(state.answers.get("json", "{}")), _area_ids()).to_json()
        except ValueError:
            return
