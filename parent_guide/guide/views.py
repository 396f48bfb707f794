"""Routes for the guide's contents page, each step, the glossary and print view."""

from __future__ import annotations

from flask import abort
from flask.typing import ResponseReturnValue

from parent_guide.content_access import content
from parent_guide.guide import bp
from parent_guide.profile import load_profile
from parent_guide.render_cache import render_shared
from parent_guide.tailoring import applying_steps, steps_for_you


@bp.route("/<lang_code>/guide/")
def contents() -> ResponseReturnValue:
    """Every step of the guide, in order, marking those that match the parent's answers."""
    profile = load_profile()
    applying = applying_steps(content().steps, profile)
    tailored = not profile.is_empty
    for_you = steps_for_you(profile)
    return render_shared(
        "guide/contents.html",
        vary=(tuple(s.slug for s in applying), tuple(sorted(for_you)), tailored),
        steps=content().steps,
        applying=applying,
        for_you=for_you,
        tailored=tailored,
    )


@bp.route("/<lang_code>/guide/<slug>")
def step(slug: str) -> ResponseReturnValue:
    """One step, with Back, Continue and "Step N of M" through the steps for this parent.

    The count, Back and Continue all come from one list, the parent's steps, so
    every page agrees on the total. A step outside that list is still readable:
    it has no number, and Back and Continue lead to the parent's steps either side.
    """
    library = content()
    current = library.step(slug)
    if current is None:
        abort(404)
    applying = applying_steps(library.steps)
    # Positions by slug: comparing Step objects compares every field, which cost a
    # fifth of a kept page's CPU when done for each step in turn.
    order = {s.slug: i for i, s in enumerate(library.steps)}
    position = order[current.slug]
    before = [s for s in applying if order[s.slug] < position]
    after = [s for s in applying if order[s.slug] > position]
    applying_slugs = [s.slug for s in applying]
    applies = current.slug in applying_slugs
    number = applying_slugs.index(current.slug) + 1 if applies else None
    previous = before[-1] if before else None
    following = after[0] if after else None
    return render_shared(
        "guide/step.html",
        vary=(number, len(applying), previous and previous.slug, following and following.slug, applies),
        step=current,
        number=number,
        total=len(applying),
        previous=previous,
        following=following,
        applies=applies,
    )


@bp.route("/<lang_code>/glossary")
def glossary() -> ResponseReturnValue:
    """Every piece of jargon the guide uses, explained."""
    return render_shared("guide/glossary.html", glossary=content().glossary)


@bp.route("/<lang_code>/print-guide")
def print_guide() -> ResponseReturnValue:
    """The whole guide on one page, for printing."""
    library = content()
    return render_shared("guide/print.html", steps=library.steps, glossary=library.glossary)
