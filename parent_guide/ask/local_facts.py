"""Facts in an answer that depend on the parent's area, written ``{minutes}`` in the content.

A fact is named as the area's own ("In Kent, ...") only when the area's pack
sets it; otherwise it is worded as what usually happens, from the country's
defaults, with a nudge to check locally.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup, escape

from parent_guide.areas import AreaPack, Contact, Duration

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Area packs have no field for "out of hours"; their contacts say it in the label.
_OUT_OF_HOURS = re.compile(r"out[ -]of[ -]hours|emergency duty", re.I)


def _duration(d: Duration) -> str:
    if d.unit == "working_days":
        return ngettext("%(num)d working day", "%(num)d working days", d.amount)
    return ngettext("%(num)d day", "%(num)d days", d.amount)


def _own(pack: AreaPack, *keys: str) -> bool:
    """Whether the area's own pack sets every one of ``keys`` (not its country's defaults)."""
    return pack.kind == "local" and not any(key in pack.inherited for key in keys)


def _reports(pack: AreaPack) -> str:
    times = {
        "initial": _duration(pack.timescales.reports_before_initial),
        "review": _duration(pack.timescales.reports_before_review),
    }
    if _own(pack, "timescales.reports_before_initial", "timescales.reports_before_review"):
        return _(
            "In %(area)s, reports should reach you %(initial)s before a first conference and %(review)s before a review.",
            area=pack.name,
            **times,
        )
    return _(
        "Many areas send them %(initial)s before a first conference and %(review)s before a review. Ask your social worker when yours will come.",
        **times,
    )


def _minutes(pack: AreaPack) -> str:
    time = _duration(pack.timescales.minutes_within)
    if _own(pack, "timescales.minutes_within"):
        text = _("In %(area)s, the minutes should reach you within %(time)s.", area=pack.name, time=time)
    else:
        text = _("The minutes usually reach you within %(time)s. Ask the chair when to expect them.", time=time)
    if pack.timescales.summary_within:
        text += " " + _(
            "A short summary of the decisions should reach you within %(time)s.",
            time=_duration(pack.timescales.summary_within),
        )
    return text


def _child_age(pack: AreaPack) -> str:
    age = pack.timescales.child_attendance_age
    if _own(pack, "timescales.child_attendance_age"):
        return _("In %(area)s, children are usually invited from the age of %(age)d.", area=pack.name, age=age)
    return _("Many areas invite children from about the age of %(age)d.", age=age)


def _core_group(pack: AreaPack) -> str:
    first = _("The first core group meeting is usually within %(time)s of the conference.", time=_duration(pack.timescales.core_group_first_within))
    weeks = pack.timescales.core_group_every_weeks
    if _own(pack, "timescales.core_group_every_weeks"):
        then = _("In %(area)s, it then meets every %(weeks)d weeks.", area=pack.name, weeks=weeks)
    else:
        then = _("Many areas then meet every %(weeks)d weeks. Ask how often yours will meet.", weeks=weeks)
    return f"{first} {then}"


def _reviews(pack: AreaPack) -> str:
    values = {"first": pack.timescales.first_review_within_months, "every": pack.timescales.review_every_months}
    if _own(pack, "timescales.first_review_within_months", "timescales.review_every_months"):
        return _(
            "In %(area)s, the first review is within %(first)d months of the first conference, then at least every %(every)d months.",
            area=pack.name,
            **values,
        )
    return _(
        "The first review is usually within %(first)d months of the first conference. Then there is one at least every %(every)d months.",
        **values,
    )


def _complaints(pack: AreaPack) -> str:
    if not _own(pack, "complaints"):
        return _("Ask the chair or your social worker how to complain where you live.")
    ways = [pack.complaints.summary]
    if pack.complaints.phone:
        ways.append(_("Phone %(phone)s.", phone=pack.complaints.phone))
    if pack.complaints.email:
        ways.append(_("Email %(email)s.", email=pack.complaints.email))
    return _("In %(area)s: %(how)s", area=pack.name, how=" ".join(ways))


def out_of_hours(pack: AreaPack | None) -> Contact | None:
    """The area's out-of-hours children's services line, when its pack has one."""
    if pack is None:
        return None
    return next((c for c in pack.contacts if c.phone and _OUT_OF_HOURS.search(c.label)), None)


def _out_of_hours(pack: AreaPack) -> str:
    contact = out_of_hours(pack)
    if contact is None:
        return _("Outside office hours, your council has an out-of-hours social work team. Its number is on the council's website.")
    return _("In %(area)s, the %(team)s is on %(phone)s.", area=pack.name, team=contact.label.lower(), phone=contact.phone)


def _contacts(pack: AreaPack) -> str:
    phones = [c for c in pack.contacts if c.phone] if pack.kind == "local" else []
    if not phones:
        return ""
    listed = "; ".join(f"{c.label}, {c.phone}" for c in phones)
    return _("Numbers for %(area)s: %(numbers)s.", area=pack.name, numbers=listed)


FACTS: dict[str, Callable[[AreaPack], str]] = {
    "contacts": _contacts,
    "reports": _reports,
    "minutes": _minutes,
    "child_age": _child_age,
    "core_group": _core_group,
    "reviews": _reviews,
    "complaints": _complaints,
    "out_of_hours": _out_of_hours,
    "plan": lambda pack: pack.names.plan,
    "chair": lambda pack: pack.names.chair,
}


def unknown_placeholders(html: str) -> list[str]:
    """Placeholders in an answer that no fact fills, for the start-up check."""
    return [name for name in PLACEHOLDER.findall(html) if name not in FACTS]


def fill(html: str, pack: AreaPack) -> Markup:
    """The answer with each ``{fact}`` worded for ``pack``."""
    return Markup(PLACEHOLDER.sub(lambda m: str(escape(FACTS[m.group(1)](pack))), html))
