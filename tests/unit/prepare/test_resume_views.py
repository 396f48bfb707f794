"""Opening a draft on this device: codes, hand-over tokens and the draft-swap question."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import csrf_token
from tests.pages import check_page
from tests.unit.prepare.test_views import SECTION, post_section, start_draft


def handover_link(client: FlaskClient) -> str:
    """The hand-over link the continue-elsewhere page's QR code carries."""
    page = client.get("/en/prepare/continue-elsewhere").get_data(as_text=True)
    match = re.search(r'(http://localhost/en/prepare/open\?t=[A-Za-z0-9_-]+)', page)
    assert match, "no hand-over link on the page"
    return match.group(1)


def redeem(client: FlaskClient, link: str) -> object:
    """Open the hand-over page and press its button, as the other device would."""
    page = client.get(link)
    assert page.headers["Referrer-Policy"] == "strict-origin"
    assert page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    token = re.search(r'name="token" value="([^"]*)"', html)
    return client.post("/en/prepare/open", data={"csrf_token": csrf_token(html), "token": token.group(1) if token else ""})


def test_qr_code_carries_a_token_not_the_resume_code(client: FlaskClient) -> None:
    """Verify the QR page shows the code but the link holds only a token."""
    code = start_draft(client)
    link = handover_link(client)
    assert code.replace("-", "") not in link.replace("-", "")
    assert "code=" not in link


def test_handover_token_works_once(app: Flask, client: FlaskClient) -> None:
    """Verify a second device opens the draft with the token once, and a second use is refused."""
    start_draft(client)
    post_section(client, SECTION, answer="Handed over text", action="continue")
    link = handover_link(client)
    other = app.test_client()
    response = redeem(other, link)
    assert response.status_code == 303 and response.headers["Location"] == "/en/prepare/"
    assert "Handed over text" in other.get("/en/prepare/check").get_data(as_text=True)
    third = app.test_client()
    again = redeem(third, link)
    assert again.status_code == 410
    soup = check_page(again.get_data(as_text=True))
    assert "already been used" in soup.get_text()
    assert "Handed over text" not in third.get("/en/prepare/check").get_data(as_text=True)


def test_resume_page_never_reads_a_code_from_the_address(client: FlaskClient) -> None:
    """Verify ?code= in the address is ignored, so no link can carry a code."""
    soup = check_page(client.get("/en/prepare/resume?code=AAAA-BBBB-CCCC-DDDD").get_data(as_text=True))
    assert soup.select_one("input#resume_code").get("value", "") == ""


def test_opening_another_draft_asks_first(app: Flask, client: FlaskClient) -> None:
    """Verify a code for a different draft asks before replacing the one open, and both choices work."""
    first = app.test_client()
    first_code = start_draft(first)
    post_section(first, SECTION, answer="First draft", action="continue")
    start_draft(client)
    post_section(client, SECTION, answer="Second draft", action="continue")

    page = client.get("/en/prepare/resume").get_data(as_text=True)
    response = client.post("/en/prepare/resume", data={"csrf_token": csrf_token(page), "resume_code": first_code})
    assert response.headers["Location"] == "/en/prepare/already-open"
    question = client.get("/en/prepare/already-open").get_data(as_text=True)
    soup = check_page(question)
    assert soup.h1.get_text(strip=True) == "You already have answers open on this device"
    # Nothing was replaced yet.
    assert "Second draft" in client.get("/en/prepare/check").get_data(as_text=True)

    missing = client.post("/en/prepare/already-open", data={"csrf_token": csrf_token(question)})
    assert missing.status_code == 400
    assert check_page(missing.get_data(as_text=True)).title.get_text().startswith("Error:")

    keep = client.post("/en/prepare/already-open", data={"csrf_token": csrf_token(question), "choice": "keep"})
    assert keep.status_code == 303
    assert "Second draft" in client.get("/en/prepare/check").get_data(as_text=True)

    page = client.get("/en/prepare/resume").get_data(as_text=True)
    client.post("/en/prepare/resume", data={"csrf_token": csrf_token(page), "resume_code": first_code})
    question = client.get("/en/prepare/already-open").get_data(as_text=True)
    client.post("/en/prepare/already-open", data={"csrf_token": csrf_token(question), "choice": "open"})
    assert "First draft" in client.get("/en/prepare/check").get_data(as_text=True)


def test_same_draft_opens_without_asking(client: FlaskClient) -> None:
    """Verify typing the code of the draft already open simply goes to the task list."""
    code = start_draft(client)
    page = client.get("/en/prepare/resume").get_data(as_text=True)
    response = client.post("/en/prepare/resume", data={"csrf_token": csrf_token(page), "resume_code": code})
    assert response.headers["Location"] == "/en/prepare/"
