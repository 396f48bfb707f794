"""Each paragraph of the parent's words laid out and tagged by its own letters, in both documents.

Arabic, Urdu, Polish and mixed text, written in an English document and in an
Arabic one: right-to-left paragraphs are right-aligned, the tagged text a
screen reader follows is in logical order, each part carries its language.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn
from flask import Flask


from parent_guide.export.pdf import render_pdf
from parent_guide.export.word import render_docx, word_language
from parent_guide.text_direction import script_language
from tests.unit.export import sample
from tests.unit.prepare.test_views import post_section, start_draft

ARABIC = "نقرأ معا كل مساء لمدة 25 دقيقة، ثم تنام ابنتي في الساعة 8:30."
URDU = "ہم ہر شام 25 منٹ مل کر پڑھتے ہیں، پھر وہ 8:30 بجے سو جاتی ہے۔"
POLISH = "Czytamy razem 25 minut każdego wieczoru, a o 8:30 córka idzie spać."
MIXED = "قال لي Ms Khan إن الاجتماع يوم 12/03/2027 في الساعة 10:30 في غرفة B2."
PARAGRAPHS = {"ar": ARABIC, "ur": URDU, "pl": POLISH, "mixed": MIXED}
TEXT = "\n\n".join(PARAGRAPHS.values())

# A4 with 20 mm margins and the body's default 8px (6pt) margin, in points:
# where a line starts and ends.
LEFT_EDGE = 20 / 25.4 * 72 + 6
RIGHT_EDGE = 210 / 25.4 * 72 - LEFT_EDGE
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@dataclass(frozen=True)
class Line:
    """One line of text as pdftotext -bbox places it on the page."""

    top: float
    left: float
    right: float
    words: str


def page_lines(data: bytes) -> list[Line]:
    """The first page's lines, from pdftotext -bbox (words grouped by their top edge)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", "-", "-"], input=data, capture_output=True, check=True)
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out.stdout.decode())
    lines: dict[int, list[tuple[float, float, str]]] = {}
    for x_min, y_min, x_max, word in words:
        lines.setdefault(round(float(y_min) / 4), []).append((float(x_min), float(x_max), html.unescape(word)))
    return [
        Line(key * 4.0, min(w[0] for w in ws), max(w[1] for w in ws), " ".join(w[2] for w in ws))
        for key, ws in sorted(lines.items())
    ]


def tagged_paragraphs(data: bytes) -> Iterator[tuple[str | None, str]]:
    """Each P structure element's Lang and its text as a screen reader gets it.

    The text of a line is its ActualText when it has one (right-to-left lines),
    so this is the logical order the tags give, not the order glyphs are drawn.
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        yield from _paragraphs(pdf.Root.StructTreeRoot)


def _paragraphs(node: object) -> Iterator[tuple[str | None, str]]:
    if not isinstance(node, pikepdf.Dictionary):
        return
    kids = node.get("/K")
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    if node.get("/S") == "/P":
        lang = str(node.Lang) if "/Lang" in node else None
        lines = [str(kid.ActualText) for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/ActualText" in kid]
        yield lang, " ".join(" ".join(lines).split())
        return
    for kid in kids:
        yield from _paragraphs(kid)


def has_arabic_script(text: str) -> bool:
    """Whether ``text`` holds a letter of the Arabic block."""
    return any("\u0600" <= char <= "\u06ff" for char in text)


@pytest.fixture(scope="module", params=["en", "ar"])
def site_lang(request: pytest.FixtureRequest) -> str:
    """The site's language when the parent wrote: English, then Arabic."""
    return request.param


@pytest.fixture(scope="module")
def pdf(site_lang: str) -> bytes:
    """The four paragraphs rendered once per site language."""
    return render_pdf(sample(site_lang, TEXT))


def test_right_to_left_paragraphs_are_tagged_in_logical_order(pdf: bytes, site_lang: str) -> None:
    """Verify the tags give the Arabic, Urdu and mixed text exactly as typed, with ur/ar Lang where not the document's."""
    tagged = dict((text, lang) for lang, text in tagged_paragraphs(pdf))
    for key in ("ar", "ur", "mixed"):
        assert PARAGRAPHS[key] in tagged, f"{key} not in logical order: {list(tagged)}"
    expected = {"ar": None if site_lang == "ar" else "ar", "ur": "ur", "mixed": None if site_lang == "ar" else "ar"}
    for key, lang in expected.items():
        assert tagged[PARAGRAPHS[key]] == lang


def test_latin_paragraph_keeps_the_document_language(pdf: bytes) -> None:
    """Verify Polish text is given no Lang of its own in either document: it is not guessed."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        langs = [lang for lang, _ in _paragraphs(document.Root.StructTreeRoot)]
    assert "pl" not in langs


def test_pdftotext_reads_every_word(pdf: bytes) -> None:
    """Verify a PDF reader's text layer holds the Polish paragraph as typed and every Arabic word.

    pdftotext orders a right-to-left line's runs by its own guess at the page's
    direction, so its order is not checked here: the tags above are what a
    screen reader follows.
    """
    extracted = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    extracted = extracted.translate(BIDI_CONTROLS)
    assert POLISH in " ".join(extracted.split())
    for word in ARABIC.split():
        assert word.strip("،.") in extracted


def test_arabic_lines_are_right_aligned_and_latin_left(pdf: bytes) -> None:
    """Verify Arabic answer lines end at the right margin and the Polish line starts at the left.

    Nastaliq draws Urdu letters at several heights, which pdftotext reports as
    scattered one-letter lines, so the Urdu paragraph is checked by its
    rightmost letter and the Naskh lines line by line.
    """
    lines = page_lines(pdf)
    polish = next(line for line in lines if line.words.startswith("Czytamy"))
    assert abs(polish.left - LEFT_EDGE) < 2
    arabic_script = [line for line in lines if polish.top - 200 < line.top < polish.top and has_arabic_script(line.words)]
    naskh = [line for line in arabic_script if " " in line.words and not script_language(line.words) == "ur"]
    assert naskh, lines
    for line in naskh:
        assert abs(line.right - RIGHT_EDGE) < 2, line
        assert line.left > LEFT_EDGE + 20, line
    assert abs(max(line.right for line in arabic_script) - RIGHT_EDGE) < 2


def test_word_marks_right_to_left_paragraphs(site_lang: str) -> None:
    """Verify w:bidi on Arabic-script paragraphs, w:rtl and w:lang w:bidi on their runs, none on Polish."""
    document = docx.Document(io.BytesIO(render_docx(sample(site_lang, TEXT))))
    by_text = {p.text: p for p in document.paragraphs}
    for key, bidi_lang in (("ar", word_language("ar")), ("ur", word_language("ur")), ("mixed", word_language("ar"))):
        paragraph = by_text[PARAGRAPHS[key]]
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None
        run = paragraph.runs[0]._r
        assert run.rPr.find(qn("w:rtl")) is not None
        assert run.rPr.find(qn("w:lang")).get(qn("w:bidi")) == bidi_lang
    polish = by_text[POLISH]
    assert polish._p.pPr is None or polish._p.pPr.find(qn("w:bidi")) is None
    assert polish.runs[0]._r.rPr is None or polish.runs[0]._r.rPr.find(qn("w:rtl")) is None


@pytest.fixture(scope="module")
def two_site_app(app: Flask) -> Flask:
    """The site itself, with English and its Arabic translation."""
    return app


@pytest.mark.parametrize("site", ["en", "ar"])
def test_downloads_lay_out_each_paragraph_by_its_letters(two_site_app: Flask, site: str) -> None:
    """Verify the real downloads, written in the English and the Arabic site, tag and mark each paragraph."""
    client = two_site_app.test_client()
    start_draft(client)
    post_section(client, f"/{site}/prepare/working-well", answer=TEXT, action="continue")
    data = client.get(f"/{site}/prepare/document.pdf").data
    with pikepdf.open(io.BytesIO(data)) as document:
        assert str(document.Root.Lang) == site
    tagged = dict((text, lang) for lang, text in tagged_paragraphs(data))
    assert tagged[URDU] == "ur"
    assert tagged[ARABIC] == (None if site == "ar" else "ar")
    word = docx.Document(io.BytesIO(client.get(f"/{site}/prepare/document.docx").data))
    arabic = next(p for p in word.paragraphs if p.text == ARABIC)
    assert arabic._p.pPr.find(qn("w:bidi")) is not None
    polish = next(p for p in word.paragraphs if p.text == POLISH)
    assert polish._p.pPr is None or polish._p.pPr.find(qn("w:bidi")) is None
    check = client.get(f"/{site}/prepare/check").get_data(as_text=True)
    assert f'dir="rtl" lang="ur">{URDU}</p>' in check
    assert f'dir="ltr">{POLISH}</p>' in check
