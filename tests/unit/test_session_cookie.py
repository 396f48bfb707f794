"""The session cookie is sealed: nothing in it can be read on the phone."""

from __future__ import annotations

import base64

from flask import Flask
from flask.testing import FlaskClient

from parent_guide.session_cookie import EncryptedCookieSessionInterface
from tests.conftest import csrf_token
from tests.unit.prepare.test_views import SECTION, post_section, start_draft


def raw_cookie(client: FlaskClient) -> str:
    """The session cookie's value as the browser stores it."""
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def test_cookie_holds_no_code_and_no_answers(client: FlaskClient) -> None:
    """Verify the cookie's raw and base64-decoded bytes hold neither the resume code nor a tailoring answer."""
    page = client.get("/en/your-guide/questions/area").get_data(as_text=True)
    client.post("/en/your-guide/questions/area", data={"csrf_token": csrf_token(page), "answer": "kent"})
    code = start_draft(client)
    post_section(client, SECTION, answer="Secret words", action="continue")
    value = raw_cookie(client)
    decoded = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    for needle in (code, code.replace("-", ""), "kent", "Secret", "draft_code", "profile"):
        assert needle not in value and needle.encode() not in decoded


def test_a_tampered_cookie_opens_as_an_empty_session(app: Flask) -> None:
    """Verify a changed, truncated or foreign cookie gives an empty session, not an error."""
    interface = EncryptedCookieSessionInterface()
    with app.app_context():
        sealed = interface.seal(app, {"draft_code": "ABCDEFGHJKMNPQRS"})
        assert interface.unseal(app, sealed) == {"draft_code": "ABCDEFGHJKMNPQRS"}
        flipped = sealed[:-2] + ("A" if sealed[-2] != "A" else "B") + sealed[-1]
        for bad in (flipped, sealed[:20], "", "not base64 !!", "eyJhIjoxfQ.signed.flask"):
            assert interface.unseal(app, bad) is None
    client = app.test_client()
    client.set_cookie("session", sealed[:-4])
    assert client.get("/en/prepare/").status_code == 200
