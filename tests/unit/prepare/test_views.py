"""The preparation form through the test client, with CSRF protection on."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from parent_guide.drafts import codes
from parent_guide.drafts.store import DraftStore, StoreUnavailable
from parent_guide.extensions import db
from tests.conftest import csrf_token, english_only_content, make_app, translations_without
from tests.pages import check_page

SECTION = "/en/prepare/working-well"


def start_draft(client: FlaskClient) -> str:
    """Start a draft as a parent would and return its resume code."""
    page = client.get("/en/prepare/").get_data(as_text=True)
    client.post("/en/prepare/start", data={"csrf_token": csrf_token(page)})
    tasks = client.get("/en/prepare/").get_data(as_text=True)
    match = re.search(r'class="app-code">([0-9A-Z-]+)<', tasks)
    assert match, "no resume code on the task list"
    return match.group(1)


def post_section(client: FlaskClient, url: str, **fields: str) -> object:
    """Post a section form with the CSRF token and version from its page."""
    page = client.get(url).get_data(as_text=True)
    version = re.search(r'name="version"[^>]*value="(\d+)"', page) or re.search(r'value="(\d+)"[^>]*name="version"', page)
    data = {"csrf_token": csrf_token(page), "version": version.group(1) if version else "0", **fields}
    return client.post(url, data=data)


def test_every_prepare_page_is_well_formed(client: FlaskClient) -> None:
    """Verify the start, task list, each section, check, code, delete pages pass the page checks."""
    check_page(client.get("/en/prepare/").get_data(as_text=True))
    start_draft(client)
    urls = ["/en/prepare/", "/en/prepare/check", "/en/prepare/continue-elsewhere", "/en/prepare/delete", "/en/prepare/resume"]
    urls += [f"/en/prepare/{s.slug}" for s in client.application.extensions["parent_guide.content"]["en"].prepare]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        check_page(response.get_data(as_text=True))


def test_save_continue_check_and_change(client: FlaskClient) -> None:
    """Verify an answer is saved, shown on check answers, and Change comes back to it."""
    start_draft(client)
    response = post_section(client, SECTION, answer="We read together every night.\n\nWe laugh a lot.", action="continue")
    assert response.status_code == 302 and response.headers["Location"] == "/en/prepare/worries"
    check = client.get("/en/prepare/check").get_data(as_text=True)
    assert "We read together every night." in check and "We laugh a lot." in check
    assert 'href="/en/prepare/working-well?return=check"' in check
    response = post_section(client, SECTION + "?return=check", answer="Changed.", action="continue")
    assert response.headers["Location"] == "/en/prepare/check"
    assert "Changed." in client.get("/en/prepare/check").get_data(as_text=True)


def test_statuses_on_the_task_list(client: FlaskClient) -> None:
    """Verify Not started, In progress (autosaved) and Completed (Save and continue)."""
    start_draft(client)
    page = client.get(SECTION).get_data(as_text=True)
    client.post(SECTION + "/autosave", data={"csrf_token": csrf_token(page), "version": "0", "answer": "typing"})
    post_section(client, "/en/prepare/worries", answer="done", action="continue")
    tasks = client.get("/en/prepare/").get_data(as_text=True)
    assert re.search(r"What is working well.*?In progress", tasks, re.S)
    assert re.search(r"What you think about the professionals&#39; worries.*?Completed", tasks, re.S)
    assert re.search(r"Your own worries, and what makes things harder.*?Not started", tasks, re.S)


def test_too_long_keeps_the_text_and_names_the_limit(client: FlaskClient) -> None:
    """Verify a too-long answer shows the limit and keeps every character typed."""
    start_draft(client)
    long_text = "Ab " * 1700 + "the end"
    response = post_section(client, SECTION, answer=long_text, action="continue")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    soup = check_page(html)
    assert "must be 5,000 characters or fewer" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("textarea#answer").get_text() == long_text
    assert soup.title.get_text().startswith("Error:")


def test_unicode_is_kept_and_control_characters_removed(client: FlaskClient) -> None:
    """Verify Polish, Welsh, Arabic, Urdu and emoji survive; control characters go."""
    start_draft(client)
    typed = "Zażółć gęślą jaźń. Ŵyt ti'n iawn? مرحبا بكم. آپ کیسے ہیں؟ 👨‍👩‍👧 \u202eRLO\u200b\tTab"
    post_section(client, SECTION, answer=typed + "\x00\x07\x1b", action="continue")
    soup = check_page(client.get(SECTION).get_data(as_text=True))
    assert soup.select_one("textarea#answer").get_text() == typed


def test_database_failure_keeps_the_text(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Verify a database error shows a clear message and the parent's text, not a stack trace."""
    start_draft(client)

    def broken(*args: object, **kwargs: object) -> None:
        raise StoreUnavailable("database is locked")

    page = client.get(SECTION).get_data(as_text=True)
    monkeypatch.setattr(DraftStore, "save", broken)
    response = client.post(SECTION, data={"csrf_token": csrf_token(page), "version": "0", "answer": "Precious words"})
    assert response.status_code == 503
    soup = check_page(response.get_data(as_text=True))
    assert "has not been saved" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("textarea#answer").get_text() == "Precious words"
    assert "database is locked" not in response.get_data(as_text=True)


def test_csrf_failure_keeps_the_text_and_one_click_saves_it(client: FlaskClient) -> None:
    """Verify an expired token shows the text on a page whose one button saves it."""
    start_draft(client)
    response = client.post(SECTION, data={"csrf_token": "expired", "version": "0", "answer": "Words typed for an hour"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    soup = check_page(html)
    assert soup.select_one("textarea#answer").get_text() == "Words typed for an hour"
    form = soup.select_one("form")
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    data["answer"] = soup.select_one("textarea#answer").get_text()
    saved = client.post(form["action"], data=data)
    assert saved.status_code == 302
    assert "Words typed for an hour" in client.get("/en/prepare/check").get_data(as_text=True)


def test_lost_session_saves_into_the_draft_named_by_the_code(app: Flask, client: FlaskClient) -> None:
    """Verify a browser that forgot its draft can still save, into the old draft via the code."""
    code = start_draft(client)
    stranger = app.test_client()
    response = stranger.post(SECTION, data={"csrf_token": "none", "version": "0", "answer": "Saved after all"})
    soup = check_page(response.get_data(as_text=True))
    form = soup.select_one("form")
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    data.update(answer=soup.select_one("textarea#answer").get_text(), resume_code=code.lower())
    assert stranger.post(form["action"], data=data).status_code == 302
    assert "Saved after all" in client.get("/en/prepare/check").get_data(as_text=True)


def test_lost_session_without_a_code_starts_a_new_draft(app: Flask) -> None:
    """Verify leaving the code blank keeps the text in a new draft."""
    stranger = app.test_client()
    soup = check_page(stranger.post(SECTION, data={"csrf_token": "x", "answer": "Brand new"}).get_data(as_text=True))
    form = soup.select_one("form")
    data = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    data["answer"] = "Brand new"
    assert stranger.post(form["action"], data=data).status_code == 302
    assert "Brand new" in stranger.get("/en/prepare/check").get_data(as_text=True)


def test_two_devices_see_both_texts_on_conflict(app: Flask, client: FlaskClient) -> None:
    """Verify an older save shows both versions and overwrites nothing."""
    code = start_draft(client)
    post_section(client, SECTION, answer="first", action="continue")
    phone = app.test_client()
    page = phone.get("/en/prepare/resume").get_data(as_text=True)
    phone.post("/en/prepare/resume", data={"csrf_token": csrf_token(page), "resume_code": code})
    laptop_page = client.get(SECTION).get_data(as_text=True)
    post_section(phone, SECTION, answer="written on the phone", action="continue")
    response = client.post(SECTION, data={"csrf_token": csrf_token(laptop_page), "version": "1", "answer": "written on the laptop"})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    soup = check_page(html)
    assert "written on the phone" in soup.select_one(".govuk-inset-text").get_text()
    assert soup.select_one("textarea#answer").get_text() == "written on the laptop"
    assert "written on the phone" in client.get("/en/prepare/check").get_data(as_text=True)
    data = {i["name"]: i.get("value", "") for i in soup.select_one("form").select("input[name]")}
    data.update(answer="written on the laptop", action="continue")
    assert client.post(SECTION, data=data).status_code == 302
    assert "written on the laptop" in phone.get("/en/prepare/check").get_data(as_text=True)


def test_autosave_answers_in_json(client: FlaskClient) -> None:
    """Verify autosave returns the new version, and errors as JSON statuses."""
    start_draft(client)
    token = csrf_token(client.get(SECTION).get_data(as_text=True))
    first = client.post(SECTION + "/autosave", data={"csrf_token": token, "version": "0", "answer": "a"})
    assert first.json == {"status": "saved", "version": 1}
    second = client.post(SECTION + "/autosave", data={"csrf_token": token, "version": "1", "answer": "ab"})
    assert second.json == {"status": "saved", "version": 2}
    stale = client.post(SECTION + "/autosave", data={"csrf_token": token, "version": "1", "answer": "abc"})
    assert stale.status_code == 409 and stale.json == {"status": "conflict"}
    too_long = client.post(SECTION + "/autosave", data={"csrf_token": token, "version": "2", "answer": "x" * 5001})
    assert too_long.status_code == 400 and too_long.json["status"] == "invalid"
    expired = client.post(SECTION + "/autosave", data={"csrf_token": "old", "version": "2", "answer": "x"})
    assert expired.status_code == 400 and expired.json == {"status": "expired"}


def test_wrong_resume_code_is_explained(client: FlaskClient) -> None:
    """Verify a wrong code gets a clear error and the typed code back."""
    page = client.get("/en/prepare/resume").get_data(as_text=True)
    response = client.post("/en/prepare/resume", data={"csrf_token": csrf_token(page), "resume_code": "AAAA-BBBB-CCCC-DDDD"})
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True))
    assert "could not find answers with that code" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("input#resume_code")["value"] == "AAAA-BBBB-CCCC-DDDD"


def test_resume_attempts_are_rate_limited(tmp_path, redis_limits) -> None:  # type: ignore[no-untyped-def]
    """Verify guessing stops after the limit with a 429 page, counted in Redis as in production."""
    app = make_app(f"sqlite:///{tmp_path / 'limit.sqlite3'}", RESUME_RATE_LIMIT="3 per hour", **redis_limits)
    client = app.test_client()
    token = csrf_token(client.get("/en/prepare/resume").get_data(as_text=True))
    statuses = [
        client.post("/en/prepare/resume", data={"csrf_token": token, "resume_code": codes.display(codes.new_code())}).status_code
        for _ in range(5)
    ]
    assert statuses == [400, 400, 400, 429, 429]
    check_page(client.post("/en/prepare/resume", data={"csrf_token": token, "resume_code": "x"}).get_data(as_text=True))


def test_delete_is_confirmed_then_final(client: FlaskClient) -> None:
    """Verify delete asks first, then removes the draft so the code no longer works."""
    code = start_draft(client)
    post_section(client, SECTION, answer="to be deleted", action="continue")
    confirm = client.get("/en/prepare/delete").get_data(as_text=True)
    response = client.post("/en/prepare/delete", data={"csrf_token": csrf_token(confirm)})
    assert response.headers["Location"] == "/en/prepare/deleted"
    assert "have been deleted" in client.get("/en/prepare/deleted").get_data(as_text=True)
    with client.application.app_context():
        assert not DraftStore(db.session).exists(codes.normalise(code) or "")
    assert "Start writing" in client.get("/en/prepare/").get_data(as_text=True)


def test_purge_command_deletes_old_drafts(app: Flask) -> None:
    """Verify `flask drafts purge` deletes drafts unused for the retention period."""
    with app.app_context():
        _purge_old_draft(app)


def _purge_old_draft(app: Flask) -> None:
    store = DraftStore(db.session)
    old, fresh = store.create(), store.create()
    long_ago = datetime.now(UTC) - timedelta(days=29)
    db.session.execute(
        text("UPDATE drafts SET updated_at = :when WHERE lookup = :lookup"),
        {"when": long_ago.replace(tzinfo=None), "lookup": store.keys(old).lookup},
    )
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["drafts", "purge"])
    assert result.exit_code == 0 and "unused for 28 days" in result.output
    assert not store.exists(old) and store.exists(fresh)


def test_changing_language_saves_the_text_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Verify a language button on a section saves the typed text, then opens the section in that language."""
    import shutil


    content_dir = tmp_path / "content"
    english_only_content(content_dir)
    (content_dir / "cy" / "steps").mkdir(parents=True)
    shutil.copy(content_dir / "en" / "steps" / "01-what-is-a-conference.md", content_dir / "cy" / "steps")
    app = make_app(
        f"sqlite:///{tmp_path / 'switch.sqlite3'}", CONTENT_DIR=content_dir, TRANSLATIONS_DIR=translations_without(tmp_path, "cy")
    )
    client = app.test_client()
    start_draft(client)
    page = client.get(SECTION).get_data(as_text=True)
    button = check_page(page).select_one('button[name="switch_to"][value="cy"]')
    assert button is not None and button["form"] == "section-form"
    response = client.post(SECTION, data={"csrf_token": csrf_token(page), "version": "0", "answer": "Typed in English", "switch_to": "cy"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/cy/prepare/working-well"
    welsh = check_page(client.get("/cy/prepare/working-well").get_data(as_text=True), lang="cy")
    assert welsh.select_one("textarea#answer").get_text() == "Typed in English"
    too_long = client.post(SECTION, data={"csrf_token": csrf_token(page), "version": "1", "answer": "x" * 5001, "switch_to": "cy"})
    assert too_long.status_code == 400
    assert check_page(too_long.get_data(as_text=True)).select_one("textarea#answer").get_text() == "x" * 5001


def test_behind_a_proxy_limits_count_each_parent_and_links_use_the_public_host(tmp_path, redis_limits) -> None:  # type: ignore[no-untyped-def]
    """Verify with one trusted proxy, two parents behind it have separate limits and QR links are public."""
    app = make_app(
        f"sqlite:///{tmp_path / 'proxy.sqlite3'}", RESUME_RATE_LIMIT="2 per hour", TRUSTED_PROXIES=1, **redis_limits
    )
    client = app.test_client()

    def guess(address: str) -> int:
        headers = {"X-Forwarded-For": address}
        token = csrf_token(client.get("/en/prepare/resume", headers=headers).get_data(as_text=True))
        data = {"csrf_token": token, "resume_code": codes.display(codes.new_code())}
        return client.post("/en/prepare/resume", data=data, headers=headers).status_code

    assert [guess("203.0.113.1") for _ in range(3)] == [400, 400, 429]
    assert guess("203.0.113.2") == 400
    # The test client keeps cookies per host, so the public host stays "localhost" here.
    public = {"X-Forwarded-For": "203.0.113.3", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "localhost"}
    start_page = client.get("/en/prepare/", headers=public).get_data(as_text=True)
    # Over HTTPS Flask-WTF also checks the Referer, which browsers send to the same origin.
    secure_post = {**public, "Referer": "https://localhost/en/prepare/"}
    started = client.post("/en/prepare/start", data={"csrf_token": csrf_token(start_page)}, headers=secure_post)
    assert started.status_code == 302
    page = client.get("/en/prepare/continue-elsewhere", headers=public).get_data(as_text=True)
    assert "https://localhost/en/prepare/open?t=" in page
