"""Help lines (999, Family Rights Group, domestic abuse, Samaritans), read once from ``content/helplines.toml``.

One place for every number, so the footer, the guide, "Staying safe online" and
"Ask a question" can never disagree.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

EXTENSION_KEY = "parent_guide.helplines"
COUNTRIES = ("england", "wales")
TOPICS = ("emergency", "advice", "domestic-abuse", "self-harm")
_FIELDS = {"id", "name", "purpose", "phone", "text", "hours", "website", "countries", "topics", "source"}


class HelplineError(Exception):
    """``helplines.toml`` is missing a field or has a wrong value."""


@dataclass(frozen=True)
class Helpline:
    """One help line and who it serves."""

    id: str
    name: str
    purpose: str
    phone: str
    hours: str
    countries: tuple[str, ...]
    topics: tuple[str, ...]
    source: str
    text: str | None = None
    website: str | None = None


def _helpline(path: Path, index: int, entry: dict[str, object]) -> Helpline:
    where = f"{path}: helplines.{index}"
    unknown = set(entry) - _FIELDS
    if unknown:
        raise HelplineError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for key in ("id", "name", "purpose", "phone", "hours", "source"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise HelplineError(f"{where}.{key}: must be a non-empty string")
    for key, allowed in (("countries", COUNTRIES), ("topics", TOPICS)):
        values = entry.get(key)
        if not isinstance(values, list) or not values or any(v not in allowed for v in values):
            raise HelplineError(f"{where}.{key}: must be a list drawn from {', '.join(allowed)}")
    return Helpline(
        id=str(entry["id"]),
        name=str(entry["name"]),
        purpose=str(entry["purpose"]),
        phone=str(entry["phone"]),
        hours=str(entry["hours"]),
        countries=tuple(entry["countries"]),  # type: ignore[arg-type]
        topics=tuple(entry["topics"]),  # type: ignore[arg-type]
        source=str(entry["source"]),
        text=entry.get("text"),  # type: ignore[arg-type]
        website=entry.get("website"),  # type: ignore[arg-type]
    )


def load_helplines(path: Path) -> dict[str, Helpline]:
    """Every help line by id, checked; a mistake names the file and the entry."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    lines = [_helpline(path, i, entry) for i, entry in enumerate(data.get("helplines", []))]
    by_id = {line.id: line for line in lines}
    if len(by_id) != len(lines):
        raise HelplineError(f"{path}: two help lines share an id")
    return by_id


def helplines() -> dict[str, Helpline]:
    """The loaded help lines, by id."""
    return current_app.extensions[EXTENSION_KEY]


def for_topic(topic: str, country: str = "england") -> list[Helpline]:
    """The help lines for ``topic`` in ``country`` ("england" when the area is not known)."""
    return [h for h in helplines().values() if topic in h.topics and country in h.countries]


def init_app(app: Flask) -> None:
    """Load the help lines file (``content/helplines.toml``) and offer it to templates."""
    app.extensions[EXTENSION_KEY] = load_helplines(Path(app.config["HELPLINES_FILE"]))
    app.jinja_env.globals["helplines"] = helplines
    app.jinja_env.globals["helplines_for"] = for_topic
