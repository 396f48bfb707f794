"""The base of every form, and the GOV.UK widgets its fields use.

Flask-WTF reads WTForms' message catalogue from disk on every request that
builds a form (about a millisecond of CPU on a form page or an autosave). The
catalogue never changes while the app runs, so it is kept per locale here.

govuk-frontend-wtf renders each field with Flask's ``render_template``, which
runs every context processor of the site again (the session, the area, the
languages) for a template that reads only ``params``; these widgets render the
same template straight from the Jinja environment.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel import support
from flask import current_app
from flask_babel import get_locale
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovCheckboxesInput, GovRadioInput, GovTextInput
from markupsafe import Markup
from wtforms.i18n import messages_path


@lru_cache(maxsize=64)
def wtforms_translations(locale: str) -> support.Translations:
    """WTForms' messages in ``locale`` (a Babel locale identifier such as ``en_GB``)."""
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class Form(FlaskForm):
    """A Flask-WTF form whose WTForms messages come from the per-locale copy."""

    class Meta(FlaskForm.Meta):
        """Flask-WTF's settings, with translations kept per locale."""

        def get_translations(self, form: Any) -> Any:
            if not current_app.config.get("WTF_I18N_ENABLED", True) or "babel" not in current_app.extensions:
                return super().get_translations(form)
            locale = get_locale()
            return wtforms_translations(str(locale)) if locale is not None else None


class _DirectRender:
    """Render the widget's template with only its ``params``, as the template uses nothing else."""

    template: str

    def render(self, params: dict[str, Any]) -> Markup:
        # The GOV.UK macro's own autoescaped output, as govuk-frontend-wtf returns it.
        return Markup(current_app.jinja_env.get_template(self.template).render(params=params))  # nosec B704


class CharacterCount(_DirectRender, GovCharacterCount):
    """GOV.UK's character count."""


class RadioInput(_DirectRender, GovRadioInput):
    """GOV.UK's radios."""


class CheckboxesInput(_DirectRender, GovCheckboxesInput):
    """GOV.UK's checkboxes."""


class TextInput(_DirectRender, GovTextInput):
    """GOV.UK's text input."""
