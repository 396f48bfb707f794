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


# Measured with bench/ask.py --heldout after the entries, phrasings, danger words and
# threshold were final, never tuned on (history: first build top-1 75.4%, top-3 82.4%,
# danger 87.5%; after ask2 78.6% / 84.5% / 93.8%; after ask3, which tuned on a new blind
# development set, 80.2% / 88.2% / 93.8%, off-topic answered 3.2%; after a second blind
# development set in every language (dev2) and mending slips in danger words,
# 82.9% / 89.8% / 93.8%, off-topic answered 4.8%; after a third (dev3-en),
# 82.4% / 89.3% / 93.8%, off-topic answered 3.2%; after a fourth (dev4-en) and the
# calibration model deciding whether to answer, 83.4% / 92.0% / 93.8%, off-topic
# answered 1.6%, on 1 December 2026; after a fifth (dev5-en) and fourth sets in every
# other language, 84.0% / 92.5% / 93.8%, off-topic answered 1.6%, on 2 December 2026; after a
# sixth (dev6-en) and fifth sets in every other language, 84.5% / 92.5% / 93.8%, off-topic
# answered 3.2%, later on 2 December 2026; after a seventh (dev7-en) and sixth sets in
# Welsh, Romanian, Polish and Urdu, 85.0% / 93.0% / 100%, off-topic answered 3.2%, on
# 2 December 2026; after an eighth (dev8-en) and seventh sets in those four languages,
# 85.0% / 92.5% / 100%, off-topic answered 3.2%, one question fewer at top-3; after a ninth
# (dev9-en) and eighth sets in those four, 86.1% / 93.0% / 100%, off-topic answered 3.2%; after a
# tenth (dev10-en, English only), 85.6% / 93.0% / 100%, off-topic answered 3.2%, one question
# fewer at top-1; unchanged after an eleventh round in Welsh, Romanian, Polish and Urdu; after a
# twelfth (dev11-en, English only), 85.6% / 94.7% / 100%, off-topic answered 4.8%; after a
# thirteenth (dev12-en and dev10 sets in Welsh, Romanian, Polish and Urdu, 3 December 2026),
# 87.2% / 95.2% / 100% but off-topic answered 6.3%, 4 of 63; after a fourteenth (dev13-en
# and dev11 sets in those four, 3 December 2026), 86.6% / 95.2% / 100%, off-topic answered
# 6.3%, one question fewer at top-1). The shortfall
# stands until new entries and danger words are written without the held-aside set;
# strict, so this fails loudly once the targets are met.
@pytest.mark.xfail(strict=True, reason="held-aside English set below target: off-topic answered 6.3%")
def test_english_held_aside_set_meets_the_targets(app: Flask) -> None:
    """Verify the issue's targets on questions written without seeing the entries."""
    figures = evaluate(app.extensions["parent_guide.ask"], read(EVAL / "heldout-en.toml"), "en")
    assert figures.top3 >= 0.95
    assert figures.top1 >= 0.80
    assert figures.danger_routed == 1.0
    assert figures.off_topic_answered <= 0.05
    assert figures.median_ms <= 5.0


# Measured with bench/ask.py --heldout after each language's danger patterns and
# phrasings were widened on two blind development sets (dev-<locale>.toml and
# dev2-<locale>.toml), never on these (1 December 2026); re-measured after the
# calibration model (ar 92.7% top-3, pl 96.4%, ur 98.1%, cy and ro unchanged), and
# again after a fourth blind development set in each language (2 December 2026: ar
# 94.5%, pl 94.6%, ur 96.2% with off-topic 1.7%; cy and ro unchanged), and after a fifth
# (later on 2 December 2026: ur 98.1%, every other figure unchanged), and after a sixth in
# Welsh, Romanian, Polish and Urdu (2 December 2026: cy top-3 96.6% but off-topic 6.8%, one
# more of 59 with the refitted threshold; ro danger 100%; pl and ur unchanged), and after a
# seventh in those four (2 December 2026: every figure unchanged), and after a ninth round in
# every language but Arabic (dev8 sets in those four; 2 December 2026: pl top-1 91.1%, top-3 96.4%;
# every other figure unchanged), and after a tenth round in English only (2 December 2026: every
# figure of these five unchanged), and after an eleventh in Welsh, Romanian, Polish and Urdu (dev9
# sets; 2 December 2026: pl top-1 92.9%, top-3 98.2%, off-topic 1.6%; every other figure unchanged),
# and after a thirteenth in English and those four (dev10 sets; 3 December 2026: ur top-1 94.3%,
# one question fewer; every other figure unchanged), and after a fourteenth (dev11 sets;
# 3 December 2026: every figure of these five unchanged), and after the learned danger
# check beside the patterns (parent_guide/ask/danger_model.py; 3 December 2026: pl and ur
# danger routed 92.3% -> 100%, every other figure unchanged).
# Arabic, Polish and Urdu meet every target; Welsh and Romanian answer too many off-topic questions.
SHORT_OF_TARGET = {
    "cy": "off-topic answered 6.8%",
    "ro": "off-topic answered 6.9%",
}
OTHER_LOCALES = ("ar", "cy", "pl", "ro", "ur")


@pytest.mark.parametrize(
    "locale",
    [
        pytest.param(code, marks=[pytest.mark.xfail(strict=True, reason=f"held-aside {code} set below target: {SHORT_OF_TARGET[code]}")])
        if code in SHORT_OF_TARGET
        else code
        for code in OTHER_LOCALES
    ],
)
def test_other_held_aside_sets_meet_the_targets(app: Flask, locale: str) -> None:
    """Verify top-3 >= 90%, every danger question routed and off-topic answered <= 5% in each other language."""
    figures = evaluate(app.extensions["parent_guide.ask"], read(EVAL / f"heldout-{locale}.toml"), locale)
    assert figures.top3 >= 0.90
    assert figures.danger_routed == 1.0
    assert figures.off_topic_answered <= 0.05
