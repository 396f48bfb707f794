"""Routes that give the parent their document: the names page, PDF, Word and print."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import MultiDict

from parent_guide.drafts.session import current_code, forget, store
from parent_guide.drafts.store import Conflict, DraftNotFound, StoreUnavailable
from parent_guide.export import bp
from parent_guide.export.build import build_document
from parent_guide.export.document import ViewsDocument
from parent_guide.export.forms import NAMES_SECTION, NamesForm
from parent_guide.export.pdf import render_pdf
from parent_guide.export.word import render_docx
from parent_guide.prepare.loading import Sections, with_draft
from parent_guide.profile import load_profile
from parent_guide.tailoring import current_area

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _document(saved: Sections) -> ViewsDocument:
    profile = load_profile()
    return build_document(saved, profile, current_area(profile), date.today())


def _download(data: bytes, mimetype: str, filename: str) -> Response:
    return Response(data, mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename={filename}"})


@bp.after_request
def never_store(response: Response) -> Response:
    """Every page here holds the parent's words or names: no copy may stay in a cache."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/document.pdf")
@with_draft
def pdf(saved: Sections) -> ResponseReturnValue:
    """The document as a tagged PDF."""
    doc = _document(saved)
    return _download(render_pdf(doc), PDF, f"{doc.filename_stem}.pdf")


@bp.get("/document.docx")
@with_draft
def docx(saved: Sections) -> ResponseReturnValue:
    """The document as a Word file."""
    doc = _document(saved)
    return _download(render_docx(doc), DOCX, f"{doc.filename_stem}.docx")


@bp.get("/print")
@with_draft
def print_views(saved: Sections) -> ResponseReturnValue:
    """The document as a web page for the browser to print."""
    return render_template("export/print.html", doc=_document(saved))


def _render_names(form: NamesForm, status: int = 200, **problem: Any) -> ResponseReturnValue:
    return render_template("export/names.html", form=form, **problem), status


@bp.get("/document")
@with_draft
def names(saved: Sections) -> ResponseReturnValue:
    """The optional names page, filled with any names saved before."""
    form = NamesForm()
    state = saved.get(NAMES_SECTION)
    if state is not None:
        form.fill(state.answers, state.version)
    return _render_names(form)


@bp.post("/document")
def save_names() -> ResponseReturnValue:
    """Save the names, then back to check answers; on any failure the typed names stay."""
    form = NamesForm()
    if not form.validate():
        return _render_names(form, 400)
    code = current_code()
    if code is None:
        return _render_names(form, 410, no_draft=True)
    try:
        result = store().save(code, NAMES_SECTION, form.answers(), form.base_version())
    except DraftNotFound:
        forget()
        return _render_names(form, 410, no_draft=True)
    except StoreUnavailable:
        return _render_names(form, 503, save_failed=True)
    if isinstance(result, Conflict):
        # Saving again from this page keeps what is in the boxes.
        form.version.data = str(result.current.version)
        return _render_names(form, 409, theirs=result.current.answers)
    return redirect(url_for("prepare.check"))


@bp.errorhandler(CSRFError)
def csrf_failed(error: CSRFError) -> ResponseReturnValue:
    """An expired names page: show the typed names again with a fresh token."""
    form = NamesForm(formdata=MultiDict(request.form), meta={"csrf": False})
    return _render_names(form, 400, expired=True)
