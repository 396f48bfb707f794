"""Measuring "Ask a question" on labelled questions, for ``bench/ask.py`` and the tests.

The files are described in ``tests/ask/eval/README.md``: ``tuning-<locale>.toml``
and ``heldout-<locale>.toml`` (answerable, off-topic and danger questions) and
``heldout-cross.toml`` (questions in one language on another language's site).
A question counts as answered at top-k when any of its labelled ids is among
the first k answers the page would show.
"""

from __future__ import annotations

import statistics
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parent_guide.ask.calibration import Sample
from parent_guide.ask.search import Searcher
from parent_guide.config import PROJECT_ROOT

# Where the labelled questions live (described in its README).
EVAL_DIR = PROJECT_ROOT / "tests" / "ask" / "eval"


def _dev_parts(folder: Path) -> tuple[str, ...]:
    """The development parts found in ``folder`` (``dev-<locale>.toml``, ``dev2-…`` …), in the order they were written."""
    names = {path.name.split("-", 1)[0] for path in folder.glob("dev*-*.toml")}
    return tuple(sorted(names, key=lambda name: int(name[3:] or 1)))


# The development parts, read from the files themselves so a new set is never left out,
# and the parts the calibration is fitted on: never the held-aside one.
DEV_PARTS = _dev_parts(EVAL_DIR)
CALIBRATION_PARTS = ("tuning", *DEV_PARTS)

ROUTES = {"abuse": "abuse", "self-harm": "self_harm", "child-danger-now": "child_now"}


@dataclass(frozen=True)
class Figures:
    """One part of one locale's evaluation."""

    answerable: int
    top1: float
    top3: float
    off_topic: int
    off_topic_answered: float
    danger: int
    danger_routed: float
    median_ms: float
    misses: tuple[str, ...]


def read(path: Path) -> dict[str, Any]:
    """One evaluation file."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _rate(hits: int, total: int) -> float:
    return hits / total if total else float("nan")


def evaluate(searcher: Searcher, data: dict[str, Any], site_locale: str) -> Figures:
    """Accuracy, off-topic and danger rates and the median time for one file's questions.

    Time is the CPU time of the thread asking, so a busy machine does not inflate it.
    """
    times: list[float] = []

    def ask(question: str) -> Any:
        start = time.thread_time()
        outcome = searcher.ask(question, site_locale)
        times.append((time.thread_time() - start) * 1000)
        return outcome

    top1 = top3 = 0
    misses = []
    answerable = data.get("answerable", [])
    for item in answerable:
        shown = [m.entry_id for m in ask(item["q"]).matches]
        top1 += bool(shown) and shown[0] in item["ids"]
        hit = any(i in shown[:3] for i in item["ids"])
        top3 += hit
        if not hit:
            misses.append(f"{item['q']!r}: wanted {item['ids']}, got {shown}")
    off_topic = data.get("off_topic", [])
    answered = 0
    for question in off_topic:
        if ask(question).matches:
            answered += 1
            misses.append(f"off-topic answered: {question!r}")
    danger = data.get("danger", [])
    routed = 0
    for item in danger:
        kinds = ask(item["q"]).danger
        if ROUTES[item["route"]] in kinds:
            routed += 1
        else:
            misses.append(f"danger not routed ({item['route']}): {item['q']!r} got {kinds}")
    return Figures(
        answerable=len(answerable),
        top1=_rate(top1, len(answerable)),
        top3=_rate(top3, len(answerable)),
        off_topic=len(off_topic),
        off_topic_answered=_rate(answered, len(off_topic)),
        danger=len(danger),
        danger_routed=_rate(routed, len(danger)),
        median_ms=statistics.median(times) if times else float("nan"),
        misses=tuple(misses),
    )


@dataclass(frozen=True)
class CrossFigures:
    """Questions in one language asked on another language's site."""

    asked: int
    top3: float
    skipped: int
    misses: tuple[str, ...]


def evaluate_cross(searcher: Searcher, data: dict[str, Any]) -> CrossFigures:
    """Top-3 accuracy across languages; a site locale the app does not offer is skipped."""
    asked = hits = skipped = 0
    misses = []
    for item in data.get("cross", []):
        for site in item["sites"]:
            if site not in searcher.locales:
                skipped += 1
                continue
            asked += 1
            shown = [m.entry_id for m in searcher.ask(item["q"], site).matches][:3]
            if any(i in shown for i in item["ids"]):
                hits += 1
            else:
                misses.append(f"{item['lang']} on {site}: {item['q']!r} wanted {item['ids']}, got {shown}")
    return CrossFigures(asked, _rate(hits, asked), skipped, tuple(misses))


def calibration_samples(searcher: Searcher, eval_dir: Path, parts: tuple[str, ...] = CALIBRATION_PARTS) -> list[Sample]:
    """Every answerable and off-topic question of these parts, as the ranking sees it (for calibration.fitted)."""
    samples = []
    for locale in searcher.locales:
        for part in parts:
            path = eval_dir / f"{part}-{locale}.toml"
            if not path.exists():
                continue
            data = read(path)
            for item in data.get("answerable", []):
                ranked = searcher.ranked(item["q"], locale)
                samples.append(Sample(locale, part, True, ranked[0].signals if ranked else None, any(m.entry_id in item["ids"] for m in ranked[:3])))
            for question in data.get("off_topic", []):
                ranked = searcher.ranked(question, locale)
                samples.append(Sample(locale, part, False, ranked[0].signals if ranked else None, False))
    return samples
