"""One area pack file as written (``content/areas/<id>.toml``), read and checked field by field.

:mod:`parent_guide.areas` then fills a local pack's gaps from its country's
general pack.
"""

from __future__ import annotations

import tomllib
from dataclasses import MISSING, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, get_type_hints

from parent_guide.area_pack import AreaPack, Complaints, Contact, Duration, Leaflet, Names, Timescales
from parent_guide.area_table import AreaPackError, Table
from parent_guide.content_files import SLUG

COUNTRIES = ("england", "wales")
KINDS = ("local", "general")
DURATION_UNITS = ("days", "working_days")
CATEGORIES = ("neglect", "physical-abuse", "emotional-abuse", "sexual-abuse", "financial-abuse")
CONTACT_WAYS = ("phone", "textphone", "email", "website", "address")


def field_names(cls: type) -> tuple[str, ...]:
    """The names of a dataclass's fields, which are the keys its TOML table may hold."""
    return tuple(f.name for f in fields(cls))


def required_names(cls: type) -> tuple[str, ...]:
    """The fields of a dataclass that have no default: a general pack must give each."""
    return tuple(f.name for f in fields(cls) if f.default is MISSING)


TOP_LEVEL = tuple(name for name in field_names(AreaPack) if name != "inherited")
LEAFLET_KEYS = ("title", "published", "dated", "file")
COUNT_TIMESCALES = frozenset(name for name, hint in get_type_hints(Timescales).items() if hint in (int, int | None))


def national_fields() -> tuple[str, ...]:
    """The fields a general pack names a source for, such as ``timescales.minutes_within``."""
    return (
        *(f"names.{key}" for key in field_names(Names)),
        *(f"timescales.{key}" for key in field_names(Timescales)),
        "categories",
        "complaints",
    )


@dataclass(frozen=True)
class Draft:
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
    found = {key: table.optional_text(key) for key in field_names(Names)}
    return {key: value for key, value in found.items() if value is not None}


def _timescales(table: Table | None) -> dict[str, Any]:
    if table is None:
        return {}
    found: dict[str, Any] = {}
    for key in field_names(Timescales):
        if key in COUNT_TIMESCALES:
            found[key] = table.optional_number(key)
            continue
        duration = table.table(key, field_names(Duration))
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


def read_pack(path: Path) -> Draft:
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

    return Draft(
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
        fact_sources=_fact_sources(top.table("fact_sources", national_fields())),
        names=_names(top.table("names", field_names(Names))),
        timescales=_timescales(top.table("timescales", field_names(Timescales))),
        categories=_categories(top),
        contacts=tuple(_contact(t) for t in top.tables("contacts", field_names(Contact))),
        complaints=_complaints(top.table("complaints", field_names(Complaints))),
        notes=top.texts("notes") or (),
    )
