"""Search engines: what a stranger sees is indexable with a description; a parent's own pages never are."""

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
    """A parent's own pages (their views, resume code and documents): never indexed."""
    return "/prepare/" in url


def _tailoring_urls(app: Flask) -> list[str]:
    from parent_guide.tailor.questions import QUESTIONS

    return [f"/en/your-guide/questions/{q.slug}" for q in QUESTIONS]


def test_public_pages_are_indexable_with_their_own_description(app: Flask, client: FlaskClient) -> None:
    """Verify the start, guide, information, ask and tailoring pages have no noindex and a description of their own."""
    descriptions = set()
    public = [u for u in site_urls(app) if not _private(u)] + _tailoring_urls(app)
    assert any("/ask" in u for u in public) and any("/questions/" in u for u in public)
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


def test_the_ask_results_are_indexable_and_never_hold_the_question_in_their_description(client: FlaskClient) -> None:
    """Verify the answers page (a POST, so no crawler reaches it with a question) has no noindex and a fixed description."""
    html = client.post("/en/ask", data={"question": "can my mum come with me"}).get_data(as_text=True)
    assert _robots(html) is None
    description = check_page(html).select_one('meta[name="description"]')["content"]
    assert "mum" not in description and 20 < len(description) < 200
    entry = client.get("/en/ask/bring-a-supporter").get_data(as_text=True)
    assert check_page(entry).select_one('meta[name="description"]')["content"].startswith("Yes. You can bring a supporter")


def test_a_parents_own_pages_and_errors_are_never_indexed(client: FlaskClient) -> None:
    """Verify the views, resume code, timeline, documents and error pages carry noindex, and robots.txt keeps crawlers out."""
    start_draft(client)
    for url in ("/en/prepare/", "/en/prepare/working-well", "/en/prepare/check", "/en/prepare/document", "/en/your-guide/", "/en/nowhere"):
        assert _robots(client.get(url).get_data(as_text=True)) == "noindex", url
    errors = (
        client.post("/en/ask", data={"question": " "}),
        client.post("/en/your-guide/questions/kind", data={"answer": "not-a-kind"}),
        client.post("/en/your-guide/questions/date", data={"day": "40", "month": "1", "year": "2027"}),
    )
    for response in errors:
        assert response.status_code == 400 or "There is a problem" in response.get_data(as_text=True)
        assert _robots(response.get_data(as_text=True)) == "noindex", response.request.path
    robots = client.get("/robots.txt").get_data(as_text=True).splitlines()
    assert {"Disallow: /*/prepare/", "Disallow: /*/your-guide/$", "Disallow: /*/your-guide/calendar.ics"} <= set(robots)
    assert not any(line.startswith("Disallow: /*/your-guide/questions") or line == "Disallow: /*/your-guide/" for line in robots)


def test_a_test_deployment_can_keep_out_of_search_results(tmp_path: Path) -> None:
    """Verify PARENT_GUIDE_NOINDEX (NOINDEX) puts noindex on every page and disallows everything."""
    client = make_app(f"sqlite:///{tmp_path / 'noindex.sqlite3'}", NOINDEX=True).test_client()
    for url in ("/en/", "/en/guide/"):
        assert _robots(client.get(url).get_data(as_text=True)) == "noindex"
    assert client.get("/robots.txt").get_data(as_text=True) == "User-agent: *\nDisallow: /\n"
