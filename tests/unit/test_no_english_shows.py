"""No English shows through on a page in another language.

Every page a parent can reach in each non-English locale is crawled with the
test client, from the start page and the question box, through the guide, the
tailoring questions, the form (started, each section, errors shown), check
answers and the exports. Its visible text and its accessible names are then
searched for two lists of English, derived rather than written by hand:

- every interface phrase in ``translations/messages.pot`` (each literal piece
  of two or more words between placeholders), unless the locale's own
  translation keeps it (a proper name such as "Family Rights Group");
- every sentence of six words or more in the English content (guide steps,
  pages, form sections, glossary, "Ask a question" answers).

Parts marked with another language (``lang="en"``: the language switcher's
"English", the English headings given beside the translated ones for the
chair) are not the page's language and are left out.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from parent_guide.config import PROJECT_ROOT
from parent_guide.content import discover_locales
from parent_guide.tailor.questions import asked

CONTENT = PROJECT_ROOT / "content"
TRANSLATIONS = PROJECT_ROOT / "translations"
NON_ENGLISH = [code for code in discover_locales(CONTENT) if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%\{\w+\}|%[sd]|<[^>]*>|\{\w+\}")
SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
# Addresses a crawl must not follow: leaving ends the session, files are not pages.
NOT_PAGES = re.compile(r"/leave\b|\.(pdf|docx|ics|txt|png|svg|css|js)$|/static/|/session/")
# Forms a crawl must not send: leaving, deleting the draft, changing language.
NOT_SENT = re.compile(r"/leave\b|/delete\b|/language\b|/session/")
MAX_PAGES = 400


def _words(text: str) -> str:
    return " ".join(text.split())


@cache
def english_phrases() -> tuple[str, ...]:
    """Each literal piece of two or more words in the interface's English messages."""
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        catalogue = read_po(handle)
    phrases = set()
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for text in ids:
            for piece in PLACEHOLDER.split(text or ""):
                piece = _words(piece).strip(" .,:;()")
                if len(piece.split()) >= 2 and len(piece) >= 10 and re.search(r"[a-z]", piece):
                    phrases.add(piece)
    return tuple(sorted(phrases))


@cache
def kept_in(locale: str) -> str:
    """Everything the locale's catalogue says, so a phrase its translation keeps (a name) is allowed."""
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.mo").open("rb") as handle:
        catalogue = read_mo(handle)
    texts = []
    for message in catalogue:
        strings = (message.string,) if isinstance(message.string, str) else message.string
        texts.extend(s for s in strings if s)
    return _words(" ".join(texts))


def _plain(markdown: str) -> str:
    text = re.sub(r"^---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`#>|]|^\s*([-+]|\d+\.)\s", " ", text, flags=re.M)


def _sentences(text: str) -> Iterator[str]:
    for sentence in SENTENCE_END.split(_words(text)):
        if len(sentence.split()) >= 6:
            yield sentence


@cache
def english_sentences() -> frozenset[str]:
    """Every sentence of six words or more in the English content."""
    found: set[str] = set()
    for path in (CONTENT / "en").rglob("*.md"):
        body = _plain(path.read_text("utf-8"))
        if path.parent.name == "questions":
            body = body.split("---", 2)[-1]  # the answer, not the English phrasings
        found.update(_sentences(body))
    return frozenset(found)


def visible_text(html: str, locale: str) -> str:
    """What a parent sees or hears on the page: text and accessible names, without parts in another language."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["script", "style", "template"]):
        tag.decompose()
    for tag in soup.find_all(attrs={"lang": True}):
        if tag.name != "html" and tag.get("lang") != locale:
            tag.decompose()
    names = [
        value if isinstance(value, str) else " ".join(value)
        for tag in soup.find_all(True)
        for attribute in ("aria-label", "title", "alt", "placeholder")
        if (value := tag.get(attribute))
    ]
    description = soup.find("meta", attrs={"name": "description"})
    if description:
        names.append(description.get("content", ""))
    return _words(" ".join([soup.get_text(" "), *names]))


def _links(html: str, locale: str) -> Iterator[str]:
    for tag in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        path = urldefrag(tag["href"])[0]
        if path.startswith(f"/{locale}/") and not NOT_PAGES.search(urlsplit(path).path):
            yield path


def _forms(html: str, locale: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Each POST form on the page, sent empty apart from its hidden fields (a CSRF token)."""
    for form in BeautifulSoup(html, "html.parser").find_all("form", method=re.compile("post", re.I)):
        action = form.get("action", "")
        if action.startswith(f"/{locale}/") and not NOT_SENT.search(action):
            hidden = {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden") if i.get("name")}
            yield action, hidden


def crawl(client: FlaskClient, app: Flask, locale: str) -> dict[str, str]:
    """Every page reachable in ``locale``, each form sent once empty, and three questions asked."""
    pages: dict[str, str] = {}
    questions = [f"/{locale}/your-guide/questions/{q.slug}" for q in asked(False)]
    queue = deque([f"/{locale}/", f"/{locale}/prepare/", f"/{locale}/ask", f"/{locale}/no-such-page", *questions])
    sent: set[str] = set()
    entries = app.extensions["parent_guide.ask"].locales[locale].entries
    for name, question in (("answered", next(iter(entries.values())).phrasings[0]), ("danger", "he hits me"), ("no match", "zzqx plorb")):
        pages[f"ask: {name}"] = client.post(f"/{locale}/ask", data={"question": question}).get_data(as_text=True)
    while queue and len(pages) < MAX_PAGES:
        path = queue.popleft()
        if path in pages:
            continue
        response = client.get(path)
        if not response.mimetype == "text/html":
            continue
        html = response.get_data(as_text=True)
        pages[path] = html
        queue.extend(link for link in _links(html, locale) if link not in pages)
        for action, fields in _forms(html, locale):
            if action in sent:
                continue
            sent.add(action)
            result = client.post(action, data=fields, follow_redirects=True)
            if result.mimetype == "text/html":
                pages[f"sent empty: {action}"] = result.get_data(as_text=True)
                queue.extend(link for link in _links(pages[f"sent empty: {action}"], locale) if link not in pages)
    return pages


@pytest.mark.parametrize("locale", NON_ENGLISH)
def test_no_english_on_any_page(app: Flask, locale: str) -> None:
    """Verify no English interface phrase or content sentence shows on any page of the locale."""
    client = app.test_client()
    pages = crawl(client, app, locale)
    assert len(pages) > 60, f"the crawl reached only {len(pages)} pages"
    assert {f"/{locale}/prepare/check", f"/{locale}/prepare/print", f"/{locale}/your-guide/"} <= set(pages)
    kept = kept_in(locale)
    phrases = [p for p in english_phrases() if p not in kept]
    sentences = english_sentences()
    found: dict[str, set[str]] = {}
    for path, html in pages.items():
        text = visible_text(html, locale)
        hits = {p for p in phrases if p in text} | {s for s in _sentences(text) if s in sentences}
        if hits:
            found[path] = hits
    assert not found, "\n".join(f"{path}: {sorted(hits)[:8]}" for path, hits in sorted(found.items()))


def test_the_check_finds_english() -> None:
    """Verify the lists hold what they should, and that English on a Welsh page would be found."""
    assert "Leave this site" in english_phrases()
    assert any("conference" in s for s in english_sentences())
    page = '<html lang="cy"><body><p>Gadael y safle</p><p>Leave this site</p><a lang="en">English</a></body></html>'
    text = visible_text(page, "cy")
    assert "Leave this site" in text and "English" not in text
