"""The worker's store of shared pages: the same HTML as a fresh render, never a parent's own data."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import brotli
from flask import Flask
from flask.testing import FlaskClient

from parent_guide.page_store import PageStore
from parent_guide.render_cache import EXTENSION, FRAGMENTS
from tests.conftest import csrf_token, make_app, site_urls
from tests.unit.prepare.test_views import start_draft

def _states(app: Flask) -> dict[str, Callable[[FlaskClient], object]]:
    def tailored(client: FlaskClient) -> None:
        token = csrf_token(client.get("/en/your-guide/questions/kind").get_data(as_text=True))
        client.post("/en/your-guide/questions/area", data={"csrf_token": token, "answer": "kent"})
        client.post("/en/your-guide/questions/kind", data={"csrf_token": token, "answer": "review"})

    return {"new visitor": lambda client: None, "draft": start_draft, "area and answers": tailored}


def test_a_kept_page_is_the_page_a_fresh_render_gives(tmp_path: Path) -> None:
    """Verify every shared page, for every kind of visitor, matches a fresh render after the store is filled by others."""
    app = make_app(f"sqlite:///{tmp_path / 'cache.sqlite3'}")
    pages: PageStore = app.extensions[EXTENSION]
    states = _states(app)
    clients = {name: app.test_client() for name in states}
    for name, prepare in states.items():
        prepare(clients[name])
    # A page with a form is never kept, and each render signs a new CSRF token (with the
    # second it was made in): the tokens are left out of the comparison.
    token = re.compile(r'value="[^"]{60,}"')
    for url in site_urls(app):
        for name, client in clients.items():
            # Every visitor in turn fills the store first; this visitor's copy must match a fresh render.
            for other in clients.values():
                other.get(url)
            kept = client.get(url).get_data(as_text=True)
            pages.clear()
            fresh = client.get(url).get_data(as_text=True)
            assert token.sub("TOKEN", kept) == token.sub("TOKEN", fresh), (url, name)


def test_kept_header_and_footer_are_what_a_fresh_render_gives(tmp_path: Path) -> None:
    """Verify every page, forms and the task list included, equals a render with no kept header, footer or exit button.

    Tokens aside: each render of a form makes a new CSRF token. Every page fills
    the store first, so a navigation item marked current on one page must not
    show on another.
    """
    app = make_app(f"sqlite:///{tmp_path / 'fragments.sqlite3'}")
    fragments: PageStore = app.extensions[FRAGMENTS]
    client = app.test_client()
    start_draft(client)
    token = re.compile(r'value="[^"]{60,}"')
    urls = [*site_urls(app), "/en/your-guide/questions/kind", "/en/your-guide/", "/en/prepare/worries", "/en/prepare/check", "/en/no-such-page"]
    for url in urls:
        client.get(url)
    for url in urls:
        kept = token.sub("TOKEN", client.get(url).get_data(as_text=True))
        fragments.clear()
        app.extensions[EXTENSION].clear()
        assert kept == token.sub("TOKEN", client.get(url).get_data(as_text=True)), url


def test_the_inline_script_is_allowed_by_its_hash_not_a_nonce(client: FlaskClient) -> None:
    """Verify kept pages carry no per-request nonce and the policy allows the one inline script by hash."""
    client.get("/en/guide/")  # the first visit may show a note on leaving, once
    response = client.get("/en/guide/")
    html = response.get_data(as_text=True)
    script = re.search(r"<script>(.*?)</script>", html).group(1)  # type: ignore[union-attr]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response.headers["Content-Security-Policy"]
    assert "nonce" not in html and "nonce" not in response.headers["Content-Security-Policy"]
    assert client.get("/en/guide/").get_data(as_text=True) == html


def test_a_kept_page_is_compressed_once_and_sent_the_same(client: FlaskClient) -> None:
    """Verify the compressed bytes of a kept page are kept and decompress to the page."""
    client.get("/en/guide/")  # past the first visit's note on leaving
    first = client.get("/en/guide/who-will-be-there", headers={"Accept-Encoding": "br"})
    second = client.get("/en/guide/who-will-be-there", headers={"Accept-Encoding": "br"})
    assert first.data == second.data
    assert brotli.decompress(second.data) == client.get("/en/guide/who-will-be-there").data


def test_pages_with_a_query_or_a_form_token_are_not_kept(tmp_path: Path) -> None:
    """Verify share links and pages that made a CSRF token are rendered each time, not kept."""
    app = make_app(f"sqlite:///{tmp_path / 'cache.sqlite3'}")
    pages: PageStore = app.extensions[EXTENSION]
    client = app.test_client()
    client.get("/en/guide/?area=kent")
    assert len(pages._pages) == 0
    client.get("/en/guide/")
    assert len(pages._pages) == 1
    with app.test_request_context("/en/"):
        from flask import g

        from parent_guide.render_cache import render_shared

        app.preprocess_request()
        g.csrf_token = "made-for-this-parent"
        render_shared("main/start.html", page=app.extensions["parent_guide.content"]["en"].pages["start"])
    assert len(pages._pages) == 1


def test_the_store_forgets_the_least_recently_used_page() -> None:
    """Verify the store never holds more pages than its size."""
    pages = PageStore(2)
    pages.put("a", "A")
    pages.put("b", "B")
    assert pages.get("a") == "A"
    pages.put("c", "C")
    assert (pages.get("a"), pages.get("b"), pages.get("c")) == ("A", None, "C")
    off = PageStore(0)
    off.put("a", "A")
    assert off.get("a") is None
