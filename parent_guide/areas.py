"""Area packs: what one council area does differently, read from ``content/areas/*.toml``.

Each local pack fills only what its own leaflet says, and names that leaflet
and its date; everything else comes from its country's general pack
(``england.toml`` or ``wales.toml``), which holds only national facts, each
with its source. Packs are read and checked once at start-up. A wrong pack
stops the app with an :class:`AreaPackError` naming the file and the field,
and ``flask areas check`` runs the same checks for people editing packs.
Reading one file is in ``area_file``; how a fact is worded for a page (local
or usual) is in ``local_facts``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from parent_guide.area_file import COUNTRIES, Draft, field_names, read_pack, required_names
from parent_guide.area_pack import AreaPack, Complaints, Duration, Leaflet, Names, Timescales
from parent_guide.area_table import AreaPackError

__all__ = ["AreaPack", "AreaPackError", "Duration", "Leaflet", "load_areas", "init_app"]

EXTENSION_KEY = "parent_guide.areas"


def _build(
    draft: Draft,
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


def _general_pack(draft: Draft) -> AreaPack:
    """A country's pack, which must hold everything a local pack may leave out."""
    for section, given, needed in (
        ("names", draft.names, required_names(Names)),
        ("timescales", draft.timescales, required_names(Timescales)),
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


def _local_pack(draft: Draft, general: AreaPack) -> AreaPack:
    """A council area's pack, with what it leaves out taken from its country's."""
    inherited = {
        f"names.{key}"
        for key in field_names(Names)
        if key not in draft.names and getattr(general.names, key) is not None
    }
    inherited |= {
        f"timescales.{key}"
        for key in field_names(Timescales)
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
    drafts = [read_pack(path) for path in sorted(folder.glob("*.toml"))]
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
