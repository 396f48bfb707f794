"""One simulated parent for ``bench/load.py``: a fixed mix of requests, sent with no pause.

Each parent has its own cookies, starts a draft, then repeats the mix below in a
fixed order until the run's time is up, recording each request's latency and
whether it failed (any status other than the expected one, or no answer).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import aiohttp
import frontmatter

from parent_guide.config import PROJECT_ROOT

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
    questions = asked_questions(lang)
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
def asked_questions(lang: str) -> tuple[str, ...]:
    """The questions a parent asks in ``lang``: each entry's first phrasing, as a parent would type it.

    Read once per language (before the runs, see ``main``), not by each parent inside the timed run.
    """
    folder = PROJECT_ROOT / "content" / lang / "questions"
    return tuple(frontmatter.load(folder / f"{entry}.md")["phrasings"][0] for entry in QUESTIONS)


async def _hello(base: str, results: Results) -> None:
    """One client asking the bare app for "hello" again and again."""
    async with aiohttp.ClientSession(base, timeout=aiohttp.ClientTimeout(total=30)) as http:
        with contextlib.suppress(TimeUp):
            while True:
                await _timed(results, "hello", lambda: http.get("/"), 200)


async def drive(base: str, parents: int, seconds: float, mode: str) -> Results:
    """Run ``parents`` parents (or hello clients, for mode "hello") until ``seconds`` are up."""
    results = Results(deadline=time.monotonic() + seconds)
    began = time.monotonic()
    if mode == "hello":
        jobs = [_hello(base, results) for _ in range(parents)]
    else:
        jobs = [_parent(base, n, mode == "with exports", results) for n in range(parents)]
    await asyncio.gather(*jobs)
    results.seconds = time.monotonic() - began
    return results
