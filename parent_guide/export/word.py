"""Render a :class:`ViewsDocument` as a Word file with python-docx.

Headings use Word's built-in heading styles so screen readers can move by
them. python-docx has no API for the document language or right-to-left
paragraphs, so those are written as WordprocessingML here.
"""

from __future__ import annotations

from collections.abc import Callable

from datetime import UTC, datetime
from io import BytesIO

from babel.core import get_global
from docx import Document
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from parent_guide.export.document import PAGE, PAGES, Heading, ViewsDocument, page_parts, with_english, xml_safe
from parent_guide.prepare.text import paragraphs
from parent_guide.text_direction import LTR, RTL, direction, script_language, text_part

_ENGLISH = "en-GB"
_TEXT = RGBColor(0x0B, 0x0C, 0x0C)
# A dark grey that still contrasts 7:1 with white.
_SECONDARY_TEXT = RGBColor(0x50, 0x5A, 0x5F)

# Point sizes: body text, the three heading levels, the English under each
# heading, and the footer.
_BODY_SIZE = 12
_HEADING_SIZES = {1: 20, 2: 16, 3: 13}
_ENGLISH_SIZES = {1: 15, 2: 12, 3: 11}
_FOOTER_SIZE = 9

# The paragraph properties that come after w:bidi in a w:pPr, in schema order.
_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)

# Word stores a core property in at most 255 characters.
_PROPERTY_LENGTH = 255


def render_docx(doc: ViewsDocument) -> bytes:
    """``doc`` as .docx bytes, in its language and direction."""
    document = Document()
    rtl = doc.direction == "rtl"
    language = word_language(doc.lang)
    _set_styles(document, language, rtl)
    _set_properties(document, doc, language)
    _set_page(document)

    if doc.language_note:
        _add_english(document.add_paragraph(), doc.language_note).font.bold = True
    _add_heading(document, doc.title, 1, rtl)
    for fact in doc.facts:
        _add_fact(document, fact.label, fact.value, rtl)
    for section in doc.sections:
        _add_heading(document, section.heading, 2, rtl)
        for answer in section.answers:
            if answer.label:
                _add_heading(document, answer.label, 3, rtl)
            for text in paragraphs(xml_safe(answer.text)):
                _add_written(document.add_paragraph(), text, doc)
    _add_footer(document, doc, rtl)

    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word_language(lang: str) -> str:
    """The language tag with a region, the form Word writes: ``pl`` gives ``pl-PL``.

    English is British English, as the document is for England and Wales.
    """
    if lang.split("-")[0].lower() == "en":
        return _ENGLISH
    if "-" in lang:
        return lang
    likely = get_global("likely_subtags").get(lang.lower())
    return f"{lang}-{likely.rsplit('_', 1)[-1]}" if likely else lang


def _set_styles(document: WordDocument, language: str, rtl: bool) -> None:
    """Set the document language, readable sizes and dark heading colours."""
    rpr_default = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    # Word spell-checks left-to-right runs in w:val and right-to-left ones in
    # w:bidi: in an Arabic document the Latin text is the English.
    lang.set(qn("w:val"), _ENGLISH if rtl else language)
    if rtl:
        lang.set(qn("w:bidi"), language)

    _set_size(document.styles["Normal"].element.get_or_add_rPr(), _BODY_SIZE)
    _set_size(document.styles["Footer"].element.get_or_add_rPr(), _FOOTER_SIZE)
    for level, size in _HEADING_SIZES.items():
        style = document.styles[f"Heading {level}"]
        style.font.color.rgb = _TEXT
        _set_size(style.element.get_or_add_rPr(), size)


def _set_page(document: WordDocument) -> None:
    """A4 with 2 cm margins, as the PDF: python-docx's template is US Letter."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(20)


def _set_properties(document: WordDocument, doc: ViewsDocument, language: str) -> None:
    """Title, author and language; nothing left from python-docx's template."""
    properties = document.core_properties
    properties.title = _property(with_english(doc.title))
    properties.author = properties.last_modified_by = _property(doc.author)
    properties.language = language
    properties.comments = ""
    properties.created = properties.modified = datetime.now(UTC)
    properties.revision = 1


def _property(text: str) -> str:
    """``text`` as a core property value."""
    return xml_safe(text)[:_PROPERTY_LENGTH]


def _set_size(rpr: OxmlElement, points: int) -> None:
    """Size Latin (w:sz) and complex-script (w:szCs) text alike."""
    half_points = str(points * 2)
    size = rpr.get_or_add_sz()
    size.set(qn("w:val"), half_points)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        size.addnext(size_cs)
    size_cs.set(qn("w:val"), half_points)


def _new_paragraph(container: WordDocument, rtl: bool, style: str | None = None) -> Paragraph:
    """A new paragraph, right-to-left when the document is."""
    paragraph = container.add_paragraph(style=style)
    if rtl:
        _make_rtl(paragraph)
    return paragraph


def _make_rtl(paragraph: Paragraph) -> None:
    """Give ``paragraph`` a right-to-left base direction.

    No w:jc is written: readers disagree on whether "right" in a bidi
    paragraph means the right-hand edge or the end, but a bidi paragraph's
    default alignment is its start, the right-hand edge, in Word and
    LibreOffice alike.
    """
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _add_text(paragraph: Paragraph, text: str, rtl: bool) -> Run:
    """Add text in the document's language, kept literally.

    python-docx writes tabs as w:tab and newlines as w:br; everything else is
    text in a w:t, never a field, so ``{ PAGE }`` stays those characters.
    """
    run = paragraph.add_run(xml_safe(text))
    if rtl:
        run.font.rtl = True
    return run


def _add_english(paragraph: Paragraph, text: str) -> Run:
    """Add English text: left-to-right, marked en-GB for spelling and speech."""
    run = paragraph.add_run(xml_safe(text))
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), _ENGLISH)
    run._r.get_or_add_rPr().append(lang)
    return run


def _add_heading(document: WordDocument, heading: Heading, level: int, rtl: bool) -> None:
    """A heading paragraph; the English, when given, on a smaller second line."""
    paragraph = _new_paragraph(document, rtl, style=f"Heading {level}")
    native = _add_text(paragraph, heading.text, rtl)
    if heading.english:
        native.add_break()
        english = _add_english(paragraph, heading.english)
        english.font.size = Pt(_ENGLISH_SIZES[level])
        english.font.bold = False
        english.font.color.rgb = _SECONDARY_TEXT


def _add_inline(paragraph: Paragraph, heading: Heading, rtl: bool) -> None:
    """``text / english`` in one line, each part in its own language."""
    _add_text(paragraph, heading.text, rtl)
    if heading.english:
        _add_text(paragraph, " / ", rtl)
        _add_english(paragraph, heading.english)


def _add_fact(document: WordDocument, label: Heading, value: str, rtl: bool) -> None:
    """A fact as one paragraph: the label in bold, then its value."""
    paragraph = _new_paragraph(document, rtl)
    _add_inline(paragraph, label, rtl)
    for run in paragraph.runs:
        # Word draws Arabic-script text with the complex-script bold (w:bCs).
        run.font.bold = run.font.cs_bold = True
    _add_text(paragraph, ": ", rtl)
    # The value may be names the parent typed, in any script.
    _mark_script(_add_text(paragraph, value, direction(value, _direction(rtl)) == RTL), value)


def _direction(rtl: bool) -> str:
    """``rtl`` or ``ltr`` from the renderer's flag."""
    return RTL if rtl else LTR


def _add_written(paragraph: Paragraph, text: str, doc: ViewsDocument) -> Run:
    """Add the parent's own words, in the direction and language their letters tell.

    A right-to-left paragraph gets w:bidi and its run w:rtl; an Arabic-script
    run gets w:lang w:bidi (ar-SA, ur-PK) for spelling and speech. Latin text
    keeps the document's language.
    """
    part = text_part(text, doc.lang, doc.direction)
    rtl = part.direction == RTL
    if rtl:
        _make_rtl(paragraph)
    return _mark_script(_add_text(paragraph, text, rtl), text)


def _mark_script(run: Run, text: str) -> Run:
    """Give an Arabic-script run its language in w:lang w:bidi (ar-SA or ur-PK)."""
    script = script_language(text)
    if script:
        lang = OxmlElement("w:lang")
        lang.set(qn("w:bidi"), word_language(script))
        run._r.get_or_add_rPr().append(lang)
    return run


def _add_field(paragraph: Paragraph, instruction: str) -> None:
    """A simple field, such as the page number, with a placeholder result."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _add_footer(document: WordDocument, doc: ViewsDocument, rtl: bool) -> None:
    """Confidential, the date prepared and the page number, on every page."""
    paragraph = document.sections[0].footer.paragraphs[0]
    if rtl:
        _make_rtl(paragraph)
    _add_inline(paragraph, doc.footer_confidential, rtl)
    _add_text(paragraph, "  ·  ", rtl)
    _add_inline(paragraph, doc.footer_prepared, rtl)
    _add_text(paragraph, f": {doc.prepared_on}  ·  ", rtl)
    _add_page_of(paragraph, doc.page_of.text, lambda part: _add_text(paragraph, part, rtl))
    if doc.page_of.english:
        _add_text(paragraph, " / ", rtl)
        _add_page_of(paragraph, doc.page_of.english, lambda part: _add_english(paragraph, part))
        if rtl:
            # A left-to-right mark after the last number keeps it with the English in a
            # right-to-left footer; Word and LibreOffice both honour it (LibreOffice 7.4
            # ignores the isolates the PDF uses).
            _add_english(paragraph, "\u200e")


def _add_page_of(paragraph: Paragraph, pattern: str, add_text: Callable[[str], Run]) -> None:
    """ "Page 1 of 3": the pattern's words as text, its two numbers as PAGE and NUMPAGES fields."""
    for part in page_parts(pattern):
        if part in (PAGE, PAGES):
            _add_field(paragraph, "PAGE" if part == PAGE else "NUMPAGES")
        else:
            add_text(part)
