"""The start page, redirects, error pages, health check and headers."""

from __future__ import annotations

from flask.testing import FlaskClient

from parent_guide import create_app
from parent_guide.security import JS_ENABLED_HASH, JS_ENABLED_SCRIPT
from tests.pages import check_page


def test_root_redirects_to_the_browsers_language(client: FlaskClient) -> None:
    """Verify / sends the visitor to /en/."""
    response = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/"


def test_root_falls_back_to_the_default_language(client: FlaskClient) -> None:
    """Verify a language the site does not offer falls back to English."""
    response = client.get("/", headers={"Accept-Language": "xx"})
    assert response.headers["Location"] == "/en/"


def test_start_page_has_a_start_button(client: FlaskClient) -> None:
    """Verify the start page links to the contents with a start button."""
    soup = check_page(client.get("/en/").get_data(as_text=True))
    button = soup.select_one("a.govuk-button--start")
    assert button is not None and button["href"] == "/en/guide/"
    assert "Start now" in button.get_text()


def test_unknown_locale_is_a_styled_404(client: FlaskClient) -> None:
    """Verify /xx/ gives the site's own 404 page."""
    response = client.get("/xx/guide/")
    assert response.status_code == 404
    soup = check_page(response.get_data(as_text=True))
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert soup.find("a", href="/en/guide/") is not None


def test_unknown_page_is_a_styled_404(client: FlaskClient) -> None:
    """Verify an unknown address gives the styled 404 with a way back."""
    response = client.get("/en/no-such-page")
    assert response.status_code == 404
    assert check_page(response.get_data(as_text=True)).h1.get_text(strip=True) == "Page not found"


def test_server_error_is_a_styled_500() -> None:
    """Verify an unexpected exception gives the styled 500 page, not a stack trace."""
    app = create_app({"TESTING": True, "PROPAGATE_EXCEPTIONS": False})

    def broken() -> str:
        raise RuntimeError("boom")

    app.add_url_rule("/<lang_code>/test-broken", "test_broken", broken)
    response = app.test_client().get("/en/test-broken")
    assert response.status_code == 500
    text = response.get_data(as_text=True)
    assert "boom" not in text
    assert check_page(text).h1.get_text(strip=True) == "Sorry, there is a problem"


def test_healthz(client: FlaskClient) -> None:
    """Verify the health check answers 200 and is not cached."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_security_headers(client: FlaskClient) -> None:
    """Verify the CSP allows only this site and the page's one inline script, by its hash."""
    response = client.get("/en/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp and "nonce" not in csp
    assert JS_ENABLED_HASH in csp and f"<script>{JS_ENABLED_SCRIPT}</script>" in response.get_data(as_text=True)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_unknown_step_is_a_styled_404(client: FlaskClient) -> None:
    """Verify a step that does not exist gives the styled 404 with a way back to the contents."""
    response = client.get("/en/guide/no-such-step")
    assert response.status_code == 404
    soup = check_page(response.get_data(as_text=True))
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert soup.find("a", href="/en/guide/") is not None
