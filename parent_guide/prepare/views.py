"""Routes of the preparation form: start, task list, sections, check, resume, delete."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import MultiDict

from parent_guide.content_model import PrepareSection
from parent_guide.content_access import content
from parent_guide.drafts import codes
from parent_guide.drafts.store import Conflict, DraftNotFound, SectionState, StoreUnavailable
from parent_guide.i18n import offered_locales
from parent_guide.prepare import bp
from parent_guide.drafts.session import current_code, forget, remember, resume_attempt_limit, store
from parent_guide.prepare.field_params import params_for
from parent_guide.prepare.loading import Sections, with_draft
from parent_guide.prepare.section_page import section_page
from parent_guide.prepare.forms import SectionForm, form_for, shown_answers
from parent_guide.prepare.status import COMPLETE, section_status
from parent_guide.prepare.text import paragraphs
from parent_guide.profile import load_profile, save_profile

RETURN_TO_CHECK = "check"


def _section_or_404(slug: str) -> PrepareSection:
    section = content().prepare_section(slug)
    if section is None:
        abort(404)
    return section


def _language_switch() -> str | None:
    """The language the parent chose with a language button on this form, if any."""
    wanted = request.form.get("switch_to")
    return wanted if wanted in offered_locales() else None


def kept_args() -> dict[str, str]:
    """The query arguments a section page passes on: only where to go back to, never others."""
    return {"return": RETURN_TO_CHECK} if request.args.get("return") == RETURN_TO_CHECK else {}


def _after_save(section: PrepareSection) -> str:
    sections = content().prepare
    switch_to = _language_switch()
    if switch_to:
        # The same section, in the language chosen: the text was saved on the way.
        return url_for("prepare.section", slug=section.slug, lang_code=switch_to, **kept_args())
    if kept_args():
        return url_for("prepare.check")
    if request.form.get("action") == "later":
        return url_for("prepare.tasks")
    position = sections.index(section)
    if position + 1 < len(sections):
        return url_for("prepare.section", slug=sections[position + 1].slug)
    return url_for("prepare.check")


def _section_html(section: PrepareSection, form: SectionForm, **extra: Any) -> str:
    sections = content().prepare
    return render_template(
        "prepare/section.html",
        section=section,
        form=form,
        number=sections.index(section) + 1,
        total=len(sections),
        **extra,
    )


def _render_section(section: PrepareSection, form: SectionForm, status: int = 200, **extra: Any) -> ResponseReturnValue:
    return _section_html(section, form, **extra), status


@bp.get("/")
def tasks() -> ResponseReturnValue:
    """The task list, or the page before writing when there is no draft yet."""
    code = current_code()
    if code is None:
        return render_template("prepare/start.html", page=content().pages["before-you-write"])
    try:
        saved = store().load(code)
    except DraftNotFound:
        forget()
        return render_template("prepare/start.html", page=content().pages["before-you-write"], was_deleted=True)
    except StoreUnavailable:
        return render_template("prepare/unavailable.html"), 503
    items = [(s, section_status(saved.get(s.slug))) for s in content().prepare]
    return render_template("prepare/tasks.html", items=items, code=codes.display(code))


@bp.post("/start")
def start() -> ResponseReturnValue:
    """Create a draft for this browser and go to the task list."""
    if current_code() is None:
        try:
            remember(store().create())
            save_profile(load_profile())
        except StoreUnavailable:
            return render_template("prepare/unavailable.html"), 503
    return redirect(url_for("prepare.tasks"))


@bp.route("/<slug>", methods=["GET", "POST"])
def section(slug: str) -> ResponseReturnValue:
    """One section: show it, or save it and move on."""
    section = _section_or_404(slug)
    form = form_for(slug)()
    code = current_code()

    if request.method == "GET":
        if code is None:
            return redirect(url_for("prepare.tasks"))
        try:
            state = store().load(code).get(slug)
        except DraftNotFound:
            forget()
            return redirect(url_for("prepare.tasks"))
        except StoreUnavailable:
            return render_template("prepare/unavailable.html"), 503
        if state is not None:
            form.fill(state.answers, state.version)
        return section_page(form, lambda shown: _section_html(section, shown))

    if not form.validate():
        return _render_section(section, form, 400)
    if code is None:
        code = _recover_draft(form)
        if code is None:
            return render_template("prepare/recover.html", section=section, form=form, reason="expired"), 401
    return _save_and_continue(section, form, code)


def _recover_draft(form: SectionForm) -> str | None:
    """After a lost session: the draft named by a typed code, or a new one if asked."""
    if "recover" not in request.form:
        return None
    typed = request.form.get("resume_code", "").strip()
    if not typed:
        code = store().create()
        remember(code)
        return code
    with resume_attempt_limit():
        code = codes.normalise(typed)
        if code is not None and store().exists(code):
            remember(code)
            return code
    form.resume_code_error = _("We could not find answers with that code. Check it and try again, or leave it blank to save in a new set of answers.")  # type: ignore[attr-defined]
    return None


def _save_and_continue(section: PrepareSection, form: SectionForm, code: str) -> ResponseReturnValue:
    answers = form.answers()
    if answers and not _language_switch():
        answers[COMPLETE] = "yes"
    try:
        result = _save(code, section.slug, answers, form.base_version())
    except DraftNotFound:
        forget()
        return render_template("prepare/recover.html", section=section, form=form, reason="deleted"), 410
    except StoreUnavailable:
        return _render_section(section, form, 503, save_failed=True)
    if isinstance(result, Conflict):
        form.version.data = str(result.current.version)
        return render_template("prepare/conflict.html", section=section, form=form, theirs=result.current), 409
    return redirect(_after_save(section))


def _save(code: str, slug: str, answers: dict[str, str], base_version: int) -> Any:
    """Save; a conflict whose stored text matches what was sent is no conflict."""
    result = store().save(code, slug, answers, base_version)
    if isinstance(result, Conflict) and _same_text(result.current, answers):
        result = store().save(code, slug, answers, result.current.version)
    return result


def _same_text(state: SectionState, answers: dict[str, str]) -> bool:
    def text(values: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in values.items() if k != COMPLETE}

    return text(state.answers) == text(answers)


@bp.post("/<slug>/autosave")
def autosave(slug: str) -> ResponseReturnValue:
    """Save as the parent types (JavaScript); answers in JSON for the status message."""
    section = _section_or_404(slug)
    form = form_for(slug)()
    if not form.validate():
        message = next(iter(form.errors.values()))[0]
        return jsonify(status="invalid", message=str(message)), 400
    code = current_code()
    if code is None:
        return jsonify(status="expired"), 401
    try:
        result = _save(code, section.slug, form.answers(), form.base_version())
    except DraftNotFound:
        return jsonify(status="expired"), 410
    except StoreUnavailable:
        return jsonify(status="failed"), 503
    if isinstance(result, Conflict):
        return jsonify(status="conflict"), 409
    return jsonify(status="saved", version=result.version)


@bp.get("/check")
@with_draft
def check(saved: Sections) -> ResponseReturnValue:
    """Check your answers, with a Change link for each section."""
    rows = [(s, shown_answers(form_for(s.slug), saved.get(s.slug))) for s in content().prepare]
    return render_template("prepare/check.html", rows=rows)


@bp.route("/delete", methods=["GET", "POST"])
def delete() -> ResponseReturnValue:
    """Confirm, then delete every answer for good."""
    code = current_code()
    if code is None:
        return redirect(url_for("prepare.tasks"))
    if request.method == "GET":
        return render_template("prepare/delete.html")
    try:
        store().delete(code)
    except StoreUnavailable:
        return render_template("prepare/unavailable.html"), 503
    forget()
    return redirect(url_for("prepare.deleted"))


@bp.get("/deleted")
def deleted() -> ResponseReturnValue:
    """Confirmation that the answers are gone."""
    return render_template("prepare/deleted.html")


@bp.errorhandler(CSRFError)
def csrf_failed(error: CSRFError) -> ResponseReturnValue:
    """An expired page: keep the parent's text and let one click save it."""
    if request.path.endswith("/autosave"):
        return jsonify(status="expired"), 400
    slug = request.view_args.get("slug") if request.view_args else None
    section = content().prepare_section(slug) if slug else None
    if section is None:
        return render_template("errors/generic.html", error=error), 400
    form = form_for(slug)(formdata=MultiDict(request.form), meta={"csrf": False})  # type: ignore[arg-type]
    return render_template("prepare/recover.html", section=section, form=form, reason="expired"), 400


bp.add_app_template_filter(paragraphs, "paragraphs")


@bp.app_context_processor
def prepare_context() -> dict[str, Any]:
    """Values every preparation template uses."""
    limit = current_app.config["ANSWER_MAX_CHARS"]
    return {"field_params": lambda field: params_for(field, limit), "RETURN_TO_CHECK": RETURN_TO_CHECK, "kept_args": kept_args}
