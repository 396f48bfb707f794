"""Markdown to HTML with GOV.UK Frontend classes and site-internal links.

Content links use three schemes so that writers never type a URL:
``[core group](glossary:core-group)``, ``[the decision](step:the-decision)`` and
``[Staying safe online](page:staying-safe)``; ``glossary:`` alone links to the
whole glossary.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from parent_guide import markdown_numbers

LinkResolver = Callable[[str, str], str]
"""Turns (scheme, target) into a URL, for example ("glossary", "core-group")."""

LINK_SCHEMES = ("glossary", "step", "page")

CLASSES = {
    "p": "govuk-body",
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
}


@dataclass
class RenderResult:
    """The HTML of one Markdown text and what it referred to."""

    html: str
    links: list[tuple[str, str]] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)


class _GovukTreeprocessor(Treeprocessor):
    def __init__(
        self, md: markdown.Markdown, resolver: LinkResolver, result: RenderResult, heading_shift: int
    ):
        super().__init__(md)
        self.resolver = resolver
        self.result = result
        self.heading_shift = heading_shift

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.result.headings.append((element.tag, "".join(element.itertext())))
                level = min(int(element.tag[1]) + self.heading_shift, 6)
                if element.tag in CLASSES:
                    element.set("class", CLASSES[element.tag])
                element.tag = f"h{level}"
                continue
            if element.tag == "blockquote":
                # A blockquote in our content is a note to the reader, not a quotation.
                element.tag = "div"
                element.set("class", "govuk-inset-text")
                continue
            if element.tag in CLASSES:
                element.set("class", CLASSES[element.tag])
            if element.tag == "a":
                self._resolve_link(element)

    def _resolve_link(self, element: etree.Element) -> None:
        href = element.get("href", "")
        scheme, sep, target = href.partition(":")
        if sep and scheme in LINK_SCHEMES:
            self.result.links.append((scheme, target))
            element.set("href", self.resolver(scheme, target))


class _GovukExtension(Extension):
    def __init__(self, resolver: LinkResolver, result: RenderResult, heading_shift: int):
        super().__init__()
        self.resolver = resolver
        self.result = result
        self.heading_shift = heading_shift

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Content is text, never markup: raw HTML is shown as written, not run.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        markdown_numbers.register(md)
        md.treeprocessors.register(
            _GovukTreeprocessor(md, self.resolver, self.result, self.heading_shift), "govuk", 5
        )


def render(text: str, resolver: LinkResolver, heading_shift: int = 0) -> RenderResult:
    """Render Markdown ``text``; links in our schemes go through ``resolver``.

    ``heading_shift`` moves every heading down that many levels, keeping its
    look, for pages that nest the text under a heading of their own.
    """
    result = RenderResult(html="")
    md = markdown.Markdown(extensions=[_GovukExtension(resolver, result, heading_shift)])
    result.html = md.convert(text)
    return result
