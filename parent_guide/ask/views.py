"""The question box's results page and one page per vetted question.

The question arrives by POST only, so it never reaches a URL, the history, a
server log or a Referer; the page is ``no-store``; nothing here logs or keeps it.
"""

from __future__ import annotations

from flask import abort, make_response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext

from parent_guide.ask import bp, searcher
from parent_guide.ask.entries import Entry
from parent_guide.ask.local_facts import fill, out_of_hours
from parent_guide.ask.results_page import results_html
from parent_guide.ask.search import Outcome
from parent_guide.content_access import content
from parent_guide.extensions import csrf
from parent_guide.i18n import current_locale, offered_locales
from parent_guide.tailoring import current_area, rules_area

MAX_QUESTION_CHARS = 500
FORM_ID = "ask-form"
OTHER_QUESTIONS = 5


def _entries() -> dict[str, Entry]:
    """Entries shown in this locale: its own, English for any not yet translated."""
    locales = searcher().locales
    site = current_locale()
    default = next(iter(locales))
    shown = dict(locales[default].entries)
    if site in locales:
        shown.update(locales[site].entries)
    return shown


def _answer(entry: Entry) -> dict[str, object]:
    step = content().step(entry.step)
    return {"entry": entry, "html": fill(entry.answer_html, rules_area()), "step": step}


def _others(topic: str, shown: set[str]) -> list[Entry]:
    return [e for e in _entries().values() if e.topic == topic and e.id not in shown][:OTHER_QUESTIONS]


def _page(question: str, outcome: Outcome | None, error: str | None, status: int = 200) -> ResponseReturnValue:
    entries = _entries()
    answers = [_answer(entries[m.entry_id]) for m in outcome.matches] if outcome else []
    others = _others(answers[0]["entry"].topic, {m.entry_id for m in outcome.matches}) if answers else []  # type: ignore[attr-defined]
    area = current_area()

    def render(shown: str) -> str:
        return render_template(
            "ask/results.html",
            question=shown,
            outcome=outcome,
            error=error,
            answers=answers,
            others=others,
            country=area.country if area else "england",
            out_of_hours=out_of_hours(area),
            max_chars=MAX_QUESTION_CHARS,
            language_form=FORM_ID,
        )

    # What the page shows besides the question: the help lines, the entries, the message.
    found = (outcome.danger, tuple(m.entry_id for m in outcome.matches)) if outcome else None
    response = make_response(results_html(question, (found, error), render), status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/<lang_code>/ask")
def ask() -> ResponseReturnValue:
    """The question box on a page of its own."""
    return _page("", None, None)


@bp.post("/<lang_code>/ask")
@csrf.exempt
def answer() -> ResponseReturnValue:
    """Help lines for any danger, then up to three vetted answers, or a kind "no good match"."""
    switch_to = request.form.get("switch_to")
    if switch_to and switch_to != current_locale() and switch_to in offered_locales():
        # 307 keeps the POST and its body, so the question follows without entering the URL.
        return redirect(url_for("ask.answer", lang_code=switch_to), code=307)
    question = request.form.get("question", "")
    if not question.strip():
        return _page(question, None, _("Type your question"), 400)
    outcome = searcher().ask(question[:MAX_QUESTION_CHARS * 4], current_locale())
    if len(question) > MAX_QUESTION_CHARS:
        too_long = ngettext("Your question must be %(num)d character or fewer", "Your question must be %(num)d characters or fewer", MAX_QUESTION_CHARS)
        return _page(question, Outcome(outcome.danger, ()), too_long, 400)
    return _page(question, outcome, None)


@bp.get("/<lang_code>/ask/<entry_id>")
def entry(entry_id: str) -> ResponseReturnValue:
    """One vetted question and its answer, with others on the same topic."""
    found = _entries().get(entry_id)
    if found is None:
        abort(404)
    return render_template(
        "ask/entry.html", answer=_answer(found), others=_others(found.topic, {found.id})
    )
