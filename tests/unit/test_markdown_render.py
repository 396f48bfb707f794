"""Markdown rendering: GOV.UK classes, internal links, no raw HTML."""

from __future__ import annotations

from parent_guide.markdown_render import render


def _resolver(scheme: str, target: str) -> str:
    return f"/{scheme}/{target}"


def test_adds_govuk_classes() -> None:
    """Verify paragraphs, headings and lists get GOV.UK Frontend classes."""
    html = render("## Heading\n\nText.\n\n- one\n- two\n\nThen:\n\n1. first\n", _resolver).html
    assert '<h2 class="govuk-heading-m">Heading</h2>' in html
    assert '<p class="govuk-body">Text.</p>' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<ol class="govuk-list govuk-list--number">' in html


def test_resolves_internal_links_and_records_them() -> None:
    """Verify glossary: and step: links become URLs and are reported."""
    result = render("See [core group](glossary:core-group) and [next](step:the-decision).", _resolver)
    assert 'href="/glossary/core-group"' in result.html
    assert 'href="/step/the-decision"' in result.html
    assert 'class="govuk-link"' in result.html
    assert result.links == [("glossary", "core-group"), ("step", "the-decision")]


def test_blockquote_becomes_inset_text() -> None:
    """Verify a blockquote is rendered as GOV.UK inset text."""
    html = render("> Ask your social worker.", _resolver).html
    assert html.startswith('<div class="govuk-inset-text">')


def test_raw_html_is_shown_not_run() -> None:
    """Verify HTML written in content is escaped, never passed through."""
    html = render("Hello <script>alert(1)</script>\n\n<div>block</div>", _resolver).html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<div>block</div>" not in html


def test_heading_shift_keeps_the_look() -> None:
    """Verify shifted headings move down a level but keep their class."""
    html = render("## Heading\n\n### Sub", _resolver, heading_shift=1).html
    assert '<h3 class="govuk-heading-m">Heading</h3>' in html
    assert '<h4 class="govuk-heading-s">Sub</h4>' in html
