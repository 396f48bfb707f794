"""The calibration model: it learns, it refuses a stale file, and the shipped one is what a refit gives now."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from flask import Flask

from parent_guide.ask import calibration
from parent_guide.ask.calibration import FEATURES, Sample
from parent_guide.ask.evaluation import CALIBRATION_PARTS, calibration_samples, read

EVAL = Path(__file__).parents[2] / "ask" / "eval"


def _signals(**values: float) -> dict[str, float]:
    return {name: values.get(name, 0.5) for name in FEATURES}


def test_a_fitted_model_tells_questions_to_answer_from_ones_not_to() -> None:
    """Verify fitting on toy samples where coverage decides gives a higher probability to high coverage, with a threshold between."""
    samples = [Sample("en", "dev", True, _signals(coverage=0.6 + i / 100, words=1 + i % 3), True) for i in range(40)]
    samples += [Sample("en", "dev", False, _signals(coverage=0.1 + i / 100, words=1 + i % 3), False) for i in range(40)]
    model = calibration.fitted(samples)
    high = model.probability(_signals(coverage=0.9))
    low = model.probability(_signals(coverage=0.2))
    assert low < model.threshold <= high
    assert model.weights[FEATURES.index("coverage")] > 0


def test_wrongly_ranked_questions_are_left_out_of_the_fit() -> None:
    """Verify an answerable question whose right entry was not found changes nothing."""
    samples = [Sample("en", "dev", True, _signals(coverage=0.8), True), Sample("en", "dev", False, _signals(coverage=0.2), False)] * 10
    wrong = Sample("en", "dev", True, _signals(coverage=0.1), False)
    assert calibration.fitted(samples) == calibration.fitted([*samples, wrong])


def test_a_file_fitted_on_other_signals_is_refused(tmp_path: Path) -> None:
    """Verify a model file whose features differ from the code's stops start-up with a clear message."""
    text = calibration.FILE.read_text().replace('"words"', '"letters"')
    stale = tmp_path / "calibration.toml"
    stale.write_text(text)
    with pytest.raises(ValueError, match="refit"):
        calibration.load(stale)


@pytest.fixture(scope="module")
def samples(app: Flask) -> list[Sample]:
    """Every tuning and development question as the ranking sees it (read once: about ten seconds)."""
    return calibration_samples(app.extensions["parent_guide.ask"], EVAL)


def test_the_shipped_model_is_what_a_refit_gives_now(samples: list[Sample]) -> None:
    """Verify calibration.toml matches a fit on today's entries, words and development questions (run bench/ask_calibrate.py --write)."""
    model = calibration.fitted(samples)
    assert calibration.to_toml(model) == calibration.FILE.read_text()
    assert all(model.threshold <= own < 1 for own in model.thresholds.values())


def test_no_held_aside_question_is_fitted_on(samples: list[Sample]) -> None:
    """Verify the samples come only from the tuning and development files."""
    assert {s.part for s in samples} == set(CALIBRATION_PARTS)
    assert not any(part.startswith("heldout") for part in CALIBRATION_PARTS)


def test_a_long_worry_in_a_parents_words_is_answered_and_a_long_off_topic_one_is_not(app: Flask) -> None:
    """Verify the model answers a run-on question the old single threshold turned away, and still turns away an off-topic one."""
    searcher = app.extensions["parent_guide.ask"]
    worry = "why have they called everyone together about us we aint done nothing wrong the kids are fed and at school"
    ranked = searcher.ranked(worry, "en")
    assert ranked[0].confidence < 0.61  # the old single threshold turned it away
    assert searcher.ask(worry, "en").matches[0].entry_id == "why-is-there-a-conference"
    off_topic = "school has called a meeting about my daughters attendance and says we could get a fine"
    assert searcher.ask(off_topic, "en").matches == ()


def test_probability_is_bounded_for_extreme_signals() -> None:
    """Verify extreme signals give a probability in [0, 1], never an overflow."""
    model = dataclasses.replace(calibration.load(), bias=0.0)
    assert 0.0 <= model.probability(_signals(coverage=1e9)) <= 1.0
    assert 0.0 <= model.probability(_signals(coverage=-1e9)) <= 1.0


def test_the_site_answers_exactly_the_off_topic_questions_the_fit_counted(app: Flask, samples: list[Sample]) -> None:
    """Verify asking on the site answers an off-topic development question exactly when the fitted model says so.

    The thresholds are chosen from these figures, so the site must decide the same way
    (it once held a question to the threshold of the language whose index found it).
    """
    searcher = app.extensions["parent_guide.ask"]
    model = calibration.load()
    for locale in searcher.locales:
        for part in CALIBRATION_PARTS:
            path = EVAL / f"{part}-{locale}.toml"
            if not path.exists():
                continue
            off_topic = read(path).get("off_topic", [])
            fitted = [s for s in samples if (s.locale, s.part, s.answerable) == (locale, part, False)]
            assert len(fitted) == len(off_topic)
            for question, sample in zip(off_topic, fitted):
                expected = sample.signals is not None and model.probability(sample.signals) >= model.threshold_for(locale)
                assert bool(searcher.ask(question, locale).matches) == expected, (locale, part, question)
