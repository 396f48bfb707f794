"""Facts in an answer that depend on the parent's area, written ``{minutes}`` in the content.

Each is worded from :func:`parent_guide.local_facts.fact`, as the guide's local
boxes are: "In Bexley, ..." only when the area's own pack sets it, "In England,
..." for a national rule, and "ask your social worker" when nobody sets it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import current_app, has_app_context
from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup, escape

from parent_guide.area_pack import AreaPack, Contact, Duration
from parent_guide.areas import EXTENSION_KEY as AREAS_KEY
from parent_guide.local_facts import LOCAL, NATIONAL, fact

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Area packs have no field for "out of hours"; their contacts say it in the label.
_OUT_OF_HOURS = re.compile(r"out[ -]of[ -]hours|emergency duty", re.I)


def _duration(d: Duration) -> str:
    if d.unit == "working_days":
        return ngettext("%(num)d working day", "%(num)d working days", d.amount)
    return ngettext("%(num)d day", "%(num)d days", d.amount)


def _where(pack: AreaPack, origin: str) -> str:
    """ "In Kent" for the area's own fact, "In England" or "In Wales" for a national one."""
    if origin == LOCAL:
        return _("In %(area)s", area=pack.name)
    return _("In Wales") if pack.country == "wales" else _("In England")


def _reports(pack: AreaPack) -> str:
    initial = fact(pack, "timescales.reports_before_initial")
    review = fact(pack, "timescales.reports_before_review")
    if initial.origin in (LOCAL, NATIONAL) and review.origin == initial.origin:
        return _(
            "%(where)s, reports should reach you %(initial)s before a first conference and %(review)s before a review.",
            where=_where(pack, initial.origin),
            initial=_duration(initial.value),
            review=_duration(review.value),
        )
    return _("Areas differ on when the reports come. Ask your social worker when yours will come.")


def _minutes(pack: AreaPack) -> str:
    minutes = fact(pack, "timescales.minutes_within")
    if minutes.origin in (LOCAL, NATIONAL):
        text = _("%(where)s, the minutes should reach you within %(time)s.", where=_where(pack, minutes.origin), time=_duration(minutes.value))
    else:
        text = _("Areas differ on when the minutes come. Ask the chair when to expect them.")
    summary = fact(pack, "timescales.summary_within")
    if summary.origin in (LOCAL, NATIONAL):
        text += " " + _(
            "%(where)s, a short summary of the decisions should reach you within %(time)s.",
            where=_where(pack, summary.origin),
            time=_duration(summary.value),
        )
    return text


def _child_age(pack: AreaPack) -> str:
    age = fact(pack, "timescales.child_attendance_age")
    if age.origin in (LOCAL, NATIONAL):
        return _("%(where)s, children are usually invited from the age of %(age)d.", where=_where(pack, age.origin), age=age.value)
    return _("Areas invite children from different ages, often 11 or 12.")


def _core_group(pack: AreaPack) -> str:
    first = fact(pack, "timescales.core_group_first_within")
    text = _(
        "%(where)s, the first core group meets within %(time)s of the first conference.",
        where=_where(pack, first.origin),
        time=_duration(first.value),
    )
    every = fact(pack, "timescales.core_group_every_weeks")
    if every.origin in (LOCAL, NATIONAL):
        then = ngettext("%(where)s, it then meets at least every %(num)d week.", "%(where)s, it then meets at least every %(num)d weeks.", every.value, where=_where(pack, every.origin))
    else:
        then = _("Areas differ on how often it meets after that. Ask your key worker.")
    return f"{text} {then}"


def _reviews(pack: AreaPack) -> str:
    first = fact(pack, "timescales.first_review_within_months")
    every = fact(pack, "timescales.review_every_months")
    return " ".join(
        (
            ngettext(
                "%(where)s, the first review is within %(num)d month of the first conference.",
                "%(where)s, the first review is within %(num)d months of the first conference.",
                first.value,
                where=_where(pack, first.origin),
            ),
            _("Then there is one at least every %(every)d months while the plan lasts.", every=every.value),
        )
    )


def _complaints(pack: AreaPack) -> str:
    complaints = fact(pack, "complaints")
    if complaints.origin != LOCAL:
        return _("Ask the chair or your social worker how to complain where you live.")
    ways = [complaints.value.summary]
    if complaints.value.phone:
        ways.append(_("Phone %(phone)s.", phone=complaints.value.phone))
    if complaints.value.email:
        ways.append(_("Email %(email)s.", email=complaints.value.email))
    return _("In %(area)s: %(how)s", area=pack.name, how=" ".join(ways))


def out_of_hours(pack: AreaPack | None) -> Contact | None:
    """The area's out-of-hours children's services line, when its own pack has one.

    The line is recognised by its label in the English pack, then taken from
    ``pack`` at the same place, so a translated label still finds it.
    """
    if pack is None or pack.kind != "local":
        return None
    english = current_app.extensions[AREAS_KEY].get(pack.id, pack) if has_app_context() else pack
    for index, contact in enumerate(english.contacts):
        if contact.phone and _OUT_OF_HOURS.search(contact.label):
            return pack.contacts[index]
    return None


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
}


def unknown_placeholders(html: str) -> list[str]:
    """Placeholders in an answer that no fact fills, for the start-up check."""
    return [name for name in PLACEHOLDER.findall(html) if name not in FACTS]


def fill(html: str, pack: AreaPack) -> Markup:
    """The answer with each ``{fact}`` worded for ``pack``."""
    # The answer is our own vetted Markdown, rendered at start-up; each fact put into it is escaped.
    return Markup(PLACEHOLDER.sub(lambda m: str(escape(FACTS[m.group(1)](pack))), html))  # nosec B704
