"""Mark the PDF's running footers as artifacts, so screen readers skip them.

WeasyPrint draws page margin boxes as tagged content (``/Span`` with a marked
content id) whose structure elements hang off no part of the structure tree
(upstream issue 1836). A screen reader could then read "Page 2 of 3" between
two paragraphs. Here each such sequence becomes ``/Artifact`` with the
pagination type PDF/UA expects, and its entry in the parent tree is cleared.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator


def _reachable(node: object, seen: set[tuple[int, int]]) -> None:
    """Collect the structure elements under ``node`` by object number."""
    if isinstance(node, Array):
        for kid in node:
            _reachable(kid, seen)
    elif isinstance(node, Dictionary) and "/S" in node:
        if node.is_indirect:
            if node.objgen in seen:
                return
            seen.add(node.objgen)
        _reachable(node.get("/K"), seen)


def _page_mappings(parent_tree: Dictionary) -> Iterator[tuple[int, Array]]:
    """Each page's (key, array of structure elements by marked-content id)."""
    nums = parent_tree.get("/Nums", Array())
    for index in range(0, len(nums), 2):
        if isinstance(nums[index + 1], Array):
            yield int(nums[index]), nums[index + 1]


def footers_as_artifacts(data: bytes) -> bytes:
    """``data`` with every piece of content outside the structure tree marked as a pagination artifact."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = pdf.Root.StructTreeRoot
        reachable: set[tuple[int, int]] = set()
        _reachable(tree.get("/K"), reachable)
        mappings = dict(_page_mappings(tree.ParentTree))
        for page in pdf.pages:
            mapping = mappings.get(int(page.obj.get("/StructParents", -1)))
            if mapping is None:
                continue
            outside = {
                mcid
                for mcid, element in enumerate(mapping)
                if isinstance(element, Dictionary) and element.objgen not in reachable
            }
            if not outside:
                continue
            instructions = []
            for operands, operator in pikepdf.parse_content_stream(page):
                properties = operands[1] if operator == Operator("BDC") and len(operands) == 2 else None
                if isinstance(properties, Dictionary) and int(properties.get("/MCID", -1)) in outside:
                    operands = [Name.Artifact, Dictionary(Type=Name.Pagination, Subtype=Name.Footer)]
                instructions.append((operands, operator))
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
            for mcid in outside:
                mapping[mcid] = None
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
