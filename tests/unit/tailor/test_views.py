"""Tailoring through the test client: questions, share links, the area's details, the calendar."""

from __future__ import annotations

import re
from datetime import date

import pytest
from flask.testing import FlaskClient
from icalendar import Calendar
from markupsafe import escape

from parent_guide.tailor import views as tailor_views
from tests.conftest import csrf_token, make_app
from tests.pages import check_page

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin "today" so timelines are the same whenever the tests run."""
    monkeypatch.setattr(tailor_views, "today", lambda: TODAY)


def answer(client: FlaskClient, slug: str, **data: object) -> object:
    """Answer one question with the page's CSRF token."""
    token = csrf_token(client.get(f"/en/your-guide/questions/{slug}").get_data(as_text=True))
    return client.post(f"/en/your-guide/questions/{slug}", data={"csrf_token": token, **data})


def test_every_question_page_is_well_formed(client: FlaskClient) -> None:
    """Verify each question and the summary pass the page checks, and errors keep the structure."""
    for slug in ("area", "kind", "date", "ages", "attending", "supporter", "help"):
        check_page(client.get(f"/en/your-guide/questions/{slug}").get_data(as_text=True))
        response = answer(client, slug)
        assert response.status_code == 400, slug
        soup = check_page(response.get_data(as_text=True))
        assert soup.select_one(".govuk-error-summary"), slug
    check_page(client.get("/en/your-guide/").get_data(as_text=True))


def test_questions_in_order_then_summary(client: FlaskClient) -> None:
    """Verify each answer moves to the next question and the last to "Your guide"."""
    assert answer(client, "area", answer="hartlepool").headers["Location"] == "/en/your-guide/questions/kind"
    assert answer(client, "kind", answer="initial").headers["Location"] == "/en/your-guide/questions/date"
    assert answer(client, "date", day="3", month="12", year="2026").headers["Location"] == "/en/your-guide/questions/ages"
    assert answer(client, "ages", answer=["0-4", "12-15"]).headers["Location"] == "/en/your-guide/questions/attending"
    assert answer(client, "attending", answer="no").headers["Location"] == "/en/your-guide/questions/supporter"
    assert answer(client, "supporter", not_sure="1").headers["Location"] == "/en/your-guide/questions/help"
    assert answer(client, "help", answer=["interpreter"]).headers["Location"] == "/en/your-guide/"
    page = client.get("/en/your-guide/").get_data(as_text=True)
    soup = check_page(page)
    summary = soup.select_one(".govuk-summary-list").get_text(" ", strip=True)
    for expected in ("Hartlepool", "Thursday, 3 December 2026", "Under 5, 12 to 15", "No", "Not sure", "An interpreter"):
        assert expected in summary
    steps = [a.get_text(strip=True) for a in soup.select("ol.govuk-list--number a")]
    assert "If you cannot go to the conference" in " ".join(steps) or any("cannot go" in s.lower() for s in steps)
    assert not any("unborn" in s.lower() for s in steps)


def test_impossible_and_far_dates_are_refused_with_the_text_kept(client: FlaskClient) -> None:
    """Verify the date errors and that what was typed comes back."""
    for fields, message in (
        ({"day": "30", "month": "2", "year": "2027"}, "must be a real date"),
        ({"day": "1", "month": "1", "year": "2028"}, "within the next year"),
        ({"day": "4", "month": "", "year": "2027"}, "must include a month"),
        ({"day": "", "month": "", "year": ""}, "Enter the date"),
        ({"day": "x", "month": "1", "year": "27"}, "using numbers"),
        # Once an OverflowError (500), and a stored year 1 that broke the timeline and calendar.
        ({"day": "9" * 25, "month": "1", "year": "2027"}, "must be a real date"),
        ({"day": "1", "month": "9" * 25, "year": "2027"}, "must be a real date"),
        ({"day": "1", "month": "1", "year": "0001"}, "within the last year"),
        ({"day": "1", "month": "11", "year": "2025"}, "within the last year"),
    ):
        response = answer(client, "date", **fields)
        assert response.status_code == 400
        soup = check_page(response.get_data(as_text=True))
        assert message in soup.select_one(".govuk-error-summary").get_text()
        assert soup.select_one("#date-day")["value"] == fields["day"]
        assert soup.select_one("#date-year")["value"] == fields["year"]


def test_date_labels_are_translatable_and_a_missing_field_is_handled(client: FlaskClient) -> None:
    """Verify the date boxes' labels come from our catalogue and a POST without them is an error, not a crash."""
    token = csrf_token(client.get("/en/your-guide/questions/date").get_data(as_text=True))
    response = client.post("/en/your-guide/questions/date", data={"csrf_token": token})
    assert response.status_code == 400


def test_a_past_date_shows_what_comes_next(client: FlaskClient) -> None:
    """Verify a conference that has happened is accepted and the next date is marked."""
    answer(client, "area", answer="bexley")
    answer(client, "kind", answer="initial")
    assert answer(client, "date", day="9", month="11", year="2026").status_code == 302
    soup = check_page(client.get("/en/your-guide/").get_data(as_text=True))
    items = soup.select(".app-timeline__item")
    passed = [i for i in items if "app-timeline__item--past" in i["class"]]
    assert passed, "the conference day should show as passed"
    nxt = next(i for i in items if "Next" in i.get_text())
    # First core group: 10 working days after Monday 9 November 2026 is Monday 23 November (today).
    assert nxt.select_one("time")["datetime"] == "2026-11-23"
    assert "core group" in nxt.get_text()
    # Bexley's own rule: minutes within 15 working days, so Monday 30 November.
    minutes = next(i for i in items if "minutes" in i.get_text())
    assert minutes.select_one("time")["datetime"] == "2026-11-30"
    assert "in Bexley" in minutes.get_text()


@pytest.mark.parametrize(
    ("area", "phone", "timescale"),
    [
        ("bexley", "020 3045 3260", "15 working days"),
        ("kent", "03000 411111", "Areas differ on when the minutes come"),
        ("cumbria", "0808 801 0366", "every 4 weeks"),
        ("hammersmith-and-fulham", "020 8753 5125", "from the age of 12"),
        ("hartlepool", "01429 284284", "within 28 days"),
    ],
)
def test_each_area_shows_its_own_numbers_and_timescales(client: FlaskClient, area: str, phone: str, timescale: str) -> None:
    """Verify a share link sets the area and its guide shows its phone numbers and timescales."""
    pages = " ".join(
        client.get(f"/en/guide/{slug}?area={area}").get_data(as_text=True)
        for slug in ("getting-help", "after-the-conference", "core-groups-and-reviews", "your-child", "before-the-conference")
    )
    pack = client.application.extensions["parent_guide.areas"][area]
    assert f"Your area: <strong>{escape(pack.name)}</strong>" in pages
    assert phone in pages
    assert timescale in re.sub(r"\s+", " ", pages)
    assert escape(pack.leaflet.title) in pages
    assert (escape(pack.leaflet.published) if pack.leaflet.published else "date not given") in pages
    assert pack.last_checked.strftime("%-d %B %Y") not in pages


def test_share_link_sets_the_area_on_every_page(client: FlaskClient) -> None:
    """Verify ?area= opens the guide in that area, shown on later pages with a way to change it."""
    client.get("/en/?area=wales")
    soup = check_page(client.get("/en/guide/").get_data(as_text=True))
    bar = soup.select_one(".app-area-bar")
    assert "Wales" in bar.get_text() and bar.find("a", string="Change area")


def test_a_pinned_area_is_not_asked_and_cannot_change(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Verify a one-area deployment skips the area question and shows the area without a change link."""
    app = make_app(f"sqlite:///{tmp_path / 'pinned.sqlite3'}", PINNED_AREA="cumbria")
    client = app.test_client()
    assert client.get("/en/your-guide/questions/area").status_code == 404
    client.get("/en/?area=kent")
    bar = check_page(client.get("/en/guide/").get_data(as_text=True)).select_one(".app-area-bar")
    assert "Cumbria" in bar.get_text() and bar.find("a") is None


def test_an_unknown_pinned_area_stops_start_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Verify a typo in PARENT_GUIDE_AREA fails at start-up, naming it."""
    with pytest.raises(ValueError, match="nowhere"):
        make_app(f"sqlite:///{tmp_path / 'bad.sqlite3'}", PINNED_AREA="nowhere")


@pytest.mark.parametrize(("kind", "shown", "hidden"), [
    ("review", "review-conferences", "pre-birth"),
    ("pre-birth", "pre-birth", "review-conferences"),
    ("initial", "what-is-a-conference", "review-conferences"),
])
def test_each_kind_lists_its_own_steps(client: FlaskClient, kind: str, shown: str, hidden: str) -> None:
    """Verify "Your guide" lists the kind's own step and not the other kind's."""
    answer(client, "kind", answer=kind)
    soup = check_page(client.get("/en/your-guide/").get_data(as_text=True))
    links = {a["href"] for a in soup.select("ol.govuk-list--number a")}
    assert f"/en/guide/{shown}" in links
    assert f"/en/guide/{hidden}" not in links


def test_calendar_file_holds_the_dates_on_the_page(client: FlaskClient) -> None:
    """Verify the .ics parses, has neutral titles by default, and its dates are those shown."""
    answer(client, "area", answer="hartlepool")
    answer(client, "kind", answer="initial")
    answer(client, "date", day="14", month="12", year="2026")
    soup = check_page(client.get("/en/your-guide/").get_data(as_text=True))
    shown = {t["datetime"] for t in soup.select(".app-timeline__item:not(.app-timeline__item--past) time")}
    response = client.get("/en/your-guide/calendar.ics")
    assert response.headers["Content-Disposition"] == "attachment; filename=dates.ics"
    assert response.headers["Cache-Control"] == "no-store"
    calendar = Calendar.from_ical(response.get_data())
    events = calendar.walk("VEVENT")
    assert {e.decoded("dtstart").isoformat() for e in events} == shown
    assert {str(e["summary"]) for e in events} <= {"Appointment", "Reminder"}
    descriptive = Calendar.from_ical(client.get("/en/your-guide/calendar.ics?titles=descriptive").get_data())
    assert "The conference" in {str(e["summary"]) for e in descriptive.walk("VEVENT")}


def test_answers_travel_with_the_draft_to_another_device(app) -> None:  # type: ignore[no-untyped-def]
    """Verify tailoring answers are saved in the draft, changed answers overwrite, and a resumed device gets them."""
    from tests.unit.prepare.test_views import start_draft

    laptop = app.test_client()
    code = start_draft(laptop)
    answer(laptop, "area", answer="kent")
    answer(laptop, "area", answer="cumbria")
    answer(laptop, "kind", answer="review")
    phone = app.test_client()
    token = csrf_token(phone.get("/en/prepare/resume").get_data(as_text=True))
    phone.post("/en/prepare/resume", data={"csrf_token": token, "resume_code": code})
    summary = check_page(phone.get("/en/your-guide/").get_data(as_text=True)).select_one(".govuk-summary-list").get_text()
    assert "Cumbria" in summary and "Kent" not in summary
    assert "review conference" in summary


def test_timeline_headings_say_what_happens(client: FlaskClient) -> None:
    """Verify each timeline heading names the event, not a bare date, so it makes sense out of context."""
    answer(client, "kind", answer="initial")
    answer(client, "date", day="14", month="12", year="2026")
    soup = check_page(client.get("/en/your-guide/").get_data(as_text=True))
    headings = [h.get_text(" ", strip=True) for h in soup.select(".app-timeline h3")]
    assert headings
    assert "The conference" in headings
    for heading in headings:
        assert not re.search(r"\d", heading), f"heading {heading!r} is a date, not what happens"


@pytest.mark.parametrize("stored", ["0001-01-01", "9999-12-31", "1900-02-29", "2026-13-01", 20261203, ["2026-12-03"]])
def test_a_stored_date_out_of_range_is_harmless(client: FlaskClient, stored: object) -> None:
    """Verify a profile saved with an impossible or far-off date (old code, or tampering) is read as no date."""
    with client.session_transaction() as session:
        session["profile"] = {"conference_date": stored, "kind": "initial"}
    summary = client.get("/en/your-guide/")
    assert summary.status_code == 200
    check_page(summary.get_data(as_text=True))
    assert client.get("/en/your-guide/calendar.ics").status_code == 302
    assert client.get("/en/your-guide/questions/date").status_code == 200
