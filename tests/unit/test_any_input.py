"""Property-based: whatever is sent to whichever route, never a 500, never a traceback, no text lost.

Routes come from ``app.url_map``, so a new route is swept without editing this
file. Hypothesis runs derandomized with a fixed number of examples, so a run is
reproducible and bounded (well under a minute alone on this machine's 2 cores).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from werkzeug.routing import BuildError, Rule

from parent_guide.main.views import INFORMATION_PAGES
from parent_guide.prepare.text import clean
from parent_guide.tailor.questions import QUESTIONS
from tests.conftest import make_app

SWEEP = settings(
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
TEXT_KEPT = settings(SWEEP, max_examples=100)

FIELDS = [
    "answer", "version", "action", "switch_to", "recover", "resume_code", "day", "month", "year", "not_sure",
    "parent_name", "children_names", "attending", "supporter", "interpreter", "interpreter_language",
    "adjustments", "csrf_token",
]
QUERY_KEYS = ["endpoint", "slug", "_method", "_external", "_anchor", "_scheme", "lang_code", "return", "area", "code", "titles", "filename"]
QUERY_VALUES = ["check", "summary", "kent", "england", "descriptive", "en", "x", "GET", "javascript", "1", "K7QM-3XPA-9DRT-HW2B"]
CONTENT_TYPES = [
    "application/json", "text/plain", "application/xml", "multipart/form-data; boundary=zz",
    "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded", "", "*/*",
]

def _mostly(known: list[str]) -> st.SearchStrategy[str]:
    """A known value four times in five, else any text."""
    return st.integers(0, 4).flatmap(lambda n: st.sampled_from(known) if n else st.text(min_size=1, max_size=12))


small_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "yes", "no", "later", "continue", "en", "0", "-1", "9" * 40, "\x00", "\ud7ff", "%ff%fe", "٣"]),
)
# Around the answer limit, and long enough to pass the body limit when repeated.
some_text = st.one_of(small_text, st.sampled_from([4999, 5000, 5001, 60_000]).map(lambda n: "é" * n))
field_names = st.one_of(st.sampled_from(FIELDS), st.text(max_size=10))
form_pairs = st.lists(st.tuples(field_names, some_text), max_size=8)
# What a parent's own browser could send beside their answer: form fields of ordinary size.
browser_pairs = st.lists(st.tuples(field_names, small_text), max_size=8)
query_pairs = st.lists(st.tuples(_mostly(QUERY_KEYS), _mostly(QUERY_VALUES)), max_size=5)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS), inner, max_size=4)),
    max_leaves=12,
)


@st.composite
def bodies(draw: st.DrawFn) -> dict[str, Any]:
    """Keyword arguments for the test client's ``open``: a body of one of many shapes."""
    kind = draw(st.sampled_from(["form", "form", "json", "raw", "file", "huge", "none"]))
    if kind == "form":
        return {"data": urlencode(draw(form_pairs)), "content_type": "application/x-www-form-urlencoded"}
    if kind == "json":
        return {"data": json.dumps(draw(json_values)), "content_type": "application/json"}
    if kind == "raw":
        return {"data": draw(st.binary(max_size=300)), "content_type": draw(st.sampled_from(CONTENT_TYPES))}
    if kind == "file":
        return {"data": {"answer": (io.BytesIO(draw(st.binary(max_size=100))), draw(st.text(max_size=10)) or "f.txt")}}
    if kind == "huge":
        return {"data": "answer=" + "x" * draw(st.integers(500_000, 800_000)), "content_type": "application/x-www-form-urlencoded"}
    return {}


@pytest.fixture(scope="module")
def open_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The site without CSRF checks, so every body reaches the forms behind them."""
    database: Path = tmp_path_factory.mktemp("any-input") / "drafts.sqlite3"
    yield make_app(f"sqlite:///{database}", WTF_CSRF_ENABLED=False)


def _known_values(app: Flask, endpoint: str) -> dict[str, list[str]]:
    """Real values for each route argument, so most requests reach the view behind the route."""
    library = app.extensions["parent_guide.content"]["en"]
    slugs = {
        "prepare": [s.slug for s in library.prepare] + ["_profile", "_names"],
        "guide": [s.slug for s in library.steps],
        "tailor": [q.slug for q in QUESTIONS],
        "main": list(INFORMATION_PAGES),
    }
    return {
        "lang_code": list(app.extensions["parent_guide.content"].locales),
        "slug": slugs.get(endpoint.partition(".")[0], ["x"]),
        "filename": list(app.extensions["parent_guide.assets"].values()) + ["manifest.json"],
    }




@st.composite
def requests(draw: st.DrawFn, app: Flask, methods: frozenset[str]) -> tuple[str, str]:
    """A method and URL for one of the app's routes taking one of ``methods``, with arguments known and unknown."""
    rules = sorted((r for r in app.url_map.iter_rules() if (r.methods or set()) & methods), key=lambda r: (r.rule, r.endpoint))
    rule: Rule = draw(st.sampled_from(rules))
    method = draw(st.sampled_from(sorted((rule.methods or set()) & methods) * 4 + ["PUT", "DELETE", "PATCH"]))
    known = _known_values(app, rule.endpoint)
    values = {arg: draw(_mostly(known.get(arg, ["x"]))) for arg in sorted(rule.arguments)}
    try:
        path = app.url_map.bind("localhost").build(rule.endpoint, values, method=method if method in (rule.methods or ()) else None)
    except (BuildError, ValueError):  # a value the route's converter refuses
        path = "/" + "/".join(quote(v, safe="") for v in values.values())
    query = draw(query_pairs)
    return method, path + ("?" + urlencode(query) if query else "")


def _check(response: Any, where: str) -> None:
    body = response.get_data()  # bytes: PDFs, Word files and assets are not text
    response.close()  # assets are streamed from files
    assert response.status_code < 500, f"{response.status_code} for {where}"
    assert b"Traceback" not in body and b'File "' not in body, where


POSTS = frozenset({"POST"})
READS = frozenset({"GET", "HEAD"})


def _sweep(app: Flask, data: st.DataObject, methods: frozenset[str]) -> None:
    client = app.test_client()
    if data.draw(st.booleans(), label="with a draft"):
        client.post("/en/prepare/start", data={"csrf_token": ""})
    method, url = data.draw(requests(app, methods), label="request")
    body = data.draw(bodies(), label="body")
    _check(client.open(url, method=method, **body), f"{method} {url}")


@SWEEP
@given(data=st.data())
def test_no_post_gives_a_500(open_app: Flask, data: st.DataObject) -> None:
    """Verify any body and query sent to any route that takes a POST gets a page, never a 500 or a traceback."""
    _sweep(open_app, data, POSTS)


@settings(SWEEP, max_examples=120)
@given(data=st.data())
def test_no_read_gives_a_500(open_app: Flask, data: st.DataObject) -> None:
    """Verify the same for every page read with GET or HEAD, with or without a draft."""
    _sweep(open_app, data, READS)


@settings(SWEEP, max_examples=100)
@given(data=st.data())
def test_no_input_gives_a_500_with_csrf_on(app: Flask, data: st.DataObject) -> None:
    """Verify the same with CSRF protection on, where the expired-page handlers answer instead."""
    _sweep(app, data, POSTS | READS)


answer_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=5000).filter(lambda t: clean(t).strip())


@TEXT_KEPT
@given(
    text=answer_text,
    section=st.sampled_from(["working-well", "worries", "practical-needs"]),
    extra=browser_pairs,
    query=query_pairs,
    has_draft=st.booleans(),
)
def test_valid_text_is_never_lost(open_app: Flask, text: str, section: str, extra: list[tuple[str, str]], query: list[tuple[str, str]], has_draft: bool) -> None:
    """Verify a valid answer, sent with any other fields and query arguments, is saved or shown back."""
    client = open_app.test_client()
    if has_draft:
        client.post("/en/prepare/start")
    field = "adjustments" if section == "practical-needs" else "answer"
    fields = [(k, v) for k, v in extra if k != field] + [(field, text)]
    if has_draft:
        # A duplicated field is read first-wins: the parent's text goes first.
        fields = [(field, text), *fields]
    url = f"/en/prepare/{section}" + ("?" + urlencode(query) if query else "")
    response = client.post(url, data=urlencode(fields), content_type="application/x-www-form-urlencoded")
    _check(response, url)
    expected = str(escape(clean(text)))
    if response.status_code in (301, 302, 303):
        shown = client.get(f"/en/prepare/{section}").get_data(as_text=True)
        assert expected in shown, "saved text not shown back"
    else:
        assert expected in response.get_data(as_text=True), f"{response.status_code}: text not shown back"
