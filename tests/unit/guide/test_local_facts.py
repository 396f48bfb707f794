"""Local boxes: a fact is shown as the area's own only when its pack sets it."""

from __future__ import annotations

import re
from datetime import date

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from parent_guide.areas import AreaPack, Leaflet
from parent_guide.local_facts import LOCAL, NATIONAL, UNKNOWN, fact, is_stale

STEPS_WITH_LOCAL_BOXES = (
    "who-will-be-there", "your-child", "before-the-conference", "after-the-conference",
    "core-groups-and-reviews", "if-you-disagree", "getting-help",
)


def _packs(app: Flask) -> dict[str, AreaPack]:
    return app.extensions["parent_guide.areas"]


def _origin(pack: AreaPack, field: str) -> str:
    """Where a field's value comes from, worked out from the pack alone (not from local_facts)."""
    if field in ("contacts", "notes"):
        return LOCAL if pack.kind == "local" else NATIONAL
    section, _dot, name = field.partition(".")
    value = getattr(getattr(pack, section), name) if name else getattr(pack, section)
    if value is None:
        return UNKNOWN
    return LOCAL if pack.kind == "local" and field not in pack.inherited else NATIONAL


def test_every_local_box_words_inherited_facts_as_national(app: Flask, client: FlaskClient) -> None:
    """Verify, for every pack and every local box, that only the pack's own facts say "In <area>"."""
    checked = 0
    for pack in _packs(app).values():
        for slug in STEPS_WITH_LOCAL_BOXES:
            page = BeautifulSoup(client.get(f"/en/guide/{slug}?area={pack.id}").get_data(as_text=True), "html.parser")
            box = page.select_one(".app-local")
            assert box is not None, (pack.id, slug)
            for line in box.select("[data-fact]"):
                field, origin = line["data-fact"], line["data-origin"]
                text = re.sub(r"\s+", " ", line.get_text(" ", strip=True))
                assert origin == _origin(pack, field), (pack.id, slug, field)
                if origin == LOCAL and field.startswith(("names.", "timescales.", "complaints")):
                    assert text.startswith(f"In {pack.name}"), (pack.id, slug, text)
                if origin != LOCAL and pack.kind == "local":
                    assert pack.name not in text, f"{pack.id}/{slug}: inherited {field} shown as local: {text}"
                if origin == NATIONAL and field.startswith(("names.", "timescales.", "complaints")):
                    assert text.startswith(("In England", "In Wales")), (pack.id, slug, text)
                checked += 1
            # Nothing in the box outside the marked facts and the footer names the area as a source of a figure.
            assert "Checked on" not in box.get_text()
    assert checked > 100


def test_kent_minutes_are_not_shown_as_kent_s(client: FlaskClient) -> None:
    """Verify the case from the issue: Kent's leaflet gives no minutes time, so none is shown as Kent's."""
    text = client.get("/en/guide/after-the-conference?area=kent").get_data(as_text=True)
    assert "In Kent, the minutes" not in text
    assert "Areas differ on when the minutes come" in text


def test_wales_box_says_who_decides_and_offers_live_fear_free(client: FlaskClient) -> None:
    """Verify a Welsh parent reads that the practitioners decide, and sees Live Fear Free beside Family Rights Group."""
    text = client.get("/en/guide/getting-help?area=wales").get_data(as_text=True)
    assert "the professionals at the conference make the decision, not the chair" in text
    assert "Live Fear Free" in text and "Family Rights Group" in text
    decision = client.get("/en/guide/the-decision?area=wales").get_data(as_text=True)
    assert "In Wales, the professionals at the meeting make the decision" in decision


@pytest.mark.parametrize(
    ("dated", "today", "stale"),
    [
        (None, date(2026, 12, 1), True),
        (date(2010, 2, 1), date(2026, 12, 1), True),
        (date(2024, 1, 1), date(2026, 12, 1), False),
        (date(2023, 11, 30), date(2026, 12, 1), True),
        (date(2023, 12, 1), date(2026, 12, 1), False),
    ],
)
def test_a_leaflet_is_stale_after_three_years_or_with_no_date(dated: date | None, today: date, stale: bool) -> None:
    """Verify the three-year line, and that an undated leaflet always gets the warning."""
    leaflet = Leaflet("A leaflet", "a month" if dated else None, dated, "a.txt")
    assert is_stale(leaflet, today) is stale


def test_old_and_undated_leaflets_warn_the_parent(client: FlaskClient) -> None:
    """Verify the 2010 Hammersmith & Fulham leaflet and the undated Kent leaflet each carry the plain warning."""
    old = client.get("/en/guide/your-child?area=hammersmith-and-fulham").get_data(as_text=True)
    assert "February 2010" in old and "more than three years old" in old
    undated = client.get("/en/guide/your-child?area=kent").get_data(as_text=True)
    assert "date not given" in undated and "does not say when it was written" in undated


def test_fact_reports_its_origin(app: Flask) -> None:
    """Verify fact() on the real packs: Bexley's minutes are local, its core group national, Kent's minutes unknown."""
    packs = _packs(app)
    assert fact(packs["bexley"], "timescales.minutes_within").origin == LOCAL
    assert fact(packs["bexley"], "timescales.core_group_first_within").origin == NATIONAL
    assert fact(packs["kent"], "timescales.minutes_within").origin == UNKNOWN
    assert fact(packs["england"], "timescales.core_group_first_within").origin == NATIONAL


@pytest.mark.parametrize(
    ("area", "shown", "not_shown"),
    [
        ("wales", "Live Fear Free", "National Domestic Abuse Helpline"),
        ("kent", "National Domestic Abuse Helpline", "Live Fear Free"),
    ],
)
def test_domestic_abuse_step_lists_the_country_s_help_line(client: FlaskClient, area: str, shown: str, not_shown: str) -> None:
    """Verify the domestic abuse step reads its help lines from helplines.toml for the parent's country, beside Family Rights Group."""
    page = BeautifulSoup(client.get(f"/en/guide/domestic-abuse-and-your-safety?area={area}").get_data(as_text=True), "html.parser")
    lines = page.select_one(".app-helplines").get_text(" ")
    assert shown in lines and "Family Rights Group" in lines
    assert not_shown not in lines


def test_domestic_abuse_step_links_to_staying_safe_online(client: FlaskClient) -> None:
    """Verify the domestic abuse step links to the Staying safe online page rather than repeating it."""
    page = BeautifulSoup(client.get("/en/guide/domestic-abuse-and-your-safety").get_data(as_text=True), "html.parser")
    link = page.select_one('.app-prose a[href="/en/staying-safe"]')
    assert link is not None
    assert client.get(link["href"]).status_code == 200
