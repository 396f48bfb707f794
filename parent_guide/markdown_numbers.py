"""Phone numbers, times and dates in content kept whole in right-to-left text.

In an Arabic or Urdu sentence the Unicode bidi algorithm lays out
"0808 801 0366" as "0366 801 0808": the spaces between the groups take the
sentence's direction. Wrapping each run of digit groups in ``<bdi>`` isolates
it, so it reads left to right as written. In English it changes nothing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

# Two or more groups of digits joined by one space, dot, colon, slash or hyphen:
# 0808 801 0366, 9.30, 10:30, 12/03/2027.
NUMBER_GROUPS = r"(?<![\w.:/-])\d+(?:[ .:/-]\d+)+(?![\w:/-])"


class _Isolate(InlineProcessor):
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # noqa: N802 (Markdown's API)
        element = etree.Element("bdi")
        # Atomic, so the number is not matched again inside its own <bdi>.
        element.text = AtomicString(m.group(0))
        return element, m.start(0), m.end(0)


def register(md: markdown.Markdown) -> None:
    """Add the pattern to ``md`` (after links, so a number in a link's text is wrapped inside it)."""
    md.inlinePatterns.register(_Isolate(NUMBER_GROUPS, md), "isolate_numbers", 15)
