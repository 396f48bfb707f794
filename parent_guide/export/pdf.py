"""Render a :class:`ViewsDocument` as a tagged PDF/UA-1 file with WeasyPrint."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache, partial
from importlib.resources import files

from jinja2 import Environment, PackageLoader
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from parent_guide.export import pdf_tags
from parent_guide.export.document import PAGE, PAGES, ViewsDocument, page_parts, with_english, xml_safe
from parent_guide.export.pdf_artifacts import footers_as_artifacts
from parent_guide.prepare.text import paragraphs
from parent_guide.text_direction import TextPart, text_part

pdf_tags.install()

# Fonts are loaded into one FontConfiguration and reused: loading them for
# every document added about 130 ms to a 210 ms render. Pango and fontconfig
# objects are not safe to share between threads, hence the lock.
_render_lock = threading.Lock()

# The page loads nothing from anywhere, and fonts load only from local files:
# the export makes no network requests, whatever the text contains.
_FETCH_NOTHING = URLFetcher(allowed_protocols=())
_FETCH_FILES = URLFetcher(allowed_protocols=("file",))

# WeasyPrint lays out the whole rest of an unbreakable run for every line it
# wraps (overflow-wrap: anywhere), so a 50,000-character run took 24 seconds.
# A zero-width space every few characters of such a run gives it ordinary
# break points: nothing changes on the page, and a run of letters of usual
# width lays out in linear time. (Letters so narrow that 160 fit on a line,
# such as a run of one joined Nastaliq letter, still take the slow path.)
_LONG_RUN = re.compile(r"\S{64,}")
_PIECE = 16
_ZWSP = "\u200b"
_ZWJ = "\u200d"


@cache
def _environment() -> Environment:
    """A plain Jinja environment, so rendering needs no Flask request."""
    return Environment(
        loader=PackageLoader("parent_guide", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _styles() -> tuple[FontConfiguration, CSS]:
    """The shared font configuration and the parsed print stylesheet."""
    fonts = FontConfiguration()
    stylesheet = files(__package__).joinpath("pdf.css").read_text("utf-8")
    css = CSS(string=stylesheet, font_config=fonts, url_fetcher=_FETCH_FILES)
    return fonts, css


def _starts_cluster(previous: str, char: str) -> bool:
    """Whether a break before ``char`` keeps what is drawn as one character whole.

    Marks, joiners, emoji modifiers and the second half of a flag belong to
    the character before them.
    """
    return (
        unicodedata.category(char)[0] in "LNPS"
        and previous != _ZWJ
        and not "\U0001f3fb" <= char <= "\U0001f3ff"
        and not "\U0001f1e6" <= char <= "\U0001f1ff"
    )


def _soften(run: str) -> str:
    """``run`` with a zero-width space at a safe place every few characters."""
    out = [run[0]]
    since_break = 1
    for previous, char in zip(run, run[1:]):
        if since_break >= _PIECE and _starts_cluster(previous, char):
            out.append(_ZWSP)
            since_break = 0
        out.append(char)
        since_break += 1
    return "".join(out)


def _breakable(text: str) -> str:
    """``text`` with zero-width spaces inside runs too long to fit on a line."""
    return _LONG_RUN.sub(lambda run: _soften(run.group()), text)


@dataclass(frozen=True)
class AnswerParagraph:
    """One paragraph of the parent's text: its direction and language, and its lines."""

    part: TextPart
    lines: list[str]


def answer_paragraphs(doc: ViewsDocument, text: str) -> list[AnswerParagraph]:
    """The parent's text as paragraphs of lines, each laid out as its own letters say."""
    return [
        AnswerParagraph(text_part(paragraph, doc.lang, doc.direction), _breakable(paragraph).split("\n"))
        for paragraph in paragraphs(xml_safe(text))
    ]


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _page_of_pieces(pattern: str) -> list[str]:
    return [
        f'"\\2066" counter({"page" if part == PAGE else "pages"}) "\\2069"' if part in (PAGE, PAGES) else _css_string(part)
        for part in page_parts(pattern)
    ]


def page_of_content(doc: ViewsDocument) -> str:
    """The CSS ``content`` for the footer's "Page 1 of 3", in the document's language and English.

    Numbers are isolated left-to-right (U+2066...U+2069), and so is the whole
    English part of a right-to-left footer, so neither is reordered by the
    surrounding right-to-left text.
    """
    pieces = _page_of_pieces(doc.page_of.text)
    if doc.page_of.english:
        english = _page_of_pieces(doc.page_of.english)
        if doc.direction == "rtl":
            english = ['"\\2066"', *english, '"\\2069"']
        pieces += [_css_string(" / "), *english]
    return " ".join(pieces)


def render_html(doc: ViewsDocument) -> str:
    """The HTML WeasyPrint lays out, with characters XML cannot hold removed."""
    template = _environment().get_template("export/document.html")
    return xml_safe(
        template.render(
            doc=doc,
            title=with_english(doc.title),
            answer_paragraphs=partial(answer_paragraphs, doc),
            part=lambda text: text_part(text, doc.lang, doc.direction),
            page_of=page_of_content(doc),
        )
    )


def render_pdf(doc: ViewsDocument) -> bytes:
    """``doc`` as PDF/UA-1 bytes: tagged, with its language, title and fonts embedded, footers as artifacts."""
    html = render_html(doc)
    with _render_lock:
        fonts, css = _styles()
        data = HTML(string=html, url_fetcher=_FETCH_NOTHING).write_pdf(
            stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1"
        )
    return footers_as_artifacts(data)
