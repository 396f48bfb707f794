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


def _classes(css: str) -> set[str]:
    return set(re.findall(r"\.(govuk-[a-zA-Z0-9_-]+)", css))


def test_every_govuk_class_a_page_uses_is_in_the_slimmed_stylesheet(app: Flask, client: FlaskClient) -> None:
    """Verify the component-by-component build keeps every GOV.UK style any page uses."""
    from parent_guide.assets import GOVUK_CSS
    from tests.conftest import site_urls
    from tests.unit.prepare.test_views import start_draft

    start_draft(client)
    library = app.extensions["parent_guide.content"]["en"]
    urls = [*site_urls(app), *(f"/en/prepare/{s.slug}" for s in library.prepare), "/en/prepare/check", "/en/prepare/delete",
            "/en/prepare/continue-elsewhere", "/en/your-guide/", "/en/prepare/document", "/en/no-such-page"]
    urls += [f"/en/your-guide/questions/{slug}" for slug in ("area", "kind", "date", "ages", "attending", "supporter", "help")]
    used: set[str] = set()
    for url in urls:
        used |= set(re.findall(r"govuk-[a-zA-Z0-9_!-]+", client.get(url).get_data(as_text=True)))
    with client.get(f"/assets/{app.extensions['parent_guide.assets']['main.css']}") as response:
        ours = _classes(response.get_data(as_text=True))
    styled_by_govuk = _classes(GOVUK_CSS.read_text(encoding="utf-8"))
    missing = sorted(c for c in used & styled_by_govuk if c not in ours)
    assert not missing, f"add the component to parent_guide/assets/scss/main.scss: {missing}"
