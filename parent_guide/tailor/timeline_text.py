"""Words for the timeline: what each event is, and how its date was worked out."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from parent_guide.areas import AreaPack
from parent_guide.local_facts import LOCAL, fact
from parent_guide.timeline import Rule

TITLES = {
    "reports": _l("Reports should reach you"),
    "meet-chair": _l("Arrive early to meet the chair"),
    "conference": _l("The conference"),
    "decision": _l("The decision"),
    "summary": _l("A short summary of the decisions should reach you"),
    "minutes": _l("The minutes (the written record) should reach you"),
    "first-core-group": _l("First core group meeting, if there is a plan"),
    "first-review": _l("First review conference, if there is a plan"),
    "review": _l("Review conference, if the plan carries on"),
}

ON_THE_DAY = {
    "meet-chair": _l("The chair usually meets you just before the meeting starts."),
    "conference": _l("Check the time and place on your invitation."),
    "decision": _l("You usually hear the decision at the end of the meeting."),
}


def rule_text(rule: Rule, pack: AreaPack) -> str:
    """For example "Usually 5 working days before the conference, in Kent"."""
    amount = rule.amount
    if rule.unit == "working_days":
        span = ngettext("%(num)d working day", "%(num)d working days", amount)
    elif rule.unit == "days":
        span = ngettext("%(num)d day", "%(num)d days", amount)
    else:
        span = ngettext("%(num)d month", "%(num)d months", amount)
    if rule.relation == "before":
        text = _("Usually %(span)s before the conference", span=span)
    elif rule.anchor == "conference":
        text = _("Usually within %(span)s of the conference", span=span)
    else:
        text = _("Usually within %(span)s of the review before", span=span)
    if fact(pack, f"timescales.{rule.timescale}").origin != LOCAL:
        return text
    return _("%(rule)s, in %(area)s", rule=text, area=pack.name)
