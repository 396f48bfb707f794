"""Only known hosts are answered, and share links use the configured public address."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from parent_guide.hosts import trusted_hosts
from tests.conftest import make_app
from tests.unit.prepare.test_views import start_draft


def test_with_nothing_configured_only_this_machine_is_trusted() -> None:
    """Verify the defaults, and that a public URL or a list replaces them."""
    assert trusted_hosts("", []) == ["localhost", "127.0.0.1"]
    assert trusted_hosts("https://guide.example.org.uk", []) == ["guide.example.org.uk"]
    assert trusted_hosts("https://guide.example.org.uk:8443/", ["10.0.0.5"]) == ["guide.example.org.uk", "10.0.0.5"]


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("url", ["/en/prepare/continue-elsewhere", "/en/guide/?area=kent", "/en/prepare/working-well", "/nowhere"])
def test_a_foreign_host_is_refused_with_a_page_that_works(client: FlaskClient, url: str, method: str) -> None:
    """Verify a forged Host header gets a plain 400 page, not a 500 from building URLs for it."""
    response = client.open(url, method=method, headers={"Host": "evil.example"})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "this address is not recognised" in body and "999" in body
    assert "evil.example" not in body and "Traceback" not in body


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "localhost:5000", "127.0.0.1:8080"])
def test_local_hosts_are_answered_by_default(client: FlaskClient, host: str) -> None:
    """Verify make run's addresses work."""
    assert client.get("/en/", headers={"Host": host}).status_code == 200


@pytest.fixture(scope="module")
def public_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """A deployment with its public address configured, reached through a proxy on this machine."""
    database: Path = tmp_path_factory.mktemp("public") / "drafts.sqlite3"
    return make_app(f"sqlite:///{database}", PUBLIC_URL="https://guide.example.org.uk", EXTRA_TRUSTED_HOSTS=["localhost"])


def test_the_qr_link_uses_the_public_address(public_app: Flask) -> None:
    """Verify the hand-over link shown and encoded in the QR code is on the public address, not the request's."""
    client = public_app.test_client()
    start_draft(client)
    page = client.get("/en/prepare/continue-elsewhere").get_data(as_text=True)
    assert "https://guide.example.org.uk/en/prepare/open?t=" in page
    assert "http://localhost" not in page


def test_with_a_public_address_other_hosts_are_refused(public_app: Flask) -> None:
    """Verify only the public host (and those listed) are answered once it is configured."""
    client = public_app.test_client()
    assert client.get("/en/", headers={"Host": "guide.example.org.uk"}).status_code == 200
    assert client.get("/en/", headers={"Host": "127.0.0.1"}).status_code == 400
    assert client.get("/en/", headers={"Host": "evil.example"}).status_code == 400
