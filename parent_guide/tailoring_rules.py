"""The tailoring rules (``content/tailoring.toml``): what each answer adds or hides.

Read and checked once at start-up against the guide's steps and the questions'
answers; a mistake stops the app naming the file and the problem.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

CONFERENCE_KINDS = ("initial", "pre-birth", "review", "transfer-in")


class TailoringRulesError(Exception):
    """The tailoring rules file is missing or invalid."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class TailoringRules:
    """``only_for``: step slug to the conference kinds it is for (absent: everyone).

    ``emphasises``: question to answer to the step slugs that answer brings forward.
    """

    only_for: Mapping[str, frozenset[str]]
    emphasises: Mapping[str, Mapping[str, frozenset[str]]]

    def hidden(self, kind: str | None) -> frozenset[str]:
        """The steps a parent with this kind of conference does not need (none when not known)."""
        if kind is None:
            return frozenset()
        return frozenset(slug for slug, kinds in self.only_for.items() if kind not in kinds)

    def brought_forward(self, answers: Mapping[str, Iterable[str]]) -> frozenset[str]:
        """The steps the parent's answers (question to chosen values) bring forward."""
        found: set[str] = set()
        for question, values in answers.items():
            for value in values:
                found |= self.emphasises.get(question, {}).get(value, frozenset())
        return frozenset(found)


def _slugs(path: Path, where: str, value: object, known: frozenset[str]) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TailoringRulesError(path, f"{where} must be a list of step slugs")
    unknown = sorted(set(value) - known)
    if unknown:
        raise TailoringRulesError(path, f"{where} names unknown step '{unknown[0]}'")
    return frozenset(value)


def load_rules(path: Path, step_slugs: Iterable[str], answers: Mapping[str, Iterable[str]]) -> TailoringRules:
    """Read the rules, checking every step slug, question and answer they name."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TailoringRulesError(path, f"cannot read: {error}") from error
    steps = frozenset(step_slugs)
    if set(data) - {"only_for", "emphasises"}:
        raise TailoringRulesError(path, "only [only_for] and [emphasises] tables are allowed")
    only_for = {}
    for slug, kinds in data.get("only_for", {}).items():
        if slug not in steps:
            raise TailoringRulesError(path, f"only_for names unknown step '{slug}'")
        if not isinstance(kinds, list) or not kinds or set(kinds) - set(CONFERENCE_KINDS):
            raise TailoringRulesError(path, f"only_for.{slug} must list kinds from {', '.join(CONFERENCE_KINDS)}")
        only_for[slug] = frozenset(kinds)
    emphasises: dict[str, Mapping[str, frozenset[str]]] = {}
    for question, by_answer in data.get("emphasises", {}).items():
        if question not in answers:
            raise TailoringRulesError(path, f"emphasises.{question}: no such question")
        allowed = frozenset(answers[question])
        table = {}
        for answer, slugs in by_answer.items():
            if answer not in allowed:
                raise TailoringRulesError(path, f"emphasises.{question}.{answer}: not an answer to that question")
            table[answer] = _slugs(path, f"emphasises.{question}.{answer}", slugs, steps)
        emphasises[question] = MappingProxyType(table)
    return TailoringRules(MappingProxyType(only_for), MappingProxyType(emphasises))
