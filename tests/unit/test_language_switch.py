"""The language switcher: on every page, error pages too, to the same page in the other language."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from flask import Flask

from parent_guide.config import PROJECT_ROOT
from parent_guide.extensions import db
from tests.conftest import english_only_content, make_app, site_urls


@pytest.fixture(scope="module")
def welsh_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The site with a Welsh locale being added: no Welsh files yet, so English fills every gap."""
    root = tmp_path_factory.mktemp("welsh")
    english_only_content(root / "content")
    (root / "content" / "cy").mkdir()
    # Without the staged Welsh catalogue either, so English fills every gap.
    shutil.copytree(PROJECT_ROOT / "translations", root / "translations", ignore=shutil.ignore_patterns("cy"))
    application = make_app(
        f"sqlite:///{root / 'drafts.sqlite3'}", CONTENT_DIR=root / "content", TRANSLATIONS_DIR=root / "translations"
    )
    yield application
    with application.app_context():
        db.engine.dispose()


def switch_link(html: str, code: str) -> str:
    """The href of the switcher's link to ``code``, checking it is named in its own language."""
    link = BeautifulSoup(html, "html.parser").select_one(f'nav a[hreflang="{code}"]')
    assert link is not None, f"no link to {code}"
    assert link["lang"] == code
    return link["href"]


def test_every_page_links_to_itself_in_the_other_language(welsh_app: Flask) -> None:
    """Verify each page's switcher points at the same page under /cy/, and that page answers 200 in Welsh."""
    client = welsh_app.test_client()
    for url in site_urls(welsh_app):
        html = client.get(url).get_data(as_text=True)
        button = BeautifulSoup(html, "html.parser").select_one('nav button[name="switch_to"][value="cy"]')
        if button is not None:
            # A page holding a form (a question, an answer) sends it again in the other language.
            assert button["lang"] == "cy" and button.get("form"), url
            continue
        href = switch_link(html, "cy")
        assert href == "/cy/" + url.split("/", 2)[2], url
        response = client.get(href)
        assert response.status_code == 200, href
        assert '<html lang="cy" dir="ltr"' in response.get_data(as_text=True)


def test_query_string_is_not_carried(welsh_app: Flask) -> None:
    """Verify nothing in the query string travels with the switch."""
    href = switch_link(welsh_app.test_client().get("/en/guide/?area=kent").get_data(as_text=True), "cy")
    assert "?" not in href


def test_not_found_page_switches_and_speaks_its_language(welsh_app: Flask) -> None:
    """Verify a 404 under /cy/ is in Welsh and links to the same address in English."""
    response = welsh_app.test_client().get("/cy/no-such-page")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert '<html lang="cy"' in html
    assert switch_link(html, "en") == "/en/no-such-page"


def test_a_page_that_cannot_be_fetched_switches_to_the_start(welsh_app: Flask) -> None:
    """Verify an error on an address with odd characters links to the start page, not back to it."""
    html = welsh_app.test_client().get("/en/%3Cscript%3E").get_data(as_text=True)
    assert switch_link(html, "cy") == "/cy/"


def test_unfinished_language_is_marked_and_explained(welsh_app: Flask) -> None:
    """Verify a language being added says it is unfinished, and the Languages page says how each was made."""
    client = welsh_app.test_client()
    assert "This translation is not finished." in client.get("/cy/").get_data(as_text=True)
    assert "This translation is not finished." not in client.get("/en/").get_data(as_text=True)
    page = BeautifulSoup(client.get("/en/languages").get_data(as_text=True), "html.parser")
    names = [heading.get_text(strip=True) for heading in page.select("main h2[lang]")]
    assert names == ["English", "Cymraeg"]
    text = page.main.get_text(" ", strip=True)
    assert "Not finished yet." in text
    assert "If you find a mistake" in text
