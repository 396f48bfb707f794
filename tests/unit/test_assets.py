"""Fingerprinted assets: served, cached for a year, and no GOV.UK branding or fonts."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient


def test_pages_link_fingerprinted_assets_that_are_cached_long(client: FlaskClient) -> None:
    """Verify the stylesheet URL carries a hash and is served with a year-long cache."""
    html = client.get("/en/").get_data(as_text=True)
    href = re.search(r'href="(/assets/main\.[0-9a-f]{12}\.css)"', html)
    assert href, "no fingerprinted stylesheet on the page"
    with client.get(href.group(1)) as response:
        assert response.status_code == 200
        assert response.cache_control.max_age == 365 * 24 * 60 * 60
        assert response.cache_control.immutable


def test_css_uses_a_system_font_not_gds_transport(app: Flask, client: FlaskClient) -> None:
    """Verify the compiled CSS has no GDS Transport font or @font-face."""
    name = app.extensions["parent_guide.assets"]["main.css"]
    with client.get(f"/assets/{name}") as response:
        css = response.get_data(as_text=True)
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "arial" in css.lower()


def test_no_crown_or_govuk_logo_on_pages(client: FlaskClient) -> None:
    """Verify this non-GOV.UK site shows no GOV.UK logo or crown."""
    html = client.get("/en/guide/").get_data(as_text=True)
    assert "govuk-logo" not in html
    assert "govuk-header__logotype" not in html
    assert "crown" not in html.lower()


def test_manifest_is_not_served(client: FlaskClient) -> None:
    """Verify the build manifest is not public."""
    assert client.get("/assets/manifest.json").status_code == 404
