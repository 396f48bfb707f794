"""Area packs: what one council area does differently, read from ``content/areas/*.toml``.

Each local pack fills only what its own leaflet says; everything else comes from
its country's general pack (``england.toml`` or ``wales.toml``). Packs are read
and checked once at start-up. A wrong pack stops the app with an
:class:`AreaPackError` naming the file and the field, and ``flask areas check``
runs the same checks for people editing packs.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar, get_type_hints

import click
from flask import Flask, current_app
from flask.cli import AppGroup

EXTENSION_KEY = "parent_guide.areas"
COUNTRIES = ("england", "wales")
KINDS = ("local", "general")
DURATION_UNITS = ("days", "working_days")
CATEGORIES = ("neglect", "physical-abuse", "emotional-abuse", "sexual-abuse", "financial-abuse")
CONTACT_WAYS = ("phone", "textphone", "email", "website", "address")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Digits and spaces only, so the page can build a tel: link from it.
PHONE = re.compile(r"^\+?[0-9][0-9 ]*[0-9]$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

T = TypeVar("T")


class AreaPackError(Exception):
    """An area pack is missing or invalid; ``field`` is a dotted path, lists count from 0."""

    def __init__(self, path: Path, field: str | None, problem: str):
        where = f"{path}: {field}" if field else str(path)
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class Duration:
    """A time limit counted in calendar days or in working days."""

    amount: int
    unit: str


@dataclass(frozen=True)
class Timescales:
    """When things happen, fully resolved. ``summary_within`` exists only where the rules set one (Wales)."""

    reports_before_initial: Duration
    reports_before_review: Duration
    minutes_within: Duration
    child_attendance_age: int
    core_group_first_within: Duration
    core_group_every_weeks: int
    first_review_within_months: int
    review_every_months: int
    summary_within: Duration | None = None


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
    ``timescales.minutes_within``), so the page can say "usually" rather than
    "in Kent". ``contacts`` and ``notes`` are the pack's own: show the
    country pack's contacts beside a local pack's.
    """

    id: str
    name: str
    country: str
    kind: str
    partnership: str | None
    website: str | None
    last_checked: date
    sources: tuple[str, ...]
    names: Names
    timescales: Timescales
    categories: tuple[str, ...]
    contacts: tuple[Contact, ...]
    complaints: Complaints
    notes: tuple[str, ...]
    inherited: frozenset[str]


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _required_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.default is MISSING)


TOP_LEVEL = tuple(name for name in _field_names(AreaPack) if name != "inherited")
COUNT_TIMESCALES = frozenset(name for name, hint in get_type_hints(Timescales).items() if hint is int)


class _Table:
    """One TOML table being read, knowing its file and place for error messages."""

    def __init__(self, path: Path, data: dict[str, Any], where: str, allowed: Iterable[str]):
        self.path = path
        self.data = data
        self.where = where
        allowed = tuple(allowed)
        unknown = sorted(set(data) - set(allowed))
        if unknown:
            raise self.error(unknown[0], f"unknown key (allowed: {', '.join(allowed)})")

    def place(self, key: str) -> str:
        """The dotted path of ``key``, such as ``timescales.minutes_within``."""
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, problem: str) -> AreaPackError:
        return AreaPackError(self.path, self.place(key), problem)

    def required(self, key: str, value: T | None) -> T:
        if value is None:
            raise self.error(key, "is required")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise self.error(key, "must be some text")
        return value

    def text(self, key: str) -> str:
        return self.required(key, self.optional_text(key))

    def choice(self, key: str, options: Iterable[str]) -> str:
        options = tuple(options)
        value = self.text(key)
        if value not in options:
            raise self.error(key, "must be " + " or ".join(f'"{o}"' for o in options))
        return value

    def optional_number(self, key: str) -> int | None:
        value = self.data.get(key)
        # TOML booleans are Python ints, so they are ruled out by name.
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise self.error(key, "must be a whole number of 1 or more")
        return value

    def day(self, key: str) -> date:
        value = self.required(key, self.data.get(key))
        # A TOML date-time is a datetime, which is also a date.
        if not isinstance(value, date) or isinstance(value, datetime):
            raise self.error(key, "must be a date such as 2026-11-22")
        return value

    def texts(self, key: str) -> tuple[str, ...] | None:
        value = self.data.get(key)
        if value is not None and (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise self.error(key, "must be a list of text")
        return None if value is None else tuple(value)

    def optional_phone(self, key: str) -> str | None:
        value = self.optional_text(key)
        if value is not None and not PHONE.match(value):
            raise self.error(key, "must be digits and spaces only, such as 020 8303 7777")
        return value

    def optional_email(self, key: str) -> str | None:
        value = self.optional_text(key)
        if value is not None and not EMAIL.match(value):
            raise self.error(key, "must be an email address")
        return value

    def optional_website(self, key: str) -> str | None:
        value = self.optional_text(key)
        if value is not None and not value.startswith(("https://", "http://")):
            raise self.error(key, "must start with https:// or http://")
        return value

    def table(self, key: str, allowed: Iterable[str]) -> _Table | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.error(key, "must be a table")
        return _Table(self.path, value, self.place(key), allowed)

    def tables(self, key: str, allowed: Iterable[str]) -> list[_Table]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(key, f"must be written as [[{key}]] tables")
        return [_Table(self.path, item, self.place(f"{key}[{i}]"), allowed) for i, item in enumerate(value)]


@dataclass(frozen=True)
class _Draft:
    """A pack as written, before its country's defaults fill the gaps."""

    path: Path
    id: str
    name: str
    country: str
    kind: str
    partnership: str | None
    website: str | None
    last_checked: date
    sources: tuple[str, ...]
    names: dict[str, str]
    timescales: dict[str, Any]
    categories: tuple[str, ...] | None
    contacts: tuple[Contact, ...]
    complaints: Complaints | None
    notes: tuple[str, ...]


def _names(table: _Table | None) -> dict[str, str]:
    if table is None:
        return {}
    found = {key: table.optional_text(key) for key in _field_names(Names)}
    return {key: value for key, value in found.items() if value is not None}


def _timescales(table: _Table | None) -> dict[str, Any]:
    if table is None:
        return {}
    found: dict[str, Any] = {}
    for key in _field_names(Timescales):
        if key in COUNT_TIMESCALES:
            found[key] = table.optional_number(key)
            continue
        duration = table.table(key, _field_names(Duration))
        if duration is not None:
            found[key] = Duration(
                duration.required("amount", duration.optional_number("amount")),
                duration.choice("unit", DURATION_UNITS),
            )
    return {key: value for key, value in found.items() if value is not None}


def _categories(table: _Table) -> tuple[str, ...] | None:
    categories = table.texts("categories")
    wrong = [c for c in categories or () if c not in CATEGORIES]
    if wrong:
        raise table.error("categories", f'unknown "{wrong[0]}" (allowed: {", ".join(CATEGORIES)})')
    return categories


def _contact(table: _Table) -> Contact:
    contact = Contact(
        label=table.text("label"),
        purpose=table.optional_text("purpose"),
        phone=table.optional_phone("phone"),
        textphone=table.optional_phone("textphone"),
        email=table.optional_email("email"),
        website=table.optional_website("website"),
        hours=table.optional_text("hours"),
        address=table.texts("address") or (),
    )
    if not any(getattr(contact, way) for way in CONTACT_WAYS):
        raise AreaPackError(table.path, table.where, f"needs at least one of {', '.join(CONTACT_WAYS)}")
    return contact


def _complaints(table: _Table | None) -> Complaints | None:
    if table is None:
        return None
    return Complaints(
        summary=table.text("summary"),
        phone=table.optional_phone("phone"),
        email=table.optional_email("email"),
        website=table.optional_website("website"),
    )


def _read(path: Path) -> _Draft:
    """Read one pack and check everything that does not need another pack."""
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise AreaPackError(path, None, f"not valid TOML: {error}") from error
    top = _Table(path, data, "", TOP_LEVEL)

    pack_id = top.text("id")
    if pack_id != path.stem:
        raise top.error("id", f'must be "{path.stem}", the file name without .toml')
    if not SLUG.match(pack_id):
        raise top.error("id", "must be lower case letters, digits and hyphens")
    kind = top.choice("kind", KINDS)
    country = top.choice("country", COUNTRIES)
    # The general packs belong to the countries, so their ids are the country names.
    expected_kind = "general" if pack_id in COUNTRIES else "local"
    if kind != expected_kind:
        raise top.error("kind", f'must be "{expected_kind}" in {path.name}')
    if kind == "general" and country != pack_id:
        raise top.error("country", f'must be "{pack_id}" in {path.name}')
    # Abuse categories are set by national rules, never by one council.
    if kind == "local" and "categories" in data:
        raise top.error("categories", "only the england and wales packs may set this")

    return _Draft(
        path=path,
        id=pack_id,
        name=top.text("name"),
        country=country,
        kind=kind,
        partnership=top.optional_text("partnership"),
        website=top.optional_website("website"),
        last_checked=top.day("last_checked"),
        sources=top.required("sources", top.texts("sources")),
        names=_names(top.table("names", _field_names(Names))),
        timescales=_timescales(top.table("timescales", _field_names(Timescales))),
        categories=_categories(top),
        contacts=tuple(_contact(t) for t in top.tables("contacts", _field_names(Contact))),
        complaints=_complaints(top.table("complaints", _field_names(Complaints))),
        notes=top.texts("notes") or (),
    )


def _build(
    draft: _Draft,
    names: Names,
    timescales: Timescales,
    categories: tuple[str, ...],
    complaints: Complaints,
    inherited: frozenset[str],
) -> AreaPack:
    return AreaPack(
        id=draft.id,
        name=draft.name,
        country=draft.country,
        kind=draft.kind,
        partnership=draft.partnership,
        website=draft.website,
        last_checked=draft.last_checked,
        sources=draft.sources,
        names=names,
        timescales=timescales,
        categories=categories,
        contacts=draft.contacts,
        complaints=complaints,
        notes=draft.notes,
        inherited=inherited,
    )


def _general_pack(draft: _Draft) -> AreaPack:
    """A country's pack, which must hold everything a local pack may leave out."""
    for section, given, needed in (
        ("names", draft.names, _required_names(Names)),
        ("timescales", draft.timescales, _required_names(Timescales)),
    ):
        missing = [key for key in needed if key not in given]
        if missing:
            raise AreaPackError(draft.path, f"{section}.{missing[0]}", "is required in a general pack")
    if draft.categories is None:
        raise AreaPackError(draft.path, "categories", "is required in a general pack")
    if draft.complaints is None:
        raise AreaPackError(draft.path, "complaints", "is required in a general pack")
    return _build(
        draft,
        Names(**draft.names),
        Timescales(**draft.timescales),
        draft.categories,
        draft.complaints,
        frozenset(),
    )


def _local_pack(draft: _Draft, general: AreaPack) -> AreaPack:
    """A council area's pack, with what it leaves out taken from its country's."""
    inherited = {
        f"names.{key}"
        for key in _field_names(Names)
        if key not in draft.names and getattr(general.names, key) is not None
    }
    inherited |= {
        f"timescales.{key}"
        for key in _field_names(Timescales)
        if key not in draft.timescales and getattr(general.timescales, key) is not None
    }
    if draft.complaints is None:
        inherited.add("complaints")
    return _build(
        draft,
        replace(general.names, **draft.names),
        replace(general.timescales, **draft.timescales),
        general.categories,
        draft.complaints or general.complaints,
        frozenset(inherited),
    )


def load_areas(folder: Path) -> dict[str, AreaPack]:
    """Every pack in ``folder``: local packs by name, then england, then wales."""
    if not folder.is_dir():
        raise AreaPackError(folder, None, "folder of area packs not found")
    drafts = [_read(path) for path in sorted(folder.glob("*.toml"))]
    by_id = {draft.id: draft for draft in drafts}
    general: dict[str, AreaPack] = {}
    for country in COUNTRIES:
        if country not in by_id:
            raise AreaPackError(folder / f"{country}.toml", None, "missing: every local pack falls back on it")
        general[country] = _general_pack(by_id[country])
    local = sorted((d for d in drafts if d.kind == "local"), key=lambda d: (d.name.casefold(), d.id))
    return {
        **{d.id: _local_pack(d, general[d.country]) for d in local},
        **general,
    }


areas_cli = AppGroup("areas", help="Work with the area packs in content/areas.")


@areas_cli.command("check")
def check_command() -> None:
    """Load every area pack and list them; exit 1 if one is invalid."""
    # Read from disk again, so an edit can be checked without restarting the app.
    try:
        packs = load_areas(Path(current_app.config["AREAS_DIR"]))
    except AreaPackError as error:
        raise click.ClickException(str(error)) from error
    for pack in packs.values():
        click.echo(f"{pack.id}: {pack.name} (last checked {pack.last_checked.isoformat()})")


def init_app(app: Flask) -> None:
    """Load the packs from ``AREAS_DIR`` into the app and add ``flask areas check``."""
    app.cli.add_command(areas_cli)
    app.extensions[EXTENSION_KEY] = load_areas(Path(app.config["AREAS_DIR"]))
