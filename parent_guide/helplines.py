"""Help lines (999, Family Rights Group, domestic abuse, Samaritans), read once from ``content/helplines.toml``.

One place for every number, so the footer, the guide, "Staying safe online" and
"Ask a question" can never disagree. The file is written in English; each
language's wording lives in ``content/<locale>/helplines.toml``, one table per
help line id with only ``name``, ``purpose`` and ``hours``::

    [samaritans]
    name = "Samaritans"
    purpose = "Siaradwch â rhywun ..."
    hours = "24 awr"

Numbers, web addresses, countries and topics always come from the English file.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, has_request_context

from parent_guide.content import discover_locales
from parent_guide.i18n import current_locale

EXTENSION_KEY = "parent_guide.helplines"
COUNTRIES = ("england", "wales")
TOPICS = ("emergency", "advice", "domestic-abuse", "self-harm")
WORDING = frozenset({"name", "purpose", "hours"})
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


def load_wording(path: Path, lines: dict[str, Helpline]) -> dict[str, Helpline]:
    """``lines`` with one language's wording from ``path`` laid over them; a mistake names the file and the key."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    unknown = set(data) - set(lines)
    if unknown:
        raise HelplineError(f"{path}: no help line with id {', '.join(sorted(unknown))}")
    worded = dict(lines)
    for line_id, wording in data.items():
        if not isinstance(wording, dict):
            raise HelplineError(f"{path}: {line_id} must be a table")
        facts = set(wording) - WORDING
        if facts:
            raise HelplineError(f"{path}: {line_id}: only {', '.join(sorted(WORDING))} can be translated, not {', '.join(sorted(facts))}")
        for key, value in wording.items():
            if not isinstance(value, str) or not value.strip():
                raise HelplineError(f"{path}: {line_id}.{key}: must be a non-empty string")
        worded[line_id] = dataclasses.replace(lines[line_id], **wording)
    return worded


def load_all(path: Path, content_dir: Path, locales: Iterable[str]) -> dict[str, dict[str, Helpline]]:
    """The help lines in each locale: English as written, others with their wording file when there is one."""
    lines = load_helplines(path)
    by_locale = {}
    for locale in locales:
        wording = content_dir / locale / "helplines.toml"
        by_locale[locale] = load_wording(wording, lines) if wording.is_file() else lines
    by_locale.setdefault("en", lines)
    return by_locale


def helplines() -> dict[str, Helpline]:
    """The help lines, by id, worded in the page's language."""
    by_locale = current_app.extensions[EXTENSION_KEY]
    return by_locale.get(current_locale() if has_request_context() else "en") or by_locale["en"]


def for_topic(topic: str, country: str = "england") -> list[Helpline]:
    """The help lines for ``topic`` in ``country`` ("england" when the area is not known)."""
    return [h for h in helplines().values() if topic in h.topics and country in h.countries]


def init_app(app: Flask) -> None:
    """Load the help lines file (``content/helplines.toml``) and each language's wording, and offer them to templates."""
    content_dir = Path(app.config["CONTENT_DIR"])
    app.extensions[EXTENSION_KEY] = load_all(Path(app.config["HELPLINES_FILE"]), content_dir, discover_locales(content_dir))
    app.jinja_env.globals["helplines"] = helplines
    app.jinja_env.globals["helplines_for"] = for_topic
