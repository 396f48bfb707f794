"""The names page of the document (who the document is from and about): saving, limits and every error path."""

from __future__ import annotations

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.conftest import csrf_token
from tests.pages import check_page
from tests.unit.export.test_views import NAMES, break_database, open_docx, pdf_text, save_names
from tests.unit.prepare.test_views import start_draft


def send_again(client: FlaskClient, soup: BeautifulSoup, parent_name: str) -> TestResponse:
    """Check the page's form holds the typed name, then send it as it stands, as one click would."""
    form = soup.select_one("main form")
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    assert data["parent_name"] == parent_name
    return client.post(form["action"], data=data)


def test_names_page_saves_and_comes_back_filled(client: FlaskClient) -> None:
    """Verify the names page passes the page checks, saves to check answers and shows the names again."""
    start_draft(client)
    soup = check_page(client.get(NAMES).get_data(as_text=True))
    assert soup.h1.get_text(strip=True) == "Names on your document"
    assert soup.select_one("label[for=parent_name]").get_text(strip=True) == "Your name (optional)"
    assert soup.select_one("label[for=children_names]").get_text(strip=True) == "Your children’s names (optional)"
    assert "will appear on your document" in soup.select_one("#parent_name-hint").get_text()
    response = save_names(client, parent_name="Joanna Nowak", children_names="")
    assert response.headers["Location"] == "/en/prepare/check"
    soup = check_page(client.get(NAMES).get_data(as_text=True))
    assert soup.select_one("input#parent_name")["value"] == "Joanna Nowak"
    assert "Children:" not in " ".join(p.text for p in open_docx(client.get("/en/prepare/document.docx").data).paragraphs)


def test_too_long_name_keeps_the_text(client: FlaskClient) -> None:
    """Verify a name over the limit is explained, with both names kept in their boxes."""
    start_draft(client)
    response = save_names(client, parent_name="J" * 301, children_names="Ola")
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True))
    assert "Your name must be 300 characters or fewer" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("input#parent_name")["value"] == "J" * 301
    assert soup.select_one("input#children_names")["value"] == "Ola"
    assert soup.title.get_text().startswith("Error:")


def test_database_error_keeps_the_typed_names(broken_app: Flask) -> None:
    """Verify a save that fails in the database shows the names again with an error summary."""
    client = broken_app.test_client()
    start_draft(client)
    page = client.get(NAMES).get_data(as_text=True)
    break_database(broken_app)
    response = client.post(NAMES, data={"csrf_token": csrf_token(page), "version": "0", "parent_name": "Joanna Nowak", "children_names": "Ola"})
    assert response.status_code == 503
    soup = check_page(response.get_data(as_text=True))
    assert "Your names have not been saved" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("input#parent_name")["value"] == "Joanna Nowak"
    assert soup.select_one("input#children_names")["value"] == "Ola"
    assert soup.title.get_text().startswith("Error:")


def test_expired_page_keeps_the_names_and_one_click_saves_them(client: FlaskClient) -> None:
    """Verify a stale CSRF token shows the names again on a form that then saves them."""
    start_draft(client)
    response = client.post(NAMES, data={"csrf_token": "expired", "version": "0", "parent_name": "Joanna Nowak"})
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True))
    assert "Your names have not been saved" in soup.select_one(".govuk-error-summary").get_text()
    assert send_again(client, soup, "Joanna Nowak").status_code == 302
    assert "Joanna Nowak" in client.get("/en/prepare/print").get_data(as_text=True)


def test_lost_draft_keeps_the_names_and_points_to_the_resume_code(client: FlaskClient) -> None:
    """Verify names sent after the draft was deleted are shown again with a way back to the answers."""
    start_draft(client)
    page = client.get(NAMES).get_data(as_text=True)
    client.post("/en/prepare/delete", data={"csrf_token": csrf_token(client.get("/en/prepare/delete").get_data(as_text=True))})
    response = client.post(NAMES, data={"csrf_token": csrf_token(page), "version": "0", "parent_name": "Joanna Nowak"})
    assert response.status_code == 410
    soup = check_page(response.get_data(as_text=True))
    assert soup.select_one("input#parent_name")["value"] == "Joanna Nowak"
    assert soup.find("a", string="Carry on with your saved answers")["href"] == "/en/prepare/resume"


def test_names_changed_on_another_device_are_not_overwritten_unseen(app: Flask, client: FlaskClient) -> None:
    """Verify an older save shows both sets of names, and saving again keeps the ones typed here."""
    code = start_draft(client)
    laptop_page = client.get(NAMES).get_data(as_text=True)
    phone = app.test_client()
    page = phone.get("/en/prepare/resume").get_data(as_text=True)
    phone.post("/en/prepare/resume", data={"csrf_token": csrf_token(page), "resume_code": code})
    assert save_names(phone, parent_name="Written on the phone").status_code == 302
    response = client.post(NAMES, data={"csrf_token": csrf_token(laptop_page), "version": "0", "parent_name": "Written on the laptop"})
    assert response.status_code == 409
    soup = check_page(response.get_data(as_text=True))
    assert "Written on the phone" in soup.select_one(".govuk-inset-text").get_text()
    assert send_again(client, soup, "Written on the laptop").status_code == 302
    assert "Written on the laptop" in pdf_text(phone.get("/en/prepare/document.pdf").data)
