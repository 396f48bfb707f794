"""Rate limits: the resume code's limit holds without Flask-Limiter's check before every request."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask

from parent_guide.config import PROJECT_ROOT
from parent_guide.rate_limits import _is_per_request_check
from tests.conftest import csrf_token, make_app

CODE = PROJECT_ROOT / "parent_guide"


def _checks(app: Flask) -> list[object]:
    return [hook for hook in app.before_request_funcs.get(None, []) if _is_per_request_check(hook)]


def test_no_view_is_decorated_with_a_limit() -> None:
    """Verify every limit is the resume one, checked where a code is typed: a decorated view would need the per-request check."""
    uses = {
        str(path.relative_to(CODE)): re.findall(r"limiter\.(?:limit|shared_limit)\(", path.read_text())
        for path in CODE.rglob("*.py")
    }
    assert {path: found for path, found in uses.items() if found} == {"drafts/session.py": ["limiter.limit("]}
    assert not re.search(r"@\s*limiter\.", "\n".join(path.read_text() for path in CODE.rglob("*.py")))
    assert "default_limits=[]" in (CODE / "extensions.py").read_text()


def test_the_resume_limit_holds_without_the_per_request_check(tmp_path: Path) -> None:
    """Verify the check is off, and wrong codes are still stopped after the limit while page views do not count."""
    app = make_app(f"sqlite:///{tmp_path / 'limits.sqlite3'}", RATELIMIT_ENABLED=True, RESUME_RATE_LIMIT="2 per hour")
    assert _checks(app) == []
    client = app.test_client()
    token = csrf_token(client.get("/en/prepare/resume").get_data(as_text=True))
    statuses = []
    for _ in range(3):
        statuses.append(client.get("/en/prepare/resume").status_code)
        statuses.append(client.post("/en/prepare/resume", data={"csrf_token": token, "resume_code": "AAAA-BBBB-CCCC"}).status_code)
    assert statuses == [200, 400, 200, 400, 200, 429]


def test_default_limits_keep_the_per_request_check(tmp_path: Path) -> None:
    """Verify a deployment that sets default limits keeps Flask-Limiter's check, which they need."""
    app = make_app(f"sqlite:///{tmp_path / 'defaults.sqlite3'}", RATELIMIT_ENABLED=True, RATELIMIT_DEFAULT="1000 per hour")
    assert len(_checks(app)) == 1
