"""The results page: POST only, no-store, help first, the parent's area, nothing logged."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from parent_guide import create_app
from tests.conftest import english_only_content, translations_without
from tests.pages import check_page

SECRET = "he hits me and will they take my kids zebra-7781"


def ask(client: FlaskClient, question: str, lang: str = "en") -> BeautifulSoup:
    """POST a question and return the checked results page."""
    response = client.post(f"/{lang}/ask", data={"question": question})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    return check_page(response.get_data(as_text=True), lang=lang)


def test_every_page_has_a_labelled_search_box_that_posts(client: FlaskClient) -> None:
    """Verify the box sits in a search landmark, is labelled, and uses POST with autocomplete off."""
    soup = check_page(client.get("/en/guide/").get_data(as_text=True))
    box = soup.select_one('[role="search"]')
    assert box is not None and box.get("aria-label")
    form = box if box.name == "form" else box.find("form")
    assert form["method"] == "post" and form["action"] == "/en/ask"
    field = form.select_one("input[name=question]")
    assert soup.select_one(f'label[for="{field["id"]}"]') is not None
    assert field["autocomplete"] == "off"


def test_answers_link_to_their_steps_and_keep_the_question(client: FlaskClient) -> None:
    """Verify up to three answers, each linking to its guide step, and the question kept in the box."""
    soup = ask(client, "can my mum come with me")
    links = [a["href"] for a in soup.select("main a") if a.get_text().startswith("Read more")]
    assert 1 <= len(links) <= 3
    assert links[0] == "/en/guide/bringing-someone"
    assert soup.select_one("textarea#ask-question").get_text() == "can my mum come with me"
    assert "Other questions people ask" in soup.get_text()


def test_the_question_is_not_in_the_title(client: FlaskClient) -> None:
    """Verify the tab title never repeats what the parent typed."""
    soup = ask(client, SECRET)
    assert "zebra" not in soup.title.get_text()
    assert soup.title.get_text().startswith("Answers to your question")


def test_get_never_searches(client: FlaskClient) -> None:
    """Verify a question in the URL is ignored: asking works by POST only."""
    response = client.get("/en/ask?question=will+they+take+my+kids")
    assert response.status_code == 200
    soup = check_page(response.get_data(as_text=True))
    assert soup.select_one("textarea#ask-question").get_text() == ""
    assert "Read more" not in soup.get_text()
    assert client.put("/en/ask", data={"question": "x"}).status_code == 405


def test_no_good_match_offers_other_help(client: FlaskClient) -> None:
    """Verify an off-topic question gets a kind "no good answer" with the contents, glossary, FRG and social worker."""
    soup = ask(client, "how do i make pancakes")
    main = soup.select_one("main")
    assert "could not find a good answer" in main.get_text()
    hrefs = {a["href"] for a in main.select("a")}
    assert {"/en/guide/", "/en/glossary"} <= hrefs
    assert "0808 801 0366" in main.get_text()
    assert "ask your social worker" in main.get_text()
    assert "Read more" not in main.get_text()


def test_danger_shows_999_and_the_helpline_before_any_answer(client: FlaskClient) -> None:
    """Verify abuse shows 999 and the National Domestic Abuse Helpline above the answers."""
    soup = ask(client, "he hits me and i am scared the social will take my kids")
    text = soup.select_one("main").get_text(" ")
    assert "999" in text and "0808 2000 247" in text
    assert text.index("0808 2000 247") < text.index("Your question")
    assert "Live Fear Free" not in text


def test_abuse_help_in_wales_is_live_fear_free(client: FlaskClient) -> None:
    """Verify a parent whose area is in Wales is offered Live Fear Free."""
    client.get("/en/guide/?area=wales")
    soup = ask(client, "my husband beats me")
    text = soup.select_one("main").get_text(" ")
    assert "Live Fear Free" in text and "0808 80 10 800" in text
    assert "National Domestic Abuse Helpline" not in text


def test_self_harm_shows_samaritans(client: FlaskClient) -> None:
    """Verify thoughts of suicide show Samaritans with 999."""
    text = ask(client, "i want to end it all").select_one("main").get_text(" ")
    assert "Samaritans" in text and "116 123" in text and "999" in text


def test_a_child_in_danger_shows_the_areas_out_of_hours_number(client: FlaskClient) -> None:
    """Verify a child in danger now shows the area's out-of-hours line when its pack has one, else the police."""
    text = ask(client, "my partner is hurting my son right now").select_one("main").get_text(" ")
    assert "999" in text and "police" in text
    client.get("/en/guide/?area=kent")
    text = ask(client, "my partner is hurting my son right now").select_one("main").get_text(" ")
    assert "03000 411111" in text


def test_answers_use_the_areas_own_timescale_only_when_its_pack_sets_it(client: FlaskClient) -> None:
    """Verify the minutes answer names Bexley's 15 working days, and never makes another area's promise."""
    text = ask(client, "when do i get the minutes").select_one("main").get_text(" ")
    assert "Areas differ on when the minutes come" in text and "Bexley" not in text
    client.get("/en/guide/?area=bexley")
    text = ask(client, "when do i get the minutes").select_one("main").get_text(" ")
    assert "In Bexley, the minutes should reach you within 15 working days" in text
    client.get("/en/guide/?area=kent")
    text = ask(client, "when do i get the minutes").select_one("main").get_text(" ")
    assert "In Kent" not in text and "Areas differ on when the minutes come" in text
    client.get("/en/guide/?area=wales")
    text = ask(client, "when do i get the minutes").select_one("main").get_text(" ")
    assert "In Wales, a short summary of the decisions should reach you within 5 working days" in text


def test_national_rules_are_worded_as_the_countrys(client: FlaskClient) -> None:
    """Verify a national timescale is worded "In England", even with a council's area chosen."""
    client.get("/en/guide/?area=kent")
    text = ask(client, "what is a core group").select_one("main").get_text(" ")
    assert "In England, the first core group meets within 10 working days" in text


def test_an_empty_or_long_question_gets_a_clear_message_and_keeps_the_text(client: FlaskClient) -> None:
    """Verify bad input is a 400 with a message, never a 500, and the text comes back."""
    response = client.post("/en/ask", data={"question": "   "})
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True))
    assert soup.title.get_text().startswith("Error:")
    long = "please help " * 100
    response = client.post("/en/ask", data={"question": long})
    assert response.status_code == 400
    assert BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("textarea").get_text() == long


def test_the_question_is_never_logged(app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    """Verify no log record, at any level, holds the words of the question."""
    caplog.set_level(logging.DEBUG)
    ask(client, SECRET)
    client.post("/en/ask", data={"question": SECRET * 50})
    assert "zebra" not in caplog.text
    assert all("zebra" not in str(r.args) for r in caplog.records)


def test_the_question_leaves_no_trace_in_cookies(client: FlaskClient) -> None:
    """Verify asking sets no cookie that could hold the question."""
    response = client.post("/en/ask", data={"question": SECRET})
    assert "zebra" not in str(response.headers)
    assert not response.headers.getlist("Set-Cookie")


def test_asking_needs_no_csrf_token(client: FlaskClient) -> None:
    """Verify the question box works with CSRF protection on, as it changes nothing."""
    assert client.application.config.get("WTF_CSRF_ENABLED", True)
    assert client.post("/en/ask", data={"question": "who will be there"}).status_code == 200


def test_entry_page_shows_one_answer_and_its_topic(client: FlaskClient) -> None:
    """Verify each vetted question has its own page with others on the same topic."""
    response = client.get("/en/ask/will-they-take-my-kids")
    soup = check_page(response.get_data(as_text=True))
    assert soup.h1.get_text(strip=True) == "Will they take my children away?"
    assert soup.select_one('a[href="/en/guide/what-it-can-decide"]') is not None
    assert client.get("/en/ask/no-such-question").status_code == 404


def test_changing_language_keeps_the_question_out_of_the_url(tmp_path: Path) -> None:
    """Verify the language buttons resend the question by POST (307) to the other language's page."""
    content = tmp_path / "content"
    english_only_content(content)
    (content / "pl" / "questions").mkdir(parents=True)
    shutil.copy(content / "en" / "ask.toml", content / "pl" / "ask.toml")
    english = (content / "en" / "questions" / "will-they-take-my-kids.md").read_text(encoding="utf-8")
    polish = english.replace("title: Will they take my children away?", "title: Czy zabiorą mi dzieci?")
    (content / "pl" / "questions" / "will-they-take-my-kids.md").write_text(polish, encoding="utf-8")
    app = create_app(
        {"TESTING": True, "DATABASE_URL": "sqlite://", "CONTENT_DIR": content, "TRANSLATIONS_DIR": translations_without(tmp_path, "pl")}
    )
    client = app.test_client()
    soup = ask(client, "will they take my kids")
    button = soup.select_one('button[name="switch_to"][value="pl"]')
    assert button is not None and button["form"] == "ask-form"
    response = client.post("/en/ask", data={"question": "will they take my kids", "switch_to": "pl"})
    assert response.status_code == 307 and response.headers["Location"] == "/pl/ask"
    polish_page = ask(client, "will they take my kids", lang="pl")
    assert polish_page.select_one("main h2").get_text(strip=True) == "Czy zabiorą mi dzieci?"


def test_out_of_hours_line_is_found_whatever_the_label_says(app: Flask) -> None:
    """Verify a translated contact label (no English words left) still gives the area's out-of-hours number."""
    import dataclasses

    from parent_guide.ask.local_facts import out_of_hours

    kent = app.extensions["parent_guide.areas"]["kent"]
    relabelled = dataclasses.replace(kent, contacts=tuple(dataclasses.replace(c, label="Zespół dyżurny") for c in kent.contacts))
    with app.app_context():
        found = out_of_hours(relabelled)
    assert found is not None and found.phone == "03000 411111" and found.label == "Zespół dyżurny"
