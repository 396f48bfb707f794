"""Load on autosave: several parents typing at once against one server on 127.0.0.1.

Run with ``PYTHONPATH=. .venv/bin/python bench/autosave_load.py [--seconds 10] [--parents 8] [--postgres]``.
Starts the app in this process (threaded Werkzeug server on a free loopback
port, a fresh SQLite file in a temporary folder unless DATABASE_URL is set),
gives each simulated parent their own draft, then has each post autosaves as
fast as it can for a bounded time. Prints saves per second, median and 95th
percentile latency, and every non-200 status seen. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import logging
import os
import re
import statistics
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from flask_migrate import upgrade
from werkzeug.serving import make_server

from parent_guide import create_app


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(r'value="([^"]+)"[^>]*name="csrf_token"', html)
    if match is None:
        raise RuntimeError("no CSRF token on the page")
    return match.group(1)


def _post(opener: urllib.request.OpenerDirector, url: str, data: dict[str, str]) -> tuple[int, bytes]:
    body = urllib.parse.urlencode(data).encode()
    try:
        with opener.open(url, body, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def parent(base: str, deadline: float, latencies: list[float], statuses: Counter[int], lock: threading.Lock) -> None:
    """One parent: start a draft, then autosave a growing answer until the deadline."""
    opener = _opener()
    start_page = opener.open(f"{base}/en/prepare/", timeout=10).read().decode()
    _post(opener, f"{base}/en/prepare/start", {"csrf_token": _token(start_page)})
    section = opener.open(f"{base}/en/prepare/worries", timeout=10).read().decode()
    token = _token(section)
    version, text = 0, ""
    while time.monotonic() < deadline:
        text += "Zażółć gęślą jaźń. "
        began = time.perf_counter()
        status, body = _post(opener, f"{base}/en/prepare/worries/autosave", {"csrf_token": token, "version": str(version), "answer": text[-4000:]})
        elapsed = (time.perf_counter() - began) * 1000
        if status == 200:
            version = int(re.search(rb'"version":\s*(\d+)', body).group(1))  # type: ignore[union-attr]
        with lock:
            latencies.append(elapsed)
            statuses[status] += 1


def main() -> None:
    """Run the load and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--parents", type=int, default=8)
    parser.add_argument("--postgres", action="store_true", help="use a throwaway PostgreSQL cluster")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with contextlib.ExitStack() as stack:
        if args.postgres:
            from tests.postgres import throwaway_cluster

            url = stack.enter_context(throwaway_cluster())
        else:
            folder = Path(tempfile.mkdtemp(prefix="parent-guide-load-"))
            url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'load.sqlite3'}"
        run(url, args.seconds, args.parents)


def run(url: str, seconds: float, parents: int) -> None:
    """Serve the app on ``url``'s database and drive ``parents`` parents for ``seconds``."""
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "load-test", "DEVELOPMENT": True, "DRAFT_PEPPER": "load-test", "SESSION_COOKIE_SECURE": False})
    with app.app_context():
        upgrade()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"

    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    workers = [threading.Thread(target=parent, args=(base, deadline, latencies, statuses, lock)) for _ in range(parents)]
    began = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=seconds + 30)
    took = time.monotonic() - began
    server.shutdown()

    ordered = sorted(latencies)
    print(f"database: {url.split(':', 1)[0]}  parents: {parents}  seconds: {took:.1f}")
    print(f"autosaves: {len(ordered)}  per second: {len(ordered) / took:.0f}")
    print(f"latency ms  median: {statistics.median(ordered):.1f}  p95: {ordered[int(len(ordered) * 0.95)]:.1f}  max: {ordered[-1]:.1f}")
    print(f"statuses: {dict(statuses)}")


if __name__ == "__main__":
    main()
