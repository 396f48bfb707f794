"""Routes for the tailoring questions, the "Your guide" page and the calendar file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from flask import Response, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from parent_guide.content_access import content
from parent_guide.profile import Profile, load_profile, save_profile
from parent_guide.tailor import bp
from parent_guide.tailor.calendar_file import build_calendar
from parent_guide.tailor.conference_date import DateInput, read_date
from parent_guide.tailor.questions import Question, asked, question
from parent_guide.tailor.timeline_text import ON_THE_DAY, TITLES, rule_text
from parent_guide.tailoring import applying_steps, packs, pinned_area, rules_area, steps_for_you
from parent_guide.timeline import TimelineEvent, build_timeline

RETURN_TO_SUMMARY = "summary"


def today() -> date:
    """Today's date (a function so tests can replace it)."""
    return date.today()


def _questions() -> tuple[Question, ...]:
    return asked(pinned_area() is not None)


def _area_choices() -> list[SelectChoice]:
    local = [SelectChoice(p.id, p.name) for p in packs().values() if p.kind == "local"]
    return [
        *local,
        SelectChoice("england", _("Somewhere else in England")),
        SelectChoice("wales", _("Somewhere in Wales")),
    ]


def _form(q: Question) -> Any:
    form = q.form()  # type: ignore[misc]
    if q.slug == "area":
        form.answer.choices = _area_choices()
    return form


def _next_url(q: Question) -> str:
    if request.args.get("return") == RETURN_TO_SUMMARY:
        return url_for("tailor.summary")
    order = _questions()
    position = order.index(q)
    return url_for("tailor.ask", slug=order[position + 1].slug) if position + 1 < len(order) else url_for("tailor.summary")


def _timeline(profile: Profile) -> list[TimelineEvent]:
    if profile.conference_date is None:
        return []
    return build_timeline(profile.conference_date, profile.conference_kind or "unknown", rules_area(profile), today())


@bp.get("/")
def summary() -> ResponseReturnValue:
    """Your guide: your answers, your dates and the steps that apply to you."""
    profile = load_profile()
    pack = rules_area(profile)
    events = _timeline(profile)
    upcoming = next((e for e in events if not e.is_past), None)
    return render_template(
        "tailor/summary.html",
        profile=profile,
        answers=[(q, _shown(q, profile)) for q in _questions()],
        steps=applying_steps(content().steps, profile),
        for_you=steps_for_you(profile),
        all_steps=content().steps,
        events=events,
        upcoming=upcoming,
        pack=pack,
        titles=TITLES,
        on_the_day=ON_THE_DAY,
        rule_text=lambda rule: rule_text(rule, pack),
        first_question=_questions()[0],
    )


def _shown(q: Question, profile: Profile) -> str | None:
    """An answer as the parent would read it; None when not answered or not sure."""
    value = q.read(profile)
    if value is None or value == "not-sure":
        return None
    if q.slug == "date":
        return format_date(value, format="full")
    labels = {c.value: str(c.label) for c in _form(q).answer.choices}
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value)
    return labels.get(value, value)


@bp.route("/questions/<slug>", methods=["GET", "POST"])
def ask(slug: str) -> ResponseReturnValue:
    """One tailoring question."""
    q = question(slug)
    if q is None or q not in _questions():
        abort(404)
    profile = load_profile()
    not_sure = "not_sure" in request.form
    if q.form is None:
        return _ask_date(q, profile, not_sure)
    form = _form(q)
    if request.method == "GET":
        form.answer.data = q.read(profile)
    elif not_sure:
        save_profile(q.write(profile, None))
        return redirect(_next_url(q))
    elif form.validate():
        save_profile(q.write(profile, form.answer.data))
        return redirect(_next_url(q))
    status = 400 if form.errors else 200
    return render_template("tailor/question.html", q=q, form=form, number=_questions().index(q) + 1, total=len(_questions())), status


def _ask_date(q: Question, profile: Profile, not_sure: bool) -> ResponseReturnValue:
    if request.method == "POST" and not_sure:
        save_profile(q.write(profile, None))
        return redirect(_next_url(q))
    if request.method == "POST":
        typed = read_date(request.form.get("day", ""), request.form.get("month", ""), request.form.get("year", ""), today())
        if typed.error is None:
            save_profile(q.write(profile, typed.value))
            return redirect(_next_url(q))
        status = 400
    else:
        known = profile.conference_date
        typed = DateInput(str(known.day), str(known.month), str(known.year)) if known else DateInput("", "", "")
        status = 200
    return render_template("tailor/date.html", q=q, typed=typed, number=_questions().index(q) + 1, total=len(_questions())), status


@bp.get("/calendar.ics")
def calendar() -> ResponseReturnValue:
    """The coming dates as a calendar file; neutral titles unless asked for descriptive ones."""
    profile = load_profile()
    events = [e for e in _timeline(profile) if not e.is_past]
    if not events:
        return redirect(url_for("tailor.summary"))
    descriptive = request.args.get("titles") == "descriptive"
    pack = rules_area(profile)
    entries = []
    for event in events:
        if descriptive:
            title = str(TITLES[event.key])
            detail = rule_text(event.rule, pack) if event.rule else str(ON_THE_DAY.get(event.key, ""))
            detail += " " + _("Your social worker will confirm the real date.")
        else:
            title = _("Appointment") if event.key == "conference" else _("Reminder")
            detail = ""
        entries.append((event.key, event.date, title, detail.strip()))
    body = build_calendar(entries, datetime.now(UTC))
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": "attachment; filename=dates.ics", "Cache-Control": "no-store"},
    )


@bp.app_context_processor
def tailor_context() -> dict[str, Any]:
    """The return marker for Change links."""
    return {"RETURN_TO_SUMMARY": RETURN_TO_SUMMARY}
