"""Any text a parent could send renders in both formats without an error."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parent_guide.export.document import Answer, Fact, Heading, Section, xml_safe
from parent_guide.prepare.text import paragraphs
from parent_guide.export.pdf import render_pdf
from parent_guide.export.word import render_docx
from tests.unit.export import sample

# Every code point, lone surrogates and control characters included: the
# form strips some of these, but the renderers must not rely on it.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=300)

# Modest and without a deadline: a PDF takes about a tenth of a second, so
# the whole property stays well under a minute. No example database, so the
# run leaves no files in the work tree.
EXAMPLES = settings(max_examples=25, deadline=None, database=None)


@EXAMPLES
@example(text="a\n\x0b\n\nb\ud800\ufffe", label="\x00", value="\u202e{ PAGE }", lang="ar")
@given(text=ANY_TEXT, label=ANY_TEXT, value=ANY_TEXT, lang=st.sampled_from(["en", "pl", "ar", "ur"]))
def test_any_text_renders_in_both_formats(text: str, label: str, value: str, lang: str) -> None:
    """Verify random text in an answer, a question and a fact renders to PDF and Word."""
    base = sample(lang)
    doc = replace(
        base,
        facts=(Fact(Heading(label, "Label"), value),),
        sections=(Section(base.sections[0].heading, (Answer(Heading(label, None), text),)),),
    )
    assert render_pdf(doc).startswith(b"%PDF-")
    written = open_docx_paragraph_texts(render_docx(doc))
    for paragraph in paragraphs(xml_safe(text)):
        assert paragraph in written


def open_docx_paragraph_texts(data: bytes) -> list[str]:
    """The text of each body paragraph of a .docx."""
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs]
