"""Opening the parent's draft for a page: the one way every page that shows answers loads them."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import redirect, render_template, url_for
from flask.typing import ResponseReturnValue

from parent_guide.drafts.session import current_code, forget, store
from parent_guide.drafts.store import DraftNotFound, SectionState, StoreUnavailable

Sections = dict[str, SectionState]


def with_draft(view: Callable[..., ResponseReturnValue]) -> Callable[..., ResponseReturnValue]:
    """Call ``view`` with the draft's saved sections; without a draft, go to the task list."""

    @wraps(view)
    def wrapped(**kwargs: Any) -> ResponseReturnValue:
        code = current_code()
        if code is None:
            return redirect(url_for("prepare.tasks"))
        try:
            saved = store().load(code)
        except DraftNotFound:
            forget()
            return redirect(url_for("prepare.tasks"))
        except StoreUnavailable:
            return render_template("prepare/unavailable.html"), 503
        return view(saved, **kwargs)

    return wrapped
