"""Dates in the parent's language; the working-day timeline counts England's or Wales's holidays whatever the language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from flask import Flask

from parent_guide.extensions import db
from tests.conftest import english_only_content, make_app


@pytest.fixture(scope="module")
def multilingual_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The site with test-only Welsh and Arabic locales (English content fills every gap)."""
    root = tmp_path_factory.mktemp("languages")
    english_only_content(root / "content")
    for code in ("cy", "ar"):
        (root / "content" / code).mkdir()
    application = make_app(f"sqlite:///{root / 'drafts.sqlite3'}", CONTENT_DIR=root / "content")
    yield application
    with application.app_context():
        db.engine.dispose()


def timeline(app: Flask, lang: str, area: str, conference: date) -> tuple[list[str], str]:
    """The timeline's machine-readable dates and the page's text, for a parent in ``area``."""
    client = app.test_client()
    with client.session_transaction() as session:
        session["profile"] = {"area": area, "kind": "initial", "conference_date": conference.isoformat()}
    html = client.get(f"/{lang}/your-guide/").get_data(as_text=True)
    return re.findall(r'<time datetime="([\d-]+)"', html), html


@pytest.mark.parametrize("area", ["kent", "wales"])
def test_same_working_days_in_every_language(multilingual_app: Flask, area: str) -> None:
    """Verify the timeline's dates are the same in English, Welsh and Arabic, counted over the holidays."""
    # The next 6 January at least a month away: counting back in working days
    # crosses Christmas and New Year.
    soonest = date.today() + timedelta(days=30)
    conference = date(soonest.year + (soonest > date(soonest.year, 1, 6)), 1, 6)
    english, _ = timeline(multilingual_app, "en", area, conference)
    assert english
    for lang in ("cy", "ar"):
        assert timeline(multilingual_app, lang, area, conference)[0] == english


def test_dates_are_written_in_the_language(multilingual_app: Flask) -> None:
    """Verify the same date is written with Welsh and Arabic month names."""
    conference = date.today() + timedelta(days=40)
    _, welsh = timeline(multilingual_app, "cy", "kent", conference)
    _, arabic = timeline(multilingual_app, "ar", "kent", conference)
    welsh_months = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr")
    assert any(month in welsh for month in welsh_months)
    assert re.search(r"<time datetime=\"[\d-]+\">[^<]*[\u0600-\u06ff]", arabic)
