"""The step counter, Back and Continue come from one list of the parent's steps."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import csrf_token
from tests.pages import check_page


def _answer(client: FlaskClient, slug: str, **data: object) -> None:
    token = csrf_token(client.get(f"/en/your-guide/questions/{slug}").get_data(as_text=True))
    client.post(f"/en/your-guide/questions/{slug}", data={"csrf_token": token, **data})


def _counter(client: FlaskClient, slug: str) -> str:
    soup = check_page(client.get(f"/en/guide/{slug}").get_data(as_text=True))
    return soup.select_one(".app-step-count").get_text(" ", strip=True)


def _totals(client: FlaskClient, steps: tuple) -> dict[str, int]:
    """The total each step's counter names (its last number)."""
    return {s.slug: int(re.findall(r"\d+", _counter(client, s.slug))[-1]) for s in steps}


def test_every_step_names_the_same_total_after_tailoring(app: Flask, client: FlaskClient) -> None:
    """Verify steps that apply and steps that do not all give the parent's one total."""
    steps = app.extensions["parent_guide.content"]["en"].steps
    _answer(client, "kind", answer="review")
    totals = set(_totals(client, steps).values())
    assert len(totals) == 1
    numbered = [_counter(client, s.slug) for s in steps if _counter(client, s.slug).startswith("Step ")]
    assert len(numbered) == totals.pop() < len(steps)
    assert [text.split()[1] for text in numbered] == [str(n) for n in range(1, len(numbered) + 1)]


def test_changing_an_answer_changes_the_total_everywhere(app: Flask, client: FlaskClient) -> None:
    """Verify each new answer changes the counter on every step at once."""
    steps = app.extensions["parent_guide.content"]["en"].steps
    assert set(_totals(client, steps).values()) == {len(steps)}
    for kind in ("pre-birth", "review", "initial"):
        _answer(client, "kind", answer=kind)
        totals = set(_totals(client, steps).values())
        assert len(totals) == 1, (kind, totals)
        assert totals != {len(steps)}, kind


def test_continue_from_a_step_that_does_not_apply_leads_to_the_parents_next_step(
    app: Flask, client: FlaskClient
) -> None:
    """Verify Back and Continue on an extra step lead to the parent's own steps either side."""
    steps = app.extensions["parent_guide.content"]["en"].steps
    _answer(client, "kind", answer="review")
    html = client.get("/en/guide/what-is-a-conference").get_data(as_text=True)
    assert "Step 1 of" in html
    extra = next(s for s in steps if "Extra step" in _counter(client, s.slug))
    soup = check_page(client.get(f"/en/guide/{extra.slug}").get_data(as_text=True))
    following = soup.select_one("a.govuk-button[href^='/en/guide/']")
    if following is not None:
        assert "Step " in _counter(client, following["href"].rsplit("/", 1)[-1])
