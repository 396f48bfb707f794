"""Every page: 200, one h1, a unique title naming page and site, unique ids, lang set."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import site_urls
from tests.pages import check_page


def test_every_page_is_well_formed(app: Flask, client: FlaskClient) -> None:
    """Verify each page returns 200 and passes the structural checks."""
    titles: dict[str, str] = {}
    for url in site_urls(app):
        response = client.get(url)
        assert response.status_code == 200, url
        soup = check_page(response.get_data(as_text=True))
        title = soup.title.get_text(strip=True)
        assert title not in titles, f"{url} has the same title as {titles.get(title)}"
        titles[title] = url
        h1 = soup.h1.get_text(" ", strip=True)
        assert h1 in title, f"{url}: title {title!r} does not name the page's h1 {h1!r}"


def test_pages_load_nothing_from_other_sites(app: Flask, client: FlaskClient) -> None:
    """Verify no page loads a script, style, image or font from another host."""
    for url in site_urls(app):
        soup = check_page(client.get(url).get_data(as_text=True))
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                value = element.get(attr, "")
                assert not value.startswith(("http:", "https:", "//")), f"{url} loads {value}"


def test_every_page_points_to_independent_advice_and_999(app: Flask, client: FlaskClient) -> None:
    """Verify every page shows the Family Rights Group number, and 999 for a parent in danger as well as a child."""
    for url in site_urls(app):
        text = client.get(url).get_data(as_text=True)
        assert "0808 801 0366" in text, url
        assert "If you or a child are in danger right now, call <bdi>999</bdi>." in text, url
