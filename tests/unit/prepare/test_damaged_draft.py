"""A draft whose stored ciphertext is damaged: treated as gone, with a way to start again and the text kept."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import text

from parent_guide.extensions import db
from tests.conftest import csrf_token
from tests.pages import check_page
from tests.unit.prepare.test_views import SECTION, post_section, start_draft


def _damage_every_answer(client: FlaskClient) -> None:
    """Cut short every answer of the newest draft (this test's: the app is shared)."""
    with client.application.app_context():
        db.session.execute(
            text("UPDATE draft_sections SET ciphertext = substr(ciphertext, 1, 20) WHERE draft_id = (SELECT MAX(id) FROM drafts)")
        )
        db.session.commit()


def test_a_damaged_draft_offers_a_fresh_start(client: FlaskClient) -> None:
    """Verify the task list says the answers are gone and offers to start again, instead of a 500."""
    start_draft(client)
    post_section(client, SECTION, answer="Before the damage", action="continue")
    _damage_every_answer(client)
    page = client.get("/en/prepare/")
    assert page.status_code == 200
    soup = check_page(page.get_data(as_text=True))
    assert soup.select_one("form[action='/en/prepare/start']"), "no way to start again"
    for url in ("/en/prepare/check", "/en/prepare/print", SECTION):
        assert client.get(url).status_code in (200, 302), url


def test_saving_into_a_damaged_draft_keeps_the_text(client: FlaskClient) -> None:
    """Verify a save into a damaged draft shows the text again with a way to save it in a new draft."""
    start_draft(client)
    post_section(client, SECTION, answer="Before the damage", action="continue")
    token = csrf_token(client.get(SECTION).get_data(as_text=True))
    _damage_every_answer(client)
    response = client.post(SECTION, data={"csrf_token": token, "version": "1", "answer": "Typed after"})
    assert response.status_code == 410
    assert "Typed after" in check_page(response.get_data(as_text=True)).get_text()
    autosave = client.post(SECTION + "/autosave", data={"csrf_token": token, "version": "1", "answer": "Typed after"})
    assert autosave.status_code in (401, 410)
