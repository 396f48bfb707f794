"""The issue's targets, measured on the labelled questions in tests/ask/eval/ (see its README)."""

from __future__ import annotations

import pytest
from flask import Flask

from parent_guide.ask.evaluation import evaluate, read
from parent_guide.config import PROJECT_ROOT

EVAL = PROJECT_ROOT / "tests" / "ask" / "eval"


def test_english_tuning_set_meets_the_targets(app: Flask) -> None:
    """Verify top-3 >= 95%, top-1 >= 80%, every danger routed, off-topic answered <= 5%, median <= 5 ms."""
    figures = evaluate(app.extensions["parent_guide.ask"], read(EVAL / "tuning-en.toml"), "en")
    assert figures.top3 >= 0.95, figures.misses
    assert figures.top1 >= 0.80, figures.misses
    assert figures.danger_routed == 1.0, figures.misses
    assert figures.off_topic_answered <= 0.05, figures.misses
    assert figures.median_ms <= 5.0


# Measured once, after the entries, phrasings, danger words and threshold were final
# (bench/ask.py --heldout, branch ask2): top-1 78.6%, top-3 84.5%, danger routed 93.8%,
# off-topic answered 4.8%, median 2.2 ms. (Before ask2: top-1 75.4%, top-3 82.4%, danger 87.5%.)
# The held-aside set must not be tuned on, so the shortfall stands until new entries and
# danger words are written without it; strict, so this fails loudly once the targets are met.
@pytest.mark.xfail(strict=True, reason="held-aside English set below target: top-3 84.5%, top-1 78.6%, danger 93.8%")
def test_english_held_aside_set_meets_the_targets(app: Flask) -> None:
    """Verify the issue's targets on questions written without seeing the entries."""
    figures = evaluate(app.extensions["parent_guide.ask"], read(EVAL / "heldout-en.toml"), "en")
    assert figures.top3 >= 0.95
    assert figures.top1 >= 0.80
    assert figures.danger_routed == 1.0
    assert figures.off_topic_answered <= 0.05
    assert figures.median_ms <= 5.0
