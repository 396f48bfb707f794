"""Hostile requests that once gave 500s: bodies the site never asks for, huge bodies, crafted query arguments."""

from __future__ import annotations

import io
import json

import pytest
from flask.testing import FlaskClient

from tests.conftest import csrf_token
from tests.pages import check_page
from tests.unit.prepare.test_views import SECTION, post_section, start_draft

POST_ROUTES = (
    "/en/prepare/start",
    SECTION,
    SECTION + "/autosave",
    "/en/prepare/resume",
    "/en/prepare/delete",
    "/en/prepare/document",
    "/en/your-guide/questions/date",
    "/en/your-guide/questions/ages",
    "/en/your-guide/questions/kind",
)


@pytest.mark.parametrize("body", [{"answer": 5}, {"answer": [1, [2]]}, {"day": 5, "month": [1], "year": {"a": 1}}, [1, 2], "text"])
@pytest.mark.parametrize("url", POST_ROUTES)
def test_json_bodies_are_refused_kindly(client: FlaskClient, url: str, body: object) -> None:
    """Verify a JSON body (Flask-WTF reads it as form data) is refused with 415 and a page, not a crash.

    The CSRF token goes in the header Flask-WTF also reads, so the body would reach the form.
    """
    start_draft(client)
    token = csrf_token(client.get(SECTION).get_data(as_text=True))
    response = client.post(url, data=json.dumps(body), content_type="application/json", headers={"X-CSRFToken": token})
    assert response.status_code == 415
    if url.endswith("/autosave"):
        assert response.get_json() == {"status": "failed"}
    else:
        assert "we could not read that" in check_page(response.get_data(as_text=True)).h1.get_text()


def test_a_file_in_a_text_field_is_refused(client: FlaskClient) -> None:
    """Verify a multipart body carrying a file is refused, and nothing is saved."""
    start_draft(client)
    token = csrf_token(client.get(SECTION).get_data(as_text=True))
    response = client.post(SECTION, data={"csrf_token": token, "answer": (io.BytesIO(b"%PDF"), "views.pdf")})
    assert response.status_code == 415
    assert "Nothing was saved" in response.get_data(as_text=True)


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "multipart/form-data; boundary=x"])
def test_other_content_types_are_refused(client: FlaskClient, content_type: str) -> None:
    """Verify bodies of other types get 415."""
    assert client.post(SECTION, data=b"answer=hello", content_type=content_type).status_code == 415


def test_the_autosave_scripts_own_body_is_accepted(client: FlaskClient) -> None:
    """Verify the type the autosave script sends (URLSearchParams, with a charset) is a form."""
    start_draft(client)
    token = csrf_token(client.get(SECTION).get_data(as_text=True))
    response = client.post(
        SECTION + "/autosave",
        data=f"csrf_token={token}&version=0&answer=Saved+as+I+type",
        content_type="application/x-www-form-urlencoded;charset=UTF-8",
    )
    assert response.get_json()["status"] == "saved"


def test_the_keepalive_scripts_empty_post_is_accepted(client: FlaskClient) -> None:
    """Verify the idle-time script's bodiless POST is not refused, and a body there is refused in JSON."""
    start_draft(client)
    assert client.post("/session/keepalive", headers={"Content-Length": "0"}).get_json()["status"] == "ok"
    refused = client.post("/session/keepalive", data="{}", content_type="application/json")
    assert refused.status_code == 415 and refused.get_json() == {"status": "failed"}


def test_a_huge_body_gets_a_friendly_413(client: FlaskClient) -> None:
    """Verify a body over MAX_CONTENT_LENGTH is refused with a page that says what to do."""
    start_draft(client)
    token = csrf_token(client.get(SECTION).get_data(as_text=True))
    huge = "x" * (client.application.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post(SECTION, data={"csrf_token": token, "answer": huge})
    assert response.status_code == 413
    soup = check_page(response.get_data(as_text=True))
    assert "too long" in soup.h1.get_text() and "Back" in soup.get_text()
    autosave = client.post(SECTION + "/autosave", data={"csrf_token": token, "answer": huge})
    assert autosave.status_code == 413 and autosave.get_json() == {"status": "failed"}


def test_the_longest_real_form_fits_the_limit(client: FlaskClient) -> None:
    """Verify five full answers of four-byte characters, percent-encoded, are under the limit."""
    limit = client.application.config["ANSWER_MAX_CHARS"]
    encoded = len(("😊" * limit).encode()) * 3 * 5
    assert encoded < client.application.config["MAX_CONTENT_LENGTH"]


CRAFTED = "endpoint=x&slug=other&_method=DELETE&lang_code=zz&_external=1&_scheme=javascript&_anchor=a"


def test_crafted_query_arguments_on_a_language_switch(client: FlaskClient) -> None:
    """Verify the language switch passes on only ?return=check, whatever else the address holds."""
    start_draft(client)
    response = post_section(client, f"{SECTION}?{CRAFTED}&return=check", answer="Kept", switch_to="en")
    assert response.status_code == 302
    assert response.headers["Location"] == f"{SECTION}?return=check"


def test_crafted_query_arguments_on_the_recover_page(client: FlaskClient) -> None:
    """Verify the expired-session page keeps the text and its form posts to a clean address."""
    token = csrf_token(client.get("/en/prepare/").get_data(as_text=True))
    response = client.post(f"{SECTION}?{CRAFTED}", data={"csrf_token": token, "answer": "My words stay"})
    assert response.status_code == 401
    soup = check_page(response.get_data(as_text=True))
    assert "My words stay" in soup.get_text()
    assert soup.select_one("form[method=post]")["action"] == SECTION


def test_crafted_query_arguments_on_the_conflict_page(client: FlaskClient) -> None:
    """Verify the conflict page keeps both versions and its form posts to a clean address."""
    start_draft(client)
    post_section(client, SECTION, answer="First", action="continue")
    post_section(client, SECTION, answer="Second", action="continue")
    token = csrf_token(client.get(SECTION).get_data(as_text=True))
    response = client.post(f"{SECTION}?{CRAFTED}&return=check", data={"csrf_token": token, "version": "1", "answer": "Mine"})
    assert response.status_code == 409
    soup = check_page(response.get_data(as_text=True))
    assert "Mine" in soup.get_text() and "Second" in soup.get_text()
    assert soup.select_one("form[method=post]")["action"] == f"{SECTION}?return=check"


def test_a_version_too_big_for_the_database_is_not_a_crash(client: FlaskClient) -> None:
    """Verify a crafted version number (too big for the database, negative, not a number) saves or conflicts."""
    start_draft(client)
    token = csrf_token(client.get(SECTION).get_data(as_text=True))
    for version in ("9" * 30, "-5", "1e9", "9" * 5000):
        response = client.post(SECTION, data={"csrf_token": token, "version": version, "answer": "Fine"})
        assert response.status_code in (302, 409), version
