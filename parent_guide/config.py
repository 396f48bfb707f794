"""Settings read from the environment, with safe defaults for development."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Production is the default: only PARENT_GUIDE_ENV=development (make run, the tests)
# relaxes the checks on secrets and the HTTPS-only cookies.
DEVELOPMENT = os.environ.get("PARENT_GUIDE_ENV", "production") == "development"


class Config:
    """Default settings; every value can be overridden by an environment variable."""

    SITE_NAME_MSGID = "Meeting guide"
    DEVELOPMENT = DEVELOPMENT
    # Production refuses to start without a strong SECRET_KEY (see parent_guide.production);
    # development falls back to a random key per process.
    SECRET_KEY = os.environ.get("SECRET_KEY") or (secrets.token_hex(32) if DEVELOPMENT else "")
    # Mixed into every draft's keys, so a stolen database alone cannot be attacked offline.
    # Losing it loses every draft. Development uses a fixed, public value.
    DRAFT_PEPPER = os.environ.get("PARENT_GUIDE_DRAFT_PEPPER") or ("development pepper, not secret" if DEVELOPMENT else "")
    # The address parents use, such as https://guide.example.org.uk: share links and QR
    # codes use it, and only its host (and PARENT_GUIDE_TRUSTED_HOSTS) is answered.
    PUBLIC_URL = os.environ.get("PARENT_GUIDE_PUBLIC_URL", "").rstrip("/")
    EXTRA_TRUSTED_HOSTS = [h.strip() for h in os.environ.get("PARENT_GUIDE_TRUSTED_HOSTS", "").split(",") if h.strip()]
    # Ample for the longest form (five answers of 5,000 characters, percent-encoded).
    MAX_CONTENT_LENGTH = 512 * 1024
    MAX_FORM_MEMORY_SIZE = 512 * 1024
    HSTS_SECONDS = 0 if DEVELOPMENT else 365 * 24 * 60 * 60
    CONTENT_DIR = Path(os.environ.get("PARENT_GUIDE_CONTENT_DIR", PROJECT_ROOT / "content"))
    AREAS_DIR = Path(os.environ.get("PARENT_GUIDE_AREAS_DIR", PROJECT_ROOT / "content" / "areas"))
    HELPLINES_FILE = Path(
        os.environ.get("PARENT_GUIDE_HELPLINES_FILE", PROJECT_ROOT / "content" / "helplines.toml")
    )
    TRANSLATIONS_DIR = Path(
        os.environ.get("PARENT_GUIDE_TRANSLATIONS_DIR", PROJECT_ROOT / "translations")
    )
    STATIC_DIR = Path(
        os.environ.get("PARENT_GUIDE_STATIC_DIR", PROJECT_ROOT / "parent_guide" / "static")
    )
    DEFAULT_LOCALE = os.environ.get("PARENT_GUIDE_DEFAULT_LOCALE", "en")
    # Set to an area pack id (such as "kent") for a deployment that serves one area.
    PINNED_AREA = os.environ.get("PARENT_GUIDE_AREA") or None
    # Where "Leave this site" goes: a neutral page that says nothing about this one.
    EXIT_URL = os.environ.get("PARENT_GUIDE_EXIT_URL", "https://www.bbc.co.uk/weather")
    # A session holding a parent's answers ends after this long without use.
    SESSION_IDLE_MINUTES = float(os.environ.get("PARENT_GUIDE_SESSION_IDLE_MINUTES", "30"))
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "0" if DEVELOPMENT else "1") == "1"
    # Drafts: SQLite in the instance folder unless DATABASE_URL names PostgreSQL.
    DATABASE_URL = os.environ.get("DATABASE_URL", "")
    DRAFT_RETENTION_DAYS = int(os.environ.get("PARENT_GUIDE_DRAFT_RETENTION_DAYS", "28"))
    ANSWER_MAX_CHARS = 5000
    # Resume codes cannot be guessed at this rate (80-bit codes, 20 tries an hour).
    RESUME_RATE_LIMIT = os.environ.get("PARENT_GUIDE_RESUME_RATE_LIMIT", "5 per minute;20 per hour")
    # The QR code's hand-over token opens a draft once, for this long.
    HANDOVER_MINUTES = int(os.environ.get("PARENT_GUIDE_HANDOVER_MINUTES", "10"))
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    # How many reverse proxies (load balancer, nginx) sit in front of the app. Behind
    # one, set 1: rate limits then count each parent's own address, not the proxy's,
    # and the QR code's link uses the public host and https.
    TRUSTED_PROXIES = int(os.environ.get("PARENT_GUIDE_TRUSTED_PROXIES", "0"))
    RATELIMIT_HEADERS_ENABLED = True
    # A form left open all day must still save: the CSRF token lasts as long as the session.
    WTF_CSRF_TIME_LIMIT = None
    # Fingerprinted files never change, so browsers may keep them for a year.
    ASSET_MAX_AGE = 365 * 24 * 60 * 60


class TestConfig(Config):
    """Settings for the test suite."""

    TESTING = True
    DEVELOPMENT = True
    SECRET_KEY = "test-secret-key"
    DRAFT_PEPPER = "test pepper"
    SESSION_COOKIE_SECURE = False
    HSTS_SECONDS = 0
    # Tests that check rate limits turn them on for their own app.
    RATELIMIT_ENABLED = False
