"""Where the CPU of one request goes, per kind of page: cProfile over the Flask test client.

Run with ``PYTHONPATH=. .venv/bin/python bench/profile.py [--requests 300] [--top 25] [--kinds start,guide] [--database postgresql]``.

The app is built as gunicorn builds it (``create_app()``, development settings,
CSRF and rate limits on) on a SQLite file in a temporary folder. One simulated
parent starts a draft and answers the tailoring questions, as in
``bench/load.py``; then, for each kind of request, the same request is repeated
``--requests`` times under cProfile (after a few unprofiled warm-up requests,
so kept pages and compiled templates are in place as in a worker that has run
a while). For each kind it prints the CPU per request (``process_time``,
without the profiler's own overhead: a separate unprofiled loop), then its own
time summed by library, then the top functions by cumulative time and by own
time. The profile counts CPU time (``--clock cpu``, the default), which stays
meaningful on a machine shared with other work; ``--clock wall`` counts waits
too, such as SQLite's fsync on each commit.

The test client adds some Werkzeug overhead of its own (building the WSGI
environ, reading the response), included in the figures; ``hello`` (a bare
Flask app through the same client) shows how much.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, and its name would
# hide the standard library's ``profile`` module that cProfile imports.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import contextlib  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import re  # noqa: E402
import secrets  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

os.environ.setdefault("PARENT_GUIDE_ENV", "development")
os.environ.setdefault("SECRET_KEY", secrets.token_hex(32))
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")

from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402

from bench.load_parent import TAILORING, asked_questions  # noqa: E402  (the same answers and questions as the load test)
from tests.postgres import throwaway_cluster  # noqa: E402

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')
VERSION = re.compile(r'"version":\s*(\d+)')
HEADERS = {"Accept-Encoding": "gzip, deflate, br", "Accept-Language": "en-GB,en;q=0.9"}


def _app(database_url: str) -> Flask:
    from flask_migrate import upgrade

    from parent_guide import create_app

    # Passed in, not through the environment: the settings read DATABASE_URL when
    # parent_guide.config is first imported, which bench.load_parent has done already.
    app = create_app({"DATABASE_URL": database_url})
    with app.app_context():
        upgrade()
    return app


def _token(page: str) -> str:
    match = TOKEN.search(page)
    assert match, "no CSRF token"
    return next(g for g in match.groups() if g)


def _parent(client: FlaskClient) -> str:
    """A parent with a draft and tailoring answers, as bench/load.py makes; returns the CSRF token."""
    token = _token(client.get("/en/prepare/", headers=HEADERS).get_data(as_text=True))
    assert client.post("/en/prepare/start", data={"csrf_token": token}).status_code == 302
    for slug, answer in TAILORING:
        assert client.post(f"/en/your-guide/questions/{slug}", data={"csrf_token": token, **answer}).status_code == 302
    return token


def kinds(client: FlaskClient, visitor: FlaskClient, token: str) -> dict[str, Callable[[], object]]:
    """Each kind of request, as one call; every call checks its status."""
    version = {"n": "0"}
    typed = "We read together and walk to school. " * 4
    turn = {"n": 0}

    def check(response: object, status: int) -> object:
        assert response.status_code == status, (response.status_code, response.get_data(as_text=True)[:300])  # type: ignore[attr-defined]
        return response

    def autosave() -> object:
        turn["n"] += 1
        response = client.post(
            "/en/prepare/worries/autosave",
            data={"csrf_token": token, "version": version["n"], "answer": f"{typed} {turn['n']}"},
            headers=HEADERS,
        )
        check(response, 200)
        version["n"] = VERSION.search(response.get_data(as_text=True)).group(1)  # type: ignore[union-attr]
        return response

    def save() -> object:
        turn["n"] += 1
        data = {"csrf_token": token, "version": version["n"], "answer": f"{typed} {turn['n']}", "action": "continue"}
        response = check(client.post("/en/prepare/worries", data=data, headers=HEADERS), 302)
        version["n"] = str(int(version["n"]) + 1)
        return response

    asked = asked_questions("en")

    def question() -> object:
        turn["n"] += 1
        return check(client.post("/en/ask", data={"question": asked[turn["n"] % len(asked)]}, headers=HEADERS), 200)

    return {
        "start (new visitor)": lambda: check(visitor.get("/en/", headers=HEADERS), 200),
        "start (parent)": lambda: check(client.get("/en/", headers=HEADERS), 200),
        "guide step (parent)": lambda: check(client.get("/en/guide/who-will-be-there", headers=HEADERS), 200),
        "guide step (new visitor)": lambda: check(visitor.get("/en/guide/who-will-be-there", headers=HEADERS), 200),
        "form page GET": lambda: check(client.get("/en/prepare/worries", headers=HEADERS), 200),
        "autosave POST": autosave,
        "save POST": save,
        "tailoring answer POST": lambda: check(
            client.post("/en/your-guide/questions/attending", data={"csrf_token": token, "answer": "yes"}, headers=HEADERS), 302
        ),
        "question POST": question,
    }


def by_library(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own time summed by where the code lives: a library, our package, a template, the standard library."""
    totals: dict[str, float] = {}
    for (filename, _line, function), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if filename.endswith(".html") or filename.startswith("<template>"):
            where = "templates (Jinja-compiled code)"
        elif "site-packages/" in filename:
            where = filename.split("site-packages/", 1)[1].split("/", 1)[0].split(".", 1)[0]
        elif "/parent_guide/" in filename:
            where = "parent_guide"
        elif filename == "~":
            where = "built-ins (" + function.split("'")[1] + ")" if "'" in function else "built-ins"
        else:
            where = "standard library"
        totals[where] = totals.get(where, 0.0) + tottime
    return sorted(totals.items(), key=lambda item: -item[1])


def _hello() -> FlaskClient:
    from bench.hello import app

    return app.test_client()


def main() -> None:
    """Profile each kind of request and print where its time goes."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--kinds", default="", help="comma-separated prefixes of kinds to run (default: all)")
    parser.add_argument("--sort", default="cumulative,tottime")
    parser.add_argument("--summary", action="store_true", help="only the CPU per request, no profile")
    parser.add_argument(
        "--clock", choices=("cpu", "wall"), default="cpu",
        help="profile CPU time (default: steady on a busy machine, leaves out waits such as SQLite's fsync) or wall time",
    )
    parser.add_argument(
        "--database", choices=("sqlite", "postgresql"), default="sqlite",
        help="SQLite in a temporary folder (default) or a throwaway PostgreSQL cluster (needs Debian's postgresql)",
    )
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        if args.database == "postgresql":
            url = stack.enter_context(throwaway_cluster())
        else:
            url = f"sqlite:///{tempfile.mkdtemp()}/profile.sqlite3"
        _profile(_app(url), args)


def _profile(app: Flask, args: argparse.Namespace) -> None:
    """Run and profile each kind of request asked for, then print the CPU per request."""
    client, visitor = app.test_client(), app.test_client()
    token = _parent(client)
    hello = _hello()
    requests = {"hello (bare Flask)": lambda: hello.get("/"), **kinds(client, visitor, token)}
    wanted = [w for w in args.kinds.split(",") if w]
    summary = []
    for name, call in requests.items():
        if wanted and not any(name.startswith(w) for w in wanted):
            continue
        for _ in range(20):
            call()
        began = time.process_time()
        for _ in range(args.requests):
            call()
        cpu = (time.process_time() - began) * 1000 / args.requests
        summary.append((name, cpu))
        if args.summary:
            continue
        profiler = cProfile.Profile(time.process_time) if args.clock == "cpu" else cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            call()
        profiler.disable()
        print(f"\n=== {name}: {cpu:.2f} ms CPU a request (unprofiled, {args.requests} requests) ===")
        shares = by_library(pstats.Stats(profiler))
        whole = sum(t for _, t in shares) or 1.0
        print("--- own time by where the code lives ---")
        for where, spent in shares[:12]:
            print(f"  {where:<36}{100 * spent / whole:>5.1f} %")
        for order in args.sort.split(","):
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order)
            stats.print_stats(args.top)
            lines = out.getvalue().splitlines()
            start = next(i for i, line in enumerate(lines) if "ncalls" in line)
            print(f"--- by {order} ---")
            print("\n".join(lines[start:]).rstrip())
    print("\n=== CPU per request (ms, in-process, test client) ===")
    for name, cpu in summary:
        print(f"  {name:<26}{cpu:>7.2f}")


if __name__ == "__main__":
    main()
