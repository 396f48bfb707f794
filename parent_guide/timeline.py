"""A parent's own timeline: the dates that follow from their conference date.

Dates come from the area pack's timescales, counting working days around the
bank holidays of England or Wales from the ``holidays`` package. A date counted
in days or months that lands on a weekend or bank holiday moves to the working
day before: every rule here is "by" or "before", so earlier still keeps it.
A timescale nobody sets gives no date. Each event carries a stable key and the
rule that produced it; the page turns those into words, so nothing here is
written for parents to read.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

from parent_guide.areas import AreaPack, Duration
from parent_guide.tailoring_rules import CONFERENCE_KINDS

KINDS = (*CONFERENCE_KINDS, "unknown")
# No national rule sets when a transfer-in conference's reviews fall, so its
# timeline shows what an unknown kind shows.
SAME_AS = {"transfer-in": "unknown"}
SUBDIVISIONS = {"england": "ENG", "wales": "WLS"}


@dataclass(frozen=True)
class Rule:
    """How an event's date was worked out, for wording such as "usually 5 working days before".

    ``unit`` is "days", "working_days" or "months"; ``relation`` is "before" or
    "within"; ``anchor`` is the key of the event counted from (for a repeated
    review, the one just before it); ``timescale`` is the pack field it came from.
    """

    amount: int
    unit: str
    relation: str
    anchor: str
    timescale: str


@dataclass(frozen=True)
class TimelineEvent:
    """One date on the timeline. ``rule`` is None for what happens on the conference day.

    ``moved_from`` is the weekend or bank holiday the rule gave, when the date
    was moved to the working day before; ``not_working_day`` marks a
    conference day that is itself a weekend or bank holiday.
    """

    key: str
    date: date
    rule: Rule | None
    is_past: bool
    moved_from: date | None = None
    not_working_day: bool = False


@cache
def _bank_holidays(country: str, year: int) -> frozenset[date]:
    # Built once per country and year: a timeline looks up dozens of days, and
    # building a holidays calendar is far slower than a set lookup.
    return frozenset(holidays.country_holidays("GB", subdiv=SUBDIVISIONS[country], years=year))


def is_working_day(day: date, country: str) -> bool:
    """Monday to Friday and not a bank holiday in ``country`` ("england" or "wales")."""
    return day.weekday() < 5 and day not in _bank_holidays(country, day.year)


def _count_working_days(start: date, n: int, country: str, step: int) -> date:
    if country not in SUBDIVISIONS:
        raise ValueError(f"unknown country {country!r}; expected one of {', '.join(SUBDIVISIONS)}")
    if n < 0:
        raise ValueError("the number of working days cannot be negative")
    day = start
    while n:
        day += timedelta(days=step)
        if is_working_day(day, country):
            n -= 1
    return day


def working_days_after(start: date, n: int, country: str) -> date:
    """The day ``n`` working days after ``start``, which itself does not count."""
    return _count_working_days(start, n, country, 1)


def working_days_before(end: date, n: int, country: str) -> date:
    """The day ``n`` working days before ``end``, which itself does not count."""
    return _count_working_days(end, n, country, -1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months``, kept to the end of a shorter month (31 January + 1 is 28 or 29 February)."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year += day.year
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _apply(rule: Rule, start: date, country: str) -> date:
    if rule.unit == "months":
        return add_months(start, rule.amount if rule.relation == "within" else -rule.amount)
    if rule.unit == "working_days":
        count = working_days_after if rule.relation == "within" else working_days_before
        return count(start, rule.amount, country)
    return start + timedelta(days=rule.amount if rule.relation == "within" else -rule.amount)


def working_day_on_or_before(day: date, country: str) -> date:
    """``day`` if it is a working day, else the working day before it."""
    while not is_working_day(day, country):
        day -= timedelta(days=1)
    return day


def _from(duration: Duration | None, relation: str, anchor: str, timescale: str) -> Rule | None:
    if duration is None:
        return None
    return Rule(duration.amount, duration.unit, relation, anchor, timescale)


def _months(amount: int, anchor: str, timescale: str) -> Rule:
    return Rule(amount, "months", "within", anchor, timescale)


def _rules(kind: str, pack: AreaPack) -> list[tuple[str, Rule | None]]:
    """The events for ``kind`` of conference, in the order they happen on the day.

    An event whose timescale nobody sets is left out.
    """
    times = pack.timescales
    reports = "reports_before_review" if kind == "review" else "reports_before_initial"
    rules: list[tuple[str, Rule | None]] = []
    if getattr(times, reports) is not None:
        rules.append(("reports", _from(getattr(times, reports), "before", "conference", reports)))
    rules += [("meet-chair", None), ("conference", None), ("decision", None)]
    if times.summary_within is not None:
        rules.append(("summary", _from(times.summary_within, "within", "conference", "summary_within")))
    if times.minutes_within is not None:
        rules.append(("minutes", _from(times.minutes_within, "within", "conference", "minutes_within")))
    if kind == "review":
        # The core group already meets, so what matters next is the next review.
        rules.append(("review", _months(times.review_every_months, "conference", "review_every_months")))
        return rules
    rules.append(
        ("first-core-group", _from(times.core_group_first_within, "within", "conference", "core_group_first_within"))
    )
    # With the kind unknown, the next review may be 3 or 6 months away: show none.
    if kind != "unknown":
        rules += [
            ("first-review", _months(times.first_review_within_months, "conference", "first_review_within_months")),
            ("review", _months(times.review_every_months, "first-review", "review_every_months")),
            ("review", _months(times.review_every_months, "review", "review_every_months")),
        ]
    return rules


def build_timeline(conference: date, kind: str, pack: AreaPack, today: date) -> list[TimelineEvent]:
    """The dates for a ``kind`` of conference on ``conference`` in ``pack``'s area, in date order.

    ``kind`` is "initial", "pre-birth", "review", "transfer-in" or "unknown".
    """
    if kind not in KINDS:
        raise ValueError(f"unknown conference kind {kind!r}; expected one of {', '.join(KINDS)}")
    latest = {"conference": conference}
    events = []
    for key, rule in _rules(SAME_AS.get(kind, kind), pack):
        if rule is None:
            working = is_working_day(conference, pack.country)
            events.append(TimelineEvent(key, conference, None, conference < today, not_working_day=not working))
            continue
        # The next review counts from the date the rule gave, not the moved one,
        # so moving one date never drags the later ones earlier.
        exact = _apply(rule, latest[rule.anchor], pack.country)
        latest[key] = exact
        day = working_day_on_or_before(exact, pack.country)
        events.append(TimelineEvent(key, day, rule, day < today, moved_from=exact if day != exact else None))
    # sorted() is stable, so events on the same day keep the order of the day.
    return sorted(events, key=lambda event: event.date)
