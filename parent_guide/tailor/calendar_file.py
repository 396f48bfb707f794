"""The timeline as an .ics calendar file, with neutral titles unless the parent asks otherwise.

Neutral titles matter: a shared phone's calendar is visible to others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event


def build_calendar(entries: Iterable[tuple[str, date, str, str]], now: datetime) -> bytes:
    """An all-day event for each (key, date, title, description)."""
    calendar = Calendar()
    calendar.add("prodid", "-//parent_guide//conference dates//EN")
    calendar.add("version", "2.0")
    for key, day, title, description in entries:
        event = Event()
        uid = hashlib.sha256(f"{key}/{day.isoformat()}".encode()).hexdigest()[:24]
        event.add("uid", f"{uid}@parent-guide")
        event.add("dtstamp", now.astimezone(timezone.utc))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", title)
        if description:
            event.add("description", description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
