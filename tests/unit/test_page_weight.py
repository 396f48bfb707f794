"""Page weight: what a phone downloads, compressed as Chromium asks for it (Brotli)."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from parent_guide.config import PROJECT_ROOT
from parent_guide.content import discover_locales

LOCALES = discover_locales(PROJECT_ROOT / "content")

BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
FIRST_VISIT_BUDGET = 20 * 1024
FURTHER_PAGE_BUDGET = 5 * 1024


def _assets(html: str) -> list[str]:
    """Every asset a page loads at once (not the print stylesheet, fetched only to print)."""
    return [url for url in re.findall(r'(?:href|src)="(/assets/[^"]+)"', html) if "/print." not in url]


@pytest.mark.parametrize("locale", LOCALES)
def test_first_visit_to_the_start_page_is_at_most_20_kb(client: FlaskClient, locale: str) -> None:
    """Verify the start page with its CSS, JavaScript and icon is at most 20 KB compressed, in every language."""
    page = client.get(f"/{locale}/", headers=BROWSER)
    total = len(page.data)
    html = client.get(f"/{locale}/").get_data(as_text=True)
    assert {url.rsplit(".", 1)[-1] for url in _assets(html)} == {"css", "mjs", "svg"}
    for url in _assets(html):
        with client.get(url, headers=BROWSER) as response:
            assert response.status_code == 200
            total += len(response.data)
    assert total <= FIRST_VISIT_BUDGET, f"first visit is {total} bytes"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_further_guide_page_is_at_most_5_kb(app: Flask, client: FlaskClient, locale: str) -> None:
    """Verify the contents and every guide step are at most 5 KB compressed once the assets are cached, in every language."""
    library = app.extensions["parent_guide.content"][locale]
    urls = [f"/{locale}/guide/", *(f"/{locale}/guide/{step.slug}" for step in library.steps)]
    sizes = {url: len(client.get(url, headers=BROWSER).data) for url in urls}
    too_big = {url: size for url, size in sizes.items() if size > FURTHER_PAGE_BUDGET}
    assert not too_big, too_big
