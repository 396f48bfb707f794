"""Production is the default: strong secrets or no start, Secure cookies and HSTS."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from parent_guide.config import PROJECT_ROOT
from parent_guide.production import weakness
from tests.conftest import make_app

STRONG = secrets.token_urlsafe(32)
STRONG_PEPPER = secrets.token_hex(32)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "test-secret-key",
        secrets.token_urlsafe(16),
        secrets.token_hex(16),
        "a" * 80,
        "abcdef" * 12,
        "please-change-me-this-is-the-production-secret-key",
        "ExampleKey" + secrets.token_urlsafe(32),
    ],
    # Fixed names, so that test runners in parallel collect the same tests.
    ids=["empty", "placeholder", "short-urlsafe", "short-hex", "one-letter", "repeated", "sentence", "example-prefix"],
)
def test_weak_secrets_are_named(value: str) -> None:
    """Verify short, repetitive and example values are weak."""
    assert weakness(value) is not None


@pytest.mark.parametrize("make", [lambda: secrets.token_urlsafe(32), lambda: secrets.token_hex(32), lambda: secrets.token_urlsafe(64)])
def test_random_secrets_pass(make) -> None:  # type: ignore[no-untyped-def]
    """Verify what the documented command makes (and hex of the same strength) is accepted, every time."""
    assert all(weakness(make()) is None for _ in range(200))


def _start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PARENT_GUIDE_ENV", "SECRET_KEY", "PARENT_GUIDE_DRAFT_PEPPER")}
    return subprocess.run(
        [sys.executable, "-c", "from parent_guide import create_app; create_app()"],
        env={**clean, **env}, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )


def test_production_refuses_to_start_with_one_clear_line(tmp_path: Path) -> None:
    """Verify that without PARENT_GUIDE_ENV=development and SECRET_KEY the app stops, in one line."""
    result = _start({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SECRET_KEY" in lines[0] and "token_urlsafe" in lines[0]


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"SECRET_KEY": "dev", "DRAFT_PEPPER": STRONG_PEPPER}, "SECRET_KEY"),
        ({"SECRET_KEY": STRONG, "DRAFT_PEPPER": ""}, "PARENT_GUIDE_DRAFT_PEPPER"),
        ({"SECRET_KEY": STRONG, "DRAFT_PEPPER": "pepper"}, "PARENT_GUIDE_DRAFT_PEPPER"),
    ],
)
def test_each_weak_secret_is_named(settings: dict[str, str], named: str) -> None:
    """Verify each secret is checked and the refusal names the variable to set."""
    with pytest.raises(SystemExit, match=named):
        make_app("sqlite://", DEVELOPMENT=False, **settings)


def test_production_starts_with_strong_secrets(tmp_path: Path) -> None:
    """Verify strong secrets are enough."""
    result = _start({"SECRET_KEY": STRONG, "PARENT_GUIDE_DRAFT_PEPPER": STRONG_PEPPER, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"})
    assert result.returncode == 0, result.stderr


def test_production_cookies_are_secure_with_hsts(tmp_path: Path) -> None:
    """Verify a production app marks the session cookie Secure and sends HSTS."""
    app = make_app(
        f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        DEVELOPMENT=False, SECRET_KEY=STRONG, DRAFT_PEPPER=STRONG_PEPPER,
        SESSION_COOKIE_SECURE=True, HSTS_SECONDS=31536000,
    )
    client = app.test_client()
    response = client.get("/en/guide/?area=kent", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Secure" in response.headers["Set-Cookie"]


def test_the_production_defaults_are_secure() -> None:
    """Verify the Config class, read without PARENT_GUIDE_ENV, asks for HTTPS cookies and HSTS."""
    code = "from parent_guide.config import Config as C; print(C.DEVELOPMENT, C.SESSION_COOKIE_SECURE, C.HSTS_SECONDS > 0, repr(C.SECRET_KEY))"
    clean = {k: v for k, v in os.environ.items() if k not in ("PARENT_GUIDE_ENV", "SECRET_KEY", "SESSION_COOKIE_SECURE")}
    result = subprocess.run([sys.executable, "-c", code], env=clean, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True", "True", "''"]
