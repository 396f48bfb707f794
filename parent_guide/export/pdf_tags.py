"""Language and logical reading order in the PDF's tag tree, which WeasyPrint 70 leaves out.

WeasyPrint writes one structure element per HTML element and one per line of
text, but no ``/Lang`` on any of them (only the document's), and it draws a
right-to-left line's glyphs from left to right, so a screen reader following
the tags would read Arabic backwards. This wraps the function that builds the
tree (``weasyprint.pdf.tags._build_box_tree``, called once per box) to add:

- ``/Lang`` from the HTML ``lang`` attribute, on the element made for that
  HTML element (its children inherit it);
- ``/ActualText`` holding the line's text in logical order, on each line of
  right-to-left text.

Post-processing the finished file cannot do this: by then a line is glyph
numbers, not letters, and a paragraph split over two pages cannot be told from
two paragraphs. The tests in tests/unit/export/test_direction.py fail if a
WeasyPrint upgrade changes the function this relies on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags as weasyprint_tags

from parent_guide.text_direction import first_strong

_build_box_tree = weasyprint_tags._build_box_tree
# html and body hand their children up; the document's Lang is in the catalog.
_NOT_ITS_OWN = ("html", "body")


def _lines_of(box: Any, marked: dict[Any, dict[str, Any]]) -> dict[int, str]:
    """The marked-content id and logical text of each right-to-left line directly in ``box``."""
    lines = {}
    for child in getattr(box, "children", ()):
        for piece in child.children if isinstance(child, boxes.LineBox) else [child]:
            if isinstance(piece, boxes.TextBox) and piece in marked and first_strong(piece.text) == "rtl":
                lines[marked[piece]["mcid"]] = piece.text
    return lines


def _object(pdf: pydyf.PDF, reference: Any) -> Any:
    """The object a reference such as ``b"12 0 R"`` points to, or None for a bare number."""
    if isinstance(reference, bytes) and reference.endswith(b" R"):
        return pdf.objects[int(reference.split()[0])]
    return None


def _with_language(box: Any, parent: Any, pdf: pydyf.PDF, page_number: int, nums: Any, annotations: Any, tags: Any) -> Iterator[Any]:
    """WeasyPrint's tree builder, adding ``/Lang`` and right-to-left ``/ActualText``."""
    rtl_lines = _lines_of(box, tags)
    element = getattr(box, "element", None)
    lang = None
    if element is not None and getattr(box, "element_tag", None) not in _NOT_ITS_OWN:
        lang = element.get("lang")
    for built in _build_box_tree(box, parent, pdf, page_number, nums, annotations, tags):
        if lang:
            built["Lang"] = pydyf.String(lang)
        for kid in built["K"]:
            line = _object(pdf, kid)
            if line is not None and len(line.get("K", ())) == 1 and line["K"][0] in rtl_lines:
                line["ActualText"] = pydyf.String(rtl_lines[line["K"][0]])
        yield built


def install() -> None:
    """Route WeasyPrint's tree building through :func:`_with_language` (once)."""
    weasyprint_tags._build_box_tree = _with_language
