"""The app as deployed: gunicorn with the repository's settings, Redis and a real database."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest
import redis

from parent_guide.drafts import codes
from parent_guide.extensions import db
from tests.conftest import csrf_token, make_app
from tests.gunicorn_server import gunicorn, server_env

SECTION = "/en/prepare/worries"


def _migrated(url: str) -> str:
    """Apply the migrations to ``url`` (as `make db` does before serving) and return it."""
    application = make_app(url)
    with application.app_context():
        db.engine.dispose()
    return url


def _version(page: str) -> str:
    match = re.search(r'name="version"[^>]*value="(\d+)"', page) or re.search(r'value="(\d+)"[^>]*name="version"', page)
    assert match, "no version field on the section page"
    return match.group(1)


def _textarea(page: str) -> str:
    match = re.search(r"<textarea[^>]*>\n?(.*?)</textarea>", page, re.S)
    assert match, "no textarea on the section page"
    return match.group(1)


def test_access_log_leaves_out_query_strings_and_the_referer(tmp_path: Path) -> None:
    """Verify gunicorn's access log has the path and status but no query string, Referer or address."""
    env = server_env(_migrated(f"sqlite:///{tmp_path / 'log.sqlite3'}"))
    with gunicorn(env, tmp_path, workers=1) as server:
        headers = {"Referer": "http://127.0.0.1/en/prepare/resume?code=REFERER-SECRET", "User-Agent": "agent-secret"}
        assert httpx.get(f"{server.url}/en/guide/?area=kent&code=QUERY-SECRET", headers=headers).status_code == 200
        assert httpx.get(f"{server.url}/en/prepare/resume?code=ABCD-EFGH", headers=headers).status_code == 200
    log = server.access_log.read_text()
    assert '"GET /en/guide/" 200' in log and '"GET /en/prepare/resume" 200' in log
    for secret in ("QUERY-SECRET", "ABCD-EFGH", "area=kent", "REFERER-SECRET", "agent-secret", "127.0.0.1", "?"):
        assert secret not in log, secret


def test_two_instances_share_session_draft_and_rate_limits(tmp_path: Path, postgres_url: str, redis_url: str) -> None:
    """Verify one parent's requests sent alternately to two instances behave as on one instance."""
    redis.Redis.from_url(redis_url).flushdb()
    env = server_env(_migrated(postgres_url), RATELIMIT_STORAGE_URI=redis_url, PARENT_GUIDE_RESUME_RATE_LIMIT="4 per hour")
    with gunicorn(env, tmp_path) as first, gunicorn(env, tmp_path) as second, httpx.Client(timeout=10) as parent:
        instances = [first.url, second.url]

        def url(turn: int, path: str) -> str:
            return instances[turn % 2] + path

        # Start on one instance, carry on with the other: the session and CSRF token hold.
        page = parent.get(url(0, "/en/prepare/")).text
        assert parent.post(url(1, "/en/prepare/start"), data={"csrf_token": csrf_token(page)}).status_code == 302
        tasks = parent.get(url(0, "/en/prepare/")).text
        code = re.search(r'class="app-code">([0-9A-Z-]+)<', tasks).group(1)  # type: ignore[union-attr]
        page = parent.get(url(1, SECTION)).text
        token, version = csrf_token(page), int(_version(page))
        # Autosaves alternate between instances; each sees the version the other wrote.
        for turn in range(6):
            saved = parent.post(url(turn, SECTION + "/autosave"), data={"csrf_token": token, "version": str(version), "answer": f"Zażółć {turn}"})
            assert saved.status_code == 200 and saved.json()["status"] == "saved", saved.text
            version = saved.json()["version"]
        done = parent.post(url(0, SECTION), data={"csrf_token": token, "version": str(version), "answer": "Saved on one, read on the other", "action": "continue"})
        assert done.status_code == 302
        assert "Saved on one, read on the other" in parent.get(url(1, "/en/prepare/check")).text

        # Resume on a new device, on the other instance.
        with httpx.Client(timeout=10) as phone:
            page = phone.get(url(1, "/en/prepare/resume")).text
            resumed = phone.post(url(0, "/en/prepare/resume"), data={"csrf_token": csrf_token(page), "resume_code": code})
            assert resumed.status_code in (302, 303)
            assert "Saved on one, read on the other" in phone.get(url(1, SECTION)).text

        # Wrong codes typed alternately at both instances share one limit of 4 an hour from
        # this address, of which the phone's resume above (on the first instance) used one.
        with httpx.Client(timeout=10) as guesser:
            token = csrf_token(guesser.get(url(0, "/en/prepare/resume")).text)
            statuses = [
                guesser.post(url(turn, "/en/prepare/resume"), data={"csrf_token": token, "resume_code": codes.display(codes.new_code())}).status_code
                for turn in range(6)
            ]
        assert statuses == [400, 400, 400, 429, 429, 429]


class _Parent:
    """A parent autosaving a growing answer as fast as the server answers."""

    def __init__(self, base: str, number: int) -> None:
        self.client = httpx.Client(base_url=base, timeout=10)
        page = self.client.get("/en/prepare/").text
        self.client.post("/en/prepare/start", data={"csrf_token": csrf_token(page)})
        page = self.client.get(SECTION).text
        self.token, self.version = csrf_token(page), _version(page)
        self.number = number
        self.acknowledged: tuple[int, str] | None = None
        self.sent: list[str] = []

    def save_until(self, stop: threading.Event) -> None:
        """Autosave until told to stop; remember the last save the server confirmed."""
        turn = 0
        while not stop.is_set():
            turn += 1
            text = f"Parent {self.number}, save {turn}: Zażółć gęślą jaźń. " * 3
            self.sent.append(text)
            try:
                response = self.client.post(f"{SECTION}/autosave", data={"csrf_token": self.token, "version": self.version, "answer": text})
            except httpx.TransportError:
                self._reload()
                continue
            if response.status_code == 200:
                self.version = str(response.json()["version"])
                self.acknowledged = (int(self.version), text)
            else:
                # A worker killed after committing but before answering leaves our version behind.
                assert response.status_code in (409, 502, 503), response.text
                self._reload()

    def _reload(self) -> None:
        for _ in range(50):
            try:
                self.version = _version(self.client.get(SECTION).text)
                return
            except httpx.TransportError:
                time.sleep(0.1)


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_killing_a_worker_mid_save_loses_no_acknowledged_save(tmp_path: Path, request: pytest.FixtureRequest, database: str) -> None:
    """Verify kill -9 of gunicorn workers during saves: every acknowledged save is kept, no draft is corrupted."""
    url = f"sqlite:///{tmp_path / 'kill.sqlite3'}" if database == "sqlite" else request.getfixturevalue("postgres_url")
    with gunicorn(server_env(_migrated(url)), tmp_path, workers=3) as server:
        parents = [_Parent(server.url, number) for number in range(4)]
        stop = threading.Event()
        threads = [threading.Thread(target=p.save_until, args=(stop,)) for p in parents]
        for thread in threads:
            thread.start()
        killed = 0
        deadline = time.monotonic() + 6
        while time.monotonic() < deadline:
            time.sleep(0.7)
            workers = server.worker_pids()
            if workers:
                os.kill(workers[killed % len(workers)], signal.SIGKILL)
                killed += 1
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        assert killed >= 5
        for parent in parents:
            assert parent.acknowledged is not None, "no save was acknowledged"
            version, text = parent.acknowledged
            page = parent.client.get(SECTION)
            assert page.status_code == 200
            stored = _textarea(page.text)
            # What is stored is the last acknowledged text, or one sent after it whose answer was lost.
            later = parent.sent[parent.sent.index(text):]
            assert stored in [t.replace("\n", "") for t in later] or stored in later, stored
            assert int(_version(page.text)) >= version
            assert parent.client.get("/en/prepare/check").status_code == 200
            parent.client.close()
