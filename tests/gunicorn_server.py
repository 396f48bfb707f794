"""The app under gunicorn with the repository's gunicorn.conf.py, on a free loopback port."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from parent_guide.config import PROJECT_ROOT
from tests.postgres import free_port

GUNICORN = Path(sys.executable).with_name("gunicorn")


@dataclass
class Server:
    """A running gunicorn: its address, master process and access log."""

    url: str
    process: subprocess.Popen[bytes]
    access_log: Path

    def worker_pids(self) -> list[int]:
        """The worker processes the master has forked."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids


def server_env(database_url: str, **settings: str) -> dict[str, str]:
    """Environment for a deployment on loopback: a fixed strong key, plain HTTP."""
    return {
        **os.environ,
        "PARENT_GUIDE_ENV": "development",
        "SECRET_KEY": secrets.token_hex(32),
        "SESSION_COOKIE_SECURE": "0",
        "DATABASE_URL": database_url,
        **settings,
    }


STARTUP_SECONDS = 180


@contextmanager
def gunicorn(env: dict[str, str], log_dir: Path, workers: int = 2) -> Iterator[Server]:
    """Start gunicorn, wait until /healthz answers, and stop it afterwards."""
    port = free_port()
    access_log = log_dir / f"access-{port}.log"
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers), "GUNICORN_ACCESS_LOG": str(access_log)}
    error_log = log_dir / f"error-{port}.log"
    with error_log.open("wb") as errors:
        process = subprocess.Popen(
            [str(GUNICORN), "-c", str(PROJECT_ROOT / "gunicorn.conf.py")], cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
    url = f"http://127.0.0.1:{port}"
    try:
        # The master loads the app before forking (about 10 s of CPU: six languages' word
        # lists, dictionaries and indexes), so on a machine busy with other tests it can
        # take well over a minute to answer.
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                state = f"exited with {process.returncode}" if process.poll() is not None else f"not answering after {STARTUP_SECONDS} s"
                raise RuntimeError(f"gunicorn did not start ({state}): {error_log.read_text()}")
            time.sleep(0.2)
        yield Server(url, process, access_log)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
