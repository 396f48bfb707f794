"""Which of many regular expressions could match a text, found in one pass over it.

The danger check tries about a thousand patterns on every question, and most
cannot match: "he hits me" holds none of the words a self-harm pattern needs.
So each pattern gets its *anchors*: a set of plain strings, at least one of
which every match must contain (for ``\\b(hit|hits|punched) (me|us)\\b`` they
are "hit me", "hit us", "hits me", ...). A pass over the text finds which
anchors it holds, and only the patterns with an anchor present are searched.
A pattern whose anchors cannot be worked out (or would be shorter than three
letters) is always searched, so the sieve never changes a result; a test runs
every evaluation question both ways to hold it to that.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# The most strings one anchor set may hold, and the shortest anchor worth sieving on.
MAX_ANCHORS = 64
MIN_ANCHOR = 3
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def _strings(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """Every string ``items`` (a parsed sequence) can match, if that is a short list of plain strings."""
    out = {""}
    for item in items:
        one = _item_strings(item)
        if one is None:
            return None
        out = {a + b for a in out for b in one}
        if len(out) > MAX_ANCHORS:
            return None
    return out


def _item_strings(item: tuple[Any, Any]) -> set[str] | None:
    """Every string one parsed item can match (zero-width ones match ""), or None if not a short list."""
    op, av = item
    if op is sre.LITERAL:
        return {chr(av)}
    if op in _ZERO_WIDTH:
        return {""}
    if op is sre.SUBPATTERN:
        return _strings(av[-1])
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            one = _strings(branch)
            if one is None:
                return None
            out |= one
        return out if len(out) <= MAX_ANCHORS else None
    if op is sre.IN and all(o is sre.LITERAL for o, _ in av):
        return {chr(c) for _, c in av}
    if op in _REPEATS and av[1] <= 2:
        one = _strings(av[2])
        if one is None:
            return None
        out = set()
        for times in range(av[0], av[1] + 1):
            made = {""}
            for _ in range(times):
                made = {a + b for a in made for b in one}
            out |= made
        return out if len(out) <= MAX_ANCHORS else None
    return None


def _required(items: Sequence[tuple[Any, Any]]) -> Iterator[set[str]]:
    """Sets of strings a match of ``items`` must hold one of: each run of plain items, and what required groups need."""
    run: set[str] = {""}
    for item in items:
        if item[0] is sre.ASSERT:
            # A lookaround's words must be in the text, if not in the match; it takes no room in the run.
            yield from _required(item[1][1])
            continue
        one = _item_strings(item)
        if one is not None:
            joined = {a + b for a in run for b in one}
            if len(joined) <= MAX_ANCHORS:
                run = joined
                continue
            yield run
            run = one
            continue
        yield run
        run = {""}
        op, av = item
        if op is sre.SUBPATTERN:
            yield from _required(av[-1])
        elif op in _REPEATS and av[0] >= 1:
            yield from _required(av[2])
            # One copy ends the run before the repeat, one starts the run after.
            run = _strings(av[2]) or {""}
        elif op is sre.BRANCH:
            # Each way of matching needs its own strings: the text holds one of them all.
            ways = [_best(branch) for branch in av[1]]
            if all(ways):
                yield set().union(*ways)
    yield run


def _best(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """The most telling set of strings a match of ``items`` must hold one of (longest shortest string, then fewest)."""
    best: set[str] | None = None
    for found in _required(items):
        if len(found) > MAX_ANCHORS or min(map(len, found)) < MIN_ANCHOR:
            continue
        if best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best)):
            best = found
    return best


def anchors(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` holds, or None when it must always be searched."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a parser this sieve cannot read means: always search
        return None
    best = _best(list(parsed))
    return frozenset(best) if best else None


class Sieve:
    """Patterns indexed by their anchors' first letters, so one pass over a text finds those worth searching."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        always: list[int] = []
        starts: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for index, pattern in enumerate(self.patterns):
            found = anchors(pattern)
            if found is None:
                always.append(index)
                continue
            for anchor in found:
                starts[anchor[:MIN_ANCHOR]].append((anchor, index))
        self.always = tuple(always)
        self.starts = {key: tuple(value) for key, value in starts.items()}

    def candidates(self, text: str) -> set[int]:
        """Indexes of the patterns that could match ``text`` (a superset of those that do)."""
        found = set(self.always)
        starts = self.starts
        for at in range(len(text) - MIN_ANCHOR + 1):
            listed = starts.get(text[at : at + MIN_ANCHOR])
            if listed:
                for anchor, index in listed:
                    if index not in found and text.startswith(anchor, at):
                        found.add(index)
        return found
