"""What applies to this parent: their area pack and the guide steps for their situation.

The guide and the tailoring questions both read this; it sits below both.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, request

from pathlib import Path

from parent_guide.area_language import in_language
from parent_guide.areas import AreaPack
from parent_guide.content_model import Step
from parent_guide.i18n import current_locale
from parent_guide.profile import ANSWERS, Profile, load_profile, save_profile
from parent_guide.tailoring_rules import TailoringRules, load_rules

RULES_KEY = "parent_guide.tailoring_rules"

def packs() -> dict[str, AreaPack]:
    """Every area pack, local ones first (see ``areas.load_areas``)."""
    return current_app.extensions["parent_guide.areas"]


def pinned_area() -> AreaPack | None:
    """The area this deployment serves, when it is set up for one area only."""
    pinned = current_app.config.get("PINNED_AREA")
    return packs()[pinned] if pinned else None


def current_area(profile: Profile | None = None) -> AreaPack | None:
    """The parent's area: the pinned one, else the one they chose, else none."""
    pinned = pinned_area()
    if pinned is not None:
        return in_language(pinned, current_locale())
    profile = profile or load_profile()
    pack = packs().get(profile.area) if profile.area else None
    return in_language(pack, current_locale()) if pack else None


def rules_area(profile: Profile | None = None) -> AreaPack:
    """The pack whose timescales apply: the parent's area, else England's national defaults."""
    return current_area(profile) or packs()["england"]


def rules() -> TailoringRules:
    """What each answer adds or hides, from ``content/tailoring.toml``."""
    return current_app.extensions[RULES_KEY]


def applying_steps(steps: tuple[Step, ...], profile: Profile | None = None) -> tuple[Step, ...]:
    """The steps for this parent, in guide order: all but those about another kind of conference."""
    profile = profile or load_profile()
    hidden = rules().hidden(profile.conference_kind)
    return tuple(step for step in steps if step.slug not in hidden)


def steps_for_you(profile: Profile | None = None) -> frozenset[str]:
    """The slugs of the steps the parent's answers bring forward."""
    profile = profile or load_profile()
    return rules().brought_forward(profile.answers())


def _area_from_share_link() -> None:
    """``?area=kent`` on any page sets the area, so a social worker can share a link."""
    wanted = request.args.get("area")
    if not wanted or pinned_area() is not None or wanted not in packs():
        return
    profile = load_profile()
    if profile.area != wanted:
        save_profile(profile.updated(area=wanted))


def init_app(app: Flask) -> None:
    """Check the pinned area, honour share links, and give templates the area."""
    library = app.extensions["parent_guide.content"]
    slugs = [step.slug for step in library[library.default_locale].steps]
    app.extensions[RULES_KEY] = load_rules(Path(app.config["CONTENT_DIR"]) / "tailoring.toml", slugs, ANSWERS)
    pinned = app.config.get("PINNED_AREA")
    if pinned and pinned not in app.extensions["parent_guide.areas"]:
        raise ValueError(f"PARENT_GUIDE_AREA={pinned!r} is not an area pack in {app.config['AREAS_DIR']}")
    app.before_request(_area_from_share_link)

    @app.context_processor
    def area_context() -> dict[str, Any]:
        if request.endpoint in (None, "assets", "main.healthz"):
            return {}
        return {"current_area": current_area(), "area_pinned": pinned_area() is not None}
