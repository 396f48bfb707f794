"""Area packs: the real packs load with their local facts, and every mistake names its file and field."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result
from flask import Flask

from parent_guide import areas
from parent_guide.areas import AreaPack, AreaPackError, Duration, load_areas

REAL_AREAS = Path(__file__).resolve().parents[2] / "content" / "areas"

LOCAL = """\
id = "testshire"
name = "Testshire"
country = "england"
kind = "local"
last_checked = 2026-11-22
sources = ["A test"]
leaflet = { title = "A test leaflet", file = "testshire.txt" }
"""


@pytest.fixture(scope="module")
def packs() -> dict[str, AreaPack]:
    """The project's own packs, read once."""
    return load_areas(REAL_AREAS)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A folder holding the real general packs and a small valid local pack."""
    for name in ("england.toml", "wales.toml"):
        shutil.copy(REAL_AREAS / name, tmp_path / name)
    (tmp_path / "testshire.toml").write_text(LOCAL, encoding="utf-8")
    return tmp_path


def phones(pack: AreaPack) -> set[str]:
    """Every phone number a pack's contacts give."""
    return {contact.phone for contact in pack.contacts if contact.phone}


def check(folder: Path) -> Result:
    """Run ``flask areas check`` on an app that read ``folder`` at start-up."""
    app = Flask(__name__)
    app.config["AREAS_DIR"] = folder
    areas.init_app(app)
    return app.test_cli_runner().invoke(args=["areas", "check"])


def test_every_real_pack_loads_in_order(packs: dict[str, AreaPack]) -> None:
    """Verify local packs come alphabetically by name, then england, then wales."""
    assert list(packs) == [
        "bexley", "cumbria", "hammersmith-and-fulham", "hartlepool", "kent", "england", "wales",
    ]
    assert {pack.last_checked for pack in packs.values()} == {date(2026, 12, 1)}
    assert all(pack.sources for pack in packs.values())


def test_every_local_pack_names_its_leaflet_and_its_date(packs: dict[str, AreaPack]) -> None:
    """Verify each local fact has a source: its pack's leaflet, with the leaflet's own date or none."""
    leaflets = Path("/work/shared/leaflets")
    for pack in packs.values():
        if pack.kind == "general":
            assert pack.leaflet is None
            continue
        assert pack.leaflet is not None and pack.leaflet.title
        assert (pack.leaflet.published is None) == (pack.leaflet.dated is None)
        if leaflets.is_dir():
            assert (leaflets / pack.leaflet.file).is_file()
    assert packs["hammersmith-and-fulham"].leaflet.dated == date(2010, 2, 1)
    assert packs["hartlepool"].leaflet.dated == date(2014, 11, 1)
    assert packs["kent"].leaflet.published is None


def test_every_national_fact_names_its_source(packs: dict[str, AreaPack]) -> None:
    """Verify every fact the england and wales packs set has a source, and no one-council figure is national."""
    for country in ("england", "wales"):
        pack = packs[country]
        assert "complaints" in pack.fact_sources and "categories" in pack.fact_sources
        for section in ("names", "timescales"):
            for name, value in vars(getattr(pack, section)).items():
                if value is not None:
                    assert f"{section}.{name}" in pack.fact_sources, f"{country}: {section}.{name}"
    # One council's figures: reports, minutes, attendance age and England's core group frequency.
    england = packs["england"].timescales
    assert (england.reports_before_initial, england.minutes_within, england.child_attendance_age, england.core_group_every_weeks) == (None,) * 4


def test_bexley_keeps_its_own_numbers_and_timescales(packs: dict[str, AreaPack]) -> None:
    """Verify Bexley's report and minute times and its phone numbers."""
    bexley = packs["bexley"]
    assert bexley.timescales.reports_before_initial == Duration(2, "days")
    assert bexley.timescales.reports_before_review == Duration(5, "days")
    assert bexley.timescales.minutes_within == Duration(15, "working_days")
    assert phones(bexley) == {"020 3045 3260", "020 8303 7777"}


def test_kent_keeps_its_own_contacts_and_inherits_the_rest(packs: dict[str, AreaPack]) -> None:
    """Verify Kent's numbers, and that its minutes come from the england pack."""
    kent, england = packs["kent"], packs["england"]
    assert phones(kent) == {"03000 411111"}
    assert kent.complaints.phone == "03000 410 304"
    assert kent.complaints.email == "csccomplaints@kent.gov.uk"
    assert kent.website == "https://www.kscmp.org.uk"
    assert kent.names.chair == "Child Protection Chair"
    assert kent.timescales.minutes_within is None
    assert kent.timescales.core_group_first_within == england.timescales.core_group_first_within
    assert "timescales.core_group_first_within" in kent.inherited
    assert "timescales.review_every_months" not in kent.inherited


def test_cumbria_keeps_its_chair_advocate_and_core_groups(packs: dict[str, AreaPack]) -> None:
    """Verify Cumbria's Independent Reviewing Officer, NYAS, age 11 and four-weekly core groups."""
    cumbria = packs["cumbria"]
    assert cumbria.names.chair == "Independent Reviewing Officer"
    assert cumbria.names.advocacy_service and "NYAS" in cumbria.names.advocacy_service
    assert cumbria.timescales.child_attendance_age == 11
    assert cumbria.timescales.core_group_first_within == Duration(10, "working_days")
    assert cumbria.timescales.core_group_every_weeks == 4
    assert cumbria.complaints.website and "complaints" in cumbria.complaints.website
    assert "complaints" not in cumbria.inherited


def test_hammersmith_and_fulham_keeps_its_office_and_timescales(packs: dict[str, AreaPack]) -> None:
    """Verify Hammersmith & Fulham's age 12, report times, address and numbers."""
    pack = packs["hammersmith-and-fulham"]
    assert pack.timescales.child_attendance_age == 12
    assert pack.timescales.reports_before_initial == Duration(2, "days")
    assert pack.timescales.reports_before_review == Duration(5, "days")
    assert phones(pack) == {"020 8753 5125", "020 8753 5218"}
    assert any("W6 9XY" in contact.address for contact in pack.contacts)


def test_hartlepool_keeps_its_hub_and_timescales(packs: dict[str, AreaPack]) -> None:
    """Verify Hartlepool's 28-day minutes, age 11 and every way to reach its hub."""
    hartlepool = packs["hartlepool"]
    assert hartlepool.timescales.child_attendance_age == 11
    assert hartlepool.timescales.minutes_within == Duration(28, "days")
    assert hartlepool.timescales.reports_before_review == Duration(5, "days")
    (hub,) = hartlepool.contacts
    assert (hub.phone, hub.textphone, hub.email) == ("01429 284284", "01429 284130", "fcsh@hartlepool.gov.uk")
    assert hub.hours and "4:30pm" in hub.hours
    assert "Civic Centre" in hub.address


def test_england_sets_the_national_timescales_only(packs: dict[str, AreaPack]) -> None:
    """Verify the national timescales are set, and help lines are left to content/helplines.toml."""
    england = packs["england"]
    assert phones(england) == phones(packs["wales"]) == set()
    assert england.timescales.core_group_first_within == Duration(10, "working_days")
    assert (england.timescales.first_review_within_months, england.timescales.review_every_months) == (3, 6)
    assert england.timescales.summary_within is None
    assert england.inherited == frozenset()
    assert england.leaflet is None


def test_wales_uses_the_wales_names(packs: dict[str, AreaPack]) -> None:
    """Verify the Wales pack's plan, register, advocate, extra category and 5-day summary."""
    wales = packs["wales"]
    assert wales.country == "wales"
    assert wales.names.plan == "care and support protection plan"
    assert wales.names.register == "child protection register"
    assert wales.names.advocate == "Independent Professional Advocate"
    assert "financial-abuse" in wales.categories
    assert "financial-abuse" not in packs["england"].categories
    assert wales.timescales.summary_within == Duration(5, "working_days")


def test_a_local_pack_inherits_from_its_own_country(folder: Path) -> None:
    """Verify a Welsh local pack takes the Wales names and timescales, not England's."""
    (folder / "testshire.toml").write_text(LOCAL.replace('"england"', '"wales"'), encoding="utf-8")
    pack = load_areas(folder)["testshire"]
    assert pack.names.plan == "care and support protection plan"
    assert pack.timescales.summary_within == Duration(5, "working_days")
    assert {"names.plan", "timescales.summary_within", "complaints"} <= pack.inherited


BROKEN = {
    "bad TOML": (LOCAL.replace('name = "Testshire"', 'name = "Testshire'), None),
    "unknown key": (LOCAL + '[[contacts]]\nlabel = "Us"\nphone = "01234 567890"\nfax = "01234 567891"\n', "contacts[0].fax"),
    "wrong unit": (LOCAL + '[timescales]\nminutes_within = { amount = 3, unit = "weeks" }\n', "timescales.minutes_within.unit"),
    "negative number": (LOCAL + "[timescales]\nchild_attendance_age = -1\n", "timescales.child_attendance_age"),
    "missing name": (LOCAL.replace('name = "Testshire"\n', ""), "name"),
    "id not the file name": (LOCAL.replace('id = "testshire"', 'id = "elsewhere"'), "id"),
    "contact with no way to reach it": (LOCAL + '[[contacts]]\nlabel = "Us"\nhours = "9 to 5"\n', "contacts[0]"),
    "date as text": (LOCAL.replace("2026-11-22", '"22 November 2026"'), "last_checked"),
    "local categories": ('categories = ["neglect"]\n' + LOCAL, "categories"),
    "bad phone": (LOCAL + '[[contacts]]\nlabel = "Us"\nphone = "call 0123"\n', "contacts[0].phone"),
}


@pytest.mark.parametrize("text, field", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_pack_names_its_file_and_field(folder: Path, text: str, field: str | None) -> None:
    """Verify each kind of mistake stops loading with the file and field in the message."""
    path = folder / "testshire.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AreaPackError) as caught:
        load_areas(folder)
    assert caught.value.path == path
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{path}: {field}:" if field else f"{path}: not valid TOML")


def test_a_wrong_unit_reads_as_documented(folder: Path) -> None:
    """Verify the whole message for a wrong unit."""
    path = folder / "testshire.toml"
    path.write_text(LOCAL + '[timescales]\nminutes_within = { amount = 3, unit = "weeks" }\n', encoding="utf-8")
    with pytest.raises(AreaPackError, match="unit") as caught:
        load_areas(folder)
    assert str(caught.value) == f'{path}: timescales.minutes_within.unit: must be "days" or "working_days"'


def test_a_missing_general_pack_is_named(folder: Path) -> None:
    """Verify loading fails, naming wales.toml, when the Wales pack is absent."""
    (folder / "wales.toml").unlink()
    with pytest.raises(AreaPackError) as caught:
        load_areas(folder)
    assert caught.value.path == folder / "wales.toml"


def test_a_general_pack_must_hold_every_timescale(folder: Path) -> None:
    """Verify a general pack without one timescale fails, naming that timescale."""
    path = folder / "england.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("review_every_months")), encoding="utf-8")
    with pytest.raises(AreaPackError) as caught:
        load_areas(folder)
    assert (caught.value.path, caught.value.field) == (path, "timescales.review_every_months")


def test_a_general_fact_without_a_source_is_refused(folder: Path) -> None:
    """Verify a national fact with no entry under fact_sources stops loading, naming it."""
    path = folder / "england.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith('"timescales.review_every_months"')), encoding="utf-8")
    with pytest.raises(AreaPackError) as caught:
        load_areas(folder)
    assert caught.value.field == "fact_sources.timescales.review_every_months"


def test_a_local_pack_without_its_leaflet_is_refused(folder: Path) -> None:
    """Verify a local pack must name the leaflet its facts come from."""
    path = folder / "testshire.toml"
    path.write_text("".join(line for line in LOCAL.splitlines(keepends=True) if not line.startswith("leaflet")), encoding="utf-8")
    with pytest.raises(AreaPackError) as caught:
        load_areas(folder)
    assert caught.value.field == "leaflet"


def test_init_app_stores_the_packs(folder: Path) -> None:
    """Verify init_app puts the loaded packs in app.extensions."""
    app = Flask(__name__)
    app.config["AREAS_DIR"] = folder
    areas.init_app(app)
    assert list(app.extensions["parent_guide.areas"]) == ["testshire", "england", "wales"]


def test_flask_areas_check_lists_the_packs(folder: Path) -> None:
    """Verify ``flask areas check`` prints one line per pack and exits 0."""
    result = check(folder)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "testshire: Testshire (last checked 2026-11-22)",
        "england: England (last checked 2026-12-01)",
        "wales: Wales (last checked 2026-12-01)",
    ]


def test_flask_areas_check_passes_on_the_real_packs() -> None:
    """Verify the project's own packs pass ``flask areas check``."""
    result = check(REAL_AREAS)
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 7


def test_flask_areas_check_fails_on_a_broken_pack(folder: Path) -> None:
    """Verify ``flask areas check`` exits 1 naming the file when a pack is edited into a broken state."""
    app = Flask(__name__)
    app.config["AREAS_DIR"] = folder
    areas.init_app(app)
    (folder / "testshire.toml").write_text(LOCAL.replace('id = "testshire"', 'id = "elsewhere"'), encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["areas", "check"])
    assert result.exit_code == 1
    assert "testshire.toml: id:" in result.output
