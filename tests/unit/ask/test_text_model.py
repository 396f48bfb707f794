"""The learned danger check: its n-grams, its scores against scikit-learn's, and how it joins the patterns."""

from __future__ import annotations

import pytest
from flask import Flask

from parent_guide.ask import text_model
from parent_guide.ask.danger import danger_kinds
from parent_guide.ask.entries import DANGER_KINDS
from parent_guide.ask.text_model import TextModel, char_grams, word_grams


def test_character_grams_stay_inside_words_padded_with_spaces() -> None:
    """Verify scikit-learn's ``char_wb`` cutting: 3- to 5-grams inside " word ", a short word once."""
    assert char_grams("Hi  YO!") == [" hi", "hi ", " hi ", " yo", "yo ", " yo "]
    assert char_grams("bić") == [" bi", "bic", "ic ", " bic", "bic ", " bic "]


def test_word_grams_are_words_of_two_letters_or_more_and_their_pairs() -> None:
    """Verify single letters are left out and neighbouring words are paired."""
    assert word_grams("I counted my bus-fare") == ["counted", "my", "bus", "fare", "counted my", "my bus", "bus fare"]


def test_the_site_scores_every_reference_question_as_scikit_learn_did() -> None:
    """Verify the plain-Python scorer gives the fit's own probabilities (kept in the model's file)."""
    model = text_model.load(text_model.DANGER)
    references = text_model.references(text_model.DANGER)
    assert len(references) >= 20
    assert any(p > model.threshold for _, p in references) and any(p < 0.5 for _, p in references)
    for question, probability in references:
        assert model.probability(question) == pytest.approx(probability, abs=1e-6), question


def _model_for(word: str) -> TextModel:
    """A one-word model: a question holding ``word`` scores about 0.99, any other 0.5 or less."""
    return TextModel(chars={}, words={word: (1.0, 10.0)}, intercept=-5.0, threshold=0.9)


def test_a_question_only_the_model_finds_shows_every_help_line(app: Flask) -> None:
    """Verify the model adds every kind when the patterns find nothing, and leaves the patterns' kinds alone."""
    locales = app.extensions["parent_guide.ask"].locales
    model = _model_for("parcels")
    assert danger_kinds("they pay my boy to carry parcels", locales) == ()
    assert danger_kinds("they pay my boy to carry parcels", locales, model) == DANGER_KINDS
    assert danger_kinds("he hits me", locales, model) == ("abuse",)
    assert danger_kinds("can my mum come with me", locales, model) == ()


def test_the_results_show_help_for_what_only_the_model_finds(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """Verify a search's outcome carries the model's finding, so the results page shows help first."""
    searcher = app.extensions["parent_guide.ask"]
    monkeypatch.setattr(searcher, "danger_model", _model_for("parcels"))
    assert searcher.ask("they pay my boy to carry parcels", "en").danger == DANGER_KINDS
    assert searcher.ask("can my mum come with me", "en").danger == ()


def test_the_shipped_model_reads_a_plain_question_about_the_meeting_as_one(app: Flask) -> None:
    """Verify the model file's threshold leaves a plain question about the meeting below it."""
    model = app.extensions["parent_guide.ask"].danger_model
    assert not model.finds("can my mum come with me to the conference")
    assert 0.5 < model.threshold < 1
