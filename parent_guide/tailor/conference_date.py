"""Reading a GOV.UK date input (day, month, year boxes) into a date, with clear errors.

We render the date input ourselves rather than with govuk-frontend-wtf's
``GovDateInput``, which hard-codes English "Day/Month/Year" labels and raises
``ValueError`` when the field is missing from the POST.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from parent_guide.profile import plausible_conference_date
from parent_guide.timeline import add_months


@dataclass(frozen=True)
class DateInput:
    """What was typed in the three boxes, and the result."""

    day: str
    month: str
    year: str
    value: date | None = None
    error: str | None = None
    error_parts: tuple[str, ...] = ()


def read_date(day: str, month: str, year: str, today: date) -> DateInput:
    """Check the three boxes: a real date no more than a year before or after today."""
    day, month, year = day.strip(), month.strip(), year.strip()
    typed = DateInput(day, month, year)
    missing = tuple(name for name, value in (("day", day), ("month", month), ("year", year)) if not value)
    if len(missing) == 3:
        return DateInput(day, month, year, error=_("Enter the date of the conference, or choose “I’m not sure”"), error_parts=missing)
    if missing:
        names = {"day": _("a day"), "month": _("a month"), "year": _("a year")}
        return DateInput(day, month, year, error=_("The date must include %(part)s", part=names[missing[0]]), error_parts=missing)
    if not (day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4):
        return DateInput(day, month, year, error=_("Enter the date using numbers, for example 3 12 2026"), error_parts=("day", "month", "year"))
    try:
        value = date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        # OverflowError: a day or month too long for the computer's integers.
        return DateInput(day, month, year, error=_("The date must be a real date"), error_parts=("day", "month", "year"))
    if value > add_months(today, 12):
        return DateInput(day, month, year, error=_("The date must be within the next year"), error_parts=("day", "month", "year"))
    if not plausible_conference_date(value, today):
        return DateInput(day, month, year, error=_("The date must be within the last year"), error_parts=("day", "month", "year"))
    return DateInput(typed.day, typed.month, typed.year, value=value)
