"""The parent's timeline: working days around bank holidays, months, and whole timelines, checked by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parent_guide.areas import AreaPack, load_areas
from parent_guide.timeline import (
    Rule,
    TimelineEvent,
    add_months,
    is_working_day,
    build_timeline,
    working_days_after,
    working_days_before,
)

REAL_AREAS = Path(__file__).resolve().parents[2] / "content" / "areas"
# England and Wales share these bank holidays, so every case must give the same
# answer in both; running both proves the country is passed through.
COUNTRIES = pytest.mark.parametrize("country", ["england", "wales"])


@pytest.fixture(scope="module")
def packs() -> dict[str, AreaPack]:
    """The project's own packs, read once."""
    return load_areas(REAL_AREAS)


AFTER = {
    # Fri 2027-03-05: Mon 8 (1), Tue 9 (2).
    "weekend": (date(2027, 3, 5), 2, date(2027, 3, 9)),
    # Wed 2026-12-23: Thu 24 (1); Fri 25 Christmas; Sat 26 Boxing Day falls on a
    # weekend, so Mon 28 is its substitute; Tue 29 (2), Wed 30 (3).
    "christmas": (date(2026, 12, 23), 3, date(2026, 12, 30)),
    # As above to Wed 30 (3), Thu 31 (4); Fri 1 Jan New Year's Day; Mon 4 (5), Tue 5 (6).
    "new year": (date(2026, 12, 23), 6, date(2027, 1, 5)),
    # Thu 2027-03-25: Fri 26 Good Friday, weekend, Mon 29 Easter Monday; Tue 30 (1).
    "easter": (date(2027, 3, 25), 1, date(2027, 3, 30)),
    # Fri 2027-04-30: weekend, Mon 3 May early May bank holiday; Tue 4 (1).
    "early may": (date(2027, 4, 30), 1, date(2027, 5, 4)),
    # Fri 2027-08-27: weekend, Mon 30 summer bank holiday; Tue 31 (1).
    "august": (date(2027, 8, 27), 1, date(2027, 8, 31)),
    # Fri 2028-02-25: Mon 28 (1), Tue 29 (2), the leap day.
    "leap day": (date(2028, 2, 25), 2, date(2028, 2, 29)),
    # No days to count leaves the day as it is.
    "zero": (date(2027, 3, 6), 0, date(2027, 3, 6)),
}


@COUNTRIES
@pytest.mark.parametrize("start, n, expected", AFTER.values(), ids=AFTER.keys())
def test_working_days_after(country: str, start: date, n: int, expected: date) -> None:
    """Verify counting forward skips weekends and bank holidays."""
    assert working_days_after(start, n, country) == expected


BEFORE = {
    # Mon 2027-03-08: back over the weekend to Fri 5 (1).
    "weekend": (date(2027, 3, 8), 1, date(2027, 3, 5)),
    # Tue 2027-03-30: Mon 29 Easter Monday, weekend, Fri 26 Good Friday; Thu 25 (1).
    "easter": (date(2027, 3, 30), 1, date(2027, 3, 25)),
    # Tue 2027-05-04: Mon 3 bank holiday, weekend; Fri 30 April (1), Thu 29 (2).
    "early may": (date(2027, 5, 4), 2, date(2027, 4, 29)),
    # Tue 2027-01-05: Mon 4 (1); weekend; Fri 1 New Year's Day; Thu 31 Dec (2).
    "new year": (date(2027, 1, 5), 2, date(2026, 12, 31)),
}


@COUNTRIES
@pytest.mark.parametrize("end, n, expected", BEFORE.values(), ids=BEFORE.keys())
def test_working_days_before(country: str, end: date, n: int, expected: date) -> None:
    """Verify counting back skips weekends and bank holidays."""
    assert working_days_before(end, n, country) == expected


def test_working_days_refuse_an_unknown_country_or_negative_count() -> None:
    """Verify the functions say so when given a country they do not know or a negative count."""
    with pytest.raises(ValueError, match="scotland"):
        working_days_after(date(2027, 3, 5), 1, "scotland")
    with pytest.raises(ValueError, match="negative"):
        working_days_before(date(2027, 3, 5), -1, "england")


MONTHS = {
    # 30 Nov 2027 + 3 months is 30 Feb 2028, which does not exist: the leap day.
    "into a leap february": (date(2027, 11, 30), 3, date(2028, 2, 29)),
    "end of january, leap year": (date(2028, 1, 31), 1, date(2028, 2, 29)),
    "end of january, ordinary year": (date(2027, 1, 31), 1, date(2027, 2, 28)),
    "across the year end": (date(2027, 8, 31), 6, date(2028, 2, 29)),
    "a day every month has": (date(2027, 3, 17), 12, date(2028, 3, 17)),
    "backwards": (date(2027, 3, 31), -1, date(2027, 2, 28)),
}


@pytest.mark.parametrize("day, months, expected", MONTHS.values(), ids=MONTHS.keys())
def test_add_months(day: date, months: int, expected: date) -> None:
    """Verify months are added and a missing day becomes the month's last day."""
    assert add_months(day, months) == expected


def test_initial_conference_in_bexley(packs: dict[str, AreaPack]) -> None:
    """Verify a whole Bexley initial conference timeline against dates worked by hand."""
    conference = date(2026, 12, 17)  # a Thursday
    events = build_timeline(conference, "initial", packs["bexley"], today=date(2027, 1, 6))
    # Reports: 2 calendar days before, Tue 15 Dec.
    # First core group: 10 working days after Thu 17 Dec: 18, 21, 22, 23, 24 (5);
    #   25 Dec and 28 Dec (Boxing Day's substitute) are bank holidays; 29, 30, 31 (8);
    #   1 Jan is a bank holiday; 4, 5 Jan (10) -> Tue 5 Jan 2027.
    # Minutes: 15 working days: on from 5 Jan (10): 6, 7, 8, 11, 12 (15) -> Tue 12 Jan.
    # First review 3 months on, 17 Mar 2027; then every 6 months: 17 Sep 2027, 17 Mar 2028.
    assert [(e.key, e.date, e.is_past) for e in events] == [
        ("reports", date(2026, 12, 15), True),
        ("meet-chair", conference, True),
        ("conference", conference, True),
        ("decision", conference, True),
        ("first-core-group", date(2027, 1, 5), True),
        ("minutes", date(2027, 1, 12), False),
        ("first-review", date(2027, 3, 17), False),
        ("review", date(2027, 9, 17), False),
        ("review", date(2028, 3, 17), False),
    ]
    rules = {e.key: e.rule for e in events}
    assert rules["meet-chair"] is None
    assert rules["minutes"] == Rule(15, "working_days", "within", "conference", "minutes_within")
    assert rules["reports"] == Rule(2, "days", "before", "conference", "reports_before_initial")
    assert events[-1].rule == Rule(6, "months", "within", "review", "review_every_months")


def test_review_conference_in_hartlepool(packs: dict[str, AreaPack]) -> None:
    """Verify a whole Hartlepool review conference timeline against dates worked by hand."""
    conference = date(2027, 8, 31)  # a Tuesday
    events = build_timeline(conference, "review", packs["hartlepool"], today=date(2027, 9, 1))
    # Reports: 5 calendar days before, Thu 26 Aug. Minutes: 28 days after, Tue 28 Sep.
    # No core group: it is already meeting. Next review: 6 months on from 31 Aug is
    # 31 Feb 2028, which does not exist, so the leap day, 29 Feb 2028.
    assert events == [
        TimelineEvent("reports", date(2027, 8, 26), Rule(5, "days", "before", "conference", "reports_before_review"), True),
        TimelineEvent("meet-chair", conference, None, True),
        TimelineEvent("conference", conference, None, True),
        TimelineEvent("decision", conference, None, True),
        TimelineEvent("minutes", date(2027, 9, 28), Rule(28, "days", "within", "conference", "minutes_within"), False),
        TimelineEvent("review", date(2028, 2, 29), Rule(6, "months", "within", "conference", "review_every_months"), False),
    ]


def test_the_conference_day_is_not_past_on_the_day(packs: dict[str, AreaPack]) -> None:
    """Verify is_past is only for days before today."""
    conference = date(2027, 3, 17)
    events = build_timeline(conference, "initial", packs["bexley"], today=conference)
    assert {e.key: e.is_past for e in events if e.date == conference} == {
        "meet-chair": False, "conference": False, "decision": False,
    }
    assert [e.key for e in events if e.is_past] == ["reports"]


def test_pre_birth_conferences_follow_the_initial_dates(packs: dict[str, AreaPack]) -> None:
    """Verify a pre-birth conference gets the same dates as an initial one."""
    conference, today = date(2027, 3, 17), date(2027, 1, 1)
    assert build_timeline(conference, "pre-birth", packs["kent"], today) == build_timeline(
        conference, "initial", packs["kent"], today
    )


def test_a_transfer_in_conference_shows_no_review_dates(packs: dict[str, AreaPack]) -> None:
    """Verify a transfer-in conference, whose reviews no national rule times, shows what an unknown kind shows."""
    conference, today = date(2027, 3, 17), date(2027, 1, 1)
    events = build_timeline(conference, "transfer-in", packs["bexley"], today)
    assert events == build_timeline(conference, "unknown", packs["bexley"], today)
    assert "first-review" not in [e.key for e in events]


def test_a_timescale_nobody_sets_gives_no_date(packs: dict[str, AreaPack]) -> None:
    """Verify Kent, whose leaflet gives no report or minutes times, gets no invented dates for them."""
    keys = [e.key for e in build_timeline(date(2027, 3, 17), "initial", packs["kent"], date(2027, 1, 1))]
    assert "reports" not in keys and "minutes" not in keys


def test_a_review_on_a_weekend_moves_to_the_friday_before(packs: dict[str, AreaPack]) -> None:
    """Verify a date counted in months that lands on a weekend moves to the working day before, and says so."""
    conference = date(2027, 5, 28)  # a Friday; + 3 months = Sat 28 Aug 2027, + 6 more = Mon 28 Feb 2028
    events = build_timeline(conference, "initial", packs["england"], today=date(2027, 1, 1))
    first = next(e for e in events if e.key == "first-review")
    assert first.moved_from == date(2027, 8, 28)
    assert first.date == date(2027, 8, 27)
    # The next review counts from the date the rule gave, not the moved one.
    review = next(e for e in events if e.key == "review")
    assert review.moved_from is None and review.date == date(2028, 2, 28)
    for event in events:
        assert is_working_day(event.date, "england") or event.key in ("meet-chair", "conference", "decision")


def test_a_date_on_a_bank_holiday_moves_to_the_working_day_before(packs: dict[str, AreaPack]) -> None:
    """Verify a calendar-day date on a bank holiday (Christmas Day) moves back past the holiday."""
    # Hartlepool's minutes: 28 days. Conference Mon 2027-11-29 + 28 = Mon 27 Dec 2027 (substitute
    # bank holiday for Christmas Day); the working day before is Fri 24 Dec.
    events = build_timeline(date(2027, 11, 29), "initial", packs["hartlepool"], today=date(2027, 1, 1))
    minutes = next(e for e in events if e.key == "minutes")
    assert minutes.moved_from == date(2027, 12, 27)
    assert minutes.date == date(2027, 12, 24)


def test_a_conference_on_a_weekend_is_marked(packs: dict[str, AreaPack]) -> None:
    """Verify a conference date typed as a Saturday is marked as not a working day."""
    events = build_timeline(date(2027, 3, 20), "initial", packs["england"], today=date(2027, 1, 1))
    assert next(e for e in events if e.key == "conference").not_working_day


def test_an_unknown_kind_shows_no_reviews(packs: dict[str, AreaPack]) -> None:
    """Verify a parent who does not know the kind sees initial-style reports and a core group, but no reviews."""
    events = build_timeline(date(2027, 3, 17), "unknown", packs["bexley"], today=date(2027, 1, 1))
    assert [e.key for e in events] == [
        "reports", "meet-chair", "conference", "decision", "first-core-group", "minutes",
    ]
    assert events[0].rule and events[0].rule.timescale == "reports_before_initial"


def test_wales_adds_the_five_day_summary(packs: dict[str, AreaPack]) -> None:
    """Verify a Wales timeline has the summary 5 working days after the conference."""
    # Wed 2027-03-24: Thu 25 (1); Good Friday, weekend, Easter Monday; Tue 30 (2),
    # Wed 31 (3), Thu 1 Apr (4), Fri 2 Apr (5).
    events = build_timeline(date(2027, 3, 24), "initial", packs["wales"], today=date(2027, 1, 1))
    summary = next(e for e in events if e.key == "summary")
    assert summary.date == date(2027, 4, 2)
    assert summary.rule == Rule(5, "working_days", "within", "conference", "summary_within")


def test_an_unknown_conference_kind_is_refused(packs: dict[str, AreaPack]) -> None:
    """Verify build_timeline names the kind it does not know."""
    with pytest.raises(ValueError, match="emergency"):
        build_timeline(date(2027, 3, 17), "emergency", packs["kent"], today=date(2027, 1, 1))
