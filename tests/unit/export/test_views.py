"""The document routes through the test client: real drafts, real renderers, CSRF on."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date

import docx
import pikepdf
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from docx.document import Document as WordDocument
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from parent_guide.config import PROJECT_ROOT
from parent_guide.extensions import db
from tests.conftest import csrf_token, make_app
from tests.pages import check_page
from tests.unit.prepare.test_views import post_section, start_draft

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TITLE = "My views for the child protection conference"
NAMES = "/en/prepare/document"
HOSTILE = "<script>alert(1)</script>"
WORKING_WELL = f"We read together every night.\nShe loves school.\n\n{HOSTILE} stays as typed."
PROFILE = {"area": "kent", "kind": "review", "conference_date": "2026-12-03"}

# A little Polish, enough to see both languages side by side: the title and a
# practical-needs question and answer (gettext), and one section's title (content).
POLISH_WORDS = {
    TITLE: "Moje poglądy na konferencję w sprawie ochrony dziecka",
    "Do you plan to go to the conference?": "Czy planujesz pójść na konferencję?",
    "Yes": "Tak",
    "Conference date": "Data konferencji",
}
POLISH_SECTION = """---
title: Co działa dobrze
order: 1
question: Co działa dobrze dla Twojego dziecka i rodziny?
hints:
  - Co Twoja rodzina robi dobrze razem?
example: Czytamy razem co wieczór.
---
Konferencja patrzy także na to, co idzie dobrze.
"""


def pdf_text(data: bytes) -> str:
    """The PDF's text as poppler's pdftotext extracts it, whitespace collapsed."""
    extracted = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return " ".join(extracted.split())


def open_docx(data: bytes) -> WordDocument:
    """Open downloaded bytes with python-docx."""
    return docx.Document(io.BytesIO(data))


def headings(document: WordDocument) -> list[tuple[str, str]]:
    """Each heading paragraph's style and text, in order."""
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def save_names(client: FlaskClient, **names: str) -> object:
    """Fill in the names page as a parent would."""
    page = client.get(NAMES).get_data(as_text=True)
    version = re.search(r'name="version"[^>]*value="(\d+)"', page) or re.search(r'value="(\d+)"[^>]*name="version"', page)
    data = {"csrf_token": csrf_token(page), "version": version.group(1) if version else "0", **names}
    return client.post(NAMES, data=data)


def answer_two_sections(client: FlaskClient, lang: str = "en") -> None:
    """Start a draft, answer "What is working well" and "Practical needs", leave the rest."""
    start_draft(client)
    post_section(client, f"/{lang}/prepare/working-well", answer=WORKING_WELL, action="continue")
    post_section(client, f"/{lang}/prepare/practical-needs", attending="yes", supporter="My sister Ewa", action="continue")


def set_profile(client: FlaskClient, profile: dict[str, str]) -> None:
    """Give the browser tailoring answers, as the tailoring questions would."""
    with client.session_transaction() as session:
        session["profile"] = profile


@pytest.fixture()
def answered(client: FlaskClient) -> FlaskClient:
    """A parent who answered two sections, gave both names and told us about the conference."""
    answer_two_sections(client)
    assert save_names(client, parent_name="Joanna Nowak", children_names="Ola and Kuba").status_code == 302
    set_profile(client, PROFILE)
    return client


def break_database(app: Flask) -> None:
    """Drop the answers table: every later load or save fails inside the database."""
    with app.app_context():
        db.session.execute(text("DROP TABLE draft_sections"))
        db.session.commit()


@pytest.fixture(scope="module")
def polish_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The site with a Polish locale: one translated section and a few translated strings."""
    root = tmp_path_factory.mktemp("polish")
    content = root / "content"
    shutil.copytree(PROJECT_ROOT / "content" / "en", content / "en")
    shutil.copy(PROJECT_ROOT / "content" / "tailoring.toml", content / "tailoring.toml")
    (content / "pl" / "prepare").mkdir(parents=True)
    (content / "pl" / "prepare" / "01-working-well.md").write_text(POLISH_SECTION, encoding="utf-8")
    catalogue = Catalog(locale="pl")
    for english, polish in POLISH_WORDS.items():
        catalogue.add(english, polish)
    messages = root / "translations" / "pl" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with (messages / "messages.mo").open("wb") as handle:
        write_mo(handle, catalogue)
    application = make_app(f"sqlite:///{root / 'drafts.sqlite3'}", CONTENT_DIR=content, TRANSLATIONS_DIR=root / "translations")
    yield application
    with application.app_context():
        db.engine.dispose()


def test_pdf_has_answers_names_and_conference_facts(answered: FlaskClient) -> None:
    """Verify the PDF download: headers, tagged structure, language, title and every given fact."""
    response = answered.get("/en/prepare/document.pdf")
    assert response.status_code == 200
    assert response.mimetype == PDF
    assert response.headers["Content-Disposition"] == "attachment; filename=meeting-notes-2026-12-03.pdf"
    assert response.headers["Cache-Control"] == "no-store"
    with pikepdf.open(io.BytesIO(response.data)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "en"
        assert str(pdf.docinfo["/Title"]) == TITLE
    words = pdf_text(response.data)
    for expected in (
        TITLE, "Joanna Nowak", "Ola and Kuba", "3 December 2026", "Review child protection conference", "Kent",
        "What is working well", " ".join(WORKING_WELL.split()), "Practical needs",
        "Do you plan to go to the conference? Yes", "Who are you bringing as a supporter? My sister Ewa",
        "Confidential", "Page 1 of 1",
    ):
        assert expected in words
    for unanswered in ("the professionals' worries", "Next steps", "Do you need an interpreter?"):
        assert unanswered not in words


def test_word_has_heading_styles_answers_and_names(answered: FlaskClient) -> None:
    """Verify the Word download: headers, heading styles, paragraphs kept, names and facts."""
    response = answered.get("/en/prepare/document.docx")
    assert response.status_code == 200
    assert response.mimetype == DOCX
    assert response.headers["Content-Disposition"] == "attachment; filename=meeting-notes-2026-12-03.docx"
    assert response.headers["Cache-Control"] == "no-store"
    document = open_docx(response.data)
    assert headings(document) == [
        ("Heading 1", TITLE),
        ("Heading 2", "What is working well"),
        ("Heading 2", "Practical needs"),
        ("Heading 3", "Do you plan to go to the conference?"),
        ("Heading 3", "Who are you bringing as a supporter?"),
    ]
    written = [p.text for p in document.paragraphs]
    assert "We read together every night.\nShe loves school." in written
    assert f"{HOSTILE} stays as typed." in written
    assert "Yes" in written and "My sister Ewa" in written
    for fact in ("Parent or carer: Joanna Nowak", "Children: Ola and Kuba", "Conference date: 3 December 2026", "Area: Kent"):
        assert fact in written
    assert document.core_properties.title == TITLE


def test_file_names_never_hold_a_name(answered: FlaskClient) -> None:
    """Verify the file names use today's date without a conference date, and never the names."""
    set_profile(answered, {})
    today = date.today().isoformat()
    for extension in ("pdf", "docx"):
        disposition = answered.get(f"/en/prepare/document.{extension}").headers["Content-Disposition"]
        assert disposition == f"attachment; filename=meeting-notes-{today}.{extension}"
        assert "Joanna" not in disposition and "Nowak" not in disposition


def test_empty_draft_gives_the_title_and_facts_only(client: FlaskClient) -> None:
    """Verify a draft with no answers still downloads: the title and the known facts, no sections."""
    start_draft(client)
    set_profile(client, {"area": "kent"})
    words = pdf_text(client.get("/en/prepare/document.pdf").data)
    assert TITLE in words and "Kent" in words
    sections = client.application.extensions["parent_guide.content"]["en"].prepare
    assert not [s.title for s in sections if s.title in words]
    document = open_docx(client.get("/en/prepare/document.docx").data)
    assert headings(document) == [("Heading 1", TITLE)]


def test_print_page_shows_the_same_document(answered: FlaskClient) -> None:
    """Verify the print page passes the page checks, shows the answers and escapes the parent's markup."""
    response = answered.get("/en/prepare/print")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    soup = check_page(html)
    assert soup.h1.get_text(strip=True) == TITLE
    assert [h.get_text(" ", strip=True) for h in soup.select("main h2")] == ["What is working well", "Practical needs"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; stays as typed." in html
    assert not [s for s in soup.find_all("script") if "alert" in s.get_text()]
    main = " ".join(soup.main.get_text(" ").split())
    for expected in ("Joanna Nowak", "Ola and Kuba", "3 December 2026", "Kent", "My sister Ewa", "Confidential"):
        assert expected in main
    assert "the professionals' worries" not in main
    # On screen the page keeps the site's header and footer; print.css leaves them off paper.
    assert soup.select_one(".govuk-service-navigation") is not None
    assert soup.select_one(".govuk-footer") is not None
    assert soup.find(string=re.compile("Print option")).find_parent(class_="app-no-print")


def test_check_answers_offers_the_document(answered: FlaskClient) -> None:
    """Verify check answers links to the names page, both downloads and the print page."""
    soup = check_page(answered.get("/en/prepare/check").get_data(as_text=True))
    links = {a.get_text(strip=True): a["href"] for a in soup.select("main a")}
    assert links["Add names to your document (optional)"] == NAMES
    assert links["Download PDF"] == "/en/prepare/document.pdf"
    assert links["Download Word document"] == "/en/prepare/document.docx"
    assert links["Print"] == "/en/prepare/print"


@pytest.mark.parametrize("path", ["document.pdf", "document.docx", "print", "document"])
def test_no_draft_goes_to_the_task_list(client: FlaskClient, path: str) -> None:
    """Verify every document page sends a browser without a draft to the start of the form."""
    response = client.get(f"/en/prepare/{path}")
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/prepare/"


@pytest.mark.parametrize("path", ["document.pdf", "document.docx", "print", "document"])
def test_database_error_shows_the_unavailable_page(broken_app: Flask, path: str) -> None:
    """Verify a failing database gives the "cannot be opened" page with 503, not a stack trace."""
    client = broken_app.test_client()
    start_draft(client)
    break_database(broken_app)
    response = client.get(f"/en/prepare/{path}")
    assert response.status_code == 503
    soup = check_page(response.get_data(as_text=True))
    assert soup.h1.get_text(strip=True) == "Sorry, your answers cannot be opened right now"
    assert "draft_sections" not in response.get_data(as_text=True)


def test_polish_document_has_english_headings_and_a_language_note(polish_app: Flask) -> None:
    """Verify a Polish page gives headings in Polish and English, an English note, and the text untouched."""
    client = polish_app.test_client()
    answer_two_sections(client, lang="pl")
    set_profile(client, {"conference_date": "2026-12-03"})
    note = "These views are written in Polish. An interpreter or translation may be needed."

    response = client.get("/pl/prepare/document.pdf")
    assert response.headers["Content-Disposition"] == "attachment; filename=meeting-notes-2026-12-03.pdf"
    with pikepdf.open(io.BytesIO(response.data)) as pdf:
        assert str(pdf.Root.Lang) == "pl"
    words = pdf_text(response.data)
    for expected in (
        note, f"{POLISH_WORDS[TITLE]} {TITLE}", "Co działa dobrze What is working well",
        "Czy planujesz pójść na konferencję? Do you plan to go to the conference? Tak / Yes",
        "3 grudnia 2026 / 3 December 2026", " ".join(WORKING_WELL.split()),
    ):
        assert expected in words

    document = open_docx(client.get("/pl/prepare/document.docx").data)
    assert document.paragraphs[0].text == note
    assert headings(document)[:2] == [
        ("Heading 1", f"{POLISH_WORDS[TITLE]}\n{TITLE}"),
        ("Heading 2", "Co działa dobrze\nWhat is working well"),
    ]

    soup = check_page(client.get("/pl/prepare/print").get_data(as_text=True), lang="pl")
    assert soup.select_one('.govuk-inset-text[lang="en"]').get_text(strip=True) == note
    assert soup.h1.select_one('[lang="en"]').get_text(strip=True) == TITLE
    assert "We read together every night.\nShe loves school." in soup.main.get_text()
