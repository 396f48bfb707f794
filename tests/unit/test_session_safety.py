"""Leaving, the idle time limit and no-store: safe on a shared phone."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from parent_guide import session_safety
from tests.conftest import csrf_token
from tests.pages import check_page
from tests.unit.prepare.test_views import SECTION, post_section, start_draft


def answer_area(client: FlaskClient, area: str = "kent") -> None:
    """Answer the area question, which makes the session hold tailoring answers."""
    page = client.get("/en/your-guide/questions/area").get_data(as_text=True)
    client.post("/en/your-guide/questions/area", data={"csrf_token": csrf_token(page), "answer": area})


def test_leave_ends_the_session_and_clears_the_browser(app: Flask, client: FlaskClient) -> None:
    """Verify /leave clears every cookie, sends Clear-Site-Data, no Referer, and goes to the neutral site."""
    start_draft(client)
    post_section(client, SECTION, answer="Private words", action="continue")
    client.set_cookie("other", "x")
    response = client.get("/leave")
    assert response.status_code == 303
    assert response.headers["Location"] == app.config["EXIT_URL"]
    assert response.headers["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["Cache-Control"] == "no-store"
    cleared = {c.split("=", 1)[0] for c in response.headers.getlist("Set-Cookie") if "Expires=Thu, 01 Jan 1970" in c}
    assert {"session", "other"} <= cleared
    # After leaving, none of the parent's pages shows their words.
    for url in ("/en/prepare/", SECTION, "/en/prepare/check", "/en/export/"):
        page = client.get(url, follow_redirects=True).get_data(as_text=True)
        assert "Private words" not in page, url


def test_exit_button_goes_through_the_leave_route(client: FlaskClient) -> None:
    """Verify the Leave this site button links to /leave, so it works without JavaScript."""
    soup = check_page(client.get("/en/").get_data(as_text=True))
    assert soup.select_one(".govuk-exit-this-page__button")["href"] == "/leave"


def test_every_page_of_a_session_with_answers_is_no_store(client: FlaskClient) -> None:
    """Verify no-store on every HTML page once the session holds answers, and not on assets."""
    anonymous = client.get("/en/guide/")
    assert "no-store" not in anonymous.headers.get("Cache-Control", "")
    answer_area(client)
    for url in ("/en/", "/en/guide/", "/en/your-guide/", "/en/prepare/", "/en/staying-safe", "/en/guide/glossary"):
        response = client.get(url)
        assert response.headers["Cache-Control"] == "no-store", url
    start_draft(client)
    for url in ("/en/prepare/", SECTION, "/en/prepare/check", "/en/prepare/continue-elsewhere"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url


def test_idle_session_ends_and_says_so(client: FlaskClient, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Verify a session unused past the limit forgets the draft and the answers, and the page says why."""
    clock = [1_800_000_000]
    monkeypatch.setattr(session_safety.time, "time", lambda: clock[0])
    answer_area(client)
    start_draft(client)
    post_section(client, SECTION, answer="Idle words", action="continue")
    clock[0] += 29 * 60
    assert "Idle words" in client.get("/en/prepare/check").get_data(as_text=True)
    # Use restarts the clock: another 29 minutes is still within the limit.
    clock[0] += 29 * 60
    assert "Idle words" in client.get("/en/prepare/check").get_data(as_text=True)
    clock[0] += 31 * 60
    page = client.get("/en/prepare/").get_data(as_text=True)
    assert "forgot this device after 30 minutes" in page
    assert "Start writing" in page
    assert "Kent" not in client.get("/en/your-guide/").get_data(as_text=True)


def test_pages_say_what_the_time_limit_is(client: FlaskClient) -> None:
    """Verify a session with answers shows the time limit in words (for no JavaScript) and the warning dialog."""
    start_draft(client)
    soup = check_page(client.get("/en/prepare/").get_data(as_text=True))
    assert "30 minutes without use" in soup.select_one("#time-limit").get_text()
    assert soup.body["data-idle-seconds"] == "1800"
    dialog = soup.select_one("dialog[data-idle-dialog]")
    assert dialog["role"] == "alertdialog" and dialog.select_one("button[data-idle-stay]")


def test_late_save_after_the_end_gives_the_text_back(client: FlaskClient, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Verify a save that arrives after the session ended keeps the text and asks for the code."""
    clock = [1_800_000_000]
    monkeypatch.setattr(session_safety.time, "time", lambda: clock[0])
    start_draft(client)
    page = client.get(SECTION).get_data(as_text=True)
    clock[0] += 31 * 60
    data = {"csrf_token": csrf_token(page), "version": "0", "answer": "Typed before the end", "action": "continue"}
    late = client.post(f"{SECTION}/autosave", data=data)
    assert late.status_code in (400, 401) and late.get_json()["status"] == "expired"
    response = client.post(SECTION, data=data)
    assert response.status_code in (400, 401)
    soup = check_page(response.get_data(as_text=True))
    assert soup.select_one("textarea").get_text() == "Typed before the end"
    assert soup.select_one("input[name=resume_code]") is not None


def test_keepalive_restarts_the_limit_only_for_a_live_session(client: FlaskClient) -> None:
    """Verify "Stay on this page" answers with the full limit, and says "ended" when there is nothing to keep."""
    assert client.post("/session/keepalive").status_code == 410
    start_draft(client)
    response = client.post("/session/keepalive")
    assert response.get_json() == {"status": "ok", "seconds": 1800}


def test_first_page_explains_leaving_quickly(client: FlaskClient) -> None:
    """Verify the first page of a session explains Leave this site and links to Staying safe online."""
    first = check_page(client.get("/en/guide/").get_data(as_text=True))
    assert "press the Shift key 3 times" in first.get_text()
    assert first.select_one('main a[href="/en/staying-safe"]')
    second = check_page(client.get("/en/guide/").get_data(as_text=True))
    assert "press the Shift key 3 times" not in second.select_one("main").get_text()


def test_session_ended_page_shows_nothing_of_theirs(client: FlaskClient) -> None:
    """Verify the page a timed-out tab goes to ends the session and shows no answers."""
    start_draft(client)
    post_section(client, SECTION, answer="Ended words", action="continue")
    page = client.get("/en/session-ended")
    assert page.headers["Cache-Control"] == "no-store"
    check_page(page.get_data(as_text=True))
    assert "Ended words" not in client.get("/en/prepare/check", follow_redirects=True).get_data(as_text=True)


def test_staying_safe_page_reads_help_lines_from_the_data(client: FlaskClient) -> None:
    """Verify Staying safe online names the site name choice and shows the help lines from helplines.toml."""
    text = check_page(client.get("/en/staying-safe").get_data(as_text=True)).get_text(" ")
    for expected in ("Meeting guide", "0808 2000 247", "0808 80 10 800", "116 123", "999", "Private browsing"):
        assert expected in text
