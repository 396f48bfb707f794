"""The character count speaks every plural form of the page's language, not only "one" and "other"."""

from __future__ import annotations

import pytest
from flask import Flask

from parent_guide.prepare.field_params import COUNT, character_count, plural_samples


@pytest.mark.parametrize(
    ("locale", "categories"),
    [
        ("en", {"one", "other"}),
        ("pl", {"one", "few", "many", "other"}),
        ("cy", {"zero", "one", "two", "few", "many", "other"}),
        ("ar", {"zero", "one", "two", "few", "many", "other"}),
    ],
)
def test_a_sample_for_every_category(app: Flask, locale: str, categories: set[str]) -> None:
    """Verify each CLDR plural category of the language gets a number that falls in it."""
    with app.test_request_context(f"/{locale}/prepare/"):
        app.preprocess_request()
        samples = plural_samples()
        assert set(samples) == categories
        assert samples["one"] == 1


def test_english_counts_keep_the_placeholder(app: Flask) -> None:
    """Verify the messages keep GOV.UK Frontend's placeholder and choose singular and plural words."""
    with app.test_request_context("/en/prepare/"):
        app.preprocess_request()
        params = character_count(5000)
    assert params["charactersUnderLimitText"] == {
        "one": f"You have {COUNT} character remaining",
        "other": f"You have {COUNT} characters remaining",
    }
    assert params["textareaDescriptionText"] == f"You can enter up to {COUNT} characters"
