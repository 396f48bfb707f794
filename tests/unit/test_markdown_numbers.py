"""Phone numbers, times and dates in content are isolated so right-to-left text cannot reorder their groups."""

from __future__ import annotations

import pytest

from parent_guide.markdown_render import render


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call 0808 801 0366 free.", "Call <bdi>0808 801 0366</bdi> free."),
        ("اتصل على 0808 801 0366 مجانًا.", "اتصل على <bdi>0808 801 0366</bdi> مجانًا."),
        ("On 12/03/2027 at 10:30.", "On <bdi>12/03/2027</bdi> at <bdi>10:30</bdi>."),
        ("Call 999 now. Step 2 of 20.", "Call 999 now. Step 2 of 20."),
        ("[0808 801 0366](step:x)", '<a class="govuk-link" href="/x"><bdi>0808 801 0366</bdi></a>'),
    ],
)
def test_number_groups_are_isolated(text: str, expected: str) -> None:
    """Verify runs of digit groups are wrapped in <bdi>, single numbers are left alone."""
    assert render(text, lambda scheme, target: "/x").html == f'<p class="govuk-body">{expected}</p>'
