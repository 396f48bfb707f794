"""How likely the best entry found is to answer the question: a small logistic model over the ranking's signals.

The confidence in :mod:`parent_guide.ask.search` is one blend of two signals,
and a long question in a parent's own words ("am terrified ill walk out of
there and my 3 wont be coming home with me") scores low on it even when the
right entry is first, because its other words count against every entry. The
model weighs a few more signals that tell a real question from an off-topic one
(how many of the question's words no entry uses, how long it is, how close the
runner-up is) and gives a probability. Its weights and the threshold are fitted
by ``bench/ask_calibrate.py`` (with :func:`fitted`) on the tuning and
development questions of every language (never the held-aside ones) and kept in
``calibration.toml`` beside this module; a test checks the file is what a refit
gives now, so a change of entries or words without a refit is caught. Nothing
is learned while the site runs.

The threshold is the lowest probability at which at most ``OFF_TOPIC`` of the
off-topic questions (all languages together) would be answered. A language
whose own off-topic questions need more (over that share of them all, or over
the 5% target in any one of its files) gets its own, higher threshold.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FILE = Path(__file__).with_name("calibration.toml")
# The share of off-topic questions the threshold may let through, with room below
# the 5% target, and the target itself, which no one file of a language may pass.
OFF_TOPIC = 0.03
PART_OFF_TOPIC = 0.05
# The signals, in the order the weights are kept (see search.signals for each).
FEATURES = ("confidence", "coverage", "clause_coverage", "closest", "unknown_share", "known_terms", "unknown_terms", "runner_up_confidence", "runner_up_score", "words")


@dataclass(frozen=True)
class Sample:
    """One labelled question, as the ranking saw it: ``signals`` of its best match (None if nothing matched)."""

    locale: str
    part: str
    answerable: bool
    signals: Mapping[str, float] | None
    # For an answerable question: whether a right entry was among the first three.
    found: bool


@dataclass(frozen=True)
class Calibration:
    """A fitted model: each signal's mean and spread (to standardise it), its weight, the bias and the thresholds."""

    means: tuple[float, ...]
    spreads: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    # A language whose own off-topic questions need a stricter cut has it here.
    thresholds: Mapping[str, float]

    def probability(self, signals: Mapping[str, float]) -> float:
        """How likely the best entry is to answer the question, from 0 to 1."""
        z = self.bias + sum(w * (signals[name] - m) / s for name, m, s, w in zip(FEATURES, self.means, self.spreads, self.weights))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def threshold_for(self, locale: str) -> float:
        """The probability an answer found in ``locale``'s index needs."""
        return self.thresholds.get(locale, self.threshold)


@cache
def load(path: Path = FILE) -> Calibration:
    """The fitted model kept beside this module."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: fitted on {data['features']}, the code reads {FEATURES}; refit with bench/ask_calibrate.py")
    return Calibration(
        means=tuple(data["means"]),
        spreads=tuple(data["spreads"]),
        weights=tuple(data["weights"]),
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        thresholds={k: float(v) for k, v in data.get("thresholds", {}).items()},
    )


def fit(samples: Sequence[tuple[Mapping[str, float], bool]], rounds: int = 800, rate: float = 0.5, l2: float = 1e-3) -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...], float]:
    """Means, spreads, weights and bias of a logistic model, each class weighed equally (batch gradient descent)."""
    rows = [[s[name] for name in FEATURES] for s, _ in samples]
    labels = [1.0 if good else 0.0 for _, good in samples]
    n = len(rows)
    means = tuple(sum(r[j] for r in rows) / n for j in range(len(FEATURES)))
    spreads = tuple(max(1e-6, math.sqrt(sum((r[j] - means[j]) ** 2 for r in rows) / n)) for j in range(len(FEATURES)))
    z_rows = [[(r[j] - means[j]) / spreads[j] for j in range(len(FEATURES))] for r in rows]
    positives = sum(labels)
    if not 0 < positives < n:
        raise ValueError("fitting needs questions that should be answered and questions that should not")
    class_weight = {1.0: n / (2 * positives), 0.0: n / (2 * (n - positives))}
    weights = [0.0] * len(FEATURES)
    bias = 0.0
    for _ in range(rounds):
        grad = [0.0] * len(FEATURES)
        grad_bias = 0.0
        for z, label in zip(z_rows, labels):
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, bias + sum(w * v for w, v in zip(weights, z))))))
            error = class_weight[label] * (p - label)
            grad_bias += error
            for j, v in enumerate(z):
                grad[j] += error * v
        weights = [w - rate * (g / n + l2 * w) for w, g in zip(weights, grad)]
        bias -= rate * grad_bias / n
    return means, spreads, tuple(weights), bias


def _cut(scores: Sequence[float], share: float = OFF_TOPIC) -> float:
    """The lowest threshold that answers at most ``share`` of these off-topic scores."""
    ranked = sorted(scores, reverse=True)
    k = int(share * len(ranked))
    return round(ranked[k] + 1e-4, 4) if k < len(ranked) else 0.0


def fitted(samples: Sequence[Sample]) -> Calibration:
    """The model and thresholds for these questions.

    An answerable question whose right entry is in the top three is one to
    answer; an off-topic one is not; an answerable question the ranking gets
    wrong is left out of the fit (answered or not, it is a miss).
    """
    train = [s for s in samples if s.signals is not None and (not s.answerable or s.found)]
    means, spreads, weights, bias = fit([(s.signals, s.answerable) for s in train])  # type: ignore[misc]
    model = Calibration(means, spreads, weights, bias, 1.0, {})
    off: dict[tuple[str, str], list[float]] = {}
    for s in samples:
        if not s.answerable:
            off.setdefault((s.locale, s.part), []).append(model.probability(s.signals) if s.signals else 0.0)
    threshold = _cut([score for scores in off.values() for score in scores])
    own = {}
    for locale in sorted({locale for locale, _part in off}):
        parts = [scores for (loc, _part), scores in off.items() if loc == locale]
        cut = max([_cut([score for scores in parts for score in scores])] + [_cut(scores, PART_OFF_TOPIC) for scores in parts])
        if cut > threshold:
            own[locale] = cut
    return Calibration(means, spreads, weights, bias, threshold, own)


def to_toml(model: Calibration) -> str:
    """The model as ``calibration.toml`` keeps it."""
    def numbers(values: Sequence[float]) -> str:
        return "[" + ", ".join(f"{v:.6f}" for v in values) + "]"

    lines = [
        "# Written by bench/ask_calibrate.py from the tuning and development questions; do not edit by hand.",
        "features = [" + ", ".join(f'"{name}"' for name in FEATURES) + "]",
        f"means = {numbers(model.means)}",
        f"spreads = {numbers(model.spreads)}",
        f"weights = {numbers(model.weights)}",
        f"bias = {model.bias:.6f}",
        f"threshold = {model.threshold}",
        "",
        "[thresholds]",
        *(f"{locale} = {cut}" for locale, cut in sorted(model.thresholds.items())),
    ]
    return "\n".join(lines) + "\n"
