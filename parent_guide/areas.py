"""Area packs: what one council area does differently, read from ``content/areas/*.toml``.

Each local pack fills only what its own leaflet says, and names that leaflet
and its date; everything else comes from its country's general pack
(``england.toml`` or ``wales.toml``), which holds only national facts, each
with its source. Packs are read and checked once at start-up. A wrong pack
stops the app with an :class:`AreaPackError` naming the file and the field,
and ``flask areas check`` runs the same checks for people editing packs.
How a fact is worded for a page (local or usual) is in ``local_facts``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import MISSING, dataclass, fields, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, get_type_hints

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from parent_guide.area_pack import AreaPack, Complaints, Contact, Duration, Leaflet, Names, Timescales
from parent_guide.area_table import AreaPackError, Table

__all__ = ["AreaPack", "AreaPackError", "Duration", "Leaflet", "load_areas", "init_app"]

EXTENSION_KEY = "parent_guide.areas"
COUNTRIES = ("england", "wales")
KINDS = ("local", "general")
DURATION_UNITS = ("days", "working_days")
CATEGORIES = ("neglect", "physical-abuse", "emotional-abuse", "sexual-abuse", "financial-abuse")
CONTACT_WAYS = ("phone", "textphone", "email", "website", "address")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _required_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.default is MISSING)


TOP_LEVEL = tuple(name for name in _field_names(AreaPack) if name != "inherited")
LEAFLET_KEYS = ("title", "published", "dated", "file")
COUNT_TIMESCALES = frozenset(name for name, hint in get_type_hints(Timescales).items() if hint in (int, int | None))


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
    leaflet: Leaflet | None
    fact_sources: dict[str, str]
    names: dict[str, str]
    timescales: dict[str, Any]
    categories: tuple[str, ...] | None
    contacts: tuple[Contact, ...]
    complaints: Complaints | None
    notes: tuple[str, ...]


def _names(table: Table | None) -> dict[str, str]:
    if table is None:
        return {}
    found = {key: table.optional_text(key) for key in _field_names(Names)}
    return {key: value for key, value in found.items() if value is not None}


def _timescales(table: Table | None) -> dict[str, Any]:
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


def _categories(table: Table) -> tuple[str, ...] | None:
    categories = table.texts("categories")
    wrong = [c for c in categories or () if c not in CATEGORIES]
    if wrong:
        raise table.error("categories", f'unknown "{wrong[0]}" (allowed: {", ".join(CATEGORIES)})')
    return categories


def _contact(table: Table) -> Contact:
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


def _complaints(table: Table | None) -> Complaints | None:
    if table is None:
        return None
    return Complaints(
        summary=table.text("summary"),
        phone=table.optional_phone("phone"),
        email=table.optional_email("email"),
        website=table.optional_website("website"),
    )


def _leaflet(table: Table | None) -> Leaflet | None:
    if table is None:
        return None
    leaflet = Leaflet(
        title=table.text("title"),
        published=table.optional_text("published"),
        dated=table.optional_day("dated"),
        file=table.text("file"),
    )
    if (leaflet.published is None) != (leaflet.dated is None):
        raise table.error("dated", "give both 'published' (as the leaflet says it) and 'dated', or neither")
    return leaflet


def _fact_sources(table: Table | None) -> dict[str, str]:
    if table is None:
        return {}
    return {key: table.text(key) for key in table.data}


def _read(path: Path) -> _Draft:
    """Read one pack and check everything that does not need another pack."""
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise AreaPackError(path, None, f"not valid TOML: {error}") from error
    top = Table(path, data, "", TOP_LEVEL)

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
    # A local fact's source is its leaflet; a national fact's is named one by one.
    if kind == "local" and "leaflet" not in data:
        raise top.error("leaflet", "is required in a local pack: the leaflet its facts come from")
    if kind == "local" and "fact_sources" in data:
        raise top.error("fact_sources", "only the england and wales packs may set this; a local pack's source is its leaflet")
    if kind == "general" and "leaflet" in data:
        raise top.error("leaflet", "a general pack holds national facts only, not a leaflet's")

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
        leaflet=_leaflet(top.table("leaflet", LEAFLET_KEYS)),
        fact_sources=_fact_sources(top.table("fact_sources", _national_fields())),
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
        leaflet=draft.leaflet,
        fact_sources=MappingProxyType(draft.fact_sources),
        names=names,
        timescales=timescales,
        categories=categories,
        contacts=draft.contacts,
        complaints=complaints,
        notes=draft.notes,
        inherited=inherited,
    )


def _national_fields() -> tuple[str, ...]:
    """The fields a general pack names a source for, such as ``timescales.minutes_within``."""
    return (
        *(f"names.{key}" for key in _field_names(Names)),
        *(f"timescales.{key}" for key in _field_names(Timescales)),
        "categories",
        "complaints",
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
    given = {f"names.{key}" for key in draft.names} | {f"timescales.{key}" for key in draft.timescales}
    given |= {"categories", "complaints"}
    unsourced = sorted(given - set(draft.fact_sources))
    if unsourced:
        raise AreaPackError(draft.path, f"fact_sources.{unsourced[0]}", "every national fact needs its source")
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
