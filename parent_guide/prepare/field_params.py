"""GOV.UK component parameters for each kind of field, with translated texts."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovRadioInput
from wtforms import Field

COUNT = "%{count}"  # GOV.UK Frontend fills this in; it must survive translation.


def character_count(limit: int) -> dict[str, Any]:
    """Character count texts in the current language."""
    return {
        "maxlength": limit,
        # Screen readers hear the count only in the last tenth before the limit, and over it.
        "threshold": 90,
        "rows": 10,
        # The browser must not offer what a parent wrote about their family to the next person.
        "autocomplete": "off",
        # The parent may write in another script than the page's: the box takes
        # the direction of what they type.
        "attributes": {"dir": "auto"},
        "textareaDescriptionText": _("You can enter up to %(count)s characters", count=COUNT),
        "charactersUnderLimitText": {
            "one": _("You have %(count)s character remaining", count=COUNT),
            "other": _("You have %(count)s characters remaining", count=COUNT),
        },
        "charactersAtLimitText": _("You have 0 characters remaining"),
        "charactersOverLimitText": {
            "one": _("You have %(count)s character too many", count=COUNT),
            "other": _("You have %(count)s characters too many", count=COUNT),
        },
    }


def params_for(field: Field, limit: int) -> dict[str, Any]:
    """The params to render ``field`` with."""
    if isinstance(field.widget, GovCharacterCount):
        return character_count(limit)
    if isinstance(field.widget, GovRadioInput):
        return {"fieldset": {"legend": {"text": str(field.label.text), "classes": "govuk-fieldset__legend--s"}}}
    return {"classes": "govuk-!-width-full", "autocomplete": "off", "attributes": {"spellcheck": "true", "dir": "auto"}}
