"""The facts of one area pack, as the rest of the site reads them (``areas`` loads and checks them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Duration:
    """A time limit counted in calendar days or in working days."""

    amount: int
    unit: str


@dataclass(frozen=True)
class Timescales:
    """When things happen, resolved. ``None``: neither the area's leaflet nor a national rule sets it."""

    core_group_first_within: Duration
    first_review_within_months: int
    review_every_months: int
    reports_before_initial: Duration | None = None
    reports_before_review: Duration | None = None
    minutes_within: Duration | None = None
    child_attendance_age: int | None = None
    core_group_every_weeks: int | None = None
    summary_within: Duration | None = None


@dataclass(frozen=True)
class Leaflet:
    """The council leaflet a local pack's facts come from.

    ``published`` is the date as the leaflet gives it ("February 2010") and
    ``dated`` the first day it can mean, for working out its age; both are
    ``None`` when the leaflet gives no date.
    """

    title: str
    published: str | None
    dated: date | None
    file: str


@dataclass(frozen=True)
class Names:
    """What people and papers are called in this area, fully resolved."""

    chair: str
    plan: str
    register: str | None = None
    advocate: str | None = None
    advocacy_service: str | None = None


@dataclass(frozen=True)
class Contact:
    """One way for a parent to reach someone; at least one of the ways is set."""

    label: str
    purpose: str | None
    phone: str | None
    textphone: str | None
    email: str | None
    website: str | None
    hours: str | None
    address: tuple[str, ...]


@dataclass(frozen=True)
class Complaints:
    """How to complain about a conference in this area."""

    summary: str
    phone: str | None
    email: str | None
    website: str | None


@dataclass(frozen=True)
class AreaPack:
    """One area's facts with its country's defaults filled in.

    ``inherited`` names the fields taken from the country pack (such as
    ``timescales.core_group_first_within``), so the page can say "in England"
    rather than "in Kent". ``contacts`` and ``notes`` are the pack's own: show
    the country pack's contacts beside a local pack's. A local pack has a
    ``leaflet``; a general pack has ``fact_sources``, the source of each
    national fact by field.
    """

    id: str
    name: str
    country: str
    kind: str
    partnership: str | None
    website: str | None
    last_checked: date
    sources: tuple[str, ...]
    leaflet: Leaflet | None
    fact_sources: Mapping[str, str]
    names: Names
    timescales: Timescales
    categories: tuple[str, ...]
    contacts: tuple[Contact, ...]
    complaints: Complaints
    notes: tuple[str, ...]
    inherited: frozenset[str]
