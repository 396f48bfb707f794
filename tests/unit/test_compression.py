"""Compressed responses: assets precompressed, public pages compressed, private pages never."""

from __future__ import annotations

import gzip

import brotli
from flask import Flask
from flask.testing import FlaskClient

from tests.unit.prepare.test_views import start_draft


def test_assets_are_sent_precompressed_for_the_encodings_the_browser_accepts(app: Flask, client: FlaskClient) -> None:
    """Verify CSS and JavaScript come as Brotli, else gzip, else plain, all the same file."""
    name = app.extensions["parent_guide.assets"]["main.css"]
    with client.get(f"/assets/{name}") as plain:
        original = plain.data
        assert "Content-Encoding" not in plain.headers and plain.mimetype == "text/css"
    with client.get(f"/assets/{name}", headers={"Accept-Encoding": "gzip, deflate, br"}) as response:
        assert response.headers["Content-Encoding"] == "br" and response.mimetype == "text/css"
        assert "Accept-Encoding" in response.headers["Vary"] and response.cache_control.immutable
        assert brotli.decompress(response.data) == original
    with client.get(f"/assets/{name}", headers={"Accept-Encoding": "gzip"}) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.data) == original


def test_public_pages_are_compressed(client: FlaskClient) -> None:
    """Verify the start page and a guide step are sent compressed."""
    for url in ("/en/", "/en/guide/"):
        response = client.get(url, headers={"Accept-Encoding": "br"})
        assert response.headers["Content-Encoding"] == "br"
        assert b"</html>" in brotli.decompress(response.data)


def test_pages_with_a_parents_code_or_answers_are_never_compressed(client: FlaskClient) -> None:
    """Verify pages showing the resume code or a form token are sent as they are (no BREACH)."""
    start_draft(client)
    for url in ("/en/prepare/", "/en/prepare/continue-elsewhere", "/en/prepare/working-well", "/en/prepare/check"):
        response = client.get(url, headers={"Accept-Encoding": "gzip, br"})
        assert response.status_code == 200, url
        assert "Content-Encoding" not in response.headers, url
    # A guide page stays compressed for a parent with a draft: it holds nothing of theirs.
    assert client.get("/en/guide/", headers={"Accept-Encoding": "br"}).headers["Content-Encoding"] == "br"
