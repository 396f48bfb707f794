"""Wording an area's facts for a page: what is the area's own, and what is only usual.

A fact is the area's own only when its pack sets it (from its leaflet). A fact
taken from the England or Wales pack is a national one and is worded as such
("In England …"), and a fact nobody sets is left to the parent to ask about.
The leaflet's own date, not the date we looked, tells the parent how fresh the
local facts are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Flask

from parent_guide.areas import AreaPack, Leaflet
from parent_guide.timeline import add_months

LOCAL = "local"
NATIONAL = "national"
UNKNOWN = "unknown"
# Past this age a leaflet may describe practice that has since changed.
STALE_AFTER_MONTHS = 36


@dataclass(frozen=True)
class Fact:
    """One field of a pack as a page should present it.

    ``origin`` is "local" (the area's own leaflet says it), "national" (the
    country's rule, from the general pack) or "unknown" (nobody sets it).
    """

    field: str
    value: Any
    origin: str


def _value(pack: AreaPack, field: str) -> Any:
    section, _dot, name = field.partition(".")
    holder = getattr(pack, section)
    return getattr(holder, name) if name else holder


def fact(pack: AreaPack, field: str) -> Fact:
    """The value of ``field`` (such as ``timescales.minutes_within``) in ``pack``, with where it comes from."""
    value = _value(pack, field)
    if value is None:
        return Fact(field, None, UNKNOWN)
    if pack.kind == "local" and field not in pack.inherited:
        return Fact(field, value, LOCAL)
    return Fact(field, value, NATIONAL)


def is_stale(leaflet: Leaflet, today: date) -> bool:
    """Whether a leaflet gives no date, or is more than three years old on ``today``."""
    return leaflet.dated is None or add_months(leaflet.dated, STALE_AFTER_MONTHS) < today


def init_app(app: Flask) -> None:
    """Give templates ``area_fact`` and ``leaflet_is_stale``."""
    app.jinja_env.globals["area_fact"] = fact
    app.jinja_env.globals["leaflet_is_stale"] = lambda leaflet: is_stale(leaflet, date.today())
