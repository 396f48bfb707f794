"""Tests for the one list of help lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from parent_guide.config import PROJECT_ROOT
from parent_guide.helplines import HelplineError, load_helplines


def test_shipped_helplines_load_with_sources() -> None:
    """Verify every shipped help line loads and names its source."""
    lines = load_helplines(PROJECT_ROOT / "content" / "helplines.toml")
    assert {"emergency", "family-rights-group", "national-domestic-abuse-helpline", "live-fear-free", "samaritans"} <= set(lines)
    assert all(line.source for line in lines.values())


def test_domestic_abuse_line_differs_by_country(app: Flask) -> None:
    """Verify England gets the National Domestic Abuse Helpline and Wales gets Live Fear Free."""
    from parent_guide.helplines import for_topic

    with app.app_context():
        assert [h.id for h in for_topic("domestic-abuse", "england")] == ["national-domestic-abuse-helpline"]
        assert [h.id for h in for_topic("domestic-abuse", "wales")] == ["live-fear-free"]


def test_bad_entry_names_the_field(tmp_path: Path) -> None:
    """Verify a wrong topic stops loading with the file and the field named."""
    path = tmp_path / "helplines.toml"
    path.write_text('[[helplines]]\nid="x"\nname="X"\npurpose="p"\nphone="1"\nhours="h"\nsource="s"\ncountries=["england"]\ntopics=["nope"]\n')
    with pytest.raises(HelplineError, match=r"helplines\.0\.topics"):
        load_helplines(path)


def test_footer_reads_numbers_from_the_data(client: FlaskClient) -> None:
    """Verify the footer shows the numbers held in helplines.toml."""
    html = client.get("/en/").get_data(as_text=True)
    assert "<bdi>0808 801 0366</bdi>" in html
    assert "<bdi>999</bdi>" in html


def test_wording_is_laid_over_the_english(tmp_path: Path) -> None:
    """Verify a language's file changes the wording of a help line and never its number."""
    from parent_guide.helplines import load_all

    (tmp_path / "cy").mkdir()
    (tmp_path / "cy" / "helplines.toml").write_text('[samaritans]\npurpose = "Siaradwch â rhywun."\nhours = "24 awr"\n')
    english = load_helplines(PROJECT_ROOT / "content" / "helplines.toml")
    lines = load_all(PROJECT_ROOT / "content" / "helplines.toml", tmp_path, ["en", "cy"])
    assert lines["cy"]["samaritans"].purpose == "Siaradwch â rhywun."
    assert lines["cy"]["samaritans"].phone == english["samaritans"].phone
    assert lines["cy"]["samaritans"].name == english["samaritans"].name
    assert lines["en"]["samaritans"] == english["samaritans"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[samaritans]\nphone = "1"\n', "only hours, name, purpose"),
        ('[samaritans]\ntext = "1"\n', "only hours, name, purpose"),
        ('[nobody]\nname = "X"\n', "no help line with id nobody"),
        ('[samaritans]\nname = ""\n', r"samaritans\.name"),
    ],
)
def test_wording_file_may_not_change_facts(tmp_path: Path, text: str, message: str) -> None:
    """Verify a language's file cannot change a number, name an unknown line, or leave a field empty."""
    from parent_guide.helplines import load_all

    (tmp_path / "pl").mkdir()
    (tmp_path / "pl" / "helplines.toml").write_text(text)
    with pytest.raises(HelplineError, match=message):
        load_all(PROJECT_ROOT / "content" / "helplines.toml", tmp_path, ["pl"])


def test_every_rendering_uses_the_same_markup(client: FlaskClient) -> None:
    """Verify the guide, "Staying safe online" and the help shown in "Ask a question" render a help line alike."""
    pages = [
        client.get("/en/guide/getting-help").get_data(as_text=True),
        client.get("/en/staying-safe").get_data(as_text=True),
        client.post("/en/ask", data={"question": "i want to kill myself"}).get_data(as_text=True),
    ]
    for html in pages:
        assert 'data-helpline="samaritans"' in html
        assert "116 123" in html
