"""Routes for the guide's contents page, each step, the glossary and print view."""

from __future__ import annotations

from flask import abort, render_template
from flask.typing import ResponseReturnValue

from parent_guide.content_access import content
from parent_guide.guide import bp


@bp.route("/<lang_code>/guide/")
def contents() -> ResponseReturnValue:
    """Every step of the guide, in order."""
    return render_template("guide/contents.html", steps=content().steps)


@bp.route("/<lang_code>/guide/<slug>")
def step(slug: str) -> ResponseReturnValue:
    """One step, with Back, Continue and "Step N of M"."""
    library = content()
    current = library.step(slug)
    if current is None:
        abort(404)
    number = library.position(current)
    steps = library.steps
    return render_template(
        "guide/step.html",
        step=current,
        number=number,
        total=len(steps),
        previous=steps[number - 2] if number > 1 else None,
        following=steps[number] if number < len(steps) else None,
    )


@bp.route("/<lang_code>/glossary")
def glossary() -> ResponseReturnValue:
    """Every piece of jargon the guide uses, explained."""
    return render_template("guide/glossary.html", glossary=content().glossary)


@bp.route("/<lang_code>/print-guide")
def print_guide() -> ResponseReturnValue:
    """The whole guide on one page, for printing."""
    library = content()
    return render_template("guide/print.html", steps=library.steps, glossary=library.glossary)
