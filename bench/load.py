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
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp

from bench.load_parent import LOCALES, MIX, Results, asked_questions, drive
from parent_guide.config import PROJECT_ROOT
from tests.postgres import free_port, throwaway_cluster

GUNICORN = Path(sys.executable).with_name("gunicorn")


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
        asyncio.run(drive(base, workers * 4, 3, mode))
        before = _workers_cpu(master)
        load_average = os.getloadavg()[0]
        client_before = time.process_time()
        busy_before, total_before = _machine_times()
        results = asyncio.run(drive(base, parents, seconds, mode))
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
        asked_questions(lang)
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
