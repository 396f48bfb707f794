"""Parents at once against gunicorn on 127.0.0.1, beside a bare Flask "hello" app.

Run with ``PYTHONPATH=. .venv/bin/python bench/load.py [--parents 200] [--seconds 20] [--workers 5]``;
``--databases sqlite --modes pages --no-hello`` runs only the site's pages on SQLite,
to alternate with a run of another tree.

In one run, for the same gunicorn settings (``gunicorn.conf.py``, sync workers):

1. a bare Flask app answering "hello" to every request;
2. the site on SQLite, then on a throwaway PostgreSQL cluster, with parents on the
   mix below but no PDF ("pages": what the ratio is about);
3. the same two with the full mix, one PDF per round ("with exports"), which each
   parent asks for after a different section (parent n after section n mod 8), so
   PDFs are spread over the run instead of all coming at the end of a round.

Each simulated parent has its own cookies, starts a draft, then repeats the mix
in a fixed order with no pause until the time is up. Prints requests per second,
p50, p95 and p99 latency in milliseconds and errors (any status other than the
expected one, or no answer), per kind of request, and the ratio of the site's
pages-run requests per second to hello's. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import frontmatter

from parent_guide.config import PROJECT_ROOT
from tests.postgres import free_port, throwaway_cluster

GUNICORN = Path(sys.executable).with_name("gunicorn")
SECTIONS = ("working-well", "worries", "what-makes-it-harder", "support", "next-steps", "childs-views", "questions", "practical-needs")
# One round of a parent's visit: (kind, how many). Each section is opened, autosaved
# twice while "typing", then saved with "Save and continue".
MIX = (
    ("guide page", 20),
    ("form page", len(SECTIONS)),
    ("autosave", 2 * len(SECTIONS)),
    ("save", len(SECTIONS)),
    ("tailoring answer", 6),
    ("question", 3),
    ("PDF", 1),
)
# The entries whose first phrasing, in the parent's language, each parent asks in a round.
QUESTIONS = ("will-they-take-my-kids", "bring-a-supporter", "will-the-police-be-there")
SOON = date.today() + timedelta(days=15)
TAILORING = (
    ("area", {"answer": "kent"}),
    ("kind", {"answer": "initial"}),
    ("date", {"day": str(SOON.day), "month": str(SOON.month), "year": str(SOON.year)}),
    ("ages", {"not_sure": "1"}),
    ("attending", {"answer": "yes"}),
    ("supporter", {"answer": "no"}),
)
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')
VERSION = re.compile(r'name="version"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="version"')
STEP_LINK = re.compile(r'href="(/[a-z]{2}/guide/[a-z0-9-]+)"')
# The languages parents use, one each in turn (--locales); English unless told.
LOCALES: list[str] = ["en"]


@dataclass
class Results:
    """Latencies (ms) and errors per kind of request."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    deadline: float = 0.0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    load_average: float = 0.0
    client_cpu_seconds: float = 0.0
    # The share of the machine's CPU time (all cores) spent busy during the run, from /proc/stat.
    machine_busy: float = 0.0


class TimeUp(Exception):
    """The run's time is over: the parent stops before the next request."""


def _first(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    if match is None:
        raise RuntimeError(f"{pattern.pattern} not found")
    return next(g for g in match.groups() if g)


async def _timed(results: Results, kind: str, request: Callable[[], Any], expect: int) -> str:
    """Send one request, unless time is up; record its latency and whether it failed."""
    if time.monotonic() > results.deadline:
        raise TimeUp
    began = time.perf_counter()
    try:
        async with request() as response:
            body = await response.read()
            ok = response.status == expect
    except (aiohttp.ClientError, asyncio.TimeoutError):
        body, ok = b"", False
    results.latencies[kind].append((time.perf_counter() - began) * 1000)
    if not ok:
        results.errors[kind] += 1
    return body.decode("utf-8", "replace")


async def _parent(base: str, number: int, with_pdf: bool, results: Results) -> None:
    """One parent: start a draft, then repeat the mix until the deadline."""
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(base, timeout=timeout, cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        with contextlib.suppress(TimeUp):
            await _visit(http, number, with_pdf, results)


async def _visit(http: aiohttp.ClientSession, number: int, with_pdf: bool, results: Results) -> None:
    """The parent's requests, in a fixed order; the lambdas are called at once by ``_timed``."""
    lang = LOCALES[number % len(LOCALES)]
    contents = await _timed(results, "guide page", lambda: http.get(f"/{lang}/guide/"), 200)
    steps = STEP_LINK.findall(contents)
    questions = _questions(lang)
    token = _first(TOKEN, await _timed(results, "form page", lambda: http.get(f"/{lang}/prepare/"), 200))
    await _timed(results, "save", lambda: http.post(f"/{lang}/prepare/start", data={"csrf_token": token}, allow_redirects=False), 302)
    turn = 0
    while True:
        for index, section in enumerate(SECTIONS):
            for _ in range(20 // len(SECTIONS) + (index < 20 % len(SECTIONS))):
                await _timed(results, "guide page", lambda: http.get(steps[turn % len(steps)]), 200)
                turn += 1
            page = await _timed(results, "form page", lambda: http.get(f"/{lang}/prepare/{section}"), 200)
            version = _first(VERSION, page) if "version" in page else "0"
            text = f"Parent {number}, round {turn}: we read together and walk to school. "
            for typed in (text, text * 2):
                saved = await _timed(results, "autosave", lambda: http.post(f"/{lang}/prepare/{section}/autosave", data={"csrf_token": token, "version": version, "answer": typed}), 200)
                version = m.group(1) if (m := re.search(r'"version":\s*(\d+)', saved)) else version
            data = {"csrf_token": token, "version": version, "answer": text * 3, "action": "continue"}
            await _timed(results, "save", lambda: http.post(f"/{lang}/prepare/{section}", data=data, allow_redirects=False), 302)
            if index < len(TAILORING):
                slug, answer = TAILORING[index]
                url = f"/{lang}/your-guide/questions/{slug}"
                await _timed(results, "tailoring answer", lambda: http.post(url, data={"csrf_token": token, **answer}, allow_redirects=False), 302)
            # Three questions a round, after the first three sections.
            if index < len(questions):
                asked = {"question": questions[index]}
                await _timed(results, "question", lambda: http.post(f"/{lang}/ask", data=asked), 200)
            # One PDF a round, after a different section for each parent, so the PDFs are
            # spread over the run and a bounded run measures them before every round ends.
            if with_pdf and index == number % len(SECTIONS):
                await _timed(results, "PDF", lambda: http.get(f"/{lang}/prepare/document.pdf"), 200)


@functools.cache
def _questions(lang: str) -> tuple[str, ...]:
    """The questions a parent asks in ``lang``: each entry's first phrasing, as a parent would type it.

    Read once per language (before the runs, see ``main``), not by each parent inside the timed run.
    """
    folder = PROJECT_ROOT / "content" / lang / "questions"
    return tuple(frontmatter.load(folder / f"{entry}.md")["phrasings"][0] for entry in QUESTIONS)


async def _hello(base: str, results: Results) -> None:
    async with aiohttp.ClientSession(base, timeout=aiohttp.ClientTimeout(total=30)) as http:
        with contextlib.suppress(TimeUp):
            while True:
                await _timed(results, "hello", lambda: http.get("/"), 200)


async def _drive(base: str, parents: int, seconds: float, mode: str) -> Results:
    results = Results(deadline=time.monotonic() + seconds)
    began = time.monotonic()
    if mode == "hello":
        jobs = [_hello(base, results) for _ in range(parents)]
    else:
        jobs = [_parent(base, n, mode == "with exports", results) for n in range(parents)]
    await asyncio.gather(*jobs)
    results.seconds = time.monotonic() - began
    return results


def _machine_times() -> tuple[int, int]:
    """Busy and total CPU ticks of the whole machine so far (idle and iowait count as not busy)."""
    ticks = [int(t) for t in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return sum(ticks) - ticks[3] - ticks[4], sum(ticks)


def _workers_cpu(master: int) -> float:
    """CPU seconds (user and system) used so far by the master's worker processes."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == master:
                total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _run(app: str | None, env: dict[str, str], workers: int, parents: int, seconds: float, mode: str) -> Results:
    """Start gunicorn, drive it, and note the CPU its workers spent on the run."""
    with _gunicorn(app, env, workers) as (base, master):
        # Warm up first: each worker compiles its templates on first use.
        asyncio.run(_drive(base, workers * 4, 3, mode))
        before = _workers_cpu(master)
        load_average = os.getloadavg()[0]
        client_before = time.process_time()
        busy_before, total_before = _machine_times()
        results = asyncio.run(_drive(base, parents, seconds, mode))
        busy_after, total_after = _machine_times()
        results.machine_busy = (busy_after - busy_before) / max(1, total_after - total_before)
        results.client_cpu_seconds = time.process_time() - client_before
        results.load_average = load_average
        results.cpu_seconds = _workers_cpu(master) - before
    return results


@contextlib.contextmanager
def _gunicorn(app: str | None, env: dict[str, str], workers: int) -> Iterator[tuple[str, int]]:
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers), "GUNICORN_ACCESS_LOG": "/dev/null", "GUNICORN_LOG_LEVEL": "warning"}
    command = [str(GUNICORN), "-c", str(PROJECT_ROOT / "gunicorn.conf.py"), *([app] if app else [])]
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        asyncio.run(_wait_until_up(base, server))
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(timeout=60)


async def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(600):
            if server.poll() is not None:
                raise RuntimeError("gunicorn stopped")
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"{base}/") as response:
                    if response.status < 500:
                        return
            await asyncio.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _print(title: str, results: Results, kinds: tuple[str, ...]) -> float:
    """Print one run's figures; return its requests per second over ``kinds``."""
    print(f"\n{title}  ({results.seconds:.1f} s, 1-minute load average {results.load_average:.2f} at the start)")
    print(f"  {'requests':<18}{'count':>8}{'per s':>9}{'p50':>8}{'p95':>8}{'p99':>8}{'errors':>8}")
    rows = [(kind, results.latencies[kind]) for kind in kinds if results.latencies[kind]]
    every = [value for kind, values in rows if kind != "PDF" for value in values]
    if len(rows) > 1:
        rows.append(("all but PDF", every))
    for kind, values in rows:
        ordered = sorted(values)
        errors = sum(results.errors[k] for k in kinds if k != "PDF") if kind == "all but PDF" else results.errors[kind]
        print(
            f"  {kind:<18}{len(ordered):>8}{len(ordered) / results.seconds:>9.0f}{_percentile(ordered, 0.5):>8.0f}"
            f"{_percentile(ordered, 0.95):>8.0f}{_percentile(ordered, 0.99):>8.0f}{errors:>8}"
        )
    count = sum(len(results.latencies[kind]) for kind in kinds)
    print(f"  server CPU: {results.cpu_seconds:.1f} s, {1000 * results.cpu_seconds / count:.2f} ms a request (all kinds);"
          f" this client's CPU: {results.client_cpu_seconds:.1f} s, {1000 * results.client_cpu_seconds / count:.2f} ms a request;"
          f" the machine's cores {100 * results.machine_busy:.0f} % busy")
    return len(every) / results.seconds


def main() -> None:
    """Run hello, then the site on SQLite and PostgreSQL, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parents", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=5, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("GUNICORN_THREADS", "1")), help="threads per worker (gthread above 1)")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--locales", default="en", help="languages the parents use, comma-separated, one each in turn")
    parser.add_argument("--modes", default="pages,with exports", help="which site runs: pages, with exports, or both")
    parser.add_argument("--no-hello", action="store_true", help="leave out hello (to alternate two trees' site runs)")
    args = parser.parse_args()
    LOCALES[:] = args.locales.split(",")
    for lang in LOCALES:
        _questions(lang)
    kind = f"{args.workers} sync workers" if args.threads <= 1 else f"{args.workers} workers of {args.threads} threads (gthread)"
    print(f"{args.parents} parents, no pause, {args.seconds:.0f} s per run, gunicorn {kind}, on {os.cpu_count()} cores, in {', '.join(LOCALES)}")
    print("Each parent's round: " + ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in MIX)
          + " (the pages runs leave out the PDF)")
    base_env = {**os.environ, "GUNICORN_THREADS": str(args.threads), "PARENT_GUIDE_ENV": "development", "SECRET_KEY": secrets.token_hex(32), "SESSION_COOKIE_SECURE": "0"}
    kinds = tuple(kind for kind, _ in MIX)

    hello_rate = 0.0
    if not args.no_hello:
        hello = _run("bench.hello:app", base_env, args.workers, args.parents, args.seconds, "hello")
        hello_rate = _print("bare Flask hello", hello, ("hello",))

    for database in args.databases.split(","):
        with contextlib.ExitStack() as stack:
            if database == "postgresql":
                url = stack.enter_context(throwaway_cluster())
            else:
                url = f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory()) }/load.sqlite3"
            env = {**base_env, "DATABASE_URL": url}
            subprocess.run([str(GUNICORN.with_name("flask")), "--app", "parent_guide", "db", "upgrade"], env=env, check=True, capture_output=True)
            for mode in args.modes.split(","):
                results = _run(None, env, args.workers, args.parents, args.seconds, mode)
                rate = _print(f"site on {database}, {mode}", results, kinds)
                if mode == "pages" and hello_rate:
                    print(f"  ratio to hello: {rate:.0f} / {hello_rate:.0f} = {rate / hello_rate:.2f}")


if __name__ == "__main__":
    main()
