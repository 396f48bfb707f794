"""GOV.UK component parameters for each kind of field, with translated texts."""

from __future__ import annotations

from functools import cache
from typing import Any

from babel import Locale
from flask_babel import gettext as _
from flask_babel import ngettext
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovRadioInput
from wtforms import Field

from parent_guide.i18n import current_locale

COUNT = "%{count}"  # GOV.UK Frontend fills this in; it must survive translation.


def plural_samples() -> dict[str, int]:
    """A whole number for each plural category of the page's language ("one": 1, "few": 2, ...).

    GOV.UK Frontend picks a message by the browser's ``Intl.PluralRules``
    category; gettext picks a form by number. One sample per category lets
    each category get the catalogue's form for it. Polish and others use
    "other" only for fractions: it then gets the form for a large number.
    """
    return _samples(current_locale())


@cache
def _samples(locale: str) -> dict[str, int]:
    """Worked out once per language, not on every form page."""
    rule = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    for n in range(200):
        samples.setdefault(rule(n), n)
    samples.setdefault("other", 1000)
    return samples


def _counted(message: Any) -> dict[str, str]:
    return {category: message(n) for category, n in plural_samples().items()}


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
        "textareaDescriptionText": ngettext("You can enter up to %(count)s character", "You can enter up to %(count)s characters", limit, count=COUNT),
        "charactersUnderLimitText": _counted(
            lambda n: ngettext("You have %(count)s character remaining", "You have %(count)s characters remaining", n, count=COUNT)
        ),
        "charactersAtLimitText": _("You have 0 characters remaining"),
        "charactersOverLimitText": _counted(
            lambda n: ngettext("You have %(count)s character too many", "You have %(count)s characters too many", n, count=COUNT)
        ),
    }


def params_for(field: Field, limit: int) -> dict[str, Any]:
    """The params to render ``field`` with."""
    if isinstance(field.widget, GovCharacterCount):
        return character_count(limit)
    if isinstance(field.widget, GovRadioInput):
        return {"fieldset": {"legend": {"text": str(field.label.text), "classes": "govuk-fieldset__legend--s"}}}
    return {"classes": "govuk-!-width-full", "autocomplete": "off", "attributes": {"spellcheck": "true", "dir": "auto"}}
