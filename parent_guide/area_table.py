"""Reading one TOML table of an area pack, with errors that name the file and the field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

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


class Table:
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

    def optional_day(self, key: str) -> date | None:
        value = self.data.get(key)
        # A TOML date-time is a datetime, which is also a date.
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            raise self.error(key, "must be a date such as 2026-11-22")
        return value

    def day(self, key: str) -> date:
        return self.required(key, self.optional_day(key))

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

    def table(self, key: str, allowed: Iterable[str]) -> Table | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.error(key, "must be a table")
        return Table(self.path, value, self.place(key), allowed)

    def tables(self, key: str, allowed: Iterable[str]) -> list[Table]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(key, f"must be written as [[{key}]] tables")
        return [Table(self.path, item, self.place(f"{key}[{i}]"), allowed) for i, item in enumerate(value)]
