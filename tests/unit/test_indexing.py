"""Search engines: the public guide is indexable with a description; a parent's pages never are."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import make_app, site_urls
from tests.pages import check_page
from tests.unit.prepare.test_views import start_draft

PUBLIC = ("main.start", "guide.", "main.information")


def _robots(html: str) -> str | None:
    tag = check_page(html).select_one('meta[name="robots"]')
    return tag["content"] if tag else None


def _private(url: str) -> bool:
    """A parent's own pages, and "Ask a question", whose results answer one parent: never indexed."""
    return "/prepare/" in url or url.split("/")[2:3] == ["ask"]


def test_public_pages_are_indexable_with_their_own_description(app: Flask, client: FlaskClient) -> None:
    """Verify the start, guide and information pages have no noindex and a description of their own."""
    descriptions = set()
    public = [u for u in site_urls(app) if not _private(u)]
    for url in public:
        html = client.get(url).get_data(as_text=True)
        assert _robots(html) is None, url
        description = check_page(html).select_one('meta[name="description"]')["content"]
        assert 20 < len(description) < 200, url
        descriptions.add(description)
    assert len(descriptions) == len(public)
    step = app.extensions["parent_guide.content"]["en"].steps[0]
    html = client.get(f"/en/guide/{step.slug}").get_data(as_text=True)
    assert check_page(html).select_one('meta[name="description"]')["content"] == step.summary


def test_a_parents_own_pages_are_never_indexed(client: FlaskClient) -> None:
    """Verify the form, answers, tailoring and error pages carry noindex."""
    start_draft(client)
    for url in ("/en/prepare/", "/en/prepare/working-well", "/en/prepare/check", "/en/your-guide/", "/en/your-guide/questions/area", "/en/nowhere"):
        assert _robots(client.get(url).get_data(as_text=True)) == "noindex", url
    robots = client.get("/robots.txt").get_data(as_text=True)
    assert "Disallow: /*/prepare/" in robots and "Disallow: /*/your-guide/" in robots


def test_a_test_deployment_can_keep_out_of_search_results(tmp_path: Path) -> None:
    """Verify PARENT_GUIDE_NOINDEX (NOINDEX) puts noindex on every page and disallows everything."""
    client = make_app(f"sqlite:///{tmp_path / 'noindex.sqlite3'}", NOINDEX=True).test_client()
    for url in ("/en/", "/en/guide/"):
        assert _robots(client.get(url).get_data(as_text=True)) == "noindex"
    assert client.get("/robots.txt").get_data(as_text=True) == "User-agent: *\nDisallow: /\n"
