"""The PDF: tagged PDF/UA-1 with language, title, headings and embedded fonts; text kept literal."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator

import pikepdf
import pytest

from parent_guide.export.document import ViewsDocument, with_english
from parent_guide.export.pdf import render_html, render_pdf
from tests.unit.export import sample

LANGUAGES = ["en", "pl", "ar", "ur"]

# Each hostile piece is its own paragraph, so the right-to-left override
# cannot reorder the others.
HOSTILE = "\n\n".join(
    [
        "<script>alert(1)</script>",
        "&amp; &lt;b&gt;",
        "**not bold** _not italic_",
        "zero\u200bwidth",
        "emoji 🙂👍🏽 ❤️",
        "override \u202eabc",
    ]
)


def open_pdf(data: bytes) -> pikepdf.Pdf:
    """Open rendered bytes with pikepdf."""
    return pikepdf.open(io.BytesIO(data))


def pdf_text(data: bytes) -> str:
    """The text poppler's pdftotext extracts, in reading order."""
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def structure_types(node: object) -> Iterator[str]:
    """Structure element types under ``node``, in document order."""
    if isinstance(node, pikepdf.Dictionary) and "/S" in node:
        yield str(node.S)[1:]
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            yield from structure_types(kid)
    elif isinstance(kids, pikepdf.Dictionary):
        yield from structure_types(kids)


def page_fonts(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """The fonts each page draws with, descendant fonts of composite fonts included."""
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            yield from font.DescendantFonts if "/DescendantFonts" in font else [font]


@pytest.fixture(scope="module", params=LANGUAGES)
def document(request: pytest.FixtureRequest) -> ViewsDocument:
    """A sample document in each language."""
    return sample(request.param)


@pytest.fixture(scope="module")
def rendered(document: ViewsDocument) -> bytes:
    """The document rendered once per language for the structure checks."""
    return render_pdf(document)


def test_pdf_is_tagged_with_language(document: ViewsDocument, rendered: bytes) -> None:
    """Verify the structure tree, Marked and the document language are set."""
    with open_pdf(rendered) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert str(pdf.Root.Lang) == document.lang


def test_pdf_title_is_set_and_shown(document: ViewsDocument, rendered: bytes) -> None:
    """Verify the title is in the document info and XMP, and viewers display it."""
    title = with_english(document.title)
    with open_pdf(rendered) as pdf:
        assert str(pdf.docinfo["/Title"]) == title
        assert pdf.open_metadata()["dc:title"] == title
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert str(pdf.docinfo["/Author"]) == document.author


def test_pdf_headings_are_tagged_in_order(rendered: bytes) -> None:
    """Verify one H1 for the title, then an H2 per section and an H3 per question."""
    with open_pdf(rendered) as pdf:
        headings = [kind for kind in structure_types(pdf.Root.StructTreeRoot) if kind in ("H1", "H2", "H3")]
    assert headings == ["H1", "H2", "H2", "H3", "H3"]


def test_pdf_fonts_are_embedded(document: ViewsDocument, rendered: bytes) -> None:
    """Verify every font is embedded, and each script is set in its own Noto face."""
    with open_pdf(rendered) as pdf:
        fonts = list(page_fonts(pdf))
        assert fonts
        for font in fonts:
            descriptor = font.FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.BaseFont
        names = " ".join(str(font.BaseFont) for font in fonts)
    script_face = {"en": "Export-Sans", "pl": "Export-Sans", "ar": "Export-Naskh", "ur": "Export-Nastaliq"}
    assert script_face[document.lang] in names


def test_pdf_footer_on_every_page(document: ViewsDocument) -> None:
    """Verify each page carries the confidential marking, the date and its page number."""
    long_doc = sample(document.lang, "\n\n".join(["Words to fill the page."] * 120))
    data = render_pdf(long_doc)
    with open_pdf(data) as pdf:
        pages = len(pdf.pages)
    assert pages > 1
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-", "-"],
            input=data,
            capture_output=True,
            check=True,
        ).stdout.decode()
        assert "Confidential" in text
        assert "Prepared on" in text
        assert f"Page {number} of {pages}" in text


def _marked_text(pdf: pikepdf.Pdf, page: pikepdf.Page) -> Iterator[tuple[str, int | None]]:
    """For each text-showing operator on the page, its innermost marked-content tag and id."""
    stack: list[tuple[str, int | None]] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            properties = operands[1] if len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary) else {}
            stack.append((str(operands[0]), int(properties["/MCID"]) if "/MCID" in properties else None))
        elif name == "EMC":
            stack.pop()
        elif name in ("Tj", "TJ", "'", '"'):
            yield stack[-1] if stack else ("", None)


def test_pdf_footers_are_artifacts_and_all_else_is_in_the_structure_tree(document: ViewsDocument) -> None:
    """Verify the running footers are pagination artifacts and every other piece of text is tagged in the tree."""
    data = render_pdf(sample(document.lang, "\n\n".join(["Words to fill the page."] * 120)))
    with open_pdf(data) as pdf:
        assert len(pdf.pages) > 1
        tree = pdf.Root.StructTreeRoot
        in_tree = set()
        pending = [tree.K]
        while pending:
            node = pending.pop()
            if isinstance(node, pikepdf.Array):
                pending.extend(node)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                in_tree.add(node.objgen)
                pending.append(node.get("/K"))
        nums = tree.ParentTree.Nums
        by_page = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for page in pdf.pages:
            mapping = by_page[int(page.obj.StructParents)]
            marks = list(_marked_text(pdf, page))
            artifacts = [tag for tag, _ in marks if tag == "/Artifact"]
            assert len(artifacts) >= 3, "the confidential line, the date and the page number"
            for tag, mcid in marks:
                if tag != "/Artifact":
                    assert mcid is not None, f"text outside any tag ({tag})"
                    assert mapping[mcid].objgen in in_tree, f"MCID {mcid} is outside the structure tree"
        artifact_properties = [
            operands[1]
            for operands, operator in pikepdf.parse_content_stream(pdf.pages[0])
            if str(operator) == "BDC" and str(operands[0]) == "/Artifact"
        ]
        assert all(str(p.Type) == "/Pagination" for p in artifact_properties)


def test_latin_text_is_extractable() -> None:
    """Verify Polish, Welsh and Romanian letters come out of the PDF as written."""
    text = "Zażółć gęślą jaźń.\nDŵr a ŷd yng Nghymru.\n\nȘcoala și țara."
    extracted = pdf_text(render_pdf(sample("pl", text)))
    for line in ("Zażółć gęślą jaźń.", "Dŵr a ŷd yng Nghymru.", "Școala și țara."):
        assert line in extracted


def test_arabic_text_is_extractable() -> None:
    """Verify Arabic words, shaped in Naskh, map back to their letters."""
    extracted = pdf_text(render_pdf(sample("ar")))
    for word in ("نقرأ", "المدرسة", "أستمر"):
        assert word in extracted


def test_hostile_text_is_literal() -> None:
    """Verify markup, entities and Markdown in the parent's text print as typed."""
    extracted = pdf_text(render_pdf(sample("en", HOSTILE)))
    assert "<script>alert(1)</script>" in extracted
    assert "&amp; &lt;b&gt;" in extracted
    assert "**not bold** _not italic_" in extracted


def test_unbroken_text_wraps_onto_pages() -> None:
    """Verify a 50,000-character unbroken string wraps inside the margins over many pages."""
    data = render_pdf(sample("en", "x" * 50_000))
    with open_pdf(data) as pdf:
        assert len(pdf.pages) >= 10
    assert "x" * 60 in pdf_text(data)


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_hostile_text_renders_in_rtl_documents(lang: str) -> None:
    """Verify hostile text and a long unbroken string do not break a right-to-left PDF."""
    with open_pdf(render_pdf(sample(lang, HOSTILE + "\n\n" + "ب" * 5_000))) as pdf:
        assert "/StructTreeRoot" in pdf.Root


def test_html_keeps_text_escaped_with_breaks() -> None:
    """Verify the HTML escapes the text, keeps tabs and turns single newlines into <br>."""
    html = render_html(sample("en", "<b>one</b>\ttab\nline two\n\nsecond paragraph"))
    assert '<p dir="ltr">&lt;b&gt;one&lt;/b&gt;\ttab<br>line two</p>' in html
    assert '<p dir="ltr">second paragraph</p>' in html


def test_html_marks_direction_and_english() -> None:
    """Verify RTL documents are marked rtl and the English beside a heading lang="en" dir="ltr"."""
    html = render_html(sample("ar"))
    assert '<html lang="ar" dir="rtl">' in html
    assert '<span class="english" lang="en" dir="ltr">What is working well</span>' in html
    assert '<p class="language-note" lang="en" dir="ltr">' in html


def test_html_english_document_has_no_english_copy() -> None:
    """Verify an English document shows each heading once and no language note."""
    html = render_html(sample("en"))
    assert '<html lang="en" dir="ltr">' in html
    assert 'class="english"' not in html
    assert "language-note" not in html
