"""Checks every HTML page must pass, in the spirit of notifications-admin's client_request."""

from __future__ import annotations

from collections import Counter

from bs4 import BeautifulSoup

SITE_NAME = "Meeting guide"


def check_page(html: str, lang: str = "en") -> BeautifulSoup:
    """Parse a page and assert the structure every page needs; return the soup."""
    soup = BeautifulSoup(html, "html.parser")
    h1s = soup.find_all("h1")
    assert len(h1s) == 1, f"expected one h1, found {len(h1s)}"
    title = soup.title.get_text(strip=True) if soup.title else ""
    assert title.endswith(f"– {SITE_NAME}"), f"title {title!r} does not name the site"
    assert len(title) > len(SITE_NAME) + 3, "title does not name the page"
    if lang == "en":
        errors_shown = soup.select_one(".govuk-error-summary") is not None
        assert title.startswith("Error: ") == errors_shown, f"title {title!r} with errors shown: {errors_shown}"
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    duplicates = [i for i, n in ids.items() if n > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    assert soup.html.get("lang") == lang
    assert soup.html.get("dir") in ("ltr", "rtl")
    return soup
