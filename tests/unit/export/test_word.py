"""The Word file: heading styles, language, right-to-left text, and the parent's words kept literal."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from parent_guide.export.document import with_english
from parent_guide.prepare.text import paragraphs
from parent_guide.export.word import render_docx, word_language
from tests.unit.export import sample

ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")

# Text that would mean something to Word, a browser, a spreadsheet or a
# Markdown reader, and invisible characters that must survive.
LITERAL = (
    "{ PAGE } { MERGEFIELD name }\n"
    "<script>alert(1)</script> &amp; **bold** _it_\n"
    "=cmd|' /C calc'!A0\n"
    "\u202eoverride zero\u200bwidth emoji 🙂👍🏽\n"
    "\ttabbed  two spaces  \n"
    "\n"
    "  second paragraph, indented"
)


def open_docx(data: bytes) -> WordDocument:
    """Open rendered bytes with python-docx."""
    return docx.Document(io.BytesIO(data))


def answer_paragraphs(document: WordDocument) -> list[Paragraph]:
    """Body paragraphs that hold the parent's words (Normal style, after the facts)."""
    normal = [p for p in document.paragraphs if p.style.name == "Normal"]
    return [p for p in normal if not any(run.bold for run in p.runs)]


@pytest.mark.parametrize("lang", ["en", "pl", "ar", "ur"])
def test_headings_use_built_in_styles_in_order(lang: str) -> None:
    """Verify the title is Heading 1, sections Heading 2 and questions Heading 3, in order."""
    document = open_docx(render_docx(sample(lang)))
    styles = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert styles == ["Heading 1", "Heading 2", "Heading 2", "Heading 3", "Heading 3"]
    title = sample(lang).title
    assert document.paragraphs[1 if lang != "en" else 0].text == (
        title.text if title.english is None else f"{title.text}\n{title.english}"
    )


def test_text_is_kept_exactly() -> None:
    """Verify field codes, markup, formulas, controls, tabs and newlines come out as typed."""
    document = open_docx(render_docx(sample("en", LITERAL)))
    written = [p.text for p in answer_paragraphs(document)]
    assert written[: len(paragraphs(LITERAL))] == paragraphs(LITERAL)


def test_field_code_text_is_a_plain_run() -> None:
    """Verify "{ PAGE }" typed by the parent is text, not a field."""
    document = open_docx(render_docx(sample("en", LITERAL)))
    paragraph = next(p for p in document.paragraphs if "{ PAGE }" in p.text)
    for tag in ("w:fldSimple", "w:instrText", "w:fldChar"):
        assert paragraph._p.find(".//" + qn(tag)) is None
    assert document.element.body.find(".//" + qn("w:fldSimple")) is None


def test_newlines_and_tabs_are_breaks_and_tabs() -> None:
    """Verify a single newline is a w:br and a tab a w:tab inside the same paragraph."""
    document = open_docx(render_docx(sample("en", "one\ttwo\nthree")))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("one"))
    assert len(paragraph._p.findall(".//" + qn("w:br"))) == 1
    assert len(paragraph._p.findall(".//" + qn("w:tab"))) == 1


def test_characters_xml_cannot_hold_are_removed() -> None:
    """Verify control characters, U+FFFE/U+FFFF and lone surrogates are dropped, not fatal."""
    text = "a\x00b\x01c\x0bd\x0ce\x1ff\ufffeg\uffffh\ud800i\r\nj"
    document = open_docx(render_docx(sample("en", text)))
    assert "abcdefghi\nj" in [p.text for p in document.paragraphs]


@pytest.mark.parametrize(("lang", "attribute"), [("en", "w:val"), ("pl", "w:val"), ("ar", "w:bidi"), ("ur", "w:bidi")])
def test_language_is_set_in_style_defaults(lang: str, attribute: str) -> None:
    """Verify styles.xml docDefaults carry the document language (w:bidi for RTL languages)."""
    document = open_docx(render_docx(sample(lang)))
    lang_element = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang_element.get(qn(attribute)) == word_language(lang)
    assert word_language(lang).startswith(lang)


def test_word_language_has_a_region() -> None:
    """Verify tags get the region Word expects, and English is British."""
    assert word_language("en") == "en-GB"
    assert word_language("cy") == "cy-GB"
    assert word_language("pl") == "pl-PL"
    assert word_language("ur") == "ur-PK"
    assert word_language("pt-BR") == "pt-BR"


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_rtl_paragraphs_and_runs(lang: str) -> None:
    """Verify every paragraph with Arabic script is bidi, its Arabic runs rtl, and English runs not."""
    document = open_docx(render_docx(sample(lang)))
    footer = document.sections[0].footer.paragraphs
    checked = 0
    for paragraph in [*document.paragraphs, *footer]:
        if not ARABIC_SCRIPT.search(paragraph.text):
            continue
        checked += 1
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
        for run in paragraph.runs:
            if ARABIC_SCRIPT.search(run.text):
                assert run.font.rtl is True, run.text
            if run.text in ("What is working well", "Confidential"):
                assert run.font.rtl is None
                assert run._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert checked >= 8


def test_english_note_stays_left_to_right() -> None:
    """Verify the English language note in an Arabic document is a plain LTR paragraph in en-GB."""
    document = open_docx(render_docx(sample("ar")))
    note = document.paragraphs[0]
    assert note.text.startswith("These views are written in Arabic")
    assert note._p.pPr is None or note._p.pPr.find(qn("w:bidi")) is None
    assert note.runs[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_core_properties(lang: str) -> None:
    """Verify title, author and language are set and nothing from python-docx's template remains."""
    doc = sample(lang)
    properties = open_docx(render_docx(doc)).core_properties
    assert properties.title == with_english(doc.title)
    assert properties.author == properties.last_modified_by == "Parent or carer"
    assert properties.language == word_language(lang)
    assert "python-docx" not in properties.comments


def test_footer_has_marking_date_and_page_field() -> None:
    """Verify the footer says Confidential, Prepared on, and "Page N of M" in both languages with fields."""
    footer = open_docx(render_docx(sample("pl"))).sections[0].footer.paragraphs[0]
    assert "Poufne / Confidential" in footer.text
    assert "Przygotowano / Prepared on: 22 listopada 2026" in footer.text
    instructions = [field.get(qn("w:instr")) for field in footer._p.findall(qn("w:fldSimple"))]
    assert instructions == [" PAGE ", " NUMPAGES ", " PAGE ", " NUMPAGES "]
    assert "Strona  z  / Page  of " in footer.text


def test_rtl_footer_keeps_the_english_page_number_in_order() -> None:
    """Verify a right-to-left footer ends its English "Page N of M" with a left-to-right mark."""
    footer = open_docx(render_docx(sample("ar"))).sections[0].footer.paragraphs[0]
    assert footer.text.endswith("Page  of \u200e")
    assert not open_docx(render_docx(sample("pl"))).sections[0].footer.paragraphs[0].text.endswith("\u200e")
